/**
 * Shared set-up of the browser end-to-end tests: starts the playground in-process (session worker + HTTP server on
 * a free 127.0.0.1 port) on a temporary copy of a workbook, launches Debian's Chromium through playwright-core with
 * a fresh profile, and offers small page helpers (menu clicks, dialog answers, screenshots into artifacts/). Tests
 * skip with a message only when Chromium is missing outside CI; in CI a missing browser fails the suite.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Server } from 'node:http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CARD_CSS } from '../../emulator/cards/html';
import { PlaygroundHost } from '../../emulator/playground/host';
import { createPlaygroundServer, listen } from '../../emulator/playground/server';
import type { SessionOptions } from '../../emulator/playground/protocol';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'artifacts', 'browser');

/** Chromium flags for a quiet, offline, sandbox-free headless run. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** True when the browser tests can run; logs why not otherwise. Throws in CI when Chromium is missing. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run).`);
  console.warn(`Skipping browser tests: ${CHROMIUM} is not installed (apt-get install -y chromium).`);
  return false;
}

/** `describe`, or `describe.skip` when Chromium is absent outside CI. */
export function describeBrowser(name: string, body: () => void): void {
  (browserAvailable() ? describe : describe.skip)(name, body);
}

/** Builds dist/Code.js when it is missing (the npm test script builds first; `npx jest` alone may not). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'dist', 'Code.js'))) return;
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'rollup'), ['-c', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Copies a workbook folder to a temporary directory (same folder name, so the spreadsheet keeps its name) so that
 * Save and edits never touch the repository.
 */
export function tempWorkbook(source = path.join(ROOT, 'examples', 'workbook')): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'playground-wb-')), path.basename(source));
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(source)) fs.copyFileSync(path.join(source, f), path.join(dir, f));
  return dir;
}

/** A running playground and browser. */
export interface Playground {
  url: string;
  host: PlaygroundHost;
  server: Server;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page's script so far (tests assert there are none). */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts the session, the server and the browser, and opens the page. */
export async function startPlayground(options: Partial<SessionOptions> = {}): Promise<Playground> {
  ensureBuilt();
  const host = await PlaygroundHost.start({ rootDir: ROOT, mode: 'bound', ...options });
  const server = createPlaygroundServer({ host, rootDir: ROOT, cardCss: CARD_CSS });
  const url = await listen(server, 0);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return {
    url,
    host,
    server,
    context,
    page,
    pageErrors,
    async close() {
      await context.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await host.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Clicks Extensions ▸ (add-on menu) ▸ `caption`. */
export async function clickMenu(page: Page, caption: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.click('.menubar [data-testid="menu-addon"]');
  await page.click(`.menubar .menu-entry[data-fn]:has-text("${caption}")`);
}

/** Waits for the Ui dialog the execution blocks on, returns its text, and presses `button`. */
export async function answerDialog(page: Page, button = 'OK'): Promise<string> {
  const dialog = page.locator('#ui-dialog');
  await dialog.waitFor();
  const text = (await dialog.locator('.dialog-message').textContent()) ?? '';
  await dialog.locator(`button[data-button="${button}"]`).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

/** Waits until no execution is running. */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const busy = document.getElementById('busy');
    return !!busy && busy.hidden;
  });
}

/** Saves a full-page screenshot to artifacts/browser/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The display value of a cell on the grid shown now (1-based row and column). */
export async function cellText(page: Page, row: number, col: number): Promise<string> {
  return (await page.locator(`#grid td[data-r="${row}"][data-c="${col}"]`).textContent()) ?? '';
}

/** The 1-based column whose header cell (row 1) reads `header` on the grid shown now. */
export async function columnOf(page: Page, header: string): Promise<number> {
  const cells = page.locator('#grid tbody tr:first-child td');
  const texts = await cells.allTextContents();
  const index = texts.indexOf(header);
  if (index < 0) throw new Error(`No column headed "${header}" (headers: ${texts.join(', ')})`);
  return index + 1;
}
