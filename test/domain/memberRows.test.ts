import type { RawCell } from '../../src/domain/cells';
import { parseMemberAction, parseMemberRow, parseRole, validateMembersTab } from '../../src/domain/memberRows';
import { headerRow, MEMBERS_TAB } from '../../src/domain/tabs';
import { sequentialIds, table } from './helpers';

const HEADERS = headerRow(MEMBERS_TAB);
const NAMES = ['Apollo', 'Design review'];

function one(cells: Record<string, RawCell>) {
  const t = table(MEMBERS_TAB, HEADERS, [cells]);
  return parseMemberRow(t.rows[0], { rowId: 'r-1', runnerEmail: 'me@example.com', spaceNames: NAMES });
}

describe('a Members row', () => {
  it('adds a member by space name, with defaults', () => {
    expect(one({ Space: 'apollo', Member: 'Ana@X.com' })).toEqual({
      membership: {
        row: 2,
        rowId: 'r-1',
        space: { kind: 'name', displayName: 'apollo' },
        member: 'ana@x.com',
        role: 'ROLE_MEMBER',
        action: 'add',
      },
      problems: [],
      notes: [],
    });
  });

  it('reads IDs, links, roles and actions', () => {
    expect(one({ Space: 'spaces/AAAA1234', Member: 'a@x.com', Role: 'owner' }).membership).toMatchObject({
      space: { kind: 'id', name: 'spaces/AAAA1234' },
      role: 'ROLE_MANAGER',
    });
    expect(
      one({ Space: 'https://chat.google.com/room/AAAA1234?cls=11', Member: 'a@x.com', Role: 'Manager' }).membership,
    ).toMatchObject({
      space: { kind: 'id', name: 'spaces/AAAA1234' },
      role: 'ROLE_ASSISTANT_MANAGER',
    });
    expect(one({ Space: '*', Member: 'leaver@x.com', Action: 'remove' }).membership).toMatchObject({
      space: { kind: 'all' },
      action: 'remove',
    });
  });

  it('notes that Role is ignored on Remove', () => {
    expect(one({ Space: 'Apollo', Member: 'a@x.com', Role: 'Owner', Action: 'Remove' }).notes[0].message).toBe(
      'Role is ignored when the Action is Remove.',
    );
  });

  it.each<[string, Record<string, RawCell>, string]>([
    [
      '* with Add',
      { Space: '*', Member: 'a@x.com' },
      'Space * (every space on the Spaces tab) works only with Action Remove, for offboarding; name one space per row to add someone.',
    ],
    [
      'unknown space name',
      { Space: 'Apolo', Member: 'a@x.com' },
      'Space "Apolo" is not a Space name on the Spaces tab; fix the name, or use the space\'s ID or link. Did you mean "Apollo"?',
    ],
    [
      'empty space',
      { Member: 'a@x.com' },
      "Space is empty; write a Space name from the Spaces tab, a Space ID (spaces/…) or the space's link.",
    ],
    [
      'two members in one cell',
      { Space: 'Apollo', Member: 'a@x.com; b@x.com' },
      'Member holds 2 entries ("a@x.com; b@x.com"); put one email address per row.',
    ],
    [
      'empty member',
      { Space: 'Apollo', Role: 'Owner' },
      'Member is empty; write one email address, e.g. ana@example.com.',
    ],
    [
      'bad member',
      { Space: 'Apollo', Member: 'ana@x' },
      'Member: "ana@x" has no dot after the @; write the full domain, e.g. ana@x.com.',
    ],
    [
      'bad role',
      { Space: 'Apollo', Member: 'a@x.com', Role: 'Admin' },
      'Role is "Admin"; write Member, Manager or Owner (blank means Member).',
    ],
    [
      'bad action',
      { Space: 'Apollo', Member: 'a@x.com', Action: 'Promote' },
      'Action is "Promote"; write Add or Remove (blank means Add). To change someone\'s role, use Add with the new Role.',
    ],
    [
      'removing yourself',
      { Space: '*', Member: 'ME@example.com', Action: 'Remove' },
      'Member is you (me@example.com); the add-on acts as you and would lose access to the space. Leave the space in Chat instead, or delete this row.',
    ],
  ])('%s', (_label, cells, sentence) => {
    const r = one(cells);
    expect(r.problems.map((p) => p.message)).toEqual([sentence]);
    expect(r.membership).toBeUndefined();
  });

  it('parses enumerations in any case', () => {
    expect(parseRole('ROLE_ASSISTANT_MANAGER')).toBe('ROLE_ASSISTANT_MANAGER');
    expect(parseRole(' owner ')).toBe('ROLE_MANAGER');
    expect(parseMemberAction('REMOVE')).toBe('remove');
    expect(parseMemberAction('')).toBe('add');
  });
});

describe('the Members tab', () => {
  it('assigns Row IDs and flags repeated or contradictory rows, naming the earlier row', () => {
    const t = table(MEMBERS_TAB, HEADERS, [
      { Space: 'Apollo', Member: 'a@x.com', 'Row ID': 'r-a' },
      { Space: 'apollo ', Member: 'A@x.com', Role: 'Owner' },
      { Space: 'Apollo', Member: 'a@x.com', Action: 'Remove', 'Row ID': 'r-a' },
      { Space: 'Apollo', Member: 'b@x.com' },
      { Space: 'spaces/AAAA1234', Member: 'b@x.com' },
    ]);
    const r = validateMembersTab(t, { newRowId: sequentialIds(), spaceNames: NAMES });
    expect(r.rowIdAssignments.map((a) => [a.row, a.reason])).toEqual([
      [3, 'blank'],
      [4, 'copied'],
      [5, 'blank'],
      [6, 'blank'],
    ]);
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'Row 2 already adds a@x.com to this space (as Member); keep only one of the two rows.'],
      [4, 'Row 2 adds a@x.com and this row removes them; keep only one of the two rows.'],
    ]);
    expect(r.memberships.map((m) => m.row)).toEqual([2, 5, 6]);
  });
});
