/**
 * The sidebar's use cases over in-memory ports: the 30-second guard (request cap, deadline, retries of 429/5xx),
 * member additions (validation before any call, group lookups, roles, per-click cap), reactions toggling, message
 * text checks and idempotent posting, detail edits (only what changed, history alone), read state, settings and
 * schedules (one trigger per handler, the 20-trigger limit, hourly floor, next run), and job progress.
 */
import { budgetAware, CallBudget, NOT_SENT_MESSAGE, wasNotSent } from '../../../src/app/sidebar/callBudget';
import { jobProgress, queueJob } from '../../../src/app/sidebar/jobs';
import { addMembers, changeRole, removeMember } from '../../../src/app/sidebar/members';
import { postMessage, toggleReaction } from '../../../src/app/sidebar/messages';
import { PeopleBook, anonymous } from '../../../src/app/sidebar/people';
import { markAsRead, readStateName } from '../../../src/app/sidebar/readState';
import {
  installSchedule,
  nextRun,
  removeSchedule,
  schedulesOverview,
  scheduledSpreadsheets,
  type ScheduleDefinition,
} from '../../../src/app/sidebar/schedules';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../src/app/sidebar/settings';
import { saveDetails } from '../../../src/app/sidebar/spaceDetails';
import { loadSpaceCard } from '../../../src/app/sidebar/spaceCard';
import { FailureSummary, names } from '../../../src/app/sidebar/summary';
import type { JobState } from '../../../src/app/jobs/jobStore';
import type { ChatRequest } from '../../../src/ports/chat';
import { FakeChat, FakeClock, fail, fakeDeps, ok } from './fakes';

const SPACE = 'spaces/AAA';

