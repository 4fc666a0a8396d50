/**
 * spaces.* handlers: create, setup, get, list, search, patch, delete, findDirectMessage, completeImport. Rules come
 * from the discovery descriptions (quoted where they decide a branch), facts §2.2 (space fields and patch masks) and
 * §2.3 (setup rules table), and facts §2.1 (requestId idempotency).
 */
import type { Handler, HandlerContext } from '../backend';
import type { DirectoryUser } from '../directory';
import { ApiError, errors } from '../errors';
import { spacesListFilter, spacesSearchQuery } from '../filters';
import { renderSpace } from '../render';
import { defaultPermissions, type SpaceState, type SpaceType } from '../state';
import { formatTimestamp, parseTimestamp } from '../validate';
import { checkLength, listResponse, pageOf, parseMask, qs, rankKey } from './common';

type Json = Record<string, unknown>;

const NINETY_DAYS = 90 * 24 * 3600 * 1000;

/** Renders a space the way get/create/patch return it (with permission settings). */
export function fullSpace(ctx: HandlerContext, space: SpaceState): Json {
  return renderSpace(space, { permissionSettings: true, extensions: ctx.backend.behaviour.schemaExtensions });
}

/** The `requestIdReplay: partial` rendering (C2): only what identifies the space. */
function partialSpace(space: SpaceState): Json {
  const out: Json = { name: space.name, spaceType: space.spaceType };
  if (space.displayName) out.displayName = space.displayName;
  return out;
}

/** Replays a requestId for spaces.create/setup, or returns undefined. */
function replaySpace(ctx: HandlerContext, requestId: string | undefined): Json | undefined {
  if (!requestId) return undefined;
  const name = ctx.backend.replay('space', requestId, ctx);
  if (!name) return undefined;
  const space = ctx.backend.findSpace(name);
  if (!space) return undefined;
  return ctx.backend.behaviour.requestIdReplay === 'partial' ? partialSpace(space) : fullSpace(ctx, space);
}

/** Validated fields of a space to create (spaces.create and spaces.setup share these rules; facts §2.2). */
interface NewSpace {
  spaceType: SpaceType;
  displayName?: string;
  spaceDetails?: { description?: string; guidelines?: string };
  externalUserAllowed: boolean;
  spaceHistoryState: 'HISTORY_ON' | 'HISTORY_OFF';
  audience?: string;
  predefined: 'COLLABORATION_SPACE' | 'ANNOUNCEMENT_SPACE';
  singleUserBotDm: boolean;
  importMode: boolean;
  createTime?: string;
}

