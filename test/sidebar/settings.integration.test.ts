/**
 * Settings and Help as universal actions in the emulator: the settings card explains the trigger mode, saves the
 * per-user defaults (checking the time zone), and lists the schedules with the triggers in use; Help shows its
 * card. Both answer with UniversalActionResponse cards that validate against the card schema.
 */
import { SidePanel } from './harness';

describe('settings and help', () => {
  it('opens Settings from the universal action and saves the per-user defaults', async () => {
    const panel = await SidePanel.open({ granted: true });
    panel.homepage();
    const opened = panel.dispatch('onSettingsAction', 'action');
    expect(opened.json.renderActions.action.navigations[0].pushCard.header.title).toBe('Settings');
    expect(panel.text()).toContain('Google Workspace add-on');
    expect(panel.text()).toContain('0 triggers of 20 in use');

    const bad = panel.click(panel.button('Save settings'), {
      memberSyncDefault: 'exact',
      sendAtTimeZone: 'Mars/Olympus',
      confirmDestructive: [],
    });
    expect(bad.notification).toContain('“Mars/Olympus” is not a time zone name');
    const saved = panel.click(panel.button('Save settings'), {
      memberSyncDefault: 'exact',
      sendAtTimeZone: 'Europe/Paris',
      confirmDestructive: [],
    });
    expect(saved.notification).toBe('Settings saved.');
    const zone = panel.widgets().find((w) => w.textInput?.name === 'sendAtTimeZone');
    expect(zone.textInput.value).toBe('Europe/Paris');
    const sync = panel.widgets().find((w) => w.selectionInput?.name === 'memberSyncDefault');
    expect(sync.selectionInput.items.find((i: { selected?: boolean }) => i.selected).value).toBe('exact');
    const confirm = panel.widgets().find((w) => w.selectionInput?.name === 'confirmDestructive');
    expect(confirm.selectionInput.items[0].selected ?? false).toBe(false);
  });

  it('skips the confirmation card when the user turned confirmations off', async () => {
    const panel = await SidePanel.open({
      granted: true,
      directory: {
        spaces: [{ displayName: 'Ops', members: [{ email: 'admin@example.com' }, { email: 'ana@example.com' }] }],
      },
    });
    panel.dispatch('onSettingsAction', 'action');
    panel.click(panel.button('Save settings'), {
      memberSyncDefault: 'add-only',
      sendAtTimeZone: '',
      confirmDestructive: [],
    });
    panel.homepage();
    panel.click(panel.decorated('Ops'));
    panel.click(panel.button('Add'), { people: 'li@example.com', role: 'ROLE_MEMBER' });
    const removed = panel.click(panel.rowButton('li@example.com', 'Remove'));
    expect(removed.notification).toBe('Removed li@example.com from the space.');
    expect(panel.card.header.title).toBe('Ops');
  });

  it('shows Help', async () => {
    const panel = await SidePanel.open();
    const help = panel.dispatch('onHelpAction', 'action');
    expect(help.json.renderActions.action.navigations[0].pushCard.header.title).toBe('Help');
    panel.click(panel.button('Settings'));
    expect(panel.card.header.title).toBe('Settings');
  });
});

describe('schedules', () => {
  it('turns periodic member sync on with one hourly trigger, runs it, and turns it off', async () => {
    const panel = await SidePanel.open({
      granted: true,
      directory: {
        spaces: [{ displayName: 'Nightly', members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' }] }],
      },
      tabs: {
        Spaces: 'Space name,Type,Members\nNightly,Space,ana@example.com',
        Members: 'Space,Member\nto be set,ana@example.com',
      },
    });
    // The sync runs Apply member changes: the Members tab names the existing space by its ID.
    panel.runtime.edit('Members!A2', panel.chat.findSpaceByDisplayName('Nightly')?.name);
    panel.dispatch('onSettingsAction', 'action');
    expect(panel.decorated('Sync members').text).toBe('Off');
    expect(panel.decorated('Send scheduled messages').text).toBe('Off');
    /** A button of the Sync members schedule (each schedule has its own row of buttons). */
    const syncButton = (text: string) => {
      const widgets = panel.widgets(panel.card);
      const row = widgets.findIndex((w) => w.decoratedText?.topLabel === 'Sync members');
      const list = widgets.slice(row).find((w) => w.buttonList);
      return list.buttonList.buttons.find((b: { text: string }) => b.text === text);
    };

    const on = panel.click(syncButton('Turn on here'), { every_members: '1' });
    expect(on.notification).toBe('Sync members: on, every 1 hour.');
    const changed = panel.click(syncButton('Update'), { every_members: '2' });
    expect(changed.notification).toBe('Sync members: on, every 2 hours.');
    const triggers = () =>
      panel.runtime.state.triggers.list.filter((t) => t.handler === 'runScheduledMemberSync' && !t.disabled);
    expect(triggers()).toHaveLength(1);
    expect(panel.decorated('Sync members').text).toBe('On, every 2 hours for this spreadsheet');
    expect(panel.decorated('Sync members').bottomLabel).toMatch(/^Next run about 2026-01-05 1[01]:\d\d \(in 2 h\)$/);
    expect(panel.text()).toContain('1 trigger of 20 in use');

    panel.clock.advance(2 * 3_600_000);
    const fired = panel.runtime.runDueTriggers();
    expect(fired.map((e) => e.entryPoint)).toEqual(['runScheduledMemberSync']);
    expect(fired[0].error).toBeUndefined();
    panel.runtime.runUntilIdle();
    expect(panel.chat.findSpaceByDisplayName('Nightly')?.members.map((m) => m.email)).toContain('ana@example.com');
    expect(panel.runtime.readSheet('Log', panel.spreadsheetId)?.length).toBe(2);

    panel.dispatch('showSettings', 'action', { nav: 'update' });
    const off = panel.click(syncButton('Turn off'));
    expect(off.notification).toBe('Sync members: off.');
    expect(triggers()).toHaveLength(0);
  });
});
