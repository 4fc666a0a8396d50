import type { RawCell } from '../../src/domain/cells';
import {
  checkRenderedMessage,
  parseAttachmentUrl,
  parseMessageRow,
  parseMessageTarget,
  parseSendAt,
  validateMessagesTab,
} from '../../src/domain/messageRows';
import { spacesIndex } from '../../src/domain/spaceRows';
import { headerRow, MESSAGES_TAB, SPACES_TAB } from '../../src/domain/tabs';
import { sequentialIds, table } from './helpers';

const HEADERS = headerRow(MESSAGES_TAB).concat(['Note']);
const spaces = spacesIndex(
  table(
    SPACES_TAB,
    ['Space name', 'Tags', 'Team lead'],
    [
      { 'Space name': 'Apollo', Tags: 'onboarding, emea' },
      { 'Space name': 'Design review', Tags: 'emea' },
    ],
  ),
);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function one(cells: Record<string, RawCell>, timeZone = 'Europe/Paris') {
  const t = table(MESSAGES_TAB, HEADERS, [cells], timeZone);
  return parseMessageRow(t.rows[0], {
    rowId: 'r-1',
    timeZone,
    runnerEmail: 'me@example.com',
    spaceNames: spaces.names,
    tags: spaces.tags,
    templateColumns: [...spaces.columns, ...t.columns.map((c) => c.key)],
  });
}

describe('message targets', () => {
  it.each<[string, object]>([
    ['*', { kind: 'all' }],
    ['tag:Onboarding', { kind: 'tag', tag: 'onboarding' }],
    ['TAG : emea', { kind: 'tag', tag: 'emea' }],
    ['dm:Ana@X.com', { kind: 'dm', email: 'ana@x.com' }],
    ['dm: Ana Lima <ana@x.com>', { kind: 'dm', email: 'ana@x.com' }],
    ['spaces/AAAA1234', { kind: 'id', name: 'spaces/AAAA1234' }],
    ['https://chat.google.com/room/AAAA1234', { kind: 'id', name: 'spaces/AAAA1234' }],
    ['design REVIEW', { kind: 'name', displayName: 'design REVIEW' }],
  ])('%s', (text, target) => {
    expect(parseMessageTarget(text, { spaceNames: spaces.names, tags: spaces.tags })).toEqual({ target });
  });

  it.each([
    [
      'tag:sales',
      'Space "tag:sales" matches no row: no Spaces row has "sales" in Tags. Fix the tag, or add it to the Tags of the spaces it is for.',
    ],
    ['tag:', 'Space "tag:" has no tag after "tag:"; write e.g. tag:onboarding.'],
    [
      'dm:ana',
      'Space (after "dm:"): "ana" is not an email address (it has no @); write addresses like ana@example.com, separated by commas.',
    ],
    ['dm:me@example.com', "Space is a direct message to yourself (me@example.com); write someone else's address."],
    [
      'Marketing',
      'Space "Marketing" is not a Space name on the Spaces tab; fix the name, or use the space\'s ID or link.',
    ],
  ])('%s is a problem', (text, sentence) => {
    expect(
      parseMessageTarget(text, { spaceNames: spaces.names, tags: spaces.tags, runnerEmail: 'me@example.com' }).problem,
    ).toBe(sentence);
  });
});

