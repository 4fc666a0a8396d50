/**
 * The space card in the emulator, in Workspace add-on mode, driven by the event objects the platform sends: open a
 * space from the homepage, add members (people with a role, a Google Group), promote, demote and remove them (with
 * the confirmation card), post, react and take the reaction back, edit and delete an own message, mark the space
 * as read, and edit the details. Each step is checked in the card the user sees and in Chat's state.
 */
import { SidePanel } from './harness';

const APOLLO = 'Apollo';

async function openApollo(): Promise<SidePanel> {
  const panel = await SidePanel.open({
    granted: true,
    directory: {
      groups: [{ email: 'design-team@example.com', members: ['gina@example.com', 'hugo@example.com'] }],
      spaces: [
        {
          displayName: APOLLO,
          description: 'Moon <landing> & more',
          createTime: '2026-01-05T08:00:00Z',
          members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' }, { email: 'ana@example.com' }],
          messages: [
            { sender: 'ana@example.com', text: 'Morning! <b>not bold</b>', createTime: '2026-01-05T08:30:00Z' },
          ],
        },
      ],
    },
  });
  panel.homepage();
  panel.click(panel.decorated(APOLLO));
  expect(panel.card.header.title).toBe(APOLLO);
  return panel;
}

function apollo(panel: SidePanel) {
  const space = panel.chat.findSpaceByDisplayName(APOLLO);
  if (!space) throw new Error('Apollo is gone');
  return space;
}

function roleOf(panel: SidePanel, email: string): string | undefined {
  return apollo(panel).members.find((m) => m.email === email)?.role;
}

