/**
 * Export rows: Chat resources become rows in the export tabs' column order, with labels people read (Owner,
 * Invited, Group), Dates for timestamps, and text that could be read as a formula kept as text.
 */
import { eventLabel, eventRow, memberRow, messageRow, spaceRow } from '../../src/domain/exportRows';
import { MEMBERS_EXPORT_TAB, MESSAGES_EXPORT_TAB, headerRow } from '../../src/domain/tabs';

const at = (tab: typeof MEMBERS_EXPORT_TAB, row: unknown[], header: string) => row[headerRow(tab).indexOf(header)];

describe('export rows', () => {
  it('labels memberships as people read them', () => {
    const space = { name: 'spaces/A', displayName: 'Design' };
    const owner = memberRow(space, {
      name: 'spaces/A/members/1',
      role: 'ROLE_MANAGER',
      state: 'JOINED',
      member: { name: 'users/1', type: 'HUMAN' },
      createTime: '2026-01-01T00:00:00Z',
    });
    expect(headerRow(MEMBERS_EXPORT_TAB).map((h, i) => [h, owner[i]])).toEqual([
      ['Space ID', 'spaces/A'],
      ['Space name', 'Design'],
      ['Member', 'users/1'],
      ['Member ID', 'spaces/A/members/1'],
      ['Kind', 'Person'],
      ['Role', 'Owner'],
      ['State', 'Joined'],
      ['Joined', new Date('2026-01-01T00:00:00Z')],
    ]);
    const group = memberRow(space, { name: 'spaces/A/members/g', state: 'JOINED', groupMember: { name: 'groups/x' } });
    expect([at(MEMBERS_EXPORT_TAB, group, 'Kind'), at(MEMBERS_EXPORT_TAB, group, 'Role')]).toEqual(['Group', '']);
  });

  it('keeps a formula-looking message as text, counts reactions and tells unread from read', () => {
    const row = messageRow(
      { name: 'spaces/A', displayName: 'Design' },
      {
        name: 'spaces/A/messages/m',
        text: '=HYPERLINK("x")',
        createTime: '2026-01-02T00:00:00Z',
        thread: { name: 'spaces/A/threads/t' },
        emojiReactionSummaries: [{ reactionCount: 2 }, { reactionCount: 1 }],
        attachment: [{ contentName: 'a.pdf' }, { contentName: 'b.png' }],
      },
      { threadRead: '2026-01-01T00:00:00Z', driveLinks: ['https://drive/x'] },
    );
    const get = (h: string) => row[headerRow(MESSAGES_EXPORT_TAB).indexOf(h)];
    expect(get('Text')).toBe('\'=HYPERLINK("x")');
    expect(get('Reactions')).toBe(3);
    expect(get('Attachments')).toBe('a.pdf\nb.png');
    expect(get('Unread')).toBe('Yes');
    expect(get('Drive files')).toBe('https://drive/x');
  });

  it('describes spaces and events', () => {
    const row = spaceRow({
      name: 'spaces/A',
      displayName: 'Design',
      spaceType: 'SPACE',
      spaceHistoryState: 'HISTORY_ON',
    });
    expect(row.slice(0, 3)).toEqual(['spaces/A', 'Design', 'Space']);
    expect(eventLabel('google.workspace.chat.membership.v1.batchCreated')).toBe('membership batch created');
    const ev = eventRow('spaces/A', {
      name: 'spaces/A/spaceEvents/e',
      eventTime: '2026-01-03T00:00:00Z',
      eventType: 'google.workspace.chat.reaction.v1.created',
      reactionCreatedEventData: {
        reaction: { name: 'spaces/A/messages/m/reactions/r', user: { name: 'users/1' }, emoji: { unicode: '👍' } },
      },
    });
    expect(ev.slice(3)).toEqual(['reaction created', 'spaces/A/messages/m/reactions/r', 'users/1 👍']);
  });
});
