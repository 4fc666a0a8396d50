/**
 * A web server for the offline runtime: files served at https URLs, so a script's UrlFetchApp.fetch of a link (an
 * attachment, an image) gets what a real site would answer. Registered files answer 200 with their bytes, their
 * Content-Type and, when given, a Content-Disposition file name; a file may be set up to answer another status (a
 * 403 sign-in wall, a 500) or as an HTML page; any other path on a served host answers 404 with a small HTML page, as
 * web servers do. Only GET is served; other methods answer 405. Latency is a base round trip
 * plus the transfer time at a stated bandwidth, so large files cost virtual time. The runtime enforces UrlFetchApp's
 * own limits (50 MB responses) on top. Use with `runtime.addApiHost(new FileHost(['files.example.com']))`.
 */
import type { ApiCall, ApiHost, ApiOutcome } from '../core/api';

/** One file the host serves. */
export interface HostedFile {
  /** Body bytes (a string is UTF-8 encoded). */
  body: Uint8Array | string;
  /** Content-Type header (default `application/octet-stream`). */
  contentType?: string;
  /** File name sent as `Content-Disposition: attachment; filename="…"`. */
  fileName?: string;
  /** HTTP status (default 200). */
  status?: number;
}

export interface FileHostOptions {
  /** Round-trip time of a request (default 120 ms). */
  baseLatencyMs?: number;
  /** Transfer speed (default 20 MiB/s). */
  bytesPerSecond?: number;
}

export class FileHost implements ApiHost {
  private readonly files = new Map<string, HostedFile>();
  /** Every request received, in order. */
  readonly requests: ApiCall[] = [];

  constructor(
    readonly hosts: readonly string[],
    private readonly options: FileHostOptions = {},
  ) {}

  /** Serves `file` at `url` (an https URL on one of the hosts). */
  serve(url: string, file: HostedFile): this {
    const u = new URL(url);
    if (!this.hosts.includes(u.hostname)) throw new Error(`FileHost does not serve ${u.hostname}`);
    this.files.set(u.origin + u.pathname, file);
    return this;
  }

  handle(call: ApiCall): ApiOutcome {
    this.requests.push(call);
    const url = new URL(call.request.url);
    const base = this.options.baseLatencyMs ?? 120;
    if (call.request.method !== 'GET') return this.page(405, 'Method Not Allowed', base);
    const file = this.files.get(url.origin + url.pathname);
    if (!file) return this.page(404, 'Not Found', base);
    const body = typeof file.body === 'string' ? new Uint8Array(Buffer.from(file.body, 'utf8')) : file.body;
    const headers: Record<string, string> = {
      'content-type': file.contentType ?? 'application/octet-stream',
      'content-length': String(body.length),
    };
    if (file.fileName) headers['content-disposition'] = `attachment; filename="${file.fileName}"`;
    const transfer = (body.length / (this.options.bytesPerSecond ?? 20 * 1024 * 1024)) * 1000;
    return {
      response: { status: file.status ?? 200, headers, body },
      latencyMs: Math.round(base + transfer),
      methodId: 'web.get',
    };
  }

  private page(status: number, text: string, latencyMs: number): ApiOutcome {
    return {
      response: {
        status,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
        body: `<!DOCTYPE html><html><head><title>${status} ${text}</title></head><body><h1>${text}</h1></body></html>`,
      },
      latencyMs,
      methodId: 'web.get',
    };
  }
}
