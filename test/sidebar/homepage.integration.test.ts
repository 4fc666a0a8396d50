/**
 * The homepage in the emulator, in Workspace add-on mode: before and after the drive.file grant, the Spaces tab's
 * rows with their status, the user's other spaces paged and searched, and Set up sheets for an empty spreadsheet.
 */
import { SidePanel, spacesCsv } from './harness';

const users = Array.from({ length: 45 }, (_, i) => ({
  displayName: `Project ${String(i + 1).padStart(2, '0')}${i % 10 === 0 ? ' launch' : ''}`,
  members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' as const }],
}));

describe('homepage', () => {
  it('asks for file access first, and lists the Spaces tab after the grant', async () => {
    const panel = await SidePanel.open({
      tabs: {
        Spaces: spacesCsv([
          ['Apollo', 'ana@example.com'],
          ['Gemini', 'li@example.com'],
        ]),
      },
      directory: { spaces: users.slice(0, 3) },
    });
    panel.homepage();
    expect(panel.text()).toContain('Allow access to this spreadsheet');
    expect(panel.text()).toContain('Project 01 launch');
    const request = panel.click(panel.button('Allow access to this spreadsheet'));
    expect(JSON.stringify(request.json)).toContain('requestFileScopeForActiveDocument');
    panel.runtime.grantFileScope(panel.spreadsheetId);
    panel.dispatch('onFileScopeGranted', 'homepage');
    expect(panel.text()).toContain('Spaces tab: 2 rows');
    expect(panel.decorated('Apollo').bottomLabel).toBe('Not run yet');
    expect(panel.button('Apply').disabled).toBeUndefined();
    expect(panel.button('Sync members').disabled).toBeUndefined();
  });

  it('answers actions that need the spreadsheet with the access card until the grant', async () => {
    const panel = await SidePanel.open({ tabs: { Spaces: spacesCsv([['Apollo', 'ana@example.com']]) } });
    panel.homepage();
    const answer = panel.dispatch('showJob', 'action');
    expect(answer.notification).toBe('Allow access to this spreadsheet first.');
    expect(panel.card.header.title).toBe('Allow access to this spreadsheet');
    expect(panel.button('Allow access').onClick.action.function).toBe('requestFileAccess');
    expect(panel.dispatch('queueJob', 'action', { job: 'apply' }).notification).toBe(
      'Allow access to this spreadsheet first.',
    );
  });

  it('pages and searches the user’s spaces with a bounded number of calls', async () => {
    const panel = await SidePanel.open({ directory: { spaces: users }, granted: true });
    panel.homepage();
    expect(panel.text()).toContain('This spreadsheet has no Spaces tab yet');
    expect(panel.lastApiCalls['chat.spaces.list']).toBe(1);
    panel.click(panel.button('More ›'));
    expect(panel.lastApiCalls['chat.spaces.list']).toBe(1);
    panel.click(panel.button('Search'), { query: 'launch' });
    const text = panel.text();
    expect(text).toContain('Project 41 launch');
    expect(text).not.toContain('Project 02"');
    expect(panel.lastApiCalls['chat.spaces.list']).toBeLessThanOrEqual(3);
    panel.click(panel.button('Clear'));
    expect(panel.text()).not.toContain('named like');
  });

  it('sets up the tabs from the card', async () => {
    const panel = await SidePanel.open({ granted: true });
    panel.homepage();
    const answer = panel.click(panel.button('Set up sheets'));
    expect(answer.notification).toContain('Created the Spaces');
    expect(panel.runtime.readSheet('Spaces', panel.spreadsheetId)?.[0]).toContain('Space name');
    expect(panel.text()).toContain('The Spaces tab has no rows yet');
  });
});
