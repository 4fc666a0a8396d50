/**
 * The API host serving `chat.googleapis.com` and `cloudidentity.googleapis.com` (groups:lookup). Every request, from
 * the advanced-service facade, UrlFetchApp or the stand-alone server, goes through one pipeline:
 * route by the discovery document (unknown URL → Google's HTML 404; matched but unimplemented → 501 UNIMPLEMENTED) →
 * authenticate (platform caller or bearer token; else 401) → validate query parameters → evaluate scopes against the
 * method's discovery scopes (403 ACCESS_TOKEN_SCOPE_INSUFFICIENT; app-only scopes never count for a user; admin scopes
 * only with useAdminAccess by a directory admin) → validate the body against its schema → fault injection (storms
 * before quota, so a 429 is never charged) → quota (429) → Chat-app-configured check for writes (404) → handler →
 * `fields` selection → log. The host never moves the clock: it reports latency.
 */
import type { ApiCall, ApiHost, ApiOutcome, Caller, HttpResponse } from '../core/api';
import { resolveBearer } from '../core/auth';
import { ChatBackend, type HandlerContext, type HandlerResult } from './backend';
import type { DiscoveryDocument, MethodInfo } from './discovery';
import { allScopes, shortScope } from './discovery';
import { ApiError, errorInfo, insufficientScopes, notFoundPage, RPC_NAMES } from './errors';
import type { FaultDecision, FaultInjector } from './faults';
import { selectFields } from './fields';
import type { LatencyCalculator } from './latency';
import type { RequestLogEntry, ScopeCheck } from './log';
import { spaceOfMedia } from './methods/media';
import { HANDLERS } from './methods/index';
import { boundaryOf, parseMultipart } from './multipart';
import type { QuotaTracker } from './quota';
import type { Router } from './router';
import { BodyValidator, snake, validateQuery, type QueryValue } from './validate';

/** Everything the host needs from the emulator. */
export interface HostDeps {
  doc: DiscoveryDocument;
  router: Router;
  validator: () => BodyValidator;
  backend: () => ChatBackend;
  quota: QuotaTracker;
  latency: LatencyCalculator;
  faults: FaultInjector;
  log: RequestLogEntry[];
  /** Called for unexpected handler exceptions (bugs), after they were answered with 500. */
  onInternalError?: (error: unknown, methodId: string) => void;
}

const CLOUD_IDENTITY_SCOPES = [
  'https://www.googleapis.com/auth/cloud-identity.groups.readonly',
  'https://www.googleapis.com/auth/cloud-identity.groups',
  'https://www.googleapis.com/auth/cloud-identity',
  'https://www.googleapis.com/auth/cloud-platform',
];

const APP_NOT_FOUND =
  'Google Chat app not found. To create a Chat app, you must turn on the Chat API and configure the app in the Google Cloud console.';

/** Request bodies mapped to one request field (`body: "space"` in the HTTP rule) rather than the whole request. */
const RESOURCE_BODIES = new Set([
  'Space',
  'Membership',
  'Message',
  'Reaction',
  'CustomEmoji',
  'SpaceReadState',
  'SpaceNotificationSetting',
]);

/** The scopes a `Bearer user:<email>` token carries: every Chat scope plus Cloud Identity's. */
export function serverScopes(doc: DiscoveryDocument): string[] {
  return [...allScopes(doc), ...CLOUD_IDENTITY_SCOPES];
}

function json(status: number, body: unknown, pretty = true): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', 'x-goog-emulator': 'chat-emulator' },
    body: JSON.stringify(body, null, pretty ? 2 : undefined),
  };
}

function errorResponse(err: ApiError, pretty = true): HttpResponse {
  const res = json(err.httpStatus, err.toJson(), pretty);
  if (err.httpStatus === 401) res.headers['www-authenticate'] = 'Bearer realm="https://accounts.google.com/"';
  return res;
}

/** Thrown inside the pipeline to answer early. */
class Early {
  constructor(
    readonly response: HttpResponse,
    readonly rejected = true,
  ) {}
}

/** The Chat (and Cloud Identity lookup) API host. */
export class ChatHost implements ApiHost {
  readonly hosts = ['chat.googleapis.com', 'cloudidentity.googleapis.com'] as const;
  private readonly allScopes: string[];

