/**
 * Retiring spaces, the pure part: the archived name, which permission settings a lock still has to change and the
 * patch that changes them, and the confirmation texts naming spaces with their member counts.
 */
import {
  deleteConfirmation,
  lockedName,
  permissionPatch,
  permissionsToRestrict,
  LOCKED_PERMISSIONS,
} from '../../src/domain/retire';

describe('lock', () => {
  it('prefixes the name once and keeps it within 128 characters', () => {
    expect(lockedName('Design')).toBe('[Archived] Design');
    expect(lockedName('[Archived] Design')).toBe('[Archived] Design');
    const long = lockedName('x'.repeat(128));
    expect(long).toHaveLength(128);
    expect(long.endsWith('…')).toBe(true);
  });

  it('restricts only what still lets members act; nothing when already restricted', () => {
    const open = { managersAllowed: true, membersAllowed: true };
    const closed = { managersAllowed: true, membersAllowed: false };
    const all = Object.fromEntries(LOCKED_PERMISSIONS.map((p) => [p, closed]));
    expect(permissionsToRestrict(all)).toEqual([]);
    expect(permissionsToRestrict({ ...all, replyMessages: open, postMessages: open })).toEqual(['replyMessages']);
    expect(permissionsToRestrict(undefined)).toEqual([...LOCKED_PERMISSIONS]);
  });

  it('patches with permission masks only (the API refuses them mixed with others)', () => {
    const p = permissionPatch(['replyMessages', 'manageMembersAndGroups']);
    expect(p.updateMask).toBe('permission_settings.replyMessages,permission_settings.manageMembersAndGroups');
    expect(p.body.permissionSettings.replyMessages).toEqual({ managersAllowed: true, membersAllowed: false });
  });
});

describe('delete confirmation', () => {
  it('names every space with its members, the total, and that it cannot be undone', () => {
    const text = deleteConfirmation([
      { name: 'spaces/A', displayName: 'Design', members: 3, groups: 1 },
      { name: 'spaces/B', displayName: 'Ops', members: 1 },
      { name: 'spaces/C', displayName: '', problem: 'not found (already deleted, or you are not a member)' },
    ]);
    expect(text).toBe(
      'Delete 3 spaces for everyone (4 members in all)? Their messages and files are deleted too, and this cannot ' +
        'be undone.\n\n• Design (spaces/A): 3 members, 1 group\n• Ops (spaces/B): 1 member\n' +
        '• spaces/C: not found (already deleted, or you are not a member)',
    );
  });

  it('lists at most 20 spaces', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ name: `spaces/S${i}`, displayName: `S${i}`, members: 2 }));
    const text = deleteConfirmation(many);
    expect(text).toContain('Delete 25 spaces for everyone (50 members in all)?');
    expect(text.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(21);
    expect(text).toContain('• … and 5 more');
  });
});
