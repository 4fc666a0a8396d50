/**
 * users.spaces.* handlers: getSpaceReadState / updateSpaceReadState, threads.getThreadReadState,
 * spaceNotificationSetting get / patch. Rules: discovery descriptions — only the calling user (`users/me`, their
 * email or their id; others PERMISSION_DENIED), read-state mask `last_read_time` (a time after the latest message is
 * coerced to that message's create time), notification masks `notification_setting` / `mute_setting`. Names are
 * returned with the canonical `users/{id}`.
 */
import type { Handler, HandlerContext } from '../backend';
import { errors } from '../errors';
import type { SpaceState } from '../state';
import { formatTimestamp, parseTimestamp } from '../validate';
import { parseMask } from './common';

/** Parses `users/{user}/spaces/{space}/...` and checks `{user}` is the caller. */
function parse(ctx: HandlerContext, name: string): { space: SpaceState; rest: string[] } {
  const parts = name.split('/');
  const userSegment = parts[1] ?? '';
  const self =
    userSegment === 'me' ||
    userSegment === ctx.caller.id ||
    (userSegment.includes('@') && userSegment.toLowerCase() === ctx.caller.email);
  // "Only supports getting read state for the calling user."
  if (!self) throw errors.denied('You can only access your own read state and settings.');
  const space = ctx.backend.requireSpace(ctx, `spaces/${parts[3]}`);
  return { space, rest: parts.slice(4) };
}

function defaultReadTime(ctx: HandlerContext, space: SpaceState): string {
  return ctx.backend.membershipOf(space, ctx.caller)?.createTime ?? space.createTime;
}

/** users.spaces.getSpaceReadState. */
export const getSpaceReadState: Handler = (ctx) => {
  const { space } = parse(ctx, ctx.pathParams.name);
  const entry = ctx.backend.state.readStates.find((r) => r.user === ctx.callerName && r.space === space.name);
  return {
    json: {
      name: `${ctx.callerName}/${space.name}/spaceReadState`,
      lastReadTime: entry?.lastReadTime ?? defaultReadTime(ctx, space),
    },
  };
};

/** users.spaces.updateSpaceReadState. */
export const updateSpaceReadState: Handler = (ctx) => {
  const { space } = parse(ctx, ctx.pathParams.name);
  const masks = parseMask(ctx.query.updateMask);
  if (masks.some((m) => m !== 'last_read_time'))
    throw errors.invalid('Supported update mask paths: last_read_time.', 'update_mask');
  const given = ctx.body.lastReadTime;
  if (typeof given !== 'string') throw errors.invalid('lastReadTime is required.', 'space_read_state.last_read_time');
  let ms = parseTimestamp(given);
  // "The last_read_time is coerced to match the latest message create time."
  const latest = Math.max(
    ...space.messages.filter((m) => !m.deleteTime && !m.threadReply).map((m) => Date.parse(m.createTime)),
    -Infinity,
  );
  if (Number.isFinite(latest) && ms > latest) ms = latest;
  const time = formatTimestamp(ms);
  const b = ctx.backend;
  const entry = b.state.readStates.find((r) => r.user === ctx.callerName && r.space === space.name);
  if (entry) entry.lastReadTime = time;
  else b.state.readStates.push({ user: ctx.callerName, space: space.name, lastReadTime: time });
  return { json: { name: `${ctx.callerName}/${space.name}/spaceReadState`, lastReadTime: time } };
};

/** users.spaces.threads.getThreadReadState (the caller's latest post in the thread, else when they joined). */
export const getThreadReadState: Handler = (ctx) => {
  const { space, rest } = parse(ctx, ctx.pathParams.name);
  const thread = `${space.name}/threads/${rest[1]}`;
  const inThread = space.messages.filter((m) => m.thread.name === thread);
  if (inThread.length === 0) throw errors.notFound('Thread not found.');
  const mine = inThread.filter((m) => m.sender.name === ctx.callerName).map((m) => Date.parse(m.createTime));
  const lastReadTime = mine.length > 0 ? formatTimestamp(Math.max(...mine)) : defaultReadTime(ctx, space);
  return { json: { name: `${ctx.callerName}/${thread}/threadReadState`, lastReadTime } };
};

const NOTIFICATION = ['ALL', 'MAIN_CONVERSATIONS', 'FOR_YOU', 'OFF'];
const MUTE = ['UNMUTED', 'MUTED'];

function setting(ctx: HandlerContext, space: SpaceState): { notificationSetting: string; muteSetting: string } {
  const entry = ctx.backend.state.notificationSettings.find((r) => r.user === ctx.callerName && r.space === space.name);
  // Defaults (C25): everything for DMs and group chats, main conversations for named spaces; unmuted.
  return (
    entry ?? { notificationSetting: space.spaceType === 'SPACE' ? 'MAIN_CONVERSATIONS' : 'ALL', muteSetting: 'UNMUTED' }
  );
}

/** users.spaces.spaceNotificationSetting.get. */
export const getNotificationSetting: Handler = (ctx) => {
  const { space } = parse(ctx, ctx.pathParams.name);
  const s = setting(ctx, space);
  return {
    json: {
      name: `${ctx.callerName}/${space.name}/spaceNotificationSetting`,
      notificationSetting: s.notificationSetting,
      muteSetting: s.muteSetting,
    },
  };
};

/** users.spaces.spaceNotificationSetting.patch. */
export const patchNotificationSetting: Handler = (ctx) => {
  const { space } = parse(ctx, ctx.pathParams.name);
  const masks = parseMask(ctx.query.updateMask);
  if (masks.some((m) => m !== 'notification_setting' && m !== 'mute_setting')) {
    throw errors.invalid('Supported update mask paths: notification_setting, mute_setting.', 'update_mask');
  }
  const current = { ...setting(ctx, space) };
  if (masks.includes('notification_setting')) {
    const v = ctx.body.notificationSetting;
    if (typeof v !== 'string' || !NOTIFICATION.includes(v))
      throw errors.invalid('Invalid notificationSetting.', 'space_notification_setting.notification_setting');
    current.notificationSetting = v;
  }
  if (masks.includes('mute_setting')) {
    const v = ctx.body.muteSetting;
    if (typeof v !== 'string' || !MUTE.includes(v))
      throw errors.invalid('Invalid muteSetting.', 'space_notification_setting.mute_setting');
    current.muteSetting = v;
  }
  const b = ctx.backend;
  b.state.notificationSettings = b.state.notificationSettings.filter(
    (r) => !(r.user === ctx.callerName && r.space === space.name),
  );
  b.state.notificationSettings.push({ user: ctx.callerName, space: space.name, ...current });
  return { json: { name: `${ctx.callerName}/${space.name}/spaceNotificationSetting`, ...current } };
};
