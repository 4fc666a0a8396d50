/**
 * LockService: user/script/document locks, contention scripted from the test (another process holding the lock),
 * waiting on the virtual clock, the observed timeout text, release at the end of the execution.
 */
import { makeRuntime } from './helpers';

const code = `
  function tryIt(ms) { var l = LockService.getUserLock(); var ok = l.tryLock(ms); return [ok, l.hasLock()]; }
  function waitIt(ms) { LockService.getScriptLock().waitLock(ms); return 'got it'; }
  function holdAndEnd() { LockService.getUserLock().waitLock(1000); }
  function release() { var l = LockService.getUserLock(); l.waitLock(10); l.releaseLock(); return l.hasLock(); }
  function docLock() { return LockService.getDocumentLock() === null; }`;

describe('LockService', () => {
  test('a free lock is taken at once', () => {
    const rt = makeRuntime(code);
    const r = rt.run('tryIt', 1000);
    expect(r.returned).toEqual([true, true]);
    expect(r.virtualMs).toBe(10); // two Lock calls at 5 ms
  });

  test('DOC: locks are released when the execution ends', () => {
    const rt = makeRuntime(code);
    rt.run('holdAndEnd');
    expect(rt.run('tryIt', 0).returned).toEqual([true, true]);
  });

  test('contention: tryLock waits on the virtual clock for a hold that ends within the timeout', () => {
    const rt = makeRuntime(code);
    rt.locks.holdExternally('user', 'admin@example.com', rt.clock.now() + 3000);
    const r = rt.run('tryIt', 5000);
    expect(r.returned).toEqual([true, true]);
    expect(r.virtualMs).toBe(3005); // waits until the hold ends (3 s after start), then hasLock (5 ms)
  });

  test('contention: tryLock gives up after its timeout and returns false', () => {
    const rt = makeRuntime(code);
    rt.locks.holdExternally('user', 'admin@example.com', Infinity);
    const r = rt.run('tryIt', 2000);
    expect(r.returned).toEqual([false, false]);
    expect(r.virtualMs).toBe(2010);
  });

  test('OBSERVED: waitLock fails with "Lock timeout: another process was holding the lock for too long."', () => {
    const rt = makeRuntime(code);
    rt.locks.holdExternally('script', '', Infinity);
    expect(rt.run('waitIt', 1000).error?.message).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    rt.locks.releaseExternal('script', '');
    expect(rt.run('waitIt', 1000).returned).toBe('got it');
  });

  test("the user lock is per user: another user's hold does not block", () => {
    const rt = makeRuntime(code);
    rt.locks.holdExternally('user', 'other@example.com', Infinity);
    expect(rt.run('tryIt', 0).returned).toEqual([true, true]);
  });

  test('a wait longer than the execution has left ends it at the deadline', () => {
    const rt = makeRuntime(code);
    rt.locks.holdExternally('script', '', Infinity);
    const r = rt.execute('waitIt', { args: [600_000], timeLimitMs: 10_000 });
    expect(r.error?.message).toBe('Exceeded maximum execution time');
    expect(r.virtualMs).toBe(10_000);
  });

  test('releaseLock releases; getDocumentLock is null without a document', () => {
    const rt = makeRuntime(code);
    expect(rt.run('release').returned).toBe(false);
    expect(makeRuntime(code, { mode: 'workspace-addon' }).run('docLock').returned).toBe(true);
  });
});
