import type { RawCell } from '../../src/domain/cells';
import {
  parseMemberSync,
  parseSpaceRow,
  parseSpaceType,
  parseTags,
  spacesIndex,
  validateSpacesTab,
} from '../../src/domain/spaceRows';
import { SPACES_TAB, headerRow } from '../../src/domain/tabs';
import { sequentialIds, table } from './helpers';

const HEADERS = headerRow(SPACES_TAB).concat(['Team lead']);
const RUNNER = 'me@example.com';

function one(cells: Record<string, RawCell>, runner = RUNNER) {
  const t = table(SPACES_TAB, HEADERS, [cells]);
  return parseSpaceRow(t.rows[0], { rowId: 'r-1', runnerEmail: runner, templateColumns: t.columns.map((c) => c.key) });
}

function messages(cells: Record<string, RawCell>): string[] {
  return one(cells).problems.map((p) => p.message);
}

describe('a valid Spaces row', () => {
  it('becomes a DesiredSpace with defaults', () => {
    const r = one({ 'Space name': ' Apollo ', Members: 'a@x.com, B@x.com', 'Team lead': 'Ana' });
    expect(r.problems).toEqual([]);
    expect(r.space).toEqual({
      row: 2,
      rowId: 'r-1',
      type: 'SPACE',
      displayName: 'Apollo',
      description: undefined,
      guidelines: undefined,
      people: ['a@x.com', 'b@x.com'],
      groups: [],
      managers: [],
      owners: [],
      history: undefined,
      discoverable: undefined,
      externalUserAllowed: false,
      announcement: false,
      welcomeMessage: undefined,
      memberSync: 'add-only',
      tags: [],
      spaceId: undefined,
      cells: expect.objectContaining({ 'Space name': 'Apollo', 'Team lead': 'Ana' }),
    });
  });

  it('reads every column', () => {
    const r = one({
      'Space name': 'Apollo',
      Type: 'space',
      Description: 'Launch team',
      Guidelines: 'Be kind',
      Members: 'a@x.com',
      Groups: 'eng@x.com',
      Managers: 'm@x.com',
      Owners: 'o@x.com',
      History: 'off',
      Discoverable: true,
      'External users': 'Y',
      Announcement: 1,
      'Welcome message': 'Hi {{Space name}}, lead: {{team lead}}',
      'Member sync': 'exact',
      Tags: 'Onboarding, EMEA; onboarding',
      'Team lead': 'Ana',
      'Space ID': 'spaces/AAAA1234',
    });
    expect(r.problems).toEqual([]);
    expect(r.space).toMatchObject({
      description: 'Launch team',
      guidelines: 'Be kind',
      people: ['a@x.com', 'm@x.com', 'o@x.com'],
      groups: ['eng@x.com'],
      managers: ['m@x.com'],
      owners: ['o@x.com'],
      history: 'HISTORY_OFF',
      discoverable: true,
      externalUserAllowed: true,
      announcement: true,
      welcomeMessage: 'Hi {{Space name}}, lead: {{team lead}}',
      memberSync: 'exact',
      tags: ['onboarding', 'emea'],
      spaceId: 'spaces/AAAA1234',
    });
  });

  it('reads a group chat and a direct message', () => {
    expect(one({ Type: 'Group chat', Members: 'a@x.com b@x.com' }).space).toMatchObject({
      type: 'GROUP_CHAT',
      displayName: undefined,
      people: ['a@x.com', 'b@x.com'],
    });
    expect(one({ Type: 'DIRECT_MESSAGE', Members: 'a@x.com' }).space).toMatchObject({
      type: 'DIRECT_MESSAGE',
      people: ['a@x.com'],
    });
    expect(one({ Type: 'dm', Members: 'a@x.com' }).space?.type).toBe('DIRECT_MESSAGE');
  });

  it('drops you (the runner) from the lists with a note, never an error', () => {
    const r = one({
      'Space name': 'Apollo',
      Members: 'ME@example.com, a@x.com',
      Owners: 'me@example.com',
      Managers: 'me@example.com',
    });
    expect(r.problems).toEqual([]);
    expect(r.space?.people).toEqual(['a@x.com']);
    expect(r.notes.map((n) => n.message)).toEqual([
      'Members: you (me@example.com) are added automatically; removed from Members.',
      'Managers: you (me@example.com) will own the spaces you create and cannot also be a Manager; removed from Managers.',
      'Owners: you (me@example.com) are already the Owner of the spaces you create; removed from Owners.',
    ]);
  });

  it('links an existing space from a pasted link, with a note', () => {
    const r = one({ 'Space name': 'Apollo', 'Space link': 'https://mail.google.com/chat/u/0/#chat/space/AAAAxyz9' });
    expect(r.space?.spaceId).toBe('spaces/AAAAxyz9');
    expect(r.notes[0].message).toBe('Space link: this row will manage the existing space spaces/AAAAxyz9.');
    expect(one({ 'Space name': 'Apollo', 'Space ID': 'https://chat.google.com/room/AAAAxyz9' }).space?.spaceId).toBe(
      'spaces/AAAAxyz9',
    );
  });
});

