/**
 * The fault soak, generic over workloads: a workload (Spaces apply, Members apply, Messages send, messages export)
 * describes its starting workbook and directory for a seed, the entry point a user starts, and what must
 * hold afterwards. The soak runs the built bundle in the emulator as a bound script with seeded Chat faults
 * (transient 5xx, 429 storms, timeouts, lost responses), kills executions at random points (as the platform does
 * past the time limit: the next continuation or the watchdog trigger must pick up), and starts the same action a
 * second time while the first run's continuation is pending (the job guard must refuse it). It fires due
 * time-driven triggers itself, like the runtime's runUntilIdle, so that each continuation can be killed too.
 */
import { SeededRandom } from '../../emulator/core/rng';
import type { DialogAnswer, DialogRequest, ExecutionResult, KillAt } from '../../emulator/runtime';
import { timeTriggerEvent } from '../../emulator/runtime/events';
import { addOnProject, buildWorld, declaredFunctions, type World } from '../../bench/world';
import type { ScenarioSetup } from '../../bench/scenario';
import type { SpaceSnapshot } from '../../emulator/chat';

/** A seed's starting state, plus what the workload needs to check the end state (e.g. the rows it generated). */
export interface SoakSetup extends ScenarioSetup {
  expected: unknown;
}

export interface SoakWorkload {
  id: string;
  /** Entry points the bundle must export (the soak is skipped otherwise). */
  entryPoints: readonly string[];
  /** The workbook and directory of a seed. */
  setup(rng: SeededRandom): SoakSetup;
  /** The entry point a user starts (from the menu). */
  start: string;
  /** True when the sheet tells the user to run the action again (unfinished rows, temporary failures). */
  runAgain(world: World, expected: unknown): boolean;
  /** Problems with the end state, as sentences; empty when every row ended final and true. */
  verify(world: World, before: SpaceSnapshot[], expected: unknown): string[];
  /** How the user answers the add-on's dialogs (e.g. an export's options prompt); default the first button. */
  answer?: (request: DialogRequest) => DialogAnswer | undefined;
  /**
   * Latest virtual ms into an execution at which a timed kill lands (default 300,000). A workload whose runs take
   * seconds sets it near its length, so that timed kills land inside its executions rather than after them.
   */
  killWithinMs?: number;
  /** Chance that an execution is killed, when the soak's options do not say (default 0.3). */
  killChance?: number;
  /**
   * The seeds the default suite runs (test/integration/reliabilitySmoke.test.ts): fixed seeds in which an execution
   * is killed and the overlapping start happens, so CI exercises both.
   */
  smokeSeeds: readonly number[];
}

export interface SoakOptions {
  /** Chat fault spec. Default: 10 % transient 5xx, 429 storms, timeouts and lost responses. */
  faults?: string;
  /** Chance that an execution is killed at a random point. Default: the workload's, else 0.3. */
  killChance?: number;
  /** Start the action again while the first run's continuation is pending. Default true. */
  overlap?: boolean;
  /** Most executions before giving up. Default 200. */
  maxExecutions?: number;
}

export const DEFAULT_FAULTS = 'transient=0.1,storm=0.002,stormMs=10000,timeout=0.01,lost=0.03';

export interface SoakResult {
  problems: string[];
  executions: ExecutionResult[];
  killed: number;
  /** Times the user started the action (1, or more when the sheet asked to run again). */
  userRuns: number;
  /** What the overlapping start answered (an alert text), when it ran. */
  overlapAnswer?: string;
  faults: Record<string, number>;
  /** The world after the run, for a closer look at a failing seed. */
  world: World;
}

/** True when the built bundle exports every entry point the workload needs. */
export function bundleSupports(workload: SoakWorkload): boolean {
  const declared = declaredFunctions(addOnProject());
  return workload.entryPoints.every((e) => declared.has(e));
}

function randomKill(rng: SeededRandom, chance: number, withinMs: number): KillAt | undefined {
  if (!rng.chance(chance)) return undefined;
  return rng.chance(0.5) ? { calls: rng.int(1, 60) } : { afterMs: rng.int(500, withinMs) };
}