  constructor(private readonly deps: HostDeps) {
    this.allScopes = serverScopes(deps.doc);
  }

  /** Handles one call (see the file header for the pipeline). */
  handle(call: ApiCall): ApiOutcome {
    const backend = this.deps.backend();
    backend.state.requests++;
    let url: URL;
    try {
      url = new URL(call.request.url);
    } catch {
      url = new URL('https://chat.googleapis.com/');
    }
    const entry: RequestLogEntry = {
      seq: this.deps.log.length + 1,
      time: call.now,
      host: url.hostname,
      httpMethod: call.request.method.toUpperCase(),
      path: url.pathname + url.search,
      callPath: call.path,
      latencyMs: 0,
      quota: [],
    };
    let outcome: ApiOutcome;
    try {
      outcome =
        url.hostname === 'cloudidentity.googleapis.com'
          ? this.cloudIdentity(call, url, entry)
          : this.chat(call, url, entry, backend);
    } catch (e) {
      if (!(e instanceof Early)) throw e;
      outcome = {
        response: e.response,
        latencyMs: this.deps.latency.compute({
          httpMethod: entry.httpMethod,
          rejected: e.rejected,
          methodId: entry.methodId,
        }),
      };
    }
    if (entry.methodId) outcome.methodId = entry.methodId;
    entry.latencyMs = outcome.latencyMs;
    entry.status = outcome.response?.status;
    entry.transportError = outcome.transportError?.kind;
    if (outcome.response && outcome.response.status >= 400 && !entry.error) {
      const body = typeof outcome.response.body === 'string' ? outcome.response.body : '';
      const m = /"status":\s*"([A-Z_]+)"/.exec(body);
      if (m) entry.error = m[1];
    }
    this.deps.log.push(entry);
    return outcome;
  }

  // ------------------------------------------------------------------------------------------------ auth

  private authenticate(call: ApiCall, url: URL, methodId?: string): Caller {
    const header = call.request.headers['authorization'];
    if (header !== undefined) {
      const caller = resolveBearer(header, this.allScopes);
      if (caller) return caller;
      throw new Early(
        errorResponse(
          new ApiError(
            'UNAUTHENTICATED',
            'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
            [
              errorInfo('ACCESS_TOKEN_TYPE_UNSUPPORTED', {
                service: url.hostname,
                method: this.rpcMethod(url, methodId),
              }),
            ],
          ),
        ),
      );
    }
    if (call.caller) return call.caller;
    const token = url.searchParams.get('access_token') ?? url.searchParams.get('oauth_token');
    if (token) {
      const caller = resolveBearer(`Bearer ${token}`, this.allScopes);
      if (caller) return caller;
    }
    throw new Early(
      errorResponse(
        new ApiError(
          'UNAUTHENTICATED',
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
          [errorInfo('CREDENTIALS_MISSING', { service: url.hostname, method: this.rpcMethod(url, methodId) })],
        ),
      ),
    );
  }

  private rpcMethod(url: URL, methodId?: string): string {
    if (url.hostname === 'cloudidentity.googleapis.com')
      return 'google.apps.cloudidentity.groups.v1.GroupsService.LookupGroupName';
    return `google.chat.v1.ChatService${methodId && RPC_NAMES[methodId] ? `.${RPC_NAMES[methodId]}` : ''}`;
  }

  /**
   * Scope evaluation (facts §1.5): user tokens never use app scopes (`chat.bot`, `chat.app.*`); admin scopes count
   * only with useAdminAccess=true; `chat.import` only for import-mode operations (C21).
   */
  private evaluateScopes(method: MethodInfo, caller: Caller, adminAccess: boolean): ScopeCheck {
    const required = method.scopes.map(shortScope);
    const granted = new Set(caller.scopes.map(shortScope));
    const matched = required.filter((s) => {
      if (!granted.has(s)) return false;
      if (s === 'chat.bot' || s.startsWith('chat.app.')) return false;
      if (s.startsWith('chat.admin.')) return adminAccess;
      if (s === 'chat.import') return method.id === 'chat.spaces.completeImport' || method.id === 'chat.spaces.create';
      return true;
    });
    return { required, matched, adminAccess };
  }

