/**
 * The harness: runs one scenario's add-on side (bound script, then the Editor add-on trigger policies) and its
 * naive baseline in fresh worlds, and turns the executions and the Chat request log into figures: virtual minutes
 * of active execution against the quota bound, wall minutes including the gaps between continuations, executions,
 * API calls and 429s per row, spreadsheet service calls per execution, rows done and failed, and CPU milliseconds
 * per row of the script's own code (the runtime measures it with process.hrtime outside service calls).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecutionMode, ExecutionResult } from '../emulator/runtime';
import type { Behaviour } from '../emulator/runtime/options';
import { estimateWorkload } from '../src/domain/quota';
import type { Outcome, Scenario } from './scenario';
import { addOnProject, buildWorld, declaredFunctions, type Project, type World } from './world';

const MIN = 60_000;
const SPREADSHEET_CALL = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation|DataValidationBuilder)\./;

/** Figures of one side (the add-on, or the baseline) of a scenario. */
export interface SideFigures {
  executions: number;
  /** Virtual minutes spent inside executions. */
  activeMinutes: number;
  /** Virtual minutes from the first execution's start to the last one's end. */
  wallMinutes: number;
  apiCalls: number;
  /** 429 answers received. */
  rateLimited: number;
  /** 429 answers by the quota bucket that refused them (or the injected fault). */
  rateLimitedBy: Record<string, number>;
  spreadsheetCallsPerExecution: number;
  maxSpreadsheetCalls: number;
  cpuMs: number;
  /** Executions stopped by the 6-minute limit. */
  killed: number;
  /** Other execution errors, first few. */
  errors: string[];
  outcome: Outcome;
  apiCallsByMethod: Record<string, number>;
}

/** Wall time and executions of the add-on under one trigger policy. */
export interface PolicyFigures {
  label: string;
  executions: number;
  activeMinutes: number;
  wallMinutes: number;
  done: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  /** Why the add-on side did not run (entry point missing from the bundle). */
  skipped?: string;
  /** Quota bound of the least work, in minutes, and the bucket that sets it. */
  boundMinutes: number;
  boundBucket: string;
  addOn?: SideFigures;
  policies: PolicyFigures[];
  baseline: SideFigures;
  /** How many times the baseline was started by hand (a re-run after each stop). */
  baselineRuns: number;
  /** Rows the baseline's first execution finished before it stopped. */
  baselineFirstRun: Outcome;
  /** Real seconds this scenario took to measure. */
  realSeconds: number;
}

/** Options of one measurement. */
export interface MeasureOptions {
  seed?: number;
  /** Also measure the Editor add-on trigger policies (two more runs of the add-on). Default true. */
  policies?: boolean;
  /** Most times the baseline is re-run by hand. Default 120. */
  maxBaselineRuns?: number;
  log?: (line: string) => void;
}

/** Entry points of `scenario` the bundle lacks. */
export function missingEntryPoints(scenario: Scenario, project: Project): string[] {
  const declared = declaredFunctions(project);
  return scenario.entryPoints.filter((e) => !declared.has(e));
}

function newWorld(
  scenario: Scenario,
  project: Project,
  mode: ExecutionMode,
  seed: number,
  behaviour?: Partial<Behaviour>,
): World {
  const setup = scenario.setup();
  return buildWorld({ project, directory: setup.directory, tabs: setup.tabs, mode, seed, behaviour });
}

/** Runs the add-on's entry points, each continued by its triggers until idle; returns the measured executions. */
function runAddOn(world: World, scenario: Scenario): ExecutionResult[] {
  if (scenario.setUpSheets !== false) {
    const r = world.runtime.run('setUpSheets');
    if (r.error) throw new Error(`setUpSheets failed: ${r.error.message}`);
  }
  if (scenario.answer) world.runtime.ui.answerWith = scenario.answer;
  const executions: ExecutionResult[] = [];
  for (const entry of scenario.entryPoints) {
    executions.push(world.runtime.run(entry));
    executions.push(...world.runtime.runUntilIdle({ maxExecutions: 500 }).executions);
  }
  return executions;
}

