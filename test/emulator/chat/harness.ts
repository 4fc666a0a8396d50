/**
 * Test harness for the Chat emulator: an in-process `AdvancedServiceRuntime` (send → apiHost.handle with `now` from a
 * VirtualClock advanced by each call's latency; makeError → Error with props; readBlob for TestBlob), and a
 * `ChatClient` with two implementations — the `Chat` advanced-service facade and REST through the API host as
 * UrlFetchApp sends it — so conformance tests are written once and run through both paths.
 */
import type { AdvancedServiceRuntime, ApiOutcome, Caller, HttpRequest } from '../../../emulator/core/api';
import { issueToken } from '../../../emulator/core/auth';
import { VirtualClock } from '../../../emulator/core/clock';
import { ChatEmulator, type ChatEmulatorOptions } from '../../../emulator/chat/index';
import { buildQuery, fillTemplate } from '../../../emulator/chat/facade';
import type { MethodInfo } from '../../../emulator/chat/discovery';
import { LEGACY_REASON, type RpcStatus } from '../../../emulator/chat/errors';

const AUTH = 'https://www.googleapis.com/auth/';

/** The scopes a typical user-auth add-on grants (every user Chat scope except import/admin/app, plus groups lookup). */
export const USER_SCOPES: string[] = [
  'chat.spaces',
  'chat.spaces.create',
  'chat.spaces.readonly',
  'chat.memberships',
  'chat.memberships.app',
  'chat.memberships.readonly',
  'chat.messages',
  'chat.messages.create',
  'chat.messages.readonly',
  'chat.messages.reactions',
  'chat.messages.reactions.create',
  'chat.messages.reactions.readonly',
  'chat.delete',
  'chat.users.readstate',
  'chat.users.readstate.readonly',
  'chat.users.spacesettings',
  'chat.customemojis',
  'chat.customemojis.readonly',
  'cloud-identity.groups.readonly',
].map((s) => AUTH + s);

/** A blob the test runtime can read (stands in for an Apps Script Blob). */
export class TestBlob {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
    readonly name: string,
  ) {}
}

/** An in-process AdvancedServiceRuntime. */
export class TestRuntime implements AdvancedServiceRuntime {
  constructor(
    private readonly emulator: ChatEmulator,
    private readonly clock: VirtualClock,
    public caller: Caller,
  ) {}

  send(request: HttpRequest): ApiOutcome {
    const outcome = this.emulator.apiHost.handle({
      request,
      path: 'advanced-service',
      caller: this.caller,
      now: this.clock.now(),
    });
    this.clock.advance(outcome.latencyMs);
    return outcome;
  }

  makeError(message: string, props?: Record<string, unknown>): Error {
    const e = new Error(message);
    Object.assign(e, props ?? {});
    return e;
  }

  readBlob(value: unknown): { bytes: Uint8Array; contentType: string; name: string } | undefined {
    return value instanceof TestBlob
      ? { bytes: value.bytes, contentType: value.contentType, name: value.name }
      : undefined;
  }

  toScript<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
  }
}

/** The result of one client call. */
export type CallResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; code: number; status?: string; message: string; reason?: string; raw?: unknown };

/** Arguments of a client call: body, path parameters, query parameters. */
export interface CallArgs {
  body?: unknown;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  /** Act as another user (email). */
  as?: string;
  scopes?: string[];
}

/** A client that calls a method by id. */
export interface ChatClient {
  readonly kind: 'facade' | 'rest';
  call(methodId: string, args?: CallArgs): CallResult;
}

/** A configured emulator with a clock and both clients. */
export interface Harness {
  clock: VirtualClock;
  emu: ChatEmulator;
  caller: string;
  /** Virtual ms added before each client call. */
  paceMs: number;
  /** The `Chat` facade for a user. */
  chat(as?: string, scopes?: string[]): Record<string, any>; // any: the facade is generated at run time
  /** A raw REST request through the host as UrlFetchApp sends it. */
  rest(
    method: string,
    path: string,
    init?: { body?: unknown; as?: string; scopes?: string[]; headers?: Record<string, string>; auth?: boolean },
  ): RestResult;
  client(kind: 'facade' | 'rest'): ChatClient;
}

/** A REST response. */
export interface RestResult {
  status: number;
  headers: Record<string, string>;
  json: Record<string, any>; // any: response JSON is untyped
  text: string;
  outcome: ApiOutcome;
}

/**
 * Creates an emulator with a clock and clients. `paceMs` (default 1,000) is virtual time added before each client
 * call, so ordinary tests stay under the per-space 1 write/s quota; quota tests pass 0.
 */
