/**
 * State control: dump/load round trip (a dump loads back to the same state and the same future behaviour), seeded
 * deterministic ids, reset, seedDirectory with the organisation's existing spaces, and the admin snapshot.
 */
import { VirtualClock } from '../../../emulator/core/clock';
import { ChatEmulator } from '../../../emulator/chat/index';
import { harness, ok } from './harness';

function scenario(h: ReturnType<typeof harness>): void {
  const c = h.client('facade');
  const space = ok(
    c.call('chat.spaces.setup', {
      body: {
        space: { spaceType: 'SPACE', displayName: 'Round trip', spaceDetails: { description: 'd' } },
        requestId: 'rt-1',
        memberships: [
          { member: { name: 'users/bob@example.com', type: 'HUMAN' } },
          { member: { name: 'users/shy@example.com', type: 'HUMAN' } },
        ],
      },
    }),
  ).name;
  const m = ok(
    c.call('chat.spaces.messages.create', {
      params: { parent: space },
      body: { text: 'hello' },
      query: { messageId: 'client-1', requestId: 'm-1' },
    }),
  );
  ok(
    c.call('chat.spaces.messages.reactions.create', {
      as: 'bob@example.com',
      params: { parent: m.name },
      body: { emoji: { unicode: '👍' } },
    }),
  );
  ok(
    c.call('chat.users.spaces.updateSpaceReadState', {
      params: { name: `users/me/${space}/spaceReadState` },
      body: { lastReadTime: m.createTime },
      query: { updateMask: 'last_read_time' },
    }),
  );
}

