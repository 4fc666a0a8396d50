/**
 * UrlFetchApp, routed to the emulator's API hosts by host name. Requests are built as Apps Script builds them
 * (method, headers, contentType, payload as text, bytes, Blob or form-encoded object), checked against the manifest
 * (script.external_request scope via permissions.ts; `urlFetchWhitelist` prefixes in add-on modes), and each
 * response advances the virtual clock by the host's latency. `fetchAll` sends its requests together: the clock
 * advances by the slowest, not the sum (open-questions Q7). Failures use the platform's texts: a non-2xx status
 * without muteHttpExceptions ("Request failed for https://host returned code 404. Truncated server response: …"),
 * an unknown host ("DNS error: <url>"), a timeout ("Timeout: <url>"), a reset ("Address unavailable: <url>").
 */
import type { ApiHost, ApiOutcome, HttpRequest } from '../../core/api';
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature } from '../signature';
import { BlobImpl, signed, toBytes } from './blob';

const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script)';

/** The API hosts the runtime can reach, by host name (later registrations win). */
export class HostRouter {
  private readonly byName = new Map<string, ApiHost>();

  constructor(hosts: readonly ApiHost[] = []) {
    for (const h of hosts) this.add(h);
  }

  add(host: ApiHost): void {
    for (const name of host.hosts) this.byName.set(name.toLowerCase(), host);
  }

  find(hostname: string): ApiHost | undefined {
    return this.byName.get(hostname.toLowerCase());
  }
}

/** `Content-Type` style capitalisation of a lower-cased header name. */
function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}

interface Prepared {
  url: string;
  request: HttpRequest;
  mute: boolean;
}

/** Matches a URL against one urlFetchWhitelist prefix (https only; a leading `*` allows subdomains). */
function allowedBy(prefix: string, url: string): boolean {
  if (!prefix.startsWith('https://')) return false;
  if (prefix.startsWith('https://*.')) {
    const rest = prefix.slice('https://*.'.length);
    const m = /^https:\/\/([^/]+)(\/.*)?$/.exec(url);
    if (!m) return false;
    const host = m[1];
    const path = m[2] ?? '/';
    const [pHost, ...pPath] = rest.split('/');
    const pathPrefix = '/' + pPath.join('/');
    return (host === pHost || host.endsWith('.' + pHost)) && path.startsWith(pathPrefix);
  }
  return url.startsWith(prefix);
}

