/**
 * Fails when the add-on uses a card widget the playground's renderer (emulator/cards/html.ts) cannot draw. After
 * the example workbook is applied, it walks the side panel the way a user can: the homepage before and after the
 * drive.file grant, the universal actions, and every navigation action (`show…`, `goBack`) found on any card
 * reached, breadth-first, each with the parameters the card gives it. Every card reached must render without the
 * renderer's unsupported-widget marker, in the server's view model and in Chromium's DOM.
 */
import * as path from 'node:path';
import { answerPositively } from '../../emulator/playground/host';
import type { PlaygroundState } from '../../emulator/playground/types';
import { describeBrowser, ROOT, screenshot, startPlayground, tempWorkbook, type Playground } from './harness';

jest.setTimeout(60_000);

/** Navigation actions only: they show cards and change nothing in Chat or the sheet. */
const NAVIGATION = /^(show[A-Z]\w*|goBack)$/;
const MAX_CARDS = 60;

interface Visit {
  fn: string;
  parameters: Record<string, string>;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Navigation actions a card's HTML offers (from the renderer's data attributes). */
function navigationActions(html: string): Visit[] {
  const out: Visit[] = [];
  for (const m of html.matchAll(/data-action="([^"]+)"(?: data-parameters="([^"]*)")?/g)) {
    if (!NAVIGATION.test(m[1])) continue;
    out.push({ fn: m[1], parameters: m[2] ? (JSON.parse(decode(m[2])) as Record<string, string>) : {} });
  }
  return out;
}

describeBrowser('card widgets the add-on uses are all renderable', () => {
  let pg: Playground;

  beforeAll(async () => {
    pg = await startPlayground({
      workbook: tempWorkbook(),
      directory: path.join(ROOT, 'examples', 'directory.json'),
      mode: 'bound',
    });
    for (const fn of ['setUpSheets', 'applySpaces']) {
      await pg.host.call(
        'run',
        { functionName: fn, origin: 'menu', sheet: 'Spaces', untilIdle: true },
        answerPositively,
      );
    }
  });

  afterAll(async () => {
    await pg?.close();
  });

  async function post(route: string, body: unknown): Promise<PlaygroundState> {
    const res = await fetch(`${pg.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { state: PlaygroundState; error?: string };
    expect(json.state).toBeDefined();
    return json.state;
  }

  test('every card reachable by navigation renders without unsupported widgets', async () => {
    const seen = new Map<string, string[]>();
    const check = (state: PlaygroundState, label: string): string => {
      expect(state.sidebar.error).toBeUndefined();
      const top = state.sidebar.stack[state.sidebar.stack.length - 1];
      expect(top).toBeDefined();
      seen.set(label, top.unsupported);
      return top.html;
    };

    // Homepage before the grant, the grant itself, then the homepage with the spreadsheet's rows.
    const queue: Visit[] = [];
    queue.push(...navigationActions(check(await post('/api/sidebar/open', {}), 'homepage (no file access)')));
    queue.push(...navigationActions(check(await post('/api/sidebar/grant', { allow: true }), 'file scope granted')));
    for (const action of (await post('/api/sidebar/open', {})).sidebar.universalActions) {
      queue.push(
        ...navigationActions(
          check(await post('/api/sidebar/universal', { label: action.label }), `universal: ${action.label}`),
        ),
      );
    }
    const visited = new Set<string>();
    while (queue.length > 0 && visited.size < MAX_CARDS) {
      const next = queue.shift() as Visit;
      const key = `${next.fn} ${JSON.stringify(next.parameters)}`;
      if (visited.has(key)) continue;
      visited.add(key);
      const state = await post('/api/card-action', { function: next.fn, parameters: next.parameters, formInputs: {} });
      if (state.sidebar.stack.length === 0) continue;
      queue.push(...navigationActions(check(state, key)));
    }

    const unsupported = [...seen].filter(([, kinds]) => kinds.length > 0);
    expect(unsupported).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(5);

    // The browser draws the same HTML: no marker in the DOM of the card shown last.
    await pg.page.reload();
    await pg.page.waitForSelector('body[data-ready="true"]');
    await pg.page.waitForSelector('#sidebar-body .gcard');
    expect(await pg.page.locator('[data-unsupported-widget]').count()).toBe(0);
    await screenshot(pg.page, '20-last-card-crawled');
  });
});
