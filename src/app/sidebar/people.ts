/**
 * Who is behind a `users/{id}`. With user authentication Chat returns members and senders by canonical id only,
 * never by email (facts §1.2), so the sidebar remembers what it learns: the user's own id (user properties, kept;
 * found once through `spaces/{space}/members/{email}`), and the email of every person or group it adds (user cache,
 * both directions, in the `u:`/`g:` keys the bulk jobs already use). Ids nobody has told it about are shown as
 * "Person 1234…", which is honest and still lets the user act on the row.
 */
import type { ChatGateway } from '../../ports/chat';
import type { Cache, Identity, StateStore } from '../../ports/runtime';
import { readMembership } from './chatValues';

const SELF_KEY = 'sidebar:selfId';
const CACHE_TTL_S = 6 * 3600;

export class PeopleBook {
  constructor(
    private readonly state: StateStore,
    private readonly cache: Cache,
    private readonly identity: Identity,
  ) {}

  /** The user's own `users/{id}`, when known. */
  selfId(): string | undefined {
    return this.state.get(SELF_KEY);
  }

  /**
   * A request that reveals the user's own id through their membership of `space` (when not yet known).
   * Scope: chat.memberships (read).
   */
  selfLookup(space: string): { method: 'chat.spaces.members.get'; resource: string } | undefined {
    if (this.selfId()) return undefined;
    return { method: 'chat.spaces.members.get', resource: `${space}/members/${this.identity.email()}` };
  }

  /** Stores the user's id from the answer to `selfLookup`. */
  learnSelf(membership: unknown): void {
    const id = readMembership(membership).memberName;
    if (id.startsWith('users/')) this.state.set(SELF_KEY, id);
  }

  /** Finds the user's id through `space` now (one call) when it is not yet known. */
  ensureSelf(chat: ChatGateway, space: string): string | undefined {
    const lookup = this.selfLookup(space);
    if (lookup) {
      const r = chat.call(lookup);
      if (r.ok) this.learnSelf(r.value);
    }
    return this.selfId();
  }

  /** Remembers who is behind ids Chat returned for people or groups the user named by email. */
  remember(pairs: readonly { email: string; name: string }[]): void {
    const values: Record<string, string> = {};
    for (const { email, name } of pairs) {
      if (!email || !name) continue;
      values[`n:${name}`] = email;
      values[`${name.startsWith('groups/') ? 'g' : 'u'}:${email}`] = name;
    }
    this.cache.putAll(values, CACHE_TTL_S);
  }

  /** Display labels for member or sender names: "You", an email, or "Person 1234…". */
  labels(names: readonly string[]): Map<string, string> {
    const unique = [...new Set(names.filter((n) => n !== ''))];
    const known = this.cache.getAll(unique.map((n) => `n:${n}`));
    const self = this.selfId();
    const out = new Map<string, string>();
    for (const name of unique) {
      if (name === self) out.set(name, `You (${this.identity.email()})`);
      else out.set(name, known[`n:${name}`] ?? anonymous(name));
    }
    return out;
  }
}

/** "Person 1234…" / "Group 0a1b…" / "Chat app" for an id nobody named. */
export function anonymous(name: string): string {
  if (name === 'users/app') return 'Chat app';
  const [kind, id = ''] = name.split('/');
  const short = id.length > 8 ? `${id.slice(0, 8)}…` : id;
  return `${kind === 'groups' ? 'Group' : 'Person'} ${short}`;
}
