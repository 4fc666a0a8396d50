/**
 * The "Delete spaces" and "Lock spaces" job kinds: the selected Spaces rows (their Row IDs fixed when the job
 * starts), each retired by a task (retireTasks.ts); Status (`Deleted`, `Locked`, `Failed`, `Skipped`), Details and
 * Last run written back in blocks, and, for a renamed space, the row's Space name set to the new name so a later
 * Apply does not rename it back. Rows finished in an earlier execution are not redone.
 */
import { requestId, clientMessageId } from '../../domain/ids';
import { parseSpaceReference } from '../../domain/spaceLinks';
import { readTable } from '../../domain/table';
import { SPACES_COL, SPACES_TAB, STATUS } from '../../domain/tabs';
import { toCellValue } from '../../domain/cells';
import type { CellValue } from '../../ports/workbook';
import type { Task } from '../jobs/engine';
import type { JobDeps, JobKindHandler, JobSlice } from '../jobs/jobRunner';
import type { JobState } from '../jobs/jobStore';
import { SpacesSheet } from '../spaces/spacesSheet';
import { DeleteTask, LockTask, type RetireOutcome, type RetireTarget } from './retireTasks';

export const DELETE_SPACES = 'delete-spaces';
export const LOCK_SPACES = 'lock-spaces';
const MAX_JOB_ERRORS = 50;

export class RetireJobHandler implements JobKindHandler {
  constructor(readonly kind: typeof DELETE_SPACES | typeof LOCK_SPACES) {}

  get title(): string {
    return this.kind === DELETE_SPACES ? 'Delete spaces' : 'Lock spaces';
  }

  openSlice(job: JobState, deps: JobDeps): JobSlice {
    const runner = deps.identity.email();
    const sheet = SpacesSheet.load(deps.workbook, { timeZone: deps.identity.timeZone(), runner, random: deps.random });
    const extra = (job.extra ??= {});
    const done = new Set((extra.done ??= []) as string[]);
    const removeMembers = extra.removeMembers === true;
    /** Spaces the confirmation's reads found missing (404): nothing left to delete. */
    const missing = new Set((extra.missing ?? []) as string[]);
    const selected = new Set(job.rowIds ?? []);
    const now = () => new Date(deps.clock.now());
    const renamed = new Map<number, string>();

    const record = (t: RetireTarget, o: RetireOutcome) => {
      (extra.done as string[]).push(t.rowId);
      job.counts[o.status] = (job.counts[o.status] ?? 0) + 1;
      if (o.status === STATUS.failed && job.errors.length < MAX_JOB_ERRORS)
        job.errors.push({ row: t.row, message: o.details });
      sheet.set(t.row, { [SPACES_COL.status]: o.status, [SPACES_COL.details]: o.details, [SPACES_COL.lastRun]: now() });
      if (o.newName) renamed.set(t.row, o.newName);
    };

    // The Space ID and name as written (a row with other problems can still be retired).
    const ids = new Map<number, { space?: string; displayName: string }>();
    const table = readTable(SPACES_TAB, deps.workbook.readTab(SPACES_TAB.name) ?? [], {
      timeZone: deps.identity.timeZone(),
    });
    for (const r of table.rows) {
      const ref =
        parseSpaceReference(r.cells[SPACES_COL.spaceId] ?? '', { allowBareId: true }) ??
        parseSpaceReference(r.cells[SPACES_COL.spaceLink] ?? '');
      ids.set(r.row, { space: ref?.name, displayName: r.cells[SPACES_COL.spaceName] ?? '' });
    }

    const tasks: Task[] = [];
    for (const r of sheet.rows) {
      if (!selected.has(r.rowId) || done.has(r.rowId)) continue;
      const space = ids.get(r.row)?.space;
      if (!space) {
        (extra.done as string[]).push(r.rowId);
        job.counts[STATUS.skipped] = (job.counts[STATUS.skipped] ?? 0) + 1;
        sheet.set(r.row, {
          [SPACES_COL.status]: STATUS.skipped,
          [SPACES_COL.details]:
            'No Space ID on this row, so there is no space to retire. Apply the row first, or paste the Space ID.',
          [SPACES_COL.lastRun]: now(),
        });
        continue;
      }
      const target: RetireTarget = {
        rowId: r.rowId,
        row: r.row,
        space,
        displayName: ids.get(r.row)?.displayName ?? '',
      };
      tasks.push(
        this.kind === DELETE_SPACES
          ? new DeleteTask(target, record, missing.has(space))
          : new LockTask(
              target,
              {
                runner,
                removeMembers,
                noticeId: (rowId) => clientMessageId({ rowId, purpose: 'archived' }),
                noticeRequestId: (rowId) =>
                  requestId({ spreadsheetId: job.spreadsheetId, rowId, action: 'lock-notice' }),
              },
              record,
            ),
      );
    }
    const rowOf = new Map(sheet.rows.map((r) => [r.rowId, r.row]));
    return {
      tasks: tasks[Symbol.iterator](),
      flush: (unfinished, final) => {
        if (final)
          for (const key of unfinished) {
            const row = rowOf.get(key);
            if (row)
              sheet.set(row, {
                [SPACES_COL.status]: STATUS.inProgress,
                [SPACES_COL.details]: 'Continuing in the next run…',
              });
          }
        sheet.flush();
        if (renamed.size) {
          writeNames(deps, renamed);
          renamed.clear();
        }
      },
    };
  }

  summarize(job: JobState): string {
    const c = job.counts;
    const order = [STATUS.deleted, STATUS.locked, STATUS.skipped, STATUS.failed];
    const parts = order.filter((k) => c[k]).map((k) => `${c[k]} ${k.toLowerCase()}`);
    return parts.length ? `${parts.join(', ')}.` : 'No rows to work on.';
  }
}

/** Sets the Space name of renamed rows: one block from the first to the last, other rows rewritten unchanged. */
function writeNames(deps: JobDeps, renamed: Map<number, string>): void {
  const values = deps.workbook.readTab(SPACES_TAB.name);
  if (!values) return;
  const table = readTable(SPACES_TAB, values, { timeZone: deps.identity.timeZone() });
  const col = table.columns.find((c) => c.spec?.header === SPACES_COL.spaceName);
  if (!col) return;
  const rows = [...renamed.keys()].sort((a, b) => a - b);
  const block: CellValue[][] = [];
  for (let r = rows[0]; r <= rows[rows.length - 1]; r++) {
    const current = values[r - 1]?.[col.index];
    block.push([renamed.has(r) ? toCellValue(renamed.get(r)) : toCellValue(current ?? '')]);
  }
  deps.workbook.writeBlocks(SPACES_TAB.name, [{ row: rows[0], column: col.index + 1, values: block }]);
}
