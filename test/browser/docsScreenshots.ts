/**
 * Regenerates the playground screenshots committed under docs/ (used by docs/PLAYGROUND.md and the README), with
 * the same in-process playground and Chromium set-up as the browser tests: `npx tsx test/browser/docsScreenshots.ts`
 * (after `npm run build`). It replays what `npm start` does on the example workbook, then drives the page through
 * the menu, a blocking alert, the side panel, the Chat pane, the request log, the runs view and the Fidelity page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { answerPositively } from '../../emulator/playground/host';
import { answerDialog, clickMenu, ROOT, startPlayground, tempWorkbook, waitIdle } from './harness';

const DOCS = path.join(ROOT, 'docs');

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(DOCS, name) });
  console.log(`docs/${name}`);
}

/** Scrolls the grid so that the column headed `header` is in view, near the right edge. */
async function scrollToColumn(page: Page, header: string): Promise<void> {
  await page.evaluate((h) => {
    const cells = Array.from(document.querySelectorAll<HTMLElement>('#grid tbody tr:first-child td'));
    const cell = cells.find((c) => c.textContent === h);
    const wrap = document.getElementById('grid-wrap');
    if (cell && wrap) wrap.scrollLeft = Math.max(0, cell.offsetLeft + cell.offsetWidth - wrap.clientWidth + 260);
  }, header);
}

async function main(): Promise<void> {
  fs.mkdirSync(DOCS, { recursive: true });
  const pg = await startPlayground({
    workbook: tempWorkbook(),
    directory: path.join(ROOT, 'examples', 'directory.json'),
    mode: 'bound',
  });
  const { page, host } = pg;
  try {
    // What npm start does: Set up sheets, then Apply to all rows (dialogs answered OK), from the Spaces tab.
    for (const fn of ['setUpSheets', 'applySpaces']) {
      await host.call(
        'run',
        { functionName: fn, label: `Start-up: ${fn}`, origin: 'start-up', sheet: 'Spaces', untilIdle: true },
        answerPositively,
      );
    }
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');

    // 1. Overview: grid with statuses, side panel with the spreadsheet's rows, Chat, clock and last run.
    await page.click('#rail-addon');
    await page.click('#sidebar-body button:has-text("Allow access")');
    await page.click('#consent-dialog button[data-button="ALLOW"]');
    await waitIdle(page);
    await page.waitForSelector('#sidebar-body [data-action="showSpace"]');
    await scrollToColumn(page, 'Status');
    const apply = await page.locator('#run-picker option', { hasText: 'Start-up: applySpaces' }).getAttribute('value');
    await page.selectOption('#run-picker', apply ?? '');
    await shot(page, 'playground-overview.png');
    await page.selectOption('#run-picker', { index: 0 });

    // 2. The Extensions menu built by onOpen.
    await page.click('#menu-extensions');
    await page.click('.menubar [data-testid="menu-addon"]');
    await shot(page, 'playground-menu.png');
    await page.keyboard.press('Escape');

    // 3. A blocking alert: Preview changes stops on its summary until the page answers.
    await clickMenu(page, 'Preview changes');
    await page.waitForSelector('#ui-dialog');
    await shot(page, 'playground-dialog.png');
    await answerDialog(page, 'OK');
    await waitIdle(page);

    // 4. A space in the side panel next to the same space in the Chat pane.
    await page.click('#sidebar-body [data-action="showSpace"]:has-text("Engineering")');
    await waitIdle(page);
    await page.fill(
      '#sidebar-body textarea[name="messageText"]',
      'Design review moved to *Thursday* — see the _agenda_.',
    );
    await page.click('#sidebar-body [data-action="postToSpace"]');
    await waitIdle(page);
    await page.click('#space-list .space-item:has(.space-name:text-is("Engineering"))');
    await page.click('.subtab[data-chat-tab="messages"]');
    await shot(page, 'playground-space.png');
    await page.click('.subtab[data-chat-tab="members"]');
    await shot(page, 'playground-members.png');

    // 5. The request log with one request opened.
    await page.click('.tab[data-view="requests"]');
    await page.selectOption('#req-service', 'chat');
    await page.waitForSelector('#req-method option[value="chat.spaces.setup"]', { state: 'attached' });
    await page.selectOption('#req-method', 'chat.spaces.setup');
    await page.waitForSelector('#req-table tbody tr[data-method="chat.spaces.setup"]');
    await page.click('#req-table tbody tr[data-method="chat.spaces.setup"] >> nth=0');
    await shot(page, 'playground-requests.png');

    // 6. Runs and logs, and the Fidelity page.
    await page.click('.tab[data-view="runs"]');
    await page.waitForSelector('.run-card');
    await shot(page, 'playground-runs.png');
    await page.click('.tab[data-view="fidelity"]');
    await page.waitForSelector('#fidelity-doc h1, #fidelity-doc p');
    await shot(page, 'playground-fidelity.png');
  } finally {
    await pg.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
