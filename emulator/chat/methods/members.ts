/**
 * spaces.members.* handlers: create, get, list, patch, delete. Rules: discovery descriptions (invited vs joined by
 * auto-accept policy, groups only as `groups/{id}` in named spaces, `spaces/S/members/{email}` aliases, "To delete
 * memberships for space managers, the requester must be a space manager", updateMask `role` only), facts §1.2
 * (membership semantics), Chat Help 13340792 (who may change which role), GAM's error mapping (facts §2.1:
 * ALREADY_EXISTS for an existing membership, FAILED_PRECONDITION for a user with Chat turned off).
 */
import type { Handler, HandlerContext } from '../backend';
import { errors, insufficientScopes } from '../errors';
import { membersListFilter } from '../filters';
import { renderMember } from '../render';
import type { MemberState, Role, SpaceState } from '../state';
import { formatTimestamp } from '../validate';
import { listResponse, pageOf, parseMask, qb, qs, rankKey } from './common';

/** The space name of a membership name. */
function spaceOf(name: string): string {
  return name.split('/').slice(0, 2).join('/');
}

/** Finds a membership by id, email alias or `app` (discovery members.get/delete `name` description). */
export function findMember(ctx: HandlerContext, space: SpaceState, name: string): MemberState | undefined {
  const segment = name.split('/')[3] ?? '';
  if (segment === 'app') {
    return space.members.find((m) => m.member?.type === 'BOT' && m.member.name === `users/${ctx.backend.appUserId()}`);
  }
  if (segment.includes('@')) {
    const user = ctx.backend.directory.userByEmail(segment);
    return user ? space.members.find((m) => m.member?.name === `users/${user.id}`) : undefined;
  }
  return space.members.find((m) => m.name === `${space.name}/members/${segment}`);
}

/** spaces.members.create. */
export const create: Handler = (ctx) => {
  const b = ctx.backend;
  const space = b.requireSpace(ctx, ctx.pathParams.parent);
  const body = ctx.body;
  const member = body.member as { name?: string; type?: string } | undefined;
  const group = body.groupMember as { name?: string } | undefined;
  if (!member && !group) throw errors.invalid('The membership must set member or groupMember.', 'membership');
  if (space.spaceType === 'DIRECT_MESSAGE')
    throw errors.invalid('Members cannot be added to a direct message.', 'parent');

  if (member?.type === 'BOT') {
    // Only the calling app (`users/app`) can be added; "Creating memberships for other Chat apps isn't supported."
    if (member.name !== 'users/app')
      throw errors.invalid('Only the calling Chat app (users/app) can be added.', 'membership.member.name');
    if (ctx.admin)
      throw errors.invalid('Creating app memberships is not supported with useAdminAccess.', 'membership.member');
    if (!ctx.scopes.has('chat.memberships.app') && !ctx.scopes.has('chat.memberships'))
      throw insufficientScopes(ctx.method.id);
    const appName = `users/${b.appUserId()}`;
    if (space.members.some((m) => m.member?.name === appName))
      throw errors.exists('The Chat app is already a member of the space.');
    const m: MemberState = {
      name: `${space.name}/members/${b.appUserId()}`,
      member: { name: appName, type: 'BOT' },
      role: 'ROLE_MEMBER',
      state: 'JOINED',
      createTime: formatTimestamp(ctx.now),
      rank: b.ids.rank(),
    };
    space.members.push(m);
    b.recordEvent(space, 'google.workspace.chat.membership.v1.created', m.name, ctx.now);
    return { json: renderMember(m) };
  }
  // Human and group memberships need chat.memberships (chat.memberships.app only covers the app itself).
  if (!ctx.admin && !ctx.scopes.has('chat.memberships') && !ctx.scopes.has('chat.import'))
    throw insufficientScopes(ctx.method.id);
  // External users "won't have access to some features, such as updating space details or adding people" (Help 13340792).
  if (!ctx.admin && (ctx.caller.external || !b.allowed(space, 'manageMembersAndGroups', b.roleOf(space, ctx.caller)))) {
    throw errors.denied();
  }

  if (group) {
    const gm = /^groups\/([^/]+)$/.exec(group.name ?? '');
    if (!gm)
      throw errors.invalid('Invalid group resource name. Format: groups/{group}.', 'membership.group_member.name');
    if (gm[1].includes('@'))
      throw errors.invalid(
        'Group email is not supported. Use groups/{group} with the Cloud Identity group id.',
        'membership.group_member.name',
      );
    if (space.spaceType !== 'SPACE')
      throw errors.invalid('Google groups can only be added to spaces of type SPACE.', 'membership.group_member');
    const g = b.directory.groupById(gm[1]);
    if (!g) throw errors.notFound('The group was not found.');
    if (space.members.some((m) => m.groupMember?.name === `groups/${g.id}`))
      throw errors.exists('The group is already a member of the space.');
    return { json: renderMember(b.addGroup(space, g, ctx.now)) };
  }

  const user = b.resolveUserName(member?.name ?? '', ctx.caller, false);
  if (member?.type && member.type !== 'HUMAN')
    throw errors.invalid('member.type must be HUMAN or BOT.', 'membership.member.type');
  if (!user) throw errors.notFound('The user was not found.');
  if (ctx.admin && user.external) {
    throw errors.invalid(
      'Creating memberships for users outside the organization is not supported with useAdminAccess.',
      'membership.member',
    );
  }
  if (user.external && !(member?.name ?? '').includes('@')) {
    throw errors.invalid('External users must be named by email: users/{email}.', 'membership.member.name');
  }
  if (b.membershipOf(space, user)) throw errors.exists('The user is already a member of the space.');
  if (!user.chatEnabled) throw errors.precondition('The user does not have access to Google Chat.');
  if (user.external && !space.externalUserAllowed) {
    // Code unconfirmed (C22).
    throw errors.precondition('External users cannot be added to this space (externalUserAllowed is false).');
  }
  if (!ctx.admin && b.directory.blocked(ctx.caller, user))
    throw errors.denied('The user cannot be added to the space.');
  const m = b.addUser(space, user, 'ROLE_MEMBER', user.autoAccept ? 'JOINED' : 'INVITED', ctx.now);
  return { json: renderMember(m) };
};

