/**
 * The Spaces tab as a job sees it: read once per execution, Row IDs assigned (and written before any Chat call, so
 * the idempotency keys derived from them survive a crash), rows parsed and validated, and results written back as
 * a few blocks. Results accumulate during an execution and every flush rewrites all of them, so a block never
 * writes back a stale value of a row finished earlier in the same execution.
 */
import type { DesiredSpace, RowProblem } from '../../domain/model';
import { parseSpaceRows } from '../../domain/spaceRows';
import {
  assignTableRowIds,
  planOutputWrites,
  readTable,
  withOutputColumns,
  type OutputUpdate,
  type OutputValue,
  type Table,
} from '../../domain/table';
import { SPACES_COL, SPACES_TAB } from '../../domain/tabs';
import type { Workbook } from '../../ports/workbook';

/** One data row of the Spaces tab. */
export interface SpaceSheetRow {
  row: number;
  rowId: string;
  desired?: DesiredSpace;
  problems: RowProblem[];
  /** Status as the sheet holds it. */
  status: string;
  /** Things worth telling about the row that are not problems (e.g. the runner dropped from Members). */
  notes: string[];
}

export class SpacesSheet {
  private readonly updates = new Map<number, Record<string, OutputValue>>();

  private constructor(
    private readonly workbook: Workbook,
    private readonly table: Table,
    readonly rows: SpaceSheetRow[],
  ) {}

  /**
   * Reads and validates the tab, writes Row IDs that were blank or copied, and returns the rows.
   * @throws Error with a sentence for the user when the tab is missing or cannot be read.
   */
  static load(workbook: Workbook, options: { timeZone: string; runner: string; random: () => number }): SpacesSheet {
    const values = workbook.readTab(SPACES_TAB.name);
    if (!values) throw new Error('There is no Spaces tab. Run Chat Spaces > Set up sheets first.');
    const read = readTable(SPACES_TAB, values, { timeZone: options.timeZone });
    if (read.problems.length) throw new Error(read.problems.map((p) => p.message).join(' '));
    const { table, headerBlock } = withOutputColumns(read);
    if (headerBlock) workbook.writeBlocks(SPACES_TAB.name, [headerBlock]);

    const ids = assignTableRowIds(table, SPACES_COL.rowId, { random: options.random });
    const sheet = new SpacesSheet(workbook, table, []);
    if (ids.assignments.length) {
      for (const a of ids.assignments) {
        const values: Record<string, OutputValue> = { [SPACES_COL.rowId]: a.rowId };
        // A copied row copied its outputs too: they belong to the original row.
        if (a.reason === 'copied')
          Object.assign(values, {
            [SPACES_COL.spaceId]: '',
            [SPACES_COL.spaceLink]: '',
            [SPACES_COL.status]: '',
            [SPACES_COL.details]: '',
            [SPACES_COL.lastRun]: '',
          });
        sheet.updates.set(a.row, values);
      }
      sheet.flush();
      workbook.flush();
    }
    const copied = new Set(ids.assignments.filter((a) => a.reason === 'copied').map((a) => a.row));
    const parsed = parseSpaceRows(table, { runner: options.runner, rowIds: ids.rowIds, ignoreOutputsOf: copied });
    for (const r of table.rows) {
      const result = parsed.get(r.row);
      sheet.rows.push({
        row: r.row,
        rowId: ids.rowIds.get(r.row) ?? '',
        desired: result?.space,
        problems: result?.problems ?? [],
        notes: (result?.notes ?? []).map((n) => n.message),
        status: copied.has(r.row) ? '' : (r.cells[SPACES_COL.status] ?? ''),
      });
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
    this.workbook.writeBlocks(SPACES_TAB.name, planOutputWrites(this.table, updates));
  }
}
