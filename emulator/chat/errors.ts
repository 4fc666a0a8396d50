/**
 * Google API errors as the Chat API returns them: the `google.rpc.Status` JSON envelope
 * `{ "error": { "code", "message", "status", "details": [...] } }` (facts §3.4, example from cloudflare/GHC-Errbot#10),
 * the HTTP status per canonical code (https://cloud.google.com/apis/design/errors), and the legacy `errors[].reason`
 * the Apps Script advanced service puts in `GoogleJsonResponseException.details` (open-questions Q4: observed
 * `{message, code, errors:[{domain:'global', reason, message}]}`). Handlers throw `ApiError`; the host serialises it.
 */

/** Canonical gRPC status names used by Google APIs. */
export type RpcStatus =
  | 'INVALID_ARGUMENT'
  | 'FAILED_PRECONDITION'
  | 'OUT_OF_RANGE'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'ABORTED'
  | 'RESOURCE_EXHAUSTED'
  | 'CANCELLED'
  | 'INTERNAL'
  | 'UNIMPLEMENTED'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED';

/** HTTP status for each canonical code (https://cloud.google.com/apis/design/errors#handling_errors). */
export const HTTP_STATUS: Readonly<Record<RpcStatus, number>> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL: 500,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/**
 * Legacy (v1 error format) reasons per canonical code, as they appear in the advanced service's `details.errors`.
 * Observed for `failedPrecondition` (open-questions Q4); the others follow the same ESF mapping (C16: unconfirmed for
 * Chat).
 */
export const LEGACY_REASON: Readonly<Record<RpcStatus, string>> = {
  INVALID_ARGUMENT: 'badRequest',
  FAILED_PRECONDITION: 'failedPrecondition',
  OUT_OF_RANGE: 'outOfRange',
  UNAUTHENTICATED: 'unauthorized',
  PERMISSION_DENIED: 'forbidden',
  NOT_FOUND: 'notFound',
  ALREADY_EXISTS: 'alreadyExists',
  ABORTED: 'aborted',
  RESOURCE_EXHAUSTED: 'rateLimitExceeded',
  CANCELLED: 'cancelled',
  INTERNAL: 'backendError',
  UNIMPLEMENTED: 'notImplemented',
  UNAVAILABLE: 'backendError',
  DEADLINE_EXCEEDED: 'deadlineExceeded',
};

/** Google's generic messages when the backend gives none (google.rpc code documentation). */
export const GENERIC_MESSAGE: Readonly<Record<RpcStatus, string>> = {
  INVALID_ARGUMENT: 'Request contains an invalid argument.',
  FAILED_PRECONDITION: 'Precondition check failed.',
  OUT_OF_RANGE: 'Out of range.',
  UNAUTHENTICATED: 'Request had invalid authentication credentials.',
  PERMISSION_DENIED: 'The caller does not have permission',
  NOT_FOUND: 'Requested entity was not found.',
  ALREADY_EXISTS: 'Requested entity already exists',
  ABORTED: 'The operation was aborted.',
  RESOURCE_EXHAUSTED: 'Resource has been exhausted (e.g. check quota).',
  CANCELLED: 'The operation was cancelled.',
  INTERNAL: 'Internal error encountered.',
  UNIMPLEMENTED: 'Method not implemented.',
  UNAVAILABLE: 'The service is currently unavailable.',
  DEADLINE_EXCEEDED: 'The request timed out.',
};

/** One entry of `error.details` (a google.rpc detail message with its `@type`). */
export type ErrorDetail = { '@type': string } & Record<string, unknown>;

/** An API error a handler throws; the host turns it into Google's JSON error response. */
export class ApiError extends Error {
  readonly status: RpcStatus;
  readonly httpStatus: number;
  readonly details: ErrorDetail[];

  constructor(status: RpcStatus, message?: string, details: ErrorDetail[] = []) {
    super(message ?? GENERIC_MESSAGE[status]);
    this.name = 'ApiError';
    this.status = status;
    this.httpStatus = HTTP_STATUS[status];
    this.details = details;
  }

  /** The JSON body Google sends: `{ error: { code, message, status, details? } }` (details omitted when empty). */
  toJson(): { error: { code: number; message: string; status: RpcStatus; details?: ErrorDetail[] } } {
    const error: { code: number; message: string; status: RpcStatus; details?: ErrorDetail[] } = {
      code: this.httpStatus,
      message: this.message,
      status: this.status,
    };
    if (this.details.length > 0) error.details = this.details;
    return { error };
  }
}

/** A `google.rpc.BadRequest` detail naming the offending field (facts §3.4 example). */
export function badRequestDetail(field: string, description: string): ErrorDetail {
  return { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field, description }] };
}

