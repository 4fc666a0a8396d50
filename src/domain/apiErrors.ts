/**
 * What went wrong with a Chat API call, in words a team lead can act on. `classifyApiError` accepts every shape a
 * failure reaches us in: the error the advanced service throws (`message` "API call to chat.spaces.setup failed
 * with error: …", localized, plus `details: {code, message, errors: [{reason}]}`), a REST error body
 * (`{error: {code, message, status, details}}`, as an object or JSON text), the gateway's normalised
 * `{httpStatus, status, message}`, UrlFetchApp transport exceptions (`Exception: Timeout: …`, `Address
 * unavailable: …`, `Request failed for … returned code 503`) and plain strings. It never branches on the localized
 * "API call to … failed with error:" prefix: it uses the HTTP code, Google's status, the error reason and the API's
 * own (English) message, as facts §3.4/§4.3 recommend. It returns a kind (transient, quota, Chat app not configured,
 * Chat off for a user, external users not allowed, name taken, already a member, permission, …), whether a retry
 * can help, and `describeApiError` gives the one-sentence Details text per kind. Pure.
 */

/** What kind of failure it is. */
export type ApiErrorKind =
  | 'transient'
  | 'quota'
  | 'apps-script-limit'
  | 'chat-app-not-configured'
  | 'api-disabled'
  | 'chat-off'
  | 'external-not-allowed'
  | 'name-taken'
  | 'already-member'
  | 'already-exists'
  | 'permission'
  | 'not-found'
  | 'invalid'
  | 'unauthenticated'
  | 'unknown';

/** A classified failure. */
export interface ApiError {
  readonly kind: ApiErrorKind;
  /** True when sending the same request again later may succeed (transient errors and quota). */
  readonly retryable: boolean;
  /** HTTP status code; undefined for a transport failure. */
  readonly httpCode?: number;
  /** Google's canonical status (`ALREADY_EXISTS`, `RESOURCE_EXHAUSTED`…), given or inferred from the code. */
  readonly status?: string;
  /** The first error reason (`rateLimitExceeded`, `SERVICE_DISABLED`…), when given. */
  readonly reason?: string;
  /** The API's own message, without the advanced service's prefix. */
  readonly message: string;
  /** The method named in the advanced-service message (`chat.spaces.setup`), or the one passed in. */
  readonly method?: string;
  /** How long the server asked us to wait (RetryInfo), in ms. */
  readonly retryAfterMs?: number;
  /** The failure happened before any HTTP answer (timeout, DNS, connection). */
  readonly transport: boolean;
}

const STATUS_BY_CODE: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const TRANSIENT_CODES = new Set([500, 502, 503, 504]);
const TRANSIENT_STATUSES = new Set(['INTERNAL', 'UNAVAILABLE', 'DEADLINE_EXCEEDED', 'ABORTED', 'CANCELLED']);
const METHOD_TOKEN =
  /\b((?:chat\.(?:spaces|users|media|customEmojis)|cloudidentity\.groups)(?:\.[A-Za-z]+)*)\b(?![./])/;

interface Raw {
  httpCode?: number;
  status?: string;
  reason?: string;
  message: string;
  method?: string;
  retryAfterMs?: number;
  transport: boolean;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d{3}$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** Parses `"30s"`, `"1.5s"` (google.protobuf.Duration JSON) to ms. */
function durationMs(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const m = /^(\d+(?:\.\d+)?)s$/.exec(v.trim());
    return m ? Math.round(parseFloat(m[1]) * 1000) : undefined;
  }
  if (isObj(v)) {
    const s = num(v.seconds) ?? (typeof v.seconds === 'string' ? Number(v.seconds) : undefined);
    const n = num(v.nanos);
    if (s !== undefined) return s * 1000 + Math.round((n ?? 0) / 1e6);
  }
  return undefined;
}

/** Reads google.rpc.Status details (ErrorInfo reason, RetryInfo delay). */
function fromStatusDetails(details: unknown, raw: Raw): void {
  if (!Array.isArray(details)) return;
  for (const d of details) {
    if (!isObj(d)) continue;
    const type = str(d['@type']) ?? '';
    if (type.endsWith('RetryInfo')) raw.retryAfterMs = durationMs(d.retryDelay) ?? raw.retryAfterMs;
    if (type.endsWith('ErrorInfo') && !raw.reason) raw.reason = str(d.reason);
  }
}

