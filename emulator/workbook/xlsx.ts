/**
 * A workbook as an .xlsx file (exceljs): values with their types, formulas with their cached results (so a formula
 * reads as Excel or Sheets last computed it), notes, number formats, list/checkbox data validation, frozen panes and
 * hidden tabs. Excel dates carry no zone; they are read and written as wall-clock times in the spreadsheet's zone.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { SheetModel, SpreadsheetModel, type Cell, type DataValidationRule } from '../runtime/spreadsheet/model';
import { FORMULA_ERROR, type CellValue } from '../runtime/spreadsheet/values';
import { resolveZone, zonedEpoch, zoneParts } from '../runtime/time';
import { sheetIdFor, type LoadOptions } from './ids';

function fromExcelDate(d: Date, timeZone: string): Date {
  return new Date(
    zonedEpoch(
      resolveZone(timeZone),
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

function toExcelDate(d: Date, timeZone: string): Date {
  const p = zoneParts(d.getTime(), resolveZone(timeZone));
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
}

function scalar(value: unknown, timeZone: string): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return fromExcelDate(value, timeZone);
  const v = value as { error?: string; richText?: { text: string }[]; text?: unknown };
  if (v.error) return v.error;
  if (v.richText) return v.richText.map((t) => t.text).join('');
  if (v.text !== undefined) return String(v.text);
  return String(value);
}

function noteText(note: unknown): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : undefined;
}

function validationFrom(dv: ExcelJS.DataValidation | undefined): DataValidationRule | undefined {
  if (!dv || dv.type !== 'list') return undefined;
  const formula = String(dv.formulae?.[0] ?? '');
  const m = /^"(.*)"$/.exec(formula);
  if (!m) return undefined;
  return {
    criteria: 'VALUE_IN_LIST',
    values: [m[1].split(','), true],
    allowInvalid: !dv.showErrorMessage,
    helpText: dv.prompt ?? null,
  };
}

/** Loads an .xlsx file into a spreadsheet model. */
export async function loadXlsx(file: string, options: LoadOptions): Promise<SpreadsheetModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const timeZone = options.timeZone ?? 'Etc/UTC';
  const ss = new SpreadsheetModel(options.id, options.name ?? path.basename(file).replace(/\.xlsx$/i, ''), timeZone);
  let index = 0;
  wb.eachSheet((ws) => {
    const sheet = new SheetModel(
      sheetIdFor(ws.name, index++),
      ws.name,
      Math.max(1000, ws.rowCount),
      Math.max(26, ws.columnCount),
    );
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (xc, c) => {
        const cell: Cell = { v: '' };
        const value = xc.value as unknown;
        if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
          const fv = value as { formula?: string; result?: unknown };
          cell.f = '=' + (fv.formula ?? xc.formula ?? '');
          cell.v = fv.result === undefined ? FORMULA_ERROR : scalar(fv.result, timeZone);
        } else cell.v = scalar(value, timeZone);
        const note = noteText(xc.note);
        if (note) cell.note = note;
        if (xc.numFmt && xc.numFmt !== 'General') cell.fmt = xc.numFmt;
        const dv = validationFrom(xc.dataValidation);
        if (dv) cell.dv = dv;
        if (cell.v !== '' || cell.f || cell.note || cell.fmt || cell.dv) Object.assign(sheet.ensure(r, c), cell);
      });
    });
    const frozen = ws.views?.find((v) => v.state === 'frozen') as { ySplit?: number; xSplit?: number } | undefined;
    sheet.frozenRows = frozen?.ySplit ?? 0;
    sheet.frozenCols = frozen?.xSplit ?? 0;
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    ss.sheets.push(sheet);
  });
  if (!ss.sheets.length) ss.sheets.push(new SheetModel(0, 'Sheet1'));
  ss.activeSheetId = ss.sheets[0].sheetId;
  return ss;
}

/** Saves a spreadsheet model as an .xlsx file. */
export async function saveXlsx(ss: SpreadsheetModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of ss.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views:
        sheet.frozenRows || sheet.frozenCols
          ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenCols }]
          : [],
    });
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const xc = ws.getCell(r + 1, c + 1);
        const v = cell.v instanceof Date ? toExcelDate(cell.v, ss.timeZone) : cell.v;
        if (cell.f)
          xc.value = { formula: cell.f.slice(1), result: v === '' ? undefined : v } as ExcelJS.CellFormulaValue;
        else if (v !== '') xc.value = v;
        if (cell.note) xc.note = cell.note;
        if (cell.fmt) xc.numFmt = cell.fmt;
        if (cell.dv?.criteria === 'VALUE_IN_LIST') {
          const list = (cell.dv.values[0] as unknown[]).map(String).join(',');
          xc.dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: [`"${list}"`],
            showErrorMessage: !cell.dv.allowInvalid,
            prompt: cell.dv.helpText ?? undefined,
          };
        }
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}
