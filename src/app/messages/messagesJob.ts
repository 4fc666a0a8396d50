/**
 * The job kinds of the Messages tab: Preview, Send (all rows, the selected rows, or the rows a schedule finds due),
 * Edit sent messages and Recall. Each execution re-reads both tabs, skips rows this job already finished, decides per
 * row what the run does (rows with problems fail with a sentence and no API call; recalled rows are not sent again;
 * rows whose Send at is still to come are marked Scheduled), and turns every other row into one engine task per
 * target, so a 300-space broadcast is paced per space and checkpointed target by target. A row's outputs (Status,
 * Details, Message ID, Sent at) are written when its last target is done, in blocks with the other rows.
 */
import { explainFailure, isAlreadyExists } from '../../domain/apiErrors';
import { checkAttachment, unreachableAttachment } from '../../domain/attachmentCheck';
import { clientMessageId, requestId } from '../../domain/ids';
import {
  messageFingerprint,
  messageIdCell,
  planTargets,
  scheduledDetails,
  SENT_STATUSES,
  sendDecision,
  type MessageTarget,
} from '../../domain/messagePlan';
import { MESSAGES_COL as C, STATUS } from '../../domain/tabs';
import type { OutputValue } from '../../domain/table';
import type { FileFetcher } from '../../ports/files';
import type { Task } from '../jobs/engine';
import type { JobDeps, JobKindHandler, JobSlice } from '../jobs/jobRunner';
import type { JobState } from '../jobs/jobStore';
import { Fingerprints } from './fingerprints';
import { MessagesSheet, type MessageSheetRow } from './messagesSheet';
import { decodeResult, encodeResult, rowOutcome, type EncodedResults, type RowOutcome } from './rowOutcome';
import { TargetTask, type AttachmentFile, type TargetContext, type TargetMode, type TargetRow } from './targetTasks';

export const PREVIEW_MESSAGES = 'preview-messages';
export const SEND_MESSAGES = 'send-messages';
export const UPDATE_MESSAGES = 'update-messages';
export const DELETE_MESSAGES = 'delete-messages';

export type MessagesJobKind =
  typeof PREVIEW_MESSAGES | typeof SEND_MESSAGES | typeof UPDATE_MESSAGES | typeof DELETE_MESSAGES;

const MODES: Record<MessagesJobKind, TargetMode> = {
  [PREVIEW_MESSAGES]: 'preview',
  [SEND_MESSAGES]: 'send',
  [UPDATE_MESSAGES]: 'update',
  [DELETE_MESSAGES]: 'delete',
};

const TITLES: Record<MessagesJobKind, string> = {
  [PREVIEW_MESSAGES]: 'Preview messages',
  [SEND_MESSAGES]: 'Send messages',
  [UPDATE_MESSAGES]: 'Edit sent messages',
  [DELETE_MESSAGES]: 'Recall messages',
};

/** Counts in the order summaries list them. */
const COUNT_ORDER = [
  'Planned',
  'Sent',
  'Partly sent',
  'Already sent',
  'Scheduled',
  'Edited',
  'Up to date',
  'Deleted',
  'Skipped',
  'Failed',
];
const MAX_JOB_ERRORS = 50;
/** Statuses of rows no run has posted yet: send posts without looking first (ALREADY_EXISTS still guards). */
const NEVER_SENT = new Set<string>(['', STATUS.planned, STATUS.scheduled]);

export interface MessagesJobOptions {
  /** Downloads Attachment links; without it rows with an attachment fail. */
  files?: FileFetcher;
  /** The function the scheduled-messages trigger runs (to tell whether scheduled sending is on). */
  scheduleHandler?: string;
}

export class MessagesJobHandler implements JobKindHandler {
  constructor(
    readonly kind: MessagesJobKind,
    private readonly options: MessagesJobOptions = {},
  ) {}

  get title(): string {
    return TITLES[this.kind];
  }

