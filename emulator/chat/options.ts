/**
 * Behaviour options of the Chat emulator. The defaults are the documented behaviour of the real API (or, where
 * Google documents nothing, the strictest plausible reading); every leniency or unconfirmed choice is a named option
 * here, so a test that depends on one says so. Each option cites the fact it stands for (facts file section,
 * discovery description, or doc URL) and, where unconfirmed, the known-difference id in emulator/KNOWN-DIFFERENCES.md.
 */

/** Options that change semantics. All have documented defaults (see DEFAULT_BEHAVIOUR). */
export interface BehaviourOptions {
  /**
   * What a replayed `requestId` returns (facts §2.1: "the returned space might not be fully populated").
   * `stored`: the resource as stored now (default); `partial`: only the name and identifying fields.
   */
  requestIdReplay: 'stored' | 'partial';
  /** How long request ids are remembered, in virtual ms; null = for the life of the state (facts §2.1, C3). */
  requestIdRetentionMs: number | null;
  /**
   * Which existing spaces make a displayName taken (facts §2.2: "might already use this display name", C4).
   * `org-case-insensitive` (default): any named SPACE of the organisation, compared case-insensitively after trimming;
   * `org-exact`: same, exact match; `off`: names are never taken.
   */
  displayNameUniqueness: 'org-case-insensitive' | 'org-exact' | 'off';
  /**
   * Whether spaces.setup may add external users by email when `externalUserAllowed` is true (facts §2.3 point 4:
   * the proto says yes, the older guide says no; C5). Default true (the reference text).
   */
  setupAllowsExternalUsers: boolean;
  /** Whether setup's inline memberships also consume the 300/min membership-write bucket (facts §3, C6). Default false. */
  setupMembershipsConsumeQuota: boolean;
  /** Quota window semantics (facts §3, C7): `sliding` 60 s / 1 s trailing windows (default) or `fixed` aligned windows. */
  quotaWindow: 'sliding' | 'fixed';
  /** Whether members.patch counts as a membership write (not listed on the limits page; C8). Default true. */
  membersPatchIsMembershipWrite: boolean;
  /** Whether quotas are enforced at all. Default true. */
  enforceQuotas: boolean;
  /**
   * Whether a space must keep at least one owner (ROLE_MANAGER): demoting or removing the last owner fails with
   * FAILED_PRECONDITION (C9). Default true.
   */
  requireOwner: boolean;
  /**
   * Default permission settings of a COLLABORATION_SPACE (C10): `all-members` (default; members may manage members,
   * modify details, toggle history, ...) or `managers` (only owners and managers).
   */
  collaborationPermissions: 'all-members' | 'managers';
  /** A second reaction with the same emoji by the same user: ALREADY_EXISTS (default) or the existing reaction (C11). */
  duplicateReaction: 'already-exists' | 'return-existing';
  /** Page tokens whose other parameters differ from the call that issued them: rejected (default) or honoured (C12). */
  pageTokenMismatch: 'reject' | 'ignore';
  /** Page token lifetime in virtual ms (old spaces.list doc: "Tokens expire in an hour", C12); null = never. */
  pageTokenTtlMs: number | null;
  /** Order of lists Google documents as unordered (members, spaces, reactions, emojis): seeded shuffle (default). */
  unorderedLists: 'seeded-shuffle' | 'insertion';
  /**
   * Accept enum values and fields Google added after the pinned discovery revision (20250417):
   * `ROLE_ASSISTANT_MANAGER` (Membership.role) and `PermissionSetting.assistantManagersAllowed` (googleapis
   * google-cloud-go chat v0.16.0 release notes, PiperOrigin-RevId 823185429; C1). Default true.
   */
  schemaExtensions: boolean;
  /** Timeout faults: whether the write happened before the connection timed out (C13). Default `random` (50 %). */
  timeoutWriteApplied: 'never' | 'always' | 'random';
  /** Record batch event types (`…batchCreated`) for multi-resource changes such as setup (C14). Default false. */
  batchEvents: boolean;
  /** Discovery method ids answered with 501 UNIMPLEMENTED even though the emulator implements them (for tests). */
  unimplemented: string[];
  /**
   * Reads of a space the caller is not a member of: NOT_FOUND (default, Google hides spaces you cannot see) or
   * PERMISSION_DENIED (C15).
   */
  nonMemberRead: 'not-found' | 'permission-denied';
}

/** The documented defaults. */
export const DEFAULT_BEHAVIOUR: Readonly<BehaviourOptions> = Object.freeze({
  requestIdReplay: 'stored',
  requestIdRetentionMs: null,
  displayNameUniqueness: 'org-case-insensitive',
  setupAllowsExternalUsers: true,
  setupMembershipsConsumeQuota: false,
  quotaWindow: 'sliding',
  membersPatchIsMembershipWrite: true,
  enforceQuotas: true,
  requireOwner: true,
  collaborationPermissions: 'all-members',
  duplicateReaction: 'already-exists',
  pageTokenMismatch: 'reject',
  pageTokenTtlMs: 3_600_000,
  unorderedLists: 'seeded-shuffle',
  schemaExtensions: true,
  timeoutWriteApplied: 'random',
  batchEvents: false,
  unimplemented: [],
  nonMemberRead: 'not-found',
} satisfies BehaviourOptions);

/** One line per option for README/COVERAGE generation: name, default, meaning. */
export const BEHAVIOUR_DOCS: ReadonlyArray<{ name: keyof BehaviourOptions; doc: string }> = [
  { name: 'requestIdReplay', doc: 'replayed requestId returns the stored resource or a partial one (C2)' },
  { name: 'requestIdRetentionMs', doc: 'how long requestIds are remembered; null = forever (C3)' },
  { name: 'displayNameUniqueness', doc: 'which existing spaces make a displayName ALREADY_EXISTS (C4)' },
  { name: 'setupAllowsExternalUsers', doc: 'spaces.setup may add external users by email (C5)' },
  { name: 'setupMembershipsConsumeQuota', doc: "setup's inline memberships consume membership writes (C6)" },
  { name: 'quotaWindow', doc: 'sliding or fixed quota windows (C7)' },
  { name: 'membersPatchIsMembershipWrite', doc: 'members.patch counts as a membership write (C8)' },
  { name: 'enforceQuotas', doc: 'enforce quotas at all' },
  { name: 'requireOwner', doc: 'the last owner cannot be demoted or removed (C9)' },
  { name: 'collaborationPermissions', doc: 'default permission settings of a collaboration space (C10)' },
  { name: 'duplicateReaction', doc: 'same emoji twice by one user (C11)' },
  { name: 'pageTokenMismatch', doc: 'page token used with different parameters (C12)' },
  { name: 'pageTokenTtlMs', doc: 'page token lifetime (C12)' },
  { name: 'unorderedLists', doc: 'order of lists documented as unordered' },
  { name: 'schemaExtensions', doc: 'accept ROLE_ASSISTANT_MANAGER and assistantManagersAllowed (C1)' },
  { name: 'timeoutWriteApplied', doc: 'whether a timed-out write happened (C13)' },
  { name: 'batchEvents', doc: 'record batch space event types (C14)' },
  { name: 'unimplemented', doc: 'method ids forced to answer 501' },
  { name: 'nonMemberRead', doc: 'status for reads of spaces the caller is not in (C15)' },
];

/** Merges partial options over the defaults (arrays replaced, not merged). */
export function resolveBehaviour(partial?: Partial<BehaviourOptions>): BehaviourOptions {
  return { ...DEFAULT_BEHAVIOUR, unimplemented: [...DEFAULT_BEHAVIOUR.unimplemented], ...(partial ?? {}) };
}
