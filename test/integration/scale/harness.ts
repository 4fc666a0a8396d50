/**
 * A spreadsheet session for the scale and reliability tests: the built bundle (dist/Code.js) in the offline Apps
 * Script runtime, bound to a spreadsheet or installed as an Editor add-on, wired to the Chat API emulator. A test
 * gives the Spaces tab as rows of cells, runs an entry point the way a user clicks it, and lets the continuation
 * triggers fire on the virtual clock until the job is done — optionally killing executions at chosen points and
 * injecting Chat faults. It then reads back the Spaces tab, the Chat state as an admin sees it, the Chat request log
 * and the runtime's per-execution counts (spreadsheet service calls, API calls, virtual time).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatEmulator, type DirectoryInput, type SpaceSnapshot } from '../../../emulator/chat';
import { VirtualClock } from '../../../emulator/core/clock';
import {
  AppsScriptRuntime,
  type ExecutionResult,
  type KillAt,
  type Manifest,
  type Behaviour,
} from '../../../emulator/runtime';
import { loadWorkbook, toCsv } from '../../../emulator/workbook';

const DIST = path.join(__dirname, '..', '..', '..', 'dist');

/** The Spaces tab's columns, inputs first (DESIGN §1.1). */
export const SPACES_HEADERS = [
  'Space name',
  'Type',
  'Description',
  'Guidelines',
  'Members',
  'Groups',
  'Managers',
  'Owners',
  'History',
  'Discoverable',
  'External users',
  'Announcement',
  'Welcome message',
  'Member sync',
  'Tags',
  'Row ID',
  'Space ID',
  'Space link',
  'Status',
  'Details',
  'Last run',
] as const;

/** One Spaces row by header; absent cells are blank. Text starting with `'` is stored as text (as typed). */
export type SheetRow = Partial<Record<(typeof SPACES_HEADERS)[number], string>>;

/** Methods that change Chat (the write quota buckets of facts §3.1), as the emulator names them. */
export const WRITE_METHODS = [
  'chat.spaces.setup',
  'chat.spaces.create',
  'chat.spaces.patch',
  'chat.spaces.delete',
  'chat.spaces.members.create',
  'chat.spaces.members.patch',
  'chat.spaces.members.delete',
  'chat.spaces.messages.create',
  'chat.spaces.messages.patch',
  'chat.spaces.messages.update',
  'chat.spaces.messages.delete',
];

export interface SessionOptions {
  mode: 'bound' | 'editor-addon';
  /** Rows of the Spaces tab (a blank object is a blank row). */
  rows: readonly SheetRow[];
  directory?: DirectoryInput;
  seed?: number;
  /** Chat fault spec (emulator/chat/README.md). */
  faults?: string;
  /** Runtime behaviour overrides, e.g. when an add-on's one-shot trigger fires. */
  behaviour?: Partial<Behaviour>;
}

export interface ApplyOptions {
  entryPoint?: string;
  /** Kills the n-th execution of this apply (0 = the menu click, then each trigger run) at the given point. */
  killAt?: (index: number) => KillAt | undefined;
  /** Give up after this many executions (a job that never ends fails the test instead of hanging). */
  maxExecutions?: number;
}

export interface ApplyRun {
  executions: ExecutionResult[];
  /** Virtual ms from the click to the end of the last execution (continuation gaps included). */
  wallMs: number;
  /** Virtual ms spent inside executions. */
  activeMs: number;
  /** Chat API calls by method during this apply (from the emulator's request log). */
  apiCalls: Record<string, number>;
  /** Spreadsheet service calls by execution. */
  spreadsheetCallsPerExecution: number[];
  /** Index into the Chat request log where this apply began. */
  logStart: number;
}

const SPREADSHEET_CLASSES =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation|DataValidationBuilder)\./;

export class SheetSession {
  readonly clock = new VirtualClock();
  readonly chat: ChatEmulator;
  readonly runtime: AppsScriptRuntime;
  spreadsheetId = '';

