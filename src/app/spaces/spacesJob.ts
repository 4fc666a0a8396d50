/**
 * The "Apply" and "Preview" job kinds of the Spaces tab. Each execution re-reads the tab, skips rows this job has
 * already finished (their Last run is at or after the job's start), turns every other valid row into a SpaceTask,
 * and writes Status, Details, Space ID, Space link and Last run back in batches. Rows with problems are reported
 * without any API call. Preview runs the same tasks in dry-run mode: reads only, and a plan per row.
 */
import { explainFailure, isAlreadyExists, isPermanentRefusal } from '../../domain/apiErrors';
import { clientMessageId, requestId } from '../../domain/ids';
import type { DesiredSpace } from '../../domain/model';
import { SPACES_COL, SPACES_TAB, STATUS } from '../../domain/tabs';
import { renderTemplate } from '../../domain/template';
import type { Task } from '../jobs/engine';
import type { JobDeps, JobKindHandler, JobSlice } from '../jobs/jobRunner';
import type { JobState } from '../jobs/jobStore';
import { RefusalStore } from './refusals';
import { SpaceTask, type SpaceRowOutcome, type SpaceRowStatus, type SpaceTaskContext } from './spaceTask';
import { SpacesSheet, type SpaceSheetRow } from './spacesSheet';

export const APPLY_SPACES = 'apply-spaces';
export const PREVIEW_SPACES = 'preview-spaces';

/** Statuses after which a row's welcome message is no longer owed. */
const SETTLED = new Set<string>([STATUS.created, STATUS.updated, STATUS.upToDate, STATUS.linkedExisting]);
const CACHE_TTL_S = 6 * 3600;
/** Rows Retire spaces has dealt with: Apply and Preview leave them alone, and say how to manage them again. */
const RETIRED: Record<string, string> = {
  [STATUS.locked]:
    'Locked: Apply and Preview leave a locked space as it is. Clear Status to manage this space from the sheet again.',
  [STATUS.deleted]:
    'Deleted: Apply does not make a deleted space again. Clear Space ID and Status to create a new space for this row.',
};
const MAX_JOB_ERRORS = 50;

/** Planned API calls of a preview, by method id, kept in the job between executions. */
export type PlannedCalls = Record<string, number>;

export class SpacesJobHandler implements JobKindHandler {
  constructor(
    readonly kind: typeof APPLY_SPACES | typeof PREVIEW_SPACES,
    private readonly orgDomains: (runner: string) => string[] = (runner) => [runner.slice(runner.indexOf('@') + 1)],
  ) {}

  get title(): string {
    return this.kind === PREVIEW_SPACES ? 'Preview spaces' : 'Apply spaces';
  }

