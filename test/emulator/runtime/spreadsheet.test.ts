/**
 * SpreadsheetApp against documented and observed behaviour: ranges and their errors, dimension checks, user-entered
 * parsing of written strings (formulas, numbers, booleans, dates; text format '@' and the apostrophe keep text),
 * formats and notes, data validation, sheet management, the active spreadsheet by mode, file access by scope.
 */
import { makeRuntime, manifest, SCOPES } from './helpers';

const run = (code: string, fn = 'f') => makeRuntime(code).run(fn);

describe('ranges', () => {
  test('DOC: getRange(row, column[, numRows[, numColumns]]) and A1 / R1C1 notation', () => {
    const r = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      return [
        sh.getRange(2, 3).getA1Notation(), sh.getRange(2, 3, 4).getA1Notation(), sh.getRange(2, 3, 4, 2).getA1Notation(),
        sh.getRange('b2:c3').getA1Notation(), sh.getRange('$A$1').getA1Notation(), sh.getRange('A:B').getA1Notation(),
        sh.getRange('2:3').getA1Notation(), sh.getRange('A2:C').getA1Notation(), sh.getRange('R2C3:R4C5').getA1Notation(),
        sh.getRange('Sheet1!A1:B2').getA1Notation(), sh.getRange(2, 3, 4, 2).getNumRows(), sh.getRange('C2:D5').getColumn(),
      ];
    }`);
    expect(r.returned).toEqual([
      'C2',
      'C2:C5',
      'C2:D5',
      'B2:C3',
      'A1',
      'A1:B1000',
      'A2:Z3',
      'A2:C1000',
      'C2:E4',
      'A1:B2',
      4,
      3,
    ]);
  });

  test.each([
    ["sh.getRange('B')", 'Range not found'],
    ["sh.getRange('A1:B2:C3')", 'Range not found'],
    ["sh.getRange('Other!A1')", 'Range not found'],
    ['sh.getRange(0, 1)', 'The starting row of the range is too small.'],
    ['sh.getRange(1, 0)', 'The starting column of the range is too small.'],
    ['sh.getRange(1, 1, 0)', 'The number of rows in the range must be at least 1.'],
    ['sh.getRange(1, 1, 1, 0)', 'The number of columns in the range must be at least 1.'],
    ['sh.getRange(1001, 1)', 'The coordinates of the range are outside the dimensions of the sheet.'],
    ['sh.getRange(1, 1, 1, 27)', 'The coordinates of the range are outside the dimensions of the sheet.'],
    [
      "sh.getRange('A1', 2)",
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    ],
    ['sh.getRange(1.5, 1)', 'Cannot convert 1.5 to int.'],
  ])('OBSERVED error: %s → %s', (expr, message) => {
    const r = run(`function f() { var sh = SpreadsheetApp.getActiveSheet(); ${expr}; }`);
    expect(r.error?.message).toBe(message);
  });

  test('OBSERVED: setValues checks the data dimensions with the platform texts', () => {
    const rt = makeRuntime(`
      function rows() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2]]); }
      function cols() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2], [3]]); }
      function notArray() { SpreadsheetApp.getActiveSheet().getRange('A1').setValues('x'); }
      function flat() { SpreadsheetApp.getActiveSheet().getRange('A1:B1').setValues([1, 2]); }`);
    expect(rt.run('rows').error?.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(rt.run('cols').error?.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(rt.run('notArray').error?.message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(rt.run('flat').error?.message).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('getValues returns "" for empty cells; getValue the top-left cell; setValue fills the whole range', () => {
    const r = run(`function f() {
      var rg = SpreadsheetApp.getActiveSheet().getRange('A1:B2');
      rg.setValue('x');
      var sh = SpreadsheetApp.getActiveSheet();
      return [rg.getValues(), sh.getRange('C1').getValue(), sh.getRange('A1:C1').getValues()];
    }`);
    expect(r.returned).toEqual([
      [
        ['x', 'x'],
        ['x', 'x'],
      ],
      '',
      [['x', 'x', '']],
    ]);
  });

  test('getLastRow/getLastColumn/getDataRange follow content, not formatting', () => {
    const r = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var empty = [sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()];
      sh.getRange('C5').setValue(1); sh.getRange('A9').setBackground('#ff0000'); sh.getRange('E2').setNote('n');
      return empty.concat([sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()]);
    }`);
    expect(r.returned).toEqual([0, 0, 'A1', 5, 3, 'A1:C5']);
  });
});

