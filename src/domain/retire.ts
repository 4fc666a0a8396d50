/**
 * Retiring spaces, the pure part: the "[Archived] " name a locked space gets (within Chat's 128 characters), the
 * permission settings a lock restricts to managers and the spaces.patch that does it (only the settable
 * `permission_settings.*` masks of the discovery document, alone in their request; `postMessages` is output only,
 * so new conversations cannot be restricted through the API), the final notice, and the confirmation texts that
 * name the spaces and count their members.
 */
import { plural } from './text';

/** Prefix of a locked space's name. */
export const LOCK_PREFIX = '[Archived] ';
const MAX_NAME = 128;

/** The name of the space once locked (unchanged when it already carries the prefix). */
export function lockedName(name: string): string {
  if (name.startsWith(LOCK_PREFIX)) return name;
  const full = LOCK_PREFIX + name;
  return full.length <= MAX_NAME ? full : `${full.slice(0, MAX_NAME - 1)}…`;
}

/**
 * Settings a lock gives to managers only (discovery PermissionSettings, the fields spaces.patch accepts):
 * replying, managing members and groups, changing the space details, history, @all, apps and webhooks.
 */
export const LOCKED_PERMISSIONS = [
  'replyMessages',
  'manageMembersAndGroups',
  'modifySpaceDetails',
  'toggleHistory',
  'useAtMentionAll',
  'manageApps',
  'manageWebhooks',
] as const;

export type LockedPermission = (typeof LOCKED_PERMISSIONS)[number];

/** A space's permission settings as spaces.get returns them. */
export type PermissionSettings = Partial<
  Record<string, { managersAllowed?: boolean; assistantManagersAllowed?: boolean; membersAllowed?: boolean }>
>;

/** The settings that still let ordinary members act (what a lock must change). */
export function permissionsToRestrict(current: PermissionSettings | undefined): LockedPermission[] {
  return LOCKED_PERMISSIONS.filter((p) => {
    const s = current?.[p];
    return !s || s.membersAllowed === true || s.managersAllowed !== true;
  });
}

/** The spaces.patch of a lock's permissions: body and update mask (permission masks only, as the API requires). */
export function permissionPatch(keys: readonly LockedPermission[]): {
  body: { permissionSettings: Record<string, { managersAllowed: boolean; membersAllowed: boolean }> };
  updateMask: string;
} {
  const permissionSettings: Record<string, { managersAllowed: boolean; membersAllowed: boolean }> = {};
  for (const k of keys) permissionSettings[k] = { managersAllowed: true, membersAllowed: false };
  return { body: { permissionSettings }, updateMask: keys.map((k) => `permission_settings.${k}`).join(',') };
}

/** The final notice posted in a space when it is locked. */
export function lockNotice(runner: string): string {
  return (
    '*This space is now archived.* It stays for its history: only managers can reply, add people or change it. ' +
    `Questions: ${runner}`
  );
}

/** A space as the confirmations name it. */
export interface SpaceCount {
  name: string;
  displayName: string;
  /** People who joined; undefined when the space could not be read. */
  members?: number;
  groups?: number;
  /** Why the space could not be read (e.g. already deleted). */
  problem?: string;
  /** Chat has no such space for the user (404). */
  missing?: boolean;
}

const MAX_LISTED = 20;

function describe(s: SpaceCount): string {
  const label = s.displayName ? `${s.displayName} (${s.name})` : s.name;
  if (s.problem) return `• ${label}: ${s.problem}`;
  const groups = s.groups ? `, ${plural(s.groups, 'group')}` : '';
  return `• ${label}: ${plural(s.members ?? 0, 'member')}${groups}`;
}

function listed(spaces: readonly SpaceCount[]): string {
  const lines = spaces.slice(0, MAX_LISTED).map(describe);
  if (spaces.length > MAX_LISTED) lines.push(`• … and ${spaces.length - MAX_LISTED} more`);
  return lines.join('\n');
}

/** The delete confirmation: every space named with its member count, the total, and that it cannot be undone. */
export function deleteConfirmation(spaces: readonly SpaceCount[]): string {
  const people = spaces.reduce((n, s) => n + (s.members ?? 0), 0);
  return (
    `Delete ${plural(spaces.length, 'space')} for everyone (${plural(people, 'member')} in all)? ` +
    'Their messages and files are deleted too, and this cannot be undone.\n\n' +
    listed(spaces)
  );
}

/** The lock confirmation. */
export function lockConfirmation(spaces: readonly SpaceCount[]): string {
  return (
    `Lock ${plural(spaces.length, 'space')}? Each is renamed "${LOCK_PREFIX}…", gets a final notice, and only ` +
    'managers can then reply, add people or change it. Messages and files are kept. Chat does not let an add-on ' +
    'stop members from starting new conversations; remove them (next question) if that matters.\n\n' +
    listed(spaces)
  );
}

/** The second question of a lock. */
export function removeMembersQuestion(spaces: readonly SpaceCount[]): string {
  return (
    `Also remove the members who are not managers (and every Google Group) from ${spaces.length === 1 ? 'this space' : `these ${spaces.length} spaces`}? ` +
    'Yes removes them; No keeps them (they can still read and start new conversations). You and the other ' +
    'managers stay.'
  );
}
