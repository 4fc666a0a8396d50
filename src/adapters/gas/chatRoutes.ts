/**
 * How each Chat request travels: its REST verb and URL (for UrlFetchApp) and its advanced-service call (for the
 * `Chat` global). One table, so the two transports cannot drift apart. URLs follow the discovery document's
 * `path` templates (`v1/{+name}` …); the Cloud Identity group lookup and media download exist only as REST.
 */
import type { ChatMethodId, ChatRequest } from '../../ports/chat';

export const CHAT_ROOT = 'https://chat.googleapis.com/';
export const CLOUD_IDENTITY_ROOT = 'https://cloudidentity.googleapis.com/';

type Verb = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Args = Record<string, string | number | boolean>;
type FacadeCall = (chat: GoogleAppsScript.Chat.ChatService, r: ChatRequest, query: Args) => unknown;

interface Route {
  verb: Verb;
  /** URL path below the root, given the request's resource. */
  path: (resource: string) => string;
  root?: string;
  /** The advanced-service call; absent when the service does not offer the method. */
  facade?: FacadeCall;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies are validated by the API, not re-typed here */
const body = (r: ChatRequest): any => r.body ?? {};
/* eslint-enable @typescript-eslint/no-explicit-any */
const res = (r: ChatRequest): string => r.resource ?? '';

export const ROUTES: Record<ChatMethodId, Route> = {
  'chat.spaces.setup': { verb: 'post', path: () => 'v1/spaces:setup', facade: (c, r) => c.Spaces.setup(body(r)) },
  'chat.spaces.create': { verb: 'post', path: () => 'v1/spaces', facade: (c, r, q) => c.Spaces.create(body(r), q) },
  'chat.spaces.get': { verb: 'get', path: (n) => `v1/${n}`, facade: (c, r, q) => c.Spaces.get(res(r), q) },
  'chat.spaces.list': { verb: 'get', path: () => 'v1/spaces', facade: (c, _r, q) => c.Spaces.list(q) },
  'chat.spaces.patch': {
    verb: 'patch',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.patch(body(r), res(r), q),
  },
  'chat.spaces.delete': { verb: 'delete', path: (n) => `v1/${n}`, facade: (c, r, q) => c.Spaces.remove(res(r), q) },
  'chat.spaces.findDirectMessage': {
    verb: 'get',
    path: () => 'v1/spaces:findDirectMessage',
    facade: (c, _r, q) => c.Spaces.findDirectMessage(q),
  },
  'chat.spaces.members.create': {
    verb: 'post',
    path: (p) => `v1/${p}/members`,
    facade: (c, r, q) => c.Spaces.Members.create(body(r), res(r), q),
  },
  'chat.spaces.members.get': {
    verb: 'get',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Members.get(res(r), q),
  },
  'chat.spaces.members.list': {
    verb: 'get',
    path: (p) => `v1/${p}/members`,
    facade: (c, r, q) => c.Spaces.Members.list(res(r), q),
  },
  'chat.spaces.members.patch': {
    verb: 'patch',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Members.patch(body(r), res(r), q),
  },
  'chat.spaces.members.delete': {
    verb: 'delete',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Members.remove(res(r), q),
  },
  'chat.spaces.messages.create': {
    verb: 'post',
    path: (p) => `v1/${p}/messages`,
    facade: (c, r, q) => c.Spaces.Messages.create(body(r), res(r), q),
  },
  'chat.spaces.messages.get': {
    verb: 'get',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Messages.get(res(r), q),
  },
  'chat.spaces.messages.list': {
    verb: 'get',
    path: (p) => `v1/${p}/messages`,
    facade: (c, r, q) => c.Spaces.Messages.list(res(r), q),
  },
  'chat.spaces.messages.patch': {
    verb: 'patch',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Messages.patch(body(r), res(r), q),
  },
  'chat.spaces.messages.update': {
    verb: 'put',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Messages.update(body(r), res(r), q),
  },
  'chat.spaces.messages.delete': {
    verb: 'delete',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Messages.remove(res(r), q),
  },
  'chat.spaces.messages.reactions.create': {
    verb: 'post',
    path: (p) => `v1/${p}/reactions`,
    facade: (c, r, q) => c.Spaces.Messages.Reactions.create(body(r), res(r), q),
  },
  'chat.spaces.messages.reactions.list': {
    verb: 'get',
    path: (p) => `v1/${p}/reactions`,
    facade: (c, r, q) => c.Spaces.Messages.Reactions.list(res(r), q),
  },
  'chat.spaces.messages.reactions.delete': {
    verb: 'delete',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Messages.Reactions.remove(res(r), q),
  },
  'chat.spaces.messages.attachments.get': {
    verb: 'get',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Spaces.Messages.Attachments.get(res(r), q),
  },
  'chat.spaces.spaceEvents.list': {
    verb: 'get',
    path: (p) => `v1/${p}/spaceEvents`,
    facade: (c, r, q) => c.Spaces.SpaceEvents.list(res(r), q),
  },
  'chat.media.upload': { verb: 'post', path: (p) => `upload/v1/${p}/attachments:upload` },
  'chat.media.download': { verb: 'get', path: (n) => `v1/media/${n}` },
  'chat.users.spaces.getSpaceReadState': {
    verb: 'get',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Users.Spaces.getSpaceReadState(res(r), q),
  },
  'chat.users.spaces.updateSpaceReadState': {
    verb: 'patch',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Users.Spaces.updateSpaceReadState(body(r), res(r), q),
  },
  'chat.users.spaces.threads.getThreadReadState': {
    verb: 'get',
    path: (n) => `v1/${n}`,
    facade: (c, r, q) => c.Users.Spaces.Threads.getThreadReadState(res(r), q),
  },
  'cloudidentity.groups.lookup': { verb: 'get', path: () => 'v1/groups:lookup', root: CLOUD_IDENTITY_ROOT },
};

/** Query arguments without undefined values. */
export function definedQuery(request: ChatRequest): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

/** The absolute REST URL of a request, query string included. */
export function restUrl(request: ChatRequest): string {
  const route = ROUTES[request.method];
  const query = definedQuery(request);
  if (request.method === 'chat.media.download') query.alt = 'media';
  if (request.method === 'chat.media.upload') query.uploadType = 'multipart';
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  const path = route.path(encodePath(request.resource ?? ''));
  return (route.root ?? CHAT_ROOT) + path + (qs ? `?${qs}` : '');
}

/** Encodes each segment of a resource name but keeps its slashes (`{+name}` expansion). */
function encodePath(resource: string): string {
  return resource
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@'))
    .join('/');
}
