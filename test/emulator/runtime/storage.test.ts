/**
 * PropertiesService and CacheService: stores by scope, persistence across executions, documented limits with the
 * observed error texts, cache expiry on the virtual clock.
 */
import { makeRuntime } from './helpers';

describe('PropertiesService', () => {
  const code = `
    function set(store, k, v) { PropertiesService['get' + store + 'Properties']().setProperty(k, v); }
    function get(store, k) { return PropertiesService['get' + store + 'Properties']().getProperty(k); }
    function all() {
      var p = PropertiesService.getScriptProperties();
      p.setProperties({ a: '1', b: 2 });
      var keys = p.getKeys().sort();
      p.deleteProperty('a');
      var after = p.getProperties();
      p.setProperties({ c: '3' }, true);
      return [keys, after, p.getProperties(), p.getProperty('missing')];
    }
    function doc() { return PropertiesService.getDocumentProperties() === null; }`;

  test('DOC: script, user and document stores; values persist across executions; missing keys are null', () => {
    const rt = makeRuntime(code);
    rt.run('set', 'Script', 'k', 'script-v');
    rt.run('set', 'User', 'k', 'user-v');
    rt.run('set', 'Document', 'k', 'doc-v');
    expect(rt.run('get', 'Script', 'k').returned).toBe('script-v');
    expect(rt.run('get', 'User', 'k').returned).toBe('user-v');
    expect(rt.run('get', 'Document', 'k').returned).toBe('doc-v');
    expect(rt.execute('get', { args: ['User', 'k'], as: 'other@example.com' }).returned).toBeNull();
    expect(rt.execute('get', { args: ['Script', 'k'], as: 'other@example.com' }).returned).toBe('script-v');
  });

  test('setProperties, getKeys, getProperties, deleteProperty, deleteAllOthers; numbers are stored as strings', () => {
    expect(makeRuntime(code).run('all').returned).toEqual([['a', 'b'], { b: '2' }, { c: '3' }, null]);
  });

  test('DOC: getDocumentProperties() is null without a document context (Workspace add-on)', () => {
    expect(makeRuntime(code, { mode: 'workspace-addon' }).run('doc').returned).toBe(true);
    expect(makeRuntime(code, { mode: 'bound' }).run('doc').returned).toBe(false);
  });

  test('DOC 9 KB per value, OBSERVED text "Argument too large: value"', () => {
    const rt = makeRuntime(code);
    expect(rt.run('set', 'Script', 'ok', 'x'.repeat(9 * 1024)).error).toBeUndefined();
    expect(rt.run('set', 'Script', 'big', 'x'.repeat(9 * 1024 + 1)).error?.message).toBe('Argument too large: value');
    expect(rt.run('get', 'Script', 'big').returned).toBeNull();
  });

  test('DOC 500 KB per store, OBSERVED text "You have exceeded the property storage quota…"', () => {
    const rt = makeRuntime(code);
    // Each property is a 3-character key plus 9,000 bytes: 56 fit in 512,000 bytes, the 57th does not.
    let failedAt = -1;
    for (let i = 10; i < 80 && failedAt < 0; i++) {
      const r = rt.run('set', 'User', 'k' + i, 'x'.repeat(9000));
      if (r.error) {
        failedAt = i - 10;
        expect(r.error.message).toBe(
          'You have exceeded the property storage quota. Please remove some properties and try again.',
        );
      }
    }
    expect(failedAt).toBe(56);
    expect(rt.run('get', 'User', 'k66').returned).toBeNull();
  });
});

describe('CacheService', () => {
  const code = `
    function put(k, v, ttl) { CacheService.getScriptCache().put(k, v, ttl); }
    function get(k) { return CacheService.getScriptCache().get(k); }
    function many() {
      var c = CacheService.getUserCache();
      c.putAll({ a: '1', b: '2', c: '3' });
      c.removeAll(['b']);
      var got = c.getAll(['a', 'b', 'c', 'd']);
      c.remove('a');
      return [got, c.get('a')];
    }
    function doc() { return CacheService.getDocumentCache() === null; }`;

  test('DOC: values expire after 600 s by default, on the virtual clock', () => {
    const rt = makeRuntime(code);
    rt.run('put', 'k', 'v');
    rt.clock.advance(599_000);
    expect(rt.run('get', 'k').returned).toBe('v');
    rt.clock.advance(2_000);
    expect(rt.run('get', 'k').returned).toBeNull();
  });

  test('DOC: expiration at most 21,600 s (EMULATOR R6: longer requests are capped)', () => {
    const rt = makeRuntime(code);
    rt.run('put', 'k', 'v', 100_000);
    rt.clock.advance(21_599_000);
    expect(rt.run('get', 'k').returned).toBe('v');
    rt.clock.advance(2_000);
    expect(rt.run('get', 'k').returned).toBeNull();
  });

  test('DOC limits with OBSERVED texts: key over 250 characters, value over 100 KB', () => {
    const rt = makeRuntime(code);
    expect(rt.run('put', 'k'.repeat(250), 'v').error).toBeUndefined();
    expect(rt.run('put', 'k'.repeat(251), 'v').error?.message).toBe('Argument too large: key');
    expect(rt.run('put', 'big', 'v'.repeat(100 * 1024)).error).toBeUndefined();
    expect(rt.run('put', 'big2', 'v'.repeat(100 * 1024 + 1)).error?.message).toBe('Argument too large: value');
  });

  test('putAll, getAll (missing keys left out), remove, removeAll; document cache null without a document', () => {
    expect(makeRuntime(code).run('many').returned).toEqual([{ a: '1', c: '3' }, null]);
    expect(makeRuntime(code, { mode: 'workspace-addon' }).run('doc').returned).toBe(true);
  });

  test('DOC: at most 1,000 items; the oldest are evicted', () => {
    const rt = makeRuntime(`function f() {
      var c = CacheService.getScriptCache();
      for (var i = 0; i < 1001; i++) c.put('k' + i, 'v');
      return [c.get('k0'), c.get('k1'), c.get('k1000')];
    }`);
    expect(rt.run('f').returned).toEqual([null, 'v', 'v']);
  });
});
