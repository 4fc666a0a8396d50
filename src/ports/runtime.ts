/**
 * Ports to the platform around a run: time, per-user state, the user lock, triggers, and the user's screen. The
 * use cases never see Apps Script; they see these small interfaces, implemented over PropertiesService,
 * LockService, ScriptApp, Utilities and SpreadsheetApp.getUi() by the adapters, and in memory by the tests.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Blocks for `ms` (Utilities.sleep). */
  sleep(ms: number): void;
}

/** String key/value storage private to the user (user properties): job checkpoints, settings. */
export interface StateStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Keys starting with `prefix`. */
  keys(prefix: string): string[];
}

/** A short-lived cache (CacheService): group ids, user ids by email. Entries may vanish at any time. */
export interface Cache {
  get(key: string): string | undefined;
  getAll(keys: readonly string[]): Record<string, string>;
  putAll(values: Record<string, string>, ttlSeconds: number): void;
}

/** The user lock: one writer per user at a time. */
export interface UserLock {
  /** Tries for up to `waitMs`; true when the lock is held. */
  tryAcquire(waitMs: number): boolean;
  release(): void;
}

/** Where the code runs: a script bound to the spreadsheet, an Editor add-on or a Workspace add-on. */
export type RunContext = 'bound' | 'editor-addon' | 'workspace-addon';

export interface TriggerInfo {
  id: string;
  handler: string;
}

export interface Scheduler {
  context(): RunContext;
  /** A one-shot time-driven trigger running `handler` after `delayMs`; returns its id. */
  scheduleOnce(handler: string, delayMs: number): string;
  /** A recurring time-driven trigger: every `minutes` (bound scripts) — add-ons must use at least 60. */
  scheduleEvery(handler: string, minutes: number): string;
  delete(id: string): void;
  list(): TriggerInfo[];
}

/** What the user sees: toasts, alerts and confirmations (menu runs); absent in triggers and cards. */
export interface Notifier {
  toast(message: string, title?: string): void;
  alert(title: string, message: string): void;
  /** Yes/No question; false when there is no one to ask. */
  confirm(title: string, message: string): boolean;
}

/** The executing user. */
export interface Identity {
  email(): string;
  timeZone(): string;
}
