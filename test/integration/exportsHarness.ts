/**
 * A spreadsheet session for the import/export and retire tests: the built dist/Code.js in the offline Apps Script
 * runtime (bound to a workbook made from CSV text), wired to the Chat emulator, with what those tests need on top
 * of runLocal — scripted prompt and confirmation answers, a selection on a tab, REST calls to the emulator as a
 * user (to post messages, attachments and reactions the way people would), and the tabs read back as records.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatEmulator, type DirectoryInput } from '../../emulator/chat';
import { VirtualClock } from '../../emulator/core/clock';
import { AppsScriptRuntime, type ExecutionResult, type Manifest } from '../../emulator/runtime';
import { loadWorkbook } from '../../emulator/workbook';

const DIST = path.join(__dirname, '..', '..', 'dist');

export class SheetSession {
  readonly clock = new VirtualClock();
  readonly chat: ChatEmulator;
  readonly runtime: AppsScriptRuntime;
  spreadsheetId = '';

  private constructor(
    directory: DirectoryInput,
    latency?: ConstructorParameters<typeof ChatEmulator>[0]['latency'],
    mode: 'bound' | 'editor-addon' = 'bound',
  ) {
    if (!fs.existsSync(path.join(DIST, 'Code.js'))) throw new Error('Run `npx rollup -c` first.');
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Manifest;
    this.chat = new ChatEmulator({ clock: this.clock, seed: 1, directory, latency });
    this.runtime = new AppsScriptRuntime({
      scripts: code,
      manifest,
      mode,
      clock: this.clock,
      seed: 1,
      apis: [this.chat.apiHost],
      advancedServices: [this.chat.advancedService],
      costs: { cpuFactor: 0 },
    });
  }

  /** A session on a workbook whose tabs are given as CSV text (built once the seeded spaces have their IDs). */
  static async open(
    directory: DirectoryInput,
    tabs: (s: SheetSession) => Record<string, string>,
    latency?: ConstructorParameters<typeof ChatEmulator>[0]['latency'],
    mode: 'bound' | 'editor-addon' = 'bound',
  ): Promise<SheetSession> {
    const s = new SheetSession(directory, latency, mode);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-'));
    for (const [tab, csv] of Object.entries(tabs(s))) fs.writeFileSync(path.join(dir, `${tab}.csv`), csv);
    const ss = await loadWorkbook(dir, { name: 'Team spaces', timeZone: 'Etc/UTC' });
    s.runtime.addSpreadsheet(ss, { active: true });
    s.spreadsheetId = ss.id;
    return s;
  }

  /** The ID of a space by its display name. */
  spaceId(displayName: string): string {
    const s = this.chat.findSpaceByDisplayName(displayName);
    if (!s) throw new Error(`No space ${displayName}`);
    return s.name;
  }

  /** Runs a menu entry point, failing the test on a script or emulator error. */
  run(entryPoint: string): ExecutionResult {
    const r = this.runtime.execute(entryPoint);
    if (r.internalErrors.length) throw new Error(`${entryPoint}: emulator errors\n${r.internalErrors.join('\n')}`);
    if (r.error && !r.error.timeLimit)
      throw new Error(`${entryPoint} failed: ${r.error.message}\n${r.error.stack ?? ''}`);
    return r;
  }

  /** Fires continuation triggers until none is left; returns those executions. */
  untilIdle(): ExecutionResult[] {
    return this.runtime.runUntilIdle().executions;
  }

  /** Selects rows (1-based, inclusive) of a tab, as the user would before choosing a menu item. */
  select(tab: string, fromRow: number, toRow = fromRow): void {
    const ss = this.runtime.activeSpreadsheet;
    const sheet = ss?.sheetByName(tab);
    if (!ss || !sheet) throw new Error(`No tab ${tab}`);
    ss.activeSheetId = sheet.sheetId;
    ss.activeRange = { row: fromRow, col: 1, numRows: toRow - fromRow + 1, numCols: 1 };
  }

  /** A tab as records keyed by header (values as the cells hold them). */
  records(tab: string): Record<string, unknown>[] {
    const values = this.runtime.readSheet(tab);
    if (!values) throw new Error(`No tab ${tab}`);
    const [header, ...rows] = values;
    return rows
      .filter((r) => r.some((v) => v !== '' && v !== null))
      .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
  }

  /** A REST call to the Chat emulator as `user` (all scopes), outside any execution. */
  rest(method: string, urlPath: string, body?: unknown, user = 'admin@example.com'): Record<string, unknown> {
    const headers: Record<string, string> = { authorization: `Bearer user:${user}` };
    let raw: string | Uint8Array | undefined;
    if (body instanceof Uint8Array) raw = body;
    else if (body !== undefined) {
      raw = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    return this.send(method, urlPath, headers, raw);
  }

  /** Uploads a file to a space and posts a message carrying it, as `user`. Returns the message. */
  postAttachment(space: string, fileName: string, bytes: Uint8Array, text: string): Record<string, unknown> {
    const boundary = 'b0undary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ filename: fileName })}\r\n` +
        `--${boundary}\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const body = Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--`)]);
    const upload = this.send(
      'POST',
      `/upload/v1/${space}/attachments:upload?uploadType=multipart`,
      { authorization: 'Bearer user:admin@example.com', 'content-type': `multipart/related; boundary=${boundary}` },
      new Uint8Array(body),
    );
    return this.rest('POST', `/v1/${space}/messages`, { text, attachment: [upload] });
  }

  private send(
    method: string,
    urlPath: string,
    headers: Record<string, string>,
    body: string | Uint8Array | undefined,
  ): Record<string, unknown> {
    // People do not post faster than a space's 1 write per second.
    if (method !== 'GET') this.clock.advance(1_100);
    const outcome = this.chat.apiHost.handle({
      request: { method, url: `https://chat.googleapis.com${urlPath}`, headers, body },
      path: 'http-server',
      now: this.clock.now(),
    });
    this.clock.advance(outcome.latencyMs);
    const res = outcome.response;
    if (!res) throw new Error(`${method} ${urlPath}: transport error`);
    const text = typeof res.body === 'string' ? res.body : Buffer.from(res.body).toString('utf8');
    if (res.status >= 300) throw new Error(`${method} ${urlPath}: ${res.status} ${text}`);
    return JSON.parse(text || '{}') as Record<string, unknown>;
  }
}