function validateNewSpace(ctx: HandlerContext, space: Json | undefined, field: string): NewSpace {
  if (!space) throw errors.invalid('The space is required.', field);
  const spaceType = space.spaceType as string | undefined;
  if (!spaceType || spaceType === 'SPACE_TYPE_UNSPECIFIED') {
    throw errors.invalid('Space type is required. Set space.spaceType.', `${field}.space_type`);
  }
  const type = spaceType as SpaceType;
  const displayName = typeof space.displayName === 'string' ? space.displayName : undefined;
  if (type === 'SPACE') {
    // "Required when creating a space with a spaceType of SPACE." / "Supports up to 128 characters."
    if (!displayName || displayName.trim() === '') {
      throw errors.invalid('Display name is required for a space of type SPACE.', `${field}.display_name`);
    }
    checkLength(displayName, 128, `${field}.display_name`);
  } else if (displayName) {
    // setup: "To create a group chat ... Don't set Space.displayName"; DM likewise.
    throw errors.invalid(`Display name must not be set for a space of type ${type}.`, `${field}.display_name`);
  }
  const details = space.spaceDetails as { description?: string; guidelines?: string } | undefined;
  if (details) {
    if (type === 'DIRECT_MESSAGE')
      throw errors.invalid('spaceDetails must not be set for a direct message.', `${field}.space_details`);
    checkLength(details.description, 150, `${field}.space_details.description`);
    checkLength(details.guidelines, 5000, `${field}.space_details.guidelines`);
  }
  const audience = (space.accessSettings as { audience?: string } | undefined)?.audience;
  if (audience !== undefined && audience !== '') {
    if (type !== 'SPACE')
      throw errors.invalid('accessSettings is only supported for spaces of type SPACE.', `${field}.access_settings`);
    if (!/^audiences\/[^/]+$/.test(audience))
      throw errors.invalid('Invalid audience. Format: audiences/{audience}.', `${field}.access_settings.audience`);
  }
  const predefined = space.predefinedPermissionSettings as string | undefined;
  if (predefined && predefined !== 'PREDEFINED_PERMISSION_SETTINGS_UNSPECIFIED' && type !== 'SPACE') {
    throw errors.invalid(
      'predefinedPermissionSettings is only supported for spaces of type SPACE.',
      `${field}.predefined_permission_settings`,
    );
  }
  const singleUserBotDm = space.singleUserBotDm === true;
  if (singleUserBotDm && type !== 'DIRECT_MESSAGE') {
    throw errors.invalid('singleUserBotDm is only supported for direct messages.', `${field}.single_user_bot_dm`);
  }
  const history = space.spaceHistoryState as string | undefined;
  const importMode = space.importMode === true;
  let createTime: string | undefined;
  if (importMode && typeof space.createTime === 'string') {
    const ms = parseTimestamp(space.createTime);
    if (ms < Date.UTC(2000, 0, 1) || ms > ctx.now)
      throw errors.invalid('createTime must be after 2000-01-01 and not in the future.', `${field}.create_time`);
    createTime = formatTimestamp(ms);
  }
  return {
    spaceType: type,
    displayName: type === 'SPACE' ? displayName : undefined,
    spaceDetails: details && (details.description || details.guidelines) ? { ...details } : undefined,
    externalUserAllowed: space.externalUserAllowed === true,
    spaceHistoryState:
      history === 'HISTORY_ON' || history === 'HISTORY_OFF' ? history : ctx.backend.directory.defaultHistoryState,
    audience: audience || undefined,
    predefined: predefined === 'ANNOUNCEMENT_SPACE' ? 'ANNOUNCEMENT_SPACE' : 'COLLABORATION_SPACE',
    singleUserBotDm,
    importMode,
    createTime,
  };
}

function storeSpace(ctx: HandlerContext, spec: NewSpace): SpaceState {
  return ctx.backend.newSpace(
    {
      displayName: spec.displayName,
      spaceType: spec.spaceType,
      singleUserBotDm: spec.singleUserBotDm || undefined,
      spaceDetails: spec.spaceDetails,
      externalUserAllowed: spec.externalUserAllowed,
      spaceHistoryState: spec.spaceHistoryState,
      accessSettings: spec.audience ? { audience: spec.audience } : undefined,
      predefinedPermissionSettings: spec.predefined,
      importMode: spec.importMode || undefined,
      importModeExpireTime: spec.importMode ? formatTimestamp(ctx.now + NINETY_DAYS) : undefined,
      createTime: spec.createTime,
      creator: ctx.callerName,
    },
    ctx.now,
  );
}

