/**
 * The membership planner: given who is in one space now (as Chat lists it) and what the sheet asks for that space
 * (people and groups to be present, with a role or "keep their role", people to remove, and whether Member sync is
 * Exact), it lists the writes that make the space match — adds, role changes, removals — and the changes it refuses:
 * the person running the add-on is never removed or re-roled, and the space's last owner (a joined ROLE_MANAGER) is
 * never removed or demoted, because Chat refuses it and the space would be left without anyone to manage it. The
 * plan is split in two phases so an executor that runs phase 1 before phase 2 never removes an owner before their
 * replacement is in place. Everything is keyed by principal (`users/{id}`, `users/{email}` for someone Chat has not
 * named yet, or `groups/{id}`), so the result does not depend on the order of the inputs. Pure.
 */
import type { MemberRole } from './model';

/** A membership as Chat lists it. */
export interface CurrentMembership {
  /** `users/{id}` or `groups/{id}`. */
  key: string;
  /** `spaces/S/members/M`, for patch and delete. */
  name: string;
  /** Groups have no role (Chat reports MEMBERSHIP_ROLE_UNSPECIFIED); treated as ROLE_MEMBER. */
  role: MemberRole;
  state: 'JOINED' | 'INVITED';
  group: boolean;
}

/** Someone the sheet wants in the space. */
export interface WantedMember {
  key: string;
  group: boolean;
  /** The role to have; undefined = any role (added as Member; an existing member keeps theirs). */
  role?: MemberRole;
}

export interface SpaceMembersInput {
  current: readonly CurrentMembership[];
  /** People and groups to be present (several entries for one key merge: the highest role asked wins). */
  wanted: readonly WantedMember[];
  /** Keys the sheet asks to remove (an explicit Remove beats a listing elsewhere on the sheet). */
  remove: readonly string[];
  /** Member sync Exact: also remove everyone present who is not wanted. */
  exact: boolean;
  /** Key of the person running the add-on; undefined when unknown (then Exact removes no one). */
  runner?: string;
}

export type MemberChange =
  | { kind: 'add'; key: string; group: boolean; role: MemberRole }
  | { kind: 'role'; key: string; name: string; from: MemberRole; to: MemberRole }
  | { kind: 'remove'; key: string; name: string; why: 'row' | 'exact' };

export type RefusalReason = 'runner' | 'last-owner' | 'runner-unknown';

export interface MemberRefusal {
  key: string;
  change: 'remove' | 'role';
  why: RefusalReason;
}

export interface MemberPlan {
  /** Adds and role changes that do not demote an owner: run these first. */
  phase1: MemberChange[];
  /** Removals and owner demotions: run these after phase 1. */
  phase2: MemberChange[];
  refused: MemberRefusal[];
}

const RANK: Record<MemberRole, number> = { ROLE_MEMBER: 0, ROLE_ASSISTANT_MANAGER: 1, ROLE_MANAGER: 2 };

function byKey<T extends { key: string }>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Merges wanted entries per key: present once, with the highest role any entry asks for. */
function mergeWanted(wanted: readonly WantedMember[]): Map<string, WantedMember> {
  const out = new Map<string, WantedMember>();
  for (const w of wanted) {
    const seen = out.get(w.key);
    if (!seen) {
      out.set(w.key, { ...w });
      continue;
    }
    const role =
      seen.role === undefined ? w.role : w.role === undefined || RANK[seen.role] >= RANK[w.role] ? seen.role : w.role;
    out.set(w.key, { key: w.key, group: seen.group || w.group, role });
  }
  return out;
}

