/**
 * Execution limits on the virtual clock: 6 minutes per execution, 30 seconds per Workspace add-on callback and per
 * simple trigger (DOC: quotas page, actions#callback_functions, simple-trigger restrictions), the time-limit text
 * (OBSERVED: "Exceeded maximum execution time", open-questions Q8), and scripted kills for reliability tests.
 */
import { FakeHost, makeRuntime } from './helpers';

describe('execution time limits', () => {
  test('DOC+OBSERVED: a run past 6 minutes stops at the next service call with "Exceeded maximum execution time"', () => {
    const rt = makeRuntime(`function f() {
      var props = PropertiesService.getScriptProperties();
      for (var i = 0; i < 100; i++) { Utilities.sleep(10000); props.setProperty('i', String(i)); }
    }`);
    const start = rt.clock.now();
    const r = rt.run('f');
    expect(r.error).toMatchObject({ name: 'Exception', message: 'Exceeded maximum execution time', timeLimit: true });
    expect(r.endedAt - start).toBe(6 * 60_000);
    // The last completed write happened before the deadline.
    expect(Number(rt.properties.snapshot().script.i)).toBeLessThan(36);
  });

  test('EMULATOR R8: once killed, every further service call throws again, and the run reports the error even if caught', () => {
    const rt = makeRuntime(`function f() {
      var caught = 0;
      for (var i = 0; i < 50; i++) {
        try { Utilities.sleep(60000); } catch (e) { caught++; }
      }
      try { PropertiesService.getScriptProperties().setProperty('after', 'yes'); } catch (e) { caught++; }
      return caught;
    }`);
    const r = rt.run('f');
    expect(r.error?.message).toBe('Exceeded maximum execution time');
    expect(r.returned).toBeUndefined();
    expect(rt.properties.snapshot().script?.after).toBeUndefined();
  });

  test('DOC: a Workspace add-on card callback gets 30 seconds', () => {
    const rt = makeRuntime('function onAction(e) { Utilities.sleep(29000); Utilities.sleep(2000); return "done"; }', {
      mode: 'workspace-addon',
    });
    const start = rt.clock.now();
    const r = rt.run('onAction', rt.buildEvent({ kind: 'action', parameters: { a: '1' } }));
    expect(r.kind).toBe('card-callback');
    expect(r.error?.message).toBe('Exceeded maximum execution time');
    expect(r.endedAt - start).toBe(30_000);
  });

  test('the same work outside a callback (time-driven, manual) has 6 minutes', () => {
    const rt = makeRuntime('function work() { Utilities.sleep(29000); Utilities.sleep(2000); return "done"; }', {
      mode: 'workspace-addon',
    });
    expect(rt.run('work').returned).toBe('done');
  });

  test('DOC: simple triggers cannot run longer than 30 seconds', () => {
    const rt = makeRuntime(
      'function onOpen(e) { for (var i = 0; i < 40; i++) SpreadsheetApp.getActiveSheet(); Utilities.sleep(31000); }',
    );
    const [r] = rt.open();
    expect(r.error?.message).toBe('Exceeded maximum execution time');
  });

  test('EMULATOR: killAt.calls kills instead of performing the n-th service call (it has no effect)', () => {
    const rt = makeRuntime(`function f() {
      var p = PropertiesService.getScriptProperties();
      p.setProperty('a', '1'); p.setProperty('b', '2'); p.setProperty('c', '3');
    }`);
    // Calls: getScriptProperties (1), setProperty a (2), setProperty b (3) ← killed here.
    const r = rt.execute('f', { killAt: { calls: 3 } });
    expect(r.error?.timeLimit).toBe(true);
    expect(rt.properties.snapshot().script).toEqual({ a: '1' });
  });

  test('EMULATOR: killAt.afterMs kills at a virtual time; an API call in flight at that moment has happened', () => {
    const host = new FakeHost(['api.example.com'], () => ({ latencyMs: 5000, methodId: 'example.write' }));
    const rt = makeRuntime(`function f() {
      UrlFetchApp.fetch('https://api.example.com/write', { method: 'post', payload: 'x' });
      PropertiesService.getScriptProperties().setProperty('saw', 'response');
    }`);
    rt.addApiHost(host);
    const r = rt.execute('f', { killAt: { afterMs: 1000 } });
    expect(r.error?.timeLimit).toBe(true);
    expect(host.calls).toHaveLength(1);
    expect(rt.properties.snapshot().script?.saw).toBeUndefined();
    expect(r.virtualMs).toBe(1000);
    expect(r.apiCalls).toEqual({ 'example.write': 1 });
  });

  test('the limit can be changed per execution (timeLimitMs)', () => {
    const rt = makeRuntime('function f() { Utilities.sleep(2000); }');
    expect(rt.execute('f', { timeLimitMs: 1000 }).error?.timeLimit).toBe(true);
  });
});
