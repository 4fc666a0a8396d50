/**
 * Broadcast: one templated message ({{Space name}}, {{Team lead}}) to the 1,000 spaces of the Spaces tab, from one
 * Messages row with Space = `*` ("Send messages"). Message writes allow 3,000 a minute, so the quota bound is a
 * fraction of a minute and latency, not quota, sets the pace.
 */
import type { ChatEmulator } from '../../emulator/chat';
import type { Outcome, Scenario } from '../scenario';
import { existingSpaces, spaceNameOf } from './existingSpaces';

const SPACES = 1000;
const TEMPLATE = 'Hello {{Space name}}! The all-hands moves to Thursday; {{Team lead}} has the details.';
const leadOf = (i: number) => `Lead ${i % 37}`;
const expected = (i: number) => TEMPLATE.replace('{{Space name}}', spaceNameOf(i)).replace('{{Team lead}}', leadOf(i));

/** Spaces that hold the rendered broadcast exactly once, and spaces where it is missing or doubled. */
function tally(chat: ChatEmulator): Outcome {
  const byName = new Map(chat.snapshot().map((s) => [s.displayName ?? '', s]));
  let done = 0;
  let duplicated = 0;
  for (let i = 0; i < SPACES; i++) {
    const n = (byName.get(spaceNameOf(i))?.messages ?? []).filter((m) => m.text === expected(i)).length;
    if (n >= 1) done++;
    if (n > 1) duplicated++;
  }
  return {
    done,
    failed: 0,
    note: duplicated ? `${duplicated} space${duplicated === 1 ? '' : 's'} got it twice or more` : 'no duplicates',
  };
}

export const broadcast: Scenario = {
  id: 'broadcast',
  title: 'Broadcast',
  description: `one templated message to ${SPACES.toLocaleString('en-US')} spaces (Messages row with Space = *)`,
  rows: SPACES,
  entryPoints: ['sendMessages'],
  setup() {
    const base = existingSpaces({ spaces: SPACES, members: 5, extra: { 'Team lead': leadOf } });
    const tabs = base.tabs;
    return {
      directory: base.directory,
      tabs: (chat) => ({
        ...(typeof tabs === 'function' ? tabs(chat) : tabs),
        Messages: [
          ['Space', 'Message'],
          ['*', TEMPLATE],
        ],
      }),
    };
  },
  minimalCalls: [{ method: 'chat.spaces.messages.create', count: SPACES }],
  outcome: (world) => tally(world.chat),
  baseline: { file: 'broadcast.gs', entryPoint: 'broadcastMessage', outcome: (world) => tally(world.chat) },
};