/** spaces.create (discovery: "Can be used to create a named space, or a group chat in Import mode"). */
export const create: Handler = (ctx) => {
  const requestId = qs(ctx, 'requestId');
  const replayed = replaySpace(ctx, requestId);
  if (replayed) return { json: replayed };
  const spec = validateNewSpace(ctx, ctx.body, 'space');
  if (spec.importMode && !ctx.scopes.has('chat.import')) {
    throw new ApiError('PERMISSION_DENIED', 'Creating a space in import mode requires the chat.import scope.');
  }
  if (spec.spaceType === 'DIRECT_MESSAGE' || (spec.spaceType === 'GROUP_CHAT' && !spec.importMode)) {
    throw errors.invalid(
      'spaces.create supports SPACE, or GROUP_CHAT in import mode. Use spaces.setup instead.',
      'space.space_type',
    );
  }
  if (spec.spaceType === 'SPACE' && ctx.backend.displayNameTaken(spec.displayName as string))
    throw ctx.backend.displayNameError();
  const space = storeSpace(ctx, spec);
  // "Import mode: No members are created. All other modes: The calling user is added as a member."
  if (!spec.importMode)
    ctx.backend.addUser(
      space,
      ctx.caller,
      spec.spaceType === 'SPACE' ? 'ROLE_MANAGER' : 'ROLE_MEMBER',
      'JOINED',
      ctx.now,
    );
  if (requestId) ctx.backend.rememberRequest('space', requestId, ctx, space.name);
  return { json: fullSpace(ctx, space) };
};

/** A requested setup membership after resolution. */
type Resolved =
  | { kind: 'user'; user: DirectoryUser; byEmail: boolean }
  | { kind: 'group'; id: string; email: string }
  | { kind: 'skip' };

function resolveSetupMembership(ctx: HandlerContext, m: Json, index: number, type: SpaceType): Resolved {
  const field = `memberships[${index}]`;
  const group = m.groupMember as { name?: string } | undefined;
  const member = m.member as { name?: string; type?: string } | undefined;
  if (group) {
    const gm = /^groups\/([^/]+)$/.exec(group.name ?? '');
    if (!gm) throw errors.invalid('Invalid group resource name. Format: groups/{group}.', `${field}.group_member.name`);
    // "Group email is not supported, and Google groups can only be added as members in named spaces."
    if (gm[1].includes('@'))
      throw errors.invalid(
        'Group email is not supported. Use groups/{group} with the Cloud Identity group id.',
        `${field}.group_member.name`,
      );
    if (type !== 'SPACE')
      throw errors.invalid('Google groups can only be added to spaces of type SPACE.', `${field}.group_member`);
    const g = ctx.backend.directory.groupById(gm[1]);
    return g ? { kind: 'group', id: g.id, email: g.email } : { kind: 'skip' };
  }
  if (!member) throw errors.invalid('Each membership must set member or groupMember.', field);
  if (member.type !== 'HUMAN') {
    // "For human membership ... type set to User.Type.HUMAN. You can only add human users when setting up a space."
    throw errors.invalid(
      'Only human users (member.type = HUMAN) can be added when setting up a space.',
      `${field}.member.type`,
    );
  }
  const user = ctx.backend.resolveUserName(member.name ?? '', ctx.caller, false);
  if (!user) return { kind: 'skip' };
  return { kind: 'user', user, byEmail: (member.name ?? '').includes('@') };
}