  openSlice(job: JobState, deps: JobDeps): JobSlice {
    const mode = MODES[this.kind];
    const extra = (job.extra ??= {});
    const timeZone = String(extra.sendAtTimeZone || deps.identity.timeZone());
    const runner = deps.identity.email();
    const sheet = MessagesSheet.load(deps.workbook, { timeZone, runner, random: deps.random });
    const selected = job.rowIds ? new Set(job.rowIds) : undefined;
    const done = (extra.done ??= []) as string[];
    const finished = new Set(done);
    const progress = (extra.progress ??= {}) as Record<string, EncodedResults>;
    const dm = (extra.dm ??= {}) as Record<string, string>;
    const planned = (extra.plannedCalls ??= {}) as Record<string, number>;
    const startedBy = String(extra.startedFrom ?? '').startsWith('schedule:') ? 'schedule' : 'user';
    const now = deps.clock.now();
    const fingerprints = new Fingerprints(deps.state, job.spreadsheetId);
    const context = deps.scheduler.context();
    let scheduleOn: boolean | undefined;
    const isScheduleOn = () =>
      (scheduleOn ??= deps.scheduler.list().some((t) => t.handler === this.options.scheduleHandler));
    const ctx: TargetContext = {
      mode,
      dmSpaces: new Map(Object.entries(dm)),
      explain: (failure, action) => explainFailure(failure, action),
      isAlreadyExists: (failure) => isAlreadyExists(failure),
    };
    const files = new Map<string, AttachmentFile | string>();

    const count = (key: string, row: number, message?: string) => {
      job.counts[key] = (job.counts[key] ?? 0) + 1;
      if (key === 'Failed' && message && job.errors.length < MAX_JOB_ERRORS) job.errors.push({ row, message });
    };
    const settle = (r: MessageSheetRow, outcome: RowOutcome, values: Record<string, OutputValue> = {}) => {
      done.push(r.rowId);
      delete progress[r.rowId];
      count(outcome.count, r.row, outcome.details);
      const out: Record<string, OutputValue> = { [C.details]: outcome.details, ...values };
      if (outcome.status !== undefined) out[C.status] = outcome.status;
      sheet.set(r.row, out);
    };
    /** Settles a row without any API call; no task. */
    const simple = (r: MessageSheetRow, status: string | undefined, details: string, key: string): Task[] => {
      settle(r, { status, details, count: key, spaces: [], posted: false });
      return [];
    };
    /** Counted, but the row is left exactly as it is; no task. */
    const untouched = (r: MessageSheetRow, key: string): Task[] => {
      done.push(r.rowId);
      count(key, r.row);
      return [];
    };
    /** A row this run cannot work on: sent rows keep their Status (their message is still in Chat). */
    const rejected = (r: MessageSheetRow, problem: string): Task[] =>
      mode === 'update'
        ? simple(r, undefined, `Not edited: ${problem}`, 'Failed')
        : mode === 'delete'
          ? simple(r, undefined, `Cannot recall: ${problem}`, 'Failed')
          : simple(r, STATUS.failed, problem, 'Failed');

    const attachmentOf = (url: string): AttachmentFile | string => {
      const known = files.get(url);
      if (known !== undefined) return known;
      let value: AttachmentFile | string;
      if (!this.options.files) value = 'Attachments cannot be fetched in this run; remove the Attachment or try again.';
      else {
        const fetched = this.options.files.fetch(url);
        if (!fetched.ok) value = unreachableAttachment(url, fetched.message);
        else {
          const check = checkAttachment(url, { ...fetched.file, size: fetched.file.bytes.length });
          value =
            check.problem !== undefined
              ? check.problem
              : { bytes: fetched.file.bytes, contentType: check.contentType, fileName: check.fileName };
        }
      }
      files.set(url, value);
      return value;
    };

    /** Decides what the run does with a row; returns its remaining target tasks, or nothing when it is settled. */
    const prepare = (r: MessageSheetRow): Task[] => {
      const m = r.message;
      if (mode === 'update' && !SENT_STATUSES.has(r.status)) return [];
      if (mode === 'delete') {
        if (r.status === STATUS.deleted) return simple(r, undefined, 'Already recalled; nothing to do.', 'Skipped');
        if (!SENT_STATUSES.has(r.status) && r.messageId === '')
          return simple(r, undefined, 'Not sent yet; nothing to recall.', 'Skipped');
      }
      if (!m) return rejected(r, r.problem || 'This row could not be read.');
      if (mode === 'send' || mode === 'preview') {
        const decision = sendDecision(m, r.status, now, mode === 'preview' ? 'user' : startedBy);
        if (decision.action === 'leave') return [];
        if (decision.action === 'recalled') {
          if (mode === 'preview') return untouched(r, 'Skipped');
          return simple(
            r,
            STATUS.deleted,
            'You recalled this message, so it is not sent again; copy the row to send it again (the copy gets a new Row ID).',
            'Skipped',
          );
        }
        if (decision.action === 'scheduled') {
          const details = scheduledDetails(decision.at, timeZone, context, isScheduleOn());
          return simple(r, STATUS.scheduled, details, 'Scheduled');
        }
        if (mode === 'preview' && SENT_STATUSES.has(r.status)) return untouched(r, 'Already sent');
      }
      const plan = planTargets(m, sheet.catalog, r.cells, { render: mode !== 'delete' });
      if (plan.problem !== undefined) return rejected(r, plan.problem);
      const targets = plan.targets;
      const fingerprint = mode === 'delete' ? '' : messageFingerprint(targets, m.attachmentUrl);
      if (mode === 'update' && fingerprints.get(r.rowId) === fingerprint)
        return simple(r, undefined, 'Up to date: Chat already shows this text.', 'Up to date');
      let attachment: AttachmentFile | undefined;
      if (m.attachmentUrl && (mode === 'send' || mode === 'preview')) {
        const file = attachmentOf(m.attachmentUrl);
        if (typeof file === 'string') return simple(r, STATUS.failed, file, 'Failed');
        attachment = file;
      }
      const results = (progress[r.rowId] ??= {});
      const clientId = clientMessageId({ rowId: r.rowId });
      const checkFirst = !NEVER_SENT.has(r.status) || r.messageId !== '';
      const complete = () => {
        const pairs = targets.map((t) => ({ target: t, result: decodeResult(results[t.key]) }));
        const outcome = rowOutcome(
          mode,
          { status: r.status, threadKey: m.threadKey, attachmentName: attachment?.fileName, checkFirst },
          pairs,
        );
        const values: Record<string, OutputValue> = {};
        if (mode === 'preview') {
          for (const [method, n] of Object.entries(outcome.plannedCalls ?? {}))
            planned[method] = (planned[method] ?? 0) + n;
        }
        if (mode === 'send' && outcome.spaces.length) {
          values[C.messageId] = messageIdCell(clientId, outcome.spaces);
          if (outcome.posted) {
            values[C.sentAt] = new Date(deps.clock.now());
            fingerprints.set(r.rowId, fingerprint);
          }
        }
        if (mode === 'update' && outcome.count !== 'Failed') fingerprints.set(r.rowId, fingerprint);
        if (mode === 'delete' && outcome.status === STATUS.deleted) fingerprints.delete(r.rowId);
        settle(r, outcome, values);
      };
      const remaining = targets.filter((t) => !results[t.key]);
      if (!remaining.length) {
        complete();
        return [];
      }
      let left = remaining.length;
      const row: TargetRow = {
        rowId: r.rowId,
        clientId,
        threadKey: m.threadKey,
        checkFirst,
        attachment,
        createRequestId: (space) =>
          requestId({ spreadsheetId: job.spreadsheetId, rowId: r.rowId, action: 'messages.create', target: space }),
        dmRequestId: (email) =>
          requestId({ spreadsheetId: job.spreadsheetId, rowId: r.rowId, action: 'dm.setup', target: email }),
        done: (target: MessageTarget, result) => {
          results[target.key] = encodeResult(result);
          if (target.dmEmail && 'space' in result && result.space) dm[target.dmEmail] = result.space;
          if (--left === 0) complete();
        },
      };
      return remaining.map((t) => new TargetTask(row, t, ctx));
    };

    const rows = sheet.rows.filter((r) => (!selected || selected.has(r.rowId)) && !finished.has(r.rowId));
    function* tasks(): Generator<Task> {
      for (const r of rows) yield* prepare(r);
    }
    const rowOf = new Map(rows.map((r) => [r.rowId, r]));
    return {
      tasks: tasks(),
      flush: (unfinished, final) => {
        if (final) {
          // Rows with a target in flight, and rows some of whose targets are done while others were not started.
          const partial = [...unfinished.map((k) => k.split('|')[0]), ...Object.keys(progress)];
          for (const rowId of new Set(partial)) {
            const r = rowOf.get(rowId);
            if (!r) continue;
            const doneTargets = Object.keys(progress[rowId] ?? {}).length;
            sheet.set(r.row, {
              [C.status]: STATUS.inProgress,
              [C.details]: `Continuing in the next run… (${doneTargets} target${doneTargets === 1 ? '' : 's'} done so far)`,
            });
          }
        }
        sheet.flush();
      },
    };
  }

  summarize(job: JobState): string {
    const c = job.counts;
    const parts = COUNT_ORDER.filter((k) => c[k]).map((k) => `${c[k]} ${k.toLowerCase()}`);
    return parts.length ? `${parts.join(', ')}.` : 'No rows to work on.';
  }

  /** The Log row's counts: messages posted count as created, edited and recalled as updated. */
  logCounts(job: JobState): Record<string, number> {
    const n = (k: string) => job.counts[k] ?? 0;
    return {
      Created: n('Sent') + n('Partly sent'),
      Updated: n('Edited') + n('Deleted'),
      'Up to date': n('Already sent') + n('Up to date'),
      Failed: n('Failed'),
      Skipped: n('Skipped') + n('Scheduled'),
    };
  }
}
