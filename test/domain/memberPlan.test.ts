import fc from 'fast-check';
import {
  planChanges,
  planSpaceMembers,
  refusalSentence,
  type CurrentMembership,
  type MemberPlan,
  type SpaceMembersInput,
  type WantedMember,
} from '../../src/domain/memberPlan';
import type { MemberRole } from '../../src/domain/model';

const ME = 'users/me';

function m(key: string, role: MemberRole = 'ROLE_MEMBER', state: 'JOINED' | 'INVITED' = 'JOINED'): CurrentMembership {
  return { key, name: `spaces/S/members/${key.split('/')[1]}`, role, state, group: key.startsWith('groups/') };
}

function plan(input: Partial<SpaceMembersInput>): MemberPlan {
  return planSpaceMembers({ current: [], wanted: [], remove: [], exact: false, runner: ME, ...input });
}

describe('planSpaceMembers', () => {
  it('adds who is missing, changes roles asked for, removes who a row removes', () => {
    const p = plan({
      current: [m(ME, 'ROLE_MANAGER'), m('users/ana'), m('users/ben', 'ROLE_ASSISTANT_MANAGER'), m('users/old')],
      wanted: [
        { key: 'users/ana', group: false, role: 'ROLE_ASSISTANT_MANAGER' },
        { key: 'users/ben', group: false },
        { key: 'users/new@x.com', group: false, role: 'ROLE_MANAGER' },
        { key: 'groups/eng', group: true, role: 'ROLE_MANAGER' },
      ],
      remove: ['users/old', 'users/nobody'],
    });
    expect(p.phase1).toEqual([
      { kind: 'add', key: 'groups/eng', group: true, role: 'ROLE_MEMBER' },
      {
        kind: 'role',
        key: 'users/ana',
        name: 'spaces/S/members/ana',
        from: 'ROLE_MEMBER',
        to: 'ROLE_ASSISTANT_MANAGER',
      },
      { kind: 'add', key: 'users/new@x.com', group: false, role: 'ROLE_MANAGER' },
    ]);
    expect(p.phase2).toEqual([{ kind: 'remove', key: 'users/old', name: 'spaces/S/members/old', why: 'row' }]);
    expect(p.refused).toEqual([]);
  });

  it('in Exact mode removes everyone not wanted, except the runner', () => {
    const p = plan({
      current: [m(ME, 'ROLE_MANAGER'), m('users/ana'), m('users/stray'), m('groups/g')],
      wanted: [{ key: 'users/ana', group: false }],
      exact: true,
    });
    expect(p.phase2.map((c) => [c.key, c.kind === 'remove' && c.why])).toEqual([
      ['groups/g', 'exact'],
      ['users/stray', 'exact'],
    ]);
    expect(p.refused).toEqual([]);
  });

  it('never removes the runner, even when a row asks', () => {
    const p = plan({ current: [m(ME, 'ROLE_MANAGER'), m('users/o', 'ROLE_MANAGER')], remove: [ME] });
    expect(planChanges(p)).toEqual([]);
    expect(p.refused).toEqual([{ key: ME, change: 'remove', why: 'runner' }]);
    expect(refusalSentence('me@x.com', p.refused[0])).toMatch(/^Not removed: me@x.com is you/);
  });

  it('keeps the last owner and says why; lets an owner go once another joined member is promoted', () => {
    const alone = plan({
      current: [m(ME, 'ROLE_ASSISTANT_MANAGER'), m('users/boss', 'ROLE_MANAGER')],
      remove: ['users/boss'],
    });
    expect(planChanges(alone)).toEqual([]);
    expect(alone.refused).toEqual([{ key: 'users/boss', change: 'remove', why: 'last-owner' }]);
    expect(refusalSentence('boss@x.com', alone.refused[0])).toContain('last owner and Chat requires one');

    const handover = plan({
      current: [m(ME, 'ROLE_ASSISTANT_MANAGER'), m('users/boss', 'ROLE_MANAGER'), m('users/next')],
      wanted: [{ key: 'users/next', group: false, role: 'ROLE_MANAGER' }],
      remove: ['users/boss'],
    });
    expect(handover.phase1.map((c) => c.kind)).toEqual(['role']);
    expect(handover.phase2.map((c) => c.key)).toEqual(['users/boss']);
  });

  it('Exact with the runner unknown removes no one', () => {
    const p = plan({ current: [m('users/a'), m('users/b')], exact: true, runner: undefined });
    expect(planChanges(p)).toEqual([]);
    expect(p.refused.map((r) => r.why)).toEqual(['runner-unknown', 'runner-unknown']);
  });
});

// ---- properties ----------------------------------------------------------------------------------------------

