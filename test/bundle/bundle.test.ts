/**
 * The bundle contract: dist/Code.js is one classic script that Apps Script can load — no import, export or require,
 * no Apps Script call at load time — and every function Apps Script will call by name (manifest triggers, menu
 * items, card actions) is a top-level function of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { AppsScriptRuntime } from '../../emulator/runtime';
import { ChatEmulator } from '../../emulator/chat';
import { VirtualClock } from '../../emulator/core/clock';
import { validateRenderResult } from '../../emulator/cards/validate';
import type { MenuItemRecord } from '../../emulator/runtime/services/ui';

const DIST = path.resolve(__dirname, '../../dist');
const code = () => fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
const manifest = () =>
  JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Record<string, unknown>;

/** Loads the bundle in an empty context (no Apps Script globals at all) and returns its top-level functions. */
function topLevelFunctions(): Set<string> {
  const context = vm.createContext({});
  new vm.Script(code(), { filename: 'Code.js' }).runInContext(context);
  return new Set(Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === 'function'));
}

function manifestFunctionNames(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => manifestFunctionNames(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (/Function$/.test(key) && typeof value === 'string') out.push(value);
      else manifestFunctionNames(value, out);
    }
  }
  return out;
}

function menuFunctions(items: readonly MenuItemRecord[]): string[] {
  return items.flatMap((i) => (i.functionName ? [i.functionName] : menuFunctions(i.items ?? [])));
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'Code.js'))) throw new Error('Run `npm run build` first (npm test does).');
});

test('loads as a classic script in an empty context: no module syntax, no service call at load time', () => {
  expect(code()).not.toMatch(/^\s*(import|export)\s/m);
  expect(code()).not.toMatch(/\brequire\(/);
  expect(() => topLevelFunctions()).not.toThrow();
});

test('every function the manifest names is a top-level function', () => {
  const names = manifestFunctionNames(manifest());
  expect(names).toEqual(expect.arrayContaining(['onHomepage', 'onSheetsHomepage', 'onFileScopeGranted']));
  const functions = topLevelFunctions();
  expect(names.filter((n) => !functions.has(n))).toEqual([]);
});

test('every menu item built by onOpen calls a top-level function', () => {
  const runtime = new AppsScriptRuntime({ scripts: code(), manifest: manifest(), mode: 'bound' });
  const ss = runtime.createSpreadsheet('Spaces plan');
  runtime.setActiveSpreadsheet(ss.id);
  runtime.open();
  const menus = runtime.ui.menus(ss.id);
  const items = menus.flatMap((m) => menuFunctions(m.items));
  expect(items).toEqual(
    expect.arrayContaining(['setUpSheets', 'previewSpaces', 'applySpaces', 'applySelectedSpaces', 'showLastRun']),
  );
  const functions = topLevelFunctions();
  expect(items.filter((n) => !functions.has(n))).toEqual([]);
});

test('every action of the homepage card names a top-level function', () => {
  const clock = new VirtualClock();
  const chat = new ChatEmulator({ clock });
  const runtime = new AppsScriptRuntime({
    scripts: code(),
    manifest: manifest(),
    mode: 'workspace-addon',
    clock,
    apis: [chat.apiHost],
    advancedServices: [chat.advancedService],
  });
  const ss = runtime.createSpreadsheet('Spaces plan');
  runtime.setActiveSpreadsheet(ss.id);
  for (const granted of [false, true]) {
    if (granted) runtime.grantFileScope(ss.id);
    const result = runtime.run('onSheetsHomepage', runtime.buildEvent({ kind: 'homepage' }));
    expect(result.error).toBeUndefined();
    const checked = validateRenderResult(result.returned);
    expect(checked.errors).toEqual([]);
    const functions = topLevelFunctions();
    expect(checked.actionFunctions.length).toBeGreaterThan(0);
    expect(checked.actionFunctions.filter((n) => !functions.has(n))).toEqual([]);
  }
});
