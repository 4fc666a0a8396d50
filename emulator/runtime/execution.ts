/**
 * One execution of the script: its V8 context, its identity (user, kind, AuthMode), its deadline, its counters and
 * logs. `invoke` is the single gate every service call passes through: it charges the script's CPU time and the
 * method's cost to the virtual clock, enforces the deadline (and scripted kills), checks permissions, counts the call
 * as `Class.method`, and converts values and errors between the host and the script realm. Once the execution is
 * killed, every further service call throws the time-limit error again, so a `catch` cannot carry on working.
 */
import type { ApiOutcome } from '../core/api';
import { baseCost } from './cost';
import { ExecutionKilled, MSG, ScriptException } from './errors';
import { Bridge, ServiceObject } from './facade';
import { checkPermission, type AuthModeName } from './permissions';
import { createRealm, type Realm } from './realm';
import type { RuntimeState } from './state';

/** What started the execution; decides its time limit, AuthMode and UI availability. */
export type ExecutionKind =
  'manual' | 'menu' | 'simple-trigger' | 'installable-trigger' | 'time-trigger' | 'card-callback';

/** A scripted kill "as if by the platform", for reliability tests. */
export interface KillAt {
  /** Kill when this many virtual ms have passed since the execution started. */
  afterMs?: number;
  /** Kill at this virtual epoch time. */
  atEpochMs?: number;
  /** Kill instead of performing the n-th service call (1-based): the call has no effect. */
  calls?: number;
}

export interface LogEntry {
  /** `log`, `info`, `warn`, `error` (console) or `Logger`. */
  level: string;
  message: string;
  /** Virtual epoch ms. */
  at: number;
  executionId: string;
}

export interface ExecutionInit {
  rt: RuntimeState;
  id: string;
  user: string;
  kind: ExecutionKind;
  authMode: AuthModeName;
  limitMs: number;
  killAt?: KillAt;
  triggerUid?: string;
  /** The spreadsheet the execution runs against (bound container, editor document); undefined when none. */
  documentId?: string;
  /** Whether SpreadsheetApp.getUi() is available (a spreadsheet is open in front of the user). */
  hasUi: boolean;
}

const SPREADSHEET_FAMILY = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range']);

function nowNs(): bigint {
  return process.hrtime.bigint();
}

export class Execution {
  readonly rt: RuntimeState;
  readonly id: string;
  readonly user: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthModeName;
  readonly startedAt: number;
  readonly deadline: number;
  readonly triggerUid?: string;
  readonly documentId?: string;
  readonly hasUi: boolean;
  readonly realm: Realm;
  readonly bridge: Bridge;
  readonly serviceCalls = new Map<string, number>();
  readonly apiCalls = new Map<string, number>();
  readonly logs: LogEntry[] = [];
  /** Host-side errors raised inside services that are not Apps Script exceptions (emulator bugs). */
  readonly internalErrors: Error[] = [];
  /** Called when the execution ends (lock release and similar). */
  readonly onFinish: (() => void)[] = [];
  private readonly killAtCalls?: number;
  private callIndex = 0;
  private depth = 0;
  private killedReason?: string;
  /** A spreadsheet write the platform refused; reported at the next spreadsheet call (see deferSpreadsheetError). */
  private pendingSpreadsheetError?: ScriptException;
  private lastExit: bigint = nowNs();
  /** Real nanoseconds of script CPU (outside services). */
  cpuNs = 0n;

  constructor(init: ExecutionInit) {
    this.rt = init.rt;
    this.id = init.id;
    this.user = init.user;
    this.kind = init.kind;
    this.authMode = init.authMode;
    this.triggerUid = init.triggerUid;
    this.documentId = init.documentId;
    this.hasUi = init.hasUi;
    this.startedAt = init.rt.clock.now();
    let deadline = this.startedAt + init.limitMs;
    if (init.killAt?.afterMs !== undefined) deadline = Math.min(deadline, this.startedAt + init.killAt.afterMs);
    if (init.killAt?.atEpochMs !== undefined) deadline = Math.min(deadline, init.killAt.atEpochMs);
    this.deadline = deadline;
    this.killAtCalls = init.killAt?.calls;
    this.realm = createRealm(
      () => this.rt.clock.now(),
      () => this.rt.rng.next(),
    );
    this.bridge = new Bridge(this.realm, (key, call) => this.invoke(key, call));
  }

  get killed(): boolean {
    return this.killedReason !== undefined;
  }

  /** Why the execution was stopped, if it was. */
  get killReason(): string | undefined {
    return this.killedReason;
  }

  /** Marks the start of the script's own code (after the context is prepared). */
  startClock(): void {
    this.lastExit = nowNs();
  }

  /** Charges the script CPU used since the last service call ended. */
  private accountCpu(): void {
    const now = nowNs();
    const spent = now - this.lastExit;
    this.lastExit = now;
    if (spent <= 0n) return;
    this.cpuNs += spent;
    const ms = (Number(spent) / 1e6) * this.rt.config.costs.cpuFactor;
    if (ms > 0) this.rt.clock.advance(ms);
  }

  /** Charges the CPU after the last service call; called once the script has returned. */
  finishCpu(): void {
    if (this.depth === 0) this.accountCpu();
  }

