/**
 * The Chat side of the playground: projects the Chat emulator's state dump (emulator/chat/state.ts, the same JSON
 * `ChatEmulator.dump()` returns) into the `ChatView` the page shows — spaces with their members (email, role,
 * joined/invited), messages in thread order with reactions, and the directory's users. Pure: reads the dump only.
 */
import type { ChatState, MemberState, MessageState, SpaceState } from '../chat/state';
import type { ChatView, MemberView, MessageView, ReactionView, SpaceView } from './types';

/** Builds the Chat view from a state dump. */
export function chatView(state: ChatState): ChatView {
  const users = state.directory.users ?? [];
  const byUserName = new Map<string, { email: string; displayName?: string }>();
  for (const u of users) byUserName.set(`users/${u.id}`, { email: u.email, displayName: u.displayName });
  const groups = new Map<string, string>();
  for (const g of state.directory.groups ?? []) groups.set(`groups/${g.id}`, g.email);
  const spaces = state.spaces
    .map((s) => spaceView(s, byUserName, groups))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.name.localeCompare(b.name));
  return {
    spaces,
    users: users
      .map((u) => ({ email: u.email, displayName: u.displayName }))
      .sort((a, b) => a.email.localeCompare(b.email)),
  };
}

type UserIndex = Map<string, { email: string; displayName?: string }>;

function spaceView(s: SpaceState, users: UserIndex, groups: Map<string, string>): SpaceView {
  const members = s.members.map((m) => memberView(m, users, groups));
  members.sort((a, b) => roleRank(a.role) - roleRank(b.role) || (a.email ?? a.name).localeCompare(b.email ?? b.name));
  return {
    name: s.name,
    displayName: s.displayName ?? (s.spaceType === 'DIRECT_MESSAGE' ? 'Direct message' : 'Group chat'),
    spaceType: s.spaceType,
    description: s.spaceDetails?.description,
    guidelines: s.spaceDetails?.guidelines,
    history: s.spaceHistoryState,
    externalUserAllowed: s.externalUserAllowed,
    audience: s.accessSettings?.audience,
    announcement: s.predefinedPermissionSettings === 'ANNOUNCEMENT_SPACE',
    createTime: s.createTime,
    members,
    messages: orderMessages(s.messages).map((m) => messageView(m, users)),
  };
}

function roleRank(role: string): number {
  return role === 'ROLE_MANAGER' ? 0 : role === 'ROLE_ASSISTANT_MANAGER' ? 1 : 2;
}

function memberView(m: MemberState, users: UserIndex, groups: Map<string, string>): MemberView {
  if (m.groupMember) {
    return {
      name: m.name,
      email: m.email ?? groups.get(m.groupMember.name),
      displayName: m.email ?? groups.get(m.groupMember.name),
      type: 'GROUP',
      role: m.role,
      state: m.state,
    };
  }
  const user = m.member ? users.get(m.member.name) : undefined;
  return {
    name: m.name,
    email: m.email ?? user?.email,
    displayName: user?.displayName,
    type: m.member?.type ?? 'HUMAN',
    role: m.role,
    state: m.state,
  };
}

/** Thread order: threads by their first message, replies right after their thread's first message. */
function orderMessages(messages: MessageState[]): MessageState[] {
  const sorted = [...messages].sort((a, b) => a.createTime.localeCompare(b.createTime) || a.seq - b.seq);
  const threads = new Map<string, MessageState[]>();
  for (const m of sorted) {
    const list = threads.get(m.thread.name);
    if (list) list.push(m);
    else threads.set(m.thread.name, [m]);
  }
  return [...threads.values()].flat();
}

function messageView(m: MessageState, users: UserIndex): MessageView {
  const sender = users.get(m.sender.name);
  const reactions = new Map<string, ReactionView>();
  for (const r of m.reactions) {
    const emoji = r.emoji.unicode ?? `:${r.emoji.customEmoji?.uid ?? 'custom'}:`;
    const entry = reactions.get(emoji) ?? { emoji, count: 0, users: [] };
    entry.count++;
    entry.users.push(users.get(r.user.name)?.email ?? r.user.name);
    reactions.set(emoji, entry);
  }
  return {
    name: m.name,
    text: m.text ?? '',
    sender: sender?.displayName || sender?.email || (m.sender.type === 'BOT' ? 'App' : m.sender.name),
    createTime: m.createTime,
    lastUpdateTime: m.lastUpdateTime,
    deleted: m.deleteTime !== undefined,
    thread: m.thread.name,
    threadKey: m.thread.threadKey,
    threadReply: m.threadReply,
    clientAssignedMessageId: m.clientAssignedMessageId,
    reactions: [...reactions.values()],
    attachments: (m.attachment ?? []).map((a) => a.contentName),
  };
}
