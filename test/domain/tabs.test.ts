import {
  ALL_TABS,
  columnSpec,
  findTab,
  headerRow,
  inputColumns,
  LOG_TAB,
  MEMBERS_TAB,
  MESSAGE_STATUSES,
  MESSAGES_TAB,
  outputColumns,
  requiredColumns,
  SPACE_STATUSES,
  SPACES_TAB,
  STATUS,
  tabSpec,
} from '../../src/domain/tabs';

describe('tab schemas (DESIGN §1.1)', () => {
  it('Spaces has the documented headers, inputs then outputs', () => {
    expect(headerRow(SPACES_TAB)).toEqual([
      'Space name',
      'Type',
      'Description',
      'Guidelines',
      'Members',
      'Groups',
      'Managers',
      'Owners',
      'History',
      'Discoverable',
      'External users',
      'Announcement',
      'Welcome message',
      'Member sync',
      'Tags',
      'Row ID',
      'Space ID',
      'Space link',
      'Status',
      'Details',
      'Last run',
    ]);
    expect(outputColumns(SPACES_TAB).map((c) => c.header)).toEqual([
      'Row ID',
      'Space ID',
      'Space link',
      'Status',
      'Details',
      'Last run',
    ]);
  });

  it('Members and Messages have the documented headers', () => {
    expect(headerRow(MEMBERS_TAB)).toEqual([
      'Space',
      'Member',
      'Role',
      'Action',
      'Row ID',
      'Status',
      'Details',
      'Last run',
    ]);
    expect(headerRow(MESSAGES_TAB)).toEqual([
      'Space',
      'Message',
      'Thread key',
      'Send at',
      'Attachment',
      'Row ID',
      'Message ID',
      'Status',
      'Details',
      'Sent at',
    ]);
    expect(inputColumns(MESSAGES_TAB).map((c) => c.header)).toEqual([
      'Space',
      'Message',
      'Thread key',
      'Send at',
      'Attachment',
    ]);
  });

  it('Log keeps one row per run with counts, waits and errors', () => {
    expect(headerRow(LOG_TAB)).toEqual(
      expect.arrayContaining([
        'Run',
        'Action',
        'Who',
        'Started',
        'Ended',
        'Created',
        'Failed',
        'API calls',
        'Quota waits',
        'Executions',
        'Errors',
      ]),
    );
    expect(LOG_TAB.columns.every((c) => c.io === 'out')).toBe(true);
  });

  it('has every tab, each with unique headers and a note on every column', () => {
    expect(ALL_TABS.map((t) => t.name)).toEqual([
      'Spaces',
      'Members',
      'Messages',
      'Log',
      'Spaces (export)',
      'Members (export)',
      'Messages (export)',
      'Events (export)',
      'Reactions (export)',
    ]);
    for (const tab of ALL_TABS) {
      const headers = headerRow(tab);
      expect(new Set(headers).size).toBe(headers.length);
      for (const c of tab.columns) expect(c.note.length).toBeGreaterThan(15);
    }
  });

  it('aliases never collide with another column of the same tab', () => {
    for (const tab of ALL_TABS) {
      for (const c of tab.columns) {
        for (const a of c.aliases ?? []) expect(columnSpec(tab, a)?.header).toBe(c.header);
      }
    }
  });

  it('notes state the limits users hit', () => {
    expect(columnSpec(SPACES_TAB, 'Space name')?.note).toMatch(/128/);
    expect(columnSpec(SPACES_TAB, 'Description')?.note).toMatch(/150/);
    expect(columnSpec(SPACES_TAB, 'Guidelines')?.note).toMatch(/5,000/);
    expect(columnSpec(SPACES_TAB, 'Welcome message')?.note).toMatch(/4,096/);
    expect(columnSpec(MESSAGES_TAB, 'Thread key')?.note).toMatch(/4,000/);
    expect(columnSpec(MESSAGES_TAB, 'Space')?.note).toMatch(/tag:/);
    expect(columnSpec(MESSAGES_TAB, 'Space')?.note).toMatch(/dm:/);
  });

  it('offers dropdowns for enumerated input columns', () => {
    expect(columnSpec(SPACES_TAB, 'Type')?.allowed).toEqual(['Space', 'Group chat', 'Direct message']);
    expect(columnSpec(SPACES_TAB, 'History')?.allowed).toEqual(['On', 'Off']);
    expect(columnSpec(SPACES_TAB, 'Discoverable')?.allowed).toEqual(['Yes', 'No']);
    expect(columnSpec(SPACES_TAB, 'Member sync')?.allowed).toEqual(['Add only', 'Exact']);
    expect(columnSpec(MEMBERS_TAB, 'Role')?.allowed).toEqual(['Member', 'Manager', 'Owner']);
    expect(columnSpec(MEMBERS_TAB, 'Action')?.allowed).toEqual(['Add', 'Remove']);
  });

  it('lists the statuses per tab', () => {
    expect(SPACE_STATUSES).toEqual([
      'Planned',
      'Created',
      'Updated',
      'Up to date',
      'Linked existing',
      'Failed',
      'Skipped',
      'In progress',
      'Locked',
      'Deleted',
    ]);
    expect(MESSAGE_STATUSES).toContain(STATUS.partlySent);
    expect(MEMBERS_TAB.statuses).toEqual(expect.arrayContaining(['Added', 'Invited', 'Removed']));
  });

  it('marks the columns a tab cannot be read without', () => {
    expect(requiredColumns(SPACES_TAB).map((c) => c.header)).toEqual(['Space name']);
    expect(requiredColumns(MEMBERS_TAB).map((c) => c.header)).toEqual(['Space', 'Member']);
    expect(requiredColumns(MESSAGES_TAB).map((c) => c.header)).toEqual(['Space', 'Message']);
  });

  it('finds columns and tabs case- and space-insensitively', () => {
    expect(columnSpec(SPACES_TAB, '  SPACE   name *')?.header).toBe('Space name');
    expect(columnSpec(SPACES_TAB, 'display name')?.header).toBe('Space name');
    expect(columnSpec(SPACES_TAB, 'external\u00A0users:')?.header).toBe('External users');
    expect(columnSpec(SPACES_TAB, 'Department')).toBeUndefined();
    expect(findTab(' spaces ')?.name).toBe('Spaces');
    expect(findTab('members (EXPORT)')?.name).toBe('Members (export)');
    expect(tabSpec('Log')).toBe(LOG_TAB);
  });
});
