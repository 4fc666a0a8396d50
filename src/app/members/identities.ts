/**
 * Who an email is, as far as Chat is concerned, shared by every task of a Members run: a person's canonical
 * `users/{id}` (Chat lists members only by ID with user auth), a Google Group's `groups/{id}`, or "not a group".
 * Known answers come from the user cache, under the same keys the Spaces job uses (`u:` + email, `g:` + email), so
 * the two jobs teach each other; new answers are written back. A ResolveTask finds an unknown person's ID with as
 * few reads as possible: it asks the spaces the person may be in, one at a time (`spaces/S/members/{email}`), and
 * stops at the first that knows them; every answer also tells whether they are a member of that space. Only an
 * address no space knows, and that may be a group, is looked up in Cloud Identity (groups.lookup).
 */
import type { Cache } from '../../ports/runtime';
import type { ChatFailure, ChatResult } from '../../ports/chat';
import type { Operation, Task } from '../jobs/engine';
import type { ChatMembership } from '../../domain/chatResources';

/** How long learned IDs are cached (CacheService's maximum). */
export const IDENTITY_CACHE_TTL_S = 6 * 3600;

export type { ChatMembership };

export class Identities {
  /** `users/{id}` by email. */
  readonly userIds = new Map<string, string>();
  /** `groups/{id}` by email. */
  readonly groupNames = new Map<string, string>();
  /** Emails Cloud Identity says are not groups (people, or unknown addresses). */
  readonly notGroups = new Set<string>();
  /** Answers of `spaces/S/members/{email}`: the membership, or null for "not a member". Key: space + '|' + email. */
  readonly probed = new Map<string, ChatMembership | null>();
  /** Sentences for group emails that could not be looked up, by email. */
  readonly groupProblems = new Map<string, string>();
  private readonly learned: Record<string, string> = {};

  /** Loads what the cache knows about these emails (one CacheService call). Scope: none (user cache). */
  static load(cache: Cache, emails: Iterable<string>): Identities {
    const ids = new Identities();
    const keys: string[] = [];
    for (const e of emails) keys.push(`u:${e}`, `g:${e}`, `n:${e}`);
    const cached = keys.length ? cache.getAll(keys) : {};
    for (const [k, v] of Object.entries(cached)) {
      const email = k.slice(2);
      if (k.startsWith('u:')) ids.userIds.set(email, v);
      else if (k.startsWith('g:')) ids.groupNames.set(email, v);
      else if (k.startsWith('n:')) ids.notGroups.add(email);
    }
    return ids;
  }

  /** Writes what was learned since the last save to the cache. */
  save(cache: Cache): void {
    const values = { ...this.learned };
    for (const k of Object.keys(this.learned)) delete this.learned[k];
    cache.putAll(values, IDENTITY_CACHE_TTL_S);
  }

  /** Notes a membership of `email` found in `space` (its member name is the person's ID). */
  notePerson(space: string, email: string, m: ChatMembership | null): void {
    this.probed.set(`${space}|${email}`, m);
    const id = m?.member?.name;
    if (id && this.userIds.get(email) !== id) {
      this.userIds.set(email, id);
      this.learned[`u:${email}`] = id;
    }
  }

  noteGroup(email: string, name: string | undefined): void {
    if (name) {
      this.groupNames.set(email, name);
      this.learned[`g:${email}`] = name;
    } else {
      this.notGroups.add(email);
      this.learned[`n:${email}`] = '1';
    }
  }

  /** True when the email is known to be a person (an ID) or known not to be a group. */
  isPerson(email: string): boolean {
    return this.userIds.has(email) || this.notGroups.has(email);
  }
}

/**
 * The groups.lookup operation for `email` (404 or 403 = not a group); `then` runs with the result recorded.
 * Scope: cloud-identity.groups.readonly.
 */
export function lookupGroup(
  ids: Identities,
  email: string,
  then: (failure?: ChatFailure) => Operation[] | void,
): Operation {
  return {
    request: { method: 'cloudidentity.groups.lookup', query: { 'groupKey.id': email } },
    then: (r: ChatResult) => {
      if (r.ok) ids.noteGroup(email, (r.value as { name?: string }).name);
      else if (r.failure.httpStatus === 404 || r.failure.httpStatus === 403) ids.noteGroup(email, undefined);
      else return then(r.failure);
      return then();
    },
  };
}

/**
 * The members.get operation for `email` in `space` (404 = not a member); `then` runs with the answer recorded.
 * Scope: chat.memberships.readonly (or chat.memberships).
 */
export function probeMember(
  ids: Identities,
  space: string,
  email: string,
  then: (failure?: ChatFailure) => Operation[] | void,
): Operation {
  return {
    request: { method: 'chat.spaces.members.get', resource: `${space}/members/${email}` },
    space,
    then: (r: ChatResult) => {
      if (r.ok) ids.notePerson(space, email, r.value as ChatMembership);
      else if (r.failure.httpStatus === 404) ids.notePerson(space, email, null);
      else return then(r.failure);
      return then();
    },
  };
}

/**
 * Finds one email's identity: its user ID from the first of `spaces` that has them as a member (spaces asked one at
 * a time), else — when `maybeGroup` — whether it is a group. Failures are left for the space tasks to meet and
 * report; this task only saves them reads. Scopes: chat.memberships.readonly, cloud-identity.groups.readonly.
 */
export class ResolveTask implements Task {
  readonly key: string;

  constructor(
    private readonly ids: Identities,
    private readonly email: string,
    private readonly spaces: readonly string[],
    private readonly maybeGroup: boolean,
  ) {
    this.key = `resolve:${email}`;
  }

  start(): Operation[] {
    return this.next(0);
  }

  finish(): void {}

  private next(i: number): Operation[] {
    const { ids, email } = this;
    if (ids.userIds.has(email) || ids.groupNames.has(email)) return [];
    if (i < this.spaces.length) return [probeMember(ids, this.spaces[i], email, () => this.next(i + 1))];
    if (this.maybeGroup && !ids.notGroups.has(email)) return [lookupGroup(ids, email, () => [])];
    return [];
  }
}

/**
 * The order in which to ask spaces about `email`: a shuffle seeded by the email, so the expected number of reads
 * before a hit is about (spaces ÷ (spaces the person is in + 1)) however memberships cluster, and many people do not
 * all start on the same space (15 reads per second per space).
 */
export function rotate<T>(items: readonly T[], email: string): T[] {
  const out = [...items];
  let h = 2166136261;
  for (let i = 0; i < email.length; i++) h = Math.imul(h ^ email.charCodeAt(i), 16777619) >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