describe('space card', () => {
  it('shows details, escapes user text, and reads everything in one batch', async () => {
    const panel = await openApollo();
    const answer = panel.answers[panel.answers.length - 1];
    expect(answer.result.apiCalls).toEqual({
      'chat.spaces.get': 1,
      'chat.spaces.members.list': 1,
      'chat.spaces.messages.list': 1,
      'chat.users.spaces.getSpaceReadState': 1,
      'chat.spaces.members.get': 1,
    });
    expect(panel.decorated('Description').text).toBe('Moon &lt;landing&gt; &amp; more');
    expect(panel.text()).toContain('Morning! &lt;b&gt;not bold&lt;/b&gt;');
    expect(
      panel
        .buttons()
        .some((b) => b.text === 'Open in Chat' && b.onClick.openLink.url.startsWith('https://chat.google.com/')),
    ).toBe(true);
    // The user's own id is learnt once and kept: the next card reads four things, not five.
    panel.click(panel.button('Refresh'));
    expect(panel.lastApiCalls['chat.spaces.members.get']).toBeUndefined();
  });

  it('adds people with a role and a Google Group, validating input first', async () => {
    const panel = await openApollo();
    const bad = panel.click(panel.button('Add'), { people: 'li@example, bo@example.com', role: 'ROLE_MEMBER' });
    expect(bad.notification).toContain('People');
    expect(bad.result.apiCalls['chat.spaces.members.create']).toBeUndefined();

    const added = panel.click(panel.button('Add'), {
      people: 'li@example.com\nbo@example.com, ana@example.com',
      groups: 'design-team@example.com',
      role: 'ROLE_ASSISTANT_MANAGER',
    });
    expect(added.notification).toContain('Added li@example.com, bo@example.com and design-team@example.com.');
    expect(added.notification).toContain('ana@example.com was already in the space.');
    expect(added.notification).toContain('manager');
    expect(roleOf(panel, 'li@example.com')).toBe('ROLE_ASSISTANT_MANAGER');
    expect(roleOf(panel, 'ana@example.com')).toBe('ROLE_ASSISTANT_MANAGER');
    expect(apollo(panel).members.some((m) => m.type === 'GROUP')).toBe(true);
    // People the sidebar added are shown by email, with their role.
    expect(panel.decorated('li@example.com').topLabel).toBe('Manager · Joined');
    expect(panel.text()).toContain('Google Group · Joined');
  });

  it('promotes, demotes and removes members, asking before removing', async () => {
    const panel = await openApollo();
    panel.click(panel.button('Add'), { people: 'li@example.com, bo@example.com', role: 'ROLE_MEMBER' });
    const promoted = panel.click(panel.rowButton('li@example.com', 'Make owner'));
    expect(promoted.notification).toBe('li@example.com is now an owner.');
    expect(roleOf(panel, 'li@example.com')).toBe('ROLE_MANAGER');
    panel.click(panel.rowButton('li@example.com', 'Make member'));
    expect(roleOf(panel, 'li@example.com')).toBe('ROLE_MEMBER');

    panel.click(panel.rowButton('bo@example.com', 'Remove'));
    expect(panel.card.header.title).toBe('Remove bo@example.com?');
    expect(panel.stack).toHaveLength(3);
    const removed = panel.click(panel.button('Remove'));
    expect(removed.notification).toBe('Removed bo@example.com from the space.');
    expect(panel.stack).toHaveLength(2);
    expect(panel.card.header.title).toBe(APOLLO);
    expect(apollo(panel).members.some((m) => m.email === 'bo@example.com')).toBe(false);
    expect(panel.text()).not.toContain('bo@example.com');
  });

  it('posts as the user, once per draft, into a thread by key', async () => {
    const panel = await openApollo();
    const empty = panel.click(panel.button('Post'), { messageText: '   ' });
    expect(empty.notification).toBe('Write a message first.');
    const tooLong = panel.click(panel.button('Post'), { messageText: 'x'.repeat(4097) });
    expect(tooLong.notification).toContain('4,096');
    expect(tooLong.result.apiCalls['chat.spaces.messages.create']).toBeUndefined();

    const post = panel.button('Post');
    const posted = panel.click(post, { messageText: 'Launch at *noon*', threadKey: 'launch' });
    expect(posted.notification).toBe('Posted in the thread “launch”.');
    // A second click on the same (stale) Post button sends the same request id: still one message.
    panel.click(post, { messageText: 'Launch at *noon*', threadKey: 'launch' });
    const mine = apollo(panel).messages.filter((m) => m.text === 'Launch at *noon*');
    expect(mine).toHaveLength(1);
    expect((mine[0].thread as { threadKey?: string }).threadKey).toBe('launch');
    expect(panel.rowButton('Launch at *noon*', 'Edit')).toBeDefined();
    expect(() => panel.rowButton('Morning!', 'Edit')).toThrow();
  });

  it('reacts, takes the reaction back, edits and deletes an own message', async () => {
    const panel = await openApollo();
    panel.click(panel.button('Post'), { messageText: 'Draft plan' });
    const reacted = panel.click(panel.rowButton('Draft plan', '🎉'));
    expect(reacted.notification).toBe('Reacted 🎉.');
    expect(panel.decorated('Draft plan').bottomLabel).toBe('🎉 1');
    panel.click(panel.rowButton('Morning!', '👍'));
    const back = panel.click(panel.rowButton('Draft plan', '🎉'));
    expect(back.notification).toBe('Took back your 🎉.');
    const msgs = apollo(panel).messages;
    expect((msgs.find((m) => m.text === 'Draft plan')?.reactions as unknown[]).length).toBe(0);
    expect((msgs.find((m) => String(m.text).startsWith('Morning'))?.reactions as unknown[]).length).toBe(1);

    panel.click(panel.rowButton('Draft plan', 'Edit'));
    expect(panel.card.header.title).toBe('Edit message');
    const saved = panel.click(panel.button('Save'), { editText: 'Final plan' });
    expect(saved.notification).toBe('Message updated.');
    expect(panel.card.header.title).toBe(APOLLO);
    expect(panel.decorated('Final plan').topLabel).toContain('edited');

    panel.click(panel.rowButton('Final plan', 'Delete'));
    const deleted = panel.click(panel.button('Delete'));
    expect(deleted.notification).toBe('Message deleted.');
    expect(apollo(panel).messages.filter((m) => m.text === 'Final plan')).toHaveLength(0);
    expect(panel.text()).not.toContain('Final plan');
  });

  it('shows unread messages and marks the space as read', async () => {
    const panel = await openApollo();
    const unread = panel.decorated('unread message');
    expect(unread.text).toBe('<b>1 unread message</b>');
    const read = panel.click(unread.button);
    expect(read.notification).toBe('Marked as read.');
    expect(panel.decorated('No unread messages')).toBeDefined();
  });

  it('edits name, description, guidelines and history, rejecting overlong input', async () => {
    const panel = await openApollo();
    panel.click(panel.button('Edit details'));
    expect(panel.card.header.title).toBe('Edit details');
    const tooLong = panel.click(panel.button('Save'), {
      displayName: APOLLO,
      description: 'd'.repeat(151),
      guidelines: '',
      history: 'on',
    });
    expect(tooLong.notification).toContain('at most 150');
    expect(panel.card.header.title).toBe('Edit details');
    const saved = panel.click(panel.button('Save'), {
      displayName: 'Apollo 11',
      description: 'To the moon',
      guidelines: 'Be kind',
      history: 'off',
    });
    expect(saved.notification).toBe('Saved the name, description, guidelines and history (now off).');
    expect(panel.card.header.title).toBe('Apollo 11');
    const space = panel.chat.findSpaceByDisplayName('Apollo 11');
    expect(space?.space.spaceHistoryState).toBe('HISTORY_OFF');
    expect((space?.space.spaceDetails as { guidelines?: string }).guidelines).toBe('Be kind');
  });

  it('answers Chat failures with the bulk runs’ sentences', async () => {
    const panel = await openApollo();
    const answer = panel.click(panel.button('Add'), { people: 'stranger@elsewhere.org', role: 'ROLE_MEMBER' });
    expect(answer.notification).toMatch(/outside your organisation|Chat could not add stranger@elsewhere.org/);
  });
});