const ROLES: MemberRole[] = ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER'];
const KEYS = [ME, 'users/a', 'users/b', 'users/c', 'users/d', 'users/e', 'groups/g', 'groups/h'];

const arbCurrent = fc
  .uniqueArray(
    fc.record({
      key: fc.constantFrom(...KEYS),
      role: fc.constantFrom(...ROLES),
      state: fc.constantFrom<'JOINED' | 'INVITED'>('JOINED', 'INVITED'),
    }),
    { selector: (x) => x.key, maxLength: KEYS.length },
  )
  .map((xs) => xs.map((x) => m(x.key, x.key.startsWith('groups/') ? 'ROLE_MEMBER' : x.role, x.state)));

const arbWanted: fc.Arbitrary<WantedMember[]> = fc.array(
  fc
    .record({ key: fc.constantFrom(...KEYS), role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }) })
    .map((x) => ({
      key: x.key,
      group: x.key.startsWith('groups/'),
      role: x.role,
    })),
  { maxLength: 10 },
);

const arbInput: fc.Arbitrary<SpaceMembersInput> = fc.record({
  current: arbCurrent,
  wanted: arbWanted,
  remove: fc.array(fc.constantFrom(...KEYS), { maxLength: 5 }),
  exact: fc.boolean(),
  runner: fc.option(fc.constant(ME), { nil: undefined, freq: 5 }),
});

/** Applies a plan the way Chat would: phase 1, then phase 2; new members join or stay invited. */
function apply(
  current: readonly CurrentMembership[],
  p: MemberPlan,
  joins: (key: string) => boolean,
): CurrentMembership[] {
  const state = new Map(current.map((c) => [c.key, { ...c }]));
  const owners = () => [...state.values()].filter((c) => c.state === 'JOINED' && c.role === 'ROLE_MANAGER').length;
  for (const c of [...p.phase1, ...p.phase2]) {
    if (c.kind === 'add') {
      const added = m(c.key, 'ROLE_MEMBER', c.group || joins(c.key) ? 'JOINED' : 'INVITED');
      if (!c.group) added.role = c.role;
      state.set(c.key, added);
    } else {
      const target = state.get(c.key) as CurrentMembership;
      // Chat refuses to leave a space without an owner.
      const ownerLeaving =
        target.state === 'JOINED' && target.role === 'ROLE_MANAGER' && (c.kind === 'remove' || c.to !== 'ROLE_MANAGER');
      if (ownerLeaving && owners() <= 1) continue;
      if (c.kind === 'remove') state.delete(c.key);
      else target.role = c.to;
    }
  }
  return [...state.values()];
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('planSpaceMembers properties', () => {
  it('planning again after applying the plan yields no change', () => {
    fc.assert(
      fc.property(arbInput, fc.func(fc.boolean()), (input, joins) => {
        const after = apply(input.current, planSpaceMembers(input), joins);
        const again = planSpaceMembers({ ...input, current: after });
        expect(planChanges(again)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never removes or re-roles the runner, and never leaves a space that had a joined owner without one', () => {
    fc.assert(
      fc.property(arbInput, fc.func(fc.boolean()), (input, joins) => {
        const p = planSpaceMembers(input);
        for (const c of planChanges(p)) if (c.kind !== 'add') expect(c.key).not.toBe(input.runner ?? '-');
        const owners = (cs: readonly CurrentMembership[]) =>
          cs.filter((c) => c.state === 'JOINED' && c.role === 'ROLE_MANAGER').length;
        // Applied without Chat's own protection: the plan alone must keep an owner.
        const state = new Map(input.current.map((c) => [c.key, { ...c }]));
        for (const c of planChanges(p)) {
          if (c.kind === 'remove') state.delete(c.key);
          else if (c.kind === 'role') (state.get(c.key) as CurrentMembership).role = c.to;
          else state.set(c.key, { ...m(c.key, c.group ? 'ROLE_MEMBER' : c.role, joins(c.key) ? 'JOINED' : 'INVITED') });
        }
        const addedOwners = planChanges(p).filter((c) => c.kind === 'add' && c.role === 'ROLE_MANAGER' && !c.group);
        if (owners(input.current) > 0 && addedOwners.length === 0)
          expect(owners([...state.values()])).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of rows or of Chat’s listing', () => {
    fc.assert(
      fc.property(arbInput, fc.integer(), (input, seed) => {
        const shuffled = {
          ...input,
          current: shuffle(input.current, seed),
          wanted: shuffle(input.wanted, seed + 1),
          remove: shuffle(input.remove, seed + 2),
        };
        expect(planSpaceMembers(shuffled)).toEqual(planSpaceMembers(input));
      }),
      { numRuns: 500 },
    );
  });
});
