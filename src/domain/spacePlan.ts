/**
 * The space planner: compares what a Spaces row asks for with what Chat holds and lists the writes that make them
 * match — one spaces.setup carrying up to 49 people and groups, members.create for the rest, spaces.patch calls
 * grouped by the update-mask rules, role changes, and the welcome message — plus the sentence a user reads in the
 * Details column. Members present in Chat but absent from the row are never removed here. Pure: no I/O.
 */
import type { DesiredSpace, HistoryState, MemberRole, SpaceType } from './model';

/** Most people and groups `spaces.setup` accepts besides the caller (facts §2.3; older documents said 20). */
export const SETUP_MEMBERSHIP_LIMIT = 49;

/** A space as Chat reports it, reduced to what the planner compares. */
export interface ObservedSpace {
  /** `spaces/...` */
  name: string;
  type: SpaceType;
  displayName?: string;
  description?: string;
  guidelines?: string;
  history?: HistoryState;
  discoverable: boolean;
  externalUserAllowed: boolean;
  uri?: string;
}

/** A membership found in the space, for a person the row names (by email) or a group (by `groups/{id}`). */
export interface ObservedMembership {
  /** `spaces/S/members/M`, used to change the role. */
  name: string;
  role: MemberRole;
  state: 'JOINED' | 'INVITED';
}

/** What Chat holds for the row's people and groups. Absent keys = not a member. */
export interface ObservedMembers {
  people: ReadonlyMap<string, ObservedMembership>;
  groups: ReadonlySet<string>;
}

/** One spaces.patch call: the update mask and the fields it sends. */
export interface SpacePatch {
  updateMask: string;
  space: Record<string, unknown>;
  /** Verb phrase for the Details sentence, e.g. "update description", "turn history on". */
  describes: string;
}

export interface RoleChange {
  email: string;
  role: MemberRole;
}

export interface SpacePlan {
  /** Present when the space must be created. */
  create?: {
    /** The Space body for spaces.setup. */
    space: Record<string, unknown>;
    /** `users/{email}` and `groups/{id}` member names sent with setup (≤ 49). */
    setupMembers: string[];
  };
  /** People (emails) to add with members.create. */
  addPeople: string[];
  /** Groups (`groups/{id}`) to add with members.create. */
  addGroups: string[];
  patches: SpacePatch[];
  roleChanges: RoleChange[];
  /** Post the welcome message (create the client-id message if it is not there). */
  welcome: boolean;
  /** Differences the add-on cannot fix (fields fixed at creation), as sentences. */
  notes: string[];
}

const ROLE_WORD: Record<MemberRole, string> = {
  ROLE_MEMBER: 'member',
  ROLE_ASSISTANT_MANAGER: 'manager',
  ROLE_MANAGER: 'owner',
};

/** The role a row gives a person: Owner beats Manager beats Member. */
export function desiredRole(space: DesiredSpace, email: string): MemberRole {
  if (space.owners.includes(email)) return 'ROLE_MANAGER';
  if (space.managers.includes(email)) return 'ROLE_ASSISTANT_MANAGER';
  return 'ROLE_MEMBER';
}

/** True when the address belongs to one of the organisation's domains. */
export function isInternal(email: string, orgDomains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return orgDomains.some((d) => d.toLowerCase() === domain);
}

/**
 * Plans a space that does not exist yet. Internal people and groups go into spaces.setup (up to 49); the rest, and
 * every external person (whether setup accepts them is unconfirmed; members.create is documented), are added after.
 * @param groupNames group email → `groups/{id}`, already resolved.
 */
export function planCreate(
  desired: DesiredSpace,
  groupNames: ReadonlyMap<string, string>,
  orgDomains: readonly string[],
  runner: string,
): SpacePlan {
  const people = desired.people.filter((p) => p !== runner);
  const groups = desired.groups.map((g) => groupNames.get(g)).filter((g): g is string => !!g);
  const space: Record<string, unknown> = { spaceType: desired.type };
  if (desired.type === 'SPACE') {
    space.displayName = desired.displayName;
    if (desired.description !== undefined || desired.guidelines !== undefined) {
      space.spaceDetails = { description: desired.description ?? '', guidelines: desired.guidelines ?? '' };
    }
    if (desired.history) space.spaceHistoryState = desired.history;
    if (desired.externalUserAllowed) space.externalUserAllowed = true;
    if (desired.announcement) space.predefinedPermissionSettings = 'ANNOUNCEMENT_SPACE';
    if (desired.discoverable) space.accessSettings = { audience: 'audiences/default' };
  } else if (desired.history) {
    space.spaceHistoryState = desired.history;
  }
  const setupCandidates =
    desired.type === 'SPACE'
      ? [...people.filter((p) => isInternal(p, orgDomains)).map((p) => `users/${p}`), ...groups]
      : people.map((p) => `users/${p}`);
  const setupMembers = setupCandidates.slice(0, SETUP_MEMBERSHIP_LIMIT);
  const inSetup = new Set(setupMembers);
  return {
    create: { space, setupMembers },
    addPeople: people.filter((p) => !inSetup.has(`users/${p}`)),
    addGroups: groups.filter((g) => !inSetup.has(g)),
    patches: [],
    roleChanges: people
      .map((email) => ({ email, role: desiredRole(desired, email) }))
      .filter((c) => c.role !== 'ROLE_MEMBER'),
    welcome: !!desired.welcomeMessage,
    notes: [],
  };
}

