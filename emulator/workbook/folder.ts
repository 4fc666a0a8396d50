/**
 * A workbook as a folder of CSV files, one per tab (tab name = file name without `.csv`), plus an optional
 * `_workbook.json` sidecar that keeps what CSV cannot: tab order, frozen rows and columns, hidden tabs, notes,
 * number formats and data validation. Without a sidecar, tabs are ordered by file name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { a1Of, parseRef, resolveRef } from '../runtime/spreadsheet/a1';
import { SheetModel, SpreadsheetModel, type DataValidationRule } from '../runtime/spreadsheet/model';
import { exportCell, importCell } from './cells';
import { parseCsv, toCsv } from './csv';
import { sheetIdFor, type LoadOptions } from './ids';

export const SIDECAR = '_workbook.json';

interface SheetMeta {
  frozenRows?: number;
  frozenColumns?: number;
  hidden?: boolean;
  notes?: Record<string, string>;
  formats?: Record<string, string>;
  validations?: Record<string, DataValidationRule>;
}

interface Sidecar {
  name?: string;
  timeZone?: string;
  order?: string[];
  sheets?: Record<string, SheetMeta>;
}

/** Loads a folder of CSVs into a spreadsheet model. */
export function loadCsvFolder(dir: string, options: LoadOptions): SpreadsheetModel {
  const sidecarPath = path.join(dir, SIDECAR);
  const sidecar: Sidecar = fs.existsSync(sidecarPath)
    ? (JSON.parse(fs.readFileSync(sidecarPath, 'utf8')) as Sidecar)
    : {};
  const timeZone = options.timeZone ?? sidecar.timeZone ?? 'Etc/UTC';
  const ss = new SpreadsheetModel(
    options.id,
    options.name ?? sidecar.name ?? path.basename(path.resolve(dir)),
    timeZone,
  );
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort((a, b) => a.localeCompare(b));
  const names = files.map((f) => f.slice(0, -4));
  const order = sidecar.order
    ? [...sidecar.order.filter((n) => names.includes(n)), ...names.filter((n) => !sidecar.order?.includes(n))]
    : names;
  order.forEach((name, index) => {
    const rows = parseCsv(fs.readFileSync(path.join(dir, name + '.csv'), 'utf8'));
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    const sheet = new SheetModel(sheetIdFor(name, index), name, Math.max(1000, rows.length), Math.max(26, width));
    rows.forEach((row, r) =>
      row.forEach((raw, c) => {
        const cell = importCell(raw, timeZone);
        if (cell) {
          const target = sheet.ensure(r + 1, c + 1);
          Object.assign(target, cell);
        }
      }),
    );
    applyMeta(sheet, sidecar.sheets?.[name]);
    ss.sheets.push(sheet);
  });
  if (!ss.sheets.length) ss.sheets.push(new SheetModel(0, 'Sheet1'));
  ss.activeSheetId = ss.sheets[0].sheetId;
  return ss;
}

function applyMeta(sheet: SheetModel, meta: SheetMeta | undefined): void {
  if (!meta) return;
  sheet.frozenRows = meta.frozenRows ?? 0;
  sheet.frozenCols = meta.frozenColumns ?? 0;
  sheet.hidden = !!meta.hidden;
  const each = <T>(map: Record<string, T> | undefined, fn: (row: number, col: number, value: T) => void): void => {
    for (const [a1, value] of Object.entries(map ?? {})) {
      const b = resolveRef(parseRef(a1), Math.max(sheet.maxRows, 100000), Math.max(sheet.maxCols, 18278));
      fn(b.row, b.col, value);
    }
  };
  each(meta.notes, (r, c, v) => (sheet.ensure(r, c).note = v));
  each(meta.formats, (r, c, v) => (sheet.ensure(r, c).fmt = v));
  each(meta.validations, (r, c, v) => (sheet.ensure(r, c).dv = v));
}

/** Writes a spreadsheet as CSVs (one per tab) and the sidecar; removes stale CSVs of tabs that no longer exist. */
export function saveCsvFolder(ss: SpreadsheetModel, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const keep = new Set(ss.sheets.map((s) => s.name + '.csv'));
  for (const f of fs.readdirSync(dir))
    if (f.toLowerCase().endsWith('.csv') && !keep.has(f)) fs.rmSync(path.join(dir, f));
  const sidecar: Sidecar = { name: ss.name, timeZone: ss.timeZone, order: ss.sheets.map((s) => s.name), sheets: {} };
  for (const sheet of ss.sheets) {
    const rows: string[][] = [];
    const lastRow = sheet.lastRow();
    const lastCol = sheet.lastColumn();
    for (let r = 1; r <= lastRow; r++) {
      const line: string[] = [];
      for (let c = 1; c <= lastCol; c++) line.push(exportCell(sheet.cell(r, c), ss.timeZone));
      rows.push(line);
    }
    fs.writeFileSync(path.join(dir, sheet.name + '.csv'), toCsv(rows));
    const meta: SheetMeta = {};
    if (sheet.frozenRows) meta.frozenRows = sheet.frozenRows;
    if (sheet.frozenCols) meta.frozenColumns = sheet.frozenCols;
    if (sheet.hidden) meta.hidden = true;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const a1 = a1Of(r + 1, c + 1);
        if (cell.note) (meta.notes ??= {})[a1] = cell.note;
        if (cell.fmt) (meta.formats ??= {})[a1] = cell.fmt;
        if (cell.dv) (meta.validations ??= {})[a1] = cell.dv;
      }),
    );
    if (Object.keys(meta).length) (sidecar.sheets as Record<string, SheetMeta>)[sheet.name] = meta;
  }
  fs.writeFileSync(path.join(dir, SIDECAR), JSON.stringify(sidecar, null, 2) + '\n');
}
