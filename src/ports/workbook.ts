/**
 * The spreadsheet as the use cases see it: whole tabs read in one call, outputs written back as a few rectangular
 * blocks, tabs created or completed from a schema. Implementations must keep the number of spreadsheet service
 * calls independent of the number of rows.
 */

/** A cell value as it crosses the port: what getValues returns, and what the add-on writes (already made safe). */
export type CellValue = string | number | boolean | Date;

/** A rectangular block of cells to write, 1-based. */
export interface CellBlock {
  row: number;
  column: number;
  values: CellValue[][];
}

/** A column of a tab to set up: header, the note explaining it, and allowed values for a dropdown. */
export interface ColumnSetup {
  header: string;
  note: string;
  allowedValues?: readonly string[];
  /** Output columns written only by the add-on (shaded). */
  output?: boolean;
  /** Plain-text number format, so values typed later are not turned into numbers or dates. */
  plainText?: boolean;
}

export interface TabSetupResult {
  created: boolean;
  /** Headers appended to an existing tab because they were missing. */
  addedColumns: string[];
}

export interface Workbook {
  /** The spreadsheet id (for idempotency keys). */
  id(): string;
  /** Every value of the tab's data range, header row first; undefined when the tab does not exist. */
  readTab(name: string): CellValue[][] | undefined;
  /** Writes blocks of cells (one setValues per block). */
  writeBlocks(name: string, blocks: readonly CellBlock[]): void;
  /** Appends rows below the last row of a tab. */
  appendRows(name: string, rows: readonly CellValue[][]): void;
  /** Creates the tab with headers, notes, validation and a frozen header row, or adds missing columns to it. */
  setUpTab(name: string, columns: readonly ColumnSetup[]): TabSetupResult;
  /** Replaces a tab's content (export tabs): header row plus rows, creating the tab if needed. */
  replaceTab(name: string, header: readonly string[], rows: readonly CellValue[][]): void;
  /** 1-based row numbers of the user's selection on that tab (empty when the selection is on another tab). */
  selectedRows(name: string): number[];
  /** Writes pending changes now (before a checkpoint or releasing the lock). */
  flush(): void;
}