/** The REST error body `{error: {code, message, status, details}}`. */
function fromRestBody(body: Obj, raw: Raw): boolean {
  const e = body.error;
  if (!isObj(e)) return false;
  raw.httpCode = num(e.code) ?? raw.httpCode;
  raw.status = str(e.status) ?? raw.status;
  raw.message = str(e.message) ?? raw.message;
  fromStatusDetails(e.details, raw);
  const errors = e.errors;
  if (!raw.reason && Array.isArray(errors) && isObj(errors[0])) raw.reason = str(errors[0].reason);
  raw.transport = false;
  return true;
}

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('{')) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** Removes "GoogleJsonResponseException: API call to x failed with error: " (in any language) and "Exception: ". */
function stripPrefix(message: string): { message: string; method?: string } {
  let m = message.trim().replace(/^(?:GoogleJsonResponseException|Exception|Error)\s*:\s*/i, '');
  const token = METHOD_TOKEN.exec(m);
  let method: string | undefined;
  if (token) {
    method = token[1];
    const after = m.slice(token.index + token[0].length);
    const colon = after.indexOf(':');
    if (colon !== -1 && colon < 40) m = after.slice(colon + 1).trim();
  }
  return { message: m, method };
}

function normalise(error: unknown): Raw {
  const raw: Raw = { message: '', transport: true };
  if (typeof error === 'string') {
    const body = parseJson(error);
    if (isObj(body) && fromRestBody(body, raw)) return raw;
    const s = stripPrefix(error);
    raw.message = s.message;
    raw.method = s.method;
    return raw;
  }
  if (!isObj(error)) {
    raw.message = String(error);
    return raw;
  }
  // REST body, or an object carrying one.
  if (fromRestBody(error, raw)) return raw;
  for (const key of ['body', 'content', 'contentText', 'responseBody']) {
    const b = error[key];
    const parsed = typeof b === 'string' ? parseJson(b) : b;
    if (isObj(parsed) && fromRestBody(parsed, raw)) {
      raw.httpCode = raw.httpCode ?? num(error.httpStatus) ?? num(error.status) ?? num(error.responseCode);
      return raw;
    }
  }
  // The gateway's normalised failure.
  const httpStatus = num(error.httpStatus);
  if (httpStatus !== undefined || 'httpStatus' in error) {
    raw.httpCode = httpStatus && httpStatus > 0 ? httpStatus : undefined;
    raw.status = str(error.status);
    const s = stripPrefix(str(error.message) ?? '');
    raw.message = s.message;
    raw.method = s.method;
    raw.reason = str(error.reason);
    raw.transport = raw.httpCode === undefined;
    return raw;
  }
  // The advanced service's GoogleJsonResponseException.
  const details = error.details;
  const s = stripPrefix(str(error.message) ?? '');
  raw.method = s.method;
  if (isObj(details) && (num(details.code) !== undefined || str(details.message) !== undefined)) {
    raw.httpCode = num(details.code);
    raw.status = str(details.status);
    raw.message = str(details.message) ?? s.message;
    const errors = details.errors;
    if (Array.isArray(errors) && isObj(errors[0])) raw.reason = str(errors[0].reason);
    fromStatusDetails(details.details, raw);
    raw.transport = false;
    return raw;
  }
  // Anything else with a code (e.g. {code: 503, message}).
  const code = num(error.code) ?? num(error.statusCode) ?? num(error.responseCode) ?? num(error.status);
  raw.message = s.message;
  if (code !== undefined) {
    raw.httpCode = code;
    raw.status = typeof error.status === 'string' && !/^\d+$/.test(error.status) ? error.status : undefined;
    raw.transport = false;
  }
  return raw;
}

/**
 * Classifies a failure (see the file comment for the shapes accepted). `method` is the Chat method that was
 * called (`chat.spaces.members.create`), which tells a taken space name from an existing membership.
 */
export function classifyApiError(error: unknown, method?: string): ApiError {
  const raw = normalise(error);
  // UrlFetchApp without muteHttpExceptions: "Request failed for https://… returned code 503. Truncated server
  // response: {…}".
  const returned = /returned code (\d{3})/i.exec(raw.message);
  if (raw.httpCode === undefined && returned) {
    raw.httpCode = Number(returned[1]);
    raw.transport = false;
    const body = parseJson(raw.message.slice(raw.message.indexOf('{')));
    if (isObj(body)) fromRestBody(body, raw);
  }
  const code = raw.httpCode;
  const status = (raw.status ?? (code !== undefined ? STATUS_BY_CODE[code] : undefined))?.toUpperCase();
  const m = `${raw.message} ${raw.reason ?? ''}`.toLowerCase();
  const meth = method ?? raw.method;
  const kind = decideKind(code, status, m, meth, raw);
  return {
    kind,
    retryable: kind === 'transient' || kind === 'quota',
    httpCode: code,
    status,
    reason: raw.reason,
    message: raw.message.trim() || (status ?? 'Unknown error'),
    method: meth,
    retryAfterMs: raw.retryAfterMs,
    transport: raw.transport && code === undefined,
  };
}

