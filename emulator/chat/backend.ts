/**
 * The Chat backend: state, directory and the semantic helpers every method handler shares — finding a space the
 * caller may see, membership and role checks against the space's permission settings (facts §1.2 roles; Chat Help
 * 13340792 role capabilities), resolving `users/{email|id|me|app}` and `groups/{id}` names (facts §2.4), display-name
 * uniqueness (facts §2.2, C4), request-id bookkeeping (facts §2.1), and space event recording (discovery SpaceEvent).
 * Handlers (methods/*.ts) contain only the per-method rules.
 */
import type { DiscoverySchema, MethodInfo } from './discovery';
import { Directory, type DirectoryUser, numericId } from './directory';
import { ApiError, errors } from './errors';
import type { BehaviourOptions } from './options';
import {
  defaultPermissions,
  IdGenerator,
  type ChatState,
  type MemberState,
  type PermissionSettingsState,
  type Role,
  type SpaceState,
} from './state';
import type { QueryValue } from './validate';
import { formatTimestamp } from './validate';

/** What a handler gets. */
export interface HandlerContext {
  method: MethodInfo;
  pathParams: Record<string, string>;
  query: Record<string, QueryValue>;
  /** Validated, normalised request body ({} when none). */
  body: Record<string, unknown>;
  /** Uploaded media (media.upload). */
  media?: { bytes: Uint8Array; contentType: string };
  caller: DirectoryUser;
  /** `users/{id}` of the caller. */
  callerName: string;
  /** Short scope names the caller's token carries. */
  scopes: Set<string>;
  /** useAdminAccess is in effect (admin scope + directory admin). */
  admin: boolean;
  now: number;
  backend: ChatBackend;
}

/** What a handler returns. */
export interface HandlerResult {
  status?: number;
  json?: unknown;
  /** Raw media body (media.download with alt=media). */
  raw?: { bytes: Uint8Array; contentType: string };
  /** Items in a list response (latency). */
  items?: number;
  /** Media bytes moved (latency). */
  bytes?: number;
}

/** A method handler. */
export type Handler = (ctx: HandlerContext) => HandlerResult;

/** Space-level permissions of PermissionSettings. */
export type Permission = keyof PermissionSettingsState;

/** The shared backend. */
export class ChatBackend {
  ids: IdGenerator;

  constructor(
    public state: ChatState,
    public readonly directory: Directory,
    public readonly behaviour: BehaviourOptions,
    public readonly schemas: Record<string, DiscoverySchema>,
  ) {
    this.ids = new IdGenerator(state);
  }

  /** Replaces the state (after load/reset). */
  replaceState(state: ChatState): void {
    this.state = state;
    this.ids = new IdGenerator(state);
  }

  // ------------------------------------------------------------------------------------------------ names & users

  /** `users/{id}` of a directory user. */
  userName(user: DirectoryUser): string {
    return `users/${user.id}`;
  }

  /** The calling app's user id (`users/app` alias). */
  appUserId(): string {
    return numericId(this.state.seed, 'chat-app');
  }

  /**
   * Resolves a `users/{user}` name (email alias, id, `me` when allowed). Throws INVALID_ARGUMENT for malformed names
   * (googleapis/google-api-php-client-services#2905 text) and returns undefined for unknown users.
   */
  resolveUserName(name: string, caller: DirectoryUser, allowMe: boolean): DirectoryUser | undefined {
    const m = /^users\/([^/]+)$/.exec(name ?? '');
    if (!m) {
      throw errors.invalid(
        'Missing or malformed user resource name in the request. Human user resource name must follow this format: ' +
          'users/{user}. App user resource name must be set as users/app.',
      );
    }
    if (m[1] === 'me') {
      if (!allowMe) throw errors.invalid('users/me is not supported for this field.');
      return caller;
    }
    return this.directory.resolveUser(m[1]);
  }

  // ------------------------------------------------------------------------------------------------ spaces

  /** The space with this exact name. */
  findSpace(name: string): SpaceState | undefined {
    return this.state.spaces.find((s) => s.name === name);
  }

  /** The caller's user membership (joined or invited). */
  membershipOf(space: SpaceState, user: DirectoryUser): MemberState | undefined {
    const name = `users/${user.id}`;
    return space.members.find((m) => m.member?.name === name);
  }

