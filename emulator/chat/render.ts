/**
 * Renders stored state as the API returns it to a user-authenticated caller: proto3 JSON rules (default values
 * omitted: false booleans, zero counts, enum zero values such as a group's MEMBERSHIP_ROLE_UNSPECIFIED role),
 * canonical `users/{id}` names only (never emails; discovery User.name: "Only the canonical resource name ... will be
 * returned"), `member` with only `name` and `type` (facts §1.2), a message's `space` with only its name, and
 * `permissionSettings` only where the method returns it (not in list responses, ListSpacesResponse description).
 */
import type { MemberState, MessageState, ReactionState, SpaceState } from './state';

/** Options for rendering a space. */
export interface SpaceRenderOptions {
  /** Include permissionSettings (get/create/patch/setup; not list, search or events). */
  permissionSettings: boolean;
  /** Extensions on: include assistantManagersAllowed. */
  extensions: boolean;
}

/** The space id of a `spaces/{id}` name. */
export function spaceId(name: string): string {
  return name.split('/')[1] ?? '';
}

function stripEmpty<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (
      v === undefined ||
      v === false ||
      v === '' ||
      (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
    ) {
      delete obj[key];
    }
  }
  return obj;
}

/** Renders a space. */
export function renderSpace(space: SpaceState, options: SpaceRenderOptions): Record<string, unknown> {
  const joinedHumans = space.members.filter((m) => m.state === 'JOINED' && m.member?.type === 'HUMAN').length;
  const joinedGroups = space.members.filter((m) => m.state === 'JOINED' && m.groupMember).length;
  const membershipCount = stripEmpty({
    joinedDirectHumanUserCount: joinedHumans || undefined,
    joinedGroupCount: joinedGroups || undefined,
  });
  const out: Record<string, unknown> = {
    name: space.name,
    type: space.spaceType === 'DIRECT_MESSAGE' ? 'DM' : 'ROOM',
    displayName: space.displayName,
    spaceThreadingState: space.spaceThreadingState,
    spaceType: space.spaceType,
    singleUserBotDm: space.singleUserBotDm,
    spaceDetails: space.spaceDetails ? stripEmpty({ ...space.spaceDetails }) : undefined,
    externalUserAllowed: space.externalUserAllowed,
    spaceHistoryState: space.spaceHistoryState,
    importMode: space.importMode,
    importModeExpireTime: space.importModeExpireTime,
    createTime: space.createTime,
    lastActiveTime: space.lastActiveTime,
    membershipCount,
  };
  if (space.spaceType === 'SPACE') {
    const audience = space.accessSettings?.audience;
    out.accessSettings = audience ? { accessState: 'DISCOVERABLE', audience } : { accessState: 'PRIVATE' };
  }
  out.spaceUri =
    space.spaceType === 'SPACE'
      ? `https://chat.google.com/room/${spaceId(space.name)}?cls=7`
      : `https://chat.google.com/dm/${spaceId(space.name)}`;
  if (options.permissionSettings && space.permissionSettings) {
    const ps: Record<string, unknown> = {};
    for (const [key, setting] of Object.entries(space.permissionSettings)) {
      const s = { ...setting };
      if (!options.extensions) delete s.assistantManagersAllowed;
      ps[key] = stripEmpty(s);
    }
    out.permissionSettings = ps;
  }
  return stripEmpty(out);
}

/** Renders a membership. */
export function renderMember(member: MemberState): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: member.name,
    state: member.state,
    // proto3 JSON omits enum zero values: group memberships carry no role.
    role: member.role === 'MEMBERSHIP_ROLE_UNSPECIFIED' ? undefined : member.role,
    member: member.member ? { name: member.member.name, type: member.member.type } : undefined,
    groupMember: member.groupMember ? { name: member.groupMember.name } : undefined,
    createTime: member.createTime,
  };
  return stripEmpty(out);
}

/** Emoji reaction summaries of a message (discovery Message.emojiReactionSummaries). */
function reactionSummaries(reactions: ReactionState[]): Array<Record<string, unknown>> | undefined {
  if (reactions.length === 0) return undefined;
  const byKey = new Map<string, { emoji: Record<string, unknown>; count: number }>();
  for (const r of reactions) {
    const key = r.emoji.unicode ?? `custom:${r.emoji.customEmoji?.uid}`;
    const entry = byKey.get(key) ?? { emoji: JSON.parse(JSON.stringify(r.emoji)) as Record<string, unknown>, count: 0 };
    entry.count++;
    byKey.set(key, entry);
  }
  return [...byKey.values()].map((e) => ({ emoji: e.emoji, reactionCount: e.count }));
}

/** Renders a message (a deleted one only with name, times and deletion metadata). */
export function renderMessage(message: MessageState, space: SpaceState): Record<string, unknown> {
  if (message.deleteTime) {
    return stripEmpty({
      name: message.name,
      createTime: message.createTime,
      deleteTime: message.deleteTime,
      deletionMetadata: message.deletionMetadata,
    });
  }
  const out: Record<string, unknown> = {
    name: message.name,
    sender: { ...message.sender },
    createTime: message.createTime,
    lastUpdateTime: message.lastUpdateTime,
    text: message.text,
    formattedText: message.text,
    attachment:
      message.attachment && message.attachment.length > 0 ? message.attachment.map((a) => ({ ...a })) : undefined,
    thread: stripEmpty({ ...message.thread }),
    space: { name: space.name },
    argumentText: message.text,
    threadReply: message.threadReply,
    clientAssignedMessageId: message.clientAssignedMessageId,
    emojiReactionSummaries: reactionSummaries(message.reactions),
  };
  return stripEmpty(out);
}

/** Renders a reaction. */
export function renderReaction(reaction: ReactionState): Record<string, unknown> {
  return { name: reaction.name, user: { ...reaction.user }, emoji: JSON.parse(JSON.stringify(reaction.emoji)) };
}
