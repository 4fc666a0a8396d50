/**
 * ScriptApp triggers: creation rules (20 per user, everyMinutes values, the add-on one-hour recurrence floor),
 * firing on the virtual clock, spent one-shot triggers, the time-driven event object, installation source by mode.
 */
import { makeRuntime } from './helpers';

const code = `
  function after(ms, fn) { return ScriptApp.newTrigger(fn || 'tick').timeBased().after(ms).create().getUniqueId(); }
  function every(min) { ScriptApp.newTrigger('tick').timeBased().everyMinutes(min).create(); }
  function hourly() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
  function tick(e) {
    var p = PropertiesService.getScriptProperties();
    p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1));
    p.setProperty('event', JSON.stringify(e));
  }
  function list() {
    return ScriptApp.getProjectTriggers().map(function (t) {
      return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId(),
        t.getEventType() === ScriptApp.EventType.CLOCK];
    });
  }
  function clean() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
  function source() { return String(ScriptApp.getInstallationSource()); }
  function onSheet() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    ScriptApp.newTrigger('tick').forSpreadsheet(ss).onEdit().create();
    return ScriptApp.getUserTriggers(ss).length;
  }`;

describe('ScriptApp triggers', () => {
  test('DOC 20 triggers per user per script; OBSERVED error text', () => {
    const rt = makeRuntime(code);
    for (let i = 0; i < 20; i++) expect(rt.run('after', 60_000).error).toBeUndefined();
    expect(rt.run('after', 60_000).error?.message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(rt.execute('after', { args: [60_000], as: 'other@example.com' }).error).toBeUndefined();
  });

  test('DOC: everyMinutes takes 1, 5, 10, 15 or 30; a bound script may recur every minute', () => {
    const rt = makeRuntime(code);
    expect(rt.run('every', 1).error).toBeUndefined();
    expect(rt.run('every', 7).error?.message).toBe(
      'The value passed to everyMinutes() must be one of 1, 5, 10, 15 or 30.',
    );
  });

  test.each(['editor-addon', 'workspace-addon'] as const)(
    'OBSERVED (Q2): in an %s, a recurrence under one hour fails at create(); hourly and one-shot are accepted',
    (mode) => {
      const rt = makeRuntime(code, { mode, behaviour: { editorAddonOneTriggerPerType: false } });
      expect(rt.run('every', 30).error?.message).toBe(
        'The recurrence interval for an Add-on trigger must be at least one hour.',
      );
      expect(rt.triggers.list).toHaveLength(0);
      expect(rt.run('hourly').error).toBeUndefined();
      expect(rt.run('after', 5000).error).toBeUndefined();
    },
  );

  test('DOC: an editor add-on can have one trigger of each type per user per document (option, EMULATOR text)', () => {
    const rt = makeRuntime(code, { mode: 'editor-addon' });
    expect(rt.run('hourly').error).toBeUndefined();
    expect(rt.run('after', 5000).error?.message).toMatch(/^This add-on already has a CLOCK trigger/);
  });

  test('time-driven triggers fire on the virtual clock; runUntilIdle advances to each one', () => {
    const rt = makeRuntime(code);
    rt.run('after', 60_000);
    expect(rt.runDueTriggers()).toHaveLength(0);
    const created = rt.triggers.list[0].createdAt;
    const idle = rt.runUntilIdle();
    expect(idle.idle).toBe(true);
    expect(idle.executions.map((e) => [e.entryPoint, e.kind, e.error])).toEqual([['tick', 'time-trigger', undefined]]);
    expect(idle.executions[0].startedAt).toBe(created + 60_000);
    expect(rt.properties.snapshot().script.ticks).toBe('1');
  });

  test('OBSERVED: a fired one-shot trigger stays listed (disabled) and counts toward the limit; option deletes it', () => {
    const rt = makeRuntime(code);
    rt.run('after', 1000);
    rt.runUntilIdle();
    expect(rt.run('list').returned).toEqual([['tick', 'CLOCK', 'CLOCK', null, true]]);
    expect(rt.triggers.list[0].disabled).toBe(true);
    expect(rt.runUntilIdle().executions).toHaveLength(0);
    expect(rt.run('clean').returned).toBe(0);

    const deleting = makeRuntime(code, { behaviour: { spentOneShotTriggers: 'delete' } });
    deleting.run('after', 1000);
    deleting.runUntilIdle();
    expect(deleting.run('list').returned).toEqual([]);
  });

  test('DOC: the time-driven event object (authMode, triggerUid, date fields in UTC)', () => {
    const rt = makeRuntime(code);
    const uid = rt.run('after', 90_000).returned;
    rt.runUntilIdle();
    const event = JSON.parse(rt.properties.snapshot().script.event) as Record<string, unknown>;
    expect(event).toEqual({
      authMode: 'FULL',
      'day-of-month': 5,
      'day-of-week': 1,
      hour: 9,
      minute: 1,
      month: 1,
      second: 30,
      timezone: 'UTC',
      triggerUid: uid,
      'week-of-year': 2,
      year: 2026,
    });
  });

  test('recurring triggers keep firing; runUntilIdle stops at one-shot idleness unless includeRecurring', () => {
    const rt = makeRuntime(code);
    rt.run('every', 5);
    expect(rt.runUntilIdle()).toMatchObject({ idle: true, executions: [] });
    const r = rt.runUntilIdle({ includeRecurring: true, maxVirtualMs: 30 * 60_000 });
    expect(r.stoppedBy).toBe('maxVirtualMs');
    expect(r.executions).toHaveLength(6);
    expect(r.executions[1].startedAt - r.executions[0].startedAt).toBe(5 * 60_000);
  });

  test('UNCONFIRMED option addonOneShotDelay: "next-hour" holds an add-on one-shot trigger for an hour', () => {
    const asScheduled = makeRuntime(code, { mode: 'workspace-addon' });
    asScheduled.run('after', 5000);
    const start = asScheduled.triggers.list[0].createdAt;
    expect(asScheduled.runUntilIdle().executions[0].startedAt - start).toBe(5000);

    const delayed = makeRuntime(code, { mode: 'workspace-addon', behaviour: { addonOneShotDelay: 'next-hour' } });
    delayed.run('after', 5000);
    const t0 = delayed.triggers.list[0].createdAt;
    expect(delayed.runUntilIdle().executions[0].startedAt - t0).toBe(3_600_000);
  });

  test('a trigger whose handler does not exist fails its execution with "Script function not found"', () => {
    const rt = makeRuntime(code);
    rt.run('after', 1000, 'gone');
    expect(rt.runUntilIdle().executions[0].error?.message).toBe('Script function not found: gone');
  });

  test('time-driven executions run as the trigger owner, have 6 minutes, and no UI', () => {
    const rt = makeRuntime(code + 'function ui() { SpreadsheetApp.getUi(); }');
    rt.execute('after', { args: [1000, 'ui'], as: 'owner@example.com' });
    const [e] = rt.runUntilIdle().executions;
    expect(e.user).toBe('owner@example.com');
    expect(e.error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('spreadsheet triggers: forSpreadsheet(ss).onEdit(); getUserTriggers lists them for that file', () => {
    const rt = makeRuntime(code);
    expect(rt.run('onSheet').returned).toBe(1);
    expect(rt.run('list').returned).toEqual([['tick', 'ON_EDIT', 'SPREADSHEETS', rt.activeSpreadsheet!.id, false]]);
    rt.edit('A1', 'typed');
    expect(rt.properties.snapshot().script.ticks).toBe('1');
  });

  test('DOC: getInstallationSource is NONE for a bound script and an add-on value in add-on modes', () => {
    expect(makeRuntime(code, { mode: 'bound' }).run('source').returned).toBe('NONE');
    expect(makeRuntime(code, { mode: 'editor-addon' }).run('source').returned).toBe('WEB_STORE_ADD_ON');
    expect(
      makeRuntime(code, {
        mode: 'workspace-addon',
        behaviour: { addonInstallationSource: 'APPS_MARKETPLACE_DOMAIN_ADD_ON' },
      }).run('source').returned,
    ).toBe('APPS_MARKETPLACE_DOMAIN_ADD_ON');
  });
});
