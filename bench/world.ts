/**
 * A bench "world": one Apps Script project (the add-on's built bundle, or the naive baseline script) loaded into the
 * offline Apps Script runtime, wired to a fresh Chat API emulator on a shared virtual clock, with a workbook built
 * from tab grids and an organisation directory. Scenarios describe their workbook and directory; this module turns
 * them into a runtime, so the add-on and the baseline start from exactly the same state. Virtual time only moves
 * by what executions pay for (the runtime cost model and the emulator's latency model), with CPU charged at
 * `cpuFactor` 0 so figures do not depend on how busy this machine is; the add-on's own CPU is measured separately.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatEmulator, type DirectoryInput } from '../emulator/chat';
import { VirtualClock } from '../emulator/core/clock';
import { AppsScriptRuntime, type ExecutionMode, type Manifest, type ScriptFile } from '../emulator/runtime';
import type { Behaviour } from '../emulator/runtime/options';
import { toCsv } from '../emulator/workbook';
import { loadCsvFolder } from '../emulator/workbook/folder';
import { spreadsheetIdFor } from '../emulator/workbook/ids';

export const ROOT = path.resolve(__dirname, '..');
export const BUNDLE = path.join(ROOT, 'dist', 'Code.js');
export const BUNDLE_MANIFEST = path.join(ROOT, 'dist', 'appsscript.json');

/** Cell text by tab name: the first row is the header row. */
export type Tabs = Record<string, string[][]>;

/** A script project: its files (push order) and manifest. */
export interface Project {
  scripts: ScriptFile[];
  manifest: Manifest;
}

export interface WorldOptions {
  project: Project;
  /** The tabs, or a function of the seeded Chat emulator (e.g. to fill in Space IDs of existing spaces). */
  tabs: Tabs | ((chat: ChatEmulator) => Tabs);
  directory: DirectoryInput;
  mode?: ExecutionMode;
  seed?: number;
  /** Chat fault spec (emulator/chat faults grammar). */
  faults?: string;
  behaviour?: Partial<Behaviour>;
  /** Script CPU multiplier on the virtual clock (default 0: reproducible virtual time). */
  cpuFactor?: number;
}

export interface World {
  clock: VirtualClock;
  chat: ChatEmulator;
  runtime: AppsScriptRuntime;
  spreadsheetId: string;
}

/** The built add-on (dist/Code.js and its manifest). */
export function addOnProject(): Project {
  if (!fs.existsSync(BUNDLE)) throw new Error('dist/Code.js is missing: run `npm run build` first.');
  return {
    scripts: [{ name: 'Code.js', code: fs.readFileSync(BUNDLE, 'utf8') }],
    manifest: JSON.parse(fs.readFileSync(BUNDLE_MANIFEST, 'utf8')) as Manifest,
  };
}

/** The function names a script declares at top level (what Apps Script can call by name). */
export function declaredFunctions(project: Project): Set<string> {
  const names = new Set<string>();
  for (const s of project.scripts)
    for (const m of s.code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(m[1]);
  return names;
}

/** Builds the runtime, the Chat emulator and the spreadsheet of a world. */
export function buildWorld(options: WorldOptions): World {
  const clock = new VirtualClock();
  const seed = options.seed ?? 1;
  const chat = new ChatEmulator({ clock, seed, directory: options.directory, faults: options.faults });
  const runtime = new AppsScriptRuntime({
    scripts: options.project.scripts,
    manifest: options.project.manifest,
    mode: options.mode ?? 'bound',
    clock,
    seed,
    apis: [chat.apiHost],
    advancedServices: [chat.advancedService],
    costs: { cpuFactor: options.cpuFactor ?? 0 },
    behaviour: options.behaviour,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wb-'));
  try {
    const tabs = typeof options.tabs === 'function' ? options.tabs(chat) : options.tabs;
    for (const [tab, grid] of Object.entries(tabs)) fs.writeFileSync(path.join(dir, `${tab}.csv`), toCsv(grid));
    const ss = loadCsvFolder(dir, { id: spreadsheetIdFor(`bench-${seed}`), name: 'Team spaces', timeZone: 'Etc/UTC' });
    runtime.addSpreadsheet(ss, { active: true });
    if ((options.mode ?? 'bound') === 'workspace-addon') runtime.grantFileScope(ss.id);
    return { clock, chat, runtime, spreadsheetId: ss.id };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A tab of the world's spreadsheet as objects keyed by header (display text); blank rows dropped unless kept. */
export function readRows(world: World, tab: string, keepBlank = false): Record<string, string>[] {
  const grid = world.runtime.readSheet(tab, world.spreadsheetId) ?? [];
  const [header = [], ...rows] = grid as unknown[][];
  return rows
    .filter((r) => keepBlank || r.some((v) => v !== '' && v !== null && v !== undefined))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] === undefined ? '' : String(r[i])])));
}

/** Rows by Status. */
export function countStatuses(rows: readonly Record<string, string>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.Status ?? ''] = (out[r.Status ?? ''] ?? 0) + 1;
  return out;
}
