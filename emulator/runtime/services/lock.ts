/**
 * LockService: script, user and document locks. Executions run one after another here, so contention comes from
 * holds scripted by tests (`runtime.locks.holdExternally('user', email, untilMs)`), standing for another execution
 * that holds the lock until then. Waiting advances the virtual clock (and can run into the execution's deadline);
 * `waitLock` fails with "Lock timeout: another process was holding the lock for too long." (OBSERVED). Locks an
 * execution holds are released when it ends, as Apps Script does. `getDocumentLock()` is null without a document.
 */
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { expectInt } from '../signature';

export type LockScope = 'script' | 'user' | 'document';

interface Holder {
  /** Execution id, or `external`. */
  owner: string;
  /** Virtual epoch ms when an external hold ends; Infinity for a hold released explicitly. */
  until: number;
}

function lockKey(scope: LockScope, id: string): string {
  return scope === 'script' ? 'script' : `${scope}:${id}`;
}

/** Who holds which lock, across executions. */
export class LockManager {
  private readonly holders = new Map<string, Holder>();

  /**
   * Makes another process hold a lock until `untilMs` (virtual epoch ms; Infinity until released).
   * @param id the user's email for user locks, the document id for document locks, ignored for the script lock
   */
  holdExternally(scope: LockScope, id: string, untilMs: number): void {
    this.holders.set(lockKey(scope, id), { owner: 'external', until: untilMs });
  }

  /** Ends an external hold. */
  releaseExternal(scope: LockScope, id: string): void {
    const key = lockKey(scope, id);
    if (this.holders.get(key)?.owner === 'external') this.holders.delete(key);
  }

  /** The current holder of a lock at `now` (expired external holds are dropped). */
  holder(key: string, now: number): Holder | undefined {
    const h = this.holders.get(key);
    if (h && h.owner === 'external' && h.until <= now) {
      this.holders.delete(key);
      return undefined;
    }
    return h;
  }

  acquire(key: string, owner: string): void {
    this.holders.set(key, { owner, until: Infinity });
  }

  release(key: string, owner: string): void {
    if (this.holders.get(key)?.owner === owner) this.holders.delete(key);
  }

  /** Releases everything an execution holds (called when it ends). */
  releaseAll(owner: string): void {
    for (const [key, h] of this.holders) if (h.owner === owner) this.holders.delete(key);
  }
}

export class LockImpl extends ServiceObject {
  get className(): string {
    return 'Lock';
  }

  private held = false;

  constructor(
    private readonly exec: Execution,
    private readonly key: string,
  ) {
    super();
  }

  /** Tries to take the lock, waiting up to `timeout` ms of virtual time; true when taken. */
  private take(timeout: number): boolean {
    const locks = this.exec.rt.locks;
    const clock = this.exec.rt.clock;
    const h = locks.holder(this.key, clock.now());
    if (!h || h.owner === this.exec.id) {
      locks.acquire(this.key, this.exec.id);
      this.held = true;
      return true;
    }
    const wait = h.until - clock.now();
    if (h.owner === 'external' && wait <= timeout) {
      this.exec.advance(wait);
      locks.acquire(this.key, this.exec.id);
      this.held = true;
      return true;
    }
    this.exec.advance(timeout);
    this.held = false;
    return false;
  }

  tryLock(timeoutInMillis: unknown): boolean {
    return this.take(Math.max(0, expectInt('Lock.tryLock', [timeoutInMillis], timeoutInMillis)));
  }

  waitLock(timeoutInMillis: unknown): void {
    if (!this.take(Math.max(0, expectInt('Lock.waitLock', [timeoutInMillis], timeoutInMillis)))) {
      throw new ScriptException(MSG.lockTimeout);
    }
  }

  hasLock(): boolean {
    return this.held && this.exec.rt.locks.holder(this.key, this.exec.rt.clock.now())?.owner === this.exec.id;
  }

  releaseLock(): void {
    if (this.held) this.exec.rt.locks.release(this.key, this.exec.id);
    this.held = false;
  }
}

export class LockServiceImpl extends ServiceObject {
  get className(): string {
    return 'LockService';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  getScriptLock(): LockImpl {
    return new LockImpl(this.exec, lockKey('script', ''));
  }

  getUserLock(): LockImpl {
    return new LockImpl(this.exec, lockKey('user', this.exec.user));
  }

  getDocumentLock(): LockImpl | null {
    const doc = this.exec.documentId;
    return doc ? new LockImpl(this.exec, lockKey('document', doc)) : null;
  }
}
