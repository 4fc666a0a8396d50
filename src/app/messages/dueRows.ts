/**
 * The question a scheduled-messages trigger asks before starting a run: does this spreadsheet hold a Messages row
 * whose Send at has come and that no run has settled yet? One read of the Messages tab and no API call, so a trigger
 * that fires every minute costs almost nothing (and writes no Log row) when nothing is due.
 */
import { parseSendAt } from '../../domain/messageRows';
import { sendDecision } from '../../domain/messagePlan';
import { readTable } from '../../domain/table';
import { MESSAGES_COL as C, MESSAGES_TAB } from '../../domain/tabs';
import type { Workbook } from '../../ports/workbook';

/** True when some row is due for the scheduler. Scope: spreadsheets.currentonly (or drive.file). */
export function hasDueMessages(workbook: Workbook, timeZone: string, now: number): boolean {
  const values = workbook.readTab(MESSAGES_TAB.name);
  if (!values) return false;
  const table = readTable(MESSAGES_TAB, values, { timeZone });
  return table.rows.some((r) => {
    const sendAt = parseSendAt(r.raw[C.sendAt], timeZone).ms;
    if (sendAt === undefined) return false;
    return sendDecision({ sendAt }, r.cells[C.status] ?? '', now, 'schedule').action === 'send';
  });
}