/** spaces.setup (discovery description; facts §2.3). */
export const setup: Handler = (ctx) => {
  const body = ctx.body;
  const requestId = typeof body.requestId === 'string' && body.requestId !== '' ? body.requestId : undefined;
  const replayed = replaySpace(ctx, requestId);
  // "Specifying an existing request ID returns the space created with that ID instead of creating a new space."
  // Memberships are not processed again (open-questions Q3).
  if (replayed) return { json: replayed };
  const spec = validateNewSpace(ctx, body.space as Json | undefined, 'space');
  if (spec.importMode)
    throw errors.invalid('Import mode spaces cannot be set up with spaces.setup.', 'space.import_mode');
  const requested = (body.memberships as Json[] | undefined) ?? [];
  // "The set currently allows up to 49 memberships (in addition to the caller)."
  if (requested.length > 49) throw errors.invalid('A space can be set up with at most 49 memberships.', 'memberships');
  const resolved = requested.map((m, i) => resolveSetupMembership(ctx, m, i, spec.spaceType));
  const distinct = new Map<string, Resolved>();
  for (const r of resolved) {
    // "Duplicate memberships (including the calling user) ... are filtered out" (set-up-spaces guide).
    const key = r.kind === 'user' ? `u:${r.user.id}` : r.kind === 'group' ? `g:${r.id}` : `skip:${distinct.size}`;
    if (r.kind === 'user' && r.user.id === ctx.caller.id) continue;
    if (!distinct.has(key)) distinct.set(key, r);
  }
  const others = [...distinct.values()];
  if (spec.spaceType === 'GROUP_CHAT' && requested.length < 2) {
    throw errors.invalid('A group chat requires at least two memberships.', 'memberships');
  }
  if (spec.spaceType === 'DIRECT_MESSAGE') return setupDirectMessage(ctx, spec, requested, others, requestId);
  if (spec.spaceType === 'SPACE' && ctx.backend.displayNameTaken(spec.displayName as string))
    throw ctx.backend.displayNameError();

  const space = storeSpace(ctx, spec);
  const batch = ctx.backend.behaviour.batchEvents && others.length > 0;
  const created: string[] = [];
  created.push(
    ctx.backend.addUser(
      space,
      ctx.caller,
      spec.spaceType === 'SPACE' ? 'ROLE_MANAGER' : 'ROLE_MEMBER',
      'JOINED',
      ctx.now,
      !batch,
    ).name,
  );
  for (const r of others) {
    if (r.kind === 'group') {
      created.push(ctx.backend.addGroup(space, r, ctx.now, !batch).name);
      continue;
    }
    if (r.kind !== 'user' || !canAdd(ctx, space, r.user, r.byEmail)) continue; // silently skipped (discovery setup text)
    created.push(
      ctx.backend.addUser(space, r.user, 'ROLE_MEMBER', r.user.autoAccept ? 'JOINED' : 'INVITED', ctx.now, !batch).name,
    );
  }
  if (batch) {
    ctx.backend.recordEvent(space, 'google.workspace.chat.membership.v1.batchCreated', space.name, ctx.now, {
      memberships: created,
    });
  }
  if (requestId) ctx.backend.rememberRequest('space', requestId, ctx, space.name);
  return { json: fullSpace(ctx, space) };
};

/**
 * Whether setup may add `user` ("if the caller blocks, or is blocked by some members, or doesn't have permission to
 * add some members, then those members aren't added"): blocked, Chat off, external without externalUserAllowed,
 * external named by id (facts §2.4: external users must use the email form), or external adds disabled (C5).
 */
function canAdd(ctx: HandlerContext, space: SpaceState, user: DirectoryUser, byEmail: boolean): boolean {
  const d = ctx.backend.directory;
  if (d.blocked(ctx.caller, user) || !user.chatEnabled) return false;
  if (user.external) {
    if (!space.externalUserAllowed || !byEmail || !ctx.backend.behaviour.setupAllowsExternalUsers) return false;
  }
  return true;
}

