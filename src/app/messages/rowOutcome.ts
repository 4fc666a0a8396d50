/**
 * A Messages row's result, assembled from its targets' results: what the Status, Details and Message ID cells say
 * after a send, a preview, an edit or a recall, and under which count the run's summary and Log row file it. A
 * broadcast's targets may finish in different executions; their results are kept in the job's checkpoint in a compact
 * form (`encodeResult`) until the row's last target is done.
 */
import { describePlannedSend, type MessageTarget } from '../../domain/messagePlan';
import { STATUS } from '../../domain/tabs';
import { plural } from '../../domain/text';
import type { TargetMode, TargetResult } from './targetTasks';

/** Target results of a row so far, by target key, in the checkpoint's compact form. */
export type EncodedResults = Record<string, [string, string?]>;

const CODES: Record<string, string> = {
  sent: 's',
  already: 'a',
  edited: 'e',
  unchanged: 'u',
  deleted: 'd',
  missing: 'm',
  planned: 'p',
  plannedDm: 'P',
  failed: 'f',
};
const KINDS = Object.fromEntries(Object.entries(CODES).map(([k, v]) => [v, k]));

export function encodeResult(result: TargetResult): [string, string?] {
  if (result.kind === 'failed') return ['f', result.message];
  if (result.kind === 'planned') return [result.setUpDm ? 'P' : 'p', result.space];
  return [CODES[result.kind], result.space];
}

export function decodeResult(code: [string, string?]): TargetResult {
  const kind = KINDS[code[0]] ?? 'failed';
  if (kind === 'failed') return { kind: 'failed', message: code[1] ?? '' };
  if (kind === 'planned' || kind === 'plannedDm')
    return { kind: 'planned', space: code[1], setUpDm: kind === 'plannedDm' };
  return { kind: kind as 'sent', space: code[1] ?? '' };
}

/** What a finished row writes and counts. */
export interface RowOutcome {
  /** Status to write; undefined keeps the cell as it is. */
  status?: string;
  details: string;
  /** The count the run files the row under (summary and Log). */
  count: string;
  /** Spaces that hold the row's message afterwards (sent, already there, edited, unchanged). */
  spaces: string[];
  /** True when something was posted in this run. */
  posted: boolean;
  /** Planned API calls by method (preview). */
  plannedCalls?: Record<string, number>;
}

/** Row facts the sentences need. */
export interface OutcomeRow {
  status: string;
  threadKey?: string;
  attachmentName?: string;
  checkFirst: boolean;
}

const MAX_LISTED = 3;

function where(targets: readonly MessageTarget[]): string {
  return targets.length === 1 ? targets[0].label : plural(targets.length, 'space');
}

function failures(pairs: { target: MessageTarget; result: TargetResult }[]): string {
  const failed = pairs.filter((p) => p.result.kind === 'failed');
  const listed = failed
    .slice(0, MAX_LISTED)
    .map((p) => `${p.target.label}: ${(p.result as { message: string }).message.replace(/\.$/, '')}`);
  const more = failed.length > MAX_LISTED ? `; and ${failed.length - MAX_LISTED} more` : '';
  return listed.join('; ') + more;
}

