/**
 * The local runner as a library (`runLocal`), so integration tests can do what `npm run local` does without a
 * process: load a workbook as the active spreadsheet, build the Chat emulator, run one entry point in the chosen
 * mode, optionally fire triggers until idle, and write the workbook, `report.json`, `chat-state.json` and
 * `result.json` to the output folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VirtualClock } from '../core/clock';
import {
  AppsScriptRuntime,
  type ExecutionMode,
  type ExecutionResult,
  type Manifest,
  type ScriptFile,
} from '../runtime';
import { loadWorkbook, saveWorkbook } from '../workbook';
import { createChat } from './chatPlug';

export interface LocalRunOptions {
  entryPoint: string;
  /** A folder of CSVs or an .xlsx file, loaded as the active spreadsheet. */
  workbook?: string;
  /** Output folder (default `out`). */
  out?: string;
  /** Fire due triggers, advancing the clock, until no one-shot trigger is left. */
  untilIdle?: boolean;
  mode?: ExecutionMode;
  /** Executing user (default admin@example.com). */
  as?: string;
  seed?: number;
  /** Chat fault spec. */
  faults?: string;
  /**
   * The entry point's event: `{ "kind": "homepage" | "action", "parameters": {}, "formInputs": {} }` is completed
   * like the platform would (runtime.buildEvent); any other object is passed as it is.
   */
  event?: unknown;
  /** chat-state.json to start from. */
  state?: string;
  /** Directory JSON (users, groups, spaces) for the Chat emulator. */
  directory?: string;
  /** The script: a file or a folder of .js/.gs/.html files (default dist/Code.js). */
  script?: string;
  /** The manifest (default: appsscript.json next to the script, else ./appsscript.json). */
  manifest?: string;
  /** In workspace-addon mode, whether the user granted drive.file for the workbook (default true). */
  grantFileScope?: boolean;
  /** Write the output files (default true). */
  write?: boolean;
  /**
   * Set the process time zone (TZ) to the manifest's, so the script's local-time Date methods match Apps Script
   * (the CLI does; a library caller usually should not: README R2).
   */
  setProcessTimeZone?: boolean;
}

export interface LocalReport {
  executions: number;
  virtualMs: number;
  apiCalls: Record<string, number>;
  spreadsheetCalls: Record<string, number>;
  serviceCalls: Record<string, number>;
  errors: { executionId: string; entryPoint: string; kind: string; name: string; message: string }[];
  logs: { executionId: string; level: string; at: string; message: string }[];
}

export interface LocalRunResult {
  result: ExecutionResult;
  executions: ExecutionResult[];
  report: LocalReport;
  runtime: AppsScriptRuntime;
  chatState: unknown;
  /** 0 when the entry point returned normally, 1 when it threw. */
  exitCode: number;
}

const SPREADSHEET_CLASSES =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation|DataValidationBuilder)\./;

