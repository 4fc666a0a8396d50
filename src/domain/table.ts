/**
 * Reading a tab and planning what to write back. `readTable` turns the raw grid `Range.getValues()` returns into a
 * table: headers matched to the tab's schema case- and space-insensitively (column order free, aliases accepted,
 * unknown columns kept as extra columns for {{Column}} templates), duplicate and missing columns reported once, blank
 * rows dropped, and every cell normalised to the text the user meant, with cells that cannot be what the column
 * expects (a date in Space name, a `#REF!` formula error) reported against the cell. `planOutputWrites` turns
 * per-row results into the fewest rectangular blocks (one per contiguous run of output columns, spanning the rows
 * written), so the adapter makes one `setValues` per block and never one per row or per cell. Pure.
 */

import { cellText, isBlankCell, isSheetError, toCellValue, fromCellValue, type CellValue, type RawCell } from './cells';
import type { RowProblem } from './model';
import { columnSpec, outputColumns, requiredColumns, type ColumnSpec, type TabSpec } from './tabs';
import { collapseSpaces, columnLetter, headerKey, humanList, quote } from './text';
import { assignRowIds, type RowIdAssignment } from './ids';

/**
 * A remark about a row that does not stop it (a duplicate address dropped, `mailto:` removed, you removed from a
 * list because you are added automatically). Same shape as a RowProblem; the writer may show it in Details.
 */
export interface RowNote {
  /** 1-based sheet row number. */
  readonly row: number;
  /** Canonical header of the column concerned. */
  readonly column: string;
  /** One human sentence. */
  readonly message: string;
}

/**
 * The Details text for a row's problems (or notes): the sentences in order, separated by spaces, cut after `max`
 * sentences with "(and N more problems)" so the cell stays readable.
 */
export function summarizeProblems(items: readonly { readonly message: string }[], max = 3): string {
  const shown = items.slice(0, max).map((p) => p.message);
  const rest = items.length - shown.length;
  if (rest > 0) shown.push(`(and ${rest} more ${rest === 1 ? 'problem' : 'problems'})`);
  return shown.join(' ');
}

/** The header of a column as the user wrote it, or the canonical header when the column is absent. */
export function writtenHeader(table: Table, canonical: string): string {
  return table.columns.find((c) => c.spec?.header === canonical)?.header ?? canonical;
}

/** One column found in the header row. */
export interface TableColumn {
  /** 0-based column index in the sheet. */
  readonly index: number;
  /** Header text as the user wrote it (trimmed, spaces collapsed). */
  readonly header: string;
  /** The canonical header for a known column; the written header for an extra column. */
  readonly key: string;
  /** The schema column, absent for extra columns. */
  readonly spec?: ColumnSpec;
}

/** One non-blank data row. */
export interface TableRow {
  /** 1-based sheet row number. */
  readonly row: number;
  /** Cell text by column key (canonical header or extra header), for every column of the table. */
  readonly cells: Readonly<Record<string, string>>;
  /** The raw values by column key (Date objects, numbers, booleans as `getValues()` gave them). */
  readonly raw: Readonly<Record<string, RawCell>>;
  /** Problems found reading the cells (a date where text was expected, a formula error). */
  readonly problems: readonly RowProblem[];
}

/** A tab read into rows. */
export interface Table {
  readonly tab: TabSpec;
  /** 1-based row number of the header row. */
  readonly headerRow: number;
  /** Every column with a non-blank, non-duplicate header, in sheet order. */
  readonly columns: readonly TableColumn[];
  /** Headers of extra (unknown) columns, in sheet order. */
  readonly extraHeaders: readonly string[];
  /** Canonical headers of schema columns not found (input and output). */
  readonly missing: readonly string[];
  /**
   * Problems that stop the tab from being read (a required column missing). When not empty, `rows` is empty.
   */
  readonly problems: readonly RowProblem[];
  /** Problems worth telling the user that do not stop the run (a duplicate header; the later column is ignored). */
  readonly warnings: readonly RowProblem[];
  /** Non-blank data rows, in sheet order. */
  readonly rows: readonly TableRow[];
  /** The raw grid as read (kept to fill gaps in output blocks without changing them). */
  readonly values: readonly (readonly RawCell[])[];
  /** 0-based index of the last column with a header (or -1). */
  readonly lastColumn: number;
  /** Time zone used to show Date cells as text. */
  readonly timeZone: string;
}

