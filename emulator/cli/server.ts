/**
 * Stand-alone HTTP server for the Chat API emulator: `npm run emulator -- --port <n> [--directory <json>] [--seed n]
 * [--faults spec] [--sleep]`. Serves the Chat API at `http://localhost:<n>/v1/...` and `/upload/v1/...` (point
 * `@googleapis/chat`'s `rootUrl` here), Cloud Identity's `/v1/groups:lookup`, the pinned discovery document at
 * `/$discovery/rest?version=v1`, and control endpoints under `/__emulator/` (state, seed, reset, load, requests,
 * stats, faults, clock). Authenticate with `Authorization: Bearer user:<email>` (all scopes) or a token from
 * `ScriptApp.getOAuthToken()`.
 *
 * Time: the server owns a VirtualClock that follows the wall clock — before each request, virtual now is raised to
 * `virtualStart + (wall now − wallStart) + manual advances` (never moved back) — and each API call then advances it by
 * the call's modelled latency, as the Apps Script runtime does. `POST /__emulator/clock` adds manual advances (e.g. to
 * step past a quota window). With `--sleep`, responses are also delayed by their latency in wall time.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest } from '../core/api';
import { VirtualClock } from '../core/clock';
import { ChatEmulator, type BehaviourOptions, type DirectoryInput, type LatencyModel } from '../chat/index';

/** Options of the stand-alone server. */
export interface ServerOptions {
  port?: number;
  host?: string;
  seed?: number;
  directory?: DirectoryInput;
  faults?: string;
  behaviour?: Partial<BehaviourOptions>;
  latency?: Partial<LatencyModel>;
  /** Delay responses by their modelled latency (wall time). */
  sleep?: boolean;
  /** Wall clock source (tests). */
  wallNow?: () => number;
  /** Print the start-up banner. */
  quiet?: boolean;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  emulator: ChatEmulator;
  clock: VirtualClock;
  close(): Promise<void>;
}