/**
 * Plans the writes that bring an existing space in line with its row. Blank cells leave Chat's value alone.
 * @param welcomePending true when the welcome message may still be owed (the row never finished an apply).
 */
export function planUpdate(
  desired: DesiredSpace,
  observed: ObservedSpace,
  members: ObservedMembers,
  groupNames: ReadonlyMap<string, string>,
  orgDomains: readonly string[],
  runner: string,
  welcomePending: boolean,
): SpacePlan {
  const patches: SpacePatch[] = [];
  const notes: string[] = [];
  if (observed.type === 'SPACE') {
    const combined: string[] = [];
    const body: Record<string, unknown> = {};
    const words: string[] = [];
    if (desired.displayName !== undefined && desired.displayName !== (observed.displayName ?? '')) {
      combined.push('display_name');
      body.displayName = desired.displayName;
      words.push('name');
    }
    const description = desired.description ?? observed.description ?? '';
    const guidelines = desired.guidelines ?? observed.guidelines ?? '';
    if (description !== (observed.description ?? '') || guidelines !== (observed.guidelines ?? '')) {
      // space_details replaces description and guidelines together, so both are always sent.
      combined.push('space_details');
      body.spaceDetails = { description, guidelines };
      if (description !== (observed.description ?? '')) words.push('description');
      if (guidelines !== (observed.guidelines ?? '')) words.push('guidelines');
    }
    if (combined.length) {
      patches.push({ updateMask: combined.join(','), space: body, describes: `update ${words.join(' and ')}` });
    }
    if (desired.discoverable !== undefined && desired.discoverable !== observed.discoverable) {
      // access_settings.audience must be alone in its mask.
      patches.push({
        updateMask: 'access_settings.audience',
        space: { accessSettings: desired.discoverable ? { audience: 'audiences/default' } : {} },
        describes: desired.discoverable ? 'make discoverable' : 'make private',
      });
    }
    if (desired.externalUserAllowed !== observed.externalUserAllowed) {
      notes.push(
        desired.externalUserAllowed
          ? 'External users is Yes, but this space was created without external users; Chat fixes that at creation, so external people cannot be added.'
          : 'External users is No, but this space allows external users (fixed at creation); nothing was changed.',
      );
    }
  }
  if (desired.history !== undefined && desired.history !== observed.history) {
    // space_history_state must be alone in its mask.
    patches.push({
      updateMask: 'space_history_state',
      space: { spaceHistoryState: desired.history },
      describes: desired.history === 'HISTORY_ON' ? 'turn history on' : 'turn history off',
    });
  }
  const people = desired.people.filter((p) => p !== runner);
  const missing = people.filter((p) => !members.people.has(p));
  // A space created without external users can never take one (externalUserAllowed is fixed at creation).
  const blocked =
    observed.type === 'SPACE' && !observed.externalUserAllowed ? missing.filter((p) => !isInternal(p, orgDomains)) : [];
  if (blocked.length) {
    notes.push(`Not added: ${blocked.join(', ')} (external; this space does not allow external users).`);
  }
  const addPeople = missing.filter((p) => !blocked.includes(p));
  const addGroups = desired.groups
    .map((g) => groupNames.get(g))
    .filter((g): g is string => !!g && !members.groups.has(g));
  const roleChanges = people
    .map((email) => ({ email, role: desiredRole(desired, email) }))
    .filter((c) => {
      const current = members.people.get(c.email);
      // Add-only: a person the row lists as a plain member keeps a higher role given in Chat.
      return c.role !== 'ROLE_MEMBER' && !blocked.includes(c.email) && (!current || current.role !== c.role);
    });
  return { addPeople, addGroups, patches, roleChanges, welcome: welcomePending && !!desired.welcomeMessage, notes };
}

/** Number of write calls the plan makes (for estimates and for "Up to date"). */
export function planWrites(plan: SpacePlan): number {
  return (
    (plan.create ? 1 : 0) +
    plan.addPeople.length +
    plan.addGroups.length +
    plan.patches.length +
    plan.roleChanges.length +
    (plan.welcome ? 1 : 0)
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The preview sentence, e.g. "Create with 57 members (49 at setup, 8 after), make 2 managers, post welcome message". */
export function describePlan(plan: SpacePlan): string {
  const parts: string[] = [];
  if (plan.create) {
    const total = plan.create.setupMembers.length + plan.addPeople.length + plan.addGroups.length;
    const after = plan.addPeople.length + plan.addGroups.length;
    parts.push(
      total === 0
        ? 'Create with no other members'
        : after === 0
          ? `Create with ${plural(total, 'member')}`
          : `Create with ${plural(total, 'member')} (${plan.create.setupMembers.length} at setup, ${after} after)`,
    );
  }
  for (const patch of plan.patches) parts.push(patch.describes);
  if (!plan.create) {
    const adds = plan.addPeople.length + plan.addGroups.length;
    if (adds) parts.push(`add ${plural(adds, 'member')}`);
  }
  const byRole = new Map<MemberRole, number>();
  for (const c of plan.roleChanges) byRole.set(c.role, (byRole.get(c.role) ?? 0) + 1);
  for (const [role, n] of byRole) parts.push(`make ${plural(n, ROLE_WORD[role])}`);
  if (plan.welcome) parts.push('post welcome message');
  if (!parts.length) return plan.notes.length ? `Up to date. ${plan.notes.join(' ')}` : 'Up to date';
  const sentence = parts.join(', ');
  const text = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return plan.notes.length ? `${text}. ${plan.notes.join(' ')}` : text;
}