/** Options of `readTable`. */
export interface ReadTableOptions {
  /** The spreadsheet's IANA time zone, used to show Date cells as text (default `UTC`). */
  timeZone?: string;
  /**
   * 1-based header row. By default the header row is found: the row, among the first 10, that matches the most of
   * the tab's headers (so a title row above the headers is tolerated); row 1 when none matches.
   */
  headerRow?: number;
}

const HEADER_SCAN_ROWS = 10;

/**
 * Reads a tab from the grid `getValues()` returned. See the file comment for the rules. Never throws on user data.
 */
export function readTable(
  tab: TabSpec,
  values: readonly (readonly RawCell[])[],
  options: ReadTableOptions = {},
): Table {
  const timeZone = options.timeZone ?? 'UTC';
  const headerIdx = options.headerRow !== undefined ? options.headerRow - 1 : findHeaderRow(tab, values);
  const headerRowNumber = headerIdx + 1;
  const headerCells = values[headerIdx] ?? [];

  const columns: TableColumn[] = [];
  const warnings: RowProblem[] = [];
  const seen = new Map<string, TableColumn>();
  for (let c = 0; c < headerCells.length; c++) {
    const written = collapseSpaces(cellText(headerCells[c], timeZone));
    if (written === '') continue;
    const spec = columnSpec(tab, written);
    const key = spec ? spec.header : written;
    const dupKey = spec ? `spec:${spec.header}` : `extra:${headerKey(written)}`;
    const first = seen.get(dupKey);
    if (first) {
      warnings.push({
        row: headerRowNumber,
        column: written,
        message:
          `Columns ${columnLetter(first.index)} and ${columnLetter(c)} are both ${quote(key)}; the add-on reads ` +
          `only column ${columnLetter(first.index)}. Delete or rename column ${columnLetter(c)}.`,
      });
      continue;
    }
    const column: TableColumn = { index: c, header: written, key, spec };
    seen.set(dupKey, column);
    columns.push(column);
  }

  const found = new Set(columns.filter((c) => c.spec).map((c) => c.key));
  const missing = tab.columns.filter((c) => !found.has(c.header)).map((c) => c.header);
  const missingRequired = requiredColumns(tab)
    .filter((c) => !found.has(c.header))
    .map((c) => c.header);
  const problems: RowProblem[] = [];
  if (missingRequired.length > 0) {
    const names = humanList(
      missingRequired.map((h) => quote(h)),
      'and',
    );
    const what = missingRequired.length === 1 ? `has no ${names} column` : `is missing the columns ${names}`;
    problems.push({
      row: headerRowNumber,
      column: missingRequired[0],
      message:
        `The ${tab.name} tab ${what}. Add ${missingRequired.length === 1 ? 'it' : 'them'} to the header row ` +
        `(row ${headerRowNumber}; case and spaces don't matter) or run Set up sheets.`,
    });
  }

  const rows: TableRow[] = [];
  if (problems.length === 0) {
    const inputCols = columns.filter((c) => c.spec?.io === 'in');
    for (let r = headerIdx + 1; r < values.length; r++) {
      const line = values[r] ?? [];
      if (inputCols.every((c) => isBlankCell(line[c.index]))) continue;
      rows.push(readRow(line, r + 1, columns, timeZone));
    }
  }

  const lastColumn = columns.reduce((m, c) => Math.max(m, c.index), -1);
  return {
    tab,
    headerRow: headerRowNumber,
    columns,
    extraHeaders: columns.filter((c) => !c.spec).map((c) => c.header),
    missing,
    problems,
    warnings,
    rows,
    values,
    lastColumn,
    timeZone,
  };
}

function findHeaderRow(tab: TabSpec, values: readonly (readonly RawCell[])[]): number {
  let best = 0;
  let bestCount = 0;
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const matched = new Set<string>();
    for (const cell of values[r] ?? []) {
      if (typeof cell !== 'string') continue;
      const spec = columnSpec(tab, cell);
      if (spec) matched.add(spec.header);
    }
    if (matched.size > bestCount) {
      best = r;
      bestCount = matched.size;
    }
  }
  return best;
}

