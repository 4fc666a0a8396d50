/**
 * Runs a job across executions. Each slice takes the user lock, arms a watchdog continuation (so an execution the
 * platform kills still gets resumed), runs the engine until the job is done or the time budget nears its end,
 * writes row results back in batches, then either finishes the job (Log row, summary, triggers removed) or saves a
 * checkpoint and schedules a one-shot continuation about a minute later. Continuations are one-shot triggers in
 * every context, because add-ons may not create recurring triggers under an hour. Job kinds plug in through
 * JobKindHandler; the runner knows nothing about spaces, members or messages.
 */
import type { ChatGateway } from '../../ports/chat';
import type { Cache, Clock, Identity, Notifier, Scheduler, StateStore, UserLock } from '../../ports/runtime';
import type { CellValue, Workbook } from '../../ports/workbook';
import { toCellValue } from '../../domain/cells';
import { LOG_COL, LOG_TAB as LOG_TAB_SPEC, RUN_STATUS } from '../../domain/tabs';
import { columnSetups } from '../setUpSheets';
import { DEFAULT_ENGINE_OPTIONS, JobEngine, type EngineStats, type Pacer, type Task } from './engine';
import { JobStore, type JobState } from './jobStore';

/** Everything a job needs from the platform, built by main.ts from Apps Script adapters (or by tests in memory). */
export interface JobDeps {
  chat: ChatGateway;
  workbook: Workbook;
  state: StateStore;
  cache: Cache;
  lock: UserLock;
  scheduler: Scheduler;
  clock: Clock;
  identity: Identity;
  notifier?: Notifier;
  random: () => number;
  /**
   * Builds the execution's pacer. `saved` is what the previous execution's pacer recorded (its `toJSON()`), kept in
   * the user cache for about two minutes: the calls it sent in its last minute still count against Google's
   * per-minute quotas, so the next execution starts from them instead of from an empty window.
   */
  newPacer(saved?: unknown): Pacer;
}

/** One execution's worth of a job kind: the tasks to run and where their results go. */
export interface JobSlice {
  tasks: Iterator<Task>;
  /** Writes finished rows (and, when `final`, marks `unfinished` rows In progress). */
  flush(unfinished: readonly string[], final: boolean): void;
}

export interface JobKindHandler {
  readonly kind: string;
  /** Human name for the Log tab and messages, e.g. "Apply spaces". */
  readonly title: string;
  openSlice(job: JobState, deps: JobDeps): JobSlice;
  /** Sentence shown when the job ends, e.g. "12 created, 1 failed". */
  summarize(job: JobState): string;
  /** Log-row counts by Log column (e.g. `Created`), when the kind's statuses are not the Log's own words. */
  logCounts?(job: JobState): Record<string, number>;
}

/** Time limits by where the slice runs. */
export interface SliceBudget {
  /** Milliseconds from the slice's start after which no new row is started. */
  admitMs: number;
  /** Milliseconds after which nothing more is sent. */
  stopMs: number;
}

/** Apps Script stops an execution after 6 minutes; leave room for writing results and scheduling. */
export const TRIGGER_BUDGET: SliceBudget = { admitMs: 4 * 60_000, stopMs: 4.75 * 60_000 };
/** Delay before a continuation; the platform may start it later (the gap is reported). */
export const CONTINUATION_DELAY_MS = 60_000;
/** A watchdog continuation fires only if the execution died without scheduling its own. */
export const WATCHDOG_DELAY_MS = 7 * 60_000;
/** A job with no slice started or checkpoint saved for this long is abandoned (its triggers were lost). */
export const STALE_JOB_MS = WATCHDOG_DELAY_MS + CONTINUATION_DELAY_MS;
/** Rows' results are written at least this often, so a killed execution loses little. */
export const FLUSH_EVERY_MS = 45_000;
export const CONTINUE_HANDLER = 'continueJobs';
export const LOG_TAB = LOG_TAB_SPEC.name;

/** User-cache key and lifetime of the last execution's quota reservations (a window is a minute). */
const PACER_CACHE_KEY = 'pacer';
const PACER_CACHE_TTL_S = 120;

