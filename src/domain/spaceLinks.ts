/**
 * Space references as people paste them, and space links as the add-on writes them. Accepted references: a
 * resource name (`spaces/AAAA…`), and the links Chat and Gmail show for a space, a group chat or a direct message:
 * `https://chat.google.com/room/AAAA…` (the `spaceUri` form the API returns, e.g. `…/room/AAAA?cls=11`), the
 * `/dm/` form for direct messages, the `/u/0/` account-switcher variants, and Gmail's
 * `https://mail.google.com/chat/u/0/#chat/space/AAAA` and `https://mail.google.com/mail/u/0/#chat/dm/AAAA`, with or
 * without `https://`, a query string or a thread path after the ID. A bare ID (`AAAA…`) is accepted only where the
 * column can hold nothing else (Space ID). Building a link uses the `spaceUri` form without the `cls` parameter.
 * Pure.
 */

import type { SpaceType } from './model';
import { editDistance, nameKey, quote } from './text';

/** A parsed space reference. */
export interface SpaceRef {
  /** Space resource name: `spaces/{id}`. */
  readonly name: string;
  /** What the text was: a resource name, a link, or a bare ID. */
  readonly source: 'resource-name' | 'link' | 'bare-id';
}

const ID = '[A-Za-z0-9_-]+';
const RESOURCE_NAME = new RegExp(`^spaces/(${ID})$`);
const BARE_ID = /^[A-Za-z0-9_-]{6,}$/;
const CHAT_LINK = new RegExp(
  `^(?:https?://)?chat\\.google\\.com/(?:u/\\d+/)?(?:app/)?(?:room|dm|space|chat)/(${ID})(?:[/?#].*)?$`,
  'i',
);
const GMAIL_LINK = new RegExp(
  `^(?:https?://)?mail\\.google\\.com/(?:chat|mail)(?:/u/\\d+)?/?(?:[?][^#]*)?#chat/(?:space|dm|room)/(${ID})(?:[/?].*)?$`,
  'i',
);

/** True for a well-formed space resource name (`spaces/AAAA`). */
export function isSpaceName(text: string): boolean {
  return RESOURCE_NAME.test(text);
}

/**
 * Parses a space reference. Returns undefined when the text is not one (it may then be a space name).
 * `allowBareId` accepts `AAAA…` alone (6+ letters, digits, `-` or `_`), for columns that can only hold an ID.
 */
export function parseSpaceReference(text: string, options: { allowBareId?: boolean } = {}): SpaceRef | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const rn = RESOURCE_NAME.exec(t);
  if (rn) return { name: `spaces/${rn[1]}`, source: 'resource-name' };
  const chat = CHAT_LINK.exec(t) ?? GMAIL_LINK.exec(t);
  if (chat) return { name: `spaces/${chat[1]}`, source: 'link' };
  if (options.allowBareId && BARE_ID.test(t) && /[0-9A-Z]/.test(t)) return { name: `spaces/${t}`, source: 'bare-id' };
  return undefined;
}

/**
 * True when the text is meant as a link or an ID but is not a valid one (`https://…` that is not a Chat link,
 * `spaces/` with an empty or odd ID), so the caller can say "this link is not a Chat space link" rather than
 * "no space named …".
 */
export function looksLikeBrokenSpaceReference(text: string): boolean {
  const t = text.trim();
  if (parseSpaceReference(t)) return false;
  return /^(?:https?:\/\/|www\.|chat\.google\.com|mail\.google\.com)/i.test(t) || /^spaces\//i.test(t);
}

/** The ID part of a space resource name: `spaces/AAAA` → `AAAA`. */
export function spaceIdOf(name: string): string {
  return name.startsWith('spaces/') ? name.slice('spaces/'.length) : name;
}

/**
 * The link that opens a space in Chat, in the form of the API's `spaceUri`: `https://chat.google.com/room/{id}`
 * for named spaces and group chats, `https://chat.google.com/dm/{id}` for direct messages. Prefer the API's own
 * `spaceUri` when a response carries it; this is for rows whose space is known only by name.
 */
