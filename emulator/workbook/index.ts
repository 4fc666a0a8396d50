/**
 * Workbook I/O for the local runner and tests: load a folder of CSVs (one per tab) or an .xlsx file into an
 * in-memory spreadsheet, and save it back as CSVs (plus the `_workbook.json` sidecar) or .xlsx.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SpreadsheetModel } from '../runtime/spreadsheet/model';
import { loadCsvFolder, saveCsvFolder } from './folder';
import { spreadsheetIdFor } from './ids';
import { loadXlsx, saveXlsx } from './xlsx';

export { parseCsv, toCsv } from './csv';
export { exportCell, importCell } from './cells';
export { SIDECAR } from './folder';
export { spreadsheetIdFor } from './ids';

export interface WorkbookLoadOptions {
  /** Spreadsheet id (default: derived from the workbook's name, stable across runs). */
  id?: string;
  name?: string;
  /** Time zone for dates (default: sidecar's, else Etc/UTC). */
  timeZone?: string;
}

/** Loads a CSV folder or an .xlsx file. */
export async function loadWorkbook(source: string, options: WorkbookLoadOptions = {}): Promise<SpreadsheetModel> {
  const base = path.basename(path.resolve(source)).replace(/\.xlsx$/i, '');
  const id = options.id ?? spreadsheetIdFor(base);
  if (source.toLowerCase().endsWith('.xlsx')) return loadXlsx(source, { ...options, id });
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory())
    throw new Error(`Workbook not found: ${source} (a folder of CSVs or an .xlsx file)`);
  return loadCsvFolder(source, { ...options, id });
}

/** Saves to a folder of CSVs, or to an .xlsx file when `target` ends with .xlsx. */
export async function saveWorkbook(ss: SpreadsheetModel, target: string): Promise<void> {
  if (target.toLowerCase().endsWith('.xlsx')) {
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await saveXlsx(ss, target);
    return;
  }
  saveCsvFolder(ss, target);
}