describe('written strings become what a user typing them gets (OBSERVED; README R4)', () => {
  test('numbers, booleans, dates and percentages are parsed; formulas are formulas; the apostrophe keeps text', () => {
    const inputs = [
      '123',
      '1,234.5',
      '+1',
      '-1',
      'TRUE',
      'false',
      '00123',
      ' 42 ',
      '12%',
      '$5',
      'plain',
      "'=x",
      "'123",
      '1/2/2026',
    ];
    const rt = makeRuntime(`function f(inputs) {
      var rg = SpreadsheetApp.getActiveSheet().getRange(1, 1, 1, inputs.length);
      rg.setValues([inputs]);
      return rg.getValues()[0].map(function (v) { return v instanceof Date ? 'Date:' + v.toISOString() : v; });
    }`);
    expect(rt.run('f', inputs).returned).toEqual([
      123,
      1234.5,
      1,
      -1,
      true,
      false,
      123,
      42,
      0.12,
      5,
      'plain',
      '=x',
      '123',
      'Date:2026-01-02T00:00:00.000Z',
    ]);
  });

  test('ISO dates are dates at midnight in the spreadsheet time zone', () => {
    const rt = makeRuntime(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange('A1'); r.setValue('2026-01-05'); return r.getValue().getTime();
    }`);
    rt.activeSpreadsheet!.timeZone = 'America/New_York';
    expect(rt.run('f').returned).toBe(Date.UTC(2026, 0, 5, 5, 0, 0));
  });

  test('EMULATOR R3: "=…" becomes a formula; getFormulas returns it and getValues reads #ERROR! (literals are computed)', () => {
    const r = run(`function f() {
      var rg = SpreadsheetApp.getActiveSheet().getRange('A1:D1');
      rg.setValues([['=HYPERLINK("http://x","y")', '="text"', '=42', 'x']]);
      return [rg.getFormulas(), rg.getValues(), rg.getDisplayValues()];
    }`);
    expect(r.returned).toEqual([
      [['=HYPERLINK("http://x","y")', '="text"', '=42', '']],
      [['#ERROR!', 'text', 42, 'x']],
      [['#ERROR!', 'text', '42', 'x']],
    ]);
  });

  test('EMULATOR R3: other text starting with + or - is a failing formula, like a phone number "+1 555 0100"', () => {
    const r = run(`function f() {
      var rg = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
      rg.setValues([['+1 555 0100', '- item']]);
      return [rg.getValues(), rg.getFormulas()];
    }`);
    expect(r.returned).toEqual([[['#ERROR!', '#ERROR!']], [['=+1 555 0100', '=- item']]]);
  });

  test("OBSERVED: cells formatted as plain text ('@') keep strings exactly, formulas included", () => {
    const r = run(`function f() {
      var rg = SpreadsheetApp.getActiveSheet().getRange('A1:D1');
      rg.setNumberFormat('@');
      rg.setValues([['=1+1', '00123', 'TRUE', '2026-01-05']]);
      return [rg.getValues(), rg.getFormulas(), rg.getNumberFormats()];
    }`);
    expect(r.returned).toEqual([[['=1+1', '00123', 'TRUE', '2026-01-05']], [['', '', '', '']], [['@', '@', '@', '@']]]);
  });

  test('non-string values are stored as they are: numbers, booleans, dates; null clears', () => {
    const r = run(`function f() {
      var rg = SpreadsheetApp.getActiveSheet().getRange('A1:D1');
      rg.setValues([[1.5, false, new Date(Date.UTC(2026, 0, 5)), 'x']]);
      rg.setValues([[1.5, false, new Date(Date.UTC(2026, 0, 5)), null]]);
      var v = rg.getValues()[0];
      return [v[0], v[1], v[2] instanceof Date, v[3], rg.getDisplayValues()[0]];
    }`);
    expect(r.returned).toEqual([1.5, false, true, '', ['1.5', 'FALSE', '1/5/2026', '']]);
  });
});

describe('cell size', () => {
  test('OBSERVED: over 50,000 characters in a cell is refused, reported at the next spreadsheet call (or the end)', () => {
    const rt = makeRuntime(`
      function next() {
        var sh = SpreadsheetApp.getActiveSheet();
        sh.getRange('A1:B1').setValues([['ok', new Array(50002).join('x')]]);
        PropertiesService.getScriptProperties().setProperty('after', 'write');
        try { sh.getRange('C1').getValue(); } catch (e) { return [e.message, sh.getRange('A1').getValue()]; }
      }
      function last() { SpreadsheetApp.getActiveSheet().appendRow([new Array(50002).join('x')]); return 'returned'; }
      function fits() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Array(50001).join('x')); }`);
    expect(rt.run('next').returned).toEqual([
      'Your input contains more than the maximum of 50000 characters in a single cell.',
      '',
    ]);
    expect(rt.properties.snapshot().script.after).toBe('write');
    const r = rt.run('last');
    expect(r.error?.message).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(r.returned).toBeUndefined();
    expect(rt.run('fits').error).toBeUndefined();
  });
});

describe('formats, notes, validation', () => {
  test('notes, backgrounds, font weights and colours, number formats with documented defaults', () => {
    const r = run(`function f() {
      var rg = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
      var before = [rg.getNotes(), rg.getBackgrounds(), rg.getFontWeights(), rg.getFontColors(), rg.getNumberFormats()];
      rg.setNotes([['n1', '']]).setBackgrounds([['#ff0000', null]]).setFontWeight('bold').setFontColor('#00ff00');
      rg.setNumberFormats([['0.00', '@']]);
      rg.getCell(1, 2).setNote('n2');
      return before.concat([[rg.getNotes(), rg.getBackgrounds(), rg.getFontWeights(), rg.getFontColors(), rg.getNumberFormats(), rg.getNote()]]);
    }`);
    expect(r.returned).toEqual([
      [['', '']],
      [['#ffffff', '#ffffff']],
      [['normal', 'normal']],
      [['#000000', '#000000']],
      [['0.###############', '0.###############']],
      [[['n1', 'n2']], [['#ff0000', '#ffffff']], [['bold', 'bold']], [['#00ff00', '#00ff00']], [['0.00', '@']], 'n1'],
    ]);
  });

  test('DOC: newDataValidation builds rules; setDataValidation stores them; getDataValidation reads them back', () => {
    const r = run(`function f() {
      var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Space', 'Group chat'], true)
        .setAllowInvalid(false).setHelpText('Pick one').build();
      var rg = SpreadsheetApp.getActiveSheet().getRange('A2:A3');
      rg.setDataValidation(rule);
      var back = rg.getDataValidations()[1][0];
      return [back.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, String(back.getCriteriaType()),
        back.getCriteriaValues(), back.getAllowInvalid(), back.getHelpText(),
        SpreadsheetApp.getActiveSheet().getRange('B2').getDataValidation()];
    }`);
    expect(r.returned).toEqual([true, 'VALUE_IN_LIST', [['Space', 'Group chat'], true], false, 'Pick one', null]);
  });

  test('OBSERVED (weak), EMULATOR option enforceDataValidation: writing an invalid value into a rejecting cell fails', () => {
    const code = `function f(v) {
      var rg = SpreadsheetApp.getActiveSheet().getRange('A2');
      rg.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No']).setAllowInvalid(false).build());
      rg.setValue(v);
      return rg.getValue();
    }`;
    const rt = makeRuntime(code);
    expect(rt.run('f', 'Yes').returned).toBe('Yes');
    expect(rt.run('f', '').returned).toBe('');
    expect(rt.run('f', 'Maybe').error?.message).toBe(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    const lenient = makeRuntime(code, { behaviour: { enforceDataValidation: false } });
    expect(lenient.run('f', 'Maybe').returned).toBe('Maybe');
  });

  test('clear() removes contents and formats, clearContent() only contents', () => {
    const r = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:B1').setValues([['a', 'b']]).setBackground('#ff0000').setNote('n');
      sh.getRange('A1').clearContent(); sh.getRange('B1').clear();
      return [sh.getRange('A1:B1').getValues(), sh.getRange('A1:B1').getBackgrounds(), sh.getRange('A1:B1').getNotes()];
    }`);
    expect(r.returned).toEqual([[['', '']], [['#ff0000', '#ffffff']], [['n', 'n']]]);
  });
});

