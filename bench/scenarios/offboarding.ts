/**
 * Offboarding: remove 200 people who leave from the 500 spaces of the Spaces tab, from 200 Members rows with
 * Space = `*` and Action = Remove ("Apply members"). Each space has 30 people, 8 of them leaving (each leaver is in
 * 20 spaces), so the least work is 500 member lists and 4,000 members.delete: membership writes (300/min) bound it.
 * The 22 people who stay in each space must still be there.
 */
import type { ChatEmulator } from '../../emulator/chat';
import type { Outcome, Scenario } from '../scenario';
import { countStatuses, readRows } from '../world';
import { existingSpaces } from './existingSpaces';

const SPACES = 500;
const LEAVERS = 200;
const PER_SPACE_LEAVING = 8;
const PER_SPACE_STAYING = 22;
const leaver = (k: number) => `leaver${k}@example.com`;
const leaversOf = (i: number) =>
  Array.from({ length: PER_SPACE_LEAVING }, (_, j) => leaver((i * PER_SPACE_LEAVING + j) % LEAVERS));
const stayersOf = (i: number) => Array.from({ length: PER_SPACE_STAYING }, (_, j) => `stay${i}.${j}@example.com`);

/** Leavers gone from every space count as done; stayers removed by mistake are reported. */
function tally(chat: ChatEmulator, failed: number): Outcome {
  const remaining = new Set<string>();
  let stayersLost = 0;
  const snapshot = chat.snapshot();
  for (const s of snapshot) {
    const emails = new Set(s.members.map((m) => m.email));
    for (let k = 0; k < LEAVERS; k++) if (emails.has(leaver(k))) remaining.add(leaver(k));
    const i = Number(/(\d+)$/.exec(s.displayName ?? '')?.[1] ?? 0) - 1;
    if (i >= 0) stayersLost += stayersOf(i).filter((e) => !emails.has(e)).length;
  }
  return {
    done: LEAVERS - remaining.size,
    failed,
    note: stayersLost ? `${stayersLost} people who stay were removed` : 'everyone who stays is still there',
  };
}

export const offboarding: Scenario = {
  id: 'offboarding',
  title: 'Offboarding',
  description: `remove ${LEAVERS} people from ${SPACES} spaces (Members rows with Space = * and Action = Remove)`,
  rows: LEAVERS,
  entryPoints: ['applyMembers'],
  setup() {
    const base = existingSpaces({ spaces: SPACES, members: 0, membersOf: (i) => [...stayersOf(i), ...leaversOf(i)] });
    const tabs = base.tabs;
    return {
      directory: base.directory,
      tabs: (chat) => ({
        ...(typeof tabs === 'function' ? tabs(chat) : tabs),
        Members: [
          ['Space', 'Member', 'Role', 'Action'],
          ...Array.from({ length: LEAVERS }, (_, k) => ['*', leaver(k), '', 'Remove']),
        ],
      }),
    };
  },
  minimalCalls: [
    { method: 'chat.spaces.members.list', count: SPACES },
    { method: 'chat.spaces.members.delete', count: SPACES * PER_SPACE_LEAVING },
  ],
  outcome: (world) => tally(world.chat, countStatuses(readRows(world, 'Members'))['Failed'] ?? 0),
  baseline: {
    file: 'offboarding.gs',
    entryPoint: 'removeLeavers',
    outcome: (world) => tally(world.chat, countStatuses(readRows(world, 'Members'))['Failed'] ?? 0),
  },
};