/** Plans one space. See the file header for the rules. */
export function planSpaceMembers(input: SpaceMembersInput): MemberPlan {
  const wanted = mergeWanted(input.wanted);
  const removeSet = new Set(input.remove);
  const current = new Map<string, CurrentMembership>();
  for (const m of input.current) if (!current.has(m.key)) current.set(m.key, m);
  const refused: MemberRefusal[] = [];
  const changes: MemberChange[] = [];

  for (const w of wanted.values()) {
    if (removeSet.has(w.key)) continue;
    const m = current.get(w.key);
    if (!m) {
      changes.push({
        kind: 'add',
        key: w.key,
        group: w.group,
        role: w.group ? 'ROLE_MEMBER' : (w.role ?? 'ROLE_MEMBER'),
      });
      continue;
    }
    if (m.group || w.role === undefined || m.role === w.role) continue;
    if (w.key === input.runner) {
      refused.push({ key: w.key, change: 'role', why: 'runner' });
      continue;
    }
    changes.push({ kind: 'role', key: w.key, name: m.name, from: m.role, to: w.role });
  }

  for (const m of current.values()) {
    const explicit = removeSet.has(m.key);
    const stray = input.exact && !wanted.has(m.key);
    if (!explicit && !stray) continue;
    if (m.key === input.runner) {
      if (explicit) refused.push({ key: m.key, change: 'remove', why: 'runner' });
      continue;
    }
    if (!explicit && input.runner === undefined) {
      refused.push({ key: m.key, change: 'remove', why: 'runner-unknown' });
      continue;
    }
    changes.push({ kind: 'remove', key: m.key, name: m.name, why: explicit ? 'row' : 'exact' });
  }

  // The last owner: joined owners after the plan are the joined owners kept plus joined members promoted, plus
  // people added as owners (they count once they join; if they are only invited, Chat keeps the old owner and the
  // next run refuses again, so the plan still converges).
  const isOwner = (m: CurrentMembership) => m.state === 'JOINED' && m.role === 'ROLE_MANAGER' && !m.group;
  const losing = (c: MemberChange) =>
    (c.kind === 'remove' && isOwner(current.get(c.key) as CurrentMembership)) ||
    (c.kind === 'role' && c.from === 'ROLE_MANAGER' && isOwner(current.get(c.key) as CurrentMembership));
  const ownersBefore = [...current.values()].filter(isOwner).length;
  const lost = changes.filter(losing).length;
  const gained = changes.filter(
    (c) =>
      (c.kind === 'role' && c.to === 'ROLE_MANAGER' && current.get(c.key)?.state === 'JOINED') ||
      (c.kind === 'add' && c.role === 'ROLE_MANAGER' && !c.group),
  ).length;
  let kept = changes;
  if (ownersBefore > 0 && ownersBefore - lost + gained <= 0) {
    kept = [];
    for (const c of changes) {
      if (losing(c)) refused.push({ key: c.key, change: c.kind === 'remove' ? 'remove' : 'role', why: 'last-owner' });
      else kept.push(c);
    }
  }

  const phase2 = (c: MemberChange) => c.kind === 'remove' || (c.kind === 'role' && c.from === 'ROLE_MANAGER');
  return {
    phase1: kept.filter((c) => !phase2(c)).sort(byKey),
    phase2: kept.filter(phase2).sort(byKey),
    refused: refused.sort(byKey),
  };
}

/** Every change of a plan, phase 1 first. */
export function planChanges(plan: MemberPlan): MemberChange[] {
  return [...plan.phase1, ...plan.phase2];
}

/** The Role column's word for a role. */
export function roleWord(role: MemberRole): string {
  return role === 'ROLE_MANAGER' ? 'Owner' : role === 'ROLE_ASSISTANT_MANAGER' ? 'Manager' : 'Member';
}

/** The sentence for a refused change of `who` (an email, or a user ID when Chat names them only so). */
export function refusalSentence(who: string, r: MemberRefusal): string {
  switch (r.why) {
    case 'runner':
      return r.change === 'remove'
        ? `Not removed: ${who} is you; the add-on acts as you and would lose access to the space.`
        : `Role not changed: ${who} is you; the add-on does not change your own role (change it in Chat).`;
    case 'last-owner':
      return r.change === 'remove'
        ? `Not removed: ${who} is the space's last owner and Chat requires one; make someone else Owner first (Role Owner), then run again.`
        : `Role not changed: ${who} is the space's last owner and Chat requires one; make someone else Owner first, then run again.`;
    case 'runner-unknown':
      return `Not removed: ${who}; Member sync Exact removes no one until Chat confirms which member is you.`;
  }
}
