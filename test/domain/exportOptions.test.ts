/**
 * The one-line export options: time windows, attachments, event kinds, the 28-day limit of space events, and the
 * sentence a user gets for an answer the add-on cannot read.
 */
import {
  eventTypes,
  messagesFilter,
  parseEventExportOptions,
  parseMessageExportOptions,
  readTimeCursor,
  spaceEventsFilter,
  timeCursor,
} from '../../src/domain/exportOptions';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const DAY = 24 * 3600 * 1000;

describe('message export options', () => {
  it('defaults to the last 7 days without attachments', () => {
    expect(parseMessageExportOptions('', NOW).options).toEqual({
      fromMs: NOW - 7 * DAY,
      toMs: NOW,
      attachments: false,
    });
  });

  it('reads "30 days, attachments" and "30d files" alike', () => {
    const a = parseMessageExportOptions('30 days, attachments', NOW).options;
    const b = parseMessageExportOptions('30d Files', NOW).options;
    expect(a).toEqual({ fromMs: NOW - 30 * DAY, toMs: NOW, attachments: true });
    expect(b).toEqual(a);
  });

  it('reads a date range, inclusive of the last day, and "since"', () => {
    expect(parseMessageExportOptions('2025-12-01 to 2025-12-31', NOW).options).toMatchObject({
      fromMs: Date.UTC(2025, 11, 1),
      toMs: Date.UTC(2026, 0, 1),
    });
    expect(parseMessageExportOptions('since 2025-12-24', NOW).options).toMatchObject({
      fromMs: Date.UTC(2025, 11, 24),
      toMs: NOW,
    });
  });

  it('explains what it cannot read, with examples', () => {
    expect(parseMessageExportOptions('forever', NOW).problem).toMatch(/^"forever" is not an option here\. Examples: /);
    expect(parseMessageExportOptions('30', NOW).problem).toMatch(/^"30" needs a unit: write e\.g\. "30 days"/);
    expect(parseMessageExportOptions('2025-02-30', NOW).problem).toContain('is not an option here');
    expect(parseMessageExportOptions('2026-02-01 to 2026-03-01', NOW).problem).toMatch(/^The time window is empty/);
  });

  it('builds the messages.list time filter', () => {
    expect(messagesFilter({ fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 0, 2) })).toBe(
      'create_time > "2026-01-01T00:00:00.000Z" AND create_time < "2026-01-02T00:00:00.001Z"',
    );
  });
});

describe('event export options', () => {
  it('defaults to every kind inside the last 28 days', () => {
    const o = parseEventExportOptions('', NOW).options;
    expect(o?.kinds).toEqual(['messages', 'members', 'reactions', 'space']);
    expect(o && NOW - o.fromMs).toBeLessThan(28 * DAY);
    expect(o && NOW - o.fromMs).toBeGreaterThan(27.9 * DAY);
  });

  it('keeps a longer window inside the 28 days, and refuses one entirely before them', () => {
    expect(parseEventExportOptions('90 days members', NOW).options?.fromMs).toBeGreaterThan(NOW - 28 * DAY);
    expect(parseEventExportOptions('2025-10-01 to 2025-10-31', NOW).problem).toMatch(
      /^Chat keeps space events for 28 days only/,
    );
  });

  it('builds the required spaceEvents.list filter: types joined with OR, and the window', () => {
    const o = parseEventExportOptions('3 days, members, reactions', NOW).options;
    expect(o?.kinds).toEqual(['members', 'reactions']);
    expect(eventTypes(['reactions'])).toEqual([
      'google.workspace.chat.reaction.v1.created',
      'google.workspace.chat.reaction.v1.deleted',
    ]);
    expect(spaceEventsFilter({ fromMs: NOW - DAY, toMs: NOW, kinds: ['space'] })).toBe(
      'start_time="2026-01-04T09:00:00.000Z" AND end_time="2026-01-05T09:00:00.000Z" AND ' +
        '(event_types:"google.workspace.chat.space.v1.updated")',
    );
  });
});

describe('time cursor (resuming a time-ordered list in a later execution)', () => {
  it('keeps the last time and the items written at that very millisecond', () => {
    const cursor = timeCursor([
      { name: 'm/1', time: '2026-01-01T00:00:00.100Z' },
      { name: 'm/2', time: '2026-01-01T00:00:00.200123Z' },
      { name: 'm/3', time: '2026-01-01T00:00:00.200456Z' },
    ]);
    expect(readTimeCursor(cursor)).toEqual({ afterMs: Date.UTC(2026, 0, 1, 0, 0, 0, 200), seen: ['m/2', 'm/3'] });
  });

  it('is not a page token, and a page token is not a cursor', () => {
    expect(readTimeCursor('CAESBggBEJ7')).toBeUndefined();
    expect(readTimeCursor(undefined)).toBeUndefined();
    expect(timeCursor([{ name: 'x' }])).toBeUndefined();
  });
});
