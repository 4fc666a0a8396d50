/**
 * The page's Sheets behaviour in Chromium, with a tiny stand-in script project (not the add-on): a custom top-level
 * menu from onOpen; a prompt whose typed text and a YES_NO alert whose button reach the script while it waits
 * (every dialog kind the add-on may use); a toast; and typing into the grid, which fires onEdit with the old and new
 * values, and the range dragged in the grid is the script's active range.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeBrowser, screenshot, startPlayground, waitIdle, type Playground } from './harness';

jest.setTimeout(30_000);

const SCRIPT = `
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Test').addItem('Ask name', 'askName').addItem('Show selection', 'showSelection').addToUi();
}
function onEdit(e) {
  if (e.range.getA1Notation() === 'C1') {
    SpreadsheetApp.getActiveSheet().getRange('D1').setValue('old:' + (e.oldValue || '') + ' new:' + e.value);
  }
}
function showSelection() {
  SpreadsheetApp.getUi().alert(SpreadsheetApp.getActiveRange().getA1Notation());
}
function askName() {
  var ui = SpreadsheetApp.getUi();
  var sheet = SpreadsheetApp.getActiveSheet();
  var r = ui.prompt('Your name', 'Who is <b>asking</b>?', ui.ButtonSet.OK_CANCEL);
  sheet.getRange('A1').setValue(r.getSelectedButton() == ui.Button.OK ? r.getResponseText() : 'cancelled');
  var again = ui.alert('Again?', 'Ask once more?', ui.ButtonSet.YES_NO);
  sheet.getRange('A2').setValue(again == ui.Button.YES ? 'yes' : 'no');
  SpreadsheetApp.getActive().toast('All done', 'Test');
}
`;

const MANIFEST = {
  timeZone: 'Etc/UTC',
  runtimeVersion: 'V8',
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
  ],
};

describeBrowser('a stand-in script in the page: dialogs and edits (Chromium)', () => {
  let pg: Playground;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-script-'));
    fs.writeFileSync(path.join(dir, 'Code.js'), SCRIPT);
    fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(MANIFEST));
    pg = await startPlayground({ bundlePath: path.join(dir, 'Code.js'), mode: 'bound' });
  });

  afterAll(async () => {
    await pg?.close();
  });

  test('a prompt and a YES_NO alert block the script until the page answers them', async () => {
    const { page } = pg;
    await page.click('#menu-custom-0');
    await page.click('.menubar .menu-entry[data-fn="askName"]');

    const prompt = page.locator('#ui-dialog[data-kind="prompt"]');
    await prompt.waitFor();
    // Dialog text is shown as text, never as markup.
    expect(await prompt.locator('.dialog-message').textContent()).toBe('Who is <b>asking</b>?');
    expect(await prompt.locator('.dialog-message b').count()).toBe(0);
    expect(await prompt.locator('button').allTextContents()).toEqual(['Cancel', 'OK']);
    await prompt.locator('#dialog-input').fill('Ada Lovelace');
    await screenshot(page, '30-prompt');
    await prompt.locator('button[data-button="OK"]').click();

    const alert = page.locator('#ui-dialog[data-kind="alert"]');
    await alert.waitFor();
    // The first answer already reached the script: A1 is written behind the second dialog.
    await page.waitForSelector('#grid td[data-r="1"][data-c="1"]:text-is("Ada Lovelace")');
    await alert.locator('button[data-button="NO"]').click();
    await waitIdle(page);

    await page.waitForSelector('#grid td[data-r="2"][data-c="1"]:text-is("no")');
    await page.waitForSelector('.toast:has-text("All done")');
    const events = await page.locator('#ui-events').textContent();
    expect(events).toContain('“Ada Lovelace”');
    expect(events).toContain('→ NO');
  });

  test('typing into the grid fires onEdit with the old and the new value', async () => {
    const { page } = pg;
    await page.click('#grid td[data-r="1"][data-c="3"]');
    await page.keyboard.type('first');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#grid td[data-r="1"][data-c="4"]:text-is("old: new:first")');
    await page.dblclick('#grid td[data-r="1"][data-c="3"]');
    await page.fill('#cell-editor', 'second');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#grid td[data-r="1"][data-c="4"]:text-is("old:first new:second")');
    // Enter moved the cursor down, as in Sheets.
    expect(await page.inputValue('#name-box')).toBe('C2');
  });

  test('a range dragged in the grid is the active range the script sees', async () => {
    const { page } = pg;
    await page.hover('#grid td[data-r="2"][data-c="2"]');
    await page.mouse.down();
    await page.hover('#grid td[data-r="4"][data-c="3"]');
    await page.mouse.up();
    await page.waitForFunction(() => (document.getElementById('name-box') as HTMLInputElement).value === 'B2:C4');
    await page.click('#menu-custom-0');
    await page.click('.menubar .menu-entry[data-fn="showSelection"]');
    const dialog = page.locator('#ui-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.dialog-message').textContent()).toBe('B2:C4');
    await dialog.locator('button[data-button="OK"]').click();
    await waitIdle(page);
    expect(pg.pageErrors).toEqual([]);
  });
});