describe('Send at', () => {
  it('is blank for on-demand messages', () => {
    expect(parseSendAt('', 'Europe/Paris')).toEqual({});
    expect(parseSendAt(null, 'Europe/Paris')).toEqual({});
  });

  it('takes a Date cell as the instant it shows', () => {
    const d = new Date(Date.UTC(2025, 2, 1, 8));
    expect(parseSendAt(d, 'Europe/Paris')).toEqual({ ms: d.getTime() });
  });

  it.each([
    ['2025-03-01 09:00', 'Europe/Paris', '2025-03-01T08:00:00.000Z'],
    ['2025-07-01 09:00', 'Europe/Paris', '2025-07-01T07:00:00.000Z'],
    ['2025-03-01T09:00', 'America/New_York', '2025-03-01T14:00:00.000Z'],
    ['2025/3/1 9:05', 'Asia/Tokyo', '2025-03-01T00:05:00.000Z'],
    ['2025-03-01 09:00:30', 'UTC', '2025-03-01T09:00:30.000Z'],
    ['2025-03-01 9:00 pm', 'UTC', '2025-03-01T21:00:00.000Z'],
    ['2025-03-01 12:00 am', 'UTC', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T09:00:00Z', 'Europe/Paris', '2025-03-01T09:00:00.000Z'],
    ['2025-03-01T09:00:00.250+05:30', 'Europe/Paris', '2025-03-01T03:30:00.250Z'],
    ['2025-03-01 09:00 -0400', 'Europe/Paris', '2025-03-01T13:00:00.000Z'],
    // Daylight saving: the spring-forward gap moves forward, the repeated hour takes the first occurrence.
    ['2025-03-30 02:30', 'Europe/Paris', '2025-03-30T01:30:00.000Z'],
    ['2025-10-26 02:30', 'Europe/Paris', '2025-10-26T00:30:00.000Z'],
    ['2025-03-09 02:30', 'America/New_York', '2025-03-09T07:30:00.000Z'],
    ['2025-11-02 01:30', 'America/New_York', '2025-11-02T05:30:00.000Z'],
  ])('reads %s in %s', (text, zone, expected) => {
    expect(iso(parseSendAt(text, zone).ms)).toBe(expected);
  });

  it.each<[RawCell, string]>([
    ['2025-03-01', 'Send at "2025-03-01" has a date but no time; add the time, e.g. 2025-03-01 09:00.'],
    [
      '03/04/2025 09:00',
      'Send at "03/04/2025 09:00" can be read as day/month or month/day; write it as 2025-03-01 09:00 (year-month-day, 24-hour, in the spreadsheet\'s time zone, Europe/Paris), or pick it with the date picker.',
    ],
    ['9:00', 'Send at "9:00" has a time but no date; write the date too, e.g. 2025-03-01 9:00.'],
    [
      'next Tuesday',
      'Send at "next Tuesday" is not a date and time; write it as 2025-03-01 09:00 (year-month-day, 24-hour, in the spreadsheet\'s time zone, Europe/Paris), or pick it with the date picker.',
    ],
    [
      '2025-02-30 09:00',
      'Send at "2025-02-30 09:00" is not a real date or time; write it as 2025-03-01 09:00 (year-month-day, 24-hour, in the spreadsheet\'s time zone, Europe/Paris).',
    ],
    [
      '2025-03-01 24:00',
      'Send at "2025-03-01 24:00" is not a real date or time; write it as 2025-03-01 09:00 (year-month-day, 24-hour, in the spreadsheet\'s time zone, Europe/Paris).',
    ],
    [
      45000,
      'Send at is the number 45000; format the cell as Date time (Format > Number > Date time) or type a date and time like 2025-03-01 09:00.',
    ],
    [new Date(Date.UTC(1899, 11, 30, 9)), 'Send at has a time but no date; write the date too, e.g. 2025-03-01 09:00.'],
  ])('%j is a problem', (raw, sentence) => {
    expect(parseSendAt(raw, 'Europe/Paris').problem).toBe(sentence);
  });

  it('says so when the spreadsheet time zone is unknown', () => {
    expect(parseSendAt('2025-03-01 09:00', 'Mars/Olympus').problem).toBe(
      'The spreadsheet\'s time zone "Mars/Olympus" is not recognised, so Send at cannot be read; set the time zone in File > Settings.',
    );
  });
});

describe('attachments', () => {
  it('accept https links only', () => {
    expect(parseAttachmentUrl('https://example.com/agenda.pdf?x=1')).toEqual({
      url: 'https://example.com/agenda.pdf?x=1',
    });
    expect(parseAttachmentUrl('')).toEqual({});
    expect(parseAttachmentUrl('http://example.com/a.pdf').problem).toBe(
      'Attachment "http://example.com/a.pdf" is an http:// link; use an https:// link (secure) to the file.',
    );
    expect(parseAttachmentUrl('agenda.pdf').problem).toBe(
      'Attachment "agenda.pdf" is not a link; write an https:// link to the file, e.g. https://example.com/agenda.pdf.',
    );
    expect(parseAttachmentUrl('https://exa mple.com/a').problem).toMatch(/contains a space/);
    expect(parseAttachmentUrl('https://localhost/a').problem).toMatch(/not a valid link/);
  });
});

describe('a Messages row', () => {
  it('becomes a DesiredMessage', () => {
    expect(
      one({
        Space: 'tag:emea',
        Message: 'Hello {{Space name}} ({{Note}})',
        'Thread key': 'weekly',
        'Send at': '2025-03-01 09:00',
        Attachment: 'https://x.com/a.pdf',
        Note: 'hi',
      }),
    ).toEqual({
      message: {
        row: 2,
        rowId: 'r-1',
        target: { kind: 'tag', tag: 'emea' },
        text: 'Hello {{Space name}} ({{Note}})',
        threadKey: 'weekly',
        sendAt: Date.UTC(2025, 2, 1, 8),
        attachmentUrl: 'https://x.com/a.pdf',
      },
      problems: [],
      notes: [],
    });
  });

  it('reports each problem once, naming its column', () => {
    const r = one({
      Space: 'Marketing',
      Message: 'Hi {{Owner}}',
      'Thread key': 'k'.repeat(4001),
      'Send at': 'soon',
      Attachment: 'http://x.com',
    });
    expect(r.problems.map((p) => p.column)).toEqual(['Space', 'Message', 'Thread key', 'Send at', 'Attachment']);
    expect(r.problems[2].message).toBe('Thread key is 4,001 characters; Chat allows at most 4,000. Shorten it.');
    expect(r.message).toBeUndefined();
  });

  it('rejects empty and too-long messages before any rendering', () => {
    expect(one({ Space: '*', Message: '' }).problems[0].message).toBe('Message is empty; write the text to post.');
    expect(one({ Space: '*', Message: 'x'.repeat(4097) }).problems[0].message).toBe(
      'Message is 4,097 characters; Chat allows at most 4,096. Shorten it or split it into two rows.',
    );
    expect(one({ Space: '*', Message: 'x'.repeat(4097) + '{{Space name}}' }).problems[0].message).toBe(
      'Message is over 4,096 characters even before its placeholders are filled; shorten it or split it into two rows.',
    );
  });

  it('notes that a thread key is ignored in a direct message', () => {
    expect(one({ Space: 'dm:a@x.com', Message: 'hi', 'Thread key': 'k' }).notes[0].message).toMatch(
      /work only in named spaces/,
    );
  });

  it('offers the check the sender runs after rendering', () => {
    expect(checkRenderedMessage('x'.repeat(4096))).toBeUndefined();
    expect(checkRenderedMessage('x'.repeat(5000))).toBe(
      'Message is 5,000 characters after filling placeholders; Chat allows at most 4,096. Shorten it.',
    );
    expect(checkRenderedMessage('  ')).toBe('Message is empty once its placeholders are filled; add some text.');
  });
});

describe('the Messages tab', () => {
  it('assigns Row IDs and validates placeholders against the Spaces and Messages columns', () => {
    const t = table(MESSAGES_TAB, HEADERS, [
      { Space: '*', Message: 'Hi {{Team lead}} {{Note}}', 'Row ID': 'r-a' },
      { Space: 'Apollo', Message: 'Hi {{Unknown}}', 'Row ID': 'r-a' },
      { Space: 'tag:onboarding', Message: 'Welcome', 'Send at': new Date(Date.UTC(2025, 0, 1, 9)) },
    ]);
    const r = validateMessagesTab(t, { timeZone: 'UTC', spaces, newRowId: sequentialIds() });
    expect(r.rowIdAssignments.map((a) => [a.row, a.reason])).toEqual([
      [3, 'copied'],
      [4, 'blank'],
    ]);
    expect(r.messages.map((m) => [m.row, m.rowId, m.sendAt])).toEqual([
      [2, 'r-a', undefined],
      [4, 'r-0000000002', Date.UTC(2025, 0, 1, 9)],
    ]);
    expect(r.problems.map((p) => p.row)).toEqual([3]);
  });
});