describe('problems a user sees (exact sentences)', () => {
  it.each<[string, Record<string, RawCell>, string]>([
    [
      'name too long',
      { 'Space name': 'x'.repeat(141) },
      'Space name is 141 characters; Chat allows at most 128. Shorten it.',
    ],
    [
      'name missing',
      { Members: 'a@x.com' },
      'Space name is empty; a space needs a name (or set Type to Group chat or Direct message).',
    ],
    [
      'name with a line break',
      { 'Space name': 'Apollo\nTeam' },
      'Space name has a line break; put the name on one line.',
    ],
    [
      'unknown type',
      { 'Space name': 'A', Type: 'Room' },
      'Type is "Room"; write Space, Group chat or Direct message (blank means Space).',
    ],
    [
      'description too long',
      { 'Space name': 'A', Description: 'd'.repeat(151) },
      'Description is 151 characters; Chat allows at most 150. Shorten it.',
    ],
    [
      'guidelines too long',
      { 'Space name': 'A', Guidelines: 'g'.repeat(5001) },
      'Guidelines is 5,001 characters; Chat allows at most 5,000. Shorten it.',
    ],
    [
      'group chat with a name',
      { 'Space name': 'A', Type: 'Group chat', Members: 'a@x.com, b@x.com' },
      'Space name must be empty for a Group chat: Chat names it after its members. Clear it, or set Type to Space.',
    ],
    [
      'group chat with one person',
      { Type: 'Group chat', Members: 'a@x.com' },
      'Members lists only a@x.com; a Group chat needs at least 2 other people (you are added automatically). Add more people, or set Type to Direct message.',
    ],
    [
      'group chat that lists only you',
      { Type: 'Group chat', Members: 'me@example.com' },
      'Members is empty; a Group chat needs at least 2 other people (you are added automatically).',
    ],
    [
      'direct message with two people',
      { Type: 'Direct message', Members: 'a@x.com, b@x.com' },
      'Members lists 2 people; a Direct message is with exactly 1 other person. Keep one, or set Type to Group chat.',
    ],
    [
      'direct message with nobody',
      { Type: 'Direct message' },
      'Members is empty; a Direct message needs exactly 1 other person (you are added automatically).',
    ],
    [
      'direct message with a description',
      { Type: 'Direct message', Members: 'a@x.com', Description: 'x' },
      'Description can be set only for named spaces, not a Direct message; clear Description or set Type to Space.',
    ],
    [
      'group chat with groups',
      { Type: 'Group chat', Members: 'a@x.com, b@x.com', Groups: 'g@x.com' },
      'Google Groups can be added only for named spaces, not a Group chat; clear Groups or set Type to Space.',
    ],
    [
      'direct message with managers',
      { Type: 'Direct message', Members: 'a@x.com', Managers: 'm@x.com' },
      'Managers exist only for named spaces, not a Direct message; clear Managers or set Type to Space.',
    ],
    [
      'discoverable group chat',
      { Type: 'Group chat', Members: 'a@x.com, b@x.com', Discoverable: 'Yes' },
      'Discoverable applies only for named spaces, not a Group chat; clear Discoverable or set Type to Space.',
    ],
    [
      'announcement DM',
      { Type: 'Direct message', Members: 'a@x.com', Announcement: 'Yes' },
      'Announcement mode exists only for named spaces, not a Direct message; clear Announcement or set Type to Space.',
    ],
    [
      'bad history',
      { 'Space name': 'A', History: 'Maybe' },
      'History is "Maybe"; write On or Off (blank keeps the current setting).',
    ],
    [
      'bad yes/no',
      { 'Space name': 'A', Discoverable: 'perhaps' },
      'Discoverable is "perhaps"; write Yes or No (blank keeps the current setting).',
    ],
    [
      'bad external users',
      { 'Space name': 'A', 'External users': 'sometimes' },
      'External users is "sometimes"; write Yes or No (blank means No).',
    ],
    [
      'bad member sync',
      { 'Space name': 'A', 'Member sync': 'Full' },
      'Member sync is "Full"; write Add only or Exact (blank means Add only).',
    ],
    [
      'exact with nobody listed',
      { 'Space name': 'A', 'Member sync': 'Exact' },
      'Member sync is Exact but Members, Managers, Owners and Groups are all empty, which would remove everyone; list the members or set Member sync to Add only.',
    ],
    [
      'manager and owner',
      { 'Space name': 'A', Managers: 'a@x.com', Owners: 'A@x.com' },
      'a@x.com is in both Managers and Owners; keep each person in one of them.',
    ],
    [
      'group listed as a person',
      { 'Space name': 'A', Members: 'eng@x.com', Groups: 'eng@x.com' },
      'eng@x.com is listed both as a group and as a person; keep Google Groups in Groups only.',
    ],
    [
      'bad email',
      { 'Space name': 'A', Members: 'ana@x' },
      'Members: "ana@x" has no dot after the @; write the full domain, e.g. ana@x.com.',
    ],
    [
      'unknown placeholder',
      { 'Space name': 'A', 'Welcome message': 'Hi {{Owner name}}' },
      expect.stringMatching(
        /^Welcome message uses \{\{Owner name\}\}, but there is no "Owner name" column; the columns you can use are Space name, Type, Description, Guidelines, Members, Groups, Managers, Owners, History, Discoverable, External users, Announcement and 10 more\. Add the column or fix the placeholder\.$/,
      ) as unknown as string,
    ],
    [
      'welcome too long after rendering',
      { 'Space name': 'x'.repeat(100), 'Welcome message': '{{Space name}}'.repeat(41) },
      'Welcome message is 4,100 characters after filling placeholders; Chat allows at most 4,096. Shorten it.',
    ],
    [
      'bad Space ID',
      { 'Space name': 'A', 'Space ID': 'xyz' },
      'Space ID "xyz" is not a Chat space ID (spaces/…); clear it so the add-on fills it in, or paste the space\'s link.',
    ],
    [
      'bad Space link',
      { 'Space name': 'A', 'Space link': 'https://example.com/x' },
      'Space link "https://example.com/x" is not a link to a Chat space; paste the link Chat shows for the space (https://chat.google.com/room/…) or clear it.',
    ],
    [
      'ID and link disagree',
      { 'Space name': 'A', 'Space ID': 'spaces/AAAA1111', 'Space link': 'https://chat.google.com/room/BBBB2222' },
      'Space ID (spaces/AAAA1111) and Space link (spaces/BBBB2222) point to different spaces; clear the one that is wrong.',
    ],
    [
      'date in Space name',
      { 'Space name': new Date(Date.UTC(2025, 0, 2)) },
      'Space name holds a date (2025-01-02), not text: Sheets turned what you typed into a date. Format the cell as Plain text (Format > Number > Plain text) and type it again.',
    ],
  ])('%s', (_label, cells, sentence) => {
    expect(messages(cells)).toEqual([sentence]);
    expect(one(cells).space).toBeUndefined();
  });

  it('names the column as the user wrote it', () => {
    const t = table(SPACES_TAB, ['space NAME', 'Type'], [{ 'space NAME': 'x'.repeat(200) }]);
    const r = parseSpaceRow(t.rows[0], { rowId: 'r', headers: { 'Space name': 'space NAME' } });
    expect(r.problems[0]).toEqual({
      row: 2,
      column: 'space NAME',
      message: 'Space name is 200 characters; Chat allows at most 128. Shorten it.',
    });
  });

  it('counts characters as people do (an emoji is one)', () => {
    expect(messages({ 'Space name': '🚀'.repeat(128) })).toEqual([]);
  });

  it('tolerates "No" in space-only yes/no columns of other types (filled down by habit)', () => {
    expect(
      one({ Type: 'Group chat', Members: 'a@x.com, b@x.com', Discoverable: 'No', Announcement: 'No' }).problems,
    ).toEqual([]);
  });
});