function setupDirectMessage(
  ctx: HandlerContext,
  spec: NewSpace,
  requested: Json[],
  others: Resolved[],
  requestId?: string,
): { json: Json } {
  const b = ctx.backend;
  if (spec.singleUserBotDm) {
    if (requested.length > 0)
      throw errors.invalid('Memberships must be empty for a direct message with the calling app.', 'memberships');
    const appName = `users/${b.appUserId()}`;
    const existing = b.state.spaces.find(
      (s) =>
        s.spaceType === 'DIRECT_MESSAGE' &&
        s.singleUserBotDm &&
        s.members.some((m) => m.member?.name === ctx.callerName),
    );
    if (existing) return { json: fullSpace(ctx, existing) };
    const space = storeSpace(ctx, spec);
    b.addUser(space, ctx.caller, 'ROLE_MEMBER', 'JOINED', ctx.now);
    space.members.push({
      name: `${space.name}/members/${b.appUserId()}`,
      member: { name: appName, type: 'BOT' },
      role: 'ROLE_MEMBER',
      state: 'JOINED',
      createTime: formatTimestamp(ctx.now),
      rank: b.ids.rank(),
    });
    if (requestId) b.rememberRequest('space', requestId, ctx, space.name);
    return { json: fullSpace(ctx, space) };
  }
  // "To create a DM between the calling user and another human user, specify exactly one membership."
  if (requested.length !== 1) throw errors.invalid('A direct message requires exactly one membership.', 'memberships');
  const other = others[0];
  if (!other || other.kind !== 'user') throw errors.notFound('The user to set up a direct message with was not found.');
  const existing = findDm(ctx, ctx.caller, other.user);
  // "If a DM already exists between two users, even when one user blocks the other ... the existing DM is returned."
  if (existing) return { json: fullSpace(ctx, existing) };
  // "If one user blocks the other, the request fails and the DM isn't created." (code unconfirmed, C19)
  if (b.directory.blocked(ctx.caller, other.user))
    throw errors.precondition('The direct message cannot be created because one user blocks the other.');
  if (!other.user.chatEnabled) throw errors.precondition('The user does not have access to Google Chat.');
  if (other.user.external && !other.byEmail)
    throw errors.invalid('External users must be named by email: users/{email}.', 'memberships[0].member.name');
  const space = storeSpace(ctx, { ...spec, externalUserAllowed: spec.externalUserAllowed || other.user.external });
  b.addUser(space, ctx.caller, 'ROLE_MEMBER', 'JOINED', ctx.now);
  b.addUser(space, other.user, 'ROLE_MEMBER', other.user.autoAccept ? 'JOINED' : 'INVITED', ctx.now);
  if (requestId) b.rememberRequest('space', requestId, ctx, space.name);
  return { json: fullSpace(ctx, space) };
}

/** The human DM between two users, if any. */
export function findDm(ctx: HandlerContext, a: DirectoryUser, b: DirectoryUser): SpaceState | undefined {
  const names = new Set([`users/${a.id}`, `users/${b.id}`]);
  return ctx.backend.state.spaces.find((s) => {
    if (s.spaceType !== 'DIRECT_MESSAGE' || s.singleUserBotDm) return false;
    const humans = s.members.filter((m) => m.member?.type === 'HUMAN').map((m) => m.member?.name as string);
    return humans.length === names.size && humans.every((n) => names.has(n)) && (a.id !== b.id || humans.length === 1);
  });
}

/** spaces.get. */
export const get: Handler = (ctx) => {
  const space = ctx.backend.requireSpace(ctx, ctx.pathParams.name, { allowInvited: true });
  return { json: fullSpace(ctx, space) };
};

/** spaces.list ("Lists spaces the caller is a member of. Group chats and DMs aren't listed until the first message"). */
export const list: Handler = (ctx) => {
  const filter = qs(ctx, 'filter');
  const types = filter ? spacesListFilter(filter) : undefined;
  const b = ctx.backend;
  const visible = b.state.spaces.filter((s) => {
    if (s.importMode || !b.isJoined(s, ctx.caller)) return false;
    if (s.spaceType !== 'SPACE' && !s.messages.some((m) => !m.deleteTime)) return false;
    return !types || types.has(s.spaceType);
  });
  const keyed = visible.map((s, i) => ({ s, key: rankKey(ctx, s, i) })).sort((x, y) => cmp(x.key, y.key));
  const { page, nextPageToken } = pageOf(ctx, keyed, (x) => x.key);
  const spaces = page.map((x) =>
    renderSpace(x.s, { permissionSettings: false, extensions: b.behaviour.schemaExtensions }),
  );
  return { json: listResponse('spaces', spaces, nextPageToken), items: spaces.length };
};

function cmp(a: Array<number | string>, b: Array<number | string>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return (a[i] ?? -Infinity) < (b[i] ?? -Infinity) ? -1 : 1;
  }
  return 0;
}

