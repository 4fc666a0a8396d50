/**
 * The Chat API as the use cases see it: requests named by their discovery method id, answered with a value or a
 * classified failure, one at a time (the advanced service) or many at once (UrlFetchApp.fetchAll over REST). The
 * adapter decides how each request travels; the use cases decide what to ask and when.
 */

/** Discovery method ids of the Chat API v1 calls the add-on makes, plus the Cloud Identity group lookup. */
export type ChatMethodId =
  | 'chat.spaces.setup'
  | 'chat.spaces.create'
  | 'chat.spaces.get'
  | 'chat.spaces.list'
  | 'chat.spaces.patch'
  | 'chat.spaces.delete'
  | 'chat.spaces.findDirectMessage'
  | 'chat.spaces.members.create'
  | 'chat.spaces.members.get'
  | 'chat.spaces.members.list'
  | 'chat.spaces.members.patch'
  | 'chat.spaces.members.delete'
  | 'chat.spaces.messages.create'
  | 'chat.spaces.messages.get'
  | 'chat.spaces.messages.list'
  | 'chat.spaces.messages.patch'
  | 'chat.spaces.messages.update'
  | 'chat.spaces.messages.delete'
  | 'chat.spaces.messages.reactions.create'
  | 'chat.spaces.messages.reactions.list'
  | 'chat.spaces.messages.reactions.delete'
  | 'chat.spaces.messages.attachments.get'
  | 'chat.spaces.spaceEvents.list'
  | 'chat.media.upload'
  | 'chat.media.download'
  | 'chat.users.spaces.getSpaceReadState'
  | 'chat.users.spaces.updateSpaceReadState'
  | 'chat.users.spaces.threads.getThreadReadState'
  | 'cloudidentity.groups.lookup';

export type QueryValue = string | number | boolean | undefined;

/** One API request. `resource` is the path parameter (`name` or `parent`), e.g. `spaces/AAAA`. */
export interface ChatRequest {
  method: ChatMethodId;
  resource?: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Raw bytes for media.upload. */
  media?: { bytes: number[]; contentType: string; fileName: string };
}

/** Why a request failed, normalised from either transport (thrown advanced-service error or REST error body). */
export interface ChatFailure {
  /** HTTP status; 0 for a transport failure (timeout, unreachable). */
  httpStatus: number;
  /** Google's canonical status (`ALREADY_EXISTS`, `RESOURCE_EXHAUSTED`…) when known. */
  status?: string;
  /** The API's message (English, from the response body or exception). */
  message: string;
}

export type ChatResult = { ok: true; value: unknown } | { ok: false; failure: ChatFailure };

export interface ChatGateway {
  /** Sends one request through the Chat advanced service (or REST where the service lacks the method). */
  call(request: ChatRequest): ChatResult;
  /** Sends independent requests together (UrlFetchApp.fetchAll over REST); results in request order. */
  callAll(requests: readonly ChatRequest[]): ChatResult[];
}
