/**
 * The grid side of the playground: projects an emulated spreadsheet (runtime/spreadsheet/model.ts) into the
 * `WorkbookView` the page draws — display values, backgrounds, font colours, bold, notes and data-validation
 * summaries over each sheet's used range — and checks or applies what the user does in the grid (typing into a cell,
 * selecting a range, switching tabs), as the Sheets UI would, outside any execution.
 */
import { a1Of, columnNumber } from '../runtime/spreadsheet/a1';
import type { Cell, DataValidationRule, SheetModel, SpreadsheetModel } from '../runtime/spreadsheet/model';
import { displayValue } from '../runtime/spreadsheet/values';
import { SessionError } from './protocol';
import type { SheetView, WorkbookView } from './types';

/** Minimum grid size drawn, so an empty sheet still looks like a sheet. */
const MIN_ROWS = 30;
const MIN_COLS = 12;
/** Upper bound of rows and columns sent to the page per sheet (the grid is for looking, not for big data). */
const MAX_ROWS = 2000;
const MAX_COLS = 60;

/** Summarises a data-validation rule for the cell tooltip, e.g. `One of: On, Off`. */
export function describeValidation(rule: DataValidationRule): string {
  const list = (v: unknown): string => (Array.isArray(v) ? v.map((x) => String(x)).join(', ') : String(v));
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return `One of: ${list(rule.values[0])}`;
    case 'VALUE_IN_RANGE':
      return 'One of the values in a range';
    case 'CHECKBOX':
      return 'Checkbox';
    default:
      return rule.helpText ?? rule.criteria.toLowerCase().replace(/_/g, ' ');
  }
}

/** Builds the view of one sheet. */
export function sheetView(sheet: SheetModel, timeZone: string): SheetView {
  let lastRow = 0;
  let lastCol = 0;
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell) {
        lastRow = Math.max(lastRow, r + 1);
        lastCol = Math.max(lastCol, c + 1);
      }
    });
  });
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, lastRow + 5), sheet.maxRows);
  const cols = Math.min(MAX_COLS, Math.max(MIN_COLS, lastCol + 2), sheet.maxCols);
  const values: string[][] = [];
  const backgrounds: (string | null)[][] = [];
  const fontColors: (string | null)[][] = [];
  const bold: boolean[][] = [];
  const notes: (string | null)[][] = [];
  const validations: (string | null)[][] = [];
  let seen = { bg: false, fc: false, bold: false, note: false, dv: false };
  for (let r = 1; r <= rows; r++) {
    const vRow: string[] = [];
    const bgRow: (string | null)[] = [];
    const fcRow: (string | null)[] = [];
    const bRow: boolean[] = [];
    const nRow: (string | null)[] = [];
    const dvRow: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell: Cell | undefined = sheet.cell(r, c);
      vRow.push(cell ? cellText(cell, timeZone) : '');
      bgRow.push(cell?.bg ?? null);
      fcRow.push(cell?.fontColor ?? null);
      bRow.push(cell?.fontWeight === 'bold');
      nRow.push(cell?.note ? cell.note : null);
      dvRow.push(cell?.dv ? describeValidation(cell.dv) : null);
      seen = {
        bg: seen.bg || !!cell?.bg,
        fc: seen.fc || !!cell?.fontColor,
        bold: seen.bold || cell?.fontWeight === 'bold',
        note: seen.note || !!cell?.note,
        dv: seen.dv || !!cell?.dv,
      };
    }
    values.push(vRow);
    backgrounds.push(bgRow);
    fontColors.push(fcRow);
    bold.push(bRow);
    notes.push(nRow);
    validations.push(dvRow);
  }
  const widths: (number | null)[] = [];
  for (let c = 1; c <= cols; c++) widths.push(sheet.columnWidths.get(c) ?? null);
  return {
    name: sheet.name,
    values,
    backgrounds: seen.bg ? backgrounds : undefined,
    fontColors: seen.fc ? fontColors : undefined,
    bold: seen.bold ? bold : undefined,
    notes: seen.note ? notes : undefined,
    validations: seen.dv ? validations : undefined,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenCols,
    columnWidths: widths.some((w) => w !== null) ? widths : undefined,
  };
}

/** The text a cell shows: its display value, or the formula's error for formulas the emulator does not compute. */
function cellText(cell: Cell, timeZone: string): string {
  return displayValue(cell.v, cell.fmt, timeZone);
}

/** Builds the view of a whole spreadsheet. */
export function workbookView(ss: SpreadsheetModel, extra: { saveTarget?: string; dirty: boolean }): WorkbookView {
  const active = ss.activeSheet();
  const range = ss.activeRange;
  return {
    id: ss.id,
    name: ss.name,
    sheets: ss.sheets.filter((s) => !s.hidden).map((s) => sheetView(s, ss.timeZone)),
    activeSheet: active?.name ?? '',
    activeRange: range ? a1Of(range.row, range.col, range.numRows, range.numCols) : 'A1',
    saveTarget: extra.saveTarget,
    dirty: extra.dirty,
  };
}

function sheetOrThrow(ss: SpreadsheetModel, name: string): SheetModel {
  const sheet = ss.sheetByName(name);
  if (!sheet) throw new SessionError(`There is no sheet named "${name}".`, 404);
  return sheet;
}

/**
 * Checks a value the user is about to type into a cell (1-based row and column): the cell must be on the sheet, and
 * a list rule with allowInvalid = false rejects other values, as the Sheets UI does. Writes nothing: the runtime's
 * `edit` writes the cell, so onEdit triggers see the right old value.
 */
export function checkEdit(ss: SpreadsheetModel, sheetName: string, row: number, col: number, text: string): void {
  const sheet = sheetOrThrow(ss, sheetName);
  if (!(
    Number.isInteger(row) &&
    Number.isInteger(col) &&
    row >= 1 &&
    col >= 1 &&
    row <= sheet.maxRows &&
    col <= sheet.maxCols
  )) {
    throw new SessionError(`Cell R${row}C${col} is outside the sheet "${sheetName}".`);
  }
  const rule = sheet.cell(row, col)?.dv;
  if (rule && !rule.allowInvalid && rule.criteria === 'VALUE_IN_LIST' && text !== '') {
    const allowed = Array.isArray(rule.values[0]) ? (rule.values[0] as unknown[]).map(String) : [];
    if (!allowed.includes(text)) {
      throw new SessionError(
        `The data you entered in cell ${a1Of(row, col)} violates the data validation rules set on this cell: ` +
          describeValidation(rule) +
          '.',
      );
    }
  }
}

/** Makes `sheetName` the active sheet and `a1` (e.g. `B2` or `A2:C5`) the active range on it. */
export function selectRange(ss: SpreadsheetModel, sheetName: string, a1: string): void {
  const sheet = sheetOrThrow(ss, sheetName);
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a1.trim());
  if (!m) throw new SessionError(`"${a1}" is not a cell or range in A1 notation.`);
  const r1 = Number(m[2]);
  const c1 = columnNumber(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  const numRows = Math.abs(r2 - r1) + 1;
  const numCols = Math.abs(c2 - c1) + 1;
  if (row < 1 || col < 1 || row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw new SessionError(`The range ${a1} is outside the sheet "${sheetName}".`);
  }
  ss.activeSheetId = sheet.sheetId;
  ss.activeRange = { row, col, numRows, numCols };
}
