/**
 * Property-based tests (fast-check) of the Spaces planner (src/domain/spacePlan.ts). Chat is modelled as what the
 * planner compares (ObservedSpace and ObservedMembers), and a plan is applied to that model the way Chat applies
 * the calls: setup and members.create add joined members, patches set the fields their masks name, role changes
 * set roles. Properties: applying a plan and planning again plans no write (for new spaces and for existing ones
 * in any state); the plans of a tab do not depend on the order of its rows; and who ends up in a new space, with
 * which role, does not depend on the order people are listed in a cell.
 */
import fc from 'fast-check';
import type { DesiredSpace, MemberRole } from '../../src/domain/model';
import {
  planCreate,
  planUpdate,
  planWrites,
  type ObservedMembers,
  type ObservedMembership,
  type ObservedSpace,
  type SpacePlan,
} from '../../src/domain/spacePlan';
import { validateSpacesTab } from '../../src/domain/spaceRows';
import { readTable } from '../../src/domain/table';
import { SPACES_TAB } from '../../src/domain/tabs';

const RUNNER = 'admin@example.com';
const ORG = ['example.com'];
const POOL = [
  RUNNER,
  ...Array.from({ length: 60 }, (_, i) => `p${i}@example.com`),
  ...Array.from({ length: 6 }, (_, i) => `guest${i}@other.org`),
];
const GROUPS = Array.from({ length: 4 }, (_, i) => `team${i}@example.com`);
/** Groups the directory resolves (team3 is unknown: the planner must leave it out consistently). */
const GROUP_NAMES = new Map(GROUPS.slice(0, 3).map((g, i) => [g, `groups/0${i}abcdefghijklm`]));
const ROLES: MemberRole[] = ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER'];

const text = fc.string({ maxLength: 12 });
const history = fc.option(fc.constantFrom('HISTORY_ON' as const, 'HISTORY_OFF' as const), { nil: undefined });

const desiredArb: fc.Arbitrary<DesiredSpace> = fc
  .record({
    type: fc.constantFrom('SPACE' as const, 'SPACE' as const, 'GROUP_CHAT' as const),
    displayName: fc.string({ minLength: 1, maxLength: 20 }),
    description: fc.option(text, { nil: undefined }),
    guidelines: fc.option(text, { nil: undefined }),
    people: fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 70 }),
    managerCount: fc.nat(3),
    ownerCount: fc.nat(2),
    groups: fc.uniqueArray(fc.constantFrom(...GROUPS), { maxLength: 4 }),
    history,
    discoverable: fc.option(fc.boolean(), { nil: undefined }),
    externalUserAllowed: fc.boolean(),
    welcomeMessage: fc.option(text, { nil: undefined }),
  })
  .map((r) => {
    const space = r.type === 'SPACE';
    const managers = space ? r.people.slice(0, r.managerCount) : [];
    const owners = space ? r.people.slice(r.managerCount, r.managerCount + r.ownerCount) : [];
    return {
      row: 2,
      rowId: 'r-0000000001',
      type: r.type,
      displayName: space ? r.displayName : undefined,
      description: space ? r.description : undefined,
      guidelines: space ? r.guidelines : undefined,
      people: r.people,
      groups: space ? r.groups : [],
      managers,
      owners,
      history: r.history,
      discoverable: space ? r.discoverable : undefined,
      externalUserAllowed: space && r.externalUserAllowed,
      announcement: false,
      welcomeMessage: r.welcomeMessage,
      memberSync: 'add-only',
      tags: [],
      cells: {},
    };
  });

/** Chat's side of one space, as the planner sees it. */
interface Model {
  space: ObservedSpace;
  people: Map<string, ObservedMembership>;
  groups: Set<string>;
}

const members = (m: Model): ObservedMembers => ({ people: m.people, groups: m.groups });

/** Applies a plan's writes to the model, as Chat would. */
function apply(plan: SpacePlan, model: Model | undefined, desired: DesiredSpace): Model {
  let m = model;
  if (plan.create) {
    const s = plan.create.space as {
      displayName?: string;
      spaceDetails?: { description: string; guidelines: string };
      spaceHistoryState?: 'HISTORY_ON' | 'HISTORY_OFF';
      externalUserAllowed?: boolean;
      accessSettings?: { audience?: string };
    };
    m = {
      space: {
        name: 'spaces/new',
        type: desired.type,
        displayName: s.displayName,
        description: s.spaceDetails?.description,
        guidelines: s.spaceDetails?.guidelines,
        history: s.spaceHistoryState ?? 'HISTORY_ON',
        discoverable: !!s.accessSettings?.audience,
        externalUserAllowed: !!s.externalUserAllowed,
      },
      people: new Map(),
      groups: new Set(),
    };
    for (const who of plan.create.setupMembers) {
      if (who.startsWith('users/')) m.people.set(who.slice(6), joined(who.slice(6)));
      else m.groups.add(who);
    }
  }
  if (!m) throw new Error('an update plan needs an existing space');
  for (const p of plan.patches) {
    const body = p.space as {
      displayName?: string;
      spaceDetails?: { description: string; guidelines: string };
      spaceHistoryState?: 'HISTORY_ON' | 'HISTORY_OFF';
      accessSettings?: { audience?: string };
    };
    for (const field of p.updateMask.split(',')) {
      if (field === 'display_name') m.space.displayName = body.displayName;
      if (field === 'space_details') {
        m.space.description = body.spaceDetails?.description;
        m.space.guidelines = body.spaceDetails?.guidelines;
      }
      if (field === 'space_history_state') m.space.history = body.spaceHistoryState;
      if (field === 'access_settings.audience') m.space.discoverable = !!body.accessSettings?.audience;
    }
  }
  for (const e of plan.addPeople) m.people.set(e, joined(e));
  for (const g of plan.addGroups) m.groups.add(g);
  for (const c of plan.roleChanges) {
    const current = m.people.get(c.email);
    if (!current) throw new Error(`role change for ${c.email}, who is not a member`);
    m.people.set(c.email, { ...current, role: c.role });
  }
  return m;
}

