/**
 * The Spaces apply workload for the fault soak: a seeded Spaces tab of about two dozen rows (named spaces with up to
 * 70 people, so some need members.create after setup; managers and owners; descriptions and history; welcome
 * messages with placeholders; group chats; and a few invalid rows), next to spaces of the organisation that are not
 * on the sheet. Afterwards every valid row must read Created (or another final status) with its Space ID, the
 * space must exist once with every person, role and welcome message once; every invalid row must read Failed
 * with no space; and the spaces outside the sheet must be exactly as they were.
 */
import type { SeededRandom } from '../../../emulator/core/rng';
import type { SpaceSnapshot } from '../../../emulator/chat';
import { readRows, type World } from '../../../bench/world';
import type { SoakWorkload } from '../soak';

const RUNNER = 'admin@example.com';
const FINAL = new Set(['Created', 'Updated', 'Up to date', 'Linked existing']);
const HEADER = ['Space name', 'Type', 'Description', 'Members', 'Managers', 'Owners', 'History', 'Welcome message'];

interface RowSpec {
  name: string;
  type: 'Space' | 'Group chat' | 'Channel';
  description: string;
  members: string[];
  managers: string[];
  owners: string[];
  history: '' | 'On' | 'Off';
  welcome: string;
}

function people(rng: SeededRandom, prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, j) => `${prefix}.${j}.${rng.string(3, 'abcdefghij')}@example.com`);
}

function rowSpecs(rng: SeededRandom): RowSpec[] {
  const rows: RowSpec[] = [];
  const n = rng.int(18, 26);
  for (let i = 0; i < n; i++) {
    const kind = rng.next();
    const type: RowSpec['type'] = kind < 0.82 ? 'Space' : kind < 0.94 ? 'Group chat' : 'Channel';
    const size = type === 'Group chat' ? rng.int(2, 6) : [0, 3, 12, 48, 55, 70][rng.int(0, 5)];
    const named = type !== 'Group chat';
    rows.push({
      name: named ? `Soak ${i + 1} ${rng.string(5)}` : '',
      type,
      description: named && rng.chance(0.5) ? `Team ${i + 1}: ${rng.string(20, 'abc def ghi ')}`.trim() : '',
      members: people(rng, `m${i}`, size),
      managers: named ? people(rng, `mgr${i}`, rng.int(0, 2)) : [],
      owners: named && rng.chance(0.2) ? people(rng, `own${i}`, 1) : [],
      history: (['', 'On', 'Off'] as const)[rng.int(0, 2)],
      welcome: named && rng.chance(0.7) ? `Welcome to {{Space name}}, ${rng.string(6)}!` : '',
    });
  }
  return rows;
}

/** Organisation spaces that are not on the sheet (the runner is a member of some). */
function outsideSpaces(rng: SeededRandom) {
  return Array.from({ length: 3 }, (_, k) => ({
    displayName: `Outside ${k + 1} ${rng.string(4)}`,
    spaceType: 'SPACE' as const,
    createTime: '2025-11-01T10:00:00Z',
    members: [
      { email: k === 2 ? 'someone@example.com' : RUNNER, role: 'ROLE_MANAGER' as const },
      ...people(rng, `out${k}`, 4).map((email) => ({ email })),
    ],
    messages: [{ sender: 'someone@example.com', text: `Hello outside ${k + 1}`, createTime: '2025-11-02T10:00:00Z' }],
  }));
}

export const spacesApply: SoakWorkload = {
  id: 'spaces-apply',
  entryPoints: ['applySpaces'],
  start: 'applySpaces',
  smokeSeeds: [3, 7],
  setup(rng) {
    const rows = rowSpecs(rng);
    const directory = {
      users: [{ email: rows[0]?.members[0] ?? 'x@example.com', autoAccept: false }],
      spaces: outsideSpaces(rng),
    };
    return {
      expected: rows,
      directory,
      tabs: {
        Spaces: [
          HEADER,
          ...rows.map((r) => [
            r.name,
            r.type,
            r.description,
            r.members.join(', '),
            r.managers.join(', '),
            r.owners.join(', '),
            r.history,
            r.welcome,
          ]),
        ],
      },
    };
  },
  runAgain(world, expected) {
    const rows = expected as RowSpec[];
    // Valid rows not done: never reached (a killed first run), or failed for a temporary reason the Details name.
    return readRows(world, 'Spaces').some((r, i) => rows[i]?.type !== 'Channel' && !FINAL.has(r.Status));
  },
  verify(world, before, expected) {
    return verifySpaces(world, before, expected as RowSpec[]);
  },
};

