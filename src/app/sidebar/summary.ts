/**
 * Short notifications for actions on many people at once: names listed up to a few and then counted ("ana, li, bo
 * and 17 others"), and failures with the same cause told once for everyone they hit ("Chat could not add x, y and
 * z: …") instead of one sentence per address. A card notification is a single line; twenty copies of the same
 * sentence would hide the one that matters.
 */
import type { ChatFailure } from '../../ports/chat';
import { humanList } from '../../domain/text';

/** Names shown before the rest are counted. */
export const NAMES_SHOWN = 5;

/** `a, b and c`, or `a, b, c, d, e and 15 others`. */
export function names(list: readonly string[]): string {
  if (list.length <= NAMES_SHOWN) return humanList(list, 'and');
  const rest = list.length - NAMES_SHOWN;
  return `${list.slice(0, NAMES_SHOWN).join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
}

interface FailureGroup {
  failure: ChatFailure;
  who: string[];
  action: (who: string) => string;
}

/** Collects failures by step and cause, then tells each cause once. */
export class FailureSummary {
  private readonly groups = new Map<string, FailureGroup>();
  private readonly sentences: string[] = [];

  /**
   * Records that `step` failed for `who`. Failures of the same step with the same status and message (addresses
   * removed) share a sentence; `action` turns the list of names into the verb phrase (`add ana and li`).
   */
  add(step: string, failure: ChatFailure, who: string, action: (who: string) => string): void {
    const cause = failure.message.replace(/[^\s@]+@[^\s@]+/g, '<email>');
    const key = `${step}|${failure.httpStatus}|${failure.status ?? ''}|${cause}`;
    const group = this.groups.get(key);
    if (group) group.who.push(who);
    else this.groups.set(key, { failure, who: [who], action });
  }

  /** A sentence of its own (e.g. a group that was not found). */
  note(sentence: string): void {
    this.sentences.push(sentence);
  }

  get empty(): boolean {
    return this.groups.size === 0 && this.sentences.length === 0;
  }

  /** One sentence per cause, in the order the causes were first met. */
  sentencesWith(explain: (failure: ChatFailure, action: string) => string): string[] {
    return [...this.sentences, ...[...this.groups.values()].map((g) => explain(g.failure, g.action(names(g.who))))];
  }
}
