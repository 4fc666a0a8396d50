/**
 * "Set up sheets": creates the Spaces, Members, Messages and Log tabs from their schemas — headers, a note on each
 * header, dropdowns for enumerated columns, plain-text formats for typed columns and a frozen header row — and adds missing columns to
 * tabs that exist. Existing data is never touched.
 */
import { LOG_TAB, MEMBERS_TAB, MESSAGES_TAB, SPACES_TAB, type TabSpec } from '../domain/tabs';
import type { ColumnSetup, Workbook } from '../ports/workbook';

export const SET_UP_TABS: readonly TabSpec[] = [SPACES_TAB, MEMBERS_TAB, MESSAGES_TAB, LOG_TAB];

/** Column setup of a tab schema, as the Workbook port takes it. */
export function columnSetups(tab: TabSpec): ColumnSetup[] {
  return tab.columns.map((c) => ({
    header: c.header,
    note: c.note,
    allowedValues: c.allowed,
    output: c.io === 'out',
    // Plain text keeps what people type from turning into dates or numbers. Columns the add-on writes are left
    // in the default format: its values carry their own guard (toCellValue's quote prefix, which a plain-text
    // cell would show).
    plainText: c.io === 'in' && c.kind !== 'timestamp' && c.kind !== 'number' && c.kind !== 'datetime' && !c.allowed,
  }));
}

export interface SetUpReport {
  created: string[];
  completed: { tab: string; added: string[] }[];
  unchanged: string[];
}

/** Creates or completes every tab; returns what changed. */
export function setUpSheets(workbook: Workbook, tabs: readonly TabSpec[] = SET_UP_TABS): SetUpReport {
  const report: SetUpReport = { created: [], completed: [], unchanged: [] };
  for (const tab of tabs) {
    const result = workbook.setUpTab(tab.name, columnSetups(tab));
    if (result.created) report.created.push(tab.name);
    else if (result.addedColumns.length) report.completed.push({ tab: tab.name, added: result.addedColumns });
    else report.unchanged.push(tab.name);
  }
  return report;
}

/** One sentence for the user about what Set up sheets did. */
export function describeSetUp(report: SetUpReport): string {
  const parts: string[] = [];
  if (report.created.length)
    parts.push(`Created the ${report.created.join(', ')} tab${report.created.length > 1 ? 's' : ''}.`);
  for (const c of report.completed) parts.push(`Added ${c.added.join(', ')} to the ${c.tab} tab.`);
  if (!parts.length) parts.push('Every tab is already set up; nothing was changed.');
  return parts.join(' ');
}
