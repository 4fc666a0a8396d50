/**
 * The in-memory spreadsheets that outlive executions (the emulator's Drive of Sheets files): spreadsheets, their
 * sheets, and sparse cells holding value, formula, note, formats and data validation. Service classes (Range,
 * Sheet, Spreadsheet) are thin views over this model; the workbook loader and saver read and write it directly.
 */
import type { CellValue } from './values';

/** A data-validation rule as stored on a cell. */
export interface DataValidationRule {
  /** SpreadsheetApp.DataValidationCriteria name, e.g. VALUE_IN_LIST. */
  criteria: string;
  /** Criteria arguments (getCriteriaValues). */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** One cell; absent cells are empty with default formatting. */
export interface Cell {
  v: CellValue;
  f?: string;
  note?: string;
  /** Number format; absent = Sheets' automatic format. */
  fmt?: string;
  bg?: string;
  fontWeight?: string;
  fontColor?: string;
  dv?: DataValidationRule;
  /** Other formatting the emulator records without interpreting (alignment, wrap, font size...). */
  style?: Record<string, unknown>;
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.v !== '' || cell.f !== undefined);
}

function isEmptyCell(cell: Cell): boolean {
  return (
    !hasContent(cell) &&
    cell.note === undefined &&
    cell.fmt === undefined &&
    cell.bg === undefined &&
    cell.fontWeight === undefined &&
    cell.fontColor === undefined &&
    cell.dv === undefined &&
    cell.style === undefined
  );
}

export class SheetModel {
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** rows[r-1][c-1] */
  rows: (Cell | undefined)[][] = [];

  constructor(
    readonly sheetId: number,
    name: string,
    maxRows = 1000,
    maxCols = 26,
  ) {
    this.name = name;
    this.maxRows = maxRows;
    this.maxCols = maxCols;
  }

  /** The cell at (row, col), 1-based, if it was ever written. */
  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The cell at (row, col), created if absent. */
  ensure(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) r = this.rows[row - 1] = [];
    let c = r[col - 1];
    if (!c) c = r[col - 1] = { v: '' };
    return c;
  }

  /** Drops the cell object if it carries nothing. */
  tidy(row: number, col: number): void {
    const r = this.rows[row - 1];
    const c = r?.[col - 1];
    if (r && c && isEmptyCell(c)) r[col - 1] = undefined;
  }

  /** The last row with content (values or formulas), 0 when none (Sheet.getLastRow). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((c) => hasContent(c))) return r;
    }
    return 0;
  }

  /** The last column with content, 0 when none (Sheet.getLastColumn). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Inserts `n` empty rows so that the first new row has index `before`. */
  insertRows(before: number, n: number): void {
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...Array.from({ length: n }, () => []));
    this.maxRows += n;
  }

  deleteRows(start: number, n: number): void {
    this.rows.splice(start - 1, n);
    this.maxRows -= n;
  }

  insertColumns(before: number, n: number): void {
    for (const row of this.rows) if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<undefined>(n));
    this.maxCols += n;
  }

  deleteColumns(start: number, n: number): void {
    for (const row of this.rows) if (row) row.splice(start - 1, n);
    this.maxCols -= n;
  }
}

export class SpreadsheetModel {
  name: string;
  timeZone: string;
  locale = 'en_US';
  readonly sheets: SheetModel[] = [];
  /** The sheet shown in the UI, and the selected block on it. */
  activeSheetId: number | null = null;
  activeRange: { row: number; col: number; numRows: number; numCols: number } | null = null;
  /** Email of the creator; spreadsheets made by the script are drive.file-accessible to it. */
  createdBy: string | null = null;
  createdByScript = false;

  constructor(
    readonly id: string,
    name: string,
    timeZone: string,
  ) {
    this.name = name;
    this.timeZone = timeZone;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  activeSheet(): SheetModel {
    return this.sheets.find((s) => s.sheetId === this.activeSheetId) ?? this.sheets[0];
  }
}

/** Every spreadsheet the emulated Drive holds, by id. */
export class SpreadsheetStore {
  private readonly byId = new Map<string, SpreadsheetModel>();

  constructor(
    private readonly newId: () => string,
    private readonly newSheetId: () => number,
  ) {}

  /** Creates a spreadsheet with one sheet (`Sheet1`, sheetId 0) like SpreadsheetApp.create. */
  create(
    name: string,
    timeZone: string,
    options: { rows?: number; columns?: number; id?: string } = {},
  ): SpreadsheetModel {
    const ss = new SpreadsheetModel(options.id ?? this.newId(), name, timeZone);
    ss.sheets.push(new SheetModel(0, 'Sheet1', options.rows ?? 1000, options.columns ?? 26));
    ss.activeSheetId = 0;
    this.byId.set(ss.id, ss);
    return ss;
  }

  /** Adds an already-built spreadsheet (workbook loader). */
  add(ss: SpreadsheetModel): SpreadsheetModel {
    this.byId.set(ss.id, ss);
    return ss;
  }

  /** A fresh sheet id for a new tab (Sheets uses random positive integers after the first, 0). */
  sheetId(): number {
    return this.newSheetId();
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.byId.get(id);
  }

  list(): SpreadsheetModel[] {
    return [...this.byId.values()];
  }
}
