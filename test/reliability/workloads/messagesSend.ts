/**
 * The Messages send workload for the fault soak: a seeded Spaces tab of existing spaces (about half tagged `north`)
 * and a Messages tab with broadcasts to `*`, a message to `tag:north`, one to a single space and one invalid row (an
 * unknown placeholder), next to spaces the runner belongs to that are not on the Spaces tab. Afterwards every valid
 * row must read Sent with its Message ID, each target space must hold each of its messages exactly once with the
 * placeholders filled and the row's client message id, no other space may get any (the outside spaces must be
 * exactly as they were), and Chat must have recorded one "message created" event per message and target.
 */
import type { SeededRandom } from '../../../emulator/core/rng';
import type { SpaceSnapshot } from '../../../emulator/chat';
import { readRows, type World } from '../../../bench/world';
import type { SoakWorkload } from '../soak';

const RUNNER = 'admin@example.com';
const HEADER = ['Space', 'Message', 'Thread key', 'Send at', 'Attachment'];

interface MessagesPlan {
  /** Space names of the Spaces tab, and which are tagged north. */
  names: string[];
  north: boolean[];
  rows: { space: string; message: string }[];
  invalidRow: number;
  /** Per valid row: the space names it targets and the text each gets. */
  targets: Map<number, Map<string, string>>;
  /** Virtual epoch ms before the run. */
  startedAt: number;
}

function plan(rng: SeededRandom): MessagesPlan {
  const tag = rng.string(4, 'abcdefghij');
  const n = rng.int(8, 14);
  const names = Array.from({ length: n }, (_, i) => `Desk ${i + 1} ${tag}`);
  const north = names.map((_, i) => i === 0 || rng.chance(0.5));
  const rows: MessagesPlan['rows'] = [];
  const targets = new Map<number, Map<string, string>>();
  const fill = (template: string, name: string) => template.replace(/\{\{Space name\}\}/g, name);
  const add = (space: string, message: string, to: string[]) => {
    targets.set(rows.length, new Map(to.map((name) => [name, fill(message, name)])));
    rows.push({ space, message });
  };
  const broadcasts = rng.int(1, 2);
  for (let k = 0; k < broadcasts; k++) add('*', `Notice ${k + 1} (${tag}) for {{Space name}}`, names);
  add(
    'tag:north',
    `North update ${tag}: {{Space name}} meets at 10`,
    names.filter((_, i) => north[i]),
  );
  const single = names[rng.int(0, n - 1)];
  add(single, `Only for one desk, ${rng.string(6)}`, [single]);
  const invalidRow = rng.int(0, rows.length);
  rows.splice(invalidRow, 0, { space: '*', message: 'Budget for {{Budget}}' });
  // Targets are keyed by row index: shift those after the invalid row.
  const shifted = new Map([...targets].map(([i, t]) => [i >= invalidRow ? i + 1 : i, t]));
  return { names, north, rows, invalidRow, targets: shifted, startedAt: Date.UTC(2026, 0, 1) };
}

function spaces(p: MessagesPlan, rng: SeededRandom) {
  const space = (displayName: string, owner = RUNNER) => ({
    displayName,
    spaceType: 'SPACE' as const,
    createTime: '2025-11-01T10:00:00Z',
    members: [{ email: owner, role: 'ROLE_MANAGER' as const }, { email: `peer.${rng.string(4)}@example.com` }],
    messages: [{ sender: owner, text: `Earlier note in ${displayName}`, createTime: '2025-11-02T10:00:00Z' }],
  });
  return [...p.names.map((n) => space(n)), space(`Outside desk ${rng.string(4)}`), space(`Outside lounge`)];
}