function readRow(line: readonly RawCell[], row: number, columns: readonly TableColumn[], zone: string): TableRow {
  const cells: Record<string, string> = {};
  const raw: Record<string, RawCell> = {};
  const problems: RowProblem[] = [];
  for (const col of columns) {
    const value = line[col.index];
    raw[col.key] = value;
    const spec = col.spec;
    if (spec?.io === 'out') {
      cells[col.key] = cellText(typeof value === 'string' ? fromCellValue(value, zone) : value, zone);
      continue;
    }
    const text = cellText(value, zone);
    cells[col.key] = text;
    if (!spec) continue;
    if (isSheetError(value)) {
      problems.push({
        row,
        column: col.header,
        message: `${spec.header} shows the formula error ${text}; fix the formula in that cell or type the value.`,
      });
    } else if (value instanceof Date && spec.kind !== 'datetime' && !Number.isNaN(value.getTime())) {
      problems.push({
        row,
        column: col.header,
        message:
          `${spec.header} holds a date (${text}), not text: Sheets turned what you typed into a date. Format the ` +
          `cell as Plain text (Format > Number > Plain text) and type it again.`,
      });
    }
  }
  return { row, cells, raw, problems };
}

/** The 0-based column index of a canonical header (or an extra header, matched like headers), if present. */
export function columnIndex(table: Table, header: string): number | undefined {
  const key = headerKey(header);
  const col =
    table.columns.find((c) => c.spec && headerKey(c.spec.header) === key) ??
    table.columns.find((c) => headerKey(c.header) === key);
  return col?.index;
}

/** The headers available to {{Column}} templates on this tab: canonical headers found, then extra headers. */
export function templateColumns(table: Table): string[] {
  return table.columns.map((c) => c.key);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing outputs back

/** A value a writer may put in an output cell before `toCellValue` makes it safe. */
export type OutputValue = string | number | boolean | Date | null | undefined;

/** The outputs of one row to write, by canonical output header (`Status`, `Details`, …). */
export interface OutputUpdate {
  /** 1-based sheet row number. */
  readonly row: number;
  readonly values: Readonly<Record<string, OutputValue>>;
}

/** One rectangle to write with `sheet.getRange(row, column, values.length, values[0].length).setValues(values)`. */
export interface WriteBlock {
  /** 1-based first row. */
  readonly row: number;
  /** 1-based first column. */
  readonly column: number;
  readonly values: CellValue[][];
}

/** Options of `planOutputWrites`. */
export interface PlanWritesOptions {
  /**
   * Start a new block when more than this many untouched rows separate two written rows (their current values
   * would be rewritten unchanged otherwise). Default: never split, one block per column run.
   */
  maxGapRows?: number;
}

/**
 * Adds the output columns a tab lacks after its last column, so results can be written even when the user deleted
 * (or never had) them. Returns the widened table and the header block to write (none when nothing was missing).
 */
export function withOutputColumns(table: Table): { table: Table; headerBlock?: WriteBlock } {
  const present = new Set(table.columns.filter((c) => c.spec).map((c) => c.key));
  const add = outputColumns(table.tab).filter((c) => !present.has(c.header));
  if (add.length === 0 || table.problems.length > 0) return { table };
  const start = table.lastColumn + 1;
  const added: TableColumn[] = add.map((spec, i) => ({
    index: start + i,
    header: spec.header,
    key: spec.header,
    spec,
  }));
  const widened: Table = {
    ...table,
    columns: [...table.columns, ...added],
    missing: table.missing.filter((h) => !add.some((c) => c.header === h)),
    lastColumn: start + add.length - 1,
  };
  return {
    table: widened,
    headerBlock: { row: table.headerRow, column: start + 1, values: [add.map((c) => toCellValue(c.header))] },
  };
}

/**
 * The fewest rectangular blocks that write `updates` into the table's output columns. Columns are grouped into
 * runs of adjacent output columns (an untouched output column between two written ones is bridged, rewriting its
 * current value; an input column never is). Each run spans from the first to the last updated row; cells of rows
 * or columns not being updated are rewritten with their current value (through `toCellValue`, so text stays text).
 * Throws on a header that is not an output column of the table (a programming error: outputs only, and the
 * column must exist — call `withOutputColumns` first).
 */
export function planOutputWrites(
  table: Table,
  updates: readonly OutputUpdate[],
  options: PlanWritesOptions = {},
): WriteBlock[] {
  const outputs = new Map<string, TableColumn>();
  for (const c of table.columns) if (c.spec?.io === 'out') outputs.set(c.spec.header, c);
  const outputIndexes = new Set(Array.from(outputs.values(), (c) => c.index));

  const byRow = new Map<number, Map<number, OutputValue>>();
  const touched = new Set<number>();
  for (const u of updates) {
    if (!Number.isInteger(u.row) || u.row <= table.headerRow) {
      throw new Error(`Row ${u.row} is not a data row of the ${table.tab.name} tab.`);
    }
    let rowMap = byRow.get(u.row);
    if (!rowMap) byRow.set(u.row, (rowMap = new Map()));
    for (const [header, value] of Object.entries(u.values)) {
      const spec = columnSpec(table.tab, header);
      const col = spec ? outputs.get(spec.header) : undefined;
      if (!spec || spec.io !== 'out')
        throw new Error(`${header} is not an output column of the ${table.tab.name} tab.`);
      if (!col) throw new Error(`The ${table.tab.name} tab has no ${header} column; call withOutputColumns first.`);
      rowMap.set(col.index, value);
      touched.add(col.index);
    }
  }
  if (touched.size === 0) return [];

  // Column runs: touched output columns, bridging untouched output columns but never an input or extra column.
  const sortedCols = Array.from(touched).sort((a, b) => a - b);
  const runs: { from: number; to: number }[] = [];
  for (const c of sortedCols) {
    const last = runs[runs.length - 1];
    if (last && bridgeable(last.to, c, outputIndexes)) last.to = c;
    else runs.push({ from: c, to: c });
  }

  // Row groups.
  const rowsSorted = Array.from(byRow.keys()).sort((a, b) => a - b);
  const maxGap = options.maxGapRows ?? Number.POSITIVE_INFINITY;
  const groups: { from: number; to: number }[] = [];
  for (const r of rowsSorted) {
    const last = groups[groups.length - 1];
    if (last && r - last.to - 1 <= maxGap) last.to = r;
    else groups.push({ from: r, to: r });
  }

  const blocks: WriteBlock[] = [];
  for (const run of runs) {
    for (const g of groups) {
      const block: CellValue[][] = [];
      for (let r = g.from; r <= g.to; r++) {
        const line: CellValue[] = [];
        const rowMap = byRow.get(r);
        for (let c = run.from; c <= run.to; c++) {
          if (rowMap && rowMap.has(c)) line.push(toCellValue(rowMap.get(c)));
          else line.push(keepValue(table.values[r - 1]?.[c], table.timeZone));
        }
        block.push(line);
      }
      blocks.push({ row: g.from, column: run.from + 1, values: block });
    }
  }
  return blocks;
}

function bridgeable(from: number, to: number, outputIndexes: ReadonlySet<number>): boolean {
  for (let c = from + 1; c < to; c++) if (!outputIndexes.has(c)) return false;
  return true;
}

function keepValue(raw: RawCell, zone: string): CellValue {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return toCellValue(fromCellValue(raw, zone));
  return toCellValue(raw);
}

/** Header text as the user wrote it, by canonical header, for every schema column found (for RowProblem.column). */
export function writtenHeaders(table: Table): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const col of table.columns) if (col.spec) headers[col.spec.header] = col.header;
  return headers;
}