  private constructor(readonly options: SessionOptions) {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Manifest;
    const seed = options.seed ?? 1;
    this.chat = new ChatEmulator({ clock: this.clock, seed, directory: options.directory, faults: options.faults });
    this.runtime = new AppsScriptRuntime({
      scripts: code,
      manifest,
      mode: options.mode,
      clock: this.clock,
      seed,
      apis: [this.chat.apiHost],
      advancedServices: [this.chat.advancedService],
      // Virtual time independent of this machine's speed, so runs are reproducible.
      costs: { cpuFactor: 0 },
      behaviour: options.behaviour,
    });
  }

  static async open(options: SessionOptions): Promise<SheetSession> {
    const session = new SheetSession(options);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-'));
    const cells = options.rows.map((r) => SPACES_HEADERS.map((h) => r[h] ?? ''));
    fs.writeFileSync(path.join(dir, 'Spaces.csv'), toCsv([[...SPACES_HEADERS], ...cells]));
    const ss = await loadWorkbook(dir, { name: 'Team spaces', timeZone: 'Etc/UTC' });
    session.runtime.addSpreadsheet(ss, { active: true });
    session.spreadsheetId = ss.id;
    fs.rmSync(dir, { recursive: true, force: true });
    return session;
  }

  /** Clicks a menu entry point (default Apply to all rows), then fires continuations until none is pending. */
  apply(options: ApplyOptions = {}): ApplyRun {
    const logStart = this.chat.requestLog.length;
    const started = this.clock.now();
    const first = this.runtime.execute(options.entryPoint ?? 'applySpaces', { killAt: options.killAt?.(0) });
    const rest = this.runtime.runUntilIdle({
      maxExecutions: options.maxExecutions ?? 200,
      killAt: options.killAt && ((i) => options.killAt?.(i + 1)),
    });
    if (!rest.idle) throw new Error(`The job did not finish: stopped by ${rest.stoppedBy}`);
    const executions = [first, ...rest.executions];
    const apiCalls: Record<string, number> = {};
    for (const e of this.chat.requestLog.slice(logStart)) {
      const m = e.methodId ?? e.path;
      apiCalls[m] = (apiCalls[m] ?? 0) + 1;
    }
    return {
      executions,
      wallMs: this.clock.now() - started,
      activeMs: executions.reduce((n, e) => n + e.virtualMs, 0),
      apiCalls,
      spreadsheetCallsPerExecution: executions.map((e) =>
        Object.entries(e.serviceCalls)
          .filter(([k]) => SPREADSHEET_CLASSES.test(k))
          .reduce((n, [, v]) => n + v, 0),
      ),
      logStart,
    };
  }

  /** The Spaces tab as text by header, one object per data row (blank rows included). */
  spacesTab(): Record<string, string>[] {
    const values = this.runtime.readSheet('Spaces', this.spreadsheetId) ?? [];
    const [header, ...rows] = values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v))));
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  }

  /** The tab named `name` as text by header. */
  tab(name: string): Record<string, string>[] {
    const values = this.runtime.readSheet(name, this.spreadsheetId) ?? [];
    const [header, ...rows] = values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v))));
    return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
  }

  /** Every space, its members (with emails) and messages, as an admin sees them. */
  snapshot(): SpaceSnapshot[] {
    return this.chat.snapshot();
  }
}

/** Sum of calls to write methods. */
export function writeCalls(calls: Record<string, number>): number {
  return WRITE_METHODS.reduce((n, m) => n + (calls[m] ?? 0), 0);
}

/** A small seeded generator (mulberry32): the same seed gives the same sheet and the same kill points. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A kill plan for `apply`: the first `always` executions (the menu click, then the first continuation) are killed,
 * and each later one with probability `p`, at a seeded random point between 5 s and 5 min 50 s of virtual time
 * (inside the 6-minute limit, so also while results are being written); at most `max` kills, so the job can finish.
 */
export function randomKills(seed: number, p = 0.4, always = 2, max = 8): (index: number) => KillAt | undefined {
  const random = seeded(seed);
  let kills = 0;
  return (index) => {
    const kill = (index < always || random() < p) && kills < max;
    const afterMs = 5_000 + Math.floor(random() * 345_000);
    if (!kill) return undefined;
    kills++;
    return { afterMs };
  };
}
