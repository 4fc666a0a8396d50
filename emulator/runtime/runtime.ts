/**
 * The offline Apps Script runtime. It loads a script project (one or more classic-script sources and its manifest),
 * runs entry points by name in a fresh V8 context per execution, and keeps what Apps Script keeps between
 * executions: spreadsheets, properties, caches, triggers, the UI. It fires simple triggers (`open`, `edit`),
 * installable spreadsheet triggers and time-driven triggers on the virtual clock (`runDueTriggers`,
 * `runUntilIdle`), builds Workspace add-on event objects (`buildEvent`), and reports per execution the returned
 * value, the error, the virtual time used, service calls by `Class.method` and API calls by method id.
 */
import * as vm from 'node:vm';
import type { AdvancedServiceBinding, ApiHost } from '../core/api';
import { VirtualClock } from '../core/clock';
import { SeededRandom } from '../core/rng';
import { MSG } from './errors';
import { addonEvent, editEvent, localeEnabled, openEvent, timeTriggerEvent, type AddonEventOptions } from './events';
import { Execution, type ExecutionKind, type KillAt, type LogEntry } from './execution';
import { installGlobals } from './globals';
import {
  DEFAULT_BEHAVIOUR,
  DEFAULT_COSTS,
  DEFAULT_LIMITS,
  type RuntimeConfig,
  type RuntimeOptions,
  type ScriptFile,
} from './options';
import type { AuthModeName } from './permissions';
import { CacheStores } from './services/cache';
import { DriveStore } from './services/drive';
import { createDriveRestHost } from './services/driveRest';
import { LockManager } from './services/lock';
import { PropertyStores } from './services/properties';
import { TriggerStore, type TriggerRecord } from './services/triggers';
import { UiRecorder, type MenuItemRecord } from './services/ui';
import { HostRouter } from './services/urlFetch';
import { RangeImpl, writeValue } from './spreadsheet/range';
import { SpreadsheetStore, type SpreadsheetModel } from './spreadsheet/model';
import { SpreadsheetImpl } from './spreadsheet/spreadsheet';
import { parseRef, resolveRef } from './spreadsheet/a1';
import type { CellValue } from './spreadsheet/values';
import { FileGrants, IdFactory, type RuntimeState } from './state';

/** How one execution is started. */
export interface RunOptions {
  /** Arguments passed to the entry point (host values; converted into the script's realm). */
  args?: unknown[];
  /** What started it (default: 'card-callback' for a Workspace add-on event in that mode, else 'manual'). */
  kind?: ExecutionKind;
  /** The executing user (default the runtime's user). */
  as?: string;
  /** AuthMode (default LIMITED/NONE for simple triggers, FULL otherwise). */
  authMode?: AuthModeName;
  /** Overrides the time limit (ms of virtual time). */
  timeLimitMs?: number;
  /** Kill the execution as the platform would, at a time or at a service call. */
  killAt?: KillAt;
  /** The document the execution runs against (default: the active spreadsheet in bound/editor-addon modes). */
  documentId?: string | null;
  /** @internal Builds the arguments inside the execution (event objects holding service objects). */
  argsFactory?: (exec: Execution) => unknown[];
  /** @internal The installable trigger that started the execution. */
  triggerUid?: string;
}

/** A thrown error, as reported. */
export interface ExecutionError {
  name: string;
  message: string;
  stack?: string;
  /** Stopped by the time limit or a scripted kill (`Exceeded maximum execution time`). */
  timeLimit: boolean;
}

export interface ExecutionResult {
  executionId: string;
  entryPoint: string;
  kind: ExecutionKind;
  user: string;
  authMode: AuthModeName;
  triggerUid?: string;
  /** What the entry point returned, as a plain host value (cards and action responses as their printJson JSON). */
  returned: unknown;
  error?: ExecutionError;
  startedAt: number;
  endedAt: number;
  /** Virtual milliseconds the execution took. */
  virtualMs: number;
  /** Real milliseconds of the script's own CPU (outside services). */
  cpuMs: number;
  serviceCalls: Record<string, number>;
  apiCalls: Record<string, number>;
  logs: LogEntry[];
  /** Non-Apps-Script errors raised inside the emulator's services (bugs of the emulator). */
  internalErrors: string[];
}