  /** True when the user has joined the space. */
  isJoined(space: SpaceState, user: DirectoryUser): boolean {
    return this.membershipOf(space, user)?.state === 'JOINED';
  }

  /**
   * The space named `name` if the caller may act on it: joined members, or anyone with admin access. Otherwise
   * NOT_FOUND (Google hides spaces you are not in; option `nonMemberRead`, C15).
   */
  requireSpace(ctx: HandlerContext, name: string, options: { allowInvited?: boolean } = {}): SpaceState {
    const space = this.findSpace(name);
    if (!space || (space.importMode && !ctx.scopes.has('chat.import') && !ctx.admin)) throw errors.notFound();
    if (ctx.admin) return space;
    const membership = this.membershipOf(space, ctx.caller);
    const ok = membership && (membership.state === 'JOINED' || options.allowInvited);
    if (!ok) throw this.behaviour.nonMemberRead === 'not-found' ? errors.notFound() : errors.denied();
    return space;
  }

  /** The caller's role in the space (undefined when not joined). */
  roleOf(space: SpaceState, user: DirectoryUser): Role | undefined {
    const m = this.membershipOf(space, user);
    return m?.state === 'JOINED' ? m.role : undefined;
  }

  /** True when `role` has `permission` under the space's permission settings. */
  allowed(space: SpaceState, permission: Permission, role: Role | undefined): boolean {
    if (!role) return false;
    if (space.spaceType !== 'SPACE' || !space.permissionSettings) {
      // Group chats and DMs: everyone is ROLE_MEMBER and may do member things (MembershipRole.ROLE_MEMBER text).
      return true;
    }
    const setting = space.permissionSettings[permission];
    if (role === 'ROLE_MANAGER') return setting.managersAllowed !== false;
    if (role === 'ROLE_ASSISTANT_MANAGER') return setting.assistantManagersAllowed ?? setting.managersAllowed ?? false;
    return setting.membersAllowed === true;
  }

  /** Requires `permission` for the caller (admin access passes), else PERMISSION_DENIED. */
  requirePermission(ctx: HandlerContext, space: SpaceState, permission: Permission): void {
    if (ctx.admin) return;
    if (!this.allowed(space, permission, this.roleOf(space, ctx.caller))) throw errors.denied();
  }

  /**
   * Whether `displayName` is taken by another named space of the organisation (facts §2.2; option
   * `displayNameUniqueness`, C4).
   */
  displayNameTaken(displayName: string, except?: SpaceState): boolean {
    const mode = this.behaviour.displayNameUniqueness;
    if (mode === 'off') return false;
    const norm = (s: string): string => (mode === 'org-exact' ? s.trim() : s.trim().toLowerCase());
    const wanted = norm(displayName);
    return this.state.spaces.some(
      (s) => s !== except && s.spaceType === 'SPACE' && s.displayName !== undefined && norm(s.displayName) === wanted,
    );
  }

  /** The ALREADY_EXISTS error for a taken display name (spaces.create description wording). */
  displayNameError(): ApiError {
    return errors.exists(
      'A space with the same display name already exists in this Google Workspace organization. ' +
        'Try a different displayName.',
    );
  }

  /** Creates (and stores) a new space. */
  newSpace(
    fields: Omit<
      SpaceState,
      'name' | 'rank' | 'members' | 'messages' | 'events' | 'spaceThreadingState' | 'permissionSettings' | 'createTime'
    > & {
      createTime?: string;
    },
    now: number,
  ): SpaceState {
    const space: SpaceState = {
      name: `spaces/${this.ids.space()}`,
      ...fields,
      spaceThreadingState: fields.spaceType === 'SPACE' ? 'THREADED_MESSAGES' : 'UNTHREADED_MESSAGES',
      permissionSettings:
        fields.spaceType === 'SPACE'
          ? defaultPermissions(fields.predefinedPermissionSettings, this.behaviour.collaborationPermissions)
          : undefined,
      createTime: fields.createTime ?? formatTimestamp(now),
      rank: this.ids.rank(),
      members: [],
      messages: [],
      events: [],
    };
    this.state.spaces.push(space);
    return space;
  }