describe('state', () => {
  it('[emulator-only] dump() holds the documented shape and is JSON-serialisable', () => {
    const h = harness({ directory: { users: [{ email: 'shy@example.com', autoAccept: false }] } });
    scenario(h);
    const dump = h.emu.dump();
    const parsed = JSON.parse(JSON.stringify(dump));
    expect(parsed).toEqual(dump);
    const space = dump.spaces[0];
    expect(space).toMatchObject({
      name: expect.stringMatching(/^spaces\//),
      displayName: 'Round trip',
      spaceType: 'SPACE',
      spaceDetails: { description: 'd' },
      externalUserAllowed: false,
      spaceHistoryState: 'HISTORY_ON',
      createTime: expect.any(String),
    });
    expect(space.members.map((m) => ({ email: m.email, role: m.role, state: m.state, type: m.member?.type }))).toEqual([
      { email: 'admin@example.com', role: 'ROLE_MANAGER', state: 'JOINED', type: 'HUMAN' },
      { email: 'bob@example.com', role: 'ROLE_MEMBER', state: 'JOINED', type: 'HUMAN' },
      { email: 'shy@example.com', role: 'ROLE_MEMBER', state: 'INVITED', type: 'HUMAN' },
    ]);
    expect(space.messages[0]).toMatchObject({
      text: 'hello',
      thread: { name: expect.any(String) },
      sender: { type: 'HUMAN' },
      reactions: [{ emoji: { unicode: '👍' } }],
    });
    expect(dump.requests).toBeGreaterThan(0);
    expect(dump.requestIds.map((r) => r.requestId).sort()).toEqual(['m-1', 'rt-1']);
    expect(dump.directory.users.length).toBeGreaterThan(2);
  });

  it('[emulator-only] load(dump) restores the same state and the same future ids', () => {
    const a = harness();
    scenario(a);
    const dump = a.emu.dump();
    const b = harness();
    b.emu.load(dump);
    expect(b.emu.dump()).toEqual(dump);
    // Both go on identically: replayed request ids, quota windows and id generation carry over.
    b.clock.advanceTo(a.clock.now());
    const next = (h: ReturnType<typeof harness>) =>
      ok(h.client('rest').call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'Next' } } }))
        .name;
    expect(next(b)).toBe(next(a));
    const replay = ok(
      b.client('rest').call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Round trip' }, requestId: 'rt-1' },
      }),
    );
    expect(replay.name).toBe(dump.spaces[0].name);
    expect(() => b.emu.load({ format: 'other' } as never)).toThrow(/not a chat emulator state/);
  });

  it('[emulator-only] the same seed gives the same ids; a different seed different ones', () => {
    const names = (seed: number): string[] => {
      const h = harness({ seed });
      scenario(h);
      return h.emu
        .snapshot()
        .flatMap((s) => [s.name, ...s.members.map((m) => m.name), ...s.messages.map((m) => String(m.name))]);
    };
    expect(names(42)).toEqual(names(42));
    expect(names(42)).not.toEqual(names(43));
  });

  it('[emulator-only] reset() empties state, log and quota but keeps the seeded directory', () => {
    const h = harness({
      directory: {
        spaces: [{ displayName: 'Seeded', members: [{ email: 'owner@example.com' }, { email: 'admin@example.com' }] }],
      },
    });
    scenario(h);
    expect(h.emu.snapshot()).toHaveLength(2);
    h.emu.reset();
    expect(h.emu.snapshot().map((s) => s.displayName)).toEqual(['Seeded']);
    expect(h.emu.requestLog).toHaveLength(0);
    expect(h.emu.dump().requests).toBe(0);
  });

  it('[emulator-only] seedDirectory() creates existing org spaces with members, roles and messages', () => {
    const clock = new VirtualClock();
    const emu = new ChatEmulator({ clock });
    emu.seedDirectory({
      domain: 'acme.test',
      users: [{ email: 'ann@acme.test', displayName: 'Ann' }],
      groups: [{ email: 'eng@acme.test', members: ['ann@acme.test'] }],
      spaces: [
        {
          displayName: 'Engineering',
          description: 'eng',
          members: [
            { email: 'ann@acme.test' },
            { email: 'bo@acme.test', role: 'ROLE_ASSISTANT_MANAGER' },
            { group: 'eng@acme.test' },
          ],
          messages: [
            { sender: 'ann@acme.test', text: 'first', threadKey: 't' },
            { sender: 'bo@acme.test', text: 'reply', threadKey: 't' },
          ],
        },
      ],
    });
    expect(emu.directory.defaultCaller).toBe('admin@acme.test');
    const [space] = emu.snapshot();
    expect(space.members.map((m) => [m.email, m.type, m.role])).toEqual([
      ['ann@acme.test', 'HUMAN', 'ROLE_MANAGER'],
      ['bo@acme.test', 'HUMAN', 'ROLE_ASSISTANT_MANAGER'],
      ['eng@acme.test', 'GROUP', 'MEMBERSHIP_ROLE_UNSPECIFIED'],
    ]);
    expect(space.messages.map((m) => [m.text, m.threadReply ?? false])).toEqual([
      ['first', false],
      ['reply', true],
    ]);
    expect(emu.directory.groupByEmail('eng@acme.test')?.id).toMatch(/^[0-9a-z]{15}$/);
    expect(emu.directory.userByEmail('ann@acme.test')?.id).toMatch(/^1\d{20}$/);
    expect(emu.directory.userByEmail('x@other.test')?.external).toBe(true);
  });

  it('[emulator-only] implicitUsers=false: only listed users exist', () => {
    const h = harness({
      directory: { implicitUsers: false, users: [{ email: 'admin@example.com' }, { email: 'known@example.com' }] },
    });
    const c = h.client('rest');
    const space = ok(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'Closed' },
          memberships: [
            { member: { name: 'users/known@example.com', type: 'HUMAN' } },
            { member: { name: 'users/ghost@example.com', type: 'HUMAN' } },
          ],
        },
      }),
    );
    expect(space.membershipCount.joinedDirectHumanUserCount).toBe(2);
    const r = c.call('chat.spaces.members.create', {
      params: { parent: space.name },
      body: { member: { name: 'users/ghost@example.com', type: 'HUMAN' } },
    });
    expect(r.ok).toBe(false);
  });
});
