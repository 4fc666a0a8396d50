/** The check a scheduled-messages trigger makes before starting a run: one read, no API call. */
import { hasDueMessages } from '../../src/app/messages/dueRows';
import type { CellValue, Workbook } from '../../src/ports/workbook';

const HEADER = ['Space', 'Message', 'Send at', 'Status'];
const now = Date.UTC(2026, 0, 5, 9, 0);

function workbook(rows: CellValue[][]): Workbook {
  const values = [HEADER, ...rows];
  const unused = (): never => {
    throw new Error('not used');
  };
  return {
    id: () => 'ss',
    readTab: (name) => (name === 'Messages' ? values : undefined),
    writeBlocks: unused,
    appendRows: unused,
    setUpTab: unused,
    replaceTab: unused,
    selectedRows: unused,
    flush: unused,
  };
}

describe('hasDueMessages', () => {
  it('is true for a due row no run has settled, in the given time zone', () => {
    expect(hasDueMessages(workbook([['Design', 'Hi', '2026-01-05 09:00', 'Scheduled']]), 'Etc/UTC', now)).toBe(true);
    // 09:30 in Paris is 08:30 UTC: due.
    expect(hasDueMessages(workbook([['Design', 'Hi', '2026-01-05 09:30', '']]), 'Europe/Paris', now)).toBe(true);
  });

  it('is false for later, on-demand, sent, failed and recalled rows, and without a Messages tab', () => {
    const rows: CellValue[][] = [
      ['Design', 'Later', '2026-01-05 09:01', ''],
      ['Design', 'On demand', '', ''],
      ['Design', 'Done', '2026-01-05 08:00', 'Sent'],
      ['Design', 'Broken', '2026-01-05 08:00', 'Failed'],
      ['Design', 'Recalled', '2026-01-05 08:00', 'Deleted'],
    ];
    expect(hasDueMessages(workbook(rows), 'Etc/UTC', now)).toBe(false);
    expect(hasDueMessages({ ...workbook([]), readTab: () => undefined }, 'Etc/UTC', now)).toBe(false);
  });
});