function figures(world: World, executions: readonly ExecutionResult[], logFrom: number, outcome: Outcome): SideFigures {
  const log = world.chat.requestLog.slice(logFrom);
  const byMethod: Record<string, number> = {};
  for (const e of log) if (e.methodId) byMethod[e.methodId] = (byMethod[e.methodId] ?? 0) + 1;
  const sheetCalls = executions.map((e) =>
    Object.entries(e.serviceCalls)
      .filter(([k]) => SPREADSHEET_CALL.test(k))
      .reduce((n, [, v]) => n + v, 0),
  );
  const first = executions[0];
  const last = executions[executions.length - 1];
  return {
    executions: executions.length,
    activeMinutes: executions.reduce((n, e) => n + e.virtualMs, 0) / MIN,
    wallMinutes: first && last ? (last.endedAt - first.startedAt) / MIN : 0,
    apiCalls: log.length,
    rateLimited: log.filter((e) => e.status === 429).length,
    rateLimitedBy: log
      .filter((e) => e.status === 429)
      .reduce<Record<string, number>>((acc, e) => {
        const key = `${e.methodId ?? '?'} (${e.quotaRefused ?? e.fault ?? 'unknown'})`;
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {}),
    spreadsheetCallsPerExecution: sheetCalls.reduce((a, b) => a + b, 0) / Math.max(1, executions.length),
    maxSpreadsheetCalls: Math.max(0, ...sheetCalls),
    cpuMs: executions.reduce((n, e) => n + e.cpuMs, 0),
    killed: executions.filter((e) => e.error?.timeLimit).length,
    errors: executions
      .filter((e) => e.error && !e.error.timeLimit)
      .slice(0, 3)
      .map((e) => `${e.entryPoint}: ${e.error?.message}`),
    outcome,
    apiCallsByMethod: byMethod,
  };
}

/** The baseline project: bench/baseline/<file> with bench/baseline/appsscript.json. */
export function baselineProject(file: string): Project {
  const dir = path.join(__dirname, 'baseline');
  return {
    scripts: [{ name: file, code: fs.readFileSync(path.join(dir, file), 'utf8') }],
    manifest: JSON.parse(fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8')),
  };
}

/** Measures one scenario. */
export function measure(scenario: Scenario, options: MeasureOptions = {}): ScenarioResult {
  const started = Date.now();
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => undefined);
  const estimate = estimateWorkload(scenario.minimalCalls);
  const project = addOnProject();
  const missing = missingEntryPoints(scenario, project);

  let addOn: SideFigures | undefined;
  const policies: PolicyFigures[] = [];
  if (missing.length === 0) {
    log(`  ${scenario.id}: add-on, bound script`);
    const world = newWorld(scenario, project, 'bound', seed);
    const logFrom = world.chat.requestLog.length;
    const executions = runAddOn(world, scenario);
    addOn = figures(world, executions, logFrom, scenario.outcome(world));
    policies.push({
      label: 'Bound script (1-minute continuations)',
      executions: addOn.executions,
      activeMinutes: addOn.activeMinutes,
      wallMinutes: addOn.wallMinutes,
      done: addOn.outcome.done,
    });
    if (options.policies !== false) {
      for (const [label, delay] of [
        ['Editor add-on, one-shot triggers fire as scheduled', 'as-scheduled'],
        ['Editor add-on, one-shot triggers deferred to the hour', 'next-hour'],
      ] as const) {
        log(`  ${scenario.id}: add-on, ${label}`);
        const w = newWorld(scenario, project, 'editor-addon', seed, { addonOneShotDelay: delay });
        const from = w.chat.requestLog.length;
        const ex = runAddOn(w, scenario);
        const f = figures(w, ex, from, scenario.outcome(w));
        policies.push({
          label,
          executions: f.executions,
          activeMinutes: f.activeMinutes,
          wallMinutes: f.wallMinutes,
          done: f.outcome.done,
        });
      }
    }
  }

  log(`  ${scenario.id}: baseline`);
  const base = newWorld(scenario, baselineProject(scenario.baseline.file), 'bound', seed);
  const baseFrom = base.chat.requestLog.length;
  const baseExecutions: ExecutionResult[] = [];
  let baselineFirstRun: Outcome = { done: 0, failed: 0 };
  let runs = 0;
  let progress = -1;
  const maxRuns = options.maxBaselineRuns ?? 120;
  // A person runs the script again after each stop, a minute later, while it still gets further.
  while (runs < maxRuns) {
    if (runs > 0) base.clock.advance(MIN);
    baseExecutions.push(base.runtime.run(scenario.baseline.entryPoint));
    runs++;
    const o = scenario.baseline.outcome(base);
    if (runs === 1) baselineFirstRun = o;
    if (o.done === progress || o.done + o.failed >= scenario.rows) break;
    progress = o.done;
  }
  const baseline = figures(base, baseExecutions, baseFrom, scenario.baseline.outcome(base));

  return {
    scenario,
    skipped: missing.length ? `skipped: entry point ${missing.join(', ')} not in this build` : undefined,
    boundMinutes: estimate.quotaBoundMinutes,
    boundBucket: estimate.busiest?.label ?? 'none',
    addOn,
    policies,
    baseline,
    baselineRuns: runs,
    baselineFirstRun,
    realSeconds: (Date.now() - started) / 1000,
  };
}
