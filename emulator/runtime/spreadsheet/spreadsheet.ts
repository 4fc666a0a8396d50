/**
 * SpreadsheetApp's Spreadsheet: one file. Its sheets (lookup, insert with Sheets' default names and name checks,
 * delete), sheet-qualified getRange, the active sheet and range, toasts (recorded), and identity (id, URL, name,
 * time zone).
 */
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature, expectInt, expectString } from '../signature';
import { parseRef } from './a1';
import { SheetModel, type SpreadsheetModel } from './model';
import { RangeImpl } from './range';
import { rangeFromA1, SheetImpl } from './sheet';

const FQ = 'SpreadsheetApp.Spreadsheet';

export class SpreadsheetImpl extends ServiceObject {
  get className(): string {
    return 'Spreadsheet';
  }

  constructor(
    private readonly exec: Execution,
    readonly _ss: SpreadsheetModel,
  ) {
    super();
  }

  private view(sheet: SheetModel): SheetImpl {
    return new SheetImpl(this.exec, this._ss, sheet);
  }

  getId(): string {
    return this._ss.id;
  }

  getUrl(): string {
    return this._ss.url;
  }

  getName(): string {
    return this._ss.name;
  }

  rename(newName: unknown): void {
    this._ss.name = expectString(`${FQ}.rename`, [newName], newName);
  }

  getSpreadsheetTimeZone(): string {
    return this._ss.timeZone;
  }

  setSpreadsheetTimeZone(timezone: unknown): void {
    this._ss.timeZone = expectString(`${FQ}.setSpreadsheetTimeZone`, [timezone], timezone);
  }

  getSpreadsheetLocale(): string {
    return this._ss.locale;
  }

  getSheets(): SheetImpl[] {
    return this._ss.sheets.map((s) => this.view(s));
  }

  getNumSheets(): number {
    return this._ss.sheets.length;
  }

  getSheetByName(name: unknown): SheetImpl | null {
    const n = expectString(`${FQ}.getSheetByName`, [name], name);
    const sheet = this._ss.sheetByName(n);
    return sheet ? this.view(sheet) : null;
  }

  getSheetById(id: unknown): SheetImpl | null {
    const n = expectInt(`${FQ}.getSheetById`, [id], id);
    const sheet = this._ss.sheets.find((s) => s.sheetId === n);
    return sheet ? this.view(sheet) : null;
  }

  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index); the new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): SheetImpl {
    const fq = `${FQ}.insertSheet`;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (b !== undefined && typeof b !== 'object') index = expectInt(fq, [a, b], b);
    } else if (typeof a === 'number') index = expectInt(fq, [a, b], a);
    else if (a !== undefined) badSignature(fq, [a, b]);
    if (name === undefined) {
      let n = this._ss.sheets.length + 1;
      while (this._ss.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this._ss.sheetByName(name)) throw new ScriptException(MSG.sheetNameTaken(name));
    if (index !== undefined && (index < 0 || index > this._ss.sheets.length))
      throw new ScriptException(MSG.invalidArgument('sheetIndex'));
    const sheet = new SheetModel(this.exec.rt.spreadsheets.sheetId(), name);
    if (index === undefined) this._ss.sheets.push(sheet);
    else this._ss.sheets.splice(index, 0, sheet);
    this._ss.activeSheetId = sheet.sheetId;
    this._ss.activeRange = null;
    return this.view(sheet);
  }

  deleteSheet(sheet: unknown): void {
    if (!(sheet instanceof SheetImpl)) badSignature(`${FQ}.deleteSheet`, [sheet]);
    const i = this._ss.sheets.indexOf(sheet._sheet);
    if (i < 0) throw new ScriptException('This sheet has been deleted.');
    if (this._ss.sheets.length === 1) throw new ScriptException(MSG.lastSheet);
    this._ss.sheets.splice(i, 1);
    if (this._ss.activeSheetId === sheet._sheet.sheetId) {
      this._ss.activeSheetId = this._ss.sheets[0].sheetId;
      this._ss.activeRange = null;
    }
  }

  getActiveSheet(): SheetImpl {
    return this.view(this._ss.activeSheet());
  }

  setActiveSheet(sheet: unknown): SheetImpl {
    if (!(sheet instanceof SheetImpl)) badSignature(`${FQ}.setActiveSheet`, [sheet]);
    return sheet.activate();
  }

  getActiveRange(): RangeImpl | null {
    return this.getActiveSheet().getActiveRange();
  }

  getActiveCell(): RangeImpl {
    const r = this.getActiveRange();
    return r
      ? new RangeImpl(this.exec, this._ss, r._sheet, r._row, r._col, 1, 1)
      : this.getActiveSheet().getRange(1, 1);
  }

  setActiveRange(range: unknown): RangeImpl {
    if (!(range instanceof RangeImpl)) badSignature(`${FQ}.setActiveRange`, [range]);
    return range.activate();
  }

  /** getRange("Sheet1!A1:B2"); without a sheet name, the active sheet. */
  getRange(a1Notation: unknown): RangeImpl {
    const text = expectString(`${FQ}.getRange`, [a1Notation], a1Notation);
    const ref = parseRef(text);
    const sheet = ref.sheetName !== undefined ? this._ss.sheetByName(ref.sheetName) : this._ss.activeSheet();
    if (!sheet) throw new ScriptException(MSG.rangeNotFound);
    return rangeFromA1(this.exec, this._ss, sheet, text);
  }

  getRangeByName(name: unknown): RangeImpl | null {
    expectString(`${FQ}.getRangeByName`, [name], name);
    return null;
  }

  getDataRange(): RangeImpl {
    return this.getActiveSheet().getDataRange();
  }

  getLastRow(): number {
    return this._ss.activeSheet().lastRow();
  }

  getLastColumn(): number {
    return this._ss.activeSheet().lastColumn();
  }

  /** Shows a toast in the spreadsheet's UI (recorded in runtime.ui.toasts). */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.exec.rt.ui.record('toast', this.exec, {
      spreadsheetId: this._ss.id,
      message: String(msg),
      title: title === undefined ? null : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : Number(timeoutSeconds),
    });
  }
}
