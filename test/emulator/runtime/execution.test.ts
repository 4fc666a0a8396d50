/**
 * The execution model: a classic script in a fresh V8 context per execution, entry points called by name, errors as
 * Apps Script shows them, returned values converted to plain data, service calls counted by `Class.method`, virtual
 * time. Evidence labels: DOC (Google docs), OBSERVED (real logs), EMULATOR (our choice, README item).
 */
import { runOptions } from '../../../emulator/runtime';
import { makeRuntime } from './helpers';

describe('execution model', () => {
  test('DOC: every execution starts from a fresh global scope; a global set in one run is gone in the next', () => {
    const rt = makeRuntime(`
      var counter = 0;
      function bump() { counter++; globalThis.leak = (globalThis.leak || 0) + 1; return [counter, globalThis.leak]; }
    `);
    expect(rt.run('bump').returned).toEqual([1, 1]);
    expect(rt.run('bump').returned).toEqual([1, 1]);
  });

  test('DOC: several files share one global scope, evaluated in push order', () => {
    const rt = makeRuntime('');
    const multi = new (rt.constructor as typeof import('../../../emulator/runtime').AppsScriptRuntime)({
      scripts: [
        { name: 'a.gs', code: 'var A = 1; function fromB() { return B + A; }' },
        { name: 'b.gs', code: 'var B = A + 1;' },
      ],
      manifest: { timeZone: 'Etc/UTC' },
      mode: 'bound',
    });
    expect(multi.run('fromB').returned).toBe(3);
  });

  test('OBSERVED: an unknown entry point fails with "Script function not found: name"', () => {
    const rt = makeRuntime('function a() {}');
    const r = rt.run('missing');
    expect(r.error?.message).toBe('Script function not found: missing');
  });

  test('OBSERVED: service errors are Exceptions of the script realm (name, message, String(e), instanceof Error)', () => {
    const rt = makeRuntime(`
      function f() {
        try { SpreadsheetApp.getActiveSheet().getRange(0, 1); }
        catch (e) { return [e.name, e.message, String(e), e instanceof Error, /at f \\(/.test(e.stack)]; }
      }`);
    expect(rt.run('f').returned).toEqual([
      'Exception',
      'The starting row of the range is too small.',
      'Exception: The starting row of the range is too small.',
      true,
      true,
    ]);
  });

  test('an uncaught error is reported with its name and message; nothing is returned', () => {
    const rt = makeRuntime('function f() { throw new TypeError("boom"); }');
    const r = rt.run('f');
    expect(r.error).toMatchObject({ name: 'TypeError', message: 'boom', timeLimit: false });
    expect(r.returned).toBeUndefined();
  });

  test('DOC: no Node or browser globals exist (require, process, setTimeout, fetch)', () => {
    const rt = makeRuntime(`function f() {
      return [typeof require, typeof process, typeof setTimeout, typeof fetch, typeof Buffer, typeof SpreadsheetApp];
    }`);
    expect(rt.run('f').returned).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'object']);
  });

  test('EMULATOR R9: new Date() and Date.now() read the virtual clock; Math.random is seeded', () => {
    const code =
      'function f() { return [new Date().getTime(), Date.now(), new Date() instanceof Date, Math.random()]; }';
    const a = makeRuntime(code, { seed: 7 });
    const b = makeRuntime(code, { seed: 7 });
    const ra = a.run('f').returned as [number, number, boolean, number];
    const rb = b.run('f').returned as [number, number, boolean, number];
    expect(ra[0]).toBe(a.clock.now());
    expect(ra[1]).toBe(ra[0]);
    expect(ra[2]).toBe(true);
    expect(ra[3]).toBe(rb[3]);
    a.clock.advance(60_000);
    expect((a.run('f').returned as number[])[0]).toBe(a.clock.now());
  });

  test('values from services belong to the script realm (instanceof Array / Date hold)', () => {
    const rt = makeRuntime(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
      r.setValues([[new Date(0), 'x']]);
      var v = r.getValues();
      return [v instanceof Array, v[0] instanceof Array, v[0][0] instanceof Date, Array.isArray(v)];
    }`);
    expect(rt.run('f').returned).toEqual([true, true, true, true]);
  });

  test('returned values are plain data; objects with printJson() (cards) are returned as their JSON', () => {
    const rt = makeRuntime(`function f() {
      return { a: [1, 'x', true, null], card: { printJson: function () { return '{"header":{"title":"T"}}'; } } };
    }`);
    expect(rt.run('f').returned).toEqual({ a: [1, 'x', true, null], card: { header: { title: 'T' } } });
  });

  test('CardService (emulator/cards) is installed; a returned card is its printJson JSON; builder calls are counted', () => {
    const rt = makeRuntime(`function home() {
      return CardService.newCardBuilder().setHeader(CardService.newCardHeader().setTitle('Spaces'))
        .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('Hello'))).build();
    }`);
    const r = rt.run('home');
    expect(r.returned).toEqual({
      header: { title: 'Spaces' },
      sections: [{ widgets: [{ textParagraph: { text: 'Hello' } }] }],
    });
    expect(r.serviceCalls['CardBuilder.build']).toBe(1);
    expect(r.serviceCalls['CardService.newCardBuilder']).toBe(1);
    expect(r.serviceCalls['Card.printJson']).toBeUndefined();
  });

  test('arguments reach the entry point; runOptions() as the last argument sets execution options', () => {
    const rt = makeRuntime('function f(a, b) { return [a, b, arguments.length]; }');
    expect(rt.run('f', 1, { k: 'v' }).returned).toEqual([1, { k: 'v' }, 2]);
    const r = rt.run('f', 'x', runOptions({ as: 'someone@example.com' }));
    expect(r.returned).toEqual(['x', undefined, 1]);
    expect(r.user).toBe('someone@example.com');
  });

  test('every service call is counted by Class.method, per execution and in totals', () => {
    const rt = makeRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
      for (var i = 1; i <= 3; i++) sh.getRange(i, 1).setValue(i);
      PropertiesService.getScriptProperties().setProperty('k', 'v');
    }`);
    const r = rt.run('f');
    expect(r.serviceCalls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 3,
      'Range.setValue': 3,
      'PropertiesService.getScriptProperties': 1,
      'Properties.setProperty': 1,
    });
    rt.run('f');
    expect(rt.totals().serviceCalls['Range.setValue']).toBe(6);
    expect(rt.totals().executions).toBe(2);
  });

  test('EMULATOR cost model: 20 ms per spreadsheet call plus 0.05 ms per cell; local getters are free', () => {
    const rt = makeRuntime(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange(1, 1, 100, 10);
      r.getValues();
      r.getNumRows(); r.getA1Notation();
    }`);
    const r = rt.run('f');
    // getActiveSheet (20) + getRange (20) + getValues (20 + 1000 cells × 0.05) = 110
    expect(r.virtualMs).toBeCloseTo(110, 5);
  });

  test('EMULATOR: the script CPU time is charged × cpuFactor (default 3)', () => {
    const rt = makeRuntime('function f() { var x = 0; for (var i = 0; i < 3e6; i++) x += i % 7; return x; }', {
      costs: { cpuFactor: 3 },
    });
    const r = rt.run('f');
    expect(r.cpuMs).toBeGreaterThan(0);
    expect(r.virtualMs).toBeCloseTo(r.cpuMs * 3, 0);
  });

  test('EMULATOR: an infinite loop is stopped by the real-time guard and reported as the time limit', () => {
    const rt = makeRuntime('function f() { for (;;) {} }', { limits: { realTimeoutMs: 200 } });
    const r = rt.run('f');
    expect(r.error).toMatchObject({ message: 'Exceeded maximum execution time', timeLimit: true });
  });

  test('logs: console.* and Logger.log are captured with the execution id and virtual time', () => {
    const rt = makeRuntime(`function f() {
      console.log('a', 1); console.warn({ x: 1 }); Logger.log('n=%s', 5); return Logger.getLog();
    }`);
    const r = rt.run('f');
    expect(r.logs.map((l) => [l.level, l.message])).toEqual([
      ['log', 'a 1'],
      ['warn', '{ x: 1 }'],
      ['Logger', 'n=5'],
    ]);
    expect(r.returned).toBe('n=5\n');
    expect(r.logs[0].executionId).toBe(r.executionId);
  });
});