/** spaces.search (admin only in this discovery revision). */
export const search: Handler = (ctx) => {
  const predicate = spacesSearchQuery(qs(ctx, 'query'));
  const order = (qs(ctx, 'orderBy') ?? 'create_time ASC').trim();
  const m = /^(membership_count\.joined_direct_human_user_count|last_active_time|create_time)(?:\s+(ASC|DESC))?$/.exec(
    order,
  );
  if (!m) throw errors.invalid('Invalid orderBy.', 'order_by');
  const b = ctx.backend;
  const value = (s: SpaceState): number => {
    if (m[1] === 'create_time') return Date.parse(s.createTime);
    if (m[1] === 'last_active_time') return Date.parse(s.lastActiveTime ?? s.createTime);
    return s.members.filter((x) => x.state === 'JOINED' && x.member?.type === 'HUMAN').length;
  };
  const desc = m[2] === 'DESC';
  const matches = b.state.spaces
    .filter((s) => s.spaceType === 'SPACE' && !s.importMode)
    .filter((s) =>
      predicate({
        createTime: Date.parse(s.createTime),
        lastActiveTime: Date.parse(s.lastActiveTime ?? s.createTime),
        displayName: s.displayName ?? '',
        externalUserAllowed: s.externalUserAllowed,
        spaceHistoryState: s.spaceHistoryState,
        spaceType: s.spaceType,
      }),
    )
    .map((s) => ({ s, key: [desc ? -value(s) : value(s), s.rank] as Array<number | string> }))
    .sort((x, y) => cmp(x.key, y.key));
  const { page, nextPageToken } = pageOf(ctx, matches, (x) => x.key);
  const out = listResponse(
    'spaces',
    page.map((x) => renderSpace(x.s, { permissionSettings: false, extensions: b.behaviour.schemaExtensions })),
    nextPageToken,
  );
  if (matches.length > 0) out.totalSize = matches.length;
  return { json: out, items: page.length };
};

const PERMISSION_MASKS = [
  'manage_members_and_groups',
  'modify_space_details',
  'toggle_history',
  'use_at_mention_all',
  'manage_apps',
  'manage_webhooks',
  'reply_messages',
];