/** Parses an ISO 8601 duration (`PT5M`, `P1DT2H`, `PT0.5S`) or a number of ms. */
export function parseDuration(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    String(value ?? ''),
  );
  if (!m || String(value) === 'P' || String(value).endsWith('T'))
    throw new Error(`Invalid duration ${JSON.stringify(value)}`);
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return Math.round(((d * 24 + h) * 60 + min) * 60_000 + s * 1000);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body, null, 2));
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const wallNow = options.wallNow ?? Date.now;
  const clock = new VirtualClock();
  const virtualStart = clock.now();
  const wallStart = wallNow();
  let manual = 0;
  const sync = (): void => clock.advanceTo(virtualStart + (wallNow() - wallStart) + manual);
  const emulator = new ChatEmulator({
    clock,
    seed: options.seed,
    directory: options.directory,
    faults: options.faults,
    behaviour: options.behaviour,
    latency: options.latency,
  });

  const control = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: Buffer,
  ): Promise<void> => {
    const parse = (): unknown => (body.length ? JSON.parse(body.toString('utf8')) : {});
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /__emulator/state':
        return sendJson(res, 200, emulator.dump());
      case 'POST /__emulator/seed':
        emulator.seedDirectory(parse() as DirectoryInput);
        return sendJson(res, 200, { ok: true, spaces: emulator.snapshot().length });
      case 'POST /__emulator/reset':
        emulator.reset();
        return sendJson(res, 200, { ok: true });
      case 'POST /__emulator/load':
        emulator.load(parse() as Parameters<ChatEmulator['load']>[0]);
        return sendJson(res, 200, { ok: true });
      case 'GET /__emulator/requests': {
        const since = Number(url.searchParams.get('since') ?? 0);
        return sendJson(res, 200, { requests: emulator.requestLog.filter((e) => e.seq > since) });
      }
      case 'GET /__emulator/stats':
        return sendJson(res, 200, emulator.stats());
      case 'GET /__emulator/snapshot':
        return sendJson(res, 200, { spaces: emulator.snapshot() });
      case 'POST /__emulator/faults': {
        const { spec } = parse() as { spec?: string };
        emulator.setFaults(spec ?? 'none');
        return sendJson(res, 200, { faults: emulator.faultSpec });
      }
      case 'GET /__emulator/clock':
        return sendJson(res, 200, { now: new Date(clock.now()).toISOString(), epochMs: clock.now() });
      case 'POST /__emulator/clock': {
        const input = parse() as { advanceBy?: string | number; set?: string };
        // Manual advances move virtual time by exactly the amount asked, on top of latency already accumulated.
        let step = 0;
        if (input.set !== undefined) {
          const target = Date.parse(input.set);
          if (Number.isNaN(target)) throw new Error(`Invalid time ${input.set}`);
          step += Math.max(0, target - clock.now());
        }
        if (input.advanceBy !== undefined) step += parseDuration(input.advanceBy);
        manual += step;
        clock.advance(step);
        return sendJson(res, 200, { now: new Date(clock.now()).toISOString(), epochMs: clock.now() });
      }
      default:
        return sendJson(res, 404, {
          error: { code: 404, message: `Unknown control endpoint ${route}`, status: 'NOT_FOUND' },
        });
    }
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      sync();
      if (url.pathname.startsWith('/__emulator/')) {
        try {
          await control(req, res, url, body);
        } catch (e) {
          sendJson(res, 400, {
            error: { code: 400, message: e instanceof Error ? e.message : String(e), status: 'INVALID_ARGUMENT' },
          });
        }
        return;
      }
      if (
        req.method === 'GET' &&
        (url.pathname === '/$discovery/rest' || url.pathname === '/discovery/v1/apis/chat/v1/rest')
      ) {
        return sendJson(res, 200, emulator.discovery);
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
      const host = url.pathname.startsWith('/v1/groups') ? 'cloudidentity.googleapis.com' : 'chat.googleapis.com';
      const contentType = headers['content-type'] ?? '';
      const request: HttpRequest = {
        method: req.method ?? 'GET',
        url: `https://${host}${url.pathname}${url.search}`,
        headers,
        body:
          body.length === 0
            ? undefined
            : /json|text/.test(contentType) && !/multipart/.test(contentType)
              ? body.toString('utf8')
              : new Uint8Array(body),
      };
      const outcome = emulator.apiHost.handle({ request, path: 'http-server', now: clock.now() });
      clock.advance(outcome.latencyMs);
      if (options.sleep) await new Promise((r) => setTimeout(r, outcome.latencyMs));
      if (!outcome.response) {
        // A transport failure: drop the connection, as a timed-out request looks to a client.
        req.socket.destroy();
        return;
      }
      res.writeHead(outcome.response.status, {
        ...outcome.response.headers,
        'x-emulator-latency-ms': String(outcome.latencyMs),
      });
      res.end(typeof outcome.response.body === 'string' ? outcome.response.body : Buffer.from(outcome.response.body));
    })().catch((e: unknown) => {
      sendJson(res, 500, {
        error: { code: 500, message: e instanceof Error ? e.message : String(e), status: 'INTERNAL' },
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/`;
  if (!options.quiet) {
    // Say "this is an emulator" (emulator-anchors C2).
    process.stdout.write(
      `Chat API emulator listening on ${url} (discovery revision ${emulator.discovery.revision}, seed ${emulator.seed}).\n` +
        'This is an emulator: behaviour may be incomplete or differ from Google. See emulator/COVERAGE.md and emulator/KNOWN-DIFFERENCES.md.\n',
    );
  }
  return {
    url,
    port,
    emulator,
    clock,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Parses `--flag value` command-line arguments. */
export function parseArgs(argv: string[]): ServerOptions {
  const out: ServerOptions = { port: 8085 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Missing value for ${arg}`);
      return v;
    };
    switch (arg) {
      case '--port':
        out.port = Number(value());
        break;
      case '--host':
        out.host = value();
        break;
      case '--seed':
        out.seed = Number(value());
        break;
      case '--faults':
        out.faults = value();
        ChatEmulator.parseFaultSpec(out.faults);
        break;
      case '--directory':
        out.directory = JSON.parse(fs.readFileSync(value(), 'utf8')) as DirectoryInput;
        break;
      case '--sleep':
        out.sleep = true;
        break;
      default:
        throw new Error(
          `Unknown argument ${arg}. Usage: server.ts --port <n> [--directory <json>] [--seed n] [--faults spec] [--sleep]`,
        );
    }
  }
  return out;
}

if (require.main === module) {
  startServer(parseArgs(process.argv.slice(2))).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
