/**
 * The playground server's JSON API without a browser: it binds to 127.0.0.1, refuses non-local Host headers and
 * non-JSON POSTs, and drives the session — a menu run blocks on its alert until /api/dialog answers it (state
 * reads stay available and say busy; a second run is refused with 409), cells and selections are applied, the clock
 * moves, the request log filters, and Save writes the CSV folder back.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CARD_CSS } from '../../emulator/cards/html';
import { PlaygroundHost } from '../../emulator/playground/host';
import { createPlaygroundServer, listen } from '../../emulator/playground/server';
import type { PlaygroundState, RequestsResponse } from '../../emulator/playground/types';
import { ensureBuilt, ROOT, tempWorkbook } from './harness';

jest.setTimeout(30_000);

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

let host: PlaygroundHost;
let server: http.Server;
let port: number;
let workbook: string;

function call(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: route,
        headers: {
          host: `localhost:${port}`,
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = {};
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

beforeAll(async () => {
  ensureBuilt();
  workbook = tempWorkbook();
  host = await PlaygroundHost.start({ rootDir: ROOT, workbook, mode: 'bound' });
  server = createPlaygroundServer({ host, rootDir: ROOT, cardCss: CARD_CSS });
  await listen(server, 0);
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await host?.close();
});

describe('playground server', () => {
  test('binds to 127.0.0.1 and serves the page with a strict CSP', async () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/app.js"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await call('GET', '/card.css')).body).toContain('.gcard');
    expect((await call('GET', '/nope')).status).toBe(404);
  });

  test('refuses foreign Host headers and non-JSON posts', async () => {
    expect((await call('GET', '/api/state', undefined, { host: 'evil.example:80' })).status).toBe(403);
    expect(
      (await call('POST', '/api/select', 'sheet=x', { 'content-type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    expect((await call('POST', '/api/select', '{not json')).status).toBe(400);
    expect((await call('POST', '/api/run', { functionName: 'notAnEntryPoint' })).status).toBe(404);
  });

  test('the menu built by onOpen and the entry points of the bundle are in the state', async () => {
    const state = (await call('GET', '/api/state')).json as unknown as PlaygroundState;
    expect(
      state.menus.some((m) => m.addon && m.items.some((i) => i.kind === 'item' && i.functionName === 'setUpSheets')),
    ).toBe(true);
    expect(state.entryPoints).toEqual(expect.arrayContaining(['onOpen', 'applySpaces', 'onHomepage']));
    expect(state.busy).toBe(false);
  });

  test('a run blocks on its alert until the page answers', async () => {
    const started = await call('POST', '/api/run', { functionName: 'setUpSheets', origin: 'menu' });
    expect(started.status).toBe(202);
    const dialog = started.json.dialog as { id: string; buttons: string[]; title?: string };
    expect(dialog.buttons).toEqual(['OK']);
    const during = (await call('GET', '/api/state')).json as unknown as PlaygroundState;
    expect(during.busy).toBe(true);
    expect(during.pendingDialog?.id).toBe(dialog.id);
    // The tabs were written before the alert: the page behind the dialog already shows them.
    expect(during.workbook.sheets.map((s) => s.name)).toContain('Log');
    expect((await call('POST', '/api/run', { functionName: 'showLastRun' })).status).toBe(409);
    const done = await call('POST', '/api/dialog', { button: 'OK' });
    expect(done.status).toBe(200);
    const state = done.json.state as PlaygroundState;
    expect(state.busy).toBe(false);
    expect(state.uiEvents.some((e) => e.kind === 'alert' && e.answer === 'OK')).toBe(true);
    expect((await call('POST', '/api/dialog', { button: 'OK' })).status).toBe(409);
  });

  test('cells and selections follow the Sheets UI', async () => {
    const edit = await call('POST', '/api/cell', { sheet: 'Spaces', row: 2, col: 1, value: 'Platform team' });
    expect(edit.status).toBe(200);
    const sheet = (edit.json.state as PlaygroundState).workbook.sheets.find((s) => s.name === 'Spaces');
    expect(sheet?.values[1][0]).toBe('Platform team');
    expect((edit.json.state as PlaygroundState).workbook.dirty).toBe(true);
    const select = await call('POST', '/api/select', { sheet: 'Spaces', range: 'A2:C3' });
    expect((select.json.state as PlaygroundState).workbook).toMatchObject({
      activeSheet: 'Spaces',
      activeRange: 'A2:C3',
    });
    expect((await call('POST', '/api/select', { sheet: 'Spaces', range: 'not a range' })).status).toBe(400);
    expect((await call('POST', '/api/cell', { sheet: 'Nope', row: 1, col: 1, value: 'x' })).status).toBe(404);
  });

  test('the clock advances and the request log filters', async () => {
    const before = ((await call('GET', '/api/state')).json as unknown as PlaygroundState).clock.now;
    const moved = await call('POST', '/api/clock', { advanceMinutes: 5 });
    expect((moved.json.state as PlaygroundState).clock.now - before).toBe(5 * 60_000);
    expect((await call('POST', '/api/clock', { advanceMinutes: -1 })).status).toBe(400);
    const all = (await call('GET', '/api/requests')).json as unknown as RequestsResponse;
    expect(all.total).toBeGreaterThan(0);
    const sheets = (await call('GET', '/api/requests?service=sheets')).json as unknown as RequestsResponse;
    expect(sheets.requests.length).toBeGreaterThan(0);
    expect(sheets.requests.every((r) => r.service === 'sheets')).toBe(true);
    const text = (await call('GET', '/api/requests?text=zzz-no-such-text')).json as unknown as RequestsResponse;
    expect(text.requests).toEqual([]);
  });

  test('Save writes the workbook back to its CSV folder', async () => {
    const saved = await call('POST', '/api/save', {});
    expect(saved.status).toBe(200);
    expect((saved.json.state as PlaygroundState).workbook.dirty).toBe(false);
    expect(fs.readFileSync(path.join(workbook, 'Spaces.csv'), 'utf8')).toContain('Platform team');
    expect(fs.existsSync(path.join(workbook, 'Log.csv'))).toBe(true);
  });
});