/** spaces.patch (updateMask rules: discovery description; facts §2.2). */
export const patch: Handler = (ctx) => {
  const b = ctx.backend;
  const space = b.requireSpace(ctx, ctx.pathParams.name);
  const masks = parseMask(ctx.query.updateMask);
  const body = ctx.body;
  const perm = masks.filter((m) => m.startsWith('permission_settings.'));
  const known = ['space_details', 'display_name', 'space_type', 'space_history_state', 'access_settings.audience'];
  for (const mask of masks) {
    if (mask.startsWith('permission_settings.')) {
      if (!PERMISSION_MASKS.includes(mask.slice('permission_settings.'.length))) {
        throw errors.invalid(`Invalid update mask path: ${mask}.`, 'update_mask');
      }
    } else if (!known.includes(mask)) {
      throw errors.invalid(`Invalid update mask path: ${mask}.`, 'update_mask');
    }
  }
  // "To update the space history state, you must omit all other field masks"; same for access_settings.audience.
  for (const alone of ['space_history_state', 'access_settings.audience']) {
    if (masks.includes(alone) && masks.length > 1)
      throw errors.invalid(`The ${alone} field mask must be used alone.`, 'update_mask');
  }
  // "When updating permission settings, you can only specify permissionSettings field masks".
  if (perm.length > 0 && perm.length !== masks.length) {
    throw errors.invalid('permission_settings field masks cannot be combined with other field masks.', 'update_mask');
  }
  if (ctx.admin && masks.some((m) => m !== 'space_details' && m !== 'display_name')) {
    throw errors.invalid(
      `${masks.find((m) => m !== 'space_details' && m !== 'display_name')} is not supported with useAdminAccess.`,
      'update_mask',
    );
  }
  const role = ctx.admin ? 'ROLE_MANAGER' : b.roleOf(space, ctx.caller);
  const external = ctx.caller.external && !ctx.admin;
  let newType: SpaceType = space.spaceType;
  if (masks.includes('space_type')) {
    // "Only supports changing a GROUP_CHAT space type to SPACE. Include display_name together with space_type".
    if (
      body.spaceType !== 'SPACE' ||
      !masks.includes('display_name') ||
      (space.spaceType !== 'GROUP_CHAT' && space.spaceType !== 'SPACE')
    ) {
      throw errors.invalid(
        'space_type can only change a GROUP_CHAT to a SPACE, together with display_name.',
        'update_mask',
      );
    }
    newType = 'SPACE';
  }
  if (masks.includes('display_name') || masks.includes('space_details')) {
    if (external || !b.allowed(space, 'modifySpaceDetails', role)) throw errors.denied();
  }
  if (masks.includes('display_name')) {
    if (newType !== 'SPACE')
      throw errors.invalid('display_name can only be updated for spaces of type SPACE.', 'update_mask');
    const name = typeof body.displayName === 'string' ? body.displayName : '';
    if (name.trim() === '') throw errors.invalid('Display name must not be empty.', 'space.display_name');
    checkLength(name, 128, 'space.display_name');
    if (b.displayNameTaken(name, space)) throw b.displayNameError();
  }
  const details = body.spaceDetails as { description?: string; guidelines?: string } | undefined;
  if (masks.includes('space_details')) {
    if (newType !== 'SPACE')
      throw errors.invalid('space_details can only be updated for spaces of type SPACE.', 'update_mask');
    checkLength(details?.description, 150, 'space.space_details.description');
    checkLength(details?.guidelines, 5000, 'space.space_details.guidelines');
  }
  if (masks.includes('space_history_state')) {
    const state = body.spaceHistoryState;
    if (state !== 'HISTORY_ON' && state !== 'HISTORY_OFF')
      throw errors.invalid('spaceHistoryState must be HISTORY_ON or HISTORY_OFF.', 'space.space_history_state');
    // "Only supported if history settings are enabled for the Google Workspace organization."
    if (!b.directory.historyToggleAllowed)
      throw errors.precondition('History settings cannot be changed in this organization.');
    if (!b.allowed(space, 'toggleHistory', role)) throw errors.denied();
  }
  if (masks.includes('access_settings.audience')) {
    // "the authenticating user must be a space manager"; not in import mode; SPACE only.
    if (space.spaceType !== 'SPACE')
      throw errors.invalid('access_settings.audience is only supported for spaces of type SPACE.', 'update_mask');
    if (role !== 'ROLE_MANAGER' && role !== 'ROLE_ASSISTANT_MANAGER') throw errors.denied();
    if (space.importMode) throw errors.precondition('Access settings cannot be updated in import mode.');
    const audience = (body.accessSettings as { audience?: string } | undefined)?.audience;
    if (audience && !/^audiences\/[^/]+$/.test(audience))
      throw errors.invalid('Invalid audience. Format: audiences/{audience}.', 'space.access_settings.audience');
  }
  if (perm.length > 0) {
    if (space.spaceType !== 'SPACE')
      throw errors.invalid('permission_settings are only supported for spaces of type SPACE.', 'update_mask');
    if (role !== 'ROLE_MANAGER' && role !== 'ROLE_ASSISTANT_MANAGER') throw errors.denied();
  }

  // Apply.
  if (masks.includes('space_type')) space.spaceType = 'SPACE';
  if (newType === 'SPACE' && !space.permissionSettings) {
    space.spaceThreadingState = 'THREADED_MESSAGES';
    space.permissionSettings = fullDefaults(ctx);
    for (const m of space.members)
      if (m.member?.name === ctx.callerName && m.role === 'ROLE_MEMBER') m.role = 'ROLE_MANAGER';
  }
  if (masks.includes('display_name')) space.displayName = body.displayName as string;
  if (masks.includes('space_details')) {
    // "patching space_details must send both description & guidelines": the mask replaces both (facts §2.2).
    space.spaceDetails = details && (details.description || details.guidelines) ? { ...details } : undefined;
  }
  if (masks.includes('space_history_state'))
    space.spaceHistoryState = body.spaceHistoryState as 'HISTORY_ON' | 'HISTORY_OFF';
  if (masks.includes('access_settings.audience')) {
    const audience = (body.accessSettings as { audience?: string } | undefined)?.audience;
    space.accessSettings = audience ? { audience } : undefined;
  }
  if (perm.length > 0 && space.permissionSettings) {
    const given = (body.permissionSettings ?? {}) as Record<string, Record<string, boolean>>;
    for (const mask of perm) {
      const key = mask
        .slice('permission_settings.'.length)
        .replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof NonNullable<SpaceState['permissionSettings']>;
      space.permissionSettings[key] = { ...(given[key] ?? {}) };
    }
  }
  b.recordEvent(space, 'google.workspace.chat.space.v1.updated', space.name, ctx.now);
  return { json: fullSpace(ctx, space) };
};