function decideKind(
  code: number | undefined,
  status: string | undefined,
  m: string,
  method: string | undefined,
  raw: Raw,
): ApiErrorKind {
  if (/service invoked too many times|bandwidth quota exceeded|too many (?:urlfetch|url fetch) calls/.test(m)) {
    return 'apps-script-limit';
  }
  if (
    /chat app not found|no bot associated with this project|invalid project number|configure the (?:chat )?app/.test(m)
  ) {
    return 'chat-app-not-configured';
  }
  if (
    /service_disabled|accessnotconfigured|has not been used in project|api has not been used|is disabled\. enable it|api (?:is )?not enabled/.test(
      m,
    )
  ) {
    return 'api-disabled';
  }
  if (code === undefined && raw.transport) {
    if (
      /timeout|timed out|address unavailable|dns error|connection (?:reset|refused|closed|aborted)|econnreset|socket|network|temporarily unavailable|service unavailable|server error|try again|too many simultaneous invocations|too many lockservice operations|unexpected error/.test(
        m,
      )
    ) {
      return 'transient';
    }
    return status ? kindByStatus(status, m, method) : 'unknown';
  }
  if (
    code === 429 ||
    status === 'RESOURCE_EXHAUSTED' ||
    /ratelimitexceeded|rate_limit_exceeded|quota exceeded/.test(m)
  ) {
    return 'quota';
  }
  if (code === 401 || status === 'UNAUTHENTICATED') return 'unauthenticated';
  if (code !== undefined && TRANSIENT_CODES.has(code)) return 'transient';
  return kindByStatus(status ?? '', m, method, code);
}

function kindByStatus(status: string, m: string, method: string | undefined, code?: number): ApiErrorKind {
  if (TRANSIENT_STATUSES.has(status) || /backenderror|internalerror/.test(m)) return 'transient';
  if (
    /chat (?:is )?(?:turned off|disabled|not enabled)|(?:does not|doesn't) have (?:access to )?(?:google )?chat|has chat disabled|chat service (?:is )?not enabled|only available to google workspace users|not allowed to use (?:google )?chat/.test(
      m,
    )
  ) {
    return 'chat-off';
  }
  if (
    /external|outside (?:of )?(?:your|the|their) (?:organi[sz]ation|domain)|not in (?:your|the) (?:organi[sz]ation|domain)/.test(
      m,
    ) &&
    /permission|failed_precondition|invalid|not allowed|cannot|can't|isn't allowed|disallowed|blocked|restricted|policy/.test(
      `${status.toLowerCase()} ${m}`,
    )
  ) {
    return 'external-not-allowed';
  }
  const membership = method !== undefined && /\.members\./.test(method);
  if (status === 'ALREADY_EXISTS' || /already exists|already a member|already in (?:the|this) space/.test(m)) {
    if (membership || /already a member|membership|already in (?:the|this) space/.test(m)) return 'already-member';
    if (
      (method !== undefined && /^chat\.spaces\.(?:setup|create|patch)$/.test(method)) ||
      /display ?name|space name|name is (?:already )?(?:taken|in use)/.test(m)
    ) {
      return 'name-taken';
    }
    return 'already-exists';
  }
  if (status === 'FAILED_PRECONDITION' && membership) return 'chat-off';
  if (status === 'PERMISSION_DENIED' || code === 403) return 'permission';
  if (status === 'NOT_FOUND' || code === 404) return 'not-found';
  if (
    status === 'INVALID_ARGUMENT' ||
    status === 'FAILED_PRECONDITION' ||
    status === 'OUT_OF_RANGE' ||
    code === 400 ||
    code === 412
  ) {
    return 'invalid';
  }
  return 'unknown';
}

/** True when a retry of the very same request may succeed (transient errors, quota). */
export function isRetryable(error: unknown, method?: string): boolean {
  return classifyApiError(error, method).retryable;
}

/** True for ALREADY_EXISTS of any kind (a taken name, an existing membership, a reused id). */
export function isAlreadyExists(error: unknown, method?: string): boolean {
  const k = classifyApiError(error, method).kind;
  return k === 'name-taken' || k === 'already-member' || k === 'already-exists';
}

/**
 * True when adding a person failed for a reason that sending the same request again will not fix: Chat off for
 * them, blocked, external where external people are not allowed, no such user, or a request Chat calls invalid.
 * Missing OAuth scopes are not counted (they concern the runner, not the person).
 */
export function isPermanentRefusal(error: unknown, method?: string): boolean {
  const e = classifyApiError(error, method);
  if (e.kind === 'permission') return !/scope/i.test(`${e.message} ${e.reason ?? ''}`);
  return e.kind === 'chat-off' || e.kind === 'external-not-allowed' || e.kind === 'not-found' || e.kind === 'invalid';
}

