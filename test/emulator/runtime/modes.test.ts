/**
 * The three modes and their documented differences: simple triggers and AuthMode (bound: LIMITED; editor add-on:
 * NONE before use; Workspace add-on: none at all), menus and dialogs through getUi(), Workspace add-on event objects
 * (open-questions Q6), and permissions by scope and AuthMode.
 */
import { makeRuntime, manifest, SCOPES } from './helpers';

const code = `
  function onOpen(e) {
    var ui = SpreadsheetApp.getUi();
    var menu = e.authMode === ScriptApp.AuthMode.NONE ? ui.createAddonMenu() : ui.createMenu('Chat spaces');
    menu.addItem('Preview', 'preview').addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('Export', 'exportAll')).addToUi();
    PropertiesService.getScriptProperties().setProperty('opened', String(e.authMode));
  }
  function preview() { return SpreadsheetApp.getActiveSheet().getName(); }
  function exportAll() { return 'exported'; }
  function ask() {
    var ui = SpreadsheetApp.getUi();
    var a = ui.alert('Title', 'Proceed?', ui.ButtonSet.YES_NO);
    var p = ui.prompt('Name?', ui.ButtonSet.OK_CANCEL);
    SpreadsheetApp.getActiveSpreadsheet().toast('Done', 'Chat', 3);
    ui.showSidebar(HtmlService.createHtmlOutput('<b>hi</b>').setTitle('Side'));
    return [String(a), a === ui.Button.YES, p.getResponseText(), String(p.getSelectedButton())];
  }
  function onEdit(e) { PropertiesService.getScriptProperties().setProperty('edit', e.range.getA1Notation() + '=' + e.value + '<' + e.oldValue); }
  function card(e) { return e; }
  function activeDoc() { return SpreadsheetApp.getActiveSpreadsheet() === null; }
  function fetchIt() { UrlFetchApp.fetch('https://api.example.com/x'); }`;

