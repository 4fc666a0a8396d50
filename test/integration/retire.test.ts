/**
 * Retire spaces end to end: the built bundle in the offline Apps Script runtime against the Chat emulator. Delete
 * asks first, naming every selected space with its member count; declining changes nothing in Chat; deleting again
 * reports the space as already gone. Lock renames, posts a final notice, restricts the space to managers and
 * optionally removes ordinary members; locking twice makes no write, and a later Apply does not undo the rename.
 */
import type { DirectoryInput } from '../../emulator/chat';
import { SheetSession } from './exportsHarness';

function directory(): DirectoryInput {
  return {
    users: [{ email: 'admin@example.com' }, { email: 'ann@example.com' }, { email: 'bob@example.com' }],
    groups: [{ email: 'eng@example.com', members: ['bob@example.com'] }],
    spaces: [
      {
        displayName: 'Design',
        members: [
          { email: 'admin@example.com', role: 'ROLE_MANAGER' },
          { email: 'ann@example.com', role: 'ROLE_ASSISTANT_MANAGER' },
          { email: 'bob@example.com' },
          { group: 'eng@example.com' },
        ],
      },
      { displayName: 'Ops', members: [{ email: 'admin@example.com' }, { email: 'ann@example.com' }] },
      { displayName: 'Not mine', members: [{ email: 'bob@example.com' }, { email: 'admin@example.com' }] },
    ],
  };
}

const HEADER = 'Space name,Type,Row ID,Space ID,Space link,Status,Details,Last run';

async function session(): Promise<SheetSession> {
  return SheetSession.open(directory(), (x) => ({
    Spaces:
      [
        HEADER,
        `Design,Space,,${x.spaceId('Design')},,Up to date,,`,
        `Ops,Space,,${x.spaceId('Ops')},,Up to date,,`,
        `Not mine,Space,,${x.spaceId('Not mine')},,Up to date,,`,
        'Never created,Space,,,,,,',
      ].join('\n') + '\n',
  }));
}

const CHAT_WRITES = /^chat\..*\.(create|patch|delete|setup)$|^chat\.spaces\.(create|patch|delete|setup)$/;
function chatWrites(s: SheetSession, since = 0): number {
  return s.runtime.executions
    .slice(since)
    .flatMap((e) => Object.entries(e.apiCalls))
    .filter(([m]) => CHAT_WRITES.test(m))
    .reduce((n, [, c]) => n + c, 0);
}

function lastDialog(s: SheetSession, title: string): string {
  const d = s.runtime.ui.dialogs.filter((e) => e.title === title);
  return String(d[d.length - 1]?.prompt ?? '');
}