function formEncode(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v === null || v === undefined ? '' : String(v))}`)
    .join('&');
}

function multipart(obj: Record<string, unknown>, boundary: string): Uint8Array {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v instanceof BlobImpl) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${v._name ?? k}"\r\n` +
            `Content-Type: ${v._contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(v._bytes),
        Buffer.from('\r\n'),
      );
    } else {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** class HTTPResponse */
export class HttpResponseImpl extends ServiceObject {
  get className(): string {
    return 'HTTPResponse';
  }

  constructor(
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: Uint8Array,
  ) {
    super();
  }

  getResponseCode(): number {
    return this.status;
  }

  getContentText(charset?: unknown): string {
    const cs = typeof charset === 'string' && /^(us-?ascii|ascii)$/i.test(charset) ? 'ascii' : 'utf8';
    return Buffer.from(this.body).toString(cs);
  }

  getContent(): Int8Array {
    return signed(this.body);
  }

  getBlob(): BlobImpl {
    const type = this.headers['content-type']?.split(';')[0].trim() ?? null;
    return new BlobImpl(this.body.slice(), type, null);
  }

  getAs(contentType: unknown): BlobImpl {
    return this.getBlob().getAs(contentType);
  }

  /** Header names in their usual capitalisation (the hosts report them lower-cased: README R11). */
  getHeaders(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.headers).map(([k, v]) => [headerCase(k), v]));
  }

  getAllHeaders(): Record<string, string> {
    return this.getHeaders();
  }
}

export class UrlFetchAppImpl extends ServiceObject {
  get className(): string {
    return 'UrlFetchApp';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  private prepare(fq: string, url: unknown, params: unknown): Prepared {
    if (typeof url !== 'string') badSignature(fq, [url, params]);
    const cfg = this.exec.rt.config;
    if (url.length > cfg.limits.urlFetchUrlChars) throw new ScriptException(MSG.urlTooLong);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ScriptException(MSG.invalidArgument(url));
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new ScriptException(MSG.invalidArgument(url));
    const allowlist = cfg.manifest.urlFetchWhitelist;
    if (
      cfg.mode !== 'bound' &&
      cfg.behaviour.enforceUrlFetchWhitelist &&
      allowlist &&
      !allowlist.some((p) => allowedBy(p, url))
    ) {
      throw new ScriptException(MSG.notAllowlisted(url));
    }
    const p = (params ?? {}) as Record<string, unknown>;
    if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params)))
      badSignature(fq, [url, params]);
    const method = String(p.method ?? 'get').toUpperCase();
    if (!['GET', 'DELETE', 'PATCH', 'POST', 'PUT'].includes(method))
      throw new ScriptException(MSG.invalidArgument('method'));
    const headers: Record<string, string> = { 'user-agent': USER_AGENT };
    if (p.headers && typeof p.headers === 'object') {
      for (const [k, v] of Object.entries(p.headers as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    }
    let body: string | Uint8Array | undefined;
    const payload = p.payload;
    let contentType = typeof p.contentType === 'string' ? p.contentType : undefined;
    if (payload !== undefined && payload !== null) {
      if (typeof payload === 'string') body = payload;
      else if (payload instanceof BlobImpl) {
        body = payload._bytes.slice();
        contentType ??= payload._contentType ?? undefined;
      } else if (Array.isArray(payload)) body = toBytes(payload);
      else if (typeof payload === 'object') {
        const obj = payload as Record<string, unknown>;
        if (Object.values(obj).some((v) => v instanceof BlobImpl)) {
          const boundary = '----emulator' + this.exec.rt.ids.uuid().replace(/-/g, '');
          body = multipart(obj, boundary);
          contentType = `multipart/form-data; boundary=${boundary}`;
        } else body = formEncode(obj);
      } else body = String(payload);
      headers['content-type'] = contentType ?? headers['content-type'] ?? 'application/x-www-form-urlencoded';
    } else if (contentType) headers['content-type'] = contentType;
    return { url, mute: p.muteHttpExceptions === true, request: { method, url, headers, body } };
  }

  /** Sends one prepared request at the current virtual time; the caller advances the clock. */
  private send(prep: Prepared): ApiOutcome & { noHost?: boolean } {
    const host = this.exec.rt.net.find(new URL(prep.url).hostname);
    if (!host) return { latencyMs: 0, noHost: true };
    const outcome = host.handle({ request: prep.request, path: 'urlfetch', now: this.exec.rt.clock.now() });
    this.exec.countApi(outcome, prep.url);
    return outcome;
  }

  private result(prep: Prepared, outcome: ApiOutcome & { noHost?: boolean }): HttpResponseImpl {
    if (outcome.noHost) throw new ScriptException(MSG.dnsError(prep.url));
    if (outcome.transportError) {
      throw new ScriptException(
        outcome.transportError.kind === 'timeout' ? MSG.fetchTimeout(prep.url) : MSG.addressUnavailable(prep.url),
      );
    }
    const res = outcome.response as NonNullable<ApiOutcome['response']>;
    const bytes = typeof res.body === 'string' ? new Uint8Array(Buffer.from(res.body, 'utf8')) : res.body;
    if (bytes.length > this.exec.rt.config.limits.urlFetchResponseBytes)
      throw new ScriptException(MSG.responseTooLarge(prep.url));
    if (res.status >= 400 && !prep.mute) {
      const text = Buffer.from(bytes).toString('utf8');
      const max = this.exec.rt.config.behaviour.truncatedResponseChars;
      const truncated = text.length > max ? text.slice(0, max) + '...' : text;
      throw new ScriptException(MSG.httpFailed(new URL(prep.url).origin, res.status, truncated));
    }
    return new HttpResponseImpl(res.status, res.headers, bytes);
  }

  fetch(url: unknown, params?: unknown): HttpResponseImpl {
    const prep = this.prepare('UrlFetchApp.fetch', url, params);
    const outcome = this.send(prep);
    this.exec.advance(outcome.latencyMs + this.exec.rt.config.costs.urlFetchOverheadMs);
    return this.result(prep, outcome);
  }

  /** Sends all requests together; throws the first failure (in request order) after all were sent. */
  fetchAll(requests: unknown): HttpResponseImpl[] {
    if (!Array.isArray(requests)) badSignature('UrlFetchApp.fetchAll', [requests]);
    const preps = requests.map((r) => {
      if (typeof r === 'string') return this.prepare('UrlFetchApp.fetchAll', r, undefined);
      if (r && typeof r === 'object' && typeof (r as { url?: unknown }).url === 'string') {
        const { url, ...params } = r as Record<string, unknown>;
        return this.prepare('UrlFetchApp.fetchAll', url, params);
      }
      return badSignature('UrlFetchApp.fetchAll', [requests]);
    });
    const concurrency = Math.max(1, this.exec.rt.config.behaviour.fetchAllConcurrency);
    const outcomes: (ApiOutcome & { noHost?: boolean })[] = [];
    for (let i = 0; i < preps.length; i += concurrency) {
      const batch = preps.slice(i, i + concurrency).map((p) => this.send(p));
      outcomes.push(...batch);
      const slowest = Math.max(0, ...batch.map((o) => o.latencyMs));
      this.exec.advance(slowest + this.exec.rt.config.costs.urlFetchOverheadMs);
    }
    return preps.map((p, i) => this.result(p, outcomes[i]));
  }

  /** The request fetch() would send, without sending it. */
  getRequest(url: unknown, params?: unknown): Record<string, unknown> {
    const prep = this.prepare('UrlFetchApp.getRequest', url, params);
    const headers = Object.fromEntries(Object.entries(prep.request.headers).map(([k, v]) => [headerCase(k), v]));
    return {
      url: prep.url,
      method: prep.request.method.toLowerCase(),
      headers,
      contentType: prep.request.headers['content-type'] ?? null,
      payload:
        typeof prep.request.body === 'string' ? prep.request.body : prep.request.body ? signed(prep.request.body) : '',
      muteHttpExceptions: prep.mute,
      followRedirects: true,
      validateHttpsCertificates: true,
      useIntranet: false,
    };
  }
}
