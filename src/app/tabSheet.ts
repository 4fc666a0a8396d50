/**
 * An input tab (Spaces, Members, Messages) as a job sees it: read with one call per execution, missing output
 * columns added, Row IDs assigned to blank or copied rows and written (and flushed) before any Chat call, so the
 * idempotency keys derived from them survive a crash; results are then recorded per row and written back as a few
 * blocks. Results accumulate during an execution and every flush rewrites all of them, so a block never writes
 * back a stale value of a row finished earlier in the same execution.
 */
import { assignTableRowIds, planOutputWrites, readTable, withOutputColumns } from '../domain/table';
import type { OutputUpdate, OutputValue, Table } from '../domain/table';
import type { TabSpec } from '../domain/tabs';
import type { Workbook } from '../ports/workbook';

/** How to load an input tab. */
export interface TabSheetOptions {
  /** The spreadsheet's time zone (dates in cells). */
  readonly timeZone: string;
  /** Random numbers for new Row IDs. */
  readonly random: () => number;
  /** Output columns to clear on a copied row: its outputs belong to the row it was copied from. */
  readonly clearOnCopy: readonly string[];
  /** The tab's Row ID header (default `Row ID`). */
  readonly rowIdColumn?: string;
}

export class TabSheet {
  private readonly updates = new Map<number, Record<string, OutputValue>>();

  private constructor(
    private readonly workbook: Workbook,
    /** The tab as read, with its output columns. */
    readonly table: Table,
    /** Row ID of every data row, by sheet row number. */
    readonly rowIds: ReadonlyMap<number, string>,
    /** Rows that carried a copy of another row's Row ID (they now have their own, and blank outputs). */
    readonly copied: ReadonlySet<number>,
  ) {}

  /**
   * Reads the tab, adds missing output columns, and writes Row IDs that were blank or copied.
   * Scope: spreadsheets.currentonly.
   * @throws Error with a sentence for the user when the tab is missing or its headers cannot be read.
   */
  static load(workbook: Workbook, tab: TabSpec, options: TabSheetOptions): TabSheet {
    const values = workbook.readTab(tab.name);
    if (!values) throw new Error(`There is no ${tab.name} tab. Run Chat Spaces > Set up sheets first.`);
    const read = readTable(tab, values, { timeZone: options.timeZone });
    if (read.problems.length) throw new Error(read.problems.map((p) => p.message).join(' '));
    const { table, headerBlock } = withOutputColumns(read);
    if (headerBlock) workbook.writeBlocks(tab.name, [headerBlock]);

    const ids = assignTableRowIds(table, options.rowIdColumn ?? 'Row ID', { random: options.random });
    const copied = new Set(ids.assignments.filter((a) => a.reason === 'copied').map((a) => a.row));
    const sheet = new TabSheet(workbook, table, ids.rowIds, copied);
    if (ids.assignments.length) {
      for (const a of ids.assignments) {
        const values: Record<string, OutputValue> = { [options.rowIdColumn ?? 'Row ID']: a.rowId };
        if (a.reason === 'copied') for (const column of options.clearOnCopy) values[column] = '';
        sheet.updates.set(a.row, values);
      }
      sheet.flush();
      workbook.flush();
    }
    return sheet;
  }

  /** Records a row's outputs (written at the next flush). */
  set(row: number, values: Record<string, OutputValue>): void {
    this.updates.set(row, { ...(this.updates.get(row) ?? {}), ...values });
  }

  /** Writes every output recorded since load: one setValues per block, whatever the number of rows. */
  flush(): void {
    const updates: OutputUpdate[] = [...this.updates.entries()].map(([row, values]) => ({ row, values }));
    if (!updates.length) return;
    this.workbook.writeBlocks(this.table.tab.name, planOutputWrites(this.table, updates));
  }
}