export interface RunUntilIdleOptions {
  /** Stop after this many executions (default 1,000). */
  maxExecutions?: number;
  /** Stop when the clock would pass this much virtual time from the start (default 7 days). */
  maxVirtualMs?: number;
  /** Keep going while only recurring triggers remain (default false: idle = no one-shot trigger pending). */
  includeRecurring?: boolean;
  /**
   * Kills some of the executions the triggers start, as the platform may at any point: called with the index of
   * the execution within this call (0-based) and the trigger's handler; a KillAt kills that execution there.
   */
  killAt?: (index: number, handler: string) => KillAt | undefined;
}

export interface RunUntilIdleResult {
  executions: ExecutionResult[];
  idle: boolean;
  stoppedBy?: 'maxExecutions' | 'maxVirtualMs';
  virtualMs: number;
}

export interface Totals {
  executions: number;
  virtualMs: number;
  serviceCalls: Record<string, number>;
  apiCalls: Record<string, number>;
}

const RUN_OPTIONS = Symbol('RunOptions');

/** Marks an options object as the trailing argument of `run()` (see AppsScriptRuntime.run). */
export function runOptions(options: RunOptions): RunOptions {
  return Object.assign(Object.create(null) as object, options, { [RUN_OPTIONS]: true }) as RunOptions;
}

function isRunOptions(value: unknown): value is RunOptions {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RUN_OPTIONS] === true;
}