describe('sheets', () => {
  test('insertSheet, getSheetByName, names must be unique (OBSERVED text), deleteSheet, getSheets order', () => {
    const r = run(`function f() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var a = ss.insertSheet('Spaces'); ss.insertSheet('Members', 0); var auto = ss.insertSheet();
      var dup; try { ss.insertSheet('Spaces'); } catch (e) { dup = e.message; }
      var active = ss.getActiveSheet().getName();
      ss.deleteSheet(ss.getSheetByName('Sheet1'));
      return [ss.getSheets().map(function (s) { return s.getName(); }), auto.getName(), dup, active, ss.getSheetByName('Nope'), a.getIndex()];
    }`);
    expect(r.returned).toEqual([
      ['Members', 'Spaces', 'Sheet4'],
      'Sheet4',
      'A sheet with the name "Spaces" already exists. Please enter another name.',
      'Sheet4',
      null,
      2,
    ]);
  });

  test('appendRow writes after the last row and grows a full sheet; frozen rows; sizes', () => {
    const r = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange(1000, 1).setValue('last');
      sh.appendRow(['new', 2]);
      sh.setFrozenRows(1);
      sh.insertRowsAfter(1, 2); sh.deleteRow(2);
      return [sh.getMaxRows(), sh.getLastRow(), sh.getRange(1002, 1, 1, 2).getValues(), sh.getFrozenRows(), sh.getMaxColumns()];
    }`);
    expect(r.returned).toEqual([1002, 1002, [['new', 2]], 1, 26]);
  });

  test('deleting the only sheet is refused (EMULATOR text)', () => {
    const r = run(
      `function f() { var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.deleteSheet(ss.getSheets()[0]); }`,
    );
    expect(r.error?.message).toBe("You can't remove all the sheets in a document.");
  });

  test('activate() and getActiveRange/selection; a test can set the selection through the model', () => {
    const rt = makeRuntime(`function f() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var before = SpreadsheetApp.getActiveRange().getA1Notation();
      ss.insertSheet('Two').getRange('B2:C3').activate();
      return [before, SpreadsheetApp.getActiveSheet().getName(), SpreadsheetApp.getActiveRange().getA1Notation()];
    }`);
    expect(rt.run('f').returned).toEqual(['A1', 'Two', 'B2:C3']);
  });

  test('SpreadsheetApp.getActiveSpreadsheet identity: id, URL, name, time zone', () => {
    const rt = makeRuntime(`function f() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      return [ss.getId(), ss.getUrl(), ss.getName(), ss.getSpreadsheetTimeZone()];
    }`);
    const ss = rt.activeSpreadsheet!;
    expect(rt.run('f').returned).toEqual([
      ss.id,
      `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
      'Book',
      'Etc/UTC',
    ]);
    expect(ss.id).toMatch(/^[A-Za-z0-9_-]{44}$/);
  });
});

