/**
 * Creates the organisation's existing spaces a `DirectoryInput` lists (with their members and messages), so tests
 * and the runner can start from a realistic tenant: spaces the caller is in, spaces they are not in, names already
 * taken. Seeding goes straight to state (no quota, no latency, no request log), like Firebase's seeding with
 * background triggers disabled.
 */
import type { ChatBackend } from './backend';
import type { DirectorySpaceInput } from './directory';
import type { MessageState } from './state';
import { formatTimestamp, parseTimestamp } from './validate';

/** Adds the seeded spaces to the backend's state. `now` is the virtual time of seeding. */
export function seedSpaces(backend: ChatBackend, spaces: DirectorySpaceInput[] | undefined, now: number): void {
  for (const input of spaces ?? []) {
    const type = input.spaceType ?? 'SPACE';
    const created = input.createTime ? parseTimestamp(input.createTime) : now;
    const space = backend.newSpace(
      {
        displayName: type === 'SPACE' ? (input.displayName ?? `Space ${backend.state.spaces.length + 1}`) : undefined,
        spaceType: type,
        spaceDetails:
          input.description || input.guidelines
            ? { description: input.description, guidelines: input.guidelines }
            : undefined,
        externalUserAllowed: input.externalUserAllowed === true,
        spaceHistoryState: input.spaceHistoryState ?? backend.directory.defaultHistoryState,
        accessSettings: input.audience ? { audience: input.audience } : undefined,
        predefinedPermissionSettings: input.predefinedPermissionSettings ?? 'COLLABORATION_SPACE',
        createTime: formatTimestamp(created),
      },
      created,
    );
    let firstHuman = true;
    for (const m of input.members ?? []) {
      if (m.group) {
        const g = backend.directory.groupByEmail(m.group);
        if (g) backend.addGroup(space, g, created, false);
        continue;
      }
      const user = m.email ? backend.directory.userByEmail(m.email) : undefined;
      if (!user) continue;
      const role = type === 'SPACE' ? (m.role ?? (firstHuman ? 'ROLE_MANAGER' : 'ROLE_MEMBER')) : 'ROLE_MEMBER';
      if (firstHuman) space.creator = `users/${user.id}`;
      firstHuman = false;
      backend.addUser(space, user, role, m.state ?? 'JOINED', created, false);
    }
    const threads = new Map<string, string>();
    for (const msg of input.messages ?? []) {
      const sender = backend.directory.userByEmail(msg.sender);
      if (!sender) continue;
      const time = msg.createTime ? parseTimestamp(msg.createTime) : created;
      const existingThread = msg.threadKey ? threads.get(msg.threadKey) : undefined;
      const root = existingThread ?? backend.ids.segment();
      const id = existingThread ? backend.ids.segment() : root;
      const message: MessageState = {
        name: `${space.name}/messages/${root}.${id}`,
        text: msg.text,
        thread: msg.threadKey
          ? { name: `${space.name}/threads/${root}`, threadKey: msg.threadKey }
          : { name: `${space.name}/threads/${root}` },
        sender: { name: `users/${sender.id}`, type: 'HUMAN' },
        createTime: formatTimestamp(time),
        clientAssignedMessageId: msg.clientAssignedMessageId,
        threadReply: existingThread !== undefined,
        reactions: [],
        seq: backend.state.idCounter,
      };
      if (msg.threadKey && !existingThread) threads.set(msg.threadKey, root);
      space.messages.push(message);
      space.lastActiveTime = message.createTime;
    }
  }
}
