/**
 * The messages export workload for the fault soak: a Spaces tab of a few existing spaces holding hundreds of
 * messages each (several pages of messages.list, one thread read-state lookup per thread), some of them older than
 * the window the user types into the export's prompt ("60 days"), next to a space the runner belongs to that is not
 * on the Spaces tab. Afterwards the Messages (export) tab must hold every message of the window of the Spaces-tab
 * spaces exactly once, with its space and text, and nothing else; the Log must show the export done; and Chat must
 * be exactly as it was (an export only reads).
 */
import type { SeededRandom } from '../../../emulator/core/rng';
import type { SpaceSnapshot } from '../../../emulator/chat';
import { readRows, type World } from '../../../bench/world';
import type { SoakWorkload } from '../soak';

const RUNNER = 'admin@example.com';
const TAB = 'Messages (export)';
/** Inside the 60-day window the user asks for (the virtual clock starts on 2026-01-05). */
const RECENT = Date.UTC(2025, 11, 10, 8, 0, 0);
/** Outside it. */
const OLD = Date.UTC(2025, 8, 1, 8, 0, 0);

interface ExportPlan {
  names: string[];
  /** Messages each Spaces-tab space holds inside the window, and outside it. */
  recent: number[];
  old: number[];
}

function messages(displayName: string, recent: number, old: number, rng: SeededRandom) {
  const at = (base: number, k: number) => new Date(base + k * 37_000).toISOString();
  const sender = (k: number) => (k % 3 ? `peer${k % 4}@example.com` : RUNNER);
  return [
    ...Array.from({ length: old }, (_, k) => ({
      sender: sender(k),
      text: `Old ${k} of ${displayName}`,
      createTime: at(OLD, k),
    })),
    ...Array.from({ length: recent }, (_, k) => ({
      sender: sender(k),
      // Some texts look like formulas: the export must write them as text.
      text: k % 50 === 7 ? `=HYPERLINK("x${k}")` : `Note ${k} of ${displayName}: ${rng.string(12, 'abc xyz')}`,
      createTime: at(RECENT, k),
    })),
  ];
}

export const messagesExport: SoakWorkload = {
  id: 'messages-export',
  entryPoints: ['exportMessages'],
  start: 'exportMessages',
  smokeSeeds: [3, 10],
  answer: (request) => (request.kind === 'prompt' ? { button: 'OK', text: '60 days' } : undefined),
  // Under the soak's 429 storms an execution works for minutes (one read-state lookup per thread, each refused
  // while a storm lasts), so the default kills (30 % of executions, up to 5 minutes in) already land inside them.
  setup(rng) {
    const tag = rng.string(4, 'abcdefghij');
    const n = rng.int(2, 4);
    const names = Array.from({ length: n }, (_, i) => `Archive ${i + 1} ${tag}`);
    const p: ExportPlan = {
      names,
      recent: names.map(() => rng.int(80, 260)),
      old: names.map(() => rng.int(0, 30)),
    };
    const space = (displayName: string, recent: number, old: number) => ({
      displayName,
      spaceType: 'SPACE' as const,
      createTime: '2025-08-01T10:00:00Z',
      members: [
        { email: RUNNER, role: 'ROLE_MANAGER' as const },
        ...[0, 1, 2, 3].map((k) => ({ email: `peer${k}@example.com` })),
      ],
      messages: messages(displayName, recent, old, rng),
    });
    return {
      expected: p,
      directory: {
        spaces: [
          ...names.map((name, i) => space(name, p.recent[i], p.old[i])),
          space(`Not exported ${tag}`, rng.int(10, 60), 0),
        ],
      },
      tabs: (chat) => {
        const ids = new Map(chat.snapshot().map((s) => [s.displayName ?? '', s.name]));
        return {
          Spaces: [
            ['Space name', 'Space ID', 'Status'],
            ...names.map((name) => [name, ids.get(name) ?? '', 'Created']),
          ],
        };
      },
    };
  },
  runAgain(world) {
    // The user reads the Log: the export's last run must say Done.
    const last = readRows(world, 'Log')
      .filter((r) => r.Action === 'Export messages')
      .pop();
    return last?.Status !== 'Done';
  },
  verify(world, before, expected) {
    return verifyExport(world, before, expected as ExportPlan);
  },
};

function verifyExport(world: World, before: SpaceSnapshot[], p: ExportPlan): string[] {
  const problems: string[] = [];
  const after = world.chat.snapshot();
  if (JSON.stringify(after) !== JSON.stringify(before)) problems.push('Chat changed during an export');
  const windowStart = new Date(RECENT).toISOString();
  const wanted = new Map<string, { space: string; text: string }>();
  for (const s of before) {
    if (!p.names.includes(s.displayName ?? '')) continue;
    for (const m of s.messages)
      if (String(m.createTime) >= windowStart) wanted.set(String(m.name), { space: s.name, text: String(m.text) });
  }
  const expectedCount = p.recent.reduce((a, b) => a + b, 0);
  if (wanted.size !== expectedCount)
    problems.push(`setup: ${wanted.size} messages in the window, ${expectedCount} planned`);
  const rows = readRows(world, TAB);
  const seen = new Map<string, number>();
  let wrong = 0;
  let stray = 0;
  for (const r of rows) {
    const id = r['Message ID'];
    seen.set(id, (seen.get(id) ?? 0) + 1);
    const w = wanted.get(id);
    if (!w) stray++;
    else if (r['Space ID'] !== w.space || r.Text !== w.text) wrong++;
  }
  const twice = [...seen.values()].filter((n) => n > 1).length;
  const missing = [...wanted.keys()].filter((id) => !seen.has(id)).length;
  if (twice) problems.push(`${twice} messages exported more than once`);
  if (missing) problems.push(`${missing} of ${wanted.size} messages missing from the export`);
  if (stray) problems.push(`${stray} exported rows are not messages of the window (old, or of a space off the sheet)`);
  if (wrong) problems.push(`${wrong} exported rows have the wrong space or text`);
  const last = readRows(world, 'Log')
    .filter((r) => r.Action === 'Export messages')
    .pop();
  if (last?.Status !== 'Done') problems.push(`the Log's last export reads ${last?.Status}: ${last?.Errors}`);
  return problems;
}