function merge(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

export class AppsScriptRuntime {
  readonly config: RuntimeConfig;
  readonly clock: VirtualClock;
  readonly state: RuntimeState;
  /** Every execution so far, in order. */
  readonly executions: ExecutionResult[] = [];
  private readonly scripts: vm.Script[];
  private readonly sources: string[] = [];
  private readonly htmlFiles = new Map<string, string>();
  private readonly advancedServices: readonly AdvancedServiceBinding[];
  private executionCount = 0;

  constructor(options: RuntimeOptions) {
    const rng = new SeededRandom(options.seed ?? 1);
    const ids = new IdFactory(rng);
    const manifest = options.manifest;
    this.clock = options.clock ?? new VirtualClock();
    this.config = {
      manifest,
      mode: options.mode,
      defaultUser: (options.user ?? 'admin@example.com').toLowerCase(),
      costs: { ...DEFAULT_COSTS, ...options.costs },
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      behaviour: { ...DEFAULT_BEHAVIOUR, ...options.behaviour },
      scriptId:
        options.scriptId ??
        '1' +
          new SeededRandom((options.seed ?? 1) ^ 0x5bd1e995).string(
            56,
            'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
          ),
      projectName: options.projectName ?? manifest.addOns?.common?.name ?? 'Untitled project',
      timeZone: manifest.timeZone ?? 'America/New_York',
    };
    const drive = new DriveStore();
    this.state = {
      config: this.config,
      clock: this.clock,
      rng,
      ids,
      spreadsheets: new SpreadsheetStore(
        () => ids.driveId(),
        () => ids.sheetId(),
      ),
      drive,
      properties: new PropertyStores(),
      caches: new CacheStores(),
      locks: new LockManager(),
      triggers: new TriggerStore(),
      ui: new UiRecorder(),
      // Drive v3 REST (files.create, multipart upload) shares the emulated Drive; hosts given in `apis` win.
      net: new HostRouter([createDriveRestHost(drive, () => ids.driveId(), this.clock), ...(options.apis ?? [])]),
      grants: new FileGrants(),
      activeSpreadsheetId: null,
    };
    this.advancedServices = options.advancedServices ?? [];
    const files: ScriptFile[] =
      typeof options.scripts === 'string' ? [{ name: 'Code.gs', code: options.scripts }] : options.scripts;
    this.scripts = [];
    for (const f of files) {
      if (f.name.endsWith('.html')) this.htmlFiles.set(f.name.replace(/\.html$/, ''), f.code);
      else {
        this.scripts.push(new vm.Script(f.code, { filename: f.name }));
        this.sources.push(f.code);
      }
    }
  }

  // --- state access for tests and tools ---

  get spreadsheets(): SpreadsheetStore {
    return this.state.spreadsheets;
  }

  get ui(): UiRecorder {
    return this.state.ui;
  }

  get locks(): LockManager {
    return this.state.locks;
  }

  get triggers(): TriggerStore {
    return this.state.triggers;
  }

  get properties(): PropertyStores {
    return this.state.properties;
  }

  get drive(): DriveStore {
    return this.state.drive;
  }

  /** The spreadsheet open in front of the user (container / editor document / Sheets UI), if any. */
  get activeSpreadsheet(): SpreadsheetModel | undefined {
    const id = this.state.activeSpreadsheetId;
    return id ? this.state.spreadsheets.get(id) : undefined;
  }

  /** Makes a spreadsheet the one open in front of the user (the bound container in bound mode). */
  setActiveSpreadsheet(id: string): void {
    if (!this.state.spreadsheets.get(id)) throw new Error(`No spreadsheet ${id}`);
    this.state.activeSpreadsheetId = id;
  }

  /** Creates a spreadsheet in the emulated Drive; `active: true` opens it in front of the user. */
  createSpreadsheet(name: string, options: { active?: boolean; owner?: string } = {}): SpreadsheetModel {
    const ss = this.state.spreadsheets.create(name, this.config.timeZone);
    ss.createdBy = (options.owner ?? this.config.defaultUser).toLowerCase();
    if (options.active) this.state.activeSpreadsheetId = ss.id;
    return ss;
  }

  /** Adds a spreadsheet built elsewhere (workbook loader); `active: true` opens it in front of the user. */
  addSpreadsheet(ss: SpreadsheetModel, options: { active?: boolean } = {}): SpreadsheetModel {
    this.state.spreadsheets.add(ss);
    if (options.active) this.state.activeSpreadsheetId = ss.id;
    return ss;
  }

  /** Values of a sheet's data range (tests' view of the sheet), or undefined when the sheet is missing. */
  readSheet(sheetName: string, spreadsheetId?: string): CellValue[][] | undefined {
    const ss = spreadsheetId ? this.state.spreadsheets.get(spreadsheetId) : this.activeSpreadsheet;
    const sheet = ss?.sheetByName(sheetName);
    if (!sheet) return undefined;
    const rows = sheet.lastRow();
    const cols = sheet.lastColumn();
    return Array.from({ length: rows }, (_r, r) =>
      Array.from({ length: cols }, (_c, c) => sheet.cell(r + 1, c + 1)?.v ?? ''),
    );
  }

  /** Registers another API host (e.g. a file server for attachment URLs); later registrations win. */
  addApiHost(host: ApiHost): void {
    this.state.net.add(host);
  }

  /** The user grants the add-on drive.file access to a spreadsheet (what requestFileScopeForActiveDocument asks). */
  grantFileScope(spreadsheetId: string, user = this.config.defaultUser): void {
    this.state.grants.grant(user.toLowerCase(), spreadsheetId);
  }

  /** Totals over every execution so far. */
  totals(): Totals {
    const serviceCalls: Record<string, number> = {};
    const apiCalls: Record<string, number> = {};
    let virtualMs = 0;
    for (const r of this.executions) {
      virtualMs += r.virtualMs;
      merge(serviceCalls, r.serviceCalls);
      merge(apiCalls, r.apiCalls);
    }
    return { executions: this.executions.length, virtualMs, serviceCalls, apiCalls };
  }

  // --- running ---

  /**
   * Runs an entry point by name with arguments, like a call from the editor or `google.script.run`. A trailing
   * argument made with `runOptions({...})` sets the execution options instead of being passed to the function.
   */
  run(entryPoint: string, ...args: unknown[]): ExecutionResult {
    const last = args[args.length - 1];
    if (isRunOptions(last)) return this.execute(entryPoint, { ...last, args: args.slice(0, -1) });
    return this.execute(entryPoint, { args });
  }

  /** Runs a Workspace add-on callback (homepage or card action): 30-second limit, no spreadsheet UI. */
  runCardCallback(entryPoint: string, event: unknown, options: RunOptions = {}): ExecutionResult {
    return this.execute(entryPoint, { ...options, args: [event], kind: 'card-callback' });
  }

  /** Runs an entry point with explicit options. */
  execute(entryPoint: string, options: RunOptions = {}): ExecutionResult {
    const cfg = this.config;
    const args = options.args ?? [];
    const user = (options.as ?? cfg.defaultUser).toLowerCase();
    const first = args[0] as { commonEventObject?: unknown } | undefined;
    const kind: ExecutionKind =
      options.kind ??
      (cfg.mode === 'workspace-addon' && first && typeof first === 'object' && first.commonEventObject
        ? 'card-callback'
        : 'manual');
    const authMode: AuthModeName =
      options.authMode ??
      (kind === 'simple-trigger'
        ? cfg.mode === 'editor-addon'
          ? cfg.behaviour.editorAddonOpenAuthMode
          : 'LIMITED'
        : 'FULL');
    const limitMs =
      options.timeLimitMs ??
      (kind === 'card-callback'
        ? cfg.limits.cardCallbackMs
        : kind === 'simple-trigger'
          ? cfg.limits.simpleTriggerMs
          : cfg.limits.executionMs);
    const documentId =
      options.documentId !== undefined
        ? (options.documentId ?? undefined)
        : cfg.mode === 'workspace-addon'
          ? undefined
          : (this.state.activeSpreadsheetId ?? undefined);
    const hasUi = cfg.mode !== 'workspace-addon' && kind !== 'time-trigger' && !!documentId;
    const id = `exec-${++this.executionCount}`;
    const exec = new Execution({
      rt: this.state,
      id,
      user,
      kind,
      authMode,
      limitMs,
      killAt: options.killAt,
      triggerUid: options.triggerUid,
      documentId,
      hasUi,
    });
    installGlobals(exec, { advancedServices: this.advancedServices, htmlFiles: this.htmlFiles });
    const result = this.runInExecution(exec, entryPoint, options.argsFactory ?? (() => args));
    this.executions.push(result);
    return result;
  }

  private runInExecution(
    exec: Execution,
    entryPoint: string,
    argsFactory: (exec: Execution) => unknown[],
  ): ExecutionResult {
    const realTimeout = this.config.limits.realTimeoutMs;
    const ctx = exec.realm.context;
    let returned: unknown;
    let thrown: unknown;
    let threw = false;
    let realTimedOut = false;
    exec.startClock();
    try {
      for (const script of this.scripts) script.runInContext(ctx, { timeout: realTimeout, displayErrors: false });
      const fn = (exec.realm.global as Record<string, unknown>)[entryPoint];
      if (typeof fn !== 'function') {
        thrown = exec.makeError(MSG.functionNotFound(entryPoint));
        threw = true;
      } else {
        const scriptArgs = argsFactory(exec).map((a) => exec.toScript(a));
        const slot = '__emulatorEntry_' + exec.id.replace(/\W/g, '_');
        Object.defineProperty(exec.realm.global, slot, { value: { fn, args: scriptArgs }, configurable: true });
        const call = new vm.Script(
          `(function (s) { var e = globalThis[s]; delete globalThis[s]; return e.fn.apply(undefined, e.args); })(${JSON.stringify(slot)})`,
          { filename: 'emulator-entry.js' },
        );
        returned = call.runInContext(ctx, { timeout: realTimeout, displayErrors: false });
      }
    } catch (e) {
      if ((e as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') realTimedOut = true;
      else {
        thrown = e;
        threw = true;
      }
    }
    exec.finishCpu();
    const pending = exec.takePendingSpreadsheetError();
    if (pending && !threw) {
      thrown = exec.makeError(pending.message);
      threw = true;
    }
    let timeLimit = exec.killed || realTimedOut;
    if (!timeLimit && this.clock.now() > exec.deadline) timeLimit = true;
    if (realTimedOut) this.clock.advanceTo(exec.deadline);
    let error: ExecutionError | undefined;
    if (timeLimit) {
      error = { name: 'Exception', message: MSG.timeLimit, timeLimit: true };
      returned = undefined;
    } else if (threw) {
      error = describeError(thrown);
      returned = undefined;
    }
    // Counts are taken before converting the result: printJson() on a returned card is the platform's, not the script's.
    const counts = exec.counts();
    let plain: unknown;
    if (!error) {
      try {
        plain = exec.bridge.toPlain(returned);
      } catch (e) {
        error = describeError(e);
      }
    }
    this.state.locks.releaseAll(exec.id);
    for (const f of exec.onFinish) f();
    const endedAt = this.clock.now();
    return {
      executionId: exec.id,
      entryPoint,
      kind: exec.kind,
      user: exec.user,
      authMode: exec.authMode,
      triggerUid: exec.triggerUid,
      returned: plain,
      error,
      startedAt: exec.startedAt,
      endedAt,
      virtualMs: endedAt - exec.startedAt,
      cpuMs: Number(exec.cpuNs) / 1e6,
      serviceCalls: counts.serviceCalls,
      apiCalls: counts.apiCalls,
      logs: exec.logs,
      internalErrors: exec.internalErrors.map((e) => e.stack ?? e.message),
    };
  }

  // --- user actions in the spreadsheet UI ---

  /**
   * The user opens the active spreadsheet: menus are reset, the simple `onOpen(e)` runs (bound: LIMITED; editor
   * add-on: NONE by default; Workspace add-on: never), then installable onOpen triggers for this spreadsheet.
   */
  open(options: { as?: string; authMode?: 'NONE' | 'LIMITED' } = {}): ExecutionResult[] {
    const ss = this.activeSpreadsheet;
    if (!ss) throw new Error('open(): no active spreadsheet (load a workbook or call setActiveSpreadsheet)');
    this.state.ui.clearMenus(ss.id);
    const results: ExecutionResult[] = [];
    if (this.config.mode !== 'workspace-addon' && this.hasFunction('onOpen')) {
      results.push(
        this.execute('onOpen', {
          as: options.as,
          kind: 'simple-trigger',
          authMode: options.authMode,
          argsFactory: (exec) => [openEvent(exec, new SpreadsheetImpl(exec, ss))],
        }),
      );
    }
    for (const t of this.spreadsheetTriggers(ss.id, 'ON_OPEN')) {
      results.push(
        this.execute(t.handler, {
          as: t.owner,
          kind: 'installable-trigger',
          triggerUid: t.uid,
          documentId: this.config.mode === 'workspace-addon' ? null : ss.id,
          argsFactory: (exec) => [openEvent(exec, new SpreadsheetImpl(exec, ss), t.uid)],
        }),
      );
    }
    return results;
  }

  /**
   * The user types `value` into `a1` (optionally `Sheet!A1`) of the active spreadsheet: the cell changes as typed,
   * then the simple onEdit (not in a Workspace add-on) and installable onEdit triggers run.
   */
  edit(a1: string, value: unknown, options: { as?: string } = {}): ExecutionResult[] {
    const ss = this.activeSpreadsheet;
    if (!ss) throw new Error('edit(): no active spreadsheet');
    const bang = a1.lastIndexOf('!');
    const sheet = bang >= 0 ? ss.sheetByName(a1.slice(0, bang).replace(/^'(.*)'$/, '$1')) : ss.activeSheet();
    if (!sheet) throw new Error(`edit(): no sheet in ${a1}`);
    const block = resolveRef(parseRef(bang >= 0 ? a1.slice(bang + 1) : a1), sheet.maxRows, sheet.maxCols);
    const oldValue = sheet.cell(block.row, block.col)?.v ?? '';
    for (let r = 0; r < block.numRows; r++) {
      for (let c = 0; c < block.numCols; c++)
        writeValue(sheet.ensure(block.row + r, block.col + c), value, ss.timeZone);
    }
    const newValue = sheet.cell(block.row, block.col)?.v ?? '';
    const makeRange = (exec: Execution): RangeImpl =>
      new RangeImpl(exec, ss, sheet, block.row, block.col, block.numRows, block.numCols);
    const results: ExecutionResult[] = [];
    if (this.config.mode !== 'workspace-addon' && this.hasFunction('onEdit')) {
      results.push(
        this.execute('onEdit', {
          as: options.as,
          kind: 'simple-trigger',
          authMode: 'LIMITED',
          argsFactory: (exec) => [editEvent(exec, new SpreadsheetImpl(exec, ss), makeRange(exec), newValue, oldValue)],
        }),
      );
    }
    for (const t of this.spreadsheetTriggers(ss.id, 'ON_EDIT')) {
      results.push(
        this.execute(t.handler, {
          as: t.owner,
          kind: 'installable-trigger',
          triggerUid: t.uid,
          argsFactory: (exec) => [
            editEvent(exec, new SpreadsheetImpl(exec, ss), makeRange(exec), newValue, oldValue, t.uid),
          ],
        }),
      );
    }
    return results;
  }

  /** The user clicks a menu item: `clickMenu('Chat spaces', 'Preview')`, or a path through submenus. */
  clickMenu(menuCaption: string, ...itemPath: string[]): ExecutionResult {
    const ss = this.activeSpreadsheet;
    const menu = this.state.ui.menus(ss?.id).find((m) => m.caption === menuCaption);
    if (!menu) throw new Error(`clickMenu(): no menu "${menuCaption}"`);
    let items: MenuItemRecord[] = menu.items;
    let item: MenuItemRecord | undefined;
    for (const caption of itemPath) {
      item = items.find((i) => i.caption === caption);
      if (!item) throw new Error(`clickMenu(): no item "${caption}" in "${menuCaption}"`);
      items = item.items ?? [];
    }
    if (!item?.functionName) throw new Error('clickMenu(): the path does not end at a menu item');
    return this.execute(item.functionName, { kind: 'menu' });
  }

  /**
   * Completes a Workspace add-on event object as the platform would for the spreadsheet open in the Sheets UI:
   * `sheets.id`/`title` only after grantFileScope, locale fields only when the manifest asks for them.
   */
  buildEvent(options: AddonEventOptions & { user?: string; spreadsheetId?: string }): Record<string, unknown> {
    const ss = options.spreadsheetId ? this.state.spreadsheets.get(options.spreadsheetId) : this.activeSpreadsheet;
    const user = (options.user ?? this.config.defaultUser).toLowerCase();
    return addonEvent(options, {
      spreadsheet: ss ? { id: ss.id, title: ss.name } : undefined,
      fileScopeGranted: !!ss && this.state.grants.has(user, ss.id),
      useLocale: localeEnabled(this.config.manifest),
      userLocale: this.config.behaviour.userLocale,
      timeZone: this.config.timeZone,
      now: this.clock.now(),
    });
  }

  // --- triggers ---

  private functionNames?: Set<string>;

  /**
   * Whether the project declares a global function (simple triggers run only when declared). Evaluates the sources
   * once in a bare context (module top level must not call services); falls back to a declaration scan.
   */
  private hasFunction(name: string): boolean {
    if (!this.functionNames) {
      const names = new Set<string>();
      const probe = vm.createContext({});
      try {
        for (const s of this.scripts) s.runInContext(probe, { timeout: 1000 });
        for (const [k, v] of Object.entries(probe)) if (typeof v === 'function') names.add(k);
      } catch {
        for (const src of this.sources)
          for (const m of src.matchAll(/function\s+([A-Za-z_$][\w$]*)\s*\(/g)) names.add(m[1]);
      }
      this.functionNames = names;
    }
    return this.functionNames.has(name);
  }

  private spreadsheetTriggers(spreadsheetId: string, eventType: string): TriggerRecord[] {
    return this.state.triggers.list.filter(
      (t) => t.eventType === eventType && t.sourceId === spreadsheetId && !t.disabled,
    );
  }

  /**
   * Fires every time-driven trigger due now (each at most once), earliest first. `killAt`, given the execution's
   * index in this call and the handler, may kill an execution at a chosen point (see RunUntilIdleOptions.killAt).
   */
  runDueTriggers(killAt?: (index: number, handler: string) => KillAt | undefined): ExecutionResult[] {
    const results: ExecutionResult[] = [];
    const due = this.state.triggers.due(this.clock.now());
    for (const t of due) {
      if (!this.state.triggers.byUid(t.uid) || t.disabled || t.nextAt === undefined || t.nextAt > this.clock.now())
        continue;
      const firedAt = this.clock.now();
      this.state.triggers.fired(t, firedAt, this.config.behaviour.spentOneShotTriggers);
      results.push(
        this.execute(t.handler, {
          as: t.owner,
          kind: 'time-trigger',
          triggerUid: t.uid,
          killAt: killAt?.(results.length, t.handler),
          documentId: this.config.mode === 'workspace-addon' ? null : (t.documentId ?? this.state.activeSpreadsheetId),
          argsFactory: () => [timeTriggerEvent('FULL', t.uid, firedAt)],
        }),
      );
    }
    return results;
  }

  /**
   * Advances the clock from one due trigger to the next and fires them until no one-shot trigger is pending
   * (or, with includeRecurring, no trigger at all), or a limit is reached.
   */
  runUntilIdle(options: RunUntilIdleOptions = {}): RunUntilIdleResult {
    const maxExecutions = options.maxExecutions ?? 1000;
    const maxVirtualMs = options.maxVirtualMs ?? 7 * 24 * 3_600_000;
    const start = this.clock.now();
    const executions: ExecutionResult[] = [];
    for (;;) {
      const offset = executions.length;
      const kill = options.killAt;
      const batch = this.runDueTriggers(kill && ((i, handler) => kill(offset + i, handler)));
      executions.push(...batch);
      if (executions.length >= maxExecutions)
        return { executions, idle: false, stoppedBy: 'maxExecutions', virtualMs: this.clock.now() - start };
      const next = this.state.triggers.nextAt(!options.includeRecurring);
      if (next === undefined) return { executions, idle: true, virtualMs: this.clock.now() - start };
      if (next - start > maxVirtualMs)
        return { executions, idle: false, stoppedBy: 'maxVirtualMs', virtualMs: this.clock.now() - start };
      this.clock.advanceTo(next);
    }
  }
}

function describeError(e: unknown): ExecutionError {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      name: typeof err.name === 'string' ? err.name : 'Error',
      message: String(err.message),
      stack: typeof err.stack === 'string' ? err.stack : undefined,
      timeLimit: false,
    };
  }
  return { name: 'Error', message: String(e), timeLimit: false };
}