export const messagesSend: SoakWorkload = {
  id: 'messages-send',
  entryPoints: ['sendMessages'],
  start: 'sendMessages',
  smokeSeeds: [4, 9],
  // A run takes seconds (a minute or more after a lost response's backoff): timed kills land in its first 15 s.
  killWithinMs: 15_000,
  killChance: 0.6,
  setup(rng) {
    const p = plan(rng);
    return {
      expected: p,
      directory: { spaces: spaces(p, rng) },
      tabs: (chat) => {
        const ids = new Map(chat.snapshot().map((s) => [s.displayName ?? '', s.name]));
        return {
          Spaces: [
            ['Space name', 'Type', 'Tags', 'Space ID', 'Status'],
            ...p.names.map((n, i) => [n, 'Space', p.north[i] ? 'north' : 'south', ids.get(n) ?? '', 'Created']),
          ],
          Messages: [HEADER, ...p.rows.map((r) => [r.space, r.message, '', '', ''])],
        };
      },
    };
  },
  runAgain(world, expected) {
    const p = expected as MessagesPlan;
    return readRows(world, 'Messages').some((r, i) => i !== p.invalidRow && r.Status !== 'Sent');
  },
  verify(world, before, expected) {
    return verifyMessages(world, before, expected as MessagesPlan);
  },
};

function verifyMessages(world: World, before: SpaceSnapshot[], p: MessagesPlan): string[] {
  const problems: string[] = [];
  const sheet = readRows(world, 'Messages');
  const after = world.chat.snapshot();
  const byName = new Map(after.map((s) => [s.displayName ?? '', s]));
  const beforeByName = new Map(before.map((s) => [s.name, s]));
  /** Messages posted during the run, per space display name. */
  const posted = new Map<string, { clientId: string; text: string }[]>();
  for (const s of after) {
    const old = new Set((beforeByName.get(s.name)?.messages ?? []).map((m) => m.name));
    posted.set(
      s.displayName ?? '',
      s.messages
        .filter((m) => !old.has(m.name))
        .map((m) => ({ clientId: String(m.clientAssignedMessageId ?? ''), text: String(m.text) })),
    );
  }
  let expectedTotal = 0;
  for (const [i, spec] of p.rows.entries()) {
    const row = sheet[i];
    const label = `Messages row ${i + 2} (${spec.space})`;
    if (!row) {
      problems.push(`${label} is gone`);
      continue;
    }
    if (i === p.invalidRow) {
      if (row.Status !== 'Failed') problems.push(`${label}: invalid row reads ${row.Status}`);
      continue;
    }
    if (row.Status !== 'Sent') problems.push(`${label} ended "${row.Status}": ${row.Details}`);
    // "client-…" alone, "spaces/…/messages/client-…", or "client-… in N spaces".
    const clientId = (row['Message ID'].split(' ')[0] ?? '').split('/').pop() ?? '';
    if (!clientId.startsWith('client-')) problems.push(`${label}: Message ID reads "${row['Message ID']}"`);
    for (const [space, text] of p.targets.get(i) ?? []) {
      expectedTotal++;
      const got = (posted.get(space) ?? []).filter((m) => m.text === text);
      if (got.length !== 1) problems.push(`${label}: ${space} got it ${got.length} times`);
      else if (got[0].clientId !== clientId)
        problems.push(`${label}: ${space} got it with id "${got[0].clientId}", not the row's ${clientId}`);
    }
  }
  // Nothing else was posted anywhere, and the spaces off the sheet are exactly as they were.
  for (const [space, list] of posted) {
    const wanted = new Set([...p.targets.values()].map((t) => t.get(space)).filter((t) => t !== undefined));
    const stray = list.filter((m) => !wanted.has(m.text));
    if (stray.length)
      problems.push(`${space || 'a space'} got ${stray.length} unexpected messages ("${stray[0].text}")`);
  }
  const onSheet = new Set(p.names);
  for (const b of before) {
    if (onSheet.has(b.displayName ?? '')) continue;
    if (JSON.stringify(byName.get(b.displayName ?? '')) !== JSON.stringify(b))
      problems.push(`space outside the sheet changed: ${b.displayName}`);
  }
  if (after.length !== before.length) problems.push(`${after.length - before.length} spaces appeared`);
  // Exactly once in Chat's own record: one "message created" event per message and target.
  const started = new Date(p.startedAt).toISOString();
  const created = world.chat
    .events()
    .filter((e) => e.eventTime >= started && e.eventType === 'google.workspace.chat.message.v1.created').length;
  if (created !== expectedTotal) problems.push(`Chat created ${created} messages, ${expectedTotal} expected`);
  return problems;
}