/** The row's outcome once every target has a result. */
export function rowOutcome(
  mode: TargetMode,
  row: OutcomeRow,
  pairs: { target: MessageTarget; result: TargetResult }[],
): RowOutcome {
  const targets = pairs.map((p) => p.target);
  const n = (kind: TargetResult['kind']) => pairs.filter((p) => p.result.kind === kind).length;
  const spacesOf = (...kinds: TargetResult['kind'][]) =>
    pairs.filter((p) => kinds.includes(p.result.kind)).map((p) => (p.result as { space: string }).space);
  const failed = n('failed');
  const total = pairs.length;
  switch (mode) {
    case 'preview': {
      if (failed)
        return { status: STATUS.failed, details: failures(pairs), count: 'Failed', spaces: [], posted: false };
      const calls: Record<string, number> = {};
      const add = (m: string, k = 1) => (calls[m] = (calls[m] ?? 0) + k);
      const notes: string[] = [];
      for (const p of pairs) {
        const r = p.result as { setUpDm?: boolean };
        if (p.target.dmEmail) {
          add('chat.spaces.findDirectMessage');
          if (r.setUpDm) {
            add('chat.spaces.setup');
            notes.push(`a direct message with ${p.target.dmEmail} will be started`);
          }
        }
        if (row.checkFirst || row.attachmentName) add('chat.spaces.messages.get');
        if (row.attachmentName) add('chat.media.upload');
        add('chat.spaces.messages.create');
      }
      if (row.threadKey !== undefined) notes.push(`in thread "${row.threadKey}"`);
      if (row.attachmentName) notes.push(`with ${row.attachmentName} attached`);
      return {
        status: STATUS.planned,
        details: describePlannedSend(targets, notes),
        count: 'Planned',
        spaces: [],
        posted: false,
        plannedCalls: calls,
      };
    }
    case 'send': {
      const sent = n('sent');
      const already = n('already');
      const spaces = spacesOf('sent', 'already');
      if (failed === total)
        return {
          status: STATUS.failed,
          details: `Not sent. ${failures(pairs)}.`,
          count: 'Failed',
          spaces,
          posted: false,
        };
      if (failed)
        return {
          status: STATUS.partlySent,
          details: `Sent to ${sent + already} of ${plural(total, 'space')}; not sent to ${failures(pairs)}. Run Send messages again once fixed: the others are not posted twice.`,
          count: 'Partly sent',
          spaces,
          posted: sent > 0,
        };
      if (sent === 0)
        return {
          status: row.status === STATUS.edited ? STATUS.edited : STATUS.sent,
          details: `Already sent to ${where(targets)}; nothing was posted again.`,
          count: 'Already sent',
          spaces,
          posted: false,
        };
      const extras: string[] = [];
      if (already) extras.push(`${plural(already, 'space')} already had it`);
      if (row.threadKey !== undefined) extras.push(`in thread "${row.threadKey}"`);
      if (row.attachmentName) extras.push(`with ${row.attachmentName} attached`);
      return {
        status: STATUS.sent,
        details: `Sent to ${where(targets)}${extras.length ? ` (${extras.join(', ')})` : ''}.`,
        count: 'Sent',
        spaces,
        posted: true,
      };
    }
    case 'update': {
      const edited = n('edited');
      const missing = n('missing');
      const parts: string[] = [];
      if (edited)
        parts.push(`Edited in ${edited === total ? where(targets) : `${edited} of ${plural(total, 'space')}`}`);
      else if (!failed) parts.push('Up to date: Chat already shows this text');
      if (n('unchanged') && edited) parts.push(`${n('unchanged')} already matched`);
      if (missing) parts.push(`not found in ${plural(missing, 'space')} (never sent there, or deleted)`);
      if (failed) parts.push(`not edited in ${failures(pairs)}`);
      return {
        status: edited ? STATUS.edited : undefined,
        details: parts.join('; ') + '.',
        count: failed ? 'Failed' : edited ? 'Edited' : 'Up to date',
        spaces: spacesOf('edited', 'unchanged'),
        posted: false,
      };
    }
    case 'delete': {
      const deleted = n('deleted');
      const missing = n('missing');
      if (failed)
        return {
          details: `Recalled from ${deleted} of ${plural(total, 'space')}; still there: ${failures(pairs)}.`,
          count: 'Failed',
          spaces: [],
          posted: false,
        };
      const details =
        deleted === 0
          ? `Nothing to recall: the message is in none of the ${plural(total, 'space')} (never sent, or already deleted).`
          : `Recalled: deleted from ${where(targets)}${missing ? ` (${missing} had no copy)` : ''}.`;
      return { status: STATUS.deleted, details, count: 'Deleted', spaces: [], posted: false };
    }
  }
}
