import { validateMembersTab } from '../../src/domain/memberRows';
import { validateMessagesTab } from '../../src/domain/messageRows';
import { spacesIndex, validateSpacesTab } from '../../src/domain/spaceRows';
import { readTable, planOutputWrites } from '../../src/domain/table';
import { headerRow, MEMBERS_TAB, MESSAGES_TAB, SPACES_TAB } from '../../src/domain/tabs';
import { sequentialIds } from './helpers';

// Big tabs must stay fast: Apps Script runs this code on every execution, with a 6-minute budget.
describe('scale', () => {
  const N = 5000;
  const spacesGrid = [
    headerRow(SPACES_TAB),
    ...Array.from({ length: N }, (_, i) =>
      headerRow(SPACES_TAB).map((h) =>
        h === 'Space name'
          ? `Space ${i}`
          : h === 'Members'
            ? `a${i}@x.com, b${i}@x.com; c${i}@x.com`
            : h === 'Tags'
              ? `t${i % 10}`
              : '',
      ),
    ),
  ];

  it(`validates ${N} Spaces rows, ${N} Members rows and ${N} Messages rows quickly`, () => {
    const started = Date.now();
    const spaces = readTable(SPACES_TAB, spacesGrid);
    const s = validateSpacesTab(spaces, { newRowId: sequentialIds() });
    expect(s.spaces).toHaveLength(N);
    const idx = spacesIndex(spaces);
    const members = readTable(MEMBERS_TAB, [
      headerRow(MEMBERS_TAB),
      ...Array.from({ length: N }, (_, i) => [
        i % 2 ? `Space ${i}` : `Spcae ${i}`,
        `p${i}@x.com`,
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
    ]);
    const m = validateMembersTab(members, { spaceNames: idx.names, newRowId: sequentialIds() });
    expect(m.memberships).toHaveLength(N / 2);
    const messages = readTable(MESSAGES_TAB, [
      headerRow(MESSAGES_TAB),
      ...Array.from({ length: N }, (_, i) => [
        `tag:t${i % 10}`,
        `Hello {{Space name}} ${i}`,
        '',
        '2030-01-01 09:00',
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
    ]);
    const g = validateMessagesTab(messages, { timeZone: 'Europe/Paris', spaces: idx, newRowId: sequentialIds() });
    expect(g.messages).toHaveLength(N);
    const blocks = planOutputWrites(
      spaces,
      s.spaces.map((x) => ({
        row: x.row,
        values: { 'Row ID': x.rowId, Status: 'Planned', Details: 'Create the space.' },
      })),
    );
    // Row ID, Space ID, Space link, Status and Details are adjacent outputs: one block for 5,000 rows.
    expect(blocks).toHaveLength(1);
    expect(blocks[0].values).toHaveLength(N);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