function savedPacer(cache: Cache): unknown {
  const text = cache.get(PACER_CACHE_KEY);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function keepPacer(cache: Cache, pacer: Pacer, nowMs: number): void {
  const state = pacer.snapshot?.(nowMs);
  if (state !== undefined) cache.putAll({ [PACER_CACHE_KEY]: JSON.stringify(state) }, PACER_CACHE_TTL_S);
}

export type SliceResult =
  | { state: 'busy'; message: string }
  | { state: 'finished'; job: JobState; summary: string }
  | { state: 'continuing'; job: JobState };

export class JobRunner {
  private readonly jobs: JobStore;

  constructor(
    private readonly deps: JobDeps,
    private readonly handlers: readonly JobKindHandler[],
  ) {
    this.jobs = new JobStore(deps.state);
  }

  /** The job in progress for this spreadsheet, if any. */
  current(): JobState | undefined {
    return this.jobs.load(this.deps.workbook.id());
  }

  last(): JobState | undefined {
    return this.jobs.loadLast(this.deps.workbook.id());
  }

  /** Starts a job (replacing none: a running job must finish or be cancelled first) and runs its first slice. */
  start(
    kind: string,
    tab: string,
    rowIds: string[] | undefined,
    budget: SliceBudget,
    extra?: Record<string, unknown>,
  ): SliceResult {
    const running = this.current();
    if (running && !running.finishedAt) {
      const busy = this.busyMessage();
      // An execution killed before it could schedule its continuation leaves a job nobody resumes; after the
      // watchdog's delay has passed with no sign of life, the user's new start resumes it instead of being refused.
      return busy ? { state: 'busy', message: busy } : this.runSlice(running, budget);
    }
    const now = this.deps.clock.now();
    const job: JobState = {
      id: `${kind}-${now.toString(36)}`,
      kind,
      spreadsheetId: this.deps.workbook.id(),
      tab,
      rowIds,
      startedAt: now,
      counts: {},
      apiCalls: 0,
      quotaWaitMs: 0,
      retries: 0,
      rateLimited: 0,
      executions: 0,
      activeMs: 0,
      maxGapMs: 0,
      triggerIds: [],
      errors: [],
      extra,
    };
    this.jobs.save(job);
    return this.runSlice(job, budget);
  }

  /** Runs the next slice of this spreadsheet's job (a continuation trigger, or "Continue" in the sidebar). */
  resume(budget: SliceBudget): SliceResult | undefined {
    const job = this.current();
    if (!job || job.finishedAt) return undefined;
    return this.runSlice(job, budget);
  }

  cancel(): JobState | undefined {
    const job = this.current();
    if (!job) return undefined;
    job.cancelled = true;
    this.jobs.save(job);
    return job;
  }

  /** The human name of a job kind ("Apply spaces"), or the kind itself when no handler knows it. */
  titleOf(kind: string): string {
    return this.handlers.find((x) => x.kind === kind)?.title ?? kind;
  }

  /**
   * Why a new job cannot start now (a job of this spreadsheet is in progress and alive), or undefined. Entry points
   * that ask the user something first check it before asking.
   */
  busyMessage(): string | undefined {
    const running = this.current();
    if (!running || running.finishedAt) return undefined;
    if (this.deps.clock.now() - (running.heartbeatAt ?? running.startedAt) > STALE_JOB_MS) return undefined;
    const started = new Date(running.startedAt).toISOString().replace('T', ' ').slice(0, 16);
    return `The "${this.titleOf(running.kind)}" run started at ${started} UTC is still in progress. It continues by itself; wait for it to finish, or stop it with Chat Spaces > Cancel running job (or Cancel in the sidebar).`;
  }

  private handler(kind: string): JobKindHandler {
    const h = this.handlers.find((x) => x.kind === kind);
    if (!h) throw new Error(`Unknown job kind ${kind}`);
    return h;
  }

  private runSlice(job: JobState, budget: SliceBudget): SliceResult {
    const { clock, lock, workbook } = this.deps;
    if (!lock.tryAcquire(10_000)) {
      return {
        state: 'busy',
        message: 'Another run of yours is working on this spreadsheet right now; this one will pick up after it.',
      };
    }
    try {
      const started = clock.now();
      if (job.nextAt !== undefined) job.maxGapMs = Math.max(job.maxGapMs, started - job.nextAt);
      job.executions++;
      job.heartbeatAt = started;
      // Arm the watchdog first: if the platform kills this execution, the job still resumes.
      this.replaceTriggers(job, { delayMs: WATCHDOG_DELAY_MS });
      this.jobs.save(job);

      const handler = this.handler(job.kind);
      let slice: JobSlice;
      try {
        slice = handler.openSlice(job, this.deps);
      } catch (e) {
        // The job cannot go on (e.g. its tab was deleted): end it rather than let the watchdog retry forever.
        const message = e instanceof Error ? e.message : String(e);
        job.errors.push({ row: 0, message });
        this.replaceTriggers(job);
        job.finishedAt = clock.now();
        this.jobs.delete(job.spreadsheetId);
        this.jobs.saveLast(job);
        throw e;
      }
      let lastFlush = clock.now();
      const pacer = this.deps.newPacer(savedPacer(this.deps.cache));
      const engine = new JobEngine(this.deps.chat, pacer, clock, {
        ...DEFAULT_ENGINE_OPTIONS,
        admitUntil: started + budget.admitMs,
        stopAt: started + budget.stopMs,
        random: this.deps.random,
        // Between batches: write finished rows now and then, and notice a cancel made from the sidebar.
        shouldStop: () => {
          if (clock.now() - lastFlush < FLUSH_EVERY_MS) return false;
          slice.flush([], false);
          workbook.flush();
          lastFlush = clock.now();
          // The sheet holds the results; the checkpoint remembers which rows they were, so they are not redone.
          const cancelled = !!this.jobs.load(job.spreadsheetId)?.cancelled;
          job.heartbeatAt = clock.now();
          this.jobs.save({ ...job, cancelled: cancelled || job.cancelled });
          return cancelled;
        },
      });
      const run = engine.run(slice.tasks);
      keepPacer(this.deps.cache, pacer, clock.now());
      slice.flush(run.unfinished, true);
      workbook.flush();
      this.absorb(job, run.stats, clock.now() - started);
      const cancelled = job.cancelled || !!this.jobs.load(job.spreadsheetId)?.cancelled;
      if (run.complete || cancelled) return this.finish(job, handler, !!cancelled);
      job.nextAt = clock.now() + CONTINUATION_DELAY_MS;
      this.replaceTriggers(job, { delayMs: CONTINUATION_DELAY_MS });
      this.jobs.save(job);
      return { state: 'continuing', job };
    } finally {
      lock.release();
    }
  }

  private absorb(job: JobState, stats: EngineStats, elapsedMs: number): void {
    job.apiCalls += Object.values(stats.apiCalls).reduce((a, b) => a + (b ?? 0), 0);
    job.quotaWaitMs += stats.waitMs;
    job.retries += stats.retries;
    job.rateLimited += stats.rateLimited;
    job.activeMs += elapsedMs;
  }

  /**
   * Deletes the job's triggers, then schedules `next` (a one-shot continuation) if given. Deleting first matters:
   * an Editor add-on may hold only one time-driven trigger per user and document.
   */
  private replaceTriggers(job: JobState, next?: { delayMs: number }): void {
    for (const id of job.triggerIds) this.deps.scheduler.delete(id);
    job.triggerIds = [];
    if (!next) return;
    try {
      job.triggerIds = [this.deps.scheduler.scheduleOnce(CONTINUE_HANDLER, next.delayMs)];
    } catch {
      // The slot is taken (an Editor add-on holds one time-driven trigger per user and document, and a schedule's
      // recurring trigger may be it): the job still runs this slice, and continues at that schedule's next run or
      // from the sidebar's Continue.
    }
  }

  private finish(job: JobState, handler: JobKindHandler, cancelled: boolean): SliceResult {
    this.replaceTriggers(job);
    job.finishedAt = this.deps.clock.now();
    const summary = (cancelled ? 'Cancelled. ' : '') + handler.summarize(job);
    this.appendLog(job, handler, summary);
    this.jobs.delete(job.spreadsheetId);
    this.jobs.saveLast(job);
    return { state: 'finished', job, summary };
  }

  /** One Log row per run, in the Log tab's column order; the tab is created (or completed) if needed. */
  private appendLog(job: JobState, handler: JobKindHandler, summary: string): void {
    const c = job.counts;
    const n = (k: string) => c[k] ?? 0;
    const errors = job.errors.map((e) => (e.row ? `Row ${e.row}: ${e.message}` : e.message)).join('\n');
    const values: Record<string, CellValue> = {
      [LOG_COL.run]: job.id,
      [LOG_COL.action]: handler.title,
      [LOG_COL.who]: this.deps.identity.email(),
      [LOG_COL.started]: new Date(job.startedAt),
      [LOG_COL.ended]: new Date(job.finishedAt ?? this.deps.clock.now()),
      // The values the Log tab's Status column documents (RUN_STATUS).
      [LOG_COL.status]: job.cancelled
        ? RUN_STATUS.stopped
        : job.errors.length
          ? RUN_STATUS.doneWithErrors
          : RUN_STATUS.done,
      [LOG_COL.rows]: Object.values(c).reduce((a, b) => a + b, 0),
      [LOG_COL.created]: n('Created'),
      [LOG_COL.updated]: n('Updated'),
      [LOG_COL.upToDate]: n('Up to date'),
      [LOG_COL.linked]: n('Linked existing'),
      [LOG_COL.failed]: n('Failed'),
      [LOG_COL.skipped]: n('Skipped'),
      [LOG_COL.apiCalls]: job.apiCalls,
      [LOG_COL.quotaWaits]: `${Math.round(job.quotaWaitMs / 1000)} s`,
      [LOG_COL.executions]: job.executions,
      [LOG_COL.errors]: toCellValue((errors || summary).slice(0, 4000)),
      ...handler.logCounts?.(job),
    };
    const { workbook } = this.deps;
    workbook.setUpTab(LOG_TAB, columnSetups(LOG_TAB_SPEC));
    const header = (workbook.readTab(LOG_TAB)?.[0] ?? []).map((h) =>
      String(h).replace(/\s+/g, ' ').trim().toLowerCase(),
    );
    const keyed = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
    workbook.appendRows(LOG_TAB, [header.map((h) => keyed.get(h) ?? '')]);
  }
}