describe('Delete selected spaces', () => {
  test('the confirmation names each space and counts its members; declining makes no Chat write', async () => {
    const s = await session();
    s.select('Spaces', 2, 3);
    s.runtime.ui.queueAnswer({ button: 'NO' });
    s.run('deleteSelectedSpaces');
    const text = lastDialog(s, 'Delete spaces');
    expect(text).toContain('Delete 2 spaces for everyone (5 members in all)?');
    expect(text).toContain(`• Design (${s.spaceId('Design')}): 3 members, 1 group`);
    expect(text).toContain(`• Ops (${s.spaceId('Ops')}): 2 members`);
    expect(text).toContain('cannot be undone');
    expect(chatWrites(s)).toBe(0);
    expect(s.runtime.totals().apiCalls['chat.spaces.delete']).toBeUndefined();
    expect(s.chat.findSpaceByDisplayName('Design')).toBeDefined();
    expect(s.records('Spaces').map((r) => r.Status)).toEqual(['Up to date', 'Up to date', 'Up to date', '']);
  });

  test('deletes after Yes; deleting again reports the spaces as already gone; an owner-only refusal is explained', async () => {
    const s = await session();
    s.select('Spaces', 2, 4);
    s.runtime.ui.queueAnswer({ button: 'YES' });
    s.run('deleteSelectedSpaces');
    expect(s.chat.findSpaceByDisplayName('Design')).toBeUndefined();
    expect(s.chat.findSpaceByDisplayName('Ops')).toBeUndefined();
    let rows = s.records('Spaces');
    expect(rows.map((r) => r.Status)).toEqual(['Deleted', 'Deleted', 'Failed', '']);
    expect(rows[0].Details).toBe('Deleted for everyone, with its messages and files.');
    expect(rows[2].Details).toContain('Only an owner of the space can delete it');
    // The Space ID stays, so the row is not taken for a space still to create.
    expect(String(rows[0]['Space ID'])).toMatch(/^spaces\//);
    expect(rows[0]['Last run']).toBeInstanceOf(Date);

    s.select('Spaces', 2, 3);
    s.runtime.ui.queueAnswer({ button: 'YES' });
    const before = s.runtime.executions.length;
    s.run('deleteSelectedSpaces');
    expect(lastDialog(s, 'Delete spaces')).toContain('not found (already deleted, or you are not a member)');
    rows = s.records('Spaces');
    expect(rows.slice(0, 2).map((r) => [r.Status, r.Details])).toEqual([
      ['Deleted', 'Already deleted: Chat has no such space any more (or you are no longer in it). Nothing to do.'],
      ['Deleted', 'Already deleted: Chat has no such space any more (or you are no longer in it). Nothing to do.'],
    ]);
    expect(chatWrites(s, before)).toBe(0);
    const log = s.records('Log');
    expect(log.map((r) => [r.Action, r.Failed])).toEqual([
      ['Delete spaces', 1],
      ['Delete spaces', 0],
    ]);

    // Apply does not make a deleted space again: no Chat call for those rows, and they stay Deleted.
    const beforeApply = s.runtime.executions.length;
    s.select('Spaces', 2, 3);
    s.run('applySelectedSpaces');
    expect(chatWrites(s, beforeApply)).toBe(0);
    rows = s.records('Spaces');
    expect(rows.slice(0, 2).map((r) => r.Status)).toEqual(['Deleted', 'Deleted']);
    expect(String(rows[0].Details)).toContain('Apply does not make a deleted space again');
  });

  test('a selection without Space IDs gets a sentence and no confirmation', async () => {
    const s = await session();
    s.select('Spaces', 5);
    s.run('deleteSelectedSpaces');
    expect(lastDialog(s, 'Retire spaces')).toBe(
      'None of the selected rows has a Space ID, so there is no space to retire.',
    );
    expect(s.runtime.totals().apiCalls).toEqual({});
  });
});

describe('Lock selected spaces', () => {
  test('renames, posts a final notice, restricts to managers and removes ordinary members; twice = no write', async () => {
    const s = await session();
    const design = s.spaceId('Design');
    s.select('Spaces', 2);
    s.runtime.ui.queueAnswer({ button: 'YES' }, { button: 'YES' });
    s.run('lockSelectedSpaces');
    expect(lastDialog(s, 'Lock spaces')).toContain('Also remove the members who are not managers');

    const snap = s.chat.snapshot().find((x) => x.name === design);
    expect(snap?.displayName).toBe('[Archived] Design');
    const perms = (snap?.space as { permissionSettings: Record<string, { membersAllowed?: boolean }> })
      .permissionSettings;
    for (const p of ['replyMessages', 'manageMembersAndGroups', 'modifySpaceDetails', 'useAtMentionAll'])
      expect(perms[p].membersAllowed).toBeFalsy();
    const members = (snap?.members ?? []) as { email?: string; role?: string }[];
    expect(members.map((m) => m.email).sort()).toEqual(['admin@example.com', 'ann@example.com']);
    const notice = s.rest('GET', `/v1/${design}/messages?pageSize=100`).messages as { text: string }[];
    expect(notice.map((m) => m.text)).toEqual([expect.stringContaining('This space is now archived')]);

    let [row] = s.records('Spaces');
    expect(row).toMatchObject({ 'Space name': '[Archived] Design', Status: 'Locked' });
    expect(String(row.Details)).toContain('final notice posted; renamed "[Archived] Design"');
    expect(String(row.Details)).toContain('2 members removed');

    const before = s.runtime.executions.length;
    s.select('Spaces', 2);
    s.runtime.ui.queueAnswer({ button: 'YES' }, { button: 'YES' });
    s.run('lockSelectedSpaces');
    expect(chatWrites(s, before)).toBe(0);
    [row] = s.records('Spaces');
    expect(row).toMatchObject({ Status: 'Locked', Details: 'Already locked; nothing changed.' });

    // Apply leaves a locked row alone (no re-invites of removed members, no rename) and keeps it Locked.
    const beforeApply = s.runtime.executions.length;
    s.select('Spaces', 2);
    s.run('applySelectedSpaces');
    expect(chatWrites(s, beforeApply)).toBe(0);
    expect(s.chat.snapshot().find((x) => x.name === design)?.displayName).toBe('[Archived] Design');
    [row] = s.records('Spaces');
    expect(row.Status).toBe('Locked');
    expect(String(row.Details)).toContain('Apply and Preview leave a locked space as it is');
  });

  test('answering No to the second question keeps the members', async () => {
    const s = await session();
    const ops = s.spaceId('Ops');
    s.select('Spaces', 3);
    s.runtime.ui.queueAnswer({ button: 'YES' }, { button: 'NO' });
    s.run('lockSelectedSpaces');
    const snap = s.chat.snapshot().find((x) => x.name === ops);
    expect(snap?.displayName).toBe('[Archived] Ops');
    expect(snap?.members).toHaveLength(2);
    expect(s.records('Spaces')[1].Status).toBe('Locked');
  });
});
