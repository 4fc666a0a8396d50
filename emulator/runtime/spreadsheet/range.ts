/**
 * SpreadsheetApp's Range: a block of cells on one sheet. Reads return 2-D arrays (`Date` for date cells), writes
 * follow Sheets' user-entered rules (values.ts), check dimensions with the platform's messages, and respect
 * data-validation rules that reject invalid input. Every read or write charges the per-cell cost.
 */
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature, expect2D, expectInt, expectString } from '../signature';
import { a1Of } from './a1';
import type { Cell, DataValidationRule, SheetModel, SpreadsheetModel } from './model';
import { DEFAULT_NUMBER_FORMAT, displayValue, parseUserEntered, type CellValue } from './values';
import { rangeAt, SheetImpl } from './sheet';
import { DataValidationImpl } from './validation';

const FQ = 'SpreadsheetApp.Range';

/** Converts one value written by the script into a cell, following Sheets' rules (format `@` keeps strings). */
export function writeValue(cell: Cell, input: unknown, timeZone: string): void {
  delete cell.f;
  if (input === null || input === undefined || input === '') {
    cell.v = '';
    return;
  }
  if (typeof input === 'number') {
    cell.v = Number.isFinite(input) ? input : String(input);
    return;
  }
  if (typeof input === 'boolean') {
    cell.v = input;
    return;
  }
  if (input instanceof Date) {
    cell.v = Number.isNaN(input.getTime()) ? '' : new Date(input.getTime());
    return;
  }
  const text = typeof input === 'string' ? input : String(input);
  if (cell.fmt === '@') {
    cell.v = text;
    return;
  }
  const written = parseUserEntered(text, timeZone);
  cell.v = written.value;
  if (written.formula !== undefined) cell.f = written.formula;
  if (written.autoFormat && cell.fmt === undefined) cell.fmt = written.autoFormat;
}

/** Whether `value` satisfies a rule (empty cells always do). */
function satisfies(rule: DataValidationRule, cell: Cell): boolean {
  const v = cell.v;
  if (v === '' && cell.f === undefined) return true;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return ((rule.values[0] as unknown[]) ?? []).some((item) => String(item) === displayValue(v, undefined, 'UTC'));
    case 'CHECKBOX':
      return rule.values.length
        ? rule.values.some((item) => item === v || String(item) === String(v))
        : typeof v === 'boolean';
    default:
      return true;
  }
}

/**
 * True when a value exceeds the characters a cell holds: the write is refused, and the error is reported at the next
 * spreadsheet call (Execution.deferSpreadsheetError).
 */
export function tooLong(exec: Execution, values: readonly (readonly unknown[])[]): boolean {
  const max = exec.rt.config.limits.cellChars;
  if (!values.some((row) => row.some((v) => typeof v === 'string' && v.length > max))) return false;
  exec.deferSpreadsheetError(new ScriptException(MSG.cellTooLong));
  return true;
}

export class RangeImpl extends ServiceObject {
  get className(): string {
    return 'Range';
  }

  constructor(
    private readonly exec: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    super();
  }

  private get cellCount(): number {
    return this._numRows * this._numCols;
  }