  // ------------------------------------------------------------------------------------------------ chat

  private chat(call: ApiCall, url: URL, entry: RequestLogEntry, backend: ChatBackend): ApiOutcome {
    const d = this.deps;
    const route = d.router.match(call.request.method, url.pathname);
    if (!route) {
      throw new Early({
        status: 404,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
        body: notFoundPage(url.pathname),
      });
    }
    const method = route.method;
    entry.methodId = method.id;
    const pretty = url.searchParams.get('prettyPrint') !== 'false';
    const fail = (err: ApiError, rejected = true): never => {
      throw new Early(errorResponse(err, pretty), rejected);
    };
    const handler = HANDLERS[method.id];
    if (!handler || backend.behaviour.unimplemented.includes(method.id)) {
      fail(new ApiError('UNIMPLEMENTED', `Method ${method.id} is not implemented by the Chat emulator.`));
    }
    if (route.upload && !url.searchParams.has('uploadType')) {
      fail(
        new ApiError(
          'INVALID_ARGUMENT',
          'Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/',
        ),
      );
    }

    const caller = this.authenticate(call, url, method.id);
    entry.caller = caller.email;
    let query: Record<string, QueryValue> = {};
    try {
      query = validateQuery(method, d.doc.parameters, url.searchParams);
    } catch (e) {
      if (e instanceof ApiError) fail(e);
      throw e;
    }
    const user = backend.directory.userByEmail(caller.email);
    if (!user) fail(new ApiError('UNAUTHENTICATED', 'Request had invalid authentication credentials.'));
    const directoryUser = user as NonNullable<typeof user>;

    // Admin-only methods (spaces.search in this revision): "only true is accepted for this field".
    const adminOnly = method.scopes.every((s) => shortScope(s).startsWith('chat.admin.'));
    const adminAccess = query.useAdminAccess === true;
    if (adminOnly && !adminAccess) {
      fail(
        new ApiError(
          'INVALID_ARGUMENT',
          'This method currently only supports admin access: set use_admin_access to true.',
        ),
      );
    }
    const scopes = this.evaluateScopes(method, caller, adminAccess);
    entry.scopes = scopes;
    if (scopes.matched.length === 0) fail(insufficientScopes(method.id));
    if (adminAccess) {
      if (!scopes.matched.some((s) => s.startsWith('chat.admin.'))) fail(insufficientScopes(method.id));
      if (!backend.directory.isAdmin(directoryUser.email)) {
        fail(
          new ApiError(
            'PERMISSION_DENIED',
            'The caller does not have permission to use admin access. useAdminAccess requires a Google Workspace administrator with the manage chat and spaces conversations privilege.',
          ),
        );
      }
    }

    // Body.
    let body: Record<string, unknown> = {};
    let media: HandlerContext['media'];
    try {
      const parsed = this.parseBody(call, url, method, route.upload);
      body = parsed.body;
      media = parsed.media;
    } catch (e) {
      if (e instanceof ApiError) fail(e);
      throw e;
    }

    const ctx: HandlerContext = {
      method,
      pathParams: route.pathParams,
      query,
      body,
      media,
      caller: directoryUser,
      callerName: `users/${directoryUser.id}`,
      scopes: new Set(caller.scopes.map(shortScope)),
      admin: adminAccess,
      now: call.now,
      backend,
    };

    // Faults: a storm answers 429 before quota is charged.
    const write = method.httpMethod !== 'GET';
    const fault = d.faults.decide(method.id, write, call.now, backend.behaviour.timeoutWriteApplied);
    if (fault.kind !== 'none') entry.fault = fault.kind;
    if (fault.kind === 'storm')
      fail(new ApiError('RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'));

    // Quota.
    if (backend.behaviour.enforceQuotas) {
      const memberships = Array.isArray(body.memberships) ? body.memberships.length : 0;
      const charges = d.quota.chargesFor(method.id, {
        setupMemberships: backend.behaviour.setupMembershipsConsumeQuota ? memberships : 0,
        membersPatchIsWrite: backend.behaviour.membersPatchIsMembershipWrite,
      });
      const space =
        method.id === 'chat.media.download'
          ? spaceOfMedia(route.pathParams.resourceName ?? '')
          : ChatBackend.spaceOfPath(route.pathParams);
      const result = d.quota.check(charges, call.now, space, ctx.callerName);
      if (!result.ok) {
        entry.quotaRefused = result.bucket;
        entry.quota = [result.bucket];
        fail(result.error);
      } else {
        entry.quota = result.charged;
      }
    }

    if (fault.kind === 'transient') {
      fail(new ApiError(fault.status === 500 ? 'INTERNAL' : 'UNAVAILABLE'), false);
    }

    // "To perform create, update, and delete API calls ... you must also configure the Chat API" (facts §4.1).
    if (write && !backend.directory.chatAppConfigured) fail(new ApiError('NOT_FOUND', APP_NOT_FOUND));

    const memberships = Array.isArray(body.memberships) ? body.memberships.length : 0;
    if (fault.kind === 'timeout') {
      if (fault.applied) this.run(handler, ctx, method.id);
      return this.timeoutOutcome();
    }
    const { response, result } = this.execute(handler, ctx, method, url, pretty);
    const latencyMs = d.latency.compute({
      methodId: method.id,
      httpMethod: method.httpMethod,
      rejected: false,
      items: result?.items,
      memberships,
      bytes: result?.bytes,
    });
    if (fault.kind === 'lost' && response.status < 400) return this.lostOutcome(fault, latencyMs);
    return { response, latencyMs };
  }

