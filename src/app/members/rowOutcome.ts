/**
 * What a Members row says when it is done: the results of the row in each space it names (one for a named space,
 * every space on the Spaces tab for `*`), folded into the Status and the one Details sentence the user reads — for
 * one space "Invited to Design as Manager (they must accept)", for many "Removed from 37 spaces; not a member of
 * 463". The fold is kept in the job between executions (it is small: counts and a few sentences), so a row whose
 * spaces are done across several executions still gets one sentence.
 */
import { STATUS } from '../../domain/tabs';

/** The result of one row in one space. */
export type SpaceResultKind =
  | 'added'
  | 'invited'
  | 'role'
  | 'upToDate'
  | 'removed'
  | 'notMember'
  | 'refused'
  | 'failed'
  | 'planned'
  | 'plannedNone';

export interface SpaceResult {
  kind: SpaceResultKind;
  /** The sentence for this space (used as is when the row names one space; kept for failures and refusals). */
  sentence: string;
  /** For planned results: whether the plan removes. */
  removes?: boolean;
}

/** The fold of a row's results, as kept in the job. */
export interface RowFold {
  /** Spaces still to do. */
  left: number;
  /** Spaces the row names. */
  total: number;
  counts: Partial<Record<SpaceResultKind, number>>;
  /** Planned removals (preview of a `*` row). */
  plannedRemovals?: number;
  /** Sentences of failures and refusals, and the single result when the row names one space (capped). */
  sentences: string[];
  /** The status of the single result when the row names one space. */
  single?: string;
}

const MAX_SENTENCES = 5;

export function newFold(total: number): RowFold {
  return { left: total, total, counts: {}, sentences: [] };
}

const SINGLE_STATUS: Record<SpaceResultKind, string> = {
  added: STATUS.added,
  invited: STATUS.invited,
  role: STATUS.updated,
  upToDate: STATUS.upToDate,
  removed: STATUS.removed,
  notMember: STATUS.upToDate,
  refused: STATUS.skipped,
  failed: STATUS.failed,
  planned: STATUS.planned,
  plannedNone: STATUS.upToDate,
};

/** Adds one space's result to the fold. */
export function addResult(fold: RowFold, r: SpaceResult): void {
  fold.left--;
  fold.counts[r.kind] = (fold.counts[r.kind] ?? 0) + 1;
  if (r.kind === 'planned' && r.removes) fold.plannedRemovals = (fold.plannedRemovals ?? 0) + 1;
  if (fold.total === 1) {
    fold.single = SINGLE_STATUS[r.kind];
    fold.sentences = [r.sentence];
  } else if ((r.kind === 'failed' || r.kind === 'refused') && fold.sentences.length < MAX_SENTENCES) {
    fold.sentences.push(r.sentence);
  }
}

function spaces(n: number): string {
  return `${n.toLocaleString('en-US')} space${n === 1 ? '' : 's'}`;
}

/** Status and Details of a finished row. */
export function rowOutput(fold: RowFold): { status: string; details: string } {
  if (fold.total === 1 && fold.single) return { status: fold.single, details: fold.sentences[0] ?? '' };
  const c = (k: SpaceResultKind) => fold.counts[k] ?? 0;
  const parts: string[] = [];
  if (c('planned')) {
    const removals = fold.plannedRemovals ?? 0;
    if (removals) parts.push(`Will be removed from ${spaces(removals)}`);
    if (c('planned') - removals) parts.push(`will change in ${spaces(c('planned') - removals)}`);
  }
  if (c('removed')) parts.push(`Removed from ${spaces(c('removed'))}`);
  if (c('added') + c('invited')) parts.push(`added to ${spaces(c('added') + c('invited'))}`);
  if (c('role')) parts.push(`role changed in ${spaces(c('role'))}`);
  if (c('notMember')) parts.push(`not a member of ${spaces(c('notMember'))}`);
  if (c('upToDate') + c('plannedNone')) parts.push(`already as asked in ${spaces(c('upToDate') + c('plannedNone'))}`);
  if (c('refused')) parts.push(`left in ${spaces(c('refused'))}`);
  if (c('failed')) parts.push(`failed in ${spaces(c('failed'))}`);
  let details = parts.join('; ');
  details = details.charAt(0).toUpperCase() + details.slice(1);
  if (fold.sentences.length) {
    const more = c('failed') + c('refused') - fold.sentences.length;
    details += `. ${fold.sentences.join(' ')}${more > 0 ? ` (and ${more} more)` : ''}`;
  } else if (details) details += '.';
  const status = c('failed')
    ? STATUS.failed
    : c('planned')
      ? STATUS.planned
      : c('removed')
        ? STATUS.removed
        : c('added')
          ? STATUS.added
          : c('invited')
            ? STATUS.invited
            : c('role')
              ? STATUS.updated
              : c('refused')
                ? STATUS.skipped
                : STATUS.upToDate;
  return { status, details };
}
