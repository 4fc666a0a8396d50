/**
 * Workbook I/O: RFC 4180 CSV (quotes, commas and line breaks in cells, BOM, CRLF), cell typing on import as Sheets'
 * import does (numbers, booleans, ISO dates, formulas; apostrophe = text), CSV folders with the sidecar, and .xlsx
 * round trips (values, formulas with results, notes, validation, frozen rows).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadWorkbook, parseCsv, saveWorkbook, toCsv } from '../../../emulator/workbook';
import { makeRuntime } from './helpers';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wb-'));
}

describe('CSV', () => {
  test('RFC 4180: quoted fields, doubled quotes, delimiters and line breaks inside quotes, CRLF, BOM', () => {
    const text = '\uFEFFa,"b,c","say ""hi"""\r\n"multi\nline",,x\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['multi\nline', '', 'x'],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });

  test('toCsv quotes what needs quoting and round-trips', () => {
    const rows = [['a', 'b,c', 'q"q', 'two\nlines', ' pad']];
    expect(toCsv(rows)).toBe('a,"b,c","q""q","two\nlines"," pad"\r\n');
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('CSV folder workbooks', () => {
  test('one tab per file; cells typed as Sheets imports them; ids stable across loads', async () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, 'Spaces.csv'),
      "Name,Count,Flag,When,Formula,Text\r\nTeam,12,TRUE,2026-01-05,=1+1,'007\r\n",
    );
    fs.writeFileSync(path.join(dir, 'Members.csv'), 'Space,Member\n');
    const ss = await loadWorkbook(dir, { timeZone: 'Etc/UTC' });
    expect(ss.sheets.map((s) => s.name)).toEqual(['Members', 'Spaces']);
    const sheet = ss.sheetByName('Spaces')!;
    expect([1, 2, 3, 4, 5, 6].map((c) => sheet.cell(2, c)?.v)).toEqual([
      'Team',
      12,
      true,
      new Date(Date.UTC(2026, 0, 5)),
      '#ERROR!',
      '007',
    ]);
    expect(sheet.cell(2, 5)?.f).toBe('=1+1');
    expect((await loadWorkbook(dir)).id).toBe(ss.id);
  });

  test('saving writes CSVs that load back to the same cells, plus the sidecar (order, frozen rows, notes, validation)', async () => {
    const rt = makeRuntime(`function setup() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sh = ss.insertSheet('Spaces', 0);
      sh.getRange('A1:F2').setValues([['Name', 'Id', 'When', 'Formula', 'Look', 'Flag'],
        ['Team', 42, new Date(Date.UTC(2026, 0, 5, 10, 30)), '=SUM(B2)', 'x', false]]);
      sh.getRange('E2').setNumberFormat('@').setValue('00123');
      sh.getRange('A1').setNote('The space name');
      sh.getRange('F2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      sh.setFrozenRows(1);
    }`);
    rt.run('setup');
    const dir = tmp();
    await saveWorkbook(rt.activeSpreadsheet!, dir);
    expect(fs.readFileSync(path.join(dir, 'Spaces.csv'), 'utf8')).toBe(
      "Name,Id,When,Formula,Look,Flag\r\nTeam,42,2026-01-05 10:30:00,=SUM(B2),'00123,FALSE\r\n",
    );
    const back = await loadWorkbook(dir);
    const s = back.sheetByName('Spaces')!;
    expect(back.sheets.map((x) => x.name)).toEqual(['Spaces', 'Sheet1']);
    expect(s.frozenRows).toBe(1);
    expect(s.cell(1, 1)?.note).toBe('The space name');
    expect(s.cell(2, 6)?.dv?.criteria).toBe('CHECKBOX');
    expect(s.cell(2, 5)).toMatchObject({ v: '00123', fmt: '@' });
    expect(s.cell(2, 3)?.v).toEqual(new Date(Date.UTC(2026, 0, 5, 10, 30)));
    expect(s.cell(2, 4)).toMatchObject({ f: '=SUM(B2)' });
  });
});

describe('.xlsx workbooks', () => {
  test('round trip: values, formulas with cached results, notes, list validation, frozen rows', async () => {
    const rt = makeRuntime(`function setup() {
      var sh = SpreadsheetApp.getActiveSheet().setName('Spaces');
      sh.getRange('A1:D2').setValues([['Name', 'N', 'Ok', 'When'], ['Team', 3.5, true, new Date(Date.UTC(2026, 0, 5))]]);
      sh.getRange('E2').setValue('="lit"');
      sh.getRange('A1').setNote('note');
      sh.getRange('C2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No']).setAllowInvalid(false).build());
      sh.setFrozenRows(1);
    }`);
    rt.run('setup');
    const file = path.join(tmp(), 'book.xlsx');
    await saveWorkbook(rt.activeSpreadsheet!, file);
    const back = await loadWorkbook(file, { timeZone: 'Etc/UTC' });
    const s = back.sheetByName('Spaces')!;
    expect([1, 2, 3, 4].map((c) => s.cell(2, c)?.v)).toEqual(['Team', 3.5, true, new Date(Date.UTC(2026, 0, 5))]);
    expect(s.cell(2, 5)).toMatchObject({ f: '="lit"', v: 'lit' });
    expect(s.cell(1, 1)?.note).toBe('note');
    expect(s.cell(2, 3)?.dv).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: [['Yes', 'No'], true],
      allowInvalid: false,
    });
    expect(s.frozenRows).toBe(1);
  });
});