/**
 * Gives every row of the table a usable, unique Row ID from its `rowIdHeader` column (see `assignRowIds`): blank,
 * malformed and copied IDs get new ones from `newRowId`.
 */
export function assignTableRowIds(
  table: Table,
  rowIdHeader: string,
  newRowId: (() => string) | { random: () => number },
): { rowIds: Map<number, string>; assignments: RowIdAssignment[] } {
  return assignRowIds(
    table.rows.map((r) => ({ row: r.row, rowId: r.cells[rowIdHeader] ?? '' })),
    newRowId,
  );
}

/** What parsing one row collects, with the helpers every tab's row parser uses. */
export interface RowFindings {
  /** The row's problems so far (starting with those found while reading its cells). */
  readonly problems: RowProblem[];
  readonly notes: RowNote[];
  /** The header as the user wrote it, for sentences (canonical when not written differently). */
  header(canonical: string): string;
  /** A cell's text ('' when blank or absent). */
  cell(canonical: string): string;
  /** Records a problem with a cell, named by its written header. */
  problem(canonical: string, message: string): void;
  /** False when reading the cell already failed (e.g. a formula error): it gets no second sentence. */
  usable(canonical: string): boolean;
}

/** Starts parsing a row: its reading problems, and helpers that name columns as the user wrote them. */
export function rowFindings(row: TableRow, headers?: Readonly<Record<string, string>>): RowFindings {
  const problems: RowProblem[] = [...row.problems];
  const unreadable = new Set(row.problems.map((p) => p.column));
  const header = (canonical: string): string => headers?.[canonical] ?? canonical;
  return {
    problems,
    notes: [],
    header,
    cell: (canonical) => row.cells[canonical] ?? '',
    problem: (canonical, message) => {
      problems.push({ row: row.row, column: header(canonical), message });
    },
    usable: (canonical) => !unreadable.has(header(canonical)),
  };
}
