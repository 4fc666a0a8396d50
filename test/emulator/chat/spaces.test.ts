/**
 * Conformance: spaces.* (create, setup, get, list, search, patch, delete, findDirectMessage, completeImport), run
 * through both the advanced-service facade and REST. Each test names its evidence: [documented: source],
 * [observed: source] or [emulator-only]; tests that depend on an unconfirmed choice cite its C-number.
 * API responses are untyped JSON, read here as `Record<string, any>`.
 */
import { fails, harness, ok, type Harness } from './harness';

const member = (email: string): Record<string, unknown> => ({ member: { name: `users/${email}`, type: 'HUMAN' } });

describe.each(['facade', 'rest'] as const)('spaces via %s', (kind) => {
  let h: Harness;
  let c: ReturnType<Harness['client']>;
  beforeEach(() => {
    h = harness({
      directory: {
        users: [
          { email: 'blocker@example.com', blocks: ['admin@example.com'] },
          { email: 'off@example.com', chatEnabled: false },
          { email: 'shy@example.com', autoAccept: false },
          { email: 'other@example.com' },
        ],
        groups: [{ email: 'team@example.com', id: '03x8tuzt3c7hgjv', members: ['bob@example.com'] }],
        spaces: [{ displayName: 'Existing Space', members: [{ email: 'other@example.com' }] }],
      },
    });
    c = h.client(kind);
  });

  const setupSpace = (displayName: string, extra: Record<string, unknown> = {}): Record<string, any> =>
    ok(c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName }, ...extra } }));

  it('[documented: discovery spaces.setup] creates a SPACE with the caller as owner and adds members', () => {
    const space = setupSpace('Launch', { memberships: [member('bob@example.com'), member('shy@example.com')] });
    expect(space.name).toMatch(/^spaces\/AAAA[A-Za-z0-9_-]{7}$/);
    expect(space).toMatchObject({
      spaceType: 'SPACE',
      displayName: 'Launch',
      spaceHistoryState: 'HISTORY_ON',
      accessSettings: { accessState: 'PRIVATE' },
    });
    const list = ok(
      c.call('chat.spaces.members.list', { params: { parent: space.name }, query: { showInvited: true } }),
    );
    const byState = list.memberships.map((m: Record<string, any>) => `${m.role}:${m.state}`).sort();
    // Caller = owner (ROLE_MANAGER) joined; bob auto-accepts (JOINED); shy has auto-accept off (INVITED).
    expect(byState).toEqual(['ROLE_MANAGER:JOINED', 'ROLE_MEMBER:INVITED', 'ROLE_MEMBER:JOINED']);
    for (const m of list.memberships) expect(m.member.name).toMatch(/^users\/\d{21}$/);
  });

  it('[documented: discovery spaces.setup] silently skips blocked, Chat-off and external users without externalUserAllowed (C5)', () => {
    const space = setupSpace('Skips', {
      memberships: [
        member('blocker@example.com'),
        member('off@example.com'),
        member('ext@gmail.com'),
        member('bob@example.com'),
      ],
    });
    const list = ok(
      c.call('chat.spaces.members.list', { params: { parent: space.name }, query: { showInvited: true } }),
    );
    expect(list.memberships).toHaveLength(2);
  });

  it('[documented: facts §2.3, proto space_setup] adds external users by email when externalUserAllowed (C5)', () => {
    const space = ok(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'Ext', externalUserAllowed: true },
          memberships: [member('ext@gmail.com')],
        },
      }),
    );
    expect(space.externalUserAllowed).toBe(true);
    const list = ok(
      c.call('chat.spaces.members.list', { params: { parent: space.name }, query: { showInvited: true } }),
    );
    // External users default to auto-accept off, so they are invited.
    expect(list.memberships.map((m: Record<string, any>) => m.state).sort()).toEqual(['INVITED', 'JOINED']);
  });

  it('[documented: set-up-spaces guide] filters duplicate memberships, including the caller', () => {
    const space = setupSpace('Dupes', {
      memberships: [member('bob@example.com'), member('BOB@example.com'), member(h.caller)],
    });
    expect(space.membershipCount).toEqual({ joinedDirectHumanUserCount: 2 });
  });

  it('[documented: discovery spaces.setup] adds groups by groups/{id}; a group email is INVALID_ARGUMENT', () => {
    const space = setupSpace('Groups', { memberships: [{ groupMember: { name: 'groups/03x8tuzt3c7hgjv' } }] });
    const list = ok(
      c.call('chat.spaces.members.list', { params: { parent: space.name }, query: { showGroups: true } }),
    );
    const group = list.memberships.find((m: Record<string, any>) => m.groupMember);
    expect(group).toMatchObject({ groupMember: { name: 'groups/03x8tuzt3c7hgjv' }, state: 'JOINED' });
    expect(group.role).toBeUndefined(); // proto3 JSON omits MEMBERSHIP_ROLE_UNSPECIFIED
    fails(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'G2' },
          memberships: [{ groupMember: { name: 'groups/team@example.com' } }],
        },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: SetUpSpaceRequest.memberships] at most 49 memberships', () => {
    const memberships = Array.from({ length: 50 }, (_, i) => member(`u${i}@example.com`));
    fails(
      c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'Big' }, memberships } }),
      400,
      'INVALID_ARGUMENT',
    );
    ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Big' }, memberships: memberships.slice(0, 49) },
      }),
    );
  });

  it('[documented: SetUpSpaceRequest] validates the rules table (facts §2.3)', () => {
    fails(c.call('chat.spaces.setup', { body: { space: { displayName: 'No type' } } }), 400, 'INVALID_ARGUMENT');
    fails(c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE' } } }), 400, 'INVALID_ARGUMENT');
    fails(
      c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'x'.repeat(129) } } }),
      400,
      'INVALID_ARGUMENT',
    );
    ok(c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'x'.repeat(128) } } }));
    fails(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'GROUP_CHAT', displayName: 'n' },
          memberships: [member('a@example.com'), member('b@example.com')],
        },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'GROUP_CHAT' }, memberships: [member('a@example.com')] },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.setup', { body: { space: { spaceType: 'DIRECT_MESSAGE' }, memberships: [] } }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'd', spaceDetails: { description: 'd'.repeat(151) } } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'g', spaceDetails: { guidelines: 'g'.repeat(5001) } } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'bad' },
          memberships: [{ member: { name: 'people/123', type: 'HUMAN' } }],
        },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'bot' },
          memberships: [{ member: { name: 'users/app', type: 'BOT' } }],
        },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: SetUpSpaceRequest] a group chat needs at least two memberships; a DM returns the existing DM', () => {
    const gc = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'GROUP_CHAT' }, memberships: [member('a@example.com'), member('b@example.com')] },
      }),
    );
    expect(gc).toMatchObject({ spaceType: 'GROUP_CHAT', spaceThreadingState: 'UNTHREADED_MESSAGES' });
    expect(gc.displayName).toBeUndefined();
    const dm = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'DIRECT_MESSAGE' }, memberships: [member('a@example.com')] },
      }),
    );
    expect(dm).toMatchObject({ spaceType: 'DIRECT_MESSAGE', type: 'DM' });
    const again = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'DIRECT_MESSAGE' }, memberships: [member('a@example.com')] },
      }),
    );
    expect(again.name).toBe(dm.name);
  });

  it('[documented: discovery spaces.setup] a DM with a user who blocks the caller fails (code C19)', () => {
    fails(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'DIRECT_MESSAGE' }, memberships: [member('blocker@example.com')] },
      }),
      400,
      'FAILED_PRECONDITION',
    );
  });

  it('[documented: discovery spaces.setup] singleUserBotDm creates a DM with the calling app', () => {
    const dm = ok(
      c.call('chat.spaces.setup', { body: { space: { spaceType: 'DIRECT_MESSAGE', singleUserBotDm: true } } }),
    );
    expect(dm.singleUserBotDm).toBe(true);
    fails(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'DIRECT_MESSAGE', singleUserBotDm: true }, memberships: [member('a@example.com')] },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: facts §2.1, Q3] setup with an existing requestId returns the same space and does not re-apply memberships', () => {
    const first = setupSpace('Idem', { requestId: 'row-1', memberships: [member('bob@example.com')] });
    const again = ok(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'Idem' },
          requestId: 'row-1',
          memberships: [member('carol@example.com')],
        },
      }),
    );
    expect(again.name).toBe(first.name);
    const list = ok(c.call('chat.spaces.members.list', { params: { parent: first.name } }));
    expect(list.memberships).toHaveLength(2);
    // Another user replaying the id gets an error (code C2).
    fails(
      c.call('chat.spaces.setup', {
        as: 'other@example.com',
        body: { space: { spaceType: 'SPACE', displayName: 'Idem' }, requestId: 'row-1' },
      }),
      409,
      'ALREADY_EXISTS',
    );
  });

  it('[documented: discovery spaces.create] ALREADY_EXISTS for a display name taken in the organisation, even a space the caller is not in (C4)', () => {
    fails(
      c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: 'Existing Space' } }),
      409,
      'ALREADY_EXISTS',
    );
    fails(
      c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: '  existing space ' } }),
      409,
      'ALREADY_EXISTS',
    );
    fails(
      c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'EXISTING SPACE' } } }),
      409,
      'ALREADY_EXISTS',
    );
  });

  it('[documented: discovery spaces.create] creates a named space; requestId is idempotent; group chats only in import mode', () => {
    const s = ok(
      c.call('chat.spaces.create', {
        body: { spaceType: 'SPACE', displayName: 'Created', predefinedPermissionSettings: 'ANNOUNCEMENT_SPACE' },
        query: { requestId: 'c-1' },
      }),
    );
    expect(s.permissionSettings.postMessages).toEqual({ managersAllowed: true, assistantManagersAllowed: true });
    const again = ok(
      c.call('chat.spaces.create', {
        body: { spaceType: 'SPACE', displayName: 'Something else' },
        query: { requestId: 'c-1' },
      }),
    );
    expect(again.name).toBe(s.name);
    expect(again.displayName).toBe('Created');
    fails(c.call('chat.spaces.create', { body: { spaceType: 'GROUP_CHAT' } }), 400, 'INVALID_ARGUMENT');
    fails(c.call('chat.spaces.create', { body: { spaceType: 'DIRECT_MESSAGE' } }), 400, 'INVALID_ARGUMENT');
  });

  it('[emulator-only] requestIdReplay=partial returns only identifying fields (C2)', () => {
    h = harness({ behaviour: { requestIdReplay: 'partial' } });
    c = h.client(kind);
    const s = ok(
      c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: 'P' }, query: { requestId: 'p-1' } }),
    );
    const again = ok(
      c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: 'P' }, query: { requestId: 'p-1' } }),
    );
    expect(again).toEqual({ name: s.name, spaceType: 'SPACE', displayName: 'P' });
  });

  it('[documented: AIP-203] output-only fields in the body are ignored; unknown fields are rejected', () => {
    const s = ok(
      c.call('chat.spaces.create', {
        body: {
          spaceType: 'SPACE',
          displayName: 'Out',
          spaceUri: 'x',
          membershipCount: { joinedGroupCount: 5 },
          name: 'spaces/mine',
        },
      }),
    );
    expect(s.name).not.toBe('spaces/mine');
    const r = fails(
      c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: 'U', foo: 1 } }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(r.message).toBe('Invalid JSON payload received. Unknown name "foo" at \'space\': Cannot find field.');
    fails(c.call('chat.spaces.create', { body: { spaceType: 'NOPE', displayName: 'E' } }), 400, 'INVALID_ARGUMENT');
  });

  it('[documented: discovery spaces.get] returns the space to members and NOT_FOUND to others (C15)', () => {
    const s = setupSpace('Get me');
    expect(ok(c.call('chat.spaces.get', { params: { name: s.name } })).permissionSettings).toBeDefined();
    fails(c.call('chat.spaces.get', { params: { name: s.name }, as: 'stranger@example.com' }), 404, 'NOT_FOUND');
    fails(c.call('chat.spaces.get', { params: { name: 'spaces/AAAAnothere' } }), 404, 'NOT_FOUND');
  });

  it('[documented: discovery spaces.list] lists only the caller’s spaces, not group chats before a message, with filter and pagination', () => {
    for (let i = 0; i < 5; i++) setupSpace(`L${i}`);
    const gc = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'GROUP_CHAT' }, memberships: [member('a@example.com'), member('b@example.com')] },
      }),
    );
    let all = ok(c.call('chat.spaces.list', { query: { pageSize: 100 } }));
    expect(all.spaces).toHaveLength(5);
    ok(c.call('chat.spaces.messages.create', { params: { parent: gc.name }, body: { text: 'hi' } }));
    all = ok(c.call('chat.spaces.list', {}));
    expect(all.spaces).toHaveLength(6);
    expect(all.spaces[0].permissionSettings).toBeUndefined();
    const onlyGc = ok(
      c.call('chat.spaces.list', { query: { filter: 'spaceType = "GROUP_CHAT" OR space_type = "DIRECT_MESSAGE"' } }),
    );
    expect(onlyGc.spaces.map((s: Record<string, any>) => s.name)).toEqual([gc.name]);
    fails(
      c.call('chat.spaces.list', { query: { filter: 'space_type = "SPACE_TYPE_UNSPECIFIED"' } }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(c.call('chat.spaces.list', { query: { filter: 'display_name = "x"' } }), 400, 'INVALID_ARGUMENT');
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = ok(c.call('chat.spaces.list', { query: { pageSize: 2, pageToken } }));
      expect(page.spaces.length).toBeLessThanOrEqual(2);
      seen.push(...page.spaces.map((s: Record<string, any>) => s.name));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(new Set(seen).size).toBe(6);
    fails(c.call('chat.spaces.list', { query: { pageSize: -1 } }), 400, 'INVALID_ARGUMENT');
  });

  it('[documented: facts §2.6] a page token must be used with the same other parameters (C12)', () => {
    for (let i = 0; i < 3; i++) setupSpace(`T${i}`);
    const page = ok(c.call('chat.spaces.list', { query: { pageSize: 1 } }));
    fails(
      c.call('chat.spaces.list', {
        query: { pageSize: 1, pageToken: page.nextPageToken, filter: 'space_type = "SPACE"' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(c.call('chat.spaces.list', { query: { pageToken: 'garbage' } }), 400, 'INVALID_ARGUMENT');
    h.clock.advance(3_600_001);
    fails(
      c.call('chat.spaces.list', { query: { pageSize: 1, pageToken: page.nextPageToken } }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: discovery spaces.patch] update masks: display_name, space_details together, alone-rules, permission masks', () => {
    const s = setupSpace('Patch me', {
      space: { spaceType: 'SPACE', displayName: 'Patch me', spaceDetails: { description: 'd', guidelines: 'g' } },
    });
    const renamed = ok(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { displayName: 'Patched' },
        query: { updateMask: 'displayName' },
      }),
    );
    expect(renamed.displayName).toBe('Patched');
    const details = ok(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { spaceDetails: { description: 'only description' } },
        query: { updateMask: 'space_details' },
      }),
    );
    expect(details.spaceDetails).toEqual({ description: 'only description' }); // guidelines replaced too
    fails(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { displayName: 'Existing Space' },
        query: { updateMask: 'display_name' },
      }),
      409,
      'ALREADY_EXISTS',
    );
    fails(c.call('chat.spaces.patch', { params: { name: s.name }, body: {}, query: {} }), 400, 'INVALID_ARGUMENT');
    fails(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: {},
        query: { updateMask: 'external_user_allowed' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { spaceHistoryState: 'HISTORY_OFF', displayName: 'x' },
        query: { updateMask: 'space_history_state,display_name' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { accessSettings: { audience: 'audiences/default' }, displayName: 'x' },
        query: { updateMask: 'access_settings.audience,display_name' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { permissionSettings: {} },
        query: { updateMask: 'permission_settings.manageApps,display_name' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    const history = ok(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { spaceHistoryState: 'HISTORY_OFF' },
        query: { updateMask: 'space_history_state' },
      }),
    );
    expect(history.spaceHistoryState).toBe('HISTORY_OFF');
    const audience = ok(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { accessSettings: { audience: 'audiences/default' } },
        query: { updateMask: 'access_settings.audience' },
      }),
    );
    expect(audience.accessSettings).toEqual({ accessState: 'DISCOVERABLE', audience: 'audiences/default' });
    const perms = ok(
      c.call('chat.spaces.patch', {
        params: { name: s.name },
        body: { permissionSettings: { manageMembersAndGroups: { managersAllowed: true } } },
        query: { updateMask: 'permission_settings.manageMembersAndGroups' },
      }),
    );
    expect(perms.permissionSettings.manageMembersAndGroups).toEqual({ managersAllowed: true });
  });

  it('[documented: discovery spaces.patch] space_type converts a GROUP_CHAT to a SPACE only with display_name', () => {
    const gc = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'GROUP_CHAT' }, memberships: [member('a@example.com'), member('b@example.com')] },
      }),
    );
    fails(
      c.call('chat.spaces.patch', {
        params: { name: gc.name },
        body: { spaceType: 'SPACE' },
        query: { updateMask: 'space_type' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    const converted = ok(
      c.call('chat.spaces.patch', {
        params: { name: gc.name },
        body: { spaceType: 'SPACE', displayName: 'Now named' },
        query: { updateMask: 'space_type,display_name' },
      }),
    );
    expect(converted).toMatchObject({ spaceType: 'SPACE', displayName: 'Now named' });
  });

  it('[documented: Chat Help 13340792] members may not change access settings; history toggling needs the org setting', () => {
    const s = setupSpace('Roles', { memberships: [member('bob@example.com')] });
    fails(
      c.call('chat.spaces.patch', {
        as: 'bob@example.com',
        params: { name: s.name },
        body: { accessSettings: { audience: 'audiences/default' } },
        query: { updateMask: 'access_settings.audience' },
      }),
      403,
      'PERMISSION_DENIED',
    );
    h.emu.seedDirectory({ historyToggleAllowed: false });
    const s2 = setupSpace('NoToggle');
    fails(
      c.call('chat.spaces.patch', {
        params: { name: s2.name },
        body: { spaceHistoryState: 'HISTORY_OFF' },
        query: { updateMask: 'space_history_state' },
      }),
      400,
      'FAILED_PRECONDITION',
    );
  });

  it('[emulator-only] collaborationPermissions=managers stops members renaming (C10)', () => {
    h = harness({ behaviour: { collaborationPermissions: 'managers' } });
    c = h.client(kind);
    const s = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Strict' }, memberships: [member('bob@example.com')] },
      }),
    );
    fails(
      c.call('chat.spaces.patch', {
        as: 'bob@example.com',
        params: { name: s.name },
        body: { displayName: 'Mine' },
        query: { updateMask: 'display_name' },
      }),
      403,
      'PERMISSION_DENIED',
    );
  });

  it('[documented: discovery spaces.delete] owners delete with a cascade; members cannot', () => {
    const s = setupSpace('Delete me', { memberships: [member('bob@example.com')] });
    ok(c.call('chat.spaces.messages.create', { params: { parent: s.name }, body: { text: 'bye' } }));
    fails(c.call('chat.spaces.delete', { as: 'bob@example.com', params: { name: s.name } }), 403, 'PERMISSION_DENIED');
    expect(ok(c.call('chat.spaces.delete', { params: { name: s.name } }))).toEqual({});
    fails(c.call('chat.spaces.get', { params: { name: s.name } }), 404, 'NOT_FOUND');
    expect(h.emu.snapshot().some((x) => x.name === s.name)).toBe(false);
  });

  it('[documented: discovery spaces.findDirectMessage] finds the DM by email alias or id; 404 when none', () => {
    fails(c.call('chat.spaces.findDirectMessage', { query: { name: 'users/zed@example.com' } }), 404, 'NOT_FOUND');
    const dm = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'DIRECT_MESSAGE' }, memberships: [member('zed@example.com')] },
      }),
    );
    expect(ok(c.call('chat.spaces.findDirectMessage', { query: { name: 'users/zed@example.com' } })).name).toBe(
      dm.name,
    );
    const zed = h.emu.directory.userByEmail('zed@example.com');
    expect(ok(c.call('chat.spaces.findDirectMessage', { query: { name: `users/${zed?.id}` } })).name).toBe(dm.name);
  });

  it('[documented: discovery spaces.search] admin-only: needs useAdminAccess, admin scope and an admin caller', () => {
    const admin = ['https://www.googleapis.com/auth/chat.admin.spaces.readonly'];
    setupSpace('Fun event');
    setupSpace('The evening was fun');
    setupSpace('notFun event');
    const q = 'customer = "customers/my_customer" AND space_type = "SPACE" AND display_name:"Fun Eve"';
    const res = ok(c.call('chat.spaces.search', { scopes: admin, query: { useAdminAccess: true, query: q } }));
    expect(res.spaces.map((s: Record<string, any>) => s.displayName).sort()).toEqual([
      'Fun event',
      'The evening was fun',
    ]);
    expect(res.totalSize).toBe(2);
    fails(c.call('chat.spaces.search', { scopes: admin, query: { query: q } }), 400, 'INVALID_ARGUMENT');
    fails(c.call('chat.spaces.search', { query: { useAdminAccess: true, query: q } }), 403, 'PERMISSION_DENIED');
    fails(
      c.call('chat.spaces.search', { as: 'bob@example.com', scopes: admin, query: { useAdminAccess: true, query: q } }),
      403,
      'PERMISSION_DENIED',
    );
    fails(
      c.call('chat.spaces.search', { scopes: admin, query: { useAdminAccess: true, query: 'space_type = "SPACE"' } }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.search', {
        scopes: admin,
        query: { useAdminAccess: true, query: 'customer = "customers/my_customer" OR space_type = "SPACE"' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: discovery spaces.completeImport] import mode needs chat.import; completing makes the space visible (C21)', () => {
    const importScopes = ['https://www.googleapis.com/auth/chat.import'];
    fails(
      c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: 'Imp', importMode: true } }),
      403,
      'PERMISSION_DENIED',
    );
    const s = ok(
      c.call('chat.spaces.create', {
        scopes: importScopes,
        body: { spaceType: 'SPACE', displayName: 'Imp', importMode: true },
      }),
    );
    expect(s.importMode).toBe(true);
    expect(s.importModeExpireTime).toBeDefined();
    fails(c.call('chat.spaces.completeImport', { params: { name: s.name }, body: {} }), 403, 'PERMISSION_DENIED');
    const done = ok(c.call('chat.spaces.completeImport', { scopes: importScopes, params: { name: s.name }, body: {} }));
    expect(done.space.importMode).toBeUndefined();
    fails(
      c.call('chat.spaces.completeImport', { scopes: importScopes, params: { name: s.name }, body: {} }),
      400,
      'FAILED_PRECONDITION',
    );
  });
});