  /**
   * Runs one service call for the script: the only way script code reaches the emulator's state.
   * @param key `Class.method`, as counted and as named in permission errors
   */
  invoke(key: string, call: () => unknown, options: { convert?: boolean; count?: boolean } = {}): unknown {
    if (this.depth > 0) return call();
    this.accountCpu();
    this.depth++;
    try {
      this.checkAlive();
      this.callIndex++;
      if (this.killAtCalls !== undefined && this.callIndex >= this.killAtCalls) this.kill('killAt.calls');
      const dot = key.indexOf('.');
      const className = key.slice(0, dot);
      const method = key.slice(dot + 1);
      if (options.count !== false) this.serviceCalls.set(key, (this.serviceCalls.get(key) ?? 0) + 1);
      if (this.pendingSpreadsheetError && SPREADSHEET_FAMILY.has(className)) {
        const pending = this.pendingSpreadsheetError;
        this.pendingSpreadsheetError = undefined;
        throw pending;
      }
      if (this.rt.config.behaviour.enforceScopes) {
        checkPermission(className, method, this.authMode, this.rt.config.manifest.oauthScopes);
      }
      this.advance(baseCost(this.rt.config.costs, className, method));
      const result = call();
      return options.convert === false ? result : this.bridge.toScript(result);
    } catch (e) {
      throw this.toScriptError(e);
    } finally {
      this.depth--;
      this.lastExit = nowNs();
    }
  }

  /**
   * Records a write error the platform reports later: Sheets batches writes, and a refused write (e.g. a cell over
   * 50,000 characters) fails the next spreadsheet call or flush, or the execution when none follows.
   */
  deferSpreadsheetError(error: ScriptException): void {
    this.pendingSpreadsheetError ??= error;
  }

  /** The deferred spreadsheet error still pending when the script returned, if any (consumed). */
  takePendingSpreadsheetError(): ScriptException | undefined {
    const e = this.pendingSpreadsheetError;
    this.pendingSpreadsheetError = undefined;
    return e;
  }

  /** Throws the time-limit error if the execution was killed or its deadline has come. */
  checkAlive(): void {
    if (this.killedReason !== undefined) throw new ExecutionKilled(MSG.timeLimit);
    if (this.rt.clock.now() >= this.deadline) this.kill('deadline');
  }

  /** Stops the execution: this and every later service call throws `Exceeded maximum execution time`. */
  kill(reason: string): never {
    if (this.killedReason === undefined) this.killedReason = reason;
    throw new ExecutionKilled(MSG.timeLimit);
  }

  /**
   * Moves the virtual clock forward by work this execution waits for. Work that would end after the deadline ends
   * the execution at the deadline (what was already sent stays sent).
   */
  advance(ms: number): void {
    if (!(ms > 0)) return;
    const clock = this.rt.clock;
    if (clock.now() + ms > this.deadline) {
      clock.advanceTo(this.deadline);
      this.kill('deadline');
    }
    clock.advance(ms);
  }

  /** Charges the per-cell cost of reading or writing `n` cells. */
  cells(n: number): void {
    this.advance(n * this.rt.config.costs.spreadsheetCellMs);
  }

  /** Counts a call made outside `invoke` (CardService builders, which are local and cost nothing). */
  countCall(key: string): void {
    this.serviceCalls.set(key, (this.serviceCalls.get(key) ?? 0) + 1);
  }

  /** Counts one API request by its discovery method id (or host when it matched none). */
  countApi(outcome: ApiOutcome, url: string): void {
    const key = outcome.methodId ?? `unmatched:${safeHost(url)}`;
    this.apiCalls.set(key, (this.apiCalls.get(key) ?? 0) + 1);
  }

  /** Appends a log line (console.* and Logger). */
  log(level: string, message: string): void {
    this.logs.push({ level, message, at: this.rt.clock.now(), executionId: this.id });
  }

  /** Wraps a host value in the script realm (facades for services). */
  toScript<T>(value: T): T {
    return this.bridge.toScript(value) as T;
  }

  /** The facade of a service object, for installing globals. */
  facade(impl: ServiceObject): object {
    return this.bridge.facade(impl);
  }

  /** Builds an `Exception` of the script realm. */
  makeError(message: string, props?: Record<string, unknown>, name = 'Exception'): Error {
    const err = new this.realm.intrinsics.Error(message);
    Object.defineProperty(err, 'name', { value: name, writable: true, configurable: true, enumerable: false });
    // Apps Script stacks show the script's frames only.
    const lines = (err.stack ?? '').split('\n');
    err.stack = [
      `${name}: ${message}`,
      ...lines
        .slice(1)
        .filter((l) => !/\((?:\/|node:|[A-Za-z]:\\)|emulator-(?:entry|bootstrap)\.js| at (?:\/|node:)/.test(l)),
    ].join('\n');
    if (props)
      for (const [k, v] of Object.entries(props)) (err as unknown as Record<string, unknown>)[k] = this.toScript(v);
    return err;
  }

  /** Converts anything thrown inside a service into what the script sees. */
  toScriptError(e: unknown): unknown {
    if (e instanceof this.realm.intrinsics.Error) return e;
    if (e instanceof ScriptException) return this.makeError(e.message, e.props, e.scriptName);
    if (e instanceof Error) {
      this.internalErrors.push(e);
      return this.makeError(e.message, undefined, e.name);
    }
    return e;
  }

  /** Call counts as a plain record. */
  counts(): { serviceCalls: Record<string, number>; apiCalls: Record<string, number> } {
    return { serviceCalls: Object.fromEntries(this.serviceCalls), apiCalls: Object.fromEntries(this.apiCalls) };
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