describe('bound script', () => {
  test('DOC: open() runs the simple onOpen(e) with AuthMode LIMITED; menus are recorded; items can be clicked', () => {
    const rt = makeRuntime(code);
    const [r] = rt.open();
    expect(r).toMatchObject({ entryPoint: 'onOpen', kind: 'simple-trigger', authMode: 'LIMITED' });
    expect(r.error).toBeUndefined();
    expect(rt.ui.menus()).toEqual([
      expect.objectContaining({
        caption: 'Chat spaces',
        addon: false,
        items: [
          { kind: 'item', caption: 'Preview', functionName: 'preview' },
          { kind: 'separator' },
          { kind: 'submenu', caption: 'More', items: [{ kind: 'item', caption: 'Export', functionName: 'exportAll' }] },
        ],
      }),
    ]);
    expect(rt.clickMenu('Chat spaces', 'More', 'Export').returned).toBe('exported');
    expect(rt.clickMenu('Chat spaces', 'Preview')).toMatchObject({
      kind: 'menu',
      returned: 'Sheet1',
      authMode: 'FULL',
    });
  });

  test('DOC: simple triggers cannot use services that need authorization (OBSERVED text)', () => {
    const rt = makeRuntime(
      code.replace(
        "setProperty('opened', String(e.authMode));",
        "setProperty('opened', 'x'); UrlFetchApp.fetch('https://api.example.com/x');",
      ),
    );
    const [r] = rt.open();
    expect(r.error?.message).toBe(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
  });

  test('alerts and prompts: the first button by default, scripted answers from the test; toasts and sidebars recorded', () => {
    const rt = makeRuntime(code);
    expect(rt.run('ask').returned).toEqual(['YES', true, '', 'OK']);
    rt.ui.queueAnswer({ button: 'NO' }, { button: 'CANCEL', text: 'Ada' });
    expect(rt.run('ask').returned).toEqual(['NO', false, 'Ada', 'CANCEL']);
    expect(rt.ui.toasts.at(-1)).toMatchObject({ message: 'Done', title: 'Chat', timeoutSeconds: 3 });
    expect(rt.ui.events.filter((e) => e.kind === 'sidebar').at(-1)).toMatchObject({
      title: 'Side',
      content: '<b>hi</b>',
    });
    expect(rt.ui.dialogs.at(-1)).toMatchObject({ kind: 'prompt', prompt: 'Name?', response: 'CANCEL', text: 'Ada' });
  });

  test('DOC: a user edit fires onEdit(e) with range, value and oldValue; script writes do not', () => {
    const rt = makeRuntime(code);
    rt.edit('B2', 'first');
    rt.edit('B2', '42');
    expect(rt.properties.snapshot().script.edit).toBe('B2=42<first');
  });
});

describe('editor add-on', () => {
  test('DOC: onOpen runs in AuthMode.NONE by default (installed, not yet used here): menus only', () => {
    const rt = makeRuntime(code, { mode: 'editor-addon' });
    const [r] = rt.open();
    expect(r.authMode).toBe('NONE');
    expect(r.error?.message).toBe('You do not have permission to call PropertiesService.getScriptProperties.');
    expect(rt.ui.menus()[0]).toMatchObject({ caption: 'Test add-on', addon: true });
  });

  test('option editorAddonOpenAuthMode LIMITED (used in this document)', () => {
    const rt = makeRuntime(code, { mode: 'editor-addon', behaviour: { editorAddonOpenAuthMode: 'LIMITED' } });
    expect(rt.open()[0].error).toBeUndefined();
    expect(rt.properties.snapshot().script.opened).toBe('LIMITED');
  });
});

describe('Workspace add-on', () => {
  test('DOC: no simple triggers (open() does not call onOpen); no active spreadsheet; no spreadsheet UI', () => {
    const rt = makeRuntime(code, { mode: 'workspace-addon' });
    expect(rt.open()).toEqual([]);
    expect(rt.run('activeDoc').returned).toBe(true);
    expect(rt.run('ask').error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('DOC (Q6): homepage event before the drive.file grant has no sheets.id/title', () => {
    const rt = makeRuntime(code, { mode: 'workspace-addon' });
    const r = rt.run('card', rt.buildEvent({ kind: 'homepage' }));
    expect(r.kind).toBe('card-callback');
    expect(r.returned).toEqual({
      commonEventObject: { hostApp: 'SHEETS', platform: 'WEB' },
      sheets: { addonHasFileScopePermission: false },
      hostApp: 'sheets',
      clientPlatform: 'web',
    });
  });

  test('DOC (Q6): action events carry formInputs and parameters; after the grant sheets.id and title appear', () => {
    const rt = makeRuntime(code, { mode: 'workspace-addon' });
    const ss = rt.activeSpreadsheet!;
    rt.grantFileScope(ss.id);
    const e = rt.buildEvent({
      kind: 'action',
      parameters: { row: '5' },
      formInputs: { name: 'Team', tags: ['a', 'b'] },
    });
    const r = rt.run('card', e);
    expect(r.returned).toMatchObject({
      commonEventObject: {
        hostApp: 'SHEETS',
        platform: 'WEB',
        parameters: { row: '5' },
        formInputs: { name: { stringInputs: { value: ['Team'] } }, tags: { stringInputs: { value: ['a', 'b'] } } },
      },
      sheets: { addonHasFileScopePermission: true, id: ss.id, title: 'Book' },
      parameters: { row: '5' },
      formInput: { name: 'Team', tags: 'a' },
      formInputs: { name: ['Team'], tags: ['a', 'b'] },
    });
  });

  test('DOC (Q6): userLocale and timeZone only with useLocaleFromApp and the script.locale scope', () => {
    const m = manifest({
      oauthScopes: [...(manifest().oauthScopes ?? []), SCOPES.locale],
      addOns: { common: { name: 'X', useLocaleFromApp: true } },
    });
    const rt = makeRuntime(code, { mode: 'workspace-addon', manifest: m });
    expect(rt.buildEvent({ kind: 'homepage' }).commonEventObject).toEqual({
      hostApp: 'SHEETS',
      platform: 'WEB',
      userLocale: 'en',
      timeZone: { id: 'Etc/UTC', offset: 0 },
    });
  });

  test('DOC: urlFetchWhitelist is enforced in add-on modes (EMULATOR text), not for a bound script', () => {
    const addon = makeRuntime(code.replace('https://api.example.com/x', 'https://evil.example.org/x'), {
      mode: 'workspace-addon',
    });
    expect(addon.run('fetchIt').error?.message).toBe(
      "Request failed because the URL is not in the urlFetchWhitelist of the add-on's manifest: https://evil.example.org/x",
    );
    const bound = makeRuntime(code.replace('https://api.example.com/x', 'https://evil.example.org/x'));
    expect(bound.run('fetchIt').error?.message).toBe('DNS error: https://evil.example.org/x');
  });
});

describe('permissions by manifest scope (OBSERVED texts)', () => {
  const calls = `
    function fetchIt() { UrlFetchApp.fetch('https://api.example.com/x'); }
    function trig() { ScriptApp.getProjectTriggers(); }
    function drive() { DriveApp.createFolder('Exports'); }
    function who() { return Session.getActiveUser().getEmail(); }`;

  test.each([
    ['fetchIt', 'UrlFetchApp.fetch', SCOPES.external],
    ['trig', 'ScriptApp.getProjectTriggers', SCOPES.scriptapp],
    ['drive', 'DriveApp.createFolder', SCOPES.drive],
    ['who', 'Session.getActiveUser', SCOPES.email],
  ])('%s without its scope: "Specified permissions are not sufficient to call %s"', (fn, fq, scope) => {
    const rt = makeRuntime(calls, { manifest: manifest({ oauthScopes: [SCOPES.currentOnly, SCOPES.driveFile] }) });
    expect(rt.run(fn).error?.message).toBe(
      `Specified permissions are not sufficient to call ${fq}. Required permissions: ${scope}`,
    );
  });

  test('DriveApp under drive.file alone fails; with drive it works', () => {
    const rt = makeRuntime(calls, { manifest: manifest({ oauthScopes: [SCOPES.drive] }) });
    expect(rt.run('drive').error).toBeUndefined();
  });

  test('a manifest without oauthScopes lets Apps Script detect them: everything is granted', () => {
    const rt = makeRuntime(calls, { manifest: { timeZone: 'Etc/UTC' } });
    expect(rt.run('who').returned).toBe('admin@example.com');
    expect(rt.run('drive').error).toBeUndefined();
  });
});