/** spaces.members.get. */
export const get: Handler = (ctx) => {
  const name = ctx.pathParams.name;
  const space = ctx.backend.requireSpace(ctx, spaceOf(name), { allowInvited: true });
  if (ctx.admin && name.endsWith('/members/app'))
    throw errors.invalid('Getting app memberships is not supported with useAdminAccess.', 'name');
  const m = findMember(ctx, space, name);
  if (!m) throw errors.notFound('Membership not found.');
  return { json: renderMember(m) };
};

/** spaces.members.list. */
export const list: Handler = (ctx) => {
  const b = ctx.backend;
  const space = b.requireSpace(ctx, ctx.pathParams.parent, { allowInvited: true });
  const filterText = qs(ctx, 'filter');
  if (ctx.admin && !filterText) {
    throw errors.invalid(
      'When use_admin_access is true, the filter must contain member.type = "HUMAN" or member.type != "BOT".',
      'filter',
    );
  }
  const predicate = filterText
    ? membersListFilter(filterText, { extensions: b.behaviour.schemaExtensions, requireHuman: ctx.admin })
    : undefined;
  const showGroups = qb(ctx, 'showGroups');
  const showInvited = qb(ctx, 'showInvited');
  const items = space.members
    .filter((m) => (m.groupMember ? showGroups : true))
    .filter((m) => m.state === 'JOINED' || showInvited)
    .filter((m) => !(ctx.admin && m.member?.type === 'BOT'))
    .filter((m) => !predicate || predicate({ role: m.role, type: m.member?.type ?? 'GROUP' }))
    .map((m, i) => ({ m, key: rankKey(ctx, m, i) }))
    .sort((x, y) => (x.key[0] === y.key[0] ? Number(x.key[1]) - Number(y.key[1]) : x.key[0] < y.key[0] ? -1 : 1));
  const { page, nextPageToken } = pageOf(ctx, items, (x) => x.key);
  return {
    json: listResponse(
      'memberships',
      page.map((x) => renderMember(x.m)),
      nextPageToken,
    ),
    items: page.length,
  };
};

/** True when removing/demoting `target` would leave a named space without an owner (C9). */
function lastOwner(ctx: HandlerContext, space: SpaceState, target: MemberState): boolean {
  if (!ctx.backend.behaviour.requireOwner || space.spaceType !== 'SPACE' || target.role !== 'ROLE_MANAGER')
    return false;
  return ctx.backend.owners(space).filter((m) => m !== target).length === 0;
}