function joined(email: string): ObservedMembership {
  return { name: `spaces/new/members/${email}`, role: 'ROLE_MEMBER', state: 'JOINED' };
}

/** An existing space in any state: other fields, some of the pool already in it with any role. */
const modelArb = (desired: DesiredSpace): fc.Arbitrary<Model> =>
  fc
    .record({
      displayName: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      description: fc.option(text, { nil: undefined }),
      guidelines: fc.option(text, { nil: undefined }),
      history: history,
      discoverable: fc.boolean(),
      externalUserAllowed: fc.boolean(),
      present: fc.uniqueArray(fc.constantFrom(...POOL.filter((p) => p !== RUNNER)), { maxLength: 40 }),
      roles: fc.array(fc.constantFrom(...ROLES), { minLength: 40, maxLength: 40 }),
      invited: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      groups: fc.uniqueArray(fc.constantFrom(...GROUP_NAMES.values()), { maxLength: 3 }),
    })
    .map((r) => ({
      space: {
        name: 'spaces/old',
        type: desired.type,
        displayName: desired.type === 'SPACE' ? r.displayName : undefined,
        description: r.description,
        guidelines: r.guidelines,
        history: r.history,
        discoverable: desired.type === 'SPACE' && r.discoverable,
        externalUserAllowed: desired.type === 'SPACE' && r.externalUserAllowed,
      },
      people: new Map(
        r.present.map((e, i) => [
          e,
          { name: `spaces/old/members/${i}`, role: r.roles[i], state: r.invited[i] ? 'INVITED' : 'JOINED' } as const,
        ]),
      ),
      groups: new Set(r.groups),
    }));

const replan = (d: DesiredSpace, m: Model) => planUpdate(d, m.space, members(m), GROUP_NAMES, ORG, RUNNER, false);

describe('applying a plan, then planning again, plans no write', () => {
  test('for a new space', () => {
    fc.assert(
      fc.property(desiredArb, (d) => {
        const plan = planCreate(d, GROUP_NAMES, ORG, RUNNER);
        const again = replan(d, apply(plan, undefined, d));
        expect(planWrites(again)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  test('for an existing space in any state', () => {
    fc.assert(
      fc.property(
        desiredArb.chain((d) => fc.tuple(fc.constant(d), modelArb(d), fc.boolean())),
        ([d, model, welcomePending]) => {
          const plan = planUpdate(d, model.space, members(model), GROUP_NAMES, ORG, RUNNER, welcomePending);
          const again = replan(d, apply(plan, model, d));
          expect(planWrites(again)).toBe(0);
          // The runner is never touched: not added, never given a role.
          expect([...plan.addPeople, ...plan.roleChanges.map((c) => c.email)]).not.toContain(RUNNER);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A Spaces tab grid from rows of [Space name, Members, Managers, Row ID]. */
function grid(rows: readonly (readonly string[])[]): string[][] {
  return [['Space name', 'Members', 'Managers', 'Row ID'], ...rows.map((r) => [...r])];
}

function plansOf(rows: readonly (readonly string[])[]): Map<string, string> {
  const tab = validateSpacesTab(readTable(SPACES_TAB, grid(rows)), {
    runnerEmail: RUNNER,
    newRowId: () => {
      throw new Error('every row has a Row ID');
    },
  });
  return new Map(tab.spaces.map((s) => [s.rowId, JSON.stringify(planCreate(s, GROUP_NAMES, ORG, RUNNER))] as const));
}

test('the plans of a tab do not depend on the order of its rows', () => {
  const rowArb = fc.record({
    people: fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 60 }),
    managers: fc.nat(2),
  });
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,14}$/), {
        minLength: 1,
        maxLength: 12,
        selector: (s) => s.trim().replace(/\s+/g, ' ').toLowerCase(),
      }),
      fc.array(rowArb, { minLength: 12, maxLength: 12 }),
      fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
      (names, specs, keys) => {
        const rows = names.map((name, i) => [
          name,
          specs[i].people.join(', '),
          specs[i].people.slice(0, specs[i].managers).join(', '),
          `r-${String(i).padStart(10, '0')}`,
        ]);
        const shuffled = rows
          .map((r, i) => ({ r, k: keys[i] }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        expect(plansOf(shuffled)).toEqual(plansOf(rows));
      },
    ),
    { numRuns: 150 },
  );
});

test('who ends up in a new space, and with which role, does not depend on the order people are listed in', () => {
  fc.assert(
    fc.property(
      desiredArb.chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray(d.people, { minLength: d.people.length }))),
      ([d, reordered]) => {
        const outcome = (x: DesiredSpace) => {
          const m = apply(planCreate(x, GROUP_NAMES, ORG, RUNNER), undefined, x);
          return [...m.people.entries()].map(([e, v]) => `${e}:${v.role}`).sort();
        };
        expect(outcome({ ...d, people: reordered })).toEqual(outcome(d));
      },
    ),
    { numRuns: 200 },
  );
});
