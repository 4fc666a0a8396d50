/**
 * Workbook over SpreadsheetApp: a tab is read with one getDataRange().getValues(), outputs are written as a few
 * rectangular setValues blocks, and "Set up sheets" creates tabs with headers, notes, dropdown validation, a frozen
 * header row and plain-text formats (so names like `1/2` or `TRUE` typed later stay text). The number of service
 * calls depends on the number of tabs and blocks, never on the number of rows.
 *
 * Scopes: spreadsheets.currentonly (bound script, Editor add-on) or drive.file (Workspace add-on after the file
 * grant, through SpreadsheetApp.openById).
 */
import type { CellBlock, CellValue, ColumnSetup, TabSetupResult, Workbook } from '../../ports/workbook';

const OUTPUT_BACKGROUND = '#f1f3f4';
const HEADER_BACKGROUND = '#e8f0fe';

export class SheetWorkbook implements Workbook {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  id(): string {
    return this.spreadsheet.getId();
  }

  readTab(name: string): CellValue[][] | undefined {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return undefined;
    return sheet.getDataRange().getValues() as CellValue[][];
  }

  writeBlocks(name: string, blocks: readonly CellBlock[]): void {
    const sheet = this.requireSheet(name);
    for (const block of blocks) {
      if (!block.values.length || !block.values[0].length) continue;
      sheet.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(block.values);
    }
  }

  appendRows(name: string, rows: readonly CellValue[][]): void {
    if (!rows.length) return;
    const sheet = this.requireSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    const padded = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
    const start = sheet.getLastRow() + 1;
    // A range past the sheet's last row throws ("coordinates … outside the dimensions"): grow the grid first.
    const maxRows = sheet.getMaxRows();
    if (start + padded.length - 1 > maxRows) sheet.insertRowsAfter(maxRows, start + padded.length - 1 - maxRows);
    sheet.getRange(start, 1, padded.length, width).setValues(padded);
  }

  setUpTab(name: string, columns: readonly ColumnSetup[]): TabSetupResult {
    let sheet = this.spreadsheet.getSheetByName(name);
    const created = !sheet;
    if (!sheet) sheet = this.spreadsheet.insertSheet(name);
    const lastColumn = sheet.getLastColumn();
    const existing = lastColumn ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as CellValue[]) : [];
    const norm = (h: unknown) => String(h).replace(/\s+/g, ' ').trim().toLowerCase();
    const present = new Set(existing.map(norm));
    const missing = columns.filter((c) => !present.has(norm(c.header)));
    if (missing.length) {
      const start = existing.filter((h) => String(h).trim() !== '').length ? lastColumn + 1 : 1;
      const header = sheet.getRange(1, start, 1, missing.length);
      header.setValues([missing.map((c) => c.header)]);
      header.setNotes([missing.map((c) => c.note)]);
      header.setFontWeight('bold');
      header.setBackgrounds([missing.map((c) => (c.output ? OUTPUT_BACKGROUND : HEADER_BACKGROUND))]);
      const maxRows = sheet.getMaxRows();
      missing.forEach((c, i) => {
        if (maxRows < 2) return;
        const body = sheet.getRange(2, start + i, maxRows - 1, 1);
        if (c.allowedValues?.length) {
          body.setDataValidation(
            SpreadsheetApp.newDataValidation()
              .requireValueInList([...c.allowedValues], true)
              .setAllowInvalid(false)
              .setHelpText(`${c.header}: one of ${c.allowedValues.join(', ')}.`)
              .build(),
          );
        }
        if (c.plainText) body.setNumberFormat('@');
      });
    }
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
    return { created, addedColumns: created ? [] : missing.map((c) => c.header) };
  }

  replaceTab(name: string, header: readonly string[], rows: readonly CellValue[][]): void {
    let sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) sheet = this.spreadsheet.insertSheet(name);
    sheet.clearContents();
    const all = [
      header as CellValue[],
      ...rows.map((r) =>
        [...r, ...Array<CellValue>(Math.max(0, header.length - r.length)).fill('')].slice(0, header.length),
      ),
    ];
    sheet.getRange(1, 1, all.length, header.length).setValues(all);
    sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  }

  selectedRows(name: string): number[] {
    const sheet = this.spreadsheet.getActiveSheet();
    if (!sheet || sheet.getName() !== name) return [];
    const list = sheet.getActiveRangeList();
    const ranges = list
      ? list.getRanges()
      : [sheet.getActiveRange()].filter((r): r is GoogleAppsScript.Spreadsheet.Range => !!r);
    const rows = new Set<number>();
    for (const r of ranges) for (let i = 0; i < r.getNumRows(); i++) rows.add(r.getRow() + i);
    return [...rows].filter((r) => r > 1).sort((a, b) => a - b);
  }

  flush(): void {
    SpreadsheetApp.flush();
  }

  private requireSheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`The ${name} tab is missing. Run Chat Spaces > Set up sheets to create it.`);
    return sheet;
  }
}