/** spaces.members.patch ("Currently supported field paths: role"). */
export const patch: Handler = (ctx) => {
  const b = ctx.backend;
  const name = ctx.pathParams.name;
  const space = b.requireSpace(ctx, spaceOf(name));
  const masks = parseMask(ctx.query.updateMask);
  if (masks.some((m) => m !== 'role' && m !== '*'))
    throw errors.invalid(
      `Invalid update mask path: ${masks.find((m) => m !== 'role')}. Supported: role.`,
      'update_mask',
    );
  const target = findMember(ctx, space, name);
  if (!target) throw errors.notFound('Membership not found.');
  if (target.groupMember || target.member?.type === 'BOT')
    throw errors.invalid('Only human memberships have roles.', 'membership.role');
  const role = ctx.body.role as Role | undefined;
  const roles: Role[] = b.behaviour.schemaExtensions
    ? ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER']
    : ['ROLE_MEMBER', 'ROLE_MANAGER'];
  if (!role || !roles.includes(role))
    throw errors.invalid(`role must be one of ${roles.join(', ')}.`, 'membership.role');
  // "Only supported in SpaceType.SPACE (named spaces)."
  if (space.spaceType !== 'SPACE' && role !== 'ROLE_MEMBER')
    throw errors.invalid('Manager roles are only supported in spaces of type SPACE.', 'membership.role');
  if (!ctx.admin) {
    const mine = b.roleOf(space, ctx.caller);
    // Help 13340792: owners change any role; managers make members managers but cannot make owners or change owners.
    const ok =
      mine === 'ROLE_MANAGER' ||
      (mine === 'ROLE_ASSISTANT_MANAGER' && role !== 'ROLE_MANAGER' && target.role !== 'ROLE_MANAGER');
    if (!ok) throw errors.denied();
  }
  if (role !== 'ROLE_MANAGER' && lastOwner(ctx, space, target)) {
    throw errors.precondition('A space must have at least one owner. Make another member an owner first.');
  }
  if (target.role !== role) {
    target.role = role;
    b.recordEvent(space, 'google.workspace.chat.membership.v1.updated', target.name, ctx.now);
  }
  return { json: renderMember(target) };
};

/** spaces.members.delete (returns the deleted membership). */
export const remove: Handler = (ctx) => {
  const b = ctx.backend;
  const name = ctx.pathParams.name;
  const space = b.requireSpace(ctx, spaceOf(name), { allowInvited: true });
  const target = findMember(ctx, space, name);
  if (!target) throw errors.notFound('Membership not found.');
  const self = target.member?.name === ctx.callerName;
  if (space.spaceType === 'DIRECT_MESSAGE' && target.member?.type === 'HUMAN') {
    throw errors.invalid('Members cannot be removed from a direct message.', 'name');
  }
  if (target.member?.type === 'BOT' && !ctx.scopes.has('chat.memberships.app') && !ctx.scopes.has('chat.memberships')) {
    throw insufficientScopes(ctx.method.id);
  }
  if (
    target.member?.type !== 'BOT' &&
    !ctx.admin &&
    !ctx.scopes.has('chat.memberships') &&
    !ctx.scopes.has('chat.import')
  ) {
    throw insufficientScopes(ctx.method.id);
  }
  if (!self && !ctx.admin) {
    if (!b.isJoined(space, ctx.caller)) throw errors.notFound();
    const mine = b.roleOf(space, ctx.caller);
    if (ctx.caller.external || !b.allowed(space, 'manageMembersAndGroups', mine)) throw errors.denied();
    // "To delete memberships for space managers, the requester must be a space manager."
    if (target.role === 'ROLE_MANAGER' && mine !== 'ROLE_MANAGER') throw errors.denied();
    if (target.role === 'ROLE_ASSISTANT_MANAGER' && mine !== 'ROLE_MANAGER' && mine !== 'ROLE_ASSISTANT_MANAGER')
      throw errors.denied();
  }
  const othersRemain = space.members.some((m) => m !== target && m.state === 'JOINED' && m.member?.type === 'HUMAN');
  if (othersRemain && lastOwner(ctx, space, target)) {
    throw errors.precondition('A space must have at least one owner. Make another member an owner first.');
  }
  const rendered = renderMember(target);
  space.members = space.members.filter((m) => m !== target);
  if (target.member) {
    const user = target.member.name;
    b.state.readStates = b.state.readStates.filter((r) => !(r.space === space.name && r.user === user));
    b.state.notificationSettings = b.state.notificationSettings.filter(
      (r) => !(r.space === space.name && r.user === user),
    );
  }
  // MembershipDeletedEventData: "Only the name and state fields are populated."
  b.recordEvent(space, 'google.workspace.chat.membership.v1.deleted', target.name, ctx.now, {
    name: target.name,
    state: 'NOT_A_MEMBER',
  });
  return { json: rendered };
};
