/**
 * A workbook for the Messages-tab tests: the built bundle (dist/Code.js) in the offline runtime (bound script by
 * default), the Chat emulator seeded with N spaces the runner manages (their Space IDs already on the Spaces tab, with
 * a Region column and tags), a Messages tab given as rows, and a web host serving attachment files. Helpers read a
 * tab back as records, select rows, and count the API calls of a set of executions.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatEmulator, type DirectoryInput } from '../../emulator/chat';
import { VirtualClock } from '../../emulator/core/clock';
import { AppsScriptRuntime, type ExecutionMode, type ExecutionResult, type Manifest } from '../../emulator/runtime';
import type { Limits } from '../../emulator/runtime/options';
import { FileHost } from '../../emulator/web/fileHost';
import { loadWorkbook, toCsv } from '../../emulator/workbook';

const DIST = path.join(__dirname, '..', '..', 'dist');

export const MESSAGE_HEADERS = ['Space', 'Message', 'Thread key', 'Send at', 'Attachment'];

export interface WorkbookOptions {
  /** Spaces seeded in Chat and listed on the Spaces tab (`Team 001` …). */
  spaces: number;
  /** Tags of space i (1-based); default none. */
  tags?: (i: number) => string;
  /** Messages rows (values by MESSAGE_HEADERS). */
  messages: Record<string, string>[];
  mode?: ExecutionMode;
  users?: DirectoryInput['users'];
  limits?: Partial<Limits>;
  /** The spreadsheet's time zone (default Etc/UTC, the script's). */
  timeZone?: string;
}

export class MessagesWorkbook {
  readonly clock = new VirtualClock();
  readonly chat: ChatEmulator;
  readonly runtime: AppsScriptRuntime;
  readonly files = new FileHost(['files.example.com']);
  spreadsheetId = '';
  /** Space resource names of Team 001 … in order. */
  spaceNames: string[] = [];

  private constructor(options: WorkbookOptions) {
    const spaces = Array.from({ length: options.spaces }, (_, i) => ({
      displayName: teamName(i + 1),
      members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' as const }],
    }));
    this.chat = new ChatEmulator({
      clock: this.clock,
      seed: 1,
      directory: { users: options.users ?? [{ email: 'ana@example.com' }], spaces },
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Manifest;
    this.runtime = new AppsScriptRuntime({
      scripts: fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8'),
      manifest,
      mode: options.mode ?? 'bound',
      clock: this.clock,
      seed: 1,
      apis: [this.chat.apiHost, this.files],
      advancedServices: [this.chat.advancedService],
      costs: { cpuFactor: 0 },
      limits: options.limits,
    });
  }

  static async open(options: WorkbookOptions): Promise<MessagesWorkbook> {
    const wb = new MessagesWorkbook(options);
    const byName = new Map(wb.chat.snapshot().map((s) => [s.displayName, s.name]));
    wb.spaceNames = Array.from({ length: options.spaces }, (_, i) => byName.get(teamName(i + 1)) as string);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'messages-'));
    const spacesRows = [
      ['Space name', 'Type', 'Tags', 'Region', 'Row ID', 'Space ID', 'Status'],
      ...wb.spaceNames.map((name, i) => [
        teamName(i + 1),
        'Space',
        options.tags?.(i + 1) ?? '',
        `R${(i % 3) + 1}`,
        '',
        name,
        'Created',
      ]),
    ];
    fs.writeFileSync(path.join(dir, 'Spaces.csv'), toCsv(spacesRows));
    const messageRows = [MESSAGE_HEADERS, ...options.messages.map((m) => MESSAGE_HEADERS.map((h) => m[h] ?? ''))];
    fs.writeFileSync(path.join(dir, 'Messages.csv'), toCsv(messageRows));
    const ss = await loadWorkbook(dir, { name: 'Comms', timeZone: options.timeZone ?? 'Etc/UTC' });
    wb.runtime.addSpreadsheet(ss, { active: true });
    wb.spreadsheetId = ss.id;
    return wb;
  }

  /** Runs a menu entry point; throws on a script error. */
  run(entryPoint: string): ExecutionResult {
    const r = this.runtime.execute(entryPoint);
    if (r.error) throw new Error(`${entryPoint}: ${r.error.message}\n${r.error.stack ?? ''}`);
    return r;
  }

  /** A tab as records by header. */
  tab(name: string): Record<string, string>[] {
    const values = this.runtime.readSheet(name, this.spreadsheetId) ?? [];
    const [header, ...rows] = values;
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), cellString(r[i])])));
  }

  /** Selects data rows (0-based among the data rows) of a tab, as the user would before a menu item. */
  select(tab: string, first: number, count = 1): void {
    const ss = this.runtime.spreadsheets.get(this.spreadsheetId);
    const sheet = ss?.sheetByName(tab);
    if (!ss || !sheet) throw new Error(`no tab ${tab}`);
    ss.activeSheetId = sheet.sheetId;
    ss.activeRange = { row: first + 2, col: 1, numRows: count, numCols: 1 };
  }

  /** Types a value into a cell of a tab, as the user would: data row `dataRow` (0-based), column by header. */
  setCell(tab: string, dataRow: number, header: string, value: string): void {
    const sheet = this.runtime.spreadsheets.get(this.spreadsheetId)?.sheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    const headers = this.runtime.readSheet(tab, this.spreadsheetId)?.[0] ?? [];
    const col = headers.findIndex((h) => h === header);
    if (col < 0) throw new Error(`no column ${header} on ${tab}`);
    sheet.ensure(dataRow + 2, col + 1).v = value;
  }

  /** The messages of a space as an admin sees them. */
  messagesOf(space: string): Record<string, unknown>[] {
    return this.chat.snapshot().find((s) => s.name === space)?.messages ?? [];
  }

  /** Alerts shown so far (title and text). */
  alerts(): { title: string; prompt: string }[] {
    return this.runtime.ui.events
      .filter((e) => e.kind === 'alert')
      .map((e) => ({ title: String(e.title ?? ''), prompt: String(e.prompt ?? '') }));
  }
}

export function teamName(i: number): string {
  return `Team ${String(i).padStart(3, '0')}`;
}

function cellString(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return v === null || v === undefined ? '' : String(v);
}

/** API calls of executions, summed by method id. */
export function apiCalls(executions: readonly ExecutionResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of executions) for (const [k, v] of Object.entries(e.apiCalls)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Chat writes among counted calls. */
export function writes(calls: Record<string, number>): number {
  return [
    'chat.spaces.setup',
    'chat.spaces.messages.create',
    'chat.spaces.messages.patch',
    'chat.spaces.messages.delete',
    'chat.media.upload',
  ].reduce((n, m) => n + (calls[m] ?? 0), 0);
}