function fullDefaults(ctx: HandlerContext): NonNullable<SpaceState['permissionSettings']> {
  return defaultPermissions('COLLABORATION_SPACE', ctx.backend.behaviour.collaborationPermissions);
}

/** Removes a space and everything under it (spaces.delete: "Always performs a cascading delete"). */
export function removeSpace(ctx: HandlerContext, space: SpaceState): void {
  const b = ctx.backend;
  b.state.spaces = b.state.spaces.filter((s) => s !== space);
  b.state.media = b.state.media.filter((m) => m.space !== space.name);
  b.state.uploads = b.state.uploads.filter((u) => u.space !== space.name);
  b.state.readStates = b.state.readStates.filter((r) => r.space !== space.name);
  b.state.notificationSettings = b.state.notificationSettings.filter((r) => r.space !== space.name);
  b.forgetRequests(space.name);
}

/** spaces.delete. */
export const remove: Handler = (ctx) => {
  const b = ctx.backend;
  const space = b.requireSpace(ctx, ctx.pathParams.name);
  // Chat Help 13340792: only owners delete a space; group chats and DMs have no owners (C20).
  if (!ctx.admin && space.spaceType === 'SPACE' && b.roleOf(space, ctx.caller) !== 'ROLE_MANAGER')
    throw errors.denied();
  removeSpace(ctx, space);
  return { json: {} };
};

/** spaces.findDirectMessage ("If no direct message space is found, returns a 404 NOT_FOUND error"). */
export const findDirectMessage: Handler = (ctx) => {
  const name = qs(ctx, 'name');
  if (!name) throw errors.invalid('name is required. Format: users/{user}.', 'name');
  const user = ctx.backend.resolveUserName(name, ctx.caller, false);
  if (!user) throw errors.notFound();
  const dm = findDm(ctx, ctx.caller, user);
  if (!dm || !ctx.backend.membershipOf(dm, ctx.caller)) throw errors.notFound();
  return { json: fullSpace(ctx, dm) };
};

/** spaces.completeImport (requires chat.import; domain-wide delegation is not modelled, C21). */
export const completeImport: Handler = (ctx) => {
  const b = ctx.backend;
  const space = b.findSpace(ctx.pathParams.name);
  if (!space || space.creator !== ctx.callerName) throw errors.notFound();
  if (!space.importMode) throw errors.precondition('The space is not in import mode.');
  space.importMode = undefined;
  space.importModeExpireTime = undefined;
  if (!b.membershipOf(space, ctx.caller)) {
    b.addUser(space, ctx.caller, space.spaceType === 'SPACE' ? 'ROLE_MANAGER' : 'ROLE_MEMBER', 'JOINED', ctx.now);
  }
  return { json: { space: fullSpace(ctx, space) } };
};
