/**
 * A row still in flight when an execution stops is done again by the next one, and its spaces.setup (same
 * requestId) answers with the space as it is by then. When people were already added after setup, the next
 * execution must add only those still missing: re-sending every members.create would be answered "already a
 * member" each time, and each of those refusals spends the membership-write quota (300 a minute for the whole
 * project) that bounds a large onboarding.
 */
import { addOnProject, buildWorld, readRows } from '../../bench/world';

const PEOPLE = 60;
const names = ['North', 'South'];
const peopleOf = (name: string) => Array.from({ length: PEOPLE }, (_, j) => `${name.toLowerCase()}${j}@example.com`);

test('a setup replayed after a stop adds only the people still missing, each once', () => {
  const w = buildWorld({
    project: addOnProject(),
    mode: 'bound',
    directory: {},
    tabs: {
      Spaces: [
        ['Space name', 'Members', 'Managers', 'Welcome message'],
        ...names.map((n) => [n, peopleOf(n).slice(1).join(', '), peopleOf(n)[0], 'Welcome to {{Space name}}']),
      ],
    },
  });
  // Setup adds 49 people in about 3 s and the other 11 follow in one batch; stopped just after that batch, before
  // the roles and the welcome message, both rows are still in flight.
  const first = w.runtime.execute('applySpaces', { killAt: { afterMs: 3_800 } });
  expect(first.error?.timeLimit).toBe(true);
  const addedBeforeStop = w.chat.requestLog.filter(
    (e) => e.methodId === 'chat.spaces.members.create' && e.status === 200,
  ).length;
  expect(addedBeforeStop).toBeGreaterThan(0);
  const rest = w.runtime.runUntilIdle({ maxExecutions: 10 });
  expect(rest.executions.filter((e) => e.error)).toEqual([]);

  expect(readRows(w, 'Spaces').map((r) => r.Status)).toEqual(['Created', 'Created']);
  for (const n of names) {
    const space = w.chat.findSpaceByDisplayName(n);
    const emails = space?.members.map((m) => m.email) ?? [];
    expect(new Set(emails).size).toBe(PEOPLE + 1);
    expect(peopleOf(n).every((e) => emails.includes(e))).toBe(true);
    expect(space?.members.find((m) => m.email === peopleOf(n)[0])?.role).toBe('ROLE_ASSISTANT_MANAGER');
    expect(space?.messages.map((m) => m.text)).toEqual([`Welcome to ${n}`]);
  }
  const creates = w.chat.requestLog.filter((e) => e.methodId === 'chat.spaces.members.create');
  // Nobody was added twice over: no create was answered "already a member".
  expect(creates.filter((e) => e.status === 409)).toEqual([]);
  expect(creates.filter((e) => e.status === 200)).toHaveLength(2 * (PEOPLE - 49));
});