  /** Adds a user membership. */
  addUser(
    space: SpaceState,
    user: DirectoryUser,
    role: Role,
    state: 'JOINED' | 'INVITED',
    now: number,
    event = true,
  ): MemberState {
    const member: MemberState = {
      name: `${space.name}/members/${user.id}`,
      member: { name: `users/${user.id}`, type: 'HUMAN' },
      email: user.email,
      role,
      state,
      createTime: formatTimestamp(now),
      rank: this.ids.rank(),
    };
    space.members.push(member);
    if (event) this.recordEvent(space, 'google.workspace.chat.membership.v1.created', member.name, now);
    return member;
  }

  /** Adds a group membership (role unspecified, facts §1.2). */
  addGroup(space: SpaceState, group: { id: string; email: string }, now: number, event = true): MemberState {
    const member: MemberState = {
      name: `${space.name}/members/${group.id}`,
      groupMember: { name: `groups/${group.id}` },
      email: group.email,
      role: 'MEMBERSHIP_ROLE_UNSPECIFIED',
      state: 'JOINED',
      createTime: formatTimestamp(now),
      rank: this.ids.rank(),
    };
    space.members.push(member);
    if (event) this.recordEvent(space, 'google.workspace.chat.membership.v1.created', member.name, now);
    return member;
  }

  /** Records a space event (discovery SpaceEvent; payload rendered from the resource's latest version). */
  recordEvent(
    space: SpaceState,
    eventType: string,
    resource: string,
    now: number,
    snapshot?: Record<string, unknown>,
  ): void {
    space.events.push({
      name: `${space.name}/spaceEvents/${this.ids.chars(22)}`,
      eventType,
      eventTime: formatTimestamp(now),
      resource,
      snapshot,
    });
  }

  // ------------------------------------------------------------------------------------------------ request ids

  /**
   * Looks up a request id (facts §2.1): the resource made for the same user, an error for another user, or
   * undefined when unknown or expired (`requestIdRetentionMs`, C3).
   */
  replay(kind: 'space' | 'message', requestId: string, ctx: HandlerContext, scope?: string): string | undefined {
    const now = ctx.now;
    const retention = this.behaviour.requestIdRetentionMs;
    const entry = this.state.requestIds.find(
      (r) =>
        r.kind === kind &&
        r.requestId === requestId &&
        (scope === undefined || r.scope === scope) &&
        (retention === null || now - Date.parse(r.time) <= retention),
    );
    if (!entry) return undefined;
    if (entry.user !== ctx.callerName) {
      // "Specifying an existing request ID from the same Chat app with a different authenticated user returns an
      // error." The code is unconfirmed (C2); ALREADY_EXISTS is the closest canonical meaning.
      throw errors.exists('The request ID was already used by a different user.');
    }
    return entry.resource;
  }

  /** Remembers a request id. */
  rememberRequest(
    kind: 'space' | 'message',
    requestId: string,
    ctx: HandlerContext,
    resource: string,
    scope?: string,
  ): void {
    this.state.requestIds.push({
      kind,
      requestId,
      user: ctx.callerName,
      scope,
      resource,
      time: formatTimestamp(ctx.now),
    });
  }

  /** Forgets request ids pointing at a resource (or below it) that no longer exists. */
  forgetRequests(resourcePrefix: string): void {
    this.state.requestIds = this.state.requestIds.filter(
      (r) => !(r.resource === resourcePrefix || r.resource.startsWith(resourcePrefix + '/')),
    );
  }

  // ------------------------------------------------------------------------------------------------ misc

  /** Owners (ROLE_MANAGER, joined) of a space. */
  owners(space: SpaceState): MemberState[] {
    return space.members.filter((m) => m.role === 'ROLE_MANAGER' && m.state === 'JOINED');
  }

  /** The `spaces/{id}` a path parameter refers to (for per-space quotas), if any. */
  static spaceOfPath(pathParams: Record<string, string>): string | undefined {
    for (const value of Object.values(pathParams)) {
      const m = /(?:^|\/)(spaces\/[^/]+)/.exec(value);
      if (m && !value.startsWith('users/')) return m[1];
    }
    return undefined;
  }
}