describe('file access by mode and scope', () => {
  const open = `function f(id) { return SpreadsheetApp.openById(id).getName(); }
    function create() { return SpreadsheetApp.create('New').getId(); }
    function active() { return SpreadsheetApp.getActiveSpreadsheet() === null; }`;

  test('DOC: a Workspace add-on has no active spreadsheet (null)', () => {
    const rt = makeRuntime(open, { mode: 'workspace-addon' });
    expect(rt.run('active').returned).toBe(true);
    expect(makeRuntime(open, { mode: 'bound' }).run('active').returned).toBe(false);
    expect(makeRuntime(open, { mode: 'editor-addon' }).run('active').returned).toBe(false);
  });

  test('DOC (Q6): with drive.file only, openById works after the user granted the file, not before', () => {
    const rt = makeRuntime(open, { mode: 'workspace-addon' });
    const id = rt.activeSpreadsheet!.id;
    expect(rt.run('f', id).error?.message).toBe('You do not have permission to access the requested document.');
    rt.grantFileScope(id);
    expect(rt.run('f', id).returned).toBe('Book');
  });

  test('files the script created are reachable with drive.file', () => {
    const rt = makeRuntime(open, { mode: 'workspace-addon' });
    const id = rt.run('create').returned as string;
    expect(rt.run('f', id).returned).toBe('New');
  });

  test('OBSERVED: without drive.file or spreadsheets, openById fails with the scope text; spreadsheets opens anything', () => {
    const narrow = makeRuntime(open, { manifest: manifest({ oauthScopes: [SCOPES.currentOnly] }) });
    const other = narrow.createSpreadsheet('Other');
    expect(narrow.run('f', other.id).error?.message).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    const wide = makeRuntime(open, { manifest: manifest({ oauthScopes: [SCOPES.spreadsheets] }) });
    expect(wide.run('f', wide.createSpreadsheet('Other').id).returned).toBe('Other');
  });

  test('OBSERVED: an unknown id fails with the platform\'s "Unexpected error" text', () => {
    const rt = makeRuntime(open, { manifest: manifest({ oauthScopes: [SCOPES.spreadsheets] }) });
    expect(rt.run('f', 'nope').error?.message).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });
});
