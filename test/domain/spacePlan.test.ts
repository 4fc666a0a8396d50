/**
 * The space planner: what a Spaces row turns into (setup with up to 49 members, the rest after; patches grouped by
 * the update-mask rules; roles; welcome message) and the preview sentence users read.
 */
import type { DesiredSpace } from '../../src/domain/model';
import { describePlan, planCreate, planUpdate, planWrites, type ObservedSpace } from '../../src/domain/spacePlan';

function desired(over: Partial<DesiredSpace> = {}): DesiredSpace {
  return {
    row: 2,
    rowId: 'r-0000000001',
    type: 'SPACE',
    displayName: 'Engineering',
    people: [],
    groups: [],
    managers: [],
    owners: [],
    externalUserAllowed: false,
    announcement: false,
    memberSync: 'add-only',
    tags: [],
    cells: {},
    ...over,
  };
}

const people = (n: number, domain = 'example.com') => Array.from({ length: n }, (_, i) => `p${i}@${domain}`);
const RUNNER = 'admin@example.com';
const ORG = ['example.com'];

describe('planCreate', () => {
  test('57 members: 49 go into spaces.setup, 8 are added after, as the preview says', () => {
    const row = desired({ people: people(57), managers: ['p0@example.com', 'p1@example.com'], welcomeMessage: 'Hi' });
    const plan = planCreate(row, new Map(), ORG, RUNNER);
    expect(plan.create?.setupMembers).toHaveLength(49);
    expect(plan.addPeople).toHaveLength(8);
    expect(plan.roleChanges).toEqual([
      { email: 'p0@example.com', role: 'ROLE_ASSISTANT_MANAGER' },
      { email: 'p1@example.com', role: 'ROLE_ASSISTANT_MANAGER' },
    ]);
    expect(describePlan(plan)).toBe(
      'Create with 57 members (49 at setup, 8 after), make 2 managers, post welcome message',
    );
    expect(planWrites(plan)).toBe(1 + 8 + 2 + 1);
  });

  test('the runner is never listed (Chat adds the caller itself) and external people are added after setup', () => {
    const row = desired({ people: [RUNNER, 'a@example.com', 'x@gmail.com'], externalUserAllowed: true });
    const plan = planCreate(row, new Map(), ORG, RUNNER);
    expect(plan.create?.setupMembers).toEqual(['users/a@example.com']);
    expect(plan.addPeople).toEqual(['x@gmail.com']);
    expect(plan.create?.space).toMatchObject({
      externalUserAllowed: true,
      spaceType: 'SPACE',
      displayName: 'Engineering',
    });
  });

  test('groups travel as groups/{id}; announcement and discoverable become creation settings', () => {
    const row = desired({
      groups: ['eng@example.com'],
      announcement: true,
      discoverable: true,
      history: 'HISTORY_OFF',
    });
    const plan = planCreate(row, new Map([['eng@example.com', 'groups/123']]), ORG, RUNNER);
    expect(plan.create?.setupMembers).toEqual(['groups/123']);
    expect(plan.create?.space).toMatchObject({
      predefinedPermissionSettings: 'ANNOUNCEMENT_SPACE',
      accessSettings: { audience: 'audiences/default' },
      spaceHistoryState: 'HISTORY_OFF',
    });
  });

  test('a group chat has no display name and takes its people at setup', () => {
    const plan = planCreate(
      desired({ type: 'GROUP_CHAT', displayName: undefined, people: ['a@example.com', 'b@example.com'] }),
      new Map(),
      ORG,
      RUNNER,
    );
    expect(plan.create?.space).toEqual({ spaceType: 'GROUP_CHAT' });
    expect(plan.create?.setupMembers).toEqual(['users/a@example.com', 'users/b@example.com']);
  });
});

describe('planUpdate', () => {
  const observed: ObservedSpace = {
    name: 'spaces/AAA',
    type: 'SPACE',
    displayName: 'Engineering',
    description: 'old',
    guidelines: 'rules',
    history: 'HISTORY_ON',
    discoverable: false,
    externalUserAllowed: false,
  };
  const none = { people: new Map(), groups: new Set<string>() };

  test('a matching space needs no write at all ("Up to date")', () => {
    const plan = planUpdate(
      desired({ description: 'old', guidelines: 'rules' }),
      observed,
      none,
      new Map(),
      ORG,
      RUNNER,
      false,
    );
    expect(planWrites(plan)).toBe(0);
    expect(describePlan(plan)).toBe('Up to date');
  });

  test('description sends space_details with guidelines too; history and audience each go alone', () => {
    const plan = planUpdate(
      desired({ description: 'new', history: 'HISTORY_OFF', discoverable: true }),
      observed,
      none,
      new Map(),
      ORG,
      RUNNER,
      false,
    );
    expect(plan.patches.map((p) => p.updateMask)).toEqual([
      'space_details',
      'access_settings.audience',
      'space_history_state',
    ]);
    expect(plan.patches[0].space).toEqual({ spaceDetails: { description: 'new', guidelines: 'rules' } });
    expect(describePlan(plan)).toBe('Update description, make discoverable, turn history off');
  });

  test('members present are not re-added; members absent from the row are not removed; roles only upgraded as asked', () => {
    const present = new Map([
      ['a@example.com', { name: 'spaces/AAA/members/1', role: 'ROLE_MEMBER' as const, state: 'JOINED' as const }],
    ]);
    const row = desired({ people: ['a@example.com', 'b@example.com'], managers: ['a@example.com'] });
    const plan = planUpdate(row, observed, { people: present, groups: new Set() }, new Map(), ORG, RUNNER, false);
    expect(plan.addPeople).toEqual(['b@example.com']);
    expect(plan.roleChanges).toEqual([{ email: 'a@example.com', role: 'ROLE_ASSISTANT_MANAGER' }]);
    expect(describePlan(plan)).toBe('Add 1 member, make 1 manager');
  });

  test('external people cannot join a space created without external users: reported, not attempted', () => {
    const plan = planUpdate(desired({ people: ['x@gmail.com'] }), observed, none, new Map(), ORG, RUNNER, false);
    expect(plan.addPeople).toEqual([]);
    expect(describePlan(plan)).toContain('x@gmail.com (external; this space does not allow external users)');
  });

  test('the welcome message is planned only while it may still be owed', () => {
    const row = desired({ description: 'old', guidelines: 'rules', welcomeMessage: 'Hi' });
    expect(planUpdate(row, observed, none, new Map(), ORG, RUNNER, true).welcome).toBe(true);
    expect(planUpdate(row, observed, none, new Map(), ORG, RUNNER, false).welcome).toBe(false);
  });
});
