/**
 * The `Chat` advanced-service facade, generated from the discovery document the way Apps Script generates it:
 * resources become capitalised properties (`Chat.Spaces.Members`), `delete` becomes `remove`, and each method takes
 * the request body first (when it has one), then its path parameters in `parameterOrder`, then optional query
 * arguments, then optional request headers (facts §4.2; types/chat.d.ts). `media.upload` takes
 * `(resource, parent, mediaData, headers)` and sends a multipart/related upload; `media.download` is absent (facts
 * §4.1). Each call builds the HTTP request UrlFetchApp would send and goes through `rt.send`; failures throw
 * `GoogleJsonResponseException` with `API call to chat.<resource>.<method> failed with error: <message>` and
 * `details: {code, message, errors: [{domain: 'global', reason, message}]}` (open-questions Q4).
 */
import type { AdvancedServiceBinding, AdvancedServiceRuntime, HttpRequest } from '../core/api';
import { listMethods, loadDiscovery, type MethodInfo } from './discovery';
import { LEGACY_REASON, type RpcStatus } from './errors';

const ROOT = 'https://chat.googleapis.com/';

/** Apps Script's name for a resource or method key. */
function capitalise(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Percent-encodes a path parameter for `{+name}` reserved expansion (keeps `/`, `:` and `@`). */
function expand(value: string): string {
  return encodeURIComponent(value).replace(/%2F/gi, '/').replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

/** Fills a path template with the given path parameters. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\+?)([A-Za-z0-9_.]+)\}/g, (_, plus: string, name: string) =>
    plus ? expand(params[name] ?? '') : encodeURIComponent(params[name] ?? ''),
  );
}

/** Builds a query string from optional arguments (arrays repeat the key; undefined and null are skipped). */
export function buildQuery(args: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(args ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function lowerHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

/** Throws the exception Apps Script throws for a failed advanced-service call. */
function throwApiError(rt: AdvancedServiceRuntime, method: MethodInfo, status: number, bodyText: string): never {
  let message = `Request failed with HTTP ${status}`;
  let rpc: RpcStatus | undefined;
  try {
    const parsed = JSON.parse(bodyText) as { error?: { message?: string; status?: RpcStatus } };
    if (parsed.error?.message) message = parsed.error.message;
    rpc = parsed.error?.status;
  } catch {
    // Non-JSON error bodies keep the generic message.
  }
  const reason = rpc ? LEGACY_REASON[rpc] : 'backendError';
  throw rt.makeError(`API call to ${method.id} failed with error: ${message}`, {
    name: 'GoogleJsonResponseException',
    details: { code: status, message, errors: [{ domain: 'global', reason, message }] },
  });
}

/** Sends a request and converts the outcome to a script value or an exception. */
function invoke(rt: AdvancedServiceRuntime, method: MethodInfo, request: HttpRequest): unknown {
  const outcome = rt.send(request);
  if (outcome.transportError) {
    // Transport failures have no API status; Apps Script surfaces them as a plain exception (C27).
    throw rt.makeError(
      `${outcome.transportError.kind === 'timeout' ? 'Timeout' : 'Connection reset'}: ${request.url}`,
      {
        name: 'Exception',
      },
    );
  }
  const response = outcome.response;
  if (!response)
    throw rt.makeError(`API call to ${method.id} failed with error: Empty response`, { name: 'Exception' });
  const text = typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString('utf8');
  if (response.status >= 400) throwApiError(rt, method, response.status, text);
  if (text.trim() === '') return rt.toScript({});
  return rt.toScript(JSON.parse(text) as unknown);
}

/** Builds the function Apps Script exposes for one method. */
function methodFunction(rt: AdvancedServiceRuntime, method: MethodInfo): (...args: unknown[]) => unknown {
  const hasBody = method.request !== undefined;
  const pathParams = method.parameterOrder.filter((p) => method.parameters[p]?.location === 'path');
  const upload = method.uploadPath !== undefined;
  const min = (hasBody ? 1 : 0) + pathParams.length;
  const max = min + 2;
  return (...args: unknown[]): unknown => {
    if (args.length < min || args.length > max) {
      throw rt.makeError(`Invalid number of arguments provided. Expected ${min === max ? min : `${min}-${max}`} only`, {
        name: 'Exception',
      });
    }
    let i = 0;
    const body = hasBody ? args[i++] : undefined;
    const params: Record<string, string> = {};
    for (const p of pathParams) {
      const v = args[i++];
      if (typeof v !== 'string') throw rt.makeError(`Invalid argument: ${p}`, { name: 'Exception' });
      params[p] = v;
    }
    if (upload) {
      const blob = args[i++];
      const headers = lowerHeaders(args[i++]);
      return invoke(rt, method, uploadRequest(rt, method, body, params, blob, headers));
    }
    const optional = args[i++] as Record<string, unknown> | undefined;
    const headers = lowerHeaders(args[i++]);
    const request: HttpRequest = {
      method: method.httpMethod,
      url: ROOT + fillTemplate(method.path, params) + buildQuery(optional),
      headers: hasBody ? { 'content-type': 'application/json', ...headers } : headers,
    };
    if (hasBody) request.body = JSON.stringify(body ?? {});
    return invoke(rt, method, request);
  };
}

/** A multipart/related upload request, as the advanced service sends it for `Media.upload(resource, parent, blob)`. */
function uploadRequest(
  rt: AdvancedServiceRuntime,
  method: MethodInfo,
  resource: unknown,
  params: Record<string, string>,
  blob: unknown,
  headers: Record<string, string>,
): HttpRequest {
  const url = ROOT + fillTemplate(method.uploadPath as string, params);
  const media = blob === undefined || blob === null ? undefined : rt.readBlob(blob);
  if (!media) {
    return {
      method: method.httpMethod,
      url: ROOT + fillTemplate(method.path, params),
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(resource ?? {}),
    };
  }
  const boundary = `emulator_boundary_${Buffer.from(url).toString('hex').slice(-12)}`;
  const meta = Buffer.from(
    `--${boundary}\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(resource ?? {})}\r\n` +
      `--${boundary}\r\ncontent-type: ${media.contentType || 'application/octet-stream'}\r\n\r\n`,
    'utf8',
  );
  const body = Buffer.concat([meta, Buffer.from(media.bytes), Buffer.from(`\r\n--${boundary}--`, 'utf8')]);
  return {
    method: method.httpMethod,
    url: `${url}?uploadType=multipart`,
    headers: { 'content-type': `multipart/related; boundary=${boundary}`, ...headers },
    body: new Uint8Array(body),
  };
}

/** Builds the `Chat` object for a runtime. */
export function createChatFacade(
  rt: AdvancedServiceRuntime,
  methods: MethodInfo[] = listMethods(loadDiscovery()),
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const method of methods) {
    if (method.supportsMediaDownload) continue; // media.download: REST only (facts §4.1)
    let node = root;
    for (const resource of method.resourcePath) {
      const key = capitalise(resource);
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[method.name === 'delete' ? 'remove' : method.name] = methodFunction(rt, method);
  }
  return root;
}

/** The binding the runtime installs for `enabledAdvancedServices: [{serviceId: 'chat', version: 'v1'}]`. */
export const chatServiceBinding: AdvancedServiceBinding = {
  serviceId: 'chat',
  version: 'v1',
  create: (rt) => createChatFacade(rt),
};
