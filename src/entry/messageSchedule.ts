/**
 * The "Send scheduled messages" schedule, shared by the sidebar's Settings card and the Messages menu so both turn
 * the same trigger on and off (one trigger per handler, the same record of the spreadsheets it serves), and the check
 * its trigger makes before starting a run. Not re-exported by main.ts: nothing here is an entry point.
 */
import { SheetWorkbook } from '../adapters/gas/sheetWorkbook';
import { hasDueMessages } from '../app/messages/dueRows';
import type { ScheduleDefinition } from '../app/sidebar/schedules';
import { entry } from './entryNames';

/** The schedule definition (id `messages`, as the sidebar has always stored it). */
export const MESSAGES_SCHEDULE: ScheduleDefinition = {
  id: 'messages',
  title: 'Send scheduled messages',
  description: 'Sends the Messages rows whose Send at has come.',
  handler: entry('runScheduledMessages'),
  available: true,
};

/** True when the spreadsheet has a Messages row due now. Scope: drive.file / spreadsheets.currentonly. */
export function messagesDue(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): boolean {
  return hasDueMessages(new SheetWorkbook(spreadsheet), timeZone, Date.now());
}
