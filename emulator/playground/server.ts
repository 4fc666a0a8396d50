/**
 * The playground's HTTP server: serves the static page (emulator/playground/public) and the JSON API the page uses
 * to drive the session (`/api/state`, `/api/run`, `/api/dialog`, `/api/card-action`, `/api/cell`, `/api/select`,
 * `/api/clock`, `/api/requests`, `/api/save`, `/api/fidelity`, ...). It binds to 127.0.0.1 only, refuses requests
 * whose Host header is not local (DNS rebinding) and POSTs that are not JSON (cross-site forms), and sends a strict
 * Content-Security-Policy. All emulator work is delegated to the PlaygroundHost (one execution at a time).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BusyError, type CallOutcome, type PlaygroundHost } from './host';
import { renderFidelity } from './fidelity';
import type { RequestsResponse } from './types';

const PUBLIC_DIR = path.join(__dirname, 'public');
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/styles.css': { file: 'styles.css', type: 'text/css; charset=utf-8' },
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-goog-emulator': 'chat-spaces-playground',
};

/** Options of the playground server. */
export interface ServerOptions {
  host: PlaygroundHost;
  /** Repository root (for the Fidelity page's markdown files). */
  rootDir: string;
  /** CSS of the card renderer, served as /card.css. */
  cardCss: string;
}

/** A POST route: turns the JSON body into a host call. */
type PostRoute = (body: Record<string, unknown>, host: PlaygroundHost) => Promise<CallOutcome>;

const POST_ROUTES: Record<string, PostRoute> = {
  '/api/run': (b, h) => h.call('run', b),
  '/api/dialog': (b, h) => h.answerDialog({ button: String(b.button ?? 'CLOSE'), text: str(b.text) }),
  '/api/sidebar/open': (b, h) => h.call('openSidebar', b),
  '/api/sidebar/grant': (b, h) => h.call('grantFileScope', b),
  '/api/sidebar/back': (b, h) => h.call('sidebarBack', b),
  '/api/sidebar/close': (b, h) => h.call('closeSidebar', b),
  '/api/sidebar/universal': (b, h) => h.call('universalAction', b),
  '/api/card-action': (b, h) => h.call('cardAction', b),
  '/api/cell': (b, h) => h.call('setCell', b),
  '/api/select': (b, h) => h.call('select', b),
  '/api/clock': (b, h) => h.call('clock', b),
  '/api/save': (b, h) => h.call('save', b),
  '/api/reset': (b, h) => h.call('reset', b),
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Creates the server (not yet listening). */
export function createPlaygroundServer(options: ServerOptions): http.Server {
  return http.createServer((req, res) => {
    handle(req, res, options).catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (!res.headersSent) sendJson(res, 500, { error: message });
      else res.end();
    });
  });
}

/** Starts listening on 127.0.0.1:`port` (0 picks a free port) and resolves with the URL. */
export function listen(server: http.Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve(`http://localhost:${address.port}`);
    });
  });
}

function isLocalHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, options: ServerOptions): Promise<void> {
  if (!isLocalHost(req.headers.host)) {
    sendJson(res, 403, { error: 'The playground only answers requests addressed to localhost.' });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pathname = url.pathname;
  const { host } = options;

  if (req.method === 'GET' || req.method === 'HEAD') {
    const asset = STATIC_FILES[pathname];
    if (asset) {
      const body = await fs.promises.readFile(path.join(PUBLIC_DIR, asset.file));
      send(res, 200, asset.type, body);
      return;
    }
    if (pathname === '/card.css') {
      send(res, 200, 'text/css; charset=utf-8', options.cardCss);
      return;
    }
    if (pathname === '/api/state') {
      sendJson(res, 200, await host.state());
      return;
    }
    if (pathname === '/api/requests') {
      const query = Object.fromEntries(url.searchParams.entries());
      const empty: RequestsResponse = { total: 0, requests: [], methods: [] };
      sendJson(res, 200, await host.read('requests', query, empty));
      return;
    }
    if (pathname === '/api/fidelity') {
      sendJson(res, 200, await renderFidelity(options.rootDir));
      return;
    }
    if (pathname === '/api/health') {
      sendJson(res, 200, { ok: true, busy: host.busy });
      return;
    }
    sendJson(res, 404, { error: `Not found: ${pathname}` });
    return;
  }

  if (req.method === 'POST') {
    const route = POST_ROUTES[pathname];
    if (!route) {
      sendJson(res, 404, { error: `Not found: ${pathname}` });
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, { error: 'POST bodies must be application/json.' });
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = await readJson(req);
    } catch (e) {
      sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
      return;
    }
    try {
      sendOutcome(res, await route(body, host));
    } catch (e) {
      if (e instanceof BusyError) sendJson(res, 409, { error: e.message, state: await host.state() });
      else throw e;
    }
    return;
  }

  res.setHeader('allow', 'GET, HEAD, POST');
  sendJson(res, 405, { error: `Method ${req.method} not allowed.` });
}

function sendOutcome(res: http.ServerResponse, outcome: CallOutcome): void {
  if (outcome.kind === 'done') sendJson(res, 200, { ok: true, result: outcome.result, state: outcome.state });
  else if (outcome.kind === 'dialog') {
    sendJson(res, 202, { ok: true, dialog: outcome.dialog, state: outcome.state });
  } else sendJson(res, outcome.status, { ok: false, error: outcome.error, state: outcome.state });
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          reject(new Error('The request body must be a JSON object.'));
        } else resolve(value as Record<string, unknown>);
      } catch {
        reject(new Error('The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