export function spaceLink(name: string, type: SpaceType = 'SPACE'): string {
  const id = spaceIdOf(name);
  return `https://chat.google.com/${type === 'DIRECT_MESSAGE' ? 'dm' : 'room'}/${id}`;
}

/** Name keys of a list of space names, computed once per list object (tabs check thousands of rows against it). */
interface NameIndex {
  names: string[];
  keyList: string[];
  keys: Set<string>;
  suggestionsLeft: number;
}

const nameIndexes = new WeakMap<object, NameIndex>();
const MAX_SUGGESTIONS = 20;

/** The known name closest to `key` when it is a likely typo (at most 2 edits, under a third of its length). */
function closestKnown(key: string, known: NameIndex): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (let i = 0; i < known.keyList.length; i++) {
    const k = known.keyList[i];
    if (Math.abs(k.length - key.length) >= bestDistance) continue;
    const d = editDistance(key, k, bestDistance);
    if (d < bestDistance) {
      best = known.names[i];
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance * 3 < Math.max(key.length, 1) ? best : undefined;
}

function nameIndex(names: Iterable<string>): NameIndex {
  const cached = nameIndexes.get(names);
  if (cached) return cached;
  const list = Array.from(names);
  const keyList = list.map(nameKey);
  const index = { names: list, keyList, keys: new Set(keyList), suggestionsLeft: MAX_SUGGESTIONS };
  nameIndexes.set(names, index);
  return index;
}

/** What a Space cell on the Members or Messages tab names. */
export type SpaceCellTarget =
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'name'; readonly displayName: string }
  | { readonly kind: 'all' };

/** Options of `parseSpaceCell`. */
export interface SpaceCellOptions {
  /** Header for the sentences (default `Space`). */
  readonly column?: string;
  /**
   * Space names on the Spaces tab; when given, a name not among them is a problem (with a "did you mean"). Pass the
   * same array or set for every row: its name keys are computed once per object.
   */
  readonly knownNames?: Iterable<string>;
}

/**
 * Reads a Space cell of the Members or Messages tab: `*` (every space on the Spaces tab), a Space ID or link, or a
 * Space name. Returns the target, or one problem sentence. Targets `tag:` and `dm:` are the Messages tab's and are
 * handled there.
 */
export function parseSpaceCell(
  text: string,
  options: SpaceCellOptions = {},
): { target: SpaceCellTarget; problem?: undefined } | { target?: undefined; problem: string } {
  const column = options.column ?? 'Space';
  const t = text.trim();
  if (t === '') {
    return {
      problem: `${column} is empty; write a Space name from the Spaces tab, a Space ID (spaces/…) or the space's link.`,
    };
  }
  if (t === '*') return { target: { kind: 'all' } };
  const ref = parseSpaceReference(t);
  if (ref) return { target: { kind: 'id', name: ref.name } };
  if (looksLikeBrokenSpaceReference(t)) {
    return {
      problem:
        `${column} ${quote(t)} is not a Chat space ID or link; paste the link Chat shows for the space ` +
        `(https://chat.google.com/room/…), its ID (spaces/…), or its Space name.`,
    };
  }
  if (options.knownNames !== undefined) {
    const known = nameIndex(options.knownNames);
    const key = nameKey(t);
    if (!known.keys.has(key)) {
      // "Did you mean" costs an edit distance per name: offered for the first few unknown names of a tab only.
      let guess: string | undefined;
      if (known.suggestionsLeft > 0) {
        known.suggestionsLeft--;
        guess = closestKnown(key, known);
      }
      const hint = guess !== undefined ? ` Did you mean ${quote(guess)}?` : '';
      return {
        problem:
          `${column} ${quote(t)} is not a Space name on the Spaces tab; fix the name, or use the space's ID or ` +
          `link.${hint}`,
      };
    }
  }
  return { target: { kind: 'name', displayName: t } };
}
