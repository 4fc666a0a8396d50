/**
 * Conformance: spaces.messages.reactions.* and spaces.spaceEvents.*, through both the facade and REST.
 * API responses are untyped JSON, read here as `Record<string, any>`.
 */
import { fails, harness, ok, type Harness } from './harness';

const member = (email: string): Record<string, unknown> => ({ member: { name: `users/${email}`, type: 'HUMAN' } });

describe.each(['facade', 'rest'] as const)('reactions and space events via %s', (kind) => {
  let h: Harness;
  let c: ReturnType<Harness['client']>;
  let space: string;
  let message: Record<string, any>;
  beforeEach(() => {
    h = harness();
    c = h.client(kind);
    space = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'React' }, memberships: [member('bob@example.com')] },
      }),
    ).name;
    message = ok(c.call('chat.spaces.messages.create', { params: { parent: space }, body: { text: 'react to me' } }));
  });
  const react = (unicode: string, as?: string) =>
    c.call('chat.spaces.messages.reactions.create', {
      as,
      params: { parent: message.name },
      body: { emoji: { unicode } },
    });

  it('[documented: discovery reactions.create] one reaction per user per emoji (C11); summaries on the message', () => {
    const r = ok(react('👍'));
    expect(r.name).toMatch(new RegExp(`^${message.name}/reactions/`));
    expect(r).toMatchObject({ emoji: { unicode: '👍' }, user: { type: 'HUMAN' } });
    fails(react('👍'), 409, 'ALREADY_EXISTS');
    ok(react('👍', 'bob@example.com'));
    ok(react('🎉'));
    const m = ok(c.call('chat.spaces.messages.get', { params: { name: message.name } }));
    expect(m.emojiReactionSummaries).toEqual([
      { emoji: { unicode: '👍' }, reactionCount: 2 },
      { emoji: { unicode: '🎉' }, reactionCount: 1 },
    ]);
    fails(
      c.call('chat.spaces.messages.reactions.create', { params: { parent: message.name }, body: {} }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.messages.reactions.create', {
        params: { parent: `${space}/messages/nope.nope` },
        body: { emoji: { unicode: '👍' } },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('[emulator-only] duplicateReaction=return-existing returns the first reaction (C11)', () => {
    h = harness({ behaviour: { duplicateReaction: 'return-existing' } });
    c = h.client(kind);
    space = ok(c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'R2' } } })).name;
    message = ok(c.call('chat.spaces.messages.create', { params: { parent: space }, body: { text: 'x' } }));
    const first = ok(react('👍'));
    expect(ok(react('👍')).name).toBe(first.name);
  });

  it('[documented: discovery reactions.list] filter grammar: emoji OR emoji, AND with user, parentheses for mixes', () => {
    ok(react('🙂'));
    ok(react('👍'));
    ok(react('👍', 'bob@example.com'));
    const bob = `users/${h.emu.directory.userByEmail('bob@example.com')?.id}`;
    const count = (filter?: string): number =>
      (
        ok(
          c.call('chat.spaces.messages.reactions.list', {
            params: { parent: message.name },
            query: filter ? { filter } : {},
          }),
        ).reactions ?? []
      ).length;
    expect(count()).toBe(3);
    expect(count('emoji.unicode = "👍"')).toBe(2);
    expect(count('emoji.unicode = "🙂" OR emoji.unicode = "👍"')).toBe(3);
    expect(count(`emoji.unicode = "👍" AND user.name = "${bob}"`)).toBe(1);
    expect(count(`(emoji.unicode = "🙂" OR emoji.unicode = "👍") AND user.name = "${bob}"`)).toBe(1);
    expect(count('user.name = "users/bob@example.com"')).toBe(1);
    for (const bad of [
      'emoji.unicode = "🙂" AND emoji.unicode = "👍"',
      `emoji.unicode = "🙂" OR user.name = "${bob}"`,
      `emoji.unicode = "🙂" OR emoji.custom_emoji.uid = "x" AND user.name = "${bob}"`,
      'text = "x"',
    ]) {
      fails(
        c.call('chat.spaces.messages.reactions.list', { params: { parent: message.name }, query: { filter: bad } }),
        400,
        'INVALID_ARGUMENT',
      );
    }
    const page = ok(
      c.call('chat.spaces.messages.reactions.list', { params: { parent: message.name }, query: { pageSize: 2 } }),
    );
    expect(page.reactions).toHaveLength(2);
    expect(page.nextPageToken).toBeDefined();
  });

  it('[documented: discovery reactions.delete] users delete only their own reactions', () => {
    const mine = ok(react('👍'));
    fails(
      c.call('chat.spaces.messages.reactions.delete', { as: 'bob@example.com', params: { name: mine.name } }),
      403,
      'PERMISSION_DENIED',
    );
    expect(ok(c.call('chat.spaces.messages.reactions.delete', { params: { name: mine.name } }))).toEqual({});
    fails(c.call('chat.spaces.messages.reactions.delete', { params: { name: mine.name } }), 404, 'NOT_FOUND');
  });

  it('[documented: discovery spaceEvents.list] records events for every change, chronological, latest resource version', () => {
    const r = ok(react('👍'));
    ok(
      c.call('chat.spaces.messages.patch', {
        params: { name: message.name },
        body: { text: 'edited' },
        query: { updateMask: 'text' },
      }),
    );
    ok(
      c.call('chat.spaces.patch', {
        params: { name: space },
        body: { displayName: 'Renamed' },
        query: { updateMask: 'display_name' },
      }),
    );
    ok(c.call('chat.spaces.messages.reactions.delete', { params: { name: r.name } }));
    ok(c.call('chat.spaces.members.delete', { params: { name: `${space}/members/bob@example.com` } }));
    const types = [
      'google.workspace.chat.message.v1.created',
      'google.workspace.chat.message.v1.updated',
      'google.workspace.chat.membership.v1.created',
      'google.workspace.chat.membership.v1.deleted',
      'google.workspace.chat.reaction.v1.created',
      'google.workspace.chat.reaction.v1.deleted',
      'google.workspace.chat.space.v1.updated',
    ];
    const filter = types.map((t) => `event_types:"${t}"`).join(' OR ');
    const res = ok(c.call('chat.spaces.spaceEvents.list', { params: { parent: space }, query: { filter } }));
    const got = res.spaceEvents.map((e: Record<string, any>) => e.eventType);
    expect(got).toEqual([
      'google.workspace.chat.membership.v1.created',
      'google.workspace.chat.membership.v1.created',
      'google.workspace.chat.message.v1.created',
      'google.workspace.chat.reaction.v1.created',
      'google.workspace.chat.message.v1.updated',
      'google.workspace.chat.space.v1.updated',
      'google.workspace.chat.reaction.v1.deleted',
      'google.workspace.chat.membership.v1.deleted',
    ]);
    const created = res.spaceEvents.find((e: Record<string, any>) => e.eventType.endsWith('message.v1.created'));
    expect(created.messageCreatedEventData.message.text).toBe('edited'); // the most recent version
    const bobCreated = res.spaceEvents[1].membershipCreatedEventData.membership;
    expect(bobCreated).toEqual({}); // removed since: an empty Membership
    const deleted = res.spaceEvents[7].membershipDeletedEventData.membership;
    expect(deleted).toEqual({
      name: `${space}/members/${h.emu.directory.userByEmail('bob@example.com')?.id}`,
      state: 'NOT_A_MEMBER',
    });
    expect(res.spaceEvents[5].spaceUpdatedEventData.space.displayName).toBe('Renamed');
    const one = ok(c.call('chat.spaces.spaceEvents.get', { params: { name: res.spaceEvents[0].name } }));
    expect(one.name).toBe(res.spaceEvents[0].name);
  });

  it('[documented: discovery spaceEvents.list] filter rules: required, types with OR, times with AND, 28-day window', () => {
    const list = (filter?: string) =>
      c.call('chat.spaces.spaceEvents.list', {
        params: { parent: space },
        query: filter === undefined ? {} : { filter },
      });
    fails(list(), 400, 'INVALID_ARGUMENT');
    fails(list('event_types:"google.workspace.chat.message.v1.batchCreated"'), 400, 'INVALID_ARGUMENT');
    fails(
      list(
        'event_types:"google.workspace.chat.space.v1.updated" AND event_types:"google.workspace.chat.message.v1.created"',
      ),
      400,
      'INVALID_ARGUMENT',
    );
    fails(list('start_time="2026-01-01T00:00:00Z" OR end_time="2026-01-02T00:00:00Z"'), 400, 'INVALID_ARGUMENT');
    const old = new Date(h.clock.now() - 29 * 24 * 3600 * 1000).toISOString();
    fails(
      list(`start_time="${old}" AND event_types:"google.workspace.chat.message.v1.created"`),
      400,
      'INVALID_ARGUMENT',
    );
    const start = new Date(h.clock.now()).toISOString();
    ok(c.call('chat.spaces.messages.create', { params: { parent: space }, body: { text: 'later' } }));
    const res = ok(
      list(
        `start_time="${start}" AND (event_types:"google.workspace.chat.space.v1.updated" OR event_types:"google.workspace.chat.message.v1.created")`,
      ),
    );
    expect(res.spaceEvents).toHaveLength(1);
    h.clock.advance(29 * 24 * 3600 * 1000);
    expect(ok(list('event_types:"google.workspace.chat.message.v1.created"'))).toEqual({});
  });

  it('[documented: discovery spaceEvents] members only; reading an event type needs its scope (C24)', () => {
    const filter = 'event_types:"google.workspace.chat.message.v1.created"';
    fails(
      c.call('chat.spaces.spaceEvents.list', {
        as: 'stranger@example.com',
        params: { parent: space },
        query: { filter },
      }),
      404,
      'NOT_FOUND',
    );
    const spacesOnly = ['https://www.googleapis.com/auth/chat.spaces.readonly'];
    fails(
      c.call('chat.spaces.spaceEvents.list', { scopes: spacesOnly, params: { parent: space }, query: { filter } }),
      403,
      'PERMISSION_DENIED',
    );
    ok(
      c.call('chat.spaces.spaceEvents.list', {
        scopes: spacesOnly,
        params: { parent: space },
        query: { filter: 'event_types:"google.workspace.chat.space.v1.updated"' },
      }),
    );
  });

  it('[emulator-only] batchEvents records membership.batchCreated for setup (C14)', () => {
    h = harness({ behaviour: { batchEvents: true } });
    c = h.client(kind);
    const s = ok(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'Batch' },
          memberships: [member('a@example.com'), member('b@example.com')],
        },
      }),
    ).name;
    const res = ok(
      c.call('chat.spaces.spaceEvents.list', {
        params: { parent: s },
        query: { filter: 'event_types:"google.workspace.chat.membership.v1.created"' },
      }),
    );
    expect(res.spaceEvents).toHaveLength(1);
    expect(res.spaceEvents[0].eventType).toBe('google.workspace.chat.membership.v1.batchCreated');
    expect(res.spaceEvents[0].membershipBatchCreatedEventData.memberships).toHaveLength(3);
  });
});
