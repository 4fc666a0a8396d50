/**
 * Conformance: spaces.members.* (create, get, list, patch, delete) through both the facade and REST, with evidence
 * labels and C-numbers for unconfirmed choices.
 * API responses are untyped JSON, read here as `Record<string, any>`.
 */
import { fails, harness, ok, type Harness } from './harness';

const member = (email: string): Record<string, unknown> => ({ member: { name: `users/${email}`, type: 'HUMAN' } });

describe.each(['facade', 'rest'] as const)('members via %s', (kind) => {
  let h: Harness;
  let c: ReturnType<Harness['client']>;
  let space: string;
  beforeEach(() => {
    h = harness({
      directory: {
        users: [
          { email: 'off@example.com', chatEnabled: false },
          { email: 'shy@example.com', autoAccept: false },
          { email: 'blocker@example.com', blocks: ['admin@example.com'] },
          { email: 'boss@example.com', admin: true },
        ],
        groups: [{ email: 'team@example.com', id: '03x8tuzt3c7hgjv' }],
      },
    });
    c = h.client(kind);
    space = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Members' }, memberships: [member('bob@example.com')] },
      }),
    ).name;
  });

  const add = (email: string, as?: string) =>
    c.call('chat.spaces.members.create', { as, params: { parent: space }, body: member(email) });

  it('[documented: discovery members.create] adds a user (JOINED with auto-accept, INVITED without); role input is ignored', () => {
    const carol = ok(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { ...member('carol@example.com'), role: 'ROLE_MANAGER' },
      }),
    );
    expect(carol).toMatchObject({ state: 'JOINED', role: 'ROLE_MEMBER', member: { type: 'HUMAN' } });
    expect(carol.member.name).toMatch(/^users\/\d{21}$/);
    expect(carol.name).toBe(`${space}/members/${carol.member.name.split('/')[1]}`);
    expect(ok(add('shy@example.com')).state).toBe('INVITED');
  });

  it('[documented: facts §2.1 GAM mapping] ALREADY_EXISTS for an existing membership; FAILED_PRECONDITION for Chat turned off', () => {
    fails(add('bob@example.com'), 409, 'ALREADY_EXISTS');
    ok(add('shy@example.com'));
    fails(add('shy@example.com'), 409, 'ALREADY_EXISTS');
    fails(add('off@example.com'), 400, 'FAILED_PRECONDITION');
  });

  it('[documented: facts §2.4] malformed names are INVALID_ARGUMENT; external users need externalUserAllowed and the email form (C22)', () => {
    const r = fails(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { member: { name: 'people/1', type: 'HUMAN' } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(r.message).toMatch(/Missing or malformed user resource name/);
    fails(add('ext@gmail.com'), 400, 'FAILED_PRECONDITION');
    const extSpace = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Ext', externalUserAllowed: true } },
      }),
    ).name;
    const ext = ok(
      c.call('chat.spaces.members.create', { params: { parent: extSpace }, body: member('ext@gmail.com') }),
    );
    expect(ext.state).toBe('INVITED');
    const extUser = h.emu.directory.userByEmail('ext2@gmail.com');
    fails(
      c.call('chat.spaces.members.create', {
        params: { parent: extSpace },
        body: { member: { name: `users/${extUser?.id}`, type: 'HUMAN' } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: discovery members.create] groups by groups/{id} only; the email form is rejected', () => {
    const g = ok(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { groupMember: { name: 'groups/03x8tuzt3c7hgjv' } },
      }),
    );
    expect(g).toMatchObject({
      name: `${space}/members/03x8tuzt3c7hgjv`,
      groupMember: { name: 'groups/03x8tuzt3c7hgjv' },
    });
    fails(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { groupMember: { name: 'groups/team@example.com' } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { groupMember: { name: 'groups/03x8tuzt3c7hgjv' } },
      }),
      409,
      'ALREADY_EXISTS',
    );
  });

  it('[documented: discovery members.create] the calling app joins as users/app (BOT) with chat.memberships.app', () => {
    const app = ok(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { member: { name: 'users/app', type: 'BOT' } },
      }),
    );
    expect(app.member.type).toBe('BOT');
    expect(ok(c.call('chat.spaces.members.get', { params: { name: `${space}/members/app` } })).name).toBe(app.name);
    fails(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { member: { name: 'users/other-app', type: 'BOT' } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: facts §2.2] blocked users cannot be added (C22); non-members get NOT_FOUND', () => {
    fails(add('blocker@example.com'), 403, 'PERMISSION_DENIED');
    fails(add('zoe@example.com', 'stranger@example.com'), 404, 'NOT_FOUND');
  });

  it('[documented: discovery members.get] by id, by email alias; 404 when absent', () => {
    const bob = ok(c.call('chat.spaces.members.get', { params: { name: `${space}/members/bob@example.com` } }));
    expect(bob.state).toBe('JOINED');
    expect(ok(c.call('chat.spaces.members.get', { params: { name: bob.name } })).name).toBe(bob.name);
    fails(
      c.call('chat.spaces.members.get', { params: { name: `${space}/members/nobody@example.com` } }),
      404,
      'NOT_FOUND',
    );
  });

  it('[documented: discovery members.list] filters by role and member.type with the AND/OR rules; showInvited/showGroups', () => {
    ok(add('shy@example.com'));
    ok(
      c.call('chat.spaces.members.create', {
        params: { parent: space },
        body: { groupMember: { name: 'groups/03x8tuzt3c7hgjv' } },
      }),
    );
    const names = (q: Record<string, unknown>): number =>
      (ok(c.call('chat.spaces.members.list', { params: { parent: space }, query: q })).memberships ?? []).length;
    expect(names({})).toBe(2);
    expect(names({ showInvited: true })).toBe(3);
    expect(names({ showGroups: true })).toBe(3);
    expect(names({ filter: 'role = "ROLE_MANAGER"' })).toBe(1);
    expect(names({ filter: 'role = "ROLE_MANAGER" OR role = "ROLE_MEMBER"' })).toBe(2);
    expect(names({ filter: 'member.type = "HUMAN" AND role = "ROLE_MANAGER"' })).toBe(1);
    expect(names({ filter: 'member.type != "BOT"' })).toBe(2);
    fails(
      c.call('chat.spaces.members.list', {
        params: { parent: space },
        query: { filter: 'member.type = "HUMAN" AND member.type = "BOT"' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.members.list', {
        params: { parent: space },
        query: { filter: 'role = "ROLE_MANAGER" AND role = "ROLE_MEMBER"' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.members.list', { params: { parent: space }, query: { filter: 'state = "JOINED"' } }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: discovery members.list] useAdminAccess requires an admin, the admin scope and a HUMAN filter', () => {
    const scopes = ['https://www.googleapis.com/auth/chat.admin.memberships.readonly'];
    fails(
      c.call('chat.spaces.members.list', {
        as: 'boss@example.com',
        scopes,
        params: { parent: space },
        query: { useAdminAccess: true },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    const res = ok(
      c.call('chat.spaces.members.list', {
        as: 'boss@example.com',
        scopes,
        params: { parent: space },
        query: { useAdminAccess: true, filter: 'member.type = "HUMAN"' },
      }),
    );
    expect(res.memberships).toHaveLength(2);
    fails(
      c.call('chat.spaces.members.list', {
        as: 'bob@example.com',
        scopes,
        params: { parent: space },
        query: { useAdminAccess: true, filter: 'member.type = "HUMAN"' },
      }),
      403,
      'PERMISSION_DENIED',
    );
    fails(
      c.call('chat.spaces.members.list', {
        as: 'boss@example.com',
        params: { parent: space },
        query: { useAdminAccess: true, filter: 'member.type = "HUMAN"' },
      }),
      403,
      'PERMISSION_DENIED',
    );
  });

  it('[documented: discovery members.list] pagination with default/max sizes and a seeded order', () => {
    for (let i = 0; i < 6; i++) ok(add(`p${i}@example.com`));
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = ok(
        c.call('chat.spaces.members.list', { params: { parent: space }, query: { pageSize: 3, pageToken } }),
      );
      seen.push(...page.memberships.map((m: Record<string, any>) => m.name));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(new Set(seen).size).toBe(8);
    expect(
      ok(c.call('chat.spaces.members.list', { params: { parent: space }, query: { pageSize: 5000 } })).memberships,
    ).toHaveLength(8);
  });

  it('[documented: discovery members.patch; schema extension C1] role changes by owners; managers cannot make owners', () => {
    const bobName = ok(
      c.call('chat.spaces.members.get', { params: { name: `${space}/members/bob@example.com` } }),
    ).name;
    const carol = ok(add('carol@example.com')).name;
    const mgr = ok(
      c.call('chat.spaces.members.patch', {
        params: { name: bobName },
        body: { role: 'ROLE_ASSISTANT_MANAGER' },
        query: { updateMask: 'role' },
      }),
    );
    expect(mgr.role).toBe('ROLE_ASSISTANT_MANAGER');
    // A manager may make a member a manager ...
    ok(
      c.call('chat.spaces.members.patch', {
        as: 'bob@example.com',
        params: { name: carol },
        body: { role: 'ROLE_ASSISTANT_MANAGER' },
        query: { updateMask: 'role' },
      }),
    );
    // ... but not an owner.
    fails(
      c.call('chat.spaces.members.patch', {
        as: 'bob@example.com',
        params: { name: carol },
        body: { role: 'ROLE_MANAGER' },
        query: { updateMask: 'role' },
      }),
      403,
      'PERMISSION_DENIED',
    );
    fails(
      c.call('chat.spaces.members.patch', {
        params: { name: carol },
        body: { role: 'ROLE_MEMBER' },
        query: { updateMask: 'state' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.members.patch', {
        params: { name: carol },
        body: { role: 'MEMBERSHIP_ROLE_UNSPECIFIED' },
        query: { updateMask: 'role' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    ok(add('dave@example.com'));
    fails(
      c.call('chat.spaces.members.patch', {
        as: 'dave@example.com',
        params: { name: bobName },
        body: { role: 'ROLE_MEMBER' },
        query: { updateMask: 'role' },
      }),
      403,
      'PERMISSION_DENIED',
    );
  });

  it('[emulator-only] schemaExtensions=false rejects ROLE_ASSISTANT_MANAGER as the pinned discovery revision does (C1)', () => {
    h = harness({ behaviour: { schemaExtensions: false } });
    c = h.client(kind);
    const s = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Old' }, memberships: [member('bob@example.com')] },
      }),
    ).name;
    fails(
      c.call('chat.spaces.members.patch', {
        params: { name: `${s}/members/bob@example.com` },
        body: { role: 'ROLE_ASSISTANT_MANAGER' },
        query: { updateMask: 'role' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: Chat Help 13340792] the last owner cannot be demoted or removed while others remain (C9)', () => {
    const me = ok(c.call('chat.spaces.members.get', { params: { name: `${space}/members/${h.caller}` } })).name;
    fails(
      c.call('chat.spaces.members.patch', {
        params: { name: me },
        body: { role: 'ROLE_MEMBER' },
        query: { updateMask: 'role' },
      }),
      400,
      'FAILED_PRECONDITION',
    );
    fails(c.call('chat.spaces.members.delete', { params: { name: me } }), 400, 'FAILED_PRECONDITION');
    ok(
      c.call('chat.spaces.members.patch', {
        params: { name: `${space}/members/bob@example.com` },
        body: { role: 'ROLE_MANAGER' },
        query: { updateMask: 'role' },
      }),
    );
    expect(
      ok(
        c.call('chat.spaces.members.patch', {
          params: { name: me },
          body: { role: 'ROLE_MEMBER' },
          query: { updateMask: 'role' },
        }),
      ).role,
    ).toBe('ROLE_MEMBER');
  });

  it('[documented: discovery members.delete] members leave themselves; managers remove others; removing a manager needs a manager', () => {
    const carol = ok(add('carol@example.com')).name;
    ok(add('dave@example.com'));
    const daveName = `${space}/members/dave@example.com`;
    expect(
      ok(c.call('chat.spaces.members.delete', { as: 'dave@example.com', params: { name: daveName } })),
    ).toMatchObject({ state: 'JOINED' });
    fails(c.call('chat.spaces.members.get', { params: { name: daveName } }), 404, 'NOT_FOUND');
    ok(
      c.call('chat.spaces.members.patch', {
        params: { name: carol },
        body: { role: 'ROLE_ASSISTANT_MANAGER' },
        query: { updateMask: 'role' },
      }),
    );
    // With the default collaboration permissions members may manage members, but not remove a manager.
    fails(
      c.call('chat.spaces.members.delete', { as: 'bob@example.com', params: { name: carol } }),
      403,
      'PERMISSION_DENIED',
    );
    ok(c.call('chat.spaces.members.delete', { params: { name: `${space}/members/bob@example.com` } }));
    fails(
      c.call('chat.spaces.members.delete', { params: { name: `${space}/members/bob@example.com` } }),
      404,
      'NOT_FOUND',
    );
  });
});