  /** Runs a handler, ignoring its outcome (timed-out writes that happened). */
  private run(handler: (ctx: HandlerContext) => HandlerResult, ctx: HandlerContext, methodId: string): void {
    try {
      handler(ctx);
    } catch (e) {
      if (!(e instanceof ApiError)) this.deps.onInternalError?.(e, methodId);
    }
  }

  private timeoutOutcome(): ApiOutcome {
    return {
      transportError: { kind: 'timeout', message: 'Timeout: the request to chat.googleapis.com timed out.' },
      latencyMs: this.deps.latency.timeout(),
    };
  }

  private lostOutcome(fault: Extract<FaultDecision, { kind: 'lost' }>, latencyMs: number): ApiOutcome {
    if (fault.as === 'timeout') return this.timeoutOutcome();
    return { response: errorResponse(new ApiError('UNAVAILABLE')), latencyMs };
  }

  private execute(
    handler: (ctx: HandlerContext) => HandlerResult,
    ctx: HandlerContext,
    method: MethodInfo,
    url: URL,
    pretty: boolean,
  ): { response: HttpResponse; result?: HandlerResult } {
    let result: HandlerResult;
    try {
      result = handler(ctx);
    } catch (e) {
      if (e instanceof ApiError) return { response: errorResponse(e, pretty) };
      this.deps.onInternalError?.(e, method.id);
      const message = e instanceof Error ? e.message : String(e);
      return {
        response: errorResponse(new ApiError('INTERNAL', `Internal error encountered. (emulator: ${message})`), pretty),
      };
    }
    if (result.raw) {
      return {
        response: {
          status: 200,
          headers: { 'content-type': result.raw.contentType, 'x-goog-emulator': 'chat-emulator' },
          body: result.raw.bytes,
        },
        result,
      };
    }
    let payload: unknown = result.json ?? {};
    try {
      payload = selectFields(payload, url.searchParams.get('fields') ?? undefined);
    } catch (e) {
      if (e instanceof ApiError) return { response: errorResponse(e, pretty) };
      throw e;
    }
    return { response: json(result.status ?? 200, payload, pretty), result };
  }

