/**
 * Onboarding: 1,000 new spaces of 60 people each (58 members and 2 managers), with a welcome message, from the
 * Spaces tab ("Apply to all rows"). The least work is 1,000 spaces.setup (49 people each), 11,000 members.create
 * for the rest, 2,000 role patches and 1,000 messages, so membership writes (300/min) bound it, not space writes.
 */
import type { Scenario } from '../scenario';
import { countStatuses, readRows } from '../world';

const SPACES = 1000;
const MEMBERS = 58;
const MANAGERS = 2;
const WELCOME = 'Welcome to {{Space name}}! Introduce yourself here.';

const nameOf = (i: number) => `Cohort ${String(i + 1).padStart(4, '0')}`;
const membersOf = (i: number) => Array.from({ length: MEMBERS }, (_, j) => `hire${i}.${j}@example.com`);
const managersOf = (i: number) => Array.from({ length: MANAGERS }, (_, j) => `lead${i}.${j}@example.com`);

export const onboarding: Scenario = {
  id: 'onboarding',
  title: 'Onboarding',
  description: `${SPACES.toLocaleString('en-US')} spaces × ${MEMBERS + MANAGERS} people (${MANAGERS} managers), welcome message each`,
  rows: SPACES,
  entryPoints: ['applySpaces'],
  setup: () => ({
    directory: {},
    tabs: {
      Spaces: [
        ['Space name', 'Members', 'Managers', 'Welcome message'],
        ...Array.from({ length: SPACES }, (_, i) => [
          nameOf(i),
          membersOf(i).join(', '),
          managersOf(i).join(', '),
          WELCOME,
        ]),
      ],
    },
  }),
  minimalCalls: [
    { method: 'chat.spaces.setup', count: SPACES },
    { method: 'chat.spaces.members.create', count: SPACES * (MEMBERS + MANAGERS - 49) },
    { method: 'chat.spaces.members.patch', count: SPACES * MANAGERS },
    { method: 'chat.spaces.messages.create', count: SPACES },
  ],
  outcome(world) {
    const rows = readRows(world, 'Spaces');
    const statuses = countStatuses(rows);
    const done = (statuses['Created'] ?? 0) + (statuses['Updated'] ?? 0) + (statuses['Up to date'] ?? 0);
    const problems = checkChat(world.chat.snapshot());
    return { done, failed: statuses['Failed'] ?? 0, note: problems.length ? problems.join('; ') : 'Chat matches' };
  },
  baseline: {
    file: 'onboarding.gs',
    entryPoint: 'onboardSpaces',
    outcome(world) {
      const statuses = countStatuses(readRows(world, 'Spaces'));
      const spaces = world.chat.snapshot().filter((s) => s.displayName?.startsWith('Cohort '));
      const half = spaces.filter((s) => s.members.length < MEMBERS + MANAGERS + 1 || s.messages.length !== 1);
      return {
        done: statuses['Created'] ?? 0,
        failed: statuses['Failed'] ?? 0,
        note: `${half.length} space${half.length === 1 ? '' : 's'} left half set up`,
      };
    },
  },
};

/** What must hold in Chat after the add-on ran: each space once, its people, 2 managers, one welcome message. */
function checkChat(snapshot: ReturnType<import('../../emulator/chat').ChatEmulator['snapshot']>): string[] {
  const problems: string[] = [];
  const byName = new Map<string, (typeof snapshot)[number][]>();
  for (const s of snapshot) if (s.displayName) byName.set(s.displayName, [...(byName.get(s.displayName) ?? []), s]);
  let missing = 0;
  let duplicated = 0;
  let wrong = 0;
  for (let i = 0; i < SPACES; i++) {
    const found = byName.get(nameOf(i)) ?? [];
    if (found.length === 0) missing++;
    if (found.length > 1) duplicated++;
    const s = found[0];
    if (!s) continue;
    const emails = new Set(s.members.map((m) => m.email));
    const managers = s.members.filter((m) => m.role === 'ROLE_ASSISTANT_MANAGER').length;
    const welcome = s.messages.length;
    if (![...membersOf(i), ...managersOf(i)].every((e) => emails.has(e)) || managers !== MANAGERS || welcome !== 1)
      wrong++;
  }
  if (missing) problems.push(`${missing} spaces missing`);
  if (duplicated) problems.push(`${duplicated} spaces duplicated`);
  if (wrong) problems.push(`${wrong} spaces with wrong members, roles or messages`);
  return problems;
}
