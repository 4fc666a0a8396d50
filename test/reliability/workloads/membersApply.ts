/**
 * The Members apply workload for the fault soak: a seeded set of existing spaces on the Spaces tab, a Members tab
 * with adds (some as Manager) into single spaces, offboarding rows (`*` with Action Remove) for people who sit in
 * many of those spaces, one remove from a single space and one invalid row, next to spaces of the organisation that
 * are not on the Spaces tab and hold the same leavers. Afterwards every valid row must read a final status, each
 * add must be in its space once with its role, each leaver gone from every Spaces-tab space, everyone else where
 * they were; Chat must have carried out each membership change exactly once (counted from its space events, so a
 * remove-and-add-again or a second add shows even though the end state would look right); and the
 * spaces outside the sheet must be exactly as they were — leavers included, since `*` means the Spaces tab only.
 */
import type { SeededRandom } from '../../../emulator/core/rng';
import type { SpaceSnapshot } from '../../../emulator/chat';
import { readRows, type World } from '../../../bench/world';
import type { SoakWorkload } from '../soak';

const RUNNER = 'admin@example.com';
const FINAL = new Set(['Added', 'Invited', 'Updated', 'Up to date', 'Removed']);

interface MembersPlan {
  /** Space name of Spaces-tab space i. */
  names: string[];
  /** Members rows as entered. */
  rows: { space: string; member: string; role: string; action: 'Add' | 'Remove' | '' }[];
  /** Index of the invalid row (a malformed email): must fail with no change. */
  invalidRow: number;
  /** People who must be absent from every Spaces-tab space afterwards. */
  leavers: string[];
  /** [space name, email] removed from one space only. */
  singleRemove: [string, string];
  /** Adds by space name: email → Chat role. */
  adds: Map<string, Map<string, 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER'>>;
  /** Membership creates and deletes Chat must carry out, in total. */
  creates: number;
  deletes: number;
  /** Virtual epoch ms before the run (events from then on are the run's). */
  startedAt: number;
}

function plan(rng: SeededRandom): { plan: MembersPlan; spaces: ReturnType<typeof spaceInputs> } {
  const tag = rng.string(4, 'abcdefghij');
  const n = rng.int(5, 9);
  const leavers = Array.from({ length: rng.int(2, 3) }, (_, k) => `leaver${k}.${tag}@example.com`);
  const names = Array.from({ length: n }, (_, i) => `Crew ${i + 1} ${tag}`);
  const stayers = (i: number) => Array.from({ length: rng.int(2, 6) }, (_, j) => `stay${i}.${j}.${tag}@example.com`);
  // Each leaver is in most of the sheet's spaces and in the outside spaces.
  const leaversIn = names.map(() => leavers.filter(() => rng.chance(0.75)));
  const spaces = spaceInputs(
    names,
    leaversIn,
    names.map((_, i) => stayers(i)),
    leavers,
    tag,
  );
  const rows: MembersPlan['rows'] = [];
  const adds = new Map<string, Map<string, 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER'>>();
  let creates = 0;
  for (let i = 0; i < n; i++) {
    const count = rng.int(0, 4);
    for (let j = 0; j < count; j++) {
      const email = `new${i}.${j}.${tag}@example.com`;
      const manager = rng.chance(0.25);
      rows.push({
        space: names[i],
        member: email,
        role: manager ? 'Manager' : '',
        action: rng.chance(0.5) ? 'Add' : '',
      });
      const m = adds.get(names[i]) ?? new Map();
      m.set(email, manager ? 'ROLE_ASSISTANT_MANAGER' : 'ROLE_MEMBER');
      adds.set(names[i], m);
      creates++;
    }
  }
  let deletes = 0;
  for (const leaver of leavers) {
    rows.splice(rng.int(0, rows.length), 0, { space: '*', member: leaver, role: '', action: 'Remove' });
    deletes += leaversIn.filter((l) => l.includes(leaver)).length;
  }
  const target = rng.int(0, n - 1);
  const singleRemove: [string, string] = [names[target], spaces[target].members[1].email];
  rows.push({ space: singleRemove[0], member: singleRemove[1], role: '', action: 'Remove' });
  deletes++;
  const invalidRow = rng.int(0, rows.length);
  rows.splice(invalidRow, 0, { space: names[0], member: `not-an-email.${tag}`, role: '', action: 'Add' });
  const startedAt = Date.UTC(2026, 0, 1);
  return { plan: { names, rows, invalidRow, leavers, singleRemove, adds, creates, deletes, startedAt }, spaces };
}

function spaceInputs(names: string[], leaversIn: string[][], stayers: string[][], leavers: string[], tag: string) {
  const space = (displayName: string, emails: string[], owner = RUNNER) => ({
    displayName,
    spaceType: 'SPACE' as const,
    createTime: '2025-11-01T10:00:00Z',
    members: [{ email: owner, role: 'ROLE_MANAGER' as const }, ...emails.map((email) => ({ email }))],
  });
  return [
    ...names.map((name, i) => space(name, [...stayers[i], ...leaversIn[i]])),
    // Outside the Spaces tab: the runner manages one, someone else the other; both hold every leaver.
    space(`Outside A ${tag}`, [...leavers, `other.${tag}@example.com`]),
    space(`Outside B ${tag}`, [...leavers, RUNNER], `someone.${tag}@example.com`),
  ];
}

