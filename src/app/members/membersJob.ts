/**
 * The "Apply member changes" and "Preview member changes" job kinds of the Members tab (the sidebar's "Sync
 * members" and its schedule run the apply kind). Each execution reads the Members and Spaces tabs once, rejects
 * invalid rows with a sentence and no API call, turns every row into the spaces it names (`*` = every applied space
 * of the Spaces tab), adds every space whose Spaces row has Member sync Exact, and runs first one ResolveTask per
 * email whose Chat ID is unknown, then one SpaceMembersTask per space. Spaces finish in any order; a row is written
 * once all its spaces are done (its partial results are kept in the job between executions). Exact-mode results go
 * to the Spaces row of the space (Status, Details naming every removal), and the preview summary lists them too.
 */
import { explainFailure, isAlreadyExists } from '../../domain/apiErrors';
import type { MemberRole, MemberSyncMode } from '../../domain/model';
import { MEMBERS_COL, MEMBERS_TAB, SPACES_COL, STATUS } from '../../domain/tabs';
import type { Task } from '../jobs/engine';
import type { JobDeps, JobKindHandler, JobSlice } from '../jobs/jobRunner';
import type { JobState } from '../jobs/jobStore';
import { loadSettings } from '../sidebar/settings';
import { Identities, ResolveTask, rotate } from './identities';
import { MembersSheet } from './membersSheet';
import { addResult, newFold, rowOutput, type RowFold, type SpaceResult, type SpaceResultKind } from './rowOutcome';
import { SpaceMembersTask, type SpaceOutcome, type SpaceWork } from './spaceMembersTask';

export const APPLY_MEMBERS = 'apply-members';
export const PREVIEW_MEMBERS = 'preview-members';

const MAX_JOB_ERRORS = 50;

/** What the job keeps between executions (in JobState.extra). */
interface MembersJobExtra {
  /** Spaces finished by this job. */
  doneSpaces: string[];
  /** Members rows written by this job. */
  doneRows: string[];
  /** Partial results of rows whose spaces are not all done. */
  folds: Record<string, RowFold>;
  /** Exact-mode removals by space label (made, or planned in a preview). */
  removals: Record<string, string[]>;
  /** Planned API calls (preview), by method id. */
  plannedCalls: Record<string, number>;
  /** Progress of spaces an execution stopped in the middle of, by space. */
  partial: Record<string, PartialSpace>;
  memberSyncDefault?: MemberSyncMode;
}

/**
 * What an execution did in a space before it stopped, compactly (a 500-row offboarding cut off in 40 spaces must fit
 * in user properties): row IDs by result kind, sentences only for rows that name one space.
 */
interface PartialSpace {
  k: Partial<Record<SpaceResultKind, string[]>>;
  s: Record<string, string>;
  removals: string[];
}

function packPartial(p: { rows: Record<string, SpaceResult>; removals: string[] }, single: (rowId: string) => boolean) {
  const out: PartialSpace = { k: {}, s: {}, removals: p.removals };
  for (const [rowId, r] of Object.entries(p.rows)) {
    (out.k[r.kind] ??= []).push(rowId);
    if (single(rowId)) out.s[rowId] = r.sentence;
  }
  return out;
}

function unpackPartial(p: PartialSpace | undefined): SpaceWork['carried'] {
  if (!p) return undefined;
  const rows: Record<string, SpaceResult> = {};
  for (const [kind, ids] of Object.entries(p.k) as [SpaceResultKind, string[]][])
    for (const id of ids) rows[id] = { kind, sentence: p.s[id] ?? '' };
  return { rows, removals: p.removals };
}

function extraOf(job: JobState): MembersJobExtra {
  const e = (job.extra ??= {}) as Partial<MembersJobExtra>;
  e.doneSpaces ??= [];
  e.doneRows ??= [];
  e.folds ??= {};
  e.removals ??= {};
  e.plannedCalls ??= {};
  e.partial ??= {};
  return e as MembersJobExtra;
}

export class MembersJobHandler implements JobKindHandler {
  constructor(readonly kind: typeof APPLY_MEMBERS | typeof PREVIEW_MEMBERS) {}

  get title(): string {
    return this.kind === PREVIEW_MEMBERS ? 'Preview member changes' : 'Apply member changes';
  }

