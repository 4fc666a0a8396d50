/**
 * Small adapters from the platform ports to Apps Script services: the clock (Utilities.sleep), user properties
 * (checkpoints and settings), the user cache, the user lock, time-driven triggers and the executing user.
 *
 * Scopes: script.scriptapp (triggers), userinfo.email (Session.getActiveUser), none for the others.
 */
import type {
  Cache,
  Clock,
  Identity,
  RunContext,
  Scheduler,
  StateStore,
  TriggerInfo,
  UserLock,
} from '../../ports/runtime';

export class GasClock implements Clock {
  now(): number {
    return Date.now();
  }
  sleep(ms: number): void {
    Utilities.sleep(Math.max(1, Math.round(ms)));
  }
}

/** User properties: private to the user, per script (per add-on). */
export class UserPropertiesStore implements StateStore {
  private readonly props = PropertiesService.getUserProperties();
  get(key: string): string | undefined {
    return this.props.getProperty(key) ?? undefined;
  }
  set(key: string, value: string): void {
    this.props.setProperty(key, value);
  }
  delete(key: string): void {
    this.props.deleteProperty(key);
  }
  keys(prefix: string): string[] {
    return this.props.getKeys().filter((k) => k.startsWith(prefix));
  }
}

/** The user cache (CacheService): entries up to 6 hours, may be evicted earlier. */
export class UserCache implements Cache {
  private readonly cache = CacheService.getUserCache();
  get(key: string): string | undefined {
    return this.cache.get(key) ?? undefined;
  }
  getAll(keys: readonly string[]): Record<string, string> {
    return keys.length ? this.cache.getAll([...keys]) : {};
  }
  putAll(values: Record<string, string>, ttlSeconds: number): void {
    if (Object.keys(values).length) this.cache.putAll(values, Math.min(21600, ttlSeconds));
  }
}

/** The user lock: the script lock would serialise every user of a published add-on. */
export class GasUserLock implements UserLock {
  private readonly lock = LockService.getUserLock();
  tryAcquire(waitMs: number): boolean {
    return this.lock.tryLock(waitMs);
  }
  release(): void {
    if (this.lock.hasLock()) this.lock.releaseLock();
  }
}

/** Where the script runs, from ScriptApp.getInstallationSource() and whether a document context exists. */
export function detectRunContext(hasActiveSpreadsheet: boolean): RunContext {
  const source = ScriptApp.getInstallationSource();
  if (source === ScriptApp.InstallationSource.NONE) return 'bound';
  return hasActiveSpreadsheet ? 'editor-addon' : 'workspace-addon';
}

export class GasScheduler implements Scheduler {
  constructor(private readonly runContext: RunContext) {}
  context(): RunContext {
    return this.runContext;
  }
  scheduleOnce(handler: string, delayMs: number): string {
    return ScriptApp.newTrigger(handler)
      .timeBased()
      .after(Math.max(1, Math.round(delayMs)))
      .create()
      .getUniqueId();
  }
  scheduleEvery(handler: string, minutes: number): string {
    const builder = ScriptApp.newTrigger(handler).timeBased();
    const trigger =
      minutes < 60 ? builder.everyMinutes(minutes).create() : builder.everyHours(Math.round(minutes / 60)).create();
    return trigger.getUniqueId();
  }
  delete(id: string): void {
    for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t);
  }
  list(): TriggerInfo[] {
    return ScriptApp.getProjectTriggers().map((t) => ({ id: t.getUniqueId(), handler: t.getHandlerFunction() }));
  }
}

export class GasIdentity implements Identity {
  email(): string {
    return Session.getActiveUser().getEmail().toLowerCase();
  }
  timeZone(): string {
    return Session.getScriptTimeZone();
  }
}
