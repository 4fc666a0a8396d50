/**
 * spaces.spaceEvents.get and list. Every change the emulator makes to a space records an event (message, membership
 * and reaction created/updated/deleted, space updated). Rules: discovery descriptions — the payload carries "the most
 * recent version of the resource" (a membership removed since is an empty Membership), deleted payloads carry only
 * name/state (memberships) or name/createTime/deleteTime/deletionMetadata (messages), `filter` is required with at
 * least one `event_types:`, batch types come back automatically, the look-back is 28 days, results are chronological,
 * and the caller must be a member. Reading an event type needs a scope for that resource (C24).
 */
import type { Handler, HandlerContext } from '../backend';
import { errors, insufficientScopes } from '../errors';
import { spaceEventsFilter } from '../filters';
import { renderMember, renderMessage, renderReaction, renderSpace } from '../render';
import type { EventState, SpaceState } from '../state';
import { findMessage } from './messages';
import { listResponse, pageOf, qs } from './common';

const WINDOW = 28 * 24 * 3600 * 1000;

/** Scopes that allow reading each event family (scope descriptions in the discovery document). */
const EVENT_SCOPES: Record<string, string[]> = {
  message: ['chat.messages', 'chat.messages.readonly'],
  membership: ['chat.memberships', 'chat.memberships.readonly'],
  reaction: ['chat.messages.reactions', 'chat.messages.reactions.readonly', 'chat.messages', 'chat.messages.readonly'],
  space: ['chat.spaces', 'chat.spaces.readonly'],
};

function family(eventType: string): string {
  return eventType.split('.')[3] ?? '';
}

function requireScopeFor(ctx: HandlerContext, eventType: string): void {
  const allowed = EVENT_SCOPES[family(eventType)] ?? [];
  if (!allowed.some((s) => ctx.scopes.has(s))) throw insufficientScopes(ctx.method.id);
}

/** Renders one event with the latest version of its resource. */
export function renderEvent(ctx: HandlerContext, space: SpaceState, ev: EventState): Record<string, unknown> {
  const [, , , fam, , action] = ev.eventType.split('.');
  const verb = action.charAt(0).toUpperCase() + action.slice(1);
  const payloadKey = `${fam}${verb}EventData`;
  const out: Record<string, unknown> = { name: ev.name, eventTime: ev.eventTime, eventType: ev.eventType };
  const deleted = action === 'deleted' || action === 'batchDeleted';
  let resource: Record<string, unknown>;
  switch (fam) {
    case 'message': {
      const m = findMessage(space, ev.resource);
      resource = deleted ? (ev.snapshot ?? { name: ev.resource }) : m ? renderMessage(m, space) : {};
      out[payloadKey] = { message: resource };
      break;
    }
    case 'membership': {
      if (action === 'batchCreated' || action === 'batchUpdated' || action === 'batchDeleted') {
        const names = (ev.snapshot?.memberships as string[] | undefined) ?? [];
        out[payloadKey] = {
          memberships: names.map((n) => {
            const m = space.members.find((x) => x.name === n);
            return { membership: m ? renderMember(m) : {} };
          }),
        };
        break;
      }
      const m = space.members.find((x) => x.name === ev.resource);
      resource = deleted ? (ev.snapshot ?? { name: ev.resource }) : m ? renderMember(m) : {};
      out[payloadKey] = { membership: resource };
      break;
    }
    case 'reaction': {
      const messageName = ev.resource.split('/').slice(0, 4).join('/');
      const r = findMessage(space, messageName)?.reactions.find((x) => x.name === ev.resource);
      resource = deleted ? (ev.snapshot ?? { name: ev.resource }) : r ? renderReaction(r) : {};
      out[payloadKey] = { reaction: resource };
      break;
    }
    default:
      out[payloadKey] = {
        space: renderSpace(space, { permissionSettings: false, extensions: ctx.backend.behaviour.schemaExtensions }),
      };
  }
  return out;
}

/** spaces.spaceEvents.get. */
export const get: Handler = (ctx) => {
  const name = ctx.pathParams.name;
  const space = ctx.backend.requireSpace(ctx, name.split('/').slice(0, 2).join('/'));
  const ev = space.events.find((e) => e.name === name);
  if (!ev || ctx.now - Date.parse(ev.eventTime) > WINDOW) throw errors.notFound('Space event not found.');
  requireScopeFor(ctx, ev.eventType);
  return { json: renderEvent(ctx, space, ev) };
};

/** spaces.spaceEvents.list. */
export const list: Handler = (ctx) => {
  const space = ctx.backend.requireSpace(ctx, ctx.pathParams.parent);
  const filter = spaceEventsFilter(qs(ctx, 'filter'));
  for (const t of filter.eventTypes) requireScopeFor(ctx, t);
  const oldest = ctx.now - WINDOW;
  // "You can list events that occurred up to 28 days ago."
  if (filter.startTime !== undefined && filter.startTime < oldest) {
    throw errors.invalid('start_time must be within the last 28 days.', 'filter');
  }
  if (filter.endTime !== undefined && filter.startTime !== undefined && filter.endTime < filter.startTime) {
    throw errors.invalid('end_time must not be before start_time.', 'filter');
  }
  const start = filter.startTime ?? oldest;
  const end = filter.endTime ?? ctx.now;
  // "The request automatically returns any related batch events."
  const wanted = new Set<string>();
  for (const t of filter.eventTypes) {
    wanted.add(t);
    const action = t.split('.').pop() as string;
    wanted.add(t.replace(/\.[a-z]+$/, `.batch${action.charAt(0).toUpperCase()}${action.slice(1)}`));
  }
  const items = space.events
    .map((ev, i) => ({ ev, i, t: Date.parse(ev.eventTime) }))
    .filter((x) => wanted.has(x.ev.eventType) && x.t > start && x.t <= end);
  const { page, nextPageToken } = pageOf(ctx, items, (x) => [x.t, x.i]);
  return {
    json: listResponse(
      'spaceEvents',
      page.map((x) => renderEvent(ctx, space, x.ev)),
      nextPageToken,
    ),
    items: page.length,
  };
};
