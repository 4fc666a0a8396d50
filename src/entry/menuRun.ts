/**
 * What every menu entry point that starts a job shares: the adapters and job runner for the open spreadsheet, an
 * alert instead of a stack trace when something goes wrong, and the words for how the job's first execution ended
 * (refused because another run is going on, still working and continuing by itself, or finished).
 */
import { describeJob } from '../app/jobs/jobReport';
import { JobRunner, type JobDeps, type SliceResult } from '../app/jobs/jobRunner';
import type { JobState } from '../app/jobs/jobStore';
import { jobHandlers } from './jobHandlers';
import { activeSpreadsheet, buildDeps } from './wiring';

export const MENU_TITLE = 'Chat Spaces';

/** The adapters and job runner of one menu run. */
export interface MenuRun {
  deps: JobDeps;
  jobs: JobRunner;
}

/** The spreadsheet a menu item runs in; throws a sentence when there is none. */
export function requireSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open a spreadsheet to use Chat Spaces.');
  return ss;
}

/** Adapters and the job runner for a menu run (or, with `interactive` false, a trigger) on `ss`. */
export function jobsFor(interactive: boolean, ss = requireSpreadsheet()): MenuRun {
  const deps = buildDeps(ss, interactive);
  return { deps, jobs: new JobRunner(deps, jobHandlers()) };
}

/**
 * Runs a menu action on the open spreadsheet; an error becomes an alert titled `title` (nothing is lost: rows are
 * only written by the job, and a failed start writes none). Scope: script.container.ui.
 */
export function menuRun(title: string, action: (run: MenuRun) => void): void {
  const run = jobsFor(true);
  try {
    action(run);
  } catch (e) {
    run.deps.notifier?.alert(title, e instanceof Error ? e.message : String(e));
  }
}

/** How a job kind's finished first execution is told (default: its summary and where the details are). */
export interface SliceWords {
  title: string;
  /** The alert for a finished job, e.g. a preview's plan and quota minutes. */
  finished?: (job: JobState, summary: string) => string;
  /** The toast while the job continues by itself (default: describeJob). */
  continuing?: (job: JobState) => string;
}

/** Tells the user how a job's execution ended. Scope: script.container.ui. */
export function reportSlice(result: SliceResult, run: MenuRun, words: SliceWords): void {
  const notifier = run.deps.notifier;
  if (result.state === 'busy') notifier?.alert(words.title, result.message);
  else if (result.state === 'continuing')
    notifier?.toast(
      words.continuing?.(result.job) ?? describeJob(result.job, run.jobs.titleOf(result.job.kind)),
      'Still working',
    );
  else
    notifier?.alert(
      words.title,
      words.finished?.(result.job, result.summary) ??
        `${result.summary} Details are in the Status and Details columns; the Log tab has the run.`,
    );
}

/**
 * The Row IDs of the rows selected on `tab` ([] when none is). `load` reads the tab, which gives every row a Row ID first, so the selection survives sorting.
 * Scope: spreadsheets.currentonly.
 */
export function selectedRowIds(
  deps: JobDeps,
  tab: string,
  load: () => { rows: readonly { row: number; rowId: string }[] },
): string[] {
  const rows = new Set(deps.workbook.selectedRows(tab));
  if (!rows.size) return [];
  return load()
    .rows.filter((r) => rows.has(r.row))
    .map((r) => r.rowId);
}
