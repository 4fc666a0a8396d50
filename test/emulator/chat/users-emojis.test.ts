/**
 * Conformance: users.spaces.* (space and thread read state, notification settings) and customEmojis.*, through both
 * the facade and REST.
 */
import { fails, harness, ok, type Harness } from './harness';

/** A PNG header with the given size (enough for the emulator's dimension check). */
function png(width: number, height = width, pad = 0): string {
  const b = Buffer.alloc(33 + pad);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b.toString('base64');
}

describe.each(['facade', 'rest'] as const)('users and custom emojis via %s', (kind) => {
  let h: Harness;
  let c: ReturnType<Harness['client']>;
  let space: string;
  beforeEach(() => {
    h = harness({ directory: { users: [{ email: 'emojiboss@example.com', emojiManager: true }] } });
    c = h.client(kind);
    space = ok(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'Users' },
          memberships: [{ member: { name: 'users/bob@example.com', type: 'HUMAN' } }],
        },
      }),
    ).name;
  });
  const sid = (): string => space.split('/')[1];

  it('[documented: discovery getSpaceReadState] users/me, email or id; only the caller; canonical name returned', () => {
    const me = h.emu.directory.userByEmail(h.caller);
    const rs = ok(
      c.call('chat.users.spaces.getSpaceReadState', { params: { name: `users/me/spaces/${sid()}/spaceReadState` } }),
    );
    expect(rs.name).toBe(`users/${me?.id}/spaces/${sid()}/spaceReadState`);
    expect(rs.lastReadTime).toBeDefined();
    ok(
      c.call('chat.users.spaces.getSpaceReadState', {
        params: { name: `users/${h.caller}/spaces/${sid()}/spaceReadState` },
      }),
    );
    ok(
      c.call('chat.users.spaces.getSpaceReadState', {
        params: { name: `users/${me?.id}/spaces/${sid()}/spaceReadState` },
      }),
    );
    fails(
      c.call('chat.users.spaces.getSpaceReadState', {
        params: { name: `users/bob@example.com/spaces/${sid()}/spaceReadState` },
      }),
      403,
      'PERMISSION_DENIED',
    );
    fails(
      c.call('chat.users.spaces.getSpaceReadState', {
        as: 'stranger@example.com',
        params: { name: `users/me/spaces/${sid()}/spaceReadState` },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('[documented: discovery updateSpaceReadState] last_read_time mask; later times are coerced to the latest message', () => {
    const m = ok(
      c.call('chat.spaces.messages.create', {
        as: 'bob@example.com',
        params: { parent: space },
        body: { text: 'unread?' },
      }),
    );
    const name = `users/me/spaces/${sid()}/spaceReadState`;
    const future = new Date(h.clock.now() + 3_600_000).toISOString();
    const updated = ok(
      c.call('chat.users.spaces.updateSpaceReadState', {
        params: { name },
        body: { lastReadTime: future },
        query: { updateMask: 'lastReadTime' },
      }),
    );
    expect(updated.lastReadTime).toBe(m.createTime);
    expect(ok(c.call('chat.users.spaces.getSpaceReadState', { params: { name } })).lastReadTime).toBe(m.createTime);
    fails(
      c.call('chat.users.spaces.updateSpaceReadState', {
        params: { name },
        body: { lastReadTime: future },
        query: { updateMask: 'name' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.users.spaces.updateSpaceReadState', {
        params: { name },
        body: { lastReadTime: 'yesterday' },
        query: { updateMask: 'last_read_time' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: discovery getThreadReadState] thread read state; NOT_FOUND for an unknown thread', () => {
    const m = ok(c.call('chat.spaces.messages.create', { params: { parent: space }, body: { text: 'thread' } }));
    const thread = m.thread.name.split('/')[3];
    const ts = ok(
      c.call('chat.users.spaces.threads.getThreadReadState', {
        params: { name: `users/me/spaces/${sid()}/threads/${thread}/threadReadState` },
      }),
    );
    expect(ts.lastReadTime).toBe(m.createTime);
    fails(
      c.call('chat.users.spaces.threads.getThreadReadState', {
        params: { name: `users/me/spaces/${sid()}/threads/nope/threadReadState` },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('[documented: discovery spaceNotificationSetting] get and patch with notification_setting / mute_setting masks (C25)', () => {
    const name = `users/me/spaces/${sid()}/spaceNotificationSetting`;
    expect(ok(c.call('chat.users.spaces.spaceNotificationSetting.get', { params: { name } }))).toMatchObject({
      notificationSetting: 'MAIN_CONVERSATIONS',
      muteSetting: 'UNMUTED',
    });
    const patched = ok(
      c.call('chat.users.spaces.spaceNotificationSetting.patch', {
        params: { name },
        body: { notificationSetting: 'OFF', muteSetting: 'MUTED' },
        query: { updateMask: 'notification_setting,mute_setting' },
      }),
    );
    expect(patched).toMatchObject({ notificationSetting: 'OFF', muteSetting: 'MUTED' });
    fails(
      c.call('chat.users.spaces.spaceNotificationSetting.patch', {
        params: { name },
        body: { notificationSetting: 'NOTIFICATION_SETTING_UNSPECIFIED' },
        query: { updateMask: 'notification_setting' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.users.spaces.spaceNotificationSetting.get', {
        params: { name: `users/bob@example.com/spaces/${sid()}/spaceNotificationSetting` },
      }),
      403,
      'PERMISSION_DENIED',
    );
  });

  it('[documented: CustomEmoji schema, facts §1.4] create/get/list/delete with name, image and ownership rules', () => {
    const e = ok(
      c.call('chat.customEmojis.create', {
        body: { emojiName: ':party-parrot:', payload: { fileContent: png(64), filename: 'p.png' } },
      }),
    );
    expect(e.name).toMatch(/^customEmojis\//);
    expect(e.temporaryImageUri).toBeUndefined();
    expect(ok(c.call('chat.customEmojis.get', { params: { name: 'customEmojis/:party-parrot:' } })).uid).toBe(e.uid);
    fails(
      c.call('chat.customEmojis.create', {
        body: { emojiName: ':party-parrot:', payload: { fileContent: png(64), filename: 'p.png' } },
      }),
      409,
      'ALREADY_EXISTS',
    );
    for (const bad of ['party', ':Party:', ':a--b:', ':a_-b:']) {
      fails(
        c.call('chat.customEmojis.create', {
          body: { emojiName: bad, payload: { fileContent: png(64), filename: 'p.png' } },
        }),
        400,
        'INVALID_ARGUMENT',
      );
    }
    fails(
      c.call('chat.customEmojis.create', {
        body: { emojiName: ':tiny:', payload: { fileContent: png(32), filename: 'p.png' } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.customEmojis.create', {
        body: { emojiName: ':wide:', payload: { fileContent: png(100, 64), filename: 'p.png' } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.customEmojis.create', {
        body: { emojiName: ':huge:', payload: { fileContent: png(64, 64, 300_000), filename: 'p.png' } },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    ok(
      c.call('chat.customEmojis.create', {
        as: 'bob@example.com',
        body: { emojiName: ':bobs:', payload: { fileContent: png(128), filename: 'b.png' } },
      }),
    );
    expect(ok(c.call('chat.customEmojis.list', {})).customEmojis).toHaveLength(2);
    expect(
      ok(c.call('chat.customEmojis.list', { query: { filter: 'creator("users/me")' } })).customEmojis,
    ).toHaveLength(1);
    expect(
      ok(c.call('chat.customEmojis.list', { query: { filter: 'NOT creator("users/me")' } })).customEmojis[0].emojiName,
    ).toBe(':bobs:');
    fails(
      c.call('chat.customEmojis.list', { query: { filter: 'creator("users/bob@example.com")' } }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.customEmojis.delete', { as: 'bob@example.com', params: { name: e.name } }),
      403,
      'PERMISSION_DENIED',
    );
    ok(c.call('chat.customEmojis.delete', { as: 'emojiboss@example.com', params: { name: e.name } }));
    fails(c.call('chat.customEmojis.get', { params: { name: e.name } }), 404, 'NOT_FOUND');
  });

  it('[documented: discovery customEmojis] react with a custom emoji by uid', () => {
    const e = ok(
      c.call('chat.customEmojis.create', {
        body: { emojiName: ':ok:', payload: { fileContent: png(64), filename: 'ok.png' } },
      }),
    );
    const m = ok(c.call('chat.spaces.messages.create', { params: { parent: space }, body: { text: 'custom' } }));
    const r = ok(
      c.call('chat.spaces.messages.reactions.create', {
        params: { parent: m.name },
        body: { emoji: { customEmoji: { uid: e.uid } } },
      }),
    );
    expect(r.emoji).toEqual({ customEmoji: { uid: e.uid } });
    const listed = ok(
      c.call('chat.spaces.messages.reactions.list', {
        params: { parent: m.name },
        query: { filter: `emoji.custom_emoji.uid = "${e.uid}"` },
      }),
    );
    expect(listed.reactions).toHaveLength(1);
  });

  it('[documented: discovery customEmojis] unavailable when the organisation turned custom emojis off', () => {
    h.emu.seedDirectory({ customEmojisEnabled: false });
    fails(c.call('chat.customEmojis.list', {}), 400, 'FAILED_PRECONDITION');
  });
});