/** Reads a script file or folder into files in push order (folder: by name). */
export function readScripts(source: string): ScriptFile[] {
  if (fs.statSync(source).isDirectory()) {
    return fs
      .readdirSync(source)
      .filter((f) => /\.(js|gs|html)$/.test(f))
      .sort()
      .map((f) => ({ name: f, code: fs.readFileSync(path.join(source, f), 'utf8') }));
  }
  return [{ name: path.basename(source), code: fs.readFileSync(source, 'utf8') }];
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function findManifest(options: LocalRunOptions, script: string): string {
  if (options.manifest) return options.manifest;
  const dir = fs.statSync(script).isDirectory() ? script : path.dirname(script);
  const beside = path.join(dir, 'appsscript.json');
  return fs.existsSync(beside) ? beside : 'appsscript.json';
}

/** Runs one entry point locally; see LocalRunOptions. */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const mode = options.mode ?? 'bound';
  const seed = options.seed ?? 1;
  const scriptPath = options.script ?? path.join('dist', 'Code.js');
  if (!fs.existsSync(scriptPath))
    throw new Error(`Script not found: ${scriptPath} (run npm run build, or pass --script)`);
  const manifest = readJson(findManifest(options, scriptPath)) as Manifest;
  if (options.setProcessTimeZone && manifest.timeZone) process.env.TZ = manifest.timeZone;
  const clock = new VirtualClock();
  const chat = createChat({
    clock,
    seed,
    faults: options.faults,
    directory: options.directory ? readJson(options.directory) : undefined,
    state: options.state ? readJson(options.state) : undefined,
  });
  const runtime = new AppsScriptRuntime({
    scripts: readScripts(scriptPath),
    manifest,
    mode,
    user: options.as,
    clock,
    seed,
    apis: [chat.apiHost],
    advancedServices: [chat.advancedService],
  });
  const ss = options.workbook
    ? await loadWorkbook(options.workbook, { timeZone: manifest.timeZone })
    : runtime.createSpreadsheet('Untitled spreadsheet');
  runtime.addSpreadsheet(ss, { active: true });
  if (mode === 'workspace-addon' && options.grantFileScope !== false) runtime.grantFileScope(ss.id, options.as);

  let args: unknown[] = [];
  const ev = options.event as { kind?: unknown } | undefined;
  if (ev && (ev.kind === 'homepage' || ev.kind === 'action')) {
    args = [runtime.buildEvent({ ...(ev as Parameters<AppsScriptRuntime['buildEvent']>[0]), user: options.as })];
  } else if (ev !== undefined) args = [ev];
  const result = runtime.execute(options.entryPoint, { args, as: options.as });
  const executions = [result];
  if (options.untilIdle) executions.push(...runtime.runUntilIdle().executions);

  const report = buildReport(runtime.executions);
  const chatState = chat.dump();
  if (options.write !== false) {
    const out = options.out ?? 'out';
    fs.mkdirSync(out, { recursive: true });
    await saveWorkbook(ss, path.join(out, 'workbook'));
    if (options.workbook?.toLowerCase().endsWith('.xlsx')) await saveWorkbook(ss, path.join(out, 'workbook.xlsx'));
    fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(out, 'chat-state.json'), JSON.stringify(chatState, null, 2) + '\n');
    fs.writeFileSync(
      path.join(out, 'result.json'),
      JSON.stringify(result.error ? { error: result.error } : { returned: result.returned ?? null }, null, 2) + '\n',
    );
  }
  return { result, executions, report, runtime, chatState, exitCode: result.error ? 1 : 0 };
}

/** The report.json of a set of executions. */
export function buildReport(executions: readonly ExecutionResult[]): LocalReport {
  const apiCalls: Record<string, number> = {};
  const serviceCalls: Record<string, number> = {};
  let virtualMs = 0;
  for (const e of executions) {
    virtualMs += e.virtualMs;
    for (const [k, v] of Object.entries(e.apiCalls)) apiCalls[k] = (apiCalls[k] ?? 0) + v;
    for (const [k, v] of Object.entries(e.serviceCalls)) serviceCalls[k] = (serviceCalls[k] ?? 0) + v;
  }
  const spreadsheetCalls = Object.fromEntries(
    Object.entries(serviceCalls).filter(([k]) => SPREADSHEET_CLASSES.test(k)),
  );
  return {
    executions: executions.length,
    virtualMs,
    apiCalls,
    spreadsheetCalls,
    serviceCalls,
    errors: executions
      .filter((e) => e.error)
      .map((e) => ({
        executionId: e.executionId,
        entryPoint: e.entryPoint,
        kind: e.kind,
        name: e.error?.name ?? 'Error',
        message: e.error?.message ?? '',
      })),
    logs: executions.flatMap((e) =>
      e.logs.map((l) => ({
        executionId: l.executionId,
        level: l.level,
        at: new Date(l.at).toISOString(),
        message: l.message,
      })),
    ),
  };
}