  openSlice(job: JobState, deps: JobDeps): JobSlice {
    const dryRun = this.kind === PREVIEW_SPACES;
    const runner = deps.identity.email();
    const sheet = SpacesSheet.load(deps.workbook, { timeZone: deps.identity.timeZone(), runner, random: deps.random });
    const selected = job.rowIds ? new Set(job.rowIds) : undefined;
    // Rows this job finished in earlier executions (saved with each checkpoint) are not redone.
    const done = ((job.extra ??= {}).done ??= []) as string[];
    const finished = new Set(done);
    const todo = sheet.rows.filter((r) => (!selected || selected.has(r.rowId)) && !finished.has(r.rowId));
    const cacheKeys = new Set<string>();
    for (const r of todo) {
      for (const g of r.desired?.groups ?? []) cacheKeys.add(`g:${g}`);
      for (const p of r.desired?.people ?? []) cacheKeys.add(`u:${p}`);
    }
    const cached = deps.cache.getAll([...cacheKeys]);
    const refusals = new RefusalStore(deps.state, job.spreadsheetId);
    const ctx: SpaceTaskContext = {
      runner,
      orgDomains: this.orgDomains(runner),
      dryRun,
      setupRequestId: (rowId) => requestId({ spreadsheetId: job.spreadsheetId, rowId, action: 'spaces.setup' }),
      welcomeMessageId: (rowId) => clientMessageId({ rowId, purpose: 'welcome' }),
      welcomeText: (space) => welcomeText(space),
      explain: (failure, action) => explainFailure(failure, action),
      isAlreadyExists,
      isPermanentRefusal: (failure) => isPermanentRefusal(failure),
      refusedBefore: (row) => refusals.get(row),
      rememberRefusals: (row, people, nameTaken) => refusals.set(row, people, nameTaken, deps.clock.now()),
      groupNames: prefixed(cached, 'g:'),
      userIds: prefixed(cached, 'u:'),
      record: (row, outcome) => record(row.row, outcome),
    };
    const planned = (job.extra.plannedCalls ??= {}) as PlannedCalls;
    const now = () => new Date(deps.clock.now());
    const rowIdOf = new Map(sheet.rows.map((r) => [r.row, r.rowId]));
    const record = (row: number, outcome: SpaceRowOutcome) => {
      done.push(rowIdOf.get(row) ?? '');
      job.counts[outcome.status] = (job.counts[outcome.status] ?? 0) + 1;
      if (outcome.status === 'Failed' && job.errors.length < MAX_JOB_ERRORS)
        job.errors.push({ row, message: outcome.details });
      if (dryRun) for (const [m, n] of Object.entries(outcome.plannedCalls ?? {})) planned[m] = (planned[m] ?? 0) + n;
      const values: Record<string, string | Date> = {
        [SPACES_COL.status]: outcome.status,
        [SPACES_COL.details]: outcome.details,
        [SPACES_COL.lastRun]: now(),
      };
      if (outcome.spaceName && !dryRun) {
        values[SPACES_COL.spaceId] = outcome.spaceName;
        values[SPACES_COL.spaceLink] = outcome.spaceUri ?? '';
      }
      sheet.set(row, values);
    };
    const rejected = (r: SpaceSheetRow): Task | undefined => {
      const retired = RETIRED[r.status];
      if (retired) {
        record(r.row, { status: r.status as SpaceRowStatus, details: retired, writes: 0 });
        return undefined;
      }
      if (!r.desired || r.problems.length) {
        record(r.row, {
          status: 'Failed',
          details: r.problems.map((p) => p.message).join(' ') || 'This row could not be read.',
          writes: 0,
        });
        return undefined;
      }
      return new SpaceTask(r.desired, ctx, !SETTLED.has(r.status));
    };
    const tasks = todo.map(rejected).filter((t): t is Task => !!t);
    const byKey = new Map(todo.map((r) => [r.rowId, r]));
    return {
      tasks: tasks[Symbol.iterator](),
      flush: (unfinished, final) => {
        if (final) {
          for (const key of unfinished) {
            const r = byKey.get(key);
            if (r)
              sheet.set(r.row, {
                [SPACES_COL.status]: STATUS.inProgress,
                [SPACES_COL.details]: 'Continuing in the next run…',
              });
          }
          const learned: Record<string, string> = {};
          for (const [g, id] of ctx.groupNames) learned[`g:${g}`] = id;
          for (const [u, id] of ctx.userIds) learned[`u:${u}`] = id;
          deps.cache.putAll(learned, CACHE_TTL_S);
        }
        sheet.flush();
        if (!dryRun) refusals.save();
      },
    };
  }

  summarize(job: JobState): string {
    const c = job.counts;
    const order = [
      'Planned',
      'Created',
      'Updated',
      'Linked existing',
      'Up to date',
      'Locked',
      'Deleted',
      'Skipped',
      'Failed',
    ];
    const parts = order.filter((k) => c[k]).map((k) => `${c[k]} ${k.toLowerCase()}`);
    return parts.length ? `${parts.join(', ')}.` : 'No rows to work on.';
  }
}

function prefixed(values: Record<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(values)) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), v);
  return out;
}

/** The welcome message with its {{Column}} placeholders filled from the row (validated when the row was read). */
export function welcomeText(space: DesiredSpace): string {
  return renderTemplate(space.welcomeMessage ?? '', space.cells, SPACES_COL.welcomeMessage).text;
}

export { SPACES_TAB };
