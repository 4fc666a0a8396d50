/**
 * Export: the members and the 20,000 messages of the runner's 200 spaces (100 messages and 31 members each) into
 * the Members (export) and Messages (export) tabs ("Export members", then "Export messages", whose prompt the user
 * answers "60 days": the seeded messages are from early December, the virtual clock starts on 5 January). Reads
 * only. The Thread read column needs one read-state lookup per thread (20,000 here, each seeded message being its
 * own thread), 3,000 a minute: that bucket bounds the export, not the list calls.
 */
import type { Outcome, Scenario } from '../scenario';
import { readRows, type World } from '../world';
import { existingSpaces } from './existingSpaces';

const SPACES = 200;
const MEMBERS = 30;
const MESSAGES = 100;

/** Spaces whose members (30 + the runner) and messages all appear, once, in the export tabs. */
function tally(world: World, membersTab: string, messagesTab: string, spaceIdColumn: string): Outcome {
  const count = (tab: string) => {
    const m = new Map<string, number>();
    for (const r of readRows(world, tab)) m.set(r[spaceIdColumn] ?? '', (m.get(r[spaceIdColumn] ?? '') ?? 0) + 1);
    return m;
  };
  const members = count(membersTab);
  const messages = count(messagesTab);
  let done = 0;
  let over = 0;
  for (const s of world.chat.snapshot()) {
    const nm = members.get(s.name) ?? 0;
    const ng = messages.get(s.name) ?? 0;
    if (nm === s.members.length && ng === s.messages.length) done++;
    if (nm > s.members.length || ng > s.messages.length) over++;
  }
  return {
    done,
    failed: 0,
    note: over ? `${over} space${over === 1 ? '' : 's'} exported with duplicate rows` : 'no duplicate rows',
  };
}

export const exportScenario: Scenario = {
  id: 'export',
  title: 'Export',
  description: `members and ${(SPACES * MESSAGES).toLocaleString('en-US')} messages of ${SPACES} spaces`,
  rows: SPACES,
  entryPoints: ['exportMembers', 'exportMessages'],
  setup: () => existingSpaces({ spaces: SPACES, members: MEMBERS, messages: MESSAGES }),
  answer: (request) => (request.kind === 'prompt' ? { button: 'OK', text: '60 days' } : undefined),
  minimalCalls: [
    { method: 'chat.spaces.list', count: 1 },
    { method: 'chat.spaces.members.list', count: SPACES },
    { method: 'chat.spaces.messages.list', count: SPACES },
    // The Thread read column: one read-state lookup per thread, and every seeded message starts its own thread.
    { method: 'chat.users.spaces.threads.getThreadReadState', count: SPACES * MESSAGES },
  ],
  outcome: (world) => tally(world, 'Members (export)', 'Messages (export)', 'Space ID'),
  baseline: {
    file: 'export.gs',
    entryPoint: 'exportAll',
    outcome: (world) => tally(world, 'Members (export)', 'Messages (export)', 'Space'),
  },
};
