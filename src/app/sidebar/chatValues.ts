/**
 * Reading Chat API responses safely. The gateway answers `unknown` (JSON from either transport); the sidebar reads
 * only the fields it shows, with these small readers, so a missing field (proto3 JSON omits defaults: a `false`, a
 * zero count, an empty list) reads as its default instead of throwing. Field names follow the discovery document's
 * Space, Membership, Message, EmojiReactionSummary and SpaceReadState schemas.
 */
import type { MemberRole, SpaceType } from '../../domain/model';

export interface ChatSpace {
  name: string;
  displayName: string;
  type: SpaceType;
  description: string;
  guidelines: string;
  historyOn: boolean;
  /** DISCOVERABLE or PRIVATE (named spaces only); '' when Chat did not say. */
  accessState: string;
  externalUserAllowed: boolean;
  joinedPeople: number;
  joinedGroups: number;
  spaceUri: string;
  lastActiveTime: string;
  createTime: string;
}

export interface ChatMembership {
  /** `spaces/{space}/members/{member}`. */
  name: string;
  /** `users/{id}` or `groups/{id}`. */
  memberName: string;
  kind: 'HUMAN' | 'BOT' | 'GROUP';
  /** Groups have no role. */
  role?: MemberRole;
  state: 'JOINED' | 'INVITED' | 'NOT_A_MEMBER' | string;
}

export interface ChatReactionSummary {
  emoji: string;
  count: number;
}

export interface ChatMessage {
  name: string;
  senderName: string;
  senderType: string;
  text: string;
  createTime: string;
  lastUpdateTime: string;
  threadName: string;
  threadReply: boolean;
  reactions: ChatReactionSummary[];
  attachments: number;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) || 0 : 0;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const SPACE_TYPES: readonly SpaceType[] = ['SPACE', 'GROUP_CHAT', 'DIRECT_MESSAGE'];
const ROLES: readonly MemberRole[] = ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER'];

export function readSpace(value: unknown): ChatSpace {
  const s = obj(value);
  const details = obj(s.spaceDetails);
  const counts = obj(s.membershipCount);
  const rawType = str(s.spaceType);
  const legacy = str(s.type) === 'DM' ? 'DIRECT_MESSAGE' : 'SPACE';
  return {
    name: str(s.name),
    displayName: str(s.displayName),
    type: (SPACE_TYPES as readonly string[]).includes(rawType) ? (rawType as SpaceType) : legacy,
    description: str(details.description),
    guidelines: str(details.guidelines),
    historyOn: str(s.spaceHistoryState) === 'HISTORY_ON',
    accessState: str(obj(s.accessSettings).accessState),
    externalUserAllowed: s.externalUserAllowed === true,
    joinedPeople: num(counts.joinedDirectHumanUserCount),
    joinedGroups: num(counts.joinedGroupCount),
    spaceUri: str(s.spaceUri),
    lastActiveTime: str(s.lastActiveTime),
    createTime: str(s.createTime),
  };
}

export function readMembership(value: unknown): ChatMembership {
  const m = obj(value);
  const member = obj(m.member);
  const group = obj(m.groupMember);
  const isGroup = str(group.name) !== '';
  const role = str(m.role);
  return {
    name: str(m.name),
    memberName: isGroup ? str(group.name) : str(member.name),
    kind: isGroup ? 'GROUP' : str(member.type) === 'BOT' ? 'BOT' : 'HUMAN',
    role: (ROLES as readonly string[]).includes(role) ? (role as MemberRole) : isGroup ? undefined : 'ROLE_MEMBER',
    state: str(m.state) || 'JOINED',
  };
}

export function readMessage(value: unknown): ChatMessage {
  const m = obj(value);
  const sender = obj(m.sender);
  return {
    name: str(m.name),
    senderName: str(sender.name),
    senderType: str(sender.type),
    text: str(m.text),
    createTime: str(m.createTime),
    lastUpdateTime: str(m.lastUpdateTime),
    threadName: str(obj(m.thread).name),
    threadReply: m.threadReply === true,
    reactions: list(m.emojiReactionSummaries)
      .map((r) => {
        const summary = obj(r);
        const emoji = obj(summary.emoji);
        const label = str(emoji.unicode) || (str(obj(emoji.customEmoji).uid) ? ':custom:' : '');
        return { emoji: label, count: num(summary.reactionCount) };
      })
      .filter((r) => r.emoji !== '' && r.count > 0),
    attachments: list(m.attachment).length,
  };
}

/** A list response's items (absent when empty) and its next page token ('' on the last page). */
export function readPage(value: unknown, key: string): { items: unknown[]; nextPageToken: string } {
  const page = obj(value);
  return { items: list(page[key]), nextPageToken: str(page.nextPageToken) };
}

/** SpaceReadState.lastReadTime as epoch ms; undefined when never read. */
export function readLastReadTime(value: unknown): number | undefined {
  const time = str(obj(value).lastReadTime);
  const ms = time ? Date.parse(time) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** An RFC 3339 timestamp as epoch ms (0 when absent or unreadable). */
export function timeOf(rfc3339: string): number {
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? 0 : ms;
}
