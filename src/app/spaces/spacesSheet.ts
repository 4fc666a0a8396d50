/**
 * The Spaces tab as a job sees it: the tab loaded as a TabSheet (one read, Row IDs written before any Chat call)
 * and every row parsed and validated into the space it asks for; results are recorded per row and written back as
 * a few blocks.
 */
import type { DesiredSpace, RowProblem } from '../../domain/model';
import { parseSpaceRows } from '../../domain/spaceRows';
import type { OutputValue } from '../../domain/table';
import { SPACES_COL, SPACES_TAB } from '../../domain/tabs';
import type { Workbook } from '../../ports/workbook';
import { TabSheet } from '../tabSheet';

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

/**
 * The Spaces tab as a TabSheet (Row IDs written first; a copied row loses the outputs of the row it copied).
 * Scope: spreadsheets.currentonly.
 */
export function loadSpacesTab(workbook: Workbook, options: { timeZone: string; random: () => number }): TabSheet {
  return TabSheet.load(workbook, SPACES_TAB, {
    timeZone: options.timeZone,
    random: options.random,
    rowIdColumn: SPACES_COL.rowId,
    clearOnCopy: [SPACES_COL.spaceId, SPACES_COL.spaceLink, SPACES_COL.status, SPACES_COL.details, SPACES_COL.lastRun],
  });
}

export class SpacesSheet {
  private constructor(
    private readonly sheet: TabSheet,
    readonly rows: SpaceSheetRow[],
  ) {}

  /**
   * Reads and validates the tab, writes Row IDs that were blank or copied, and returns the rows.
   * Scope: spreadsheets.currentonly.
   * @throws Error with a sentence for the user when the tab is missing or cannot be read.
   */
  static load(workbook: Workbook, options: { timeZone: string; runner: string; random: () => number }): SpacesSheet {
    const sheet = loadSpacesTab(workbook, options);
    const { table, rowIds, copied } = sheet;
    const parsed = parseSpaceRows(table, { runner: options.runner, rowIds, ignoreOutputsOf: copied });
    const rows: SpaceSheetRow[] = table.rows.map((r) => {
      const result = parsed.get(r.row);
      return {
        row: r.row,
        rowId: rowIds.get(r.row) ?? '',
        desired: result?.space,
        problems: result?.problems ?? [],
        notes: (result?.notes ?? []).map((n) => n.message),
        status: copied.has(r.row) ? '' : (r.cells[SPACES_COL.status] ?? ''),
      };
    });
    return new SpacesSheet(sheet, rows);
  }

  /** Records a row's outputs (written at the next flush). */
  set(row: number, values: Record<string, OutputValue>): void {
    this.sheet.set(row, values);
  }

  /** Writes every output recorded since load: one setValues per block, whatever the number of rows. */
  flush(): void {
    this.sheet.flush();
  }
}
