/**
 * SpreadsheetApp's Sheet: one tab. getRange in its four overloads and A1/R1C1 forms (with the platform's bounds
 * errors), the data range, last row/column, size changes (insert/delete rows and columns, appendRow growing the
 * sheet), frozen rows, clearing, hiding and activation. Column widths are recorded but have no effect.
 */
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature, expectInt, expectString } from '../signature';
import { parseRef, resolveRef } from './a1';
import type { SheetModel, SpreadsheetModel } from './model';
import { RangeImpl, tooLong, writeValue } from './range';
import { SpreadsheetImpl } from './spreadsheet';

const FQ = 'SpreadsheetApp.Sheet';

/** A Range after the platform's checks on its coordinates. */
export function rangeAt(
  exec: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): RangeImpl {
  if (row < 1) throw new ScriptException(MSG.startRowTooSmall);
  if (col < 1) throw new ScriptException(MSG.startColTooSmall);
  if (numRows < 1) throw new ScriptException(MSG.numRowsTooSmall);
  if (numCols < 1) throw new ScriptException(MSG.numColsTooSmall);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols)
    throw new ScriptException(MSG.outsideSheet);
  return new RangeImpl(exec, ss, sheet, row, col, numRows, numCols);
}

/** A Range from A1/R1C1 text on `sheet` (a sheet prefix in the text is resolved by the caller). */
export function rangeFromA1(exec: Execution, ss: SpreadsheetModel, sheet: SheetModel, a1: string): RangeImpl {
  const block = resolveRef(parseRef(a1), sheet.maxRows, sheet.maxCols);
  return new RangeImpl(exec, ss, sheet, block.row, block.col, block.numRows, block.numCols);
}

export class SheetImpl extends ServiceObject {
  get className(): string {
    return 'Sheet';
  }

  constructor(
    private readonly exec: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
  ) {
    super();
  }

  private alive(): SheetModel {
    if (!this._ss.sheets.includes(this._sheet)) throw new ScriptException('This sheet has been deleted.');
    return this._sheet;
  }

  getName(): string {
    return this._sheet.name;
  }

  setName(name: unknown): this {
    const n = expectString(`${FQ}.setName`, [name], name);
    const other = this._ss.sheetByName(n);
    if (other && other !== this._sheet) throw new ScriptException(MSG.sheetNameTaken(n));
    this.alive().name = n;
    return this;
  }

  getSheetId(): number {
    return this._sheet.sheetId;
  }

  getSheetName(): string {
    return this._sheet.name;
  }

  getIndex(): number {
    return this._ss.sheets.indexOf(this._sheet) + 1;
  }

