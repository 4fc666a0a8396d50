/**
 * The clock controls in Chromium: a Spaces tab too large for one execution (generated here: 450 rows) is applied
 * from the menu; the first execution checkpoints, says "Still working" in a toast and installs a one-shot
 * continuation trigger, which the page lists. Advancing the virtual clock fires it, the job finishes, and the grid,
 * the trigger list and the last-run report show the result.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  answerDialog,
  cellText,
  clickMenu,
  columnOf,
  describeBrowser,
  screenshot,
  startPlayground,
  waitIdle,
  type Playground,
} from './harness';

jest.setTimeout(60_000);

const ROWS = 450;
const HEADER =
  'Space name,Type,Description,Guidelines,Members,Groups,Managers,Owners,History,Discoverable,External users,' +
  'Announcement,Welcome message,Member sync,Tags,Row ID,Space ID,Space link,Status,Details,Last run';

/** A CSV workbook with `rows` valid Spaces rows and nothing else. */
function bigWorkbook(rows: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-big-'));
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(3, '0');
    lines.push(
      `Project ${n},Space,Project ${n},,"p${i}a@example.com, p${i}b@example.com",,,,On,No,No,No,,Add only,proj,,,,,,`,
    );
  }
  fs.writeFileSync(path.join(dir, 'Spaces.csv'), lines.join('\n') + '\n');
  return dir;
}

/** Statuses of every data row of the Spaces tab, read from the grid. */
async function statuses(page: Page): Promise<string[]> {
  const col = await columnOf(page, 'Status');
  return page.locator(`#grid td[data-c="${col}"]`).allTextContents();
}

describeBrowser('continuations on the virtual clock (Chromium)', () => {
  let pg: Playground;
  let page: Page;

  beforeAll(async () => {
    pg = await startPlayground({ workbook: bigWorkbook(ROWS), mode: 'bound' });
    page = pg.page;
  });

  afterAll(async () => {
    await pg?.close();
  });

  afterEach(() => {
    // The page's own script must never throw.
    expect(pg.pageErrors).toEqual([]);
  });

  test('a run past the execution budget continues when the clock is advanced', async () => {
    await clickMenu(page, 'Set up sheets');
    await answerDialog(page, 'OK');
    await waitIdle(page);
    await page.click('#sheet-tabs [data-sheet="Spaces"]');
    await page.waitForSelector('#grid[data-sheet="Spaces"]');

    await clickMenu(page, 'Apply to all rows');
    await waitIdle(page);
    // The first execution stops at its budget: a toast, a pending trigger, and rows still waiting.
    await page.waitForSelector('.toast:has-text("Still working")');
    await page.waitForSelector('#trigger-table [data-trigger] button:has-text("Fire now")');
    const before = await statuses(page);
    expect(before.filter((s) => s === 'Created').length).toBeLessThan(ROWS);
    await screenshot(page, '10-continuation-pending');

    await page.fill('#clock-minutes', '10');
    await page.click('#clock-advance');
    await waitIdle(page);
    await page.waitForSelector('#trigger-table button:has-text("Fire now")', { state: 'detached' });
    expect(await page.locator('#last-run').textContent()).toContain('time trigger');
    const after = await statuses(page);
    expect(after.filter((s) => s === 'Created').length).toBe(ROWS);
    expect(await cellText(page, ROWS + 1, await columnOf(page, 'Space name'))).toBe(`Project ${ROWS}`);
    await screenshot(page, '11-continuation-done');
  });
});