  /** Scopes: spreadsheets.currentonly, chat.memberships (chat.memberships.readonly for a preview), cloud-identity.groups.readonly. */
  openSlice(job: JobState, deps: JobDeps): JobSlice {
    const dryRun = this.kind === PREVIEW_MEMBERS;
    const extra = extraOf(job);
    const runner = deps.identity.email().toLowerCase();
    const sheet = MembersSheet.load(deps.workbook, {
      timeZone: deps.identity.timeZone(),
      runner,
      random: deps.random,
      memberSyncDefault: extra.memberSyncDefault ?? loadSettings(deps.state).memberSyncDefault,
    });
    const now = () => new Date(deps.clock.now());
    const doneSpaces = new Set(extra.doneSpaces);
    const doneRows = new Set(extra.doneRows);
    const rowNumber = new Map(sheet.rows.map((r) => [r.rowId, r.row]));

    const writeRow = (rowId: string, status: string, details: string) => {
      const row = rowNumber.get(rowId);
      if (row === undefined) return;
      extra.doneRows.push(rowId);
      doneRows.add(rowId);
      delete extra.folds[rowId];
      job.counts[status] = (job.counts[status] ?? 0) + 1;
      if (status === STATUS.failed && job.errors.length < MAX_JOB_ERRORS) job.errors.push({ row, message: details });
      sheet.setMember(row, {
        [MEMBERS_COL.status]: status,
        [MEMBERS_COL.details]: details,
        [MEMBERS_COL.lastRun]: now(),
      });
    };

    // Rows into spaces.
    const work = new Map<string, SpaceWork>();
    const workOf = (space: string): SpaceWork => {
      let w = work.get(space);
      if (!w) {
        const listed = sheet.catalog.bySpace(space);
        w = { space, label: listed?.displayName || space, rows: [] };
        work.set(space, w);
      }
      return w;
    };
    for (const r of sheet.rows) {
      if (doneRows.has(r.rowId)) continue;
      const m = r.membership;
      if (!m || r.problems.length) {
        writeRow(r.rowId, STATUS.failed, r.problems.map((p) => p.message).join(' ') || 'This row could not be read.');
        continue;
      }
      const resolved = sheet.catalog.resolve(m.space, MEMBERS_COL.space);
      if (!resolved.spaces) {
        writeRow(r.rowId, STATUS.failed, resolved.problem);
        continue;
      }
      // `*` offboarding skips direct messages: Chat cannot remove anyone from one.
      const spaces = resolved.spaces
        .filter((s) => !(m.space.kind === 'all' && s.type === 'DIRECT_MESSAGE'))
        .map((s) => s.spaceName as string)
        .filter((s) => !!s);
      if (!spaces.length) {
        writeRow(
          r.rowId,
          STATUS.failed,
          'Space is *, but every applied row of the Spaces tab is a direct message, from which Chat removes no one.',
        );
        continue;
      }
      const fold = (extra.folds[r.rowId] ??= newFold(spaces.length));
      for (const space of spaces) {
        if (doneSpaces.has(space)) continue;
        workOf(space).rows.push({
          rowId: r.rowId,
          email: m.member,
          action: m.action,
          role: m.action === 'add' && r.roleGiven ? m.role : undefined,
        });
      }
      if (fold.left <= 0) {
        const out = rowOutput(fold);
        writeRow(r.rowId, out.status, out.details);
      }
    }
    for (const [space, x] of sheet.exact) {
      if (doneSpaces.has(space)) continue;
      const w = workOf(space);
      w.label = x.displayName || space;
      const d = x.desired;
      w.exact = {
        people: (d?.people ?? []).map((email) => ({ email, role: exactRole(d?.owners, d?.managers, email) })),
        groups: d?.groups ?? [],
        blocked: d ? undefined : `fix the Spaces row first: ${x.problems.map((p) => p.message).join(' ')}`,
      };
    }

    // Who is who: cached IDs first, then one ResolveTask per unknown email.
    const emails = new Set<string>([runner]);
    const personSpaces = new Map<string, string[]>();
    const maybeGroup = new Set<string>();
    const groupEmails = new Set<string>();
    const want = (email: string, space: string) => {
      emails.add(email);
      const list = personSpaces.get(email) ?? [];
      list.push(space);
      personSpaces.set(email, list);
    };
    for (const w of work.values()) {
      for (const r of w.rows) {
        want(r.email, w.space);
        maybeGroup.add(r.email);
      }
      for (const p of w.exact?.people ?? []) want(p.email, w.space);
      for (const g of w.exact?.groups ?? []) {
        emails.add(g);
        groupEmails.add(g);
      }
    }
    const exactSpaces = [...work.values()].filter((w) => w.exact).map((w) => w.space);
    if (exactSpaces.length) personSpaces.set(runner, [...(personSpaces.get(runner) ?? []), ...exactSpaces]);
    const ids = Identities.load(deps.cache, emails);
    const resolvers: Task[] = [];
    for (const [email, spaces] of personSpaces) {
      if (ids.userIds.has(email) || ids.groupNames.has(email)) continue;
      const distinct = [...new Set(spaces)];
      resolvers.push(new ResolveTask(ids, email, rotate(distinct, email), maybeGroup.has(email) && email !== runner));
    }
    for (const g of groupEmails) {
      if (!ids.groupNames.has(g) && !personSpaces.has(g)) resolvers.push(new ResolveTask(ids, g, [], true));
    }

    for (const w of work.values()) w.carried = unpackPartial(extra.partial[w.space]);
    const record = (o: SpaceOutcome) => {
      extra.doneSpaces.push(o.space);
      delete extra.partial[o.space];
      doneSpaces.add(o.space);
      const w = work.get(o.space) as SpaceWork;
      if (dryRun) {
        extra.plannedCalls['chat.spaces.members.list'] = (extra.plannedCalls['chat.spaces.members.list'] ?? 0) + 1;
        for (const [m, n] of Object.entries(o.calls)) extra.plannedCalls[m] = (extra.plannedCalls[m] ?? 0) + n;
      }
      for (const [rowId, result] of o.rows) {
        const fold = extra.folds[rowId];
        if (!fold) continue;
        addResult(fold, result);
        if (fold.left <= 0) {
          const out = rowOutput(fold);
          writeRow(rowId, out.status, out.details);
        }
      }
      const x = sheet.exact.get(o.space);
      if (x && o.exact) {
        if (o.exact.removals.length) extra.removals[w.label] = o.exact.removals;
        sheet.setSpace(x.row, {
          [SPACES_COL.status]: o.exact.failed
            ? STATUS.failed
            : dryRun
              ? o.exact.removals.length || o.exact.details.includes('will ')
                ? STATUS.planned
                : STATUS.upToDate
              : o.exact.changed
                ? STATUS.updated
                : STATUS.upToDate,
          [SPACES_COL.details]: o.exact.details,
          [SPACES_COL.lastRun]: now(),
        });
      }
    };

    const ctx = {
      runner,
      dryRun,
      ids,
      explain: (failure: Parameters<typeof explainFailure>[0], action: string) => explainFailure(failure, action),
      isAlreadyExists: (failure: unknown) => isAlreadyExists(failure),
      record,
    };
    const spaceTasks = [...work.values()].map((w) => new SpaceMembersTask(w, ctx));
    const taskOf = new Map(spaceTasks.map((t) => [t.key, t]));
    const tasks: Task[] = [...resolvers, ...spaceTasks];
    return {
      tasks: tasks[Symbol.iterator](),
      flush: (unfinished, final) => {
        if (final) {
          for (const key of unfinished) {
            const task = taskOf.get(key);
            if (task && !dryRun)
              extra.partial[key.slice(6)] = packPartial(task.progress(), (id) => extra.folds[id]?.total === 1);
          }
          const pending = new Set(unfinished.filter((k) => k.startsWith('space:')).map((k) => k.slice(6)));
          for (const w of work.values()) if (!doneSpaces.has(w.space)) pending.add(w.space);
          for (const space of pending) {
            for (const r of work.get(space)?.rows ?? []) {
              const row = rowNumber.get(r.rowId);
              if (row !== undefined && !doneRows.has(r.rowId))
                sheet.setMember(row, {
                  [MEMBERS_COL.status]: STATUS.inProgress,
                  [MEMBERS_COL.details]: 'Continuing in the next run…',
                });
            }
          }
        }
        ids.save(deps.cache);
        sheet.flush();
      },
    };
  }

  summarize(job: JobState): string {
    const c = job.counts;
    const order = ['Planned', 'Added', 'Invited', 'Updated', 'Removed', 'Up to date', 'Skipped', 'Failed'];
    const parts = order.filter((k) => c[k]).map((k) => `${c[k]} ${k.toLowerCase()}`);
    const removals = Object.values(extraOf(job).removals);
    const n = removals.reduce((a, r) => a + r.length, 0);
    if (n)
      parts.push(
        `Member sync Exact ${job.kind === PREVIEW_MEMBERS ? 'would remove' : 'removed'} ${n} member${n === 1 ? '' : 's'} from ${removals.length} space${removals.length === 1 ? '' : 's'} (see the Spaces rows' Details)`,
      );
    return parts.length ? `${parts.join(', ')}.` : 'No rows to work on.';
  }
}

function exactRole(
  owners: readonly string[] | undefined,
  managers: readonly string[] | undefined,
  email: string,
): MemberRole | undefined {
  if (owners?.includes(email)) return 'ROLE_MANAGER';
  if (managers?.includes(email)) return 'ROLE_ASSISTANT_MANAGER';
  return undefined;
}

export { MEMBERS_TAB };
