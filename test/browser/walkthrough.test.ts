/**
 * End-to-end walkthrough of the playground in Chromium, on a copy of the example workbook: Extensions ▸ Chat Spaces
 * ▸ Set up sheets → Preview changes → Apply to all rows (each answering the blocking alert in the page), then the
 * side panel: grant drive.file, open a space, add a member, post a message, then turn on the scheduled-messages
 * schedule and advance the virtual clock until the Messages tab's scheduled row is
 * sent. Every step asserts what the page shows (grid, Chat pane, cards) and saves a screenshot to artifacts/browser/.
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  answerDialog,
  cellText,
  clickMenu,
  columnOf,
  describeBrowser,
  ROOT,
  screenshot,
  startPlayground,
  tempWorkbook,
  waitIdle,
  type Playground,
} from './harness';

const DIRECTORY = path.join(ROOT, 'examples', 'directory.json');

jest.setTimeout(30_000);

/** Opens the Chat pane's view of a space by display name, on the given sub-tab. */
async function openChatSpace(page: Page, name: string, tab: 'messages' | 'members'): Promise<void> {
  if (await page.locator('#chat-back').count()) await page.click('#chat-back');
  await page.click(`#space-list .space-item:has(.space-name:text-is("${name}"))`);
  await page.click(`.subtab[data-chat-tab="${tab}"]`);
}

/** Every card shown in the side panel so far must render without the renderer's unsupported-widget marker. */
async function expectRenderableCard(page: Page): Promise<void> {
  await page.waitForSelector('#sidebar-body .gcard');
  expect(await page.locator('#sidebar-body [data-unsupported-widget]').count()).toBe(0);
}