function verifySpaces(world: World, before: SpaceSnapshot[], specs: readonly RowSpec[]): string[] {
  const problems: string[] = [];
  const sheet = readRows(world, 'Spaces');
  const after = world.chat.snapshot();
  const byName = new Map(after.map((s) => [s.name, s]));
  const outside = new Set(before.map((s) => s.name));
  const created = after.filter((s) => !outside.has(s.name));
  const claimed = new Set<string>();
  for (const [i, spec] of specs.entries()) {
    const row = sheet[i];
    const label = `row ${i + 2} (${spec.name || spec.type})`;
    if (!row) {
      problems.push(`${label} is gone from the sheet`);
      continue;
    }
    const before = problems.length;
    const note = () => {
      if (problems.length > before) problems[problems.length - 1] += ` [Status ${row.Status}: ${row.Details}]`;
    };
    if (spec.type === 'Channel') {
      if (row.Status !== 'Failed' || row['Space ID'] !== '') problems.push(`${label}: invalid row reads ${row.Status}`);
      continue;
    }
    if (!FINAL.has(row.Status)) {
      problems.push(`${label} ended "${row.Status}": ${row.Details}`);
      continue;
    }
    const space = byName.get(row['Space ID']);
    if (!space) {
      problems.push(`${label}: Space ID "${row['Space ID']}" is not a space`);
      continue;
    }
    if (claimed.has(space.name)) problems.push(`${label}: ${space.name} is claimed by two rows`);
    claimed.add(space.name);
    if (spec.name && space.displayName !== spec.name) problems.push(`${label}: space is named ${space.displayName}`);
    const members = new Map<string, (typeof space.members)[number][]>();
    for (const m of space.members) if (m.email) members.set(m.email, [...(members.get(m.email) ?? []), m]);
    for (const [email, list] of members) if (list.length > 1) problems.push(`${label}: ${email} is a member twice`);
    const want = [...spec.members, ...spec.managers, ...spec.owners];
    const missing = want.filter((e) => !members.has(e));
    if (missing.length) problems.push(`${label}: missing ${missing.length} people (${missing[0]}…)`);
    for (const e of spec.managers) {
      if (members.get(e)?.[0]?.role !== 'ROLE_ASSISTANT_MANAGER') problems.push(`${label}: ${e} is not a manager`);
    }
    for (const e of spec.owners) {
      if (members.get(e)?.[0]?.role !== 'ROLE_MANAGER') problems.push(`${label}: ${e} is not an owner`);
    }
    const welcome = spec.welcome.replace('{{Space name}}', spec.name);
    const posted = space.messages.filter((m) => m.text === welcome).length;
    if (spec.welcome && posted !== 1) problems.push(`${label}: welcome message posted ${posted} times`);
    if (!spec.welcome && space.messages.length) problems.push(`${label}: ${space.messages.length} unexpected messages`);
    if (
      spec.description &&
      (space.space.spaceDetails as { description?: string } | undefined)?.description !== spec.description
    )
      problems.push(`${label}: description not set`);
    if (spec.history) {
      const want = spec.history === 'On' ? 'HISTORY_ON' : 'HISTORY_OFF';
      if (space.space.spaceHistoryState !== want)
        problems.push(`${label}: history is ${String(space.space.spaceHistoryState)}`);
    }
    note();
  }
  const extra = created.filter((s) => !claimed.has(s.name));
  if (extra.length)
    problems.push(
      `${extra.length} spaces exist that no row links to (${extra.map((s) => s.displayName ?? s.name).join(', ')})`,
    );
  for (const b of before) {
    const a = byName.get(b.name);
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`space outside the sheet changed: ${b.displayName}`);
  }
  return problems;
}