export const membersApply: SoakWorkload = {
  id: 'members-apply',
  entryPoints: ['applyMembers'],
  start: 'applyMembers',
  smokeSeeds: [4, 12],
  // A run takes seconds (a minute or more under a 429 storm): timed kills land in its first half-minute.
  killWithinMs: 30_000,
  killChance: 0.5,
  setup(rng) {
    const { plan: p, spaces } = plan(rng);
    return {
      expected: p,
      directory: { spaces },
      tabs: (chat) => {
        const ids = new Map(chat.snapshot().map((s) => [s.displayName ?? '', s.name]));
        return {
          Spaces: [['Space name', 'Space ID', 'Status'], ...p.names.map((n) => [n, ids.get(n) ?? '', 'Created'])],
          Members: [['Space', 'Member', 'Role', 'Action'], ...p.rows.map((r) => [r.space, r.member, r.role, r.action])],
        };
      },
    };
  },
  runAgain(world, expected) {
    const p = expected as MembersPlan;
    return readRows(world, 'Members').some((r, i) => i !== p.invalidRow && !FINAL.has(r.Status));
  },
  verify(world, before, expected) {
    return verifyMembers(world, before, expected as MembersPlan);
  },
};

function verifyMembers(world: World, before: SpaceSnapshot[], p: MembersPlan): string[] {
  const problems: string[] = [];
  const sheet = readRows(world, 'Members');
  if (sheet.length !== p.rows.length) problems.push(`the Members tab has ${sheet.length} rows, not ${p.rows.length}`);
  for (const [i, row] of sheet.entries()) {
    const label = `Members row ${i + 2} (${p.rows[i]?.space} ${p.rows[i]?.member})`;
    if (i === p.invalidRow) {
      if (row.Status !== 'Failed') problems.push(`${label}: invalid row reads ${row.Status}`);
    } else if (!FINAL.has(row.Status)) problems.push(`${label} ended "${row.Status}": ${row.Details}`);
  }
  const after = world.chat.snapshot();
  const beforeByName = new Map(before.map((s) => [s.displayName ?? '', s]));
  const sheetSpaces = new Set(p.names);
  for (const space of after) {
    const name = space.displayName ?? '';
    const was = beforeByName.get(name);
    if (!was) {
      problems.push(`a space appeared: ${name}`);
      continue;
    }
    if (!sheetSpaces.has(name)) {
      if (JSON.stringify(space) !== JSON.stringify(was)) problems.push(`space outside the sheet changed: ${name}`);
      continue;
    }
    const emails = space.members.map((m) => m.email ?? '');
    const dupes = emails.filter((e, k) => emails.indexOf(e) !== k);
    if (dupes.length) problems.push(`${name}: ${dupes[0]} is a member twice`);
    const adds = p.adds.get(name) ?? new Map<string, string>();
    for (const [email, role] of adds) {
      const m = space.members.find((x) => x.email === email);
      if (!m) problems.push(`${name}: ${email} was not added`);
      else if (m.role !== role) problems.push(`${name}: ${email} is ${m.role}, not ${role}`);
    }
    for (const leaver of p.leavers) if (emails.includes(leaver)) problems.push(`${name}: leaver ${leaver} is still in`);
    const removedHere = p.singleRemove[0] === name ? p.singleRemove[1] : undefined;
    if (removedHere && emails.includes(removedHere)) problems.push(`${name}: ${removedHere} was not removed`);
    // Everyone else who was there is still there, with the role they had.
    for (const m of was.members) {
      if (p.leavers.includes(m.email ?? '') || m.email === removedHere) continue;
      const now = space.members.find((x) => x.email === m.email);
      if (!now) problems.push(`${name}: ${m.email} was removed by mistake`);
      else if (now.role !== m.role) problems.push(`${name}: ${m.email}'s role changed`);
    }
    const strangers = emails.filter((e) => !adds.has(e) && !was.members.some((m) => m.email === e));
    if (strangers.length) problems.push(`${name}: ${strangers[0]} was added though no row asks for it`);
  }
  // Exactly once: Chat carried out each membership change once. A lost response still counts as carried out; a
  // retried create answered "already a member" or a retried delete answered "not found" records no event.
  const started = new Date(p.startedAt).toISOString();
  const events = world.chat.events().filter((e) => e.eventTime >= started);
  const count = (type: string) => events.filter((e) => e.eventType === `google.workspace.chat.membership.v1.${type}`);
  const creates = count('created').length;
  const deletes = count('deleted').length;
  if (creates !== p.creates) problems.push(`Chat carried out ${creates} membership creates, ${p.creates} expected`);
  if (deletes !== p.deletes) problems.push(`Chat carried out ${deletes} membership deletes, ${p.deletes} expected`);
  const roleChanges = count('updated').length;
  const managers = [...p.adds.values()].flatMap((m) => [...m.values()]).filter((r) => r !== 'ROLE_MEMBER').length;
  if (roleChanges > managers) problems.push(`${roleChanges} role changes for ${managers} managers added`);
  return problems;
}