describeBrowser('playground walkthrough (Chromium)', () => {
  let pg: Playground;
  let page: Page;

  beforeAll(async () => {
    pg = await startPlayground({ workbook: tempWorkbook(), directory: DIRECTORY, mode: 'bound' });
    page = pg.page;
  }, 60_000);

  afterAll(async () => {
    await pg?.close();
  });

  afterEach(() => {
    // The page's own script must never throw.
    expect(pg.pageErrors).toEqual([]);
  });

  test('the page boots with the workbook and the menu onOpen registered', async () => {
    await page.waitForSelector('#sheet-tabs [data-sheet="Spaces"]');
    await page.click('#menu-extensions');
    await page.click('.menubar [data-testid="menu-addon"]');
    const items = await page.locator('.menubar .menu-entry[data-fn]').allTextContents();
    expect(items).toEqual(expect.arrayContaining(['Set up sheets', 'Preview changes', 'Apply to all rows']));
    await screenshot(page, '01-menu');
    await page.keyboard.press('Escape');
  });

  test('Set up sheets: the alert blocks until answered, and the Log tab appears', async () => {
    await clickMenu(page, 'Set up sheets');
    const message = await answerDialog(page, 'OK');
    expect(message.length).toBeGreaterThan(0);
    await waitIdle(page);
    await page.waitForSelector('#sheet-tabs [data-sheet="Log"]');
    expect(await page.locator('#ui-events').textContent()).toContain('Set up sheets');
  });

  test('Preview changes plans the rows without creating spaces', async () => {
    await page.click('#sheet-tabs [data-sheet="Spaces"]');
    await page.waitForSelector('#grid[data-sheet="Spaces"]');
    await clickMenu(page, 'Preview changes');
    const message = await answerDialog(page, 'OK');
    expect(message.length).toBeGreaterThan(0);
    await waitIdle(page);
    await screenshot(page, '02-preview');
    const status = await columnOf(page, 'Status');
    expect(await cellText(page, 2, status)).toBe('Planned');
    expect(await page.locator('#space-list .space-item').allTextContents()).not.toEqual(
      expect.arrayContaining([expect.stringContaining('Engineering')]),
    );
  });

  test('Apply to all rows creates the spaces: statuses in the grid, spaces in the Chat pane', async () => {
    await clickMenu(page, 'Apply to all rows');
    const message = await answerDialog(page, 'OK');
    expect(message).toMatch(/created/i);
    await waitIdle(page);
    const status = await columnOf(page, 'Status');
    expect(await cellText(page, 2, status)).toBe('Created');
    await page.waitForSelector('#space-list .space-name:text-is("Engineering")');
    expect(
      Number(await page.locator('#last-run-kv .kv-item:has-text("Chat API calls") .kv-value').textContent()),
    ).toBeGreaterThan(0);
    await screenshot(page, '03-applied');
  });

  test('the side panel opens a space after the drive.file grant', async () => {
    await page.click('#rail-addon');
    await expectRenderableCard(page);
    await page.click('#sidebar-body button:has-text("Allow access")');
    await page.click('#consent-dialog button[data-button="ALLOW"]');
    await waitIdle(page);
    await page.waitForSelector('#sidebar-body [data-action="showSpace"]');
    await expectRenderableCard(page);
    await page.click('#sidebar-body [data-action="showSpace"]:has-text("Engineering")');
    await waitIdle(page);
    await page.waitForSelector('#sidebar-body .gcard-title:text-is("Engineering")');
    await expectRenderableCard(page);
    expect(await page.locator('#sidebar-back').isVisible()).toBe(true);
    await screenshot(page, '04-space-card');
  });

  test('adding a member from the card shows the membership in Chat', async () => {
    await page.fill('#sidebar-body textarea[name="people"]', 'newbie@example.com');
    await page.click('#sidebar-body [data-action="addSpaceMembers"]');
    await waitIdle(page);
    await expectRenderableCard(page);
    await openChatSpace(page, 'Engineering', 'members');
    await page.waitForSelector('#member-list [data-member="newbie@example.com"]');
    await screenshot(page, '05-member-added');
  });

  test('posting a message from the card shows it in the Chat pane', async () => {
    const text = 'Hello from the playground walkthrough';
    await page.fill('#sidebar-body textarea[name="messageText"]', text);
    await page.click('#sidebar-body [data-action="postToSpace"]');
    await waitIdle(page);
    await expectRenderableCard(page);
    await openChatSpace(page, 'Engineering', 'messages');
    await page.waitForSelector(`#message-list .message-text:has-text("${text}")`);
    await screenshot(page, '06-message-posted');
  });

  test('the request log lists and filters the calls; the Fidelity page renders the coverage', async () => {
    await page.click('.tab[data-view="requests"]');
    await page.waitForSelector('#req-table tbody tr');
    await page.waitForSelector('#req-method option[value="chat.spaces.setup"]', { state: 'attached' });
    await page.selectOption('#req-method', 'chat.spaces.setup');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#req-table tbody tr')).every(
        (tr) => (tr as HTMLElement).dataset.method === 'chat.spaces.setup',
      ),
    );
    expect(await page.locator('#req-table tbody tr').count()).toBeGreaterThan(5);
    await page.click('#req-table tbody tr >> nth=0');
    await page.waitForSelector('#req-detail pre');
    expect(await page.locator('#req-detail').textContent()).toContain('requestId');
    await page.selectOption('#req-method', '');
    await page.fill('#req-text', 'zzz-nothing-matches');
    await page.waitForSelector('#req-table tbody tr', { state: 'detached' });
    await page.fill('#req-text', '');
    await screenshot(page, '08-requests');

    await page.click('.tab[data-view="fidelity"]');
    await page.waitForSelector('#fidelity-nav button[data-doc="coverage"]');
    await page.waitForSelector('#fidelity-doc h1, #fidelity-doc p');
    expect(await page.locator('#fidelity-doc script').count()).toBe(0);
    await page.click('.tab[data-view="workspace"]');
  });

  test('turning on the message schedule and advancing the clock sends the scheduled row', async () => {
    // Settings are a universal action (and a button on the home card).
    await page.click('#universal-actions > summary');
    await page.click('#universal-list .menu-entry:has-text("Settings")');
    await waitIdle(page);
    await expectRenderableCard(page);
    await page.click('#sidebar-body [data-action="turnScheduleOn"][data-parameters*="messages"]');
    await waitIdle(page);
    await expectRenderableCard(page);
    await page.waitForSelector('#trigger-table [data-trigger]');
    expect(await page.locator('#trigger-table').textContent()).toContain('runScheduledMessages');
    // The Messages tab schedules "Crit moved to Thursday." to Design at 15:00; the clock starts at 09:00.
    await page.fill('#clock-minutes', String(7 * 60));
    await page.click('#clock-advance');
    await waitIdle(page);
    await openChatSpace(page, 'Design', 'messages');
    await page.waitForSelector('#message-list .message-text:has-text("Crit moved to Thursday.")');
    await screenshot(page, '07-scheduled-sent');
  });
});