/** What a Details sentence should say about a failure. */
export interface DescribeOptions {
  /** What the add-on was doing, as a verb phrase: `create the space`, `add ana@example.com`. */
  readonly action?: string;
  /** The person concerned (for Chat-off and external-user failures). */
  readonly subject?: string;
  /** How many times the request was sent in all (for transient and quota failures). */
  readonly attempts?: number;
}

/**
 * The one-sentence Details text for a failure, naming the cause and the fix. Accepts a classified error or anything
 * `classifyApiError` accepts.
 */
export function describeApiError(error: ApiError | unknown, options: DescribeOptions = {}): string {
  const e = isApiError(error) ? error : classifyApiError(error);
  const action = options.action ?? 'complete the request';
  const could = `Chat could not ${action}`;
  const who = options.subject ?? 'this person';
  const apiMessage = shortMessage(e.message);
  const tries =
    options.attempts !== undefined && options.attempts > 1
      ? ` after ${options.attempts - 1} ${options.attempts === 2 ? 'retry' : 'retries'}`
      : '';
  switch (e.kind) {
    case 'chat-app-not-configured':
      return (
        `${could}: the Google Chat app is not configured in this script's Google Cloud project. An admin must open ` +
        `Google Cloud console > APIs & Services > Google Chat API > Configuration, set an app name, avatar and ` +
        `description, and save.`
      );
    case 'api-disabled':
      return (
        `${could}: the Google Chat API is not enabled in this script's Google Cloud project. An admin must enable it ` +
        `in Google Cloud console > APIs & Services > Library > Google Chat API, then configure the Chat app.`
      );
    case 'quota':
      return `${could}: Chat's per-minute quota was exhausted${tries}. Run the action again in a few minutes; finished rows are not repeated.`;
    case 'transient':
      return `${could} because of a temporary Google error (${e.httpCode ? `HTTP ${e.httpCode}` : shortMessage(e.message, 80)})${tries}. Run the action again later; finished rows are not repeated.`;
    case 'apps-script-limit':
      return `Apps Script stopped before it could ${action}: a daily Apps Script limit was reached (${apiMessage}). Run the action again tomorrow.`;
    case 'chat-off':
      if (/google workspace users/i.test(e.message)) {
        return `${could}: the Chat API works only for Google Workspace accounts. Run the add-on with your work or school account.`;
      }
      return `${could}: ${who} does not have Google Chat turned on. Ask your Google Workspace admin to turn Chat on for them, or remove them from the row.`;
    case 'external-not-allowed':
      return (
        `${could}: ${who} is outside your organisation and external people are not allowed here. Set External users ` +
        `to Yes before the space is created (it cannot be changed later), or ask your admin to allow chatting with ` +
        `external people.`
      );
    case 'name-taken':
      return (
        `${could}: another space in your organisation already uses this name. Rename the row, or, if it is your ` +
        `space, paste its link into Space link so the row manages it.`
      );
    case 'already-member':
      return `${who === 'this person' ? 'They are' : `${who} is`} already a member of this space.`;
    case 'already-exists':
      return `${could}: it already exists (${apiMessage}).`;
    case 'permission':
      if (/scope/i.test(e.message) || /scope/i.test(e.reason ?? '')) {
        return `${could}: the add-on lacks a permission it needs (${apiMessage}). Reopen the add-on and accept every requested permission.`;
      }
      if (/administrator must grant/i.test(e.message)) {
        return `${could}: your admin has not approved the permission this needs (${apiMessage}). Ask your Google Workspace admin.`;
      }
      return `${could}: you do not have permission (${apiMessage}). Ask a manager of the space to do it or to make you a manager.`;
    case 'not-found':
      return `${could}: Chat did not find it (${apiMessage}). Check the Space ID or email address; clear Space ID if the space was deleted.`;
    case 'invalid':
      return `${could}: Chat rejected the request (${apiMessage}). Fix the row and run the action again.`;
    case 'unauthenticated':
      return `${could}: your Google sign-in has expired. Reload the spreadsheet and run the action again.`;
    case 'unknown':
      return `${could}: ${apiMessage}.`;
  }
}

/**
 * The Details sentence for a failed call, given the gateway's failure and what the add-on was doing (`create the
 * space`). Shorthand for `describeApiError(classifyApiError(failure), {action})`.
 */
export function explainFailure(
  failure: unknown,
  action: string,
  options: Omit<DescribeOptions, 'action'> = {},
): string {
  return describeApiError(classifyApiError(failure), { ...options, action });
}

function isApiError(v: unknown): v is ApiError {
  return isObj(v) && typeof v.kind === 'string' && typeof v.retryable === 'boolean' && typeof v.transport === 'boolean';
}

function shortMessage(message: string, max = 200): string {
  const oneLine = message
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
  if (oneLine === '') return 'no details given';
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