describe('enumerations', () => {
  it('accept any case and spacing', () => {
    expect(parseSpaceType('  GROUP   chat ')).toBe('GROUP_CHAT');
    expect(parseSpaceType('')).toBe('SPACE');
    expect(parseSpaceType('Room')).toBeUndefined();
    expect(parseMemberSync('ADD-ONLY')).toBe('add-only');
    expect(parseMemberSync('')).toBe('add-only');
    expect(parseTags(' A, b ;a\nC ')).toEqual(['a', 'b', 'c']);
  });
});

describe('the whole Spaces tab', () => {
  it('flags a second Direct message with the same person (Chat keeps one per person), naming the first row', () => {
    const t = table(SPACES_TAB, HEADERS, [
      { Type: 'Direct message', Members: 'a@x.com', 'Row ID': 'r-a' },
      { Type: 'Direct message', Members: 'b@x.com', 'Row ID': 'r-b' },
      { Type: 'DM', Members: 'A@x.com', 'Row ID': 'r-c' },
    ]);
    const r = validateSpacesTab(t, { newRowId: sequentialIds(), runnerEmail: RUNNER });
    expect(r.spaces.map((s) => s.row)).toEqual([2, 3]);
    expect(r.problems).toEqual([
      {
        row: 4,
        column: 'Members',
        message:
          'A Direct message with a@x.com is also on row 2; Chat keeps one direct message per person, so two rows would manage the same conversation. Delete one of the rows.',
      },
    ]);
  });

  it('flags duplicate names on every later row, naming the first', () => {
    const t = table(SPACES_TAB, HEADERS, [
      { 'Space name': 'Design', 'Row ID': 'r-a' },
      { 'Space name': 'Sales', 'Row ID': 'r-b' },
      { 'Space name': '  design ', 'Row ID': 'r-c' },
      { 'Space name': 'DESIGN', 'Row ID': 'r-d' },
      { Type: 'Group chat', Members: 'a@x.com, b@x.com', 'Row ID': 'r-e' },
      { Type: 'Group chat', Members: 'a@x.com, c@x.com', 'Row ID': 'r-f' },
    ]);
    const r = validateSpacesTab(t, { newRowId: sequentialIds(), runnerEmail: RUNNER });
    expect(r.spaces.map((s) => s.row)).toEqual([2, 3, 6, 7]);
    expect(r.problems).toEqual([
      {
        row: 4,
        column: 'Space name',
        message:
          'Space name "design" is also on row 2; each row must name a different space. Rename this one or delete the row.',
      },
      {
        row: 5,
        column: 'Space name',
        message:
          'Space name "DESIGN" is also on row 2; each row must name a different space. Rename this one or delete the row.',
      },
    ]);
  });

  it('gives blank and copied Row IDs new ones; the copy forgets the copied Space ID', () => {
    const t = table(SPACES_TAB, HEADERS, [
      { 'Space name': 'Design', 'Row ID': 'r-aaaaaaaaaa', 'Space ID': 'spaces/AAAA1111', Status: 'Created' },
      { 'Space name': 'Sales' },
      { 'Space name': 'Design 2', 'Row ID': 'r-aaaaaaaaaa', 'Space ID': 'spaces/AAAA1111', Status: 'Created' },
    ]);
    const r = validateSpacesTab(t, { newRowId: sequentialIds() });
    expect(r.rowIdAssignments).toEqual([
      { row: 3, rowId: 'r-0000000001', reason: 'blank' },
      { row: 4, rowId: 'r-0000000002', reason: 'copied', previous: 'r-aaaaaaaaaa', copiedFromRow: 2 },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.spaces.map((s) => [s.row, s.rowId, s.spaceId])).toEqual([
      [2, 'r-aaaaaaaaaa', 'spaces/AAAA1111'],
      [3, 'r-0000000001', undefined],
      [4, 'r-0000000002', undefined],
    ]);
    expect(r.notes.map((n) => n.row)).toContain(4);
  });

  it('flags two rows that point at the same space', () => {
    const t = table(SPACES_TAB, HEADERS, [
      { 'Space name': 'A', 'Row ID': 'r-1', 'Space ID': 'spaces/AAAA1111' },
      { 'Space name': 'B', 'Row ID': 'r-2', 'Space link': 'https://chat.google.com/room/AAAA1111' },
    ]);
    const r = validateSpacesTab(t, { newRowId: sequentialIds() });
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'Space ID spaces/AAAA1111 is also on row 2; two rows cannot manage the same space. Delete one of the rows.'],
    ]);
  });

  it('skips blank rows and returns the tab problems when a required column is missing', () => {
    const ok = table(SPACES_TAB, HEADERS, [{ 'Space name': 'A' }, {}, {}, { 'Space name': 'B' }]);
    expect(validateSpacesTab(ok, { newRowId: sequentialIds() }).spaces.map((s) => s.row)).toEqual([2, 5]);
    const bad = table(SPACES_TAB, ['Name of space'], [{ 'Name of space': 'A' }]);
    const r = validateSpacesTab(bad, { newRowId: sequentialIds() });
    expect(r.spaces).toEqual([]);
    expect(r.problems).toHaveLength(1);
  });

  it('indexes names and tags for the Members and Messages tabs', () => {
    const t = table(SPACES_TAB, HEADERS, [
      { 'Space name': 'Design', Tags: 'emea' },
      { 'Space name': 'design ' },
      { Type: 'Group chat', Members: 'a@x.com', Tags: 'Ops' },
    ]);
    const idx = spacesIndex(t);
    expect(idx.names).toEqual(['Design']);
    expect([...idx.tags]).toEqual(['emea', 'ops']);
    expect(idx.columns).toContain('Team lead');
  });
});
