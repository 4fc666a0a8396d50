/**
 * Export rows: Chat resources (spaces, memberships, messages, space events, reactions) turned into the rows of the
 * export tabs, in the column order of their specs in tabs.ts, with every value made safe for a cell (toCellValue:
 * a message text starting with `=` stays text) and timestamps as Dates. Pure: shapes in, cell values out.
 */
import { toCellValue, type CellValue } from './cells';
import {
  EVENTS_EXPORT_TAB,
  MEMBERS_EXPORT_TAB,
  MESSAGES_EXPORT_TAB,
  REACTIONS_EXPORT_TAB,
  SPACES_EXPORT_TAB,
  headerRow,
  type TabSpec,
} from './tabs';
import type { ChatMembership, ChatMessage, ChatReaction, ChatSpace, ChatSpaceEvent } from './chatResources';

export type { ChatMembership, ChatMessage, ChatReaction, ChatSpace, ChatSpaceEvent };

type Values = Record<string, string | number | boolean | Date | undefined>;

/** A row in the tab's column order, every value made safe. */
export function toRow(tab: TabSpec, values: Values): CellValue[] {
  return headerRow(tab).map((h) => toCellValue(values[h]));
}

/** A Date from an RFC 3339 timestamp (undefined when absent or unreadable). */
export function timestamp(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const TYPE_LABELS: Record<string, string> = {
  SPACE: 'Space',
  GROUP_CHAT: 'Group chat',
  DIRECT_MESSAGE: 'Direct message',
};
const ROLE_LABELS: Record<string, string> = {
  ROLE_MEMBER: 'Member',
  ROLE_ASSISTANT_MANAGER: 'Manager',
  ROLE_MANAGER: 'Owner',
};
const STATE_LABELS: Record<string, string> = { JOINED: 'Joined', INVITED: 'Invited', NOT_A_MEMBER: 'Not a member' };

/** The Type column's words for a spaceType. */
export function spaceTypeLabel(spaceType: string | undefined): string {
  return TYPE_LABELS[spaceType ?? ''] ?? spaceType ?? '';
}

/** A Spaces (export) row; `lastRead` is the user's read state of the space. */
export function spaceRow(space: ChatSpace, lastRead?: string): CellValue[] {
  const history =
    space.spaceHistoryState === 'HISTORY_ON' ? 'On' : space.spaceHistoryState === 'HISTORY_OFF' ? 'Off' : '';
  return toRow(SPACES_EXPORT_TAB, {
    'Space ID': space.name,
    'Space name': space.displayName,
    Type: spaceTypeLabel(space.spaceType),
    Description: space.spaceDetails?.description,
    Guidelines: space.spaceDetails?.guidelines,
    History: history,
    Discoverable:
      space.spaceType === 'SPACE' ? (space.accessSettings?.accessState === 'DISCOVERABLE' ? 'Yes' : 'No') : '',
    'External users': space.externalUserAllowed ? 'Yes' : 'No',
    Members: space.membershipCount?.joinedDirectHumanUserCount ?? 0,
    Groups: space.membershipCount?.joinedGroupCount ?? 0,
    'Space link': space.spaceUri,
    Created: timestamp(space.createTime),
    'Last active': timestamp(space.lastActiveTime),
    'Last read': timestamp(lastRead),
  });
}

/** Emails by `users/{id}`, for the people the add-on knows. */
export type PeopleNames = ReadonlyMap<string, string>;

function person(id: string | undefined, people?: PeopleNames): string | undefined {
  return (id && people?.get(id)) ?? id;
}

/** A Members (export) row; a person is shown by email when `people` knows them. */
export function memberRow(
  space: { name: string; displayName: string },
  m: ChatMembership,
  people?: PeopleNames,
): CellValue[] {
  const kind = m.groupMember ? 'Group' : m.member?.type === 'BOT' ? 'App' : 'Person';
  return toRow(MEMBERS_EXPORT_TAB, {
    'Space ID': space.name,
    'Space name': space.displayName,
    Member: m.groupMember?.name ?? person(m.member?.name, people),
    'Member ID': m.name,
    Kind: kind,
    Role: m.groupMember ? '' : (ROLE_LABELS[m.role ?? ''] ?? ''),
    State: STATE_LABELS[m.state ?? ''] ?? m.state,
    Joined: timestamp(m.createTime),
  });
}

/** What the messages export learned besides the message itself. */
export interface MessageExtras {
  /** The user's last read time of the message's thread. */
  threadRead?: string;
  /** Links of the attachments saved to Drive. */
  driveLinks?: readonly string[];
  /** Emails of known people (the Sender column). */
  people?: PeopleNames;
}

/** A Messages (export) row. */
export function messageRow(
  space: { name: string; displayName: string },
  m: ChatMessage,
  extras: MessageExtras = {},
): CellValue[] {
  const reactions = (m.emojiReactionSummaries ?? []).reduce((n, r) => n + (r.reactionCount ?? 0), 0);
  const created = timestamp(m.createTime);
  const read = timestamp(extras.threadRead);
  return toRow(MESSAGES_EXPORT_TAB, {
    'Space ID': space.name,
    'Space name': space.displayName,
    'Message ID': m.name,
    Thread: m.thread?.name,
    Sender: person(m.sender?.name, extras.people),
    Created: created,
    Edited: timestamp(m.lastUpdateTime),
    Text: m.text,
    Reactions: reactions,
    Attachments: (m.attachment ?? []).map((a) => a.contentName ?? a.name ?? '').join('\n'),
    'Thread read': read,
    Unread: created && read ? (created.getTime() > read.getTime() ? 'Yes' : 'No') : '',
    'Drive files': (extras.driveLinks ?? []).join('\n'),
  });
}

/** "message created" from `google.workspace.chat.message.v1.created`. */
export function eventLabel(eventType: string | undefined): string {
  const m = /^google\.workspace\.chat\.([a-z]+)\.v1\.([A-Za-z]+)$/.exec(eventType ?? '');
  if (!m) return eventType ?? '';
  const action = m[2].replace(/([A-Z])/g, ' $1').toLowerCase();
  return `${m[1]} ${action}`;
}

/** The resource an event concerns and a short description of it. */
function eventPayload(ev: ChatSpaceEvent): { resource: string; summary: string } {
  for (const [key, value] of Object.entries(ev)) {
    if (!key.endsWith('EventData') || !value || typeof value !== 'object') continue;
    const data = value as Record<string, unknown>;
    const message = data.message as ChatMessage | undefined;
    if (message)
      return {
        resource: message.name ?? '',
        summary: `${message.sender?.name ?? 'Someone'}: ${(message.text ?? '').slice(0, 200)}`.trim(),
      };
    const membership = data.membership as ChatMembership | undefined;
    if (membership)
      return {
        resource: membership.name ?? '',
        summary:
          `${membership.member?.name ?? membership.groupMember?.name ?? 'A member'} ${(STATE_LABELS[membership.state ?? ''] ?? '').toLowerCase()}`.trim(),
      };
    const reaction = data.reaction as ChatReaction | undefined;
    if (reaction)
      return {
        resource: reaction.name ?? '',
        summary: `${reaction.user?.name ?? 'Someone'} ${emojiText(reaction)}`.trim(),
      };
    const list = (data.memberships ?? data.messages ?? data.reactions) as unknown[] | undefined;
    if (Array.isArray(list)) return { resource: '', summary: `${list.length} changes in one batch` };
    const space = data.space as ChatSpace | undefined;
    if (space) return { resource: space.name ?? '', summary: `Space settings changed (${space.displayName ?? ''})` };
  }
  return { resource: '', summary: '' };
}

/** An Events (export) row. */
export function eventRow(spaceName: string, ev: ChatSpaceEvent): CellValue[] {
  const { resource, summary } = eventPayload(ev);
  return toRow(EVENTS_EXPORT_TAB, {
    'Space ID': spaceName,
    'Event ID': ev.name,
    Time: timestamp(ev.eventTime),
    Event: eventLabel(ev.eventType),
    Resource: resource,
    Summary: summary,
  });
}

/** The emoji as shown: the character, or `:name:` of a custom emoji. */
export function emojiText(r: ChatReaction): string {
  return r.emoji?.unicode ?? r.emoji?.customEmoji?.emojiName ?? r.emoji?.customEmoji?.uid ?? '';
}

/** A Reactions (export) row. */
export function reactionRow(
  space: { name: string; displayName: string },
  messageName: string,
  messagesRow: number,
  r: ChatReaction,
  people?: PeopleNames,
): CellValue[] {
  return toRow(REACTIONS_EXPORT_TAB, {
    'Space ID': space.name,
    'Space name': space.displayName,
    'Message ID': messageName,
    'Messages row': messagesRow,
    Emoji: emojiText(r),
    User: person(r.user?.name, people),
    'Reaction ID': r.name,
  });
}