/** A `google.rpc.ErrorInfo` detail. */
export function errorInfo(reason: string, metadata: Record<string, string>, domain = 'googleapis.com'): ErrorDetail {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain, metadata };
}

/** Shorthand constructors used by the handlers. */
export const errors = {
  invalid(message: string, field?: string): ApiError {
    return new ApiError('INVALID_ARGUMENT', message, field ? [badRequestDetail(field, message)] : []);
  },
  notFound(message?: string): ApiError {
    return new ApiError('NOT_FOUND', message);
  },
  denied(message?: string): ApiError {
    return new ApiError('PERMISSION_DENIED', message);
  },
  exists(message?: string): ApiError {
    return new ApiError('ALREADY_EXISTS', message);
  },
  precondition(message?: string): ApiError {
    return new ApiError('FAILED_PRECONDITION', message);
  },
};

/**
 * Google's 404 page for a URL no API method matches (the front end answers before any API is chosen, so it is HTML,
 * not JSON).
 */
export function notFoundPage(path: string): string {
  const safe = path.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <meta name=viewport content="initial-scale=1, ' +
    'minimum-scale=1, width=device-width">\n  <title>Error 404 (Not Found)!!1</title>\n  <a href=//www.google.com/>' +
    '<span id=logo aria-label=Google></span></a>\n  <p><b>404.</b> <ins>That\u2019s an error.</ins>\n  <p>The ' +
    `requested URL <code>${safe}</code> was not found on this server.  <ins>That\u2019s all we know.</ins>\n`
  );
}

/** The gRPC method behind each discovery method (google.chat.v1.ChatService RPC names in chat_service.proto). */
export const RPC_NAMES: Readonly<Record<string, string>> = {
  'chat.customEmojis.create': 'CreateCustomEmoji',
  'chat.customEmojis.delete': 'DeleteCustomEmoji',
  'chat.customEmojis.get': 'GetCustomEmoji',
  'chat.customEmojis.list': 'ListCustomEmojis',
  'chat.media.download': 'DownloadMedia',
  'chat.media.upload': 'UploadAttachment',
  'chat.spaces.completeImport': 'CompleteImportSpace',
  'chat.spaces.create': 'CreateSpace',
  'chat.spaces.delete': 'DeleteSpace',
  'chat.spaces.findDirectMessage': 'FindDirectMessage',
  'chat.spaces.get': 'GetSpace',
  'chat.spaces.list': 'ListSpaces',
  'chat.spaces.patch': 'UpdateSpace',
  'chat.spaces.search': 'SearchSpaces',
  'chat.spaces.setup': 'SetUpSpace',
  'chat.spaces.members.create': 'CreateMembership',
  'chat.spaces.members.delete': 'DeleteMembership',
  'chat.spaces.members.get': 'GetMembership',
  'chat.spaces.members.list': 'ListMemberships',
  'chat.spaces.members.patch': 'UpdateMembership',
  'chat.spaces.messages.create': 'CreateMessage',
  'chat.spaces.messages.delete': 'DeleteMessage',
  'chat.spaces.messages.get': 'GetMessage',
  'chat.spaces.messages.list': 'ListMessages',
  'chat.spaces.messages.patch': 'UpdateMessage',
  'chat.spaces.messages.update': 'UpdateMessage',
  'chat.spaces.messages.attachments.get': 'GetAttachment',
  'chat.spaces.messages.reactions.create': 'CreateReaction',
  'chat.spaces.messages.reactions.delete': 'DeleteReaction',
  'chat.spaces.messages.reactions.list': 'ListReactions',
  'chat.spaces.spaceEvents.get': 'GetSpaceEvent',
  'chat.spaces.spaceEvents.list': 'ListSpaceEvents',
  'chat.users.spaces.getSpaceReadState': 'GetSpaceReadState',
  'chat.users.spaces.updateSpaceReadState': 'UpdateSpaceReadState',
  'chat.users.spaces.spaceNotificationSetting.get': 'GetSpaceNotificationSetting',
  'chat.users.spaces.spaceNotificationSetting.patch': 'UpdateSpaceNotificationSetting',
  'chat.users.spaces.threads.getThreadReadState': 'GetThreadReadState',
};

/**
 * 403 for a token without any scope the method accepts: "Request had insufficient authentication scopes." with
 * ErrorInfo reason ACCESS_TOKEN_SCOPE_INSUFFICIENT (observed shape for Google APIs, e.g. analogdotnow/Analog#296).
 */
export function insufficientScopes(methodId: string): ApiError {
  return new ApiError('PERMISSION_DENIED', 'Request had insufficient authentication scopes.', [
    errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT', {
      service: 'chat.googleapis.com',
      method: `google.chat.v1.ChatService.${RPC_NAMES[methodId] ?? methodId}`,
    }),
  ]);
}