  getParent(): SpreadsheetImpl {
    return new SpreadsheetImpl(this.exec, this._ss);
  }

  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): RangeImpl {
    const fq = `${FQ}.getRange`;
    const args = [a, b, c, d];
    const sheet = this.alive();
    if (typeof a === 'string' && b === undefined) {
      const ref = parseRef(a);
      if (ref.sheetName !== undefined && ref.sheetName !== sheet.name) throw new ScriptException(MSG.rangeNotFound);
      return rangeFromA1(this.exec, this._ss, sheet, a);
    }
    if (typeof a !== 'number' || typeof b !== 'number') badSignature(fq, args);
    const row = expectInt(fq, args, a);
    const col = expectInt(fq, args, b);
    const numRows = c === undefined ? 1 : expectInt(fq, args, c);
    const numCols = d === undefined ? 1 : expectInt(fq, args, d);
    return rangeAt(this.exec, this._ss, sheet, row, col, numRows, numCols);
  }

  /** Sheet.getSheetValues(startRow, startColumn, numRows, numColumns); -1 means "to the last row/column". */
  getSheetValues(startRow: unknown, startColumn: unknown, numRows: unknown, numColumns: unknown): unknown[][] {
    const fq = `${FQ}.getSheetValues`;
    const args = [startRow, startColumn, numRows, numColumns];
    const r = expectInt(fq, args, startRow);
    const c = expectInt(fq, args, startColumn);
    let nr = expectInt(fq, args, numRows);
    let nc = expectInt(fq, args, numColumns);
    if (nr === -1) nr = this._sheet.lastRow() - r + 1;
    if (nc === -1) nc = this._sheet.lastColumn() - c + 1;
    return rangeAt(this.exec, this._ss, this.alive(), r, c, nr, nc).getValues();
  }

  getDataRange(): RangeImpl {
    const sheet = this.alive();
    return new RangeImpl(
      this.exec,
      this._ss,
      sheet,
      1,
      1,
      Math.max(1, sheet.lastRow()),
      Math.max(1, sheet.lastColumn()),
    );
  }

  getLastRow(): number {
    return this.alive().lastRow();
  }

  getLastColumn(): number {
    return this.alive().lastColumn();
  }

  getMaxRows(): number {
    return this.alive().maxRows;
  }

  getMaxColumns(): number {
    return this.alive().maxCols;
  }

  private count(fq: string, args: unknown[], value: unknown, min = 1): number {
    const n = value === undefined ? 1 : expectInt(fq, args, value);
    if (n < min) throw new ScriptException(MSG.invalidArgument('howMany'));
    return n;
  }

  private position(fq: string, args: unknown[], value: unknown, max: number): number {
    const n = expectInt(fq, args, value);
    if (n < 1 || n > max) throw new ScriptException(MSG.outsideSheet);
    return n;
  }

  insertRowBefore(beforePosition: unknown): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowAfter(afterPosition: unknown): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): this {
    const fq = `${FQ}.insertRowsBefore`;
    const sheet = this.alive();
    const at = this.position(fq, [beforePosition, howMany], beforePosition, sheet.maxRows);
    sheet.insertRows(at, this.count(fq, [beforePosition, howMany], howMany));
    return this;
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): this {
    const fq = `${FQ}.insertRowsAfter`;
    const sheet = this.alive();
    const at = this.position(fq, [afterPosition, howMany], afterPosition, sheet.maxRows);
    sheet.insertRows(at + 1, this.count(fq, [afterPosition, howMany], howMany));
    return this;
  }

  /** insertRows(rowIndex[, numRows]): inserts before rowIndex. */
  insertRows(rowIndex: unknown, numRows?: unknown): void {
    this.insertRowsBefore(rowIndex, numRows ?? 1);
  }

  deleteRow(rowPosition: unknown): this {
    return this.deleteRows(rowPosition, 1);
  }

  deleteRows(rowPosition: unknown, howMany: unknown): this {
    const fq = `${FQ}.deleteRows`;
    const sheet = this.alive();
    const start = this.position(fq, [rowPosition, howMany], rowPosition, sheet.maxRows);
    const n = this.count(fq, [rowPosition, howMany], howMany);
    if (start + n - 1 > sheet.maxRows) throw new ScriptException(MSG.outsideSheet);
    if (n >= sheet.maxRows) throw new ScriptException('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRows(start, n);
    return this;
  }

  insertColumnBefore(beforePosition: unknown): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumnAfter(afterPosition: unknown): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): this {
    const fq = `${FQ}.insertColumnsBefore`;
    const sheet = this.alive();
    const at = this.position(fq, [beforePosition, howMany], beforePosition, sheet.maxCols);
    sheet.insertColumns(at, this.count(fq, [beforePosition, howMany], howMany));
    return this;
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): this {
    const fq = `${FQ}.insertColumnsAfter`;
    const sheet = this.alive();
    const at = this.position(fq, [afterPosition, howMany], afterPosition, sheet.maxCols);
    sheet.insertColumns(at + 1, this.count(fq, [afterPosition, howMany], howMany));
    return this;
  }

  insertColumns(columnIndex: unknown, numColumns?: unknown): void {
    this.insertColumnsBefore(columnIndex, numColumns ?? 1);
  }

  deleteColumn(columnPosition: unknown): this {
    return this.deleteColumns(columnPosition, 1);
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): this {
    const fq = `${FQ}.deleteColumns`;
    const sheet = this.alive();
    const start = this.position(fq, [columnPosition, howMany], columnPosition, sheet.maxCols);
    const n = this.count(fq, [columnPosition, howMany], howMany);
    if (start + n - 1 > sheet.maxCols) throw new ScriptException(MSG.outsideSheet);
    if (n >= sheet.maxCols) throw new ScriptException('Sorry, it is not possible to delete all non-frozen columns.');
    sheet.deleteColumns(start, n);
    return this;
  }

  /** Writes a row after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) badSignature(`${FQ}.appendRow`, [rowContents]);
    const sheet = this.alive();
    if (tooLong(this.exec, [rowContents])) return this;
    const row = sheet.lastRow() + 1;
    if (row > sheet.maxRows) sheet.maxRows = row;
    if (rowContents.length > sheet.maxCols) sheet.maxCols = rowContents.length;
    this.exec.cells(rowContents.length);
    rowContents.forEach((value, i) => {
      writeValue(sheet.ensure(row, i + 1), value, this._ss.timeZone);
      sheet.tidy(row, i + 1);
    });
    return this;
  }

  setFrozenRows(rows: unknown): void {
    const n = expectInt(`${FQ}.setFrozenRows`, [rows], rows);
    if (n < 0 || n > this.alive().maxRows) throw new ScriptException(MSG.invalidArgument('rows'));
    this._sheet.frozenRows = n;
  }

  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    const n = expectInt(`${FQ}.setFrozenColumns`, [columns], columns);
    if (n < 0 || n > this.alive().maxCols) throw new ScriptException(MSG.invalidArgument('columns'));
    this._sheet.frozenCols = n;
  }

  getFrozenColumns(): number {
    return this._sheet.frozenCols;
  }

  private wholeSheet(): RangeImpl {
    const sheet = this.alive();
    return new RangeImpl(this.exec, this._ss, sheet, 1, 1, sheet.maxRows, sheet.maxCols);
  }

  /** Sheet.clear(): contents and formats; clear(options) as Range.clear. */
  clear(options?: unknown): this {
    this.wholeSheet().clear(options);
    return this;
  }

  clearContents(): this {
    this.wholeSheet().clearContent();
    return this;
  }

  clearFormats(): this {
    this.wholeSheet().clear({ formatOnly: true });
    return this;
  }

  clearNotes(): this {
    this.wholeSheet().clear({ commentsOnly: true });
    return this;
  }

  hideSheet(): this {
    const visible = this._ss.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this._sheet)
      throw new ScriptException("You can't hide all the sheets in a document.");
    this.alive().hidden = true;
    return this;
  }

  showSheet(): this {
    this.alive().hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }

  setColumnWidth(columnPosition: unknown, width: unknown): this {
    const fq = `${FQ}.setColumnWidth`;
    this._sheet.columnWidths.set(
      expectInt(fq, [columnPosition, width], columnPosition),
      expectInt(fq, [columnPosition, width], width),
    );
    return this;
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): this {
    const fq = `${FQ}.setColumnWidths`;
    const args = [startColumn, numColumns, width];
    const start = expectInt(fq, args, startColumn);
    const w = expectInt(fq, args, width);
    for (let i = 0; i < expectInt(fq, args, numColumns); i++) this._sheet.columnWidths.set(start + i, w);
    return this;
  }

  getColumnWidth(columnPosition: unknown): number {
    return this._sheet.columnWidths.get(expectInt(`${FQ}.getColumnWidth`, [columnPosition], columnPosition)) ?? 100;
  }

  autoResizeColumn(columnPosition: unknown): this {
    expectInt(`${FQ}.autoResizeColumn`, [columnPosition], columnPosition);
    return this;
  }

  autoResizeColumns(startColumn: unknown, numColumns: unknown): this {
    expectInt(`${FQ}.autoResizeColumns`, [startColumn, numColumns], startColumn);
    return this;
  }

  setRowHeight(rowPosition: unknown, height: unknown): this {
    expectInt(`${FQ}.setRowHeight`, [rowPosition, height], rowPosition);
    return this;
  }

  hideColumns(columnIndex: unknown, numColumns?: unknown): void {
    const start = expectInt(`${FQ}.hideColumns`, [columnIndex, numColumns], columnIndex);
    const n = numColumns === undefined ? 1 : expectInt(`${FQ}.hideColumns`, [columnIndex, numColumns], numColumns);
    for (let i = 0; i < n; i++) this._sheet.hiddenColumns.add(start + i);
  }

  showColumns(columnIndex: unknown, numColumns?: unknown): void {
    const start = expectInt(`${FQ}.showColumns`, [columnIndex, numColumns], columnIndex);
    const n = numColumns === undefined ? 1 : expectInt(`${FQ}.showColumns`, [columnIndex, numColumns], numColumns);
    for (let i = 0; i < n; i++) this._sheet.hiddenColumns.delete(start + i);
  }

  setTabColor(color: unknown): this {
    this._sheet.tabColor = color === null ? null : String(color);
    return this;
  }

  getTabColor(): string | null {
    return this._sheet.tabColor;
  }

  activate(): this {
    this._ss.activeSheetId = this.alive().sheetId;
    this._ss.activeRange = null;
    return this;
  }

  getActiveRange(): RangeImpl | null {
    const a = this._ss.activeRange;
    if (this._ss.activeSheetId !== this._sheet.sheetId)
      return new RangeImpl(this.exec, this._ss, this._sheet, 1, 1, 1, 1);
    if (!a) return new RangeImpl(this.exec, this._ss, this._sheet, 1, 1, 1, 1);
    return new RangeImpl(this.exec, this._ss, this._sheet, a.row, a.col, a.numRows, a.numCols);
  }

  setActiveRange(range: unknown): RangeImpl {
    if (!(range instanceof RangeImpl)) badSignature(`${FQ}.setActiveRange`, [range]);
    return range.activate();
  }

  /** DOC: "the list of active ranges in the active sheet or null if there are no active ranges" (one range here). */
  getActiveRangeList(): RangeListImpl | null {
    const a = this._ss.activeRange;
    if (this._ss.activeSheetId !== this._sheet.sheetId || !a) return null;
    return new RangeListImpl([new RangeImpl(this.exec, this._ss, this._sheet, a.row, a.col, a.numRows, a.numCols)]);
  }
}

/** class RangeList (the selection's ranges; the emulator's selection is always one range). */
export class RangeListImpl extends ServiceObject {
  get className(): string {
    return 'RangeList';
  }

  constructor(private readonly ranges: RangeImpl[]) {
    super();
  }

  getRanges(): RangeImpl[] {
    return [...this.ranges];
  }
}
