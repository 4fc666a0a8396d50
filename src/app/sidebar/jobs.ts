/**
 * Jobs from the sidebar: queue a bulk run (Preview, Apply, Sync members, Send messages) without ever running it
 * inside the 30-second card callback, show the running or last job of this spreadsheet, cancel it, or run its next
 * step now. Queueing starts the job with a slice budget that fits well inside a card callback; the job runner then
 * schedules its own one-shot continuation trigger and carries on in 6-minute executions. Progress is read from the
 * job's checkpoint (user properties), so the job card shows the same numbers whichever execution wrote them.
 */
import { readTable } from '../../domain/table';
import { SPACES_TAB } from '../../domain/tabs';
import type { JobState } from '../jobs/jobStore';
import type { SliceBudget, SliceResult } from '../jobs/jobRunner';
import type { Workbook } from '../../ports/workbook';
import { failed, succeeded, type ActionOutcome } from './deps';

/**
 * A slice run from a card: the lock wait (up to 10 s), new rows for 6 s, nothing sent after 12 s, then results
 * written back — well under the 30 s a card callback may take.
 */
export const SIDEBAR_JOB_BUDGET: SliceBudget = { admitMs: 6_000, stopMs: 12_000 };
/** Ending a cancelled job from the card: admit nothing, just write the Log row and the summary. */
export const CANCEL_BUDGET: SliceBudget = { admitMs: 0, stopMs: 3_000 };
/** Errors listed on the job card. */
export const JOB_ERRORS_SHOWN = 10;

/** The job runner as the sidebar uses it (src/app/jobs/jobRunner.ts). */
export interface JobControl {
  current(): JobState | undefined;
  last(): JobState | undefined;
  start(
    kind: string,
    tab: string,
    rowIds: string[] | undefined,
    budget: SliceBudget,
    extra?: Record<string, unknown>,
  ): SliceResult;
  resume(budget: SliceBudget): SliceResult | undefined;
  cancel(): JobState | undefined;
}

/** A bulk run the homepage offers. */
export interface JobChoice {
  /** Parameter value of the button: `preview`, `apply`, `sync`, `send`. */
  id: string;
  /** Button text. */
  label: string;
  /** Job kind (JobKindHandler.kind); undefined when this build has no handler for it yet. */
  kind?: string;
  /** Tab the job reads. */
  tab: string;
  /** Title used in messages and on the job card. */
  title: string;
}

export interface JobProgress {
  id: string;
  title: string;
  state: 'running' | 'cancelling' | 'finished' | 'cancelled';
  startedAt: number;
  finishedAt?: number;
  rowsDone: number;
  /** Rows the job works on, when known. */
  rowsTotal?: number;
  counts: Record<string, number>;
  apiCalls: number;
  quotaWaitMs: number;
  retries: number;
  executions: number;
  /** When the next continuation is due (running jobs). */
  nextAt?: number;
  /** The largest delay seen between a due continuation and its start. */
  maxGapMs: number;
  errors: { row: number; message: string }[];
  moreErrors: number;
}

/** Data rows of a tab (for "rows done / total" when the job runs on every row). One spreadsheet read. */
export function rowsOnTab(workbook: Workbook, tab: string, timeZone: string): number | undefined {
  const values = workbook.readTab(tab);
  if (!values) return undefined;
  if (tab === SPACES_TAB.name) return readTable(SPACES_TAB, values, { timeZone }).rows.length;
  return values.slice(1).filter((row) => row.some((cell) => cell !== '' && cell !== null && cell !== undefined)).length;
}

/** What the job card shows about a job. */
export function jobProgress(job: JobState, title: string, tabRows: number | undefined): JobProgress {
  const rowsDone = Object.values(job.counts).reduce((a, b) => a + b, 0);
  const extraTotal = typeof job.extra?.totalRows === 'number' ? (job.extra.totalRows as number) : undefined;
  const state = job.finishedAt ? (job.cancelled ? 'cancelled' : 'finished') : job.cancelled ? 'cancelling' : 'running';
  return {
    id: job.id,
    title,
    state,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    rowsDone,
    rowsTotal: job.rowIds?.length ?? extraTotal ?? tabRows,
    counts: { ...job.counts },
    apiCalls: job.apiCalls,
    quotaWaitMs: job.quotaWaitMs,
    retries: job.retries,
    executions: job.executions,
    nextAt: job.finishedAt ? undefined : job.nextAt,
    maxGapMs: job.maxGapMs,
    errors: job.errors.slice(0, JOB_ERRORS_SHOWN),
    moreErrors: Math.max(0, job.errors.length - JOB_ERRORS_SHOWN),
  };
}

/** The job the card shows: the running one, else the last finished one. */
export function jobToShow(runner: JobControl): JobState | undefined {
  return runner.current() ?? runner.last();
}

/** Starts a bulk run with a card-sized first slice; it goes on by itself in triggers. */
export function queueJob(runner: JobControl, choice: JobChoice, extra: Record<string, unknown>): ActionOutcome {
  if (!choice.kind)
    return failed(`${choice.title} is not available in this version of the add-on yet; use the sheet menu.`);
  let result: SliceResult;
  try {
    result = runner.start(choice.kind, choice.tab, undefined, SIDEBAR_JOB_BUDGET, extra);
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
  if (result.state === 'busy') return failed(result.message);
  if (result.state === 'finished') return succeeded(`${choice.title} finished: ${result.summary}`);
  return succeeded(
    `${choice.title} started. It goes on by itself, about a minute between steps; this card shows its progress.`,
  );
}

/** Runs the running job's next step now (when its trigger is late). */
export function continueJob(runner: JobControl): ActionOutcome {
  let result: SliceResult | undefined;
  try {
    result = runner.resume(SIDEBAR_JOB_BUDGET);
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
  if (!result) return succeeded('No job is running.');
  if (result.state === 'busy') return failed(result.message);
  if (result.state === 'finished') return succeeded(`Finished: ${result.summary}`);
  return succeeded('Ran one more step; the job goes on by itself.');
}

/** Cancels the running job and, when no execution is working on it, ends it at once. */
export function cancelRunningJob(runner: JobControl): ActionOutcome {
  const job = runner.cancel();
  if (!job || job.finishedAt) return succeeded('No job is running.');
  let result: SliceResult | undefined;
  try {
    result = runner.resume(CANCEL_BUDGET);
  } catch {
    result = undefined;
  }
  if (result?.state === 'finished')
    return succeeded(`Cancelled. ${result.summary}`.replace('Cancelled. Cancelled.', 'Cancelled.'));
  return succeeded('Cancelling: the job stops at its next step.');
}