/** Runs one seed of a workload under faults and returns what went wrong. */
export function soak(workload: SoakWorkload, seed: number, options: SoakOptions = {}): SoakResult {
  const rng = new SeededRandom(seed * 7919 + 13);
  const setup = workload.setup(rng);
  const world = buildWorld({
    project: addOnProject(),
    directory: setup.directory,
    tabs: setup.tabs,
    mode: 'bound',
    seed,
    faults: options.faults ?? DEFAULT_FAULTS,
  });
  const { runtime, clock } = world;
  const setUp = runtime.run('setUpSheets');
  if (setUp.error) throw new Error(`setUpSheets: ${setUp.error.message}`);
  const before = world.chat.snapshot();
  const killChance = options.killChance ?? workload.killChance ?? 0.3;
  const killWithin = workload.killWithinMs ?? 300_000;
  if (workload.answer) runtime.ui.answerWith = workload.answer;
  const executions: ExecutionResult[] = [];
  let killed = 0;
  const overran: string[] = [];
  const record = (r: ExecutionResult, kill: KillAt | undefined) => {
    executions.push(r);
    if (kill && r.error?.timeLimit) killed++;
    // Killed without a scripted kill: the execution ran past Apps Script's 6-minute limit by itself.
    else if (r.error?.timeLimit) overran.push(`${r.entryPoint} ran past the 6-minute limit (${r.executionId})`);
  };

  let overlapAnswer: string | undefined;
  let overlapPending = options.overlap !== false;
  const max = options.maxExecutions ?? 200;
  /** A user starts the action, then its continuations run (and may be killed) until nothing is pending. */
  const drive = () => {
    const kill = randomKill(rng, killChance, killWithin);
    record(runtime.execute(workload.start, { killAt: kill }), kill);
    while (executions.length < max) {
      const next = runtime.triggers.nextAt(true);
      if (next === undefined) break;
      if (overlapPending) {
        // The user starts the same action again while the continuation is pending: it must be refused.
        const seen = runtime.ui.events.length;
        executions.push(runtime.execute(workload.start));
        overlapAnswer = runtime.ui.events
          .slice(seen)
          .map((e) => String(e.prompt ?? e.message ?? ''))
          .join(' ');
        overlapPending = false;
        continue;
      }
      clock.advanceTo(Math.max(next, clock.now()));
      for (const t of runtime.triggers.due(clock.now())) {
        const firedAt = clock.now();
        runtime.triggers.fired(t, firedAt, 'keep-disabled');
        const k = randomKill(rng, killChance, killWithin);
        record(
          runtime.execute(t.handler, {
            kind: 'time-trigger',
            as: t.owner,
            triggerUid: t.uid,
            killAt: k,
            argsFactory: () => [timeTriggerEvent('FULL', t.uid, firedAt)],
          }),
          k,
        );
      }
    }
  };
  // The user's run, then at most two more when the sheet tells them to run again (a run killed before it could
  // schedule its continuation, or rows that failed for a temporary reason).
  let userRuns = 0;
  do {
    // The user comes back a while later (a quarter of an hour) when the sheet still shows unfinished rows.
    if (userRuns > 0) clock.advance(15 * 60_000);
    drive();
    userRuns++;
  } while (userRuns < 5 && workload.runAgain(world, setup.expected));

  const problems: string[] = [];
  if (executions.length >= max) problems.push(`still not idle after ${max} executions`);
  problems.push(...overran);
  for (const e of executions) {
    if (e.internalErrors.length) problems.push(`emulator error in ${e.entryPoint}: ${e.internalErrors[0]}`);
    if (e.error && !e.error.timeLimit) problems.push(`${e.entryPoint} threw: ${e.error.message}`);
  }
  if (world.chat.internalErrors.length) problems.push(`Chat emulator errors: ${world.chat.internalErrors.length}`);
  const jobKeys = Object.keys(runtime.properties.snapshot()['user:admin@example.com'] ?? {}).filter((k) =>
    k.startsWith('job:'),
  );
  if (jobKeys.length) problems.push(`a job is still stored after the run: ${jobKeys.join(', ')}`);
  problems.push(...workload.verify(world, before, setup.expected));
  return { problems, executions, killed, userRuns, overlapAnswer, faults: world.chat.stats().faultsInjected, world };
}