export function harness(options: Partial<ChatEmulatorOptions> & { paceMs?: number } = {}): Harness {
  const paceMs = options.paceMs ?? 1000;
  const clock = options.clock ?? new VirtualClock();
  const emu = new ChatEmulator({ ...options, clock });
  const caller = emu.directory.defaultCaller;
  const h: Harness = {
    clock,
    emu,
    caller,
    paceMs,
    chat(as = caller, scopes = USER_SCOPES) {
      const rt = new TestRuntime(emu, clock, { email: as, scopes });
      return emu.advancedService.create(rt) as Record<string, any>; // any: dynamic facade
    },
    rest(method, path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (init.auth !== false)
        headers.authorization = `Bearer ${issueToken({ email: init.as ?? caller, scopes: init.scopes ?? USER_SCOPES })}`;
      let body: string | Uint8Array | undefined;
      if (init.body instanceof Uint8Array) body = init.body;
      else if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const url = path.startsWith('https://') ? path : `https://chat.googleapis.com${path}`;
      const outcome = emu.apiHost.handle({
        request: { method, url, headers, body },
        path: 'urlfetch',
        now: clock.now(),
      });
      clock.advance(outcome.latencyMs);
      const res = outcome.response;
      const text = res ? (typeof res.body === 'string' ? res.body : Buffer.from(res.body).toString('utf8')) : '';
      let json: Record<string, unknown> = {};
      try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        json = {};
      }
      return { status: res?.status ?? 0, headers: res?.headers ?? {}, json, text, outcome };
    },
    client(kind) {
      return kind === 'facade' ? facadeClient(h) : restClient(h);
    },
  };
  return h;
}

function methodOf(emu: ChatEmulator, id: string): MethodInfo {
  const m = emu.methods.find((x) => x.id === id);
  if (!m) throw new Error(`unknown method ${id}`);
  return m;
}

function facadeClient(h: Harness): ChatClient {
  return {
    kind: 'facade',
    call(methodId, args = {}) {
      h.clock.advance(h.paceMs);
      const method = methodOf(h.emu, methodId);
      let node: Record<string, unknown> = h.chat(args.as ?? h.caller, args.scopes ?? USER_SCOPES);
      for (const r of method.resourcePath)
        node = node[r.charAt(0).toUpperCase() + r.slice(1)] as Record<string, unknown>;
      const fn = node[method.name === 'delete' ? 'remove' : method.name] as (...a: unknown[]) => unknown;
      const callArgs: unknown[] = [];
      if (method.request) callArgs.push(args.body ?? {});
      for (const p of method.parameterOrder.filter((x) => method.parameters[x]?.location === 'path'))
        callArgs.push(args.params?.[p]);
      callArgs.push(args.query ?? {});
      try {
        return { ok: true, data: fn(...callArgs) as Record<string, unknown> };
      } catch (e) {
        const err = e as Error & { details?: { code: number; message: string; errors: Array<{ reason: string }> } };
        if (!err.details) throw e;
        return {
          ok: false,
          code: err.details.code,
          message: err.details.message,
          reason: err.details.errors[0]?.reason,
          raw: err,
        };
      }
    },
  };
}

function restClient(h: Harness): ChatClient {
  return {
    kind: 'rest',
    call(methodId, args = {}) {
      h.clock.advance(h.paceMs);
      const method = methodOf(h.emu, methodId);
      const path = '/' + fillTemplate(method.path, args.params ?? {}) + buildQuery(args.query);
      const res = h.rest(method.httpMethod, path, {
        body: method.request ? (args.body ?? {}) : undefined,
        as: args.as,
        scopes: args.scopes,
      });
      if (res.status < 400) return { ok: true, data: res.json };
      const error = res.json.error as { code: number; status: string; message: string } | undefined;
      return { ok: false, code: res.status, status: error?.status, message: error?.message ?? res.text, raw: res.json };
    },
  };
}

/** Asserts a call succeeded and returns its data. */
export function ok(result: CallResult): Record<string, any> {
  // any: response JSON is untyped
  if (!result.ok) throw new Error(`expected success, got ${result.code} ${result.status ?? ''}: ${result.message}`);
  return result.data;
}

/** Asserts a call failed with `code` (and `status` on the REST path) and returns the failure. */
export function fails(result: CallResult, code: number, status?: string): Extract<CallResult, { ok: false }> {
  if (result.ok)
    throw new Error(`expected ${code} ${status ?? ''}, got success: ${JSON.stringify(result.data).slice(0, 300)}`);
  expect(result.code).toBe(code);
  if (status && result.status !== undefined) expect(result.status).toBe(status);
  if (status && result.reason !== undefined) expect(result.reason).toBe(LEGACY_REASON[status as RpcStatus]);
  return result;
}