  /** Visits every cell position, returning a 2-D array of the visitor's results. */
  private map<T>(fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this._numCols; c++) {
        line.push(fn(this._sheet.cell(this._row + r, this._col + c), this._row + r, this._col + c));
      }
      out.push(line);
    }
    return out;
  }

  private checkShape(fq: string, args: unknown[], data: unknown): unknown[][] {
    const rows = expect2D(fq, args, data);
    if (rows.length !== this._numRows) throw new ScriptException(MSG.rowsMismatch(rows.length, this._numRows));
    for (const row of rows) {
      if (row.length !== this._numCols) throw new ScriptException(MSG.colsMismatch(row.length, this._numCols));
    }
    return rows;
  }

  /** Writes values (after checking validation on a copy, so a refused write changes nothing). */
  private writeAll(values: unknown[][]): void {
    const tz = this._ss.timeZone;
    if (tooLong(this.exec, values)) return;
    if (this.exec.rt.config.behaviour.enforceDataValidation) {
      for (let r = 0; r < this._numRows; r++) {
        for (let c = 0; c < this._numCols; c++) {
          const existing = this._sheet.cell(this._row + r, this._col + c);
          const rule = existing?.dv;
          if (!rule || rule.allowInvalid) continue;
          const probe: Cell = { v: '', fmt: existing?.fmt };
          writeValue(probe, values[r][c], tz);
          if (!satisfies(rule, probe))
            throw new ScriptException(MSG.validationViolated(a1Of(this._row + r, this._col + c)));
        }
      }
    }
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numCols; c++) {
        const row = this._row + r;
        const col = this._col + c;
        writeValue(this._sheet.ensure(row, col), values[r][c], tz);
        this._sheet.tidy(row, col);
      }
    }
  }

  private fill<T>(value: T): T[][] {
    return Array.from({ length: this._numRows }, () => Array.from({ length: this._numCols }, () => value));
  }

  private setAttr(
    key: 'bg' | 'fontWeight' | 'fontColor' | 'note' | 'fmt',
    grid: (string | null | undefined)[][],
  ): this {
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numCols; c++) {
        const v = grid[r][c];
        const cell = this._sheet.ensure(this._row + r, this._col + c);
        if (v === null || v === undefined || (key === 'note' && v === '')) delete cell[key];
        else cell[key] = String(v);
        this._sheet.tidy(this._row + r, this._col + c);
      }
    }
    this.exec.cells(this.cellCount);
    return this;
  }

  private getAttr(fn: (cell: Cell | undefined) => string): string[][] {
    this.exec.cells(this.cellCount);
    return this.map((cell) => fn(cell));
  }

  // --- values ---

  getValues(): CellValue[][] {
    this.exec.cells(this.cellCount);
    return this.map((cell) => (cell ? (cell.v instanceof Date ? new Date(cell.v.getTime()) : cell.v) : ''));
  }

  getValue(): CellValue {
    const cell = this._sheet.cell(this._row, this._col);
    this.exec.cells(1);
    return cell ? cell.v : '';
  }

  getDisplayValues(): string[][] {
    const tz = this._ss.timeZone;
    return this.getAttr((cell) => (cell ? displayValue(cell.v, cell.fmt, tz) : ''));
  }

  getDisplayValue(): string {
    const cell = this._sheet.cell(this._row, this._col);
    this.exec.cells(1);
    return cell ? displayValue(cell.v, cell.fmt, this._ss.timeZone) : '';
  }

  setValues(values: unknown): this {
    const rows = this.checkShape(`${FQ}.setValues`, [values], values);
    this.exec.cells(this.cellCount);
    this.writeAll(rows);
    return this;
  }

  setValue(value: unknown): this {
    if (Array.isArray(value)) badSignature(`${FQ}.setValue`, [value]);
    this.exec.cells(this.cellCount);
    this.writeAll(this.fill(value));
    return this;
  }

  getFormulas(): string[][] {
    return this.getAttr((cell) => cell?.f ?? '');
  }

  getFormula(): string {
    this.exec.cells(1);
    return this._sheet.cell(this._row, this._col)?.f ?? '';
  }

  setFormula(formula: unknown): this {
    const f = expectString(`${FQ}.setFormula`, [formula], formula);
    this.exec.cells(this.cellCount);
    this.writeAll(this.fill(f === '' ? '' : f.startsWith('=') ? f : '=' + f));
    return this;
  }

  setFormulas(formulas: unknown): this {
    const rows = this.checkShape(`${FQ}.setFormulas`, [formulas], formulas);
    this.exec.cells(this.cellCount);
    this.writeAll(rows.map((row) => row.map((f) => (f === '' || f === null ? '' : String(f)))));
    return this;
  }

  isBlank(): boolean {
    this.exec.cells(this.cellCount);
    return this.map((cell) => !cell || (cell.v === '' && cell.f === undefined)).every((row) => row.every(Boolean));
  }

  clearContent(): this {
    this.exec.cells(this.cellCount);
    this.map((cell, r, c) => {
      if (cell) {
        cell.v = '';
        delete cell.f;
        this._sheet.tidy(r, c);
      }
    });
    return this;
  }

  /** clear() clears contents and formats; clear(options) follows contentsOnly/formatOnly/validationsOnly/commentsOnly. */
  clear(options?: unknown): this {
    const o = (options ?? {}) as Record<string, unknown>;
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const contents = !any || !!o.contentsOnly;
    const formats = !any || !!o.formatOnly;
    this.exec.cells(this.cellCount);
    this.map((cell, r, c) => {
      if (!cell) return;
      if (contents) {
        cell.v = '';
        delete cell.f;
      }
      if (formats) {
        delete cell.fmt;
        delete cell.bg;
        delete cell.fontWeight;
        delete cell.fontColor;
        delete cell.style;
      }
      if (o.validationsOnly) delete cell.dv;
      if (o.commentsOnly) delete cell.note;
      this._sheet.tidy(r, c);
    });
    return this;
  }

  clearFormat(): this {
    return this.clear({ formatOnly: true });
  }

  clearNote(): this {
    return this.setAttr('note', this.fill(null));
  }

  clearDataValidations(): this {
    this.exec.cells(this.cellCount);
    this.map((cell, r, c) => {
      if (cell) {
        delete cell.dv;
        this._sheet.tidy(r, c);
      }
    });
    return this;
  }

  // --- notes and formats ---

  getNote(): string {
    this.exec.cells(1);
    return this._sheet.cell(this._row, this._col)?.note ?? '';
  }

  getNotes(): string[][] {
    return this.getAttr((cell) => cell?.note ?? '');
  }

  setNote(note: unknown): this {
    return this.setAttr('note', this.fill(note === null || note === undefined ? null : String(note)));
  }

  setNotes(notes: unknown): this {
    return this.setAttr('note', this.checkShape(`${FQ}.setNotes`, [notes], notes) as (string | null)[][]);
  }

  getBackground(): string {
    this.exec.cells(1);
    return this._sheet.cell(this._row, this._col)?.bg ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    return this.getAttr((cell) => cell?.bg ?? '#ffffff');
  }

  setBackground(color: unknown): this {
    return this.setAttr('bg', this.fill(color === null ? null : String(color)));
  }

  setBackgrounds(colors: unknown): this {
    return this.setAttr('bg', this.checkShape(`${FQ}.setBackgrounds`, [colors], colors) as (string | null)[][]);
  }

  getFontWeight(): string {
    this.exec.cells(1);
    return this._sheet.cell(this._row, this._col)?.fontWeight ?? 'normal';
  }

  getFontWeights(): string[][] {
    return this.getAttr((cell) => cell?.fontWeight ?? 'normal');
  }

  setFontWeight(weight: unknown): this {
    return this.setAttr('fontWeight', this.fill(weight === null ? null : String(weight)));
  }

  setFontWeights(weights: unknown): this {
    return this.setAttr(
      'fontWeight',
      this.checkShape(`${FQ}.setFontWeights`, [weights], weights) as (string | null)[][],
    );
  }

  getFontColor(): string {
    this.exec.cells(1);
    return this._sheet.cell(this._row, this._col)?.fontColor ?? '#000000';
  }

  getFontColors(): string[][] {
    return this.getAttr((cell) => cell?.fontColor ?? '#000000');
  }

  setFontColor(color: unknown): this {
    return this.setAttr('fontColor', this.fill(color === null ? null : String(color)));
  }

  setFontColors(colors: unknown): this {
    return this.setAttr('fontColor', this.checkShape(`${FQ}.setFontColors`, [colors], colors) as (string | null)[][]);
  }

  getNumberFormat(): string {
    this.exec.cells(1);
    return this._sheet.cell(this._row, this._col)?.fmt ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this.getAttr((cell) => cell?.fmt ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(format: unknown): this {
    const f = expectString(`${FQ}.setNumberFormat`, [format], format);
    return this.setAttr('fmt', this.fill(f === DEFAULT_NUMBER_FORMAT ? null : f));
  }

  setNumberFormats(formats: unknown): this {
    return this.setAttr('fmt', this.checkShape(`${FQ}.setNumberFormats`, [formats], formats) as (string | null)[][]);
  }

  private setStyle(key: string, value: unknown): this {
    this.exec.cells(this.cellCount);
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numCols; c++) {
        const cell = this._sheet.ensure(this._row + r, this._col + c);
        cell.style = { ...(cell.style ?? {}), [key]: value instanceof Object ? String(value) : value };
      }
    }
    return this;
  }

  setWrap(wrap: unknown): this {
    return this.setStyle('wrap', !!wrap);
  }

  setWrapStrategy(strategy: unknown): this {
    return this.setStyle('wrapStrategy', strategy);
  }

  setHorizontalAlignment(alignment: unknown): this {
    return this.setStyle('horizontalAlignment', alignment);
  }

  setVerticalAlignment(alignment: unknown): this {
    return this.setStyle('verticalAlignment', alignment);
  }

  setFontSize(size: unknown): this {
    return this.setStyle('fontSize', size);
  }

  setFontStyle(style: unknown): this {
    return this.setStyle('fontStyle', style);
  }

  setFontFamily(family: unknown): this {
    return this.setStyle('fontFamily', family);
  }

  setFontLine(line: unknown): this {
    return this.setStyle('fontLine', line);
  }

  setBorder(...args: unknown[]): this {
    return this.setStyle(
      'border',
      args.length ? JSON.stringify(args.map((a) => (a === null ? null : String(a)))) : null,
    );
  }

  // --- data validation ---

  setDataValidation(rule: unknown): this {
    if (rule !== null && !(rule instanceof DataValidationImpl)) badSignature(`${FQ}.setDataValidation`, [rule]);
    this.exec.cells(this.cellCount);
    this.map((_cell, r, c) => {
      const cell = this._sheet.ensure(r, c);
      if (rule === null) delete cell.dv;
      else cell.dv = (rule as DataValidationImpl)._rule;
      this._sheet.tidy(r, c);
    });
    return this;
  }

  setDataValidations(rules: unknown): this {
    const grid = this.checkShape(`${FQ}.setDataValidations`, [rules], rules);
    this.exec.cells(this.cellCount);
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numCols; c++) {
        const rule = grid[r][c];
        if (rule !== null && rule !== undefined && !(rule instanceof DataValidationImpl)) {
          badSignature(`${FQ}.setDataValidations`, [rules]);
        }
        const cell = this._sheet.ensure(this._row + r, this._col + c);
        if (rule instanceof DataValidationImpl) cell.dv = rule._rule;
        else delete cell.dv;
        this._sheet.tidy(this._row + r, this._col + c);
      }
    }
    return this;
  }

  getDataValidation(): DataValidationImpl | null {
    this.exec.cells(1);
    const rule = this._sheet.cell(this._row, this._col)?.dv;
    return rule ? new DataValidationImpl(rule) : null;
  }

  getDataValidations(): (DataValidationImpl | null)[][] {
    this.exec.cells(this.cellCount);
    return this.map((cell) => (cell?.dv ? new DataValidationImpl(cell.dv) : null));
  }

  insertCheckboxes(): this {
    this.exec.cells(this.cellCount);
    this.map((_cell, r, c) => {
      const cell = this._sheet.ensure(r, c);
      cell.dv = { criteria: 'CHECKBOX', values: [], allowInvalid: false, helpText: null };
      if (cell.v === '') cell.v = false;
    });
    return this;
  }

  // --- geometry ---

  getRow(): number {
    return this._row;
  }

  getRowIndex(): number {
    return this._row;
  }

  getColumn(): number {
    return this._col;
  }

  getColumnIndex(): number {
    return this._col;
  }

  getNumRows(): number {
    return this._numRows;
  }

  getNumColumns(): number {
    return this._numCols;
  }

  getHeight(): number {
    return this._numRows;
  }

  getWidth(): number {
    return this._numCols;
  }

  getLastRow(): number {
    return this._row + this._numRows - 1;
  }

  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }

  getA1Notation(): string {
    return a1Of(this._row, this._col, this._numRows, this._numCols);
  }

  getGridId(): number {
    return this._sheet.sheetId;
  }

  getSheet(): SheetImpl {
    return new SheetImpl(this.exec, this._ss, this._sheet);
  }

  /** A cell relative to this range (1-based inside it). */
  getCell(row: unknown, column: unknown): RangeImpl {
    const fq = `${FQ}.getCell`;
    const r = expectInt(fq, [row, column], row);
    const c = expectInt(fq, [row, column], column);
    if (r < 1 || c < 1 || r > this._numRows || c > this._numCols) throw new ScriptException(MSG.outsideSheet);
    return new RangeImpl(this.exec, this._ss, this._sheet, this._row + r - 1, this._col + c - 1, 1, 1);
  }

  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): RangeImpl {
    const fq = `${FQ}.offset`;
    const args = [rowOffset, columnOffset, numRows, numColumns];
    const ro = expectInt(fq, args, rowOffset);
    const co = expectInt(fq, args, columnOffset);
    const nr = numRows === undefined ? this._numRows : expectInt(fq, args, numRows);
    const nc = numColumns === undefined ? this._numCols : expectInt(fq, args, numColumns);
    return rangeAt(this.exec, this._ss, this._sheet, this._row + ro, this._col + co, nr, nc);
  }

  activate(): this {
    this._ss.activeSheetId = this._sheet.sheetId;
    this._ss.activeRange = { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols };
    return this;
  }
}