describe('CallBudget', () => {
  it('refuses requests beyond the cap and after the deadline, without sending them', () => {
    const inner = new FakeChat();
    const clock = new FakeClock();
    const budget = new CallBudget(inner, clock, { maxRequests: 3, deadlineMs: 1000 });
    const results = budget.callAll(
      Array.from({ length: 5 }, () => ({ method: 'chat.spaces.get' as const, resource: SPACE })),
    );
    expect(inner.requests).toHaveLength(3);
    expect(results.filter(wasNotSent)).toHaveLength(2);
    expect(results[4]).toEqual({
      ok: false,
      failure: { httpStatus: 0, status: 'NOT_SENT', message: NOT_SENT_MESSAGE },
    });
    const late = new CallBudget(inner, clock, { maxRequests: 10, deadlineMs: 1000 });
    clock.ms += 1000;
    expect(wasNotSent(late.call({ method: 'chat.spaces.get', resource: SPACE }))).toBe(true);
  });

  it('retries 429 and 5xx after a wait that fits the deadline, and only the failed requests', () => {
    let calls = 0;
    const inner = new FakeChat((r) =>
      r.resource === 'b' && calls++ < 1 ? fail(429, 'RESOURCE_EXHAUSTED', 'Quota') : ok({ r: r.resource }),
    );
    const clock = new FakeClock();
    const start = clock.ms;
    const results = new CallBudget(inner, clock).callAll([
      { method: 'chat.spaces.get', resource: 'a' },
      { method: 'chat.spaces.get', resource: 'b' },
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(inner.requests.map((r) => r.resource)).toEqual(['a', 'b', 'b']);
    expect(clock.ms - start).toBe(1100);

    const always = new FakeChat(() => fail(503, 'UNAVAILABLE', 'down'));
    const tight = new CallBudget(always, new FakeClock(), { maxRequests: 10, deadlineMs: 2000 });
    expect(tight.call({ method: 'chat.spaces.get', resource: 'x' }).ok).toBe(false);
    expect(always.requests).toHaveLength(2); // the 2.5 s second wait would pass the deadline
  });

  it('says a held-back request was not sent, and leaves other sentences to the domain', () => {
    const explain = budgetAware(() => 'domain sentence');
    expect(explain({ httpStatus: 0, status: 'NOT_SENT', message: NOT_SENT_MESSAGE }, 'add ana@example.com')).toBe(
      'Did not add ana@example.com: stopped before the 30-second limit of the sidebar; nothing more was sent. Try again, or use the sheet for large changes.',
    );
    expect(explain({ httpStatus: 404, message: 'x' }, 'add ana@example.com')).toBe('domain sentence');
  });

  it('does not retry a request Chat rejected', () => {
    const inner = new FakeChat(() => fail(400, 'INVALID_ARGUMENT', 'bad'));
    new CallBudget(inner, new FakeClock()).call({ method: 'chat.spaces.get', resource: 'x' });
    expect(inner.requests).toHaveLength(1);
  });
});

describe('addMembers', () => {
  function setup(answer?: (r: ChatRequest) => ReturnType<FakeChat['answer']>) {
    const deps = fakeDeps(new FakeChat(answer));
    return { deps, people: new PeopleBook(deps.state, deps.cache, deps.identity) };
  }
  const input = { space: SPACE, spaceType: 'SPACE' as const, people: '', groups: '', role: 'ROLE_MEMBER' as const };

  it('rejects bad addresses, nobody, too many, and roles or groups outside named spaces, before any call', () => {
    const { deps, people } = setup();
    expect(addMembers(deps, people, { ...input, people: 'ana@example' }).message).toContain('People');
    expect(addMembers(deps, people, { ...input }).message).toBe(
      'Write at least one email address under People or Google Groups.',
    );
    expect(addMembers(deps, people, { ...input, people: 'me@example.com' }).message).toContain(
      'You are already in the space',
    );
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@example.com`).join(' ');
    expect(addMembers(deps, people, { ...input, people: many }).message).toContain('You listed 21 addresses');
    expect(
      addMembers(deps, people, { ...input, people: 'a@example.com', spaceType: 'GROUP_CHAT', role: 'ROLE_MANAGER' }).ok,
    ).toBe(false);
    expect(addMembers(deps, people, { ...input, groups: 'g@example.com', spaceType: 'DIRECT_MESSAGE' }).ok).toBe(false);
    expect(deps.chat.requests).toHaveLength(0);
  });

  it('looks groups up, adds, promotes, and remembers who is who', () => {
    const { deps, people } = setup((r) => {
      if (r.method === 'cloudidentity.groups.lookup') return ok({ name: 'groups/g1' });
      if (r.method === 'chat.spaces.members.create') {
        const body = r.body as { member?: { name: string }; groupMember?: { name: string } };
        if (body.member?.name === 'users/old@example.com')
          return fail(409, 'ALREADY_EXISTS', 'Membership already exists');
        if (body.member)
          return ok({ name: `${SPACE}/members/1`, member: { name: 'users/1', type: 'HUMAN' }, state: 'INVITED' });
        return ok({ name: `${SPACE}/members/g1`, groupMember: body.groupMember, state: 'JOINED' });
      }
      if (r.method === 'chat.spaces.members.get')
        return ok({ name: `${SPACE}/members/2`, member: { name: 'users/2', type: 'HUMAN' } });
      return ok({});
    });
    const outcome = addMembers(deps, people, {
      ...input,
      people: 'new@example.com, old@example.com',
      groups: 'team@example.com',
      role: 'ROLE_MANAGER',
    });
    expect(outcome).toEqual({
      ok: true,
      message:
        'Added team@example.com. Invited new@example.com (they join when they accept). old@example.com was already in the space. Made new@example.com and old@example.com owners.',
    });
    expect(deps.chat.methods()).toEqual([
      'cloudidentity.groups.lookup',
      'chat.spaces.members.create',
      'chat.spaces.members.create',
      'chat.spaces.members.create',
      'chat.spaces.members.get',
      'chat.spaces.members.patch',
      'chat.spaces.members.patch',
    ]);
    expect(deps.chat.batches).toBe(4);
    expect(people.labels(['users/1', 'groups/g1', 'users/9'])).toEqual(
      new Map([
        ['users/1', 'new@example.com'],
        ['groups/g1', 'team@example.com'],
        ['users/9', 'Person 9'],
      ]),
    );
    expect(deps.cache.get('u:new@example.com')).toBe('users/1');
    expect(deps.cache.get('g:team@example.com')).toBe('groups/g1');
  });

  it('explains failures with the bulk runs’ sentences', () => {
    const { deps, people } = setup(() =>
      fail(
        404,
        'NOT_FOUND',
        'Google Chat app not found. To create a Chat app, you must turn on the Chat API and configure the app in the Google Cloud console.',
      ),
    );
    const outcome = addMembers(deps, people, { ...input, people: 'a@example.com' });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('Google Chat app is not configured');
  });
});

describe('member actions', () => {
  it('removes, refuses to remove the user, and changes roles only in named spaces', () => {
    const deps = fakeDeps(new FakeChat((r) => (r.resource === 'gone' ? fail(404, 'NOT_FOUND', 'x') : ok())));
    expect(removeMember(deps, { membership: 'm', label: 'ana', isSelf: false }).message).toBe(
      'Removed ana from the space.',
    );
    expect(removeMember(deps, { membership: 'gone', label: 'bo', isSelf: false }).message).toBe(
      'bo was no longer in the space.',
    );
    expect(removeMember(deps, { membership: 'me', label: 'me', isSelf: true }).ok).toBe(false);
    expect(
      changeRole(deps, { membership: 'm', label: 'ana', role: 'ROLE_ASSISTANT_MANAGER', spaceType: 'SPACE' }).message,
    ).toBe('ana is now a manager.');
    expect(changeRole(deps, { membership: 'm', label: 'ana', role: 'ROLE_MEMBER', spaceType: 'SPACE' }).message).toBe(
      'ana is now a member.',
    );
    expect(changeRole(deps, { membership: 'm', label: 'ana', role: 'ROLE_MANAGER', spaceType: 'GROUP_CHAT' }).ok).toBe(
      false,
    );
    const patch = deps.chat.requests.find((r) => r.method === 'chat.spaces.members.patch');
    expect(patch).toMatchObject({ query: { updateMask: 'role' }, body: { role: 'ROLE_ASSISTANT_MANAGER' } });
  });
});

describe('messages', () => {
  it('posts with a request id stable per draft, into a thread by key', () => {
    const deps = fakeDeps();
    const post = { space: SPACE, spaceType: 'SPACE' as const, text: 'Hi', threadKey: ' t1 ', draftId: 'd1' };
    expect(postMessage(deps, post).message).toBe('Posted in the thread “t1”.');
    postMessage(deps, post);
    postMessage(deps, { ...post, draftId: 'd2' });
    const ids = deps.chat.requests.map((r) => r.query?.requestId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(deps.chat.requests[0]).toMatchObject({
      body: { text: 'Hi', thread: { threadKey: 't1' } },
      query: { messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' },
    });
    expect(postMessage(deps, { ...post, spaceType: 'DIRECT_MESSAGE' }).ok).toBe(false);
    expect(postMessage(deps, { ...post, threadKey: '', text: '😀'.repeat(4097) }).message).toContain(
      '4,097 characters',
    );
    expect(postMessage(deps, { ...post, threadKey: '', text: '😀'.repeat(4096) }).ok).toBe(true);
  });

  it('adds a reaction, or takes the user’s own back', () => {
    const reactions: { name: string }[] = [];
    const deps = fakeDeps(
      new FakeChat((r) => {
        if (r.method === 'chat.spaces.messages.reactions.list') return ok(reactions.length ? { reactions } : {});
        if (r.method === 'chat.spaces.messages.reactions.create')
          reactions.push({ name: 'spaces/AAA/messages/m/reactions/r1' });
        if (r.method === 'chat.spaces.messages.reactions.delete') reactions.pop();
        return ok({});
      }),
    );
    deps.state.set('sidebar:selfId', 'users/7');
    const people = new PeopleBook(deps.state, deps.cache, deps.identity);
    expect(toggleReaction(deps, people, { message: 'spaces/AAA/messages/m', emoji: '👍' }).message).toBe('Reacted 👍.');
    expect(toggleReaction(deps, people, { message: 'spaces/AAA/messages/m', emoji: '👍' }).message).toBe(
      'Took back your 👍.',
    );
    expect(deps.chat.requests[0].query?.filter).toBe('emoji.unicode = "👍" AND user.name = "users/7"');
    expect(toggleReaction(deps, people, { message: 'spaces/AAA/messages/m', emoji: '💩' }).ok).toBe(false);
  });
});

describe('space details', () => {
  const space = {
    name: SPACE,
    spaceType: 'SPACE',
    displayName: 'Old',
    spaceDetails: { description: 'd', guidelines: 'g' },
    spaceHistoryState: 'HISTORY_ON',
  };
  it('sends only what changed, history in its own request', () => {
    const deps = fakeDeps(new FakeChat((r) => (r.method === 'chat.spaces.get' ? ok(space) : ok(space))));
    const outcome = saveDetails(deps, {
      space: SPACE,
      displayName: 'New',
      description: 'd',
      guidelines: 'g2',
      history: 'off',
    });
    expect(outcome.message).toBe('Saved the name, guidelines and history (now off).');
    const patches = deps.chat.requests.filter((r) => r.method === 'chat.spaces.patch');
    expect(patches.map((p) => p.query?.updateMask)).toEqual(['display_name,space_details', 'space_history_state']);
    expect(patches[0].body).toEqual({ displayName: 'New', spaceDetails: { description: 'd', guidelines: 'g2' } });
  });
  it('says nothing changed, and rejects overlong or empty names', () => {
    const deps = fakeDeps(new FakeChat(() => ok(space)));
    expect(
      saveDetails(deps, { space: SPACE, displayName: 'Old', description: 'd', guidelines: 'g', history: 'on' }).message,
    ).toBe('Nothing changed.');
    expect(
      saveDetails(deps, { space: SPACE, displayName: '', description: 'd', guidelines: 'g', history: '' }).message,
    ).toContain('Space name is empty');
    expect(
      saveDetails(deps, { space: SPACE, displayName: 'x'.repeat(129), description: 'd', guidelines: 'g', history: '' })
        .message,
    ).toContain('at most 128');
  });
});

describe('space card and read state', () => {
  it('reads the card in one batch, flags unread messages from others, and marks read', () => {
    const deps = fakeDeps(
      new FakeChat((r) => {
        switch (r.method) {
          case 'chat.spaces.get':
            return ok({ name: SPACE, spaceType: 'SPACE', displayName: 'S' });
          case 'chat.spaces.members.list':
            return ok({
              memberships: [
                {
                  name: `${SPACE}/members/7`,
                  member: { name: 'users/7', type: 'HUMAN' },
                  role: 'ROLE_MANAGER',
                  state: 'JOINED',
                },
              ],
              nextPageToken: 'n',
            });
          case 'chat.spaces.messages.list':
            return ok({
              messages: [
                {
                  name: `${SPACE}/messages/2`,
                  sender: { name: 'users/8' },
                  text: 'new',
                  createTime: '2026-01-05T10:00:00Z',
                },
                {
                  name: `${SPACE}/messages/1`,
                  sender: { name: 'users/7' },
                  text: 'mine',
                  createTime: '2026-01-05T10:00:00Z',
                },
                {
                  name: `${SPACE}/messages/0`,
                  sender: { name: 'users/8' },
                  text: 'old',
                  createTime: '2026-01-05T08:00:00Z',
                },
              ],
            });
          case 'chat.users.spaces.getSpaceReadState':
            return ok({ lastReadTime: '2026-01-05T09:00:00Z' });
          case 'chat.spaces.members.get':
            return ok({ member: { name: 'users/7' } });
          default:
            return ok();
        }
      }),
    );
    const data = loadSpaceCard(deps, new PeopleBook(deps.state, deps.cache, deps.identity), { space: SPACE });
    expect(deps.chat.batches).toBe(1);
    expect(data.unreadCount).toBe(1);
    expect(data.messages.rows.map((r) => [r.message.text, r.own, r.unread])).toEqual([
      ['new', false, true],
      ['mine', true, false],
      ['old', false, false],
    ]);
    expect(data.members.rows[0]).toMatchObject({ isSelf: true, label: 'You (me@example.com)' });
    expect(data.members.nextPageToken).toBe('n');
    expect(markAsRead(deps, SPACE).ok).toBe(true);
    expect(deps.chat.requests[deps.chat.requests.length - 1]).toMatchObject({
      resource: readStateName(SPACE),
      query: { updateMask: 'lastReadTime' },
      body: { lastReadTime: new Date(deps.clock.ms).toISOString() },
    });
    expect(anonymous('users/123456789012')).toBe('Person 12345678…');
  });
});

describe('settings', () => {
  it('defaults, validates the time zone, and round-trips', () => {
    const deps = fakeDeps();
    expect(loadSettings(deps.state)).toEqual(DEFAULT_SETTINGS);
    expect(
      saveSettings(deps.state, {
        memberSyncDefault: 'exact',
        sendAtTimeZone: 'Nowhere/City',
        confirmDestructive: false,
      }).ok,
    ).toBe(false);
    expect(
      saveSettings(deps.state, { memberSyncDefault: 'exact', sendAtTimeZone: 'Asia/Tokyo', confirmDestructive: false })
        .ok,
    ).toBe(true);
    expect(loadSettings(deps.state)).toEqual({
      memberSyncDefault: 'exact',
      sendAtTimeZone: 'Asia/Tokyo',
      confirmDestructive: false,
    });
    deps.state.set('sidebar:settings', '{broken');
    expect(loadSettings(deps.state)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('schedules', () => {
  const def: ScheduleDefinition = {
    id: 'members',
    title: 'Sync members',
    description: '',
    handler: 'runScheduledMemberSync',
    available: true,
  };

  it('keeps one trigger per handler, serves several spreadsheets, and shows the next run', () => {
    const deps = fakeDeps();
    const installedAt = deps.clock.ms;
    expect(installSchedule(deps, def, 2, 'ss1').message).toBe('Sync members: on, every 2 hours.');
    deps.clock.ms += 30 * 60_000;
    expect(installSchedule(deps, def, 4, 'ss2').message).toContain('also for 1 other spreadsheet');
    expect(deps.scheduler.triggers.filter((t) => t.handler === def.handler)).toHaveLength(1);
    expect(deps.scheduler.triggers[0].minutes).toBe(240);
    expect(scheduledSpreadsheets(deps.state, 'members')).toEqual(['ss1', 'ss2']);
    const overview = schedulesOverview(deps, [def], 'ss1').schedules[0];
    expect(overview).toMatchObject({
      on: true,
      onHere: true,
      otherSpreadsheets: 1,
      everyHours: 4,
      nextRunAt: deps.clock.ms + 4 * 3_600_000,
    });
    expect(nextRun(installedAt, 1, installedAt + 90 * 60_000)).toBe(installedAt + 2 * 3_600_000);
    expect(removeSchedule(deps, def, 'ss1').message).toContain('still on for 1 other spreadsheet');
    expect(deps.scheduler.triggers).toHaveLength(1);
    expect(removeSchedule(deps, def, 'ss2').message).toBe('Sync members: off.');
    expect(deps.scheduler.triggers).toHaveLength(0);
  });

  it('replaces stray triggers of the handler, refuses intervals under an hour, and stays under 20 triggers', () => {
    const deps = fakeDeps();
    deps.scheduler.scheduleEvery(def.handler, 60);
    deps.scheduler.scheduleEvery(def.handler, 120);
    installSchedule(deps, def, 1, 'ss1');
    expect(deps.scheduler.triggers.filter((t) => t.handler === def.handler)).toHaveLength(1);
    expect(installSchedule(deps, def, 0.5, 'ss1').ok).toBe(false);
    for (let i = 0; i < 18; i++) deps.scheduler.scheduleOnce(`other${i}`);
    const refused = installSchedule(deps, def, 1, 'ss1');
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('Apps Script allows 20');
    expect(installSchedule(deps, { ...def, available: false }, 1, 'ss1').ok).toBe(false);
  });
});

describe('jobs', () => {
  const job: JobState = {
    id: 'j',
    kind: 'apply-spaces',
    spreadsheetId: 's',
    tab: 'Spaces',
    startedAt: 1,
    counts: { Created: 3, Failed: 1 },
    apiCalls: 10,
    quotaWaitMs: 5000,
    retries: 0,
    rateLimited: 0,
    executions: 2,
    activeMs: 1,
    nextAt: 99,
    maxGapMs: 0,
    triggerIds: [],
    errors: Array.from({ length: 12 }, (_, i) => ({ row: i + 2, message: 'bad' })),
  };
  it('reports rows done out of the total, errors capped', () => {
    const p = jobProgress(job, 'Apply spaces', 40);
    expect(p).toMatchObject({ state: 'running', rowsDone: 4, rowsTotal: 40, nextAt: 99, moreErrors: 2 });
    expect(p.errors).toHaveLength(10);
    expect(jobProgress({ ...job, rowIds: ['a', 'b'] }, 't', 40).rowsTotal).toBe(2);
    expect(jobProgress({ ...job, finishedAt: 5, cancelled: true }, 't', 40)).toMatchObject({
      state: 'cancelled',
      nextAt: undefined,
    });
  });
  it('does not start a run this build has no job for', () => {
    const runner = {
      current: () => undefined,
      last: () => undefined,
      start: jest.fn(),
      resume: jest.fn(),
      cancel: jest.fn(),
    };
    expect(queueJob(runner, { id: 'send', label: 'Send', tab: 'Messages', title: 'Send messages' }, {}).ok).toBe(false);
    expect(runner.start).not.toHaveBeenCalled();
  });
});

describe('summaries', () => {
  it('lists a few names then counts, and tells each cause once', () => {
    expect(names(['a', 'b'])).toBe('a and b');
    expect(names(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d, e and 1 other');
    const summary = new FailureSummary();
    summary.add(
      'add',
      { httpStatus: 400, status: 'FAILED_PRECONDITION', message: 'x@example.com has Chat off' },
      'x@example.com',
      (w) => `add ${w}`,
    );
    summary.add(
      'add',
      { httpStatus: 400, status: 'FAILED_PRECONDITION', message: 'y@example.com has Chat off' },
      'y@example.com',
      (w) => `add ${w}`,
    );
    summary.add(
      'role',
      { httpStatus: 403, status: 'PERMISSION_DENIED', message: 'no' },
      'z@example.com',
      (w) => `make ${w} owner`,
    );
    summary.note('Group g@example.com was not found.');
    expect(summary.sentencesWith((f, action) => `${action}: ${f.status}`)).toEqual([
      'Group g@example.com was not found.',
      'add x@example.com and y@example.com: FAILED_PRECONDITION',
      'make z@example.com owner: PERMISSION_DENIED',
    ]);
  });
});