  /** Parses the request body: JSON for ordinary methods, multipart/related or raw media on the upload path. */
  private parseBody(
    call: ApiCall,
    url: URL,
    method: MethodInfo,
    upload: boolean,
  ): { body: Record<string, unknown>; media?: HandlerContext['media'] } {
    const validator = this.deps.validator();
    const location =
      method.request && RESOURCE_BODIES.has(method.request)
        ? snake(method.request.charAt(0).toLowerCase() + method.request.slice(1))
        : '';
    const raw = call.request.body;
    if (upload) {
      const uploadType = url.searchParams.get('uploadType');
      const contentType = call.request.headers['content-type'] ?? '';
      const bytes = typeof raw === 'string' ? new Uint8Array(Buffer.from(raw, 'utf8')) : (raw ?? new Uint8Array());
      if (uploadType === 'multipart') {
        const boundary = boundaryOf(contentType);
        const parts = boundary ? parseMultipart(bytes, boundary) : undefined;
        if (!parts || parts.length < 2) {
          throw new ApiError(
            'INVALID_ARGUMENT',
            'Invalid multipart request: expected a JSON metadata part and a media part.',
          );
        }
        const meta = this.parseJson(Buffer.from(parts[0].body).toString('utf8'));
        const body = method.request ? validator.validate(meta, method.request, location) : {};
        return {
          body,
          media: { bytes: parts[1].body, contentType: parts[1].headers['content-type'] ?? 'application/octet-stream' },
        };
      }
      if (uploadType === 'media')
        return { body: {}, media: { bytes, contentType: contentType || 'application/octet-stream' } };
      throw new ApiError('INVALID_ARGUMENT', `Unsupported uploadType "${uploadType}". Use multipart or media.`);
    }
    if (!method.request) return { body: {} };
    const text = typeof raw === 'string' ? raw : raw ? Buffer.from(raw).toString('utf8') : '';
    if (text.trim() === '') return { body: {} };
    return { body: validator.validate(this.parseJson(text), method.request, location) };
  }

  private parseJson(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(
        'INVALID_ARGUMENT',
        `Invalid JSON payload received. Unexpected token.\n${text.slice(0, 40)}\n^`,
      );
    }
  }

  // ------------------------------------------------------------------------------------------------ cloud identity

  /** `GET /v1/groups:lookup?groupKey.id=<email>` → `{ "name": "groups/<id>" }` (Cloud Identity groups.lookup). */
  private cloudIdentity(call: ApiCall, url: URL, entry: RequestLogEntry): ApiOutcome {
    const d = this.deps;
    if (call.request.method.toUpperCase() !== 'GET' || url.pathname !== '/v1/groups:lookup') {
      throw new Early({
        status: 404,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
        body: notFoundPage(url.pathname),
      });
    }
    entry.methodId = 'cloudidentity.groups.lookup';
    const caller = this.authenticate(call, url);
    entry.caller = caller.email;
    const granted = new Set(caller.scopes);
    const matched = CLOUD_IDENTITY_SCOPES.filter((s) => granted.has(s));
    entry.scopes = {
      required: CLOUD_IDENTITY_SCOPES.map(shortScope),
      matched: matched.map(shortScope),
      adminAccess: false,
    };
    if (matched.length === 0) {
      const err = new ApiError('PERMISSION_DENIED', 'Request had insufficient authentication scopes.', [
        errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT', {
          service: 'cloudidentity.googleapis.com',
          method: 'google.apps.cloudidentity.groups.v1.GroupsService.LookupGroupName',
        }),
      ]);
      throw new Early(errorResponse(err));
    }
    for (const key of url.searchParams.keys()) {
      if (
        ![
          'groupKey.id',
          'groupKey.namespace',
          'alt',
          'fields',
          'prettyPrint',
          'key',
          'access_token',
          'quotaUser',
          '$.xgafv',
        ].includes(key)
      ) {
        throw new Early(
          errorResponse(
            new ApiError(
              'INVALID_ARGUMENT',
              `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
            ),
          ),
        );
      }
    }
    const id = url.searchParams.get('groupKey.id');
    if (!id) throw new Early(errorResponse(new ApiError('INVALID_ARGUMENT', 'Request contains an invalid argument.')));
    const group = d.backend().directory.groupByEmail(id);
    // Unknown group: NOT_FOUND (C26: Cloud Identity's exact status for a missing group is unconfirmed).
    if (!group) throw new Early(errorResponse(new ApiError('NOT_FOUND', 'Error(4003): Cannot find group.')), false);
    return {
      response: json(200, { name: `groups/${group.id}` }),
      latencyMs: d.latency.compute({ httpMethod: 'GET', rejected: false }),
    };
  }
}
