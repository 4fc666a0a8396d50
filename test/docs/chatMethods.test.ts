/**
 * Keeps the README's "Chat API methods and the actions that use them" table true: it lists every method of the Chat
 * API v1 REST reference, a method said to be used is called somewhere in the add-on's use cases, and a method said
 * not to be called is not.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The methods of the Chat API v1 REST reference (media, spaces, members, messages, attachments, reactions, events, read states). */
const REFERENCE_METHODS = [
  'media.download',
  'media.upload',
  'spaces.completeImport',
  'spaces.create',
  'spaces.delete',
  'spaces.findDirectMessage',
  'spaces.get',
  'spaces.list',
  'spaces.patch',
  'spaces.setup',
  'spaces.members.create',
  'spaces.members.delete',
  'spaces.members.get',
  'spaces.members.list',
  'spaces.members.patch',
  'spaces.messages.create',
  'spaces.messages.delete',
  'spaces.messages.get',
  'spaces.messages.list',
  'spaces.messages.patch',
  'spaces.messages.update',
  'spaces.messages.attachments.get',
  'spaces.messages.reactions.create',
  'spaces.messages.reactions.delete',
  'spaces.messages.reactions.list',
  'spaces.spaceEvents.get',
  'spaces.spaceEvents.list',
  'users.spaces.getSpaceReadState',
  'users.spaces.updateSpaceReadState',
  'users.spaces.threads.getThreadReadState',
];

const ROOT = join(__dirname, '..', '..');

function table(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- chat-methods:start -->([\s\S]*?)<!-- chat-methods:end -->/.exec(readme)?.[1] ?? '';
  const rows = new Map<string, string>();
  for (const line of block.split('\n')) {
    const m = /^\| `([a-zA-Z.]+)` \| (.+) \|$/.exec(line.trim());
    if (m) rows.set(m[1], m[2]);
  }
  return rows;
}

/** Source of the use cases and entry points: where calls are made (not the port, routes or quota tables). */
function callSites(): string {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) out.push(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of ['app', 'entry']) walk(join(ROOT, 'src', dir));
  return out.join('\n');
}

describe('README: Chat API methods and the actions that use them', () => {
  const rows = table();
  const code = callSites();

  test('lists every method of the reference, once', () => {
    expect([...rows.keys()].sort()).toEqual([...REFERENCE_METHODS].sort());
  });

  test.each(REFERENCE_METHODS)('%s: called exactly when the README says it is', (method) => {
    const usedBy = rows.get(method) ?? '';
    const called = code.includes(`'chat.${method}'`);
    expect({ method, called }).toEqual({ method, called: !usedBy.startsWith('not called') });
  });
});
