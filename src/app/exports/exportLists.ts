/**
 * The lists each export pages through, one per unit of work: the user's spaces (spaces.list, then each space's
 * read state), a space's members (members.list with invited people and groups), a space's messages in a window
 * (messages.list, then the user's read state of each new thread, and each attachment downloaded with
 * media.download and saved to the export's Drive folder), a space's events (spaceEvents.list with the required
 * event-type filter) and the reactions on one sent message (reactions.list). Each builds its rows with
 * domain/exportRows.
 */
import { explainFailure } from '../../domain/apiErrors';
import {
  messagesFilter,
  readTimeCursor,
  spaceEventsFilter,
  timeCursor,
  type EventExportOptions,
  type MessageExportOptions,
} from '../../domain/exportOptions';
import {
  eventRow,
  memberRow,
  messageRow,
  reactionRow,
  spaceRow,
  type ChatMembership,
  type ChatMessage,
  type ChatReaction,
  type ChatSpace,
  type ChatSpaceEvent,
  type PeopleNames,
} from '../../domain/exportRows';
import type { ChatFailure } from '../../ports/chat';
import type { DriveFiles, DriveItem } from '../../ports/drive';
import type { Operation } from '../jobs/engine';
import type { PagedList } from './pagedTask';

/** One unit of an export: a space (or, for reactions, one sent message in one space). */
export interface ExportUnit {
  key: string;
  space: string;
  displayName: string;
  /** Reactions: the message (spaces/S/messages/client-…). */
  message?: string;
  /** Reactions: the Messages tab row that sent it. */
  row?: number;
  /** Reactions to a direct message: the other person (the space is found with spaces.findDirectMessage). */
  dm?: string;
  /** Reactions to a direct message: the client-assigned message id. */
  messageId?: string;
}

/** "Design (spaces/AAA): <sentence>" for a failed list. */
function spaceFailure(unit: ExportUnit, failure: ChatFailure, action: string): string {
  const label = unit.displayName ? `${unit.displayName} (${unit.space})` : unit.space;
  if (failure.httpStatus === 404)
    return `${label}: not found, or you are not a member; check the Space ID or ask to be added.`;
  return `${label}: ${explainFailure(failure, action)}`;
}

/** The user's spaces, every page, with their read state. Scopes: chat.spaces.readonly, chat.users.readstate. */
export function spacesList(): PagedList<ChatSpace> {
  const lastRead = new Map<string, string>();
  return {
    key: 'spaces',
    request: (pageToken) => ({ method: 'chat.spaces.list', query: { pageSize: 1000, pageToken } }),
    page: (value) => {
      const v = value as { spaces?: ChatSpace[]; nextPageToken?: string };
      return { items: v.spaces ?? [], next: v.nextPageToken || undefined };
    },
    prepare: (items) =>
      items
        .filter((s) => s.name)
        .map((s): Operation => ({
          request: { method: 'chat.users.spaces.getSpaceReadState', resource: `users/me/${s.name}/spaceReadState` },
          then: (r) => {
            if (r.ok) lastRead.set(s.name as string, (r.value as { lastReadTime?: string }).lastReadTime ?? '');
          },
        })),
    rows: (items) => items.map((s) => spaceRow(s, lastRead.get(s.name ?? ''))),
    failure: (f) => explainFailure(f, 'list your spaces'),
  };
}

/** A space's members, invited people and groups included. Scope: chat.memberships.readonly. */
export function membersList(unit: ExportUnit, people?: PeopleNames): PagedList<ChatMembership> {
  return {
    key: unit.key,
    space: unit.space,
    request: (pageToken) => ({
      method: 'chat.spaces.members.list',
      resource: unit.space,
      query: { pageSize: 1000, showInvited: true, showGroups: true, pageToken },
    }),
    page: (value) => {
      const v = value as { memberships?: ChatMembership[]; nextPageToken?: string };
      return { items: v.memberships ?? [], next: v.nextPageToken || undefined };
    },
    rows: (items) => items.map((m) => memberRow({ name: unit.space, displayName: unit.displayName }, m, people)),
    failure: (f) => spaceFailure(unit, f, 'list the members'),
  };
}

/** Where the messages export saves attachments, and what it counts. */
export interface AttachmentSaver {
  drive: DriveFiles;
  folder: DriveItem;
  /** Called for each file saved, or with a sentence when one could not be saved. */
  saved(ok: boolean, problem?: string): void;
}

/**
 * A space's messages in the window, with the user's read state of each thread and, when `saver` is given, each
 * attachment saved to Drive. Scopes: chat.messages.readonly, chat.users.readstate.readonly, drive.file.
 */
export function messagesList(
  unit: ExportUnit,
  options: MessageExportOptions,
  saver?: AttachmentSaver,
  people?: PeopleNames,
): PagedList<ChatMessage> {
  const threadRead = new Map<string, string>();
  const links = new Map<string, string[]>();
  let skip = new Set<string>();
  let window = options;
  return {
    key: unit.key,
    space: unit.space,
    request: (token) => {
      // A resumed list starts after its cursor; its next pages repeat that filter (page tokens require it).
      const cursor = readTimeCursor(token);
      skip = new Set(cursor?.seen ?? []);
      if (cursor) window = { ...options, fromMs: Math.max(options.fromMs, cursor.afterMs - 1) };
      return {
        method: 'chat.spaces.messages.list',
        resource: unit.space,
        query: {
          pageSize: 1000,
          filter: messagesFilter(window),
          orderBy: 'create_time ASC',
          pageToken: cursor ? undefined : token,
        },
      };
    },
    page: (value) => {
      const v = value as { messages?: ChatMessage[]; nextPageToken?: string };
      const items = (v.messages ?? []).filter((m) => !skip.has(m.name ?? ''));
      return { items, next: v.nextPageToken || undefined };
    },
    resumeAfter: (items) => timeCursor(items.map((m) => ({ name: m.name, time: m.createTime }))),
    prepare: (items) => {
      const ops: Operation[] = [];
      const threads = new Set<string>();
      for (const m of items) {
        const thread = m.thread?.name;
        if (thread && !threadRead.has(thread) && !threads.has(thread)) threads.add(thread);
      }
      for (const thread of threads) {
        ops.push({
          request: {
            method: 'chat.users.spaces.threads.getThreadReadState',
            resource: `users/me/${thread}/threadReadState`,
          },
          space: unit.space,
          then: (r) => {
            threadRead.set(thread, r.ok ? ((r.value as { lastReadTime?: string }).lastReadTime ?? '') : '');
          },
        });
      }
      if (saver) {
        for (const m of items) {
          for (const a of m.attachment ?? []) {
            const ref = a.attachmentDataRef?.resourceName;
            if (!ref || !m.name) continue;
            const messageName = m.name;
            ops.push({
              request: { method: 'chat.media.download', resource: ref },
              space: unit.space,
              then: (r) => {
                const name = a.contentName ?? 'attachment';
                if (!r.ok) {
                  saver.saved(
                    false,
                    `${name} in ${messageName}: ${explainFailure(r.failure, 'download the attachment')}`,
                  );
                  return;
                }
                const bytes = (r.value as { bytes?: number[] }).bytes ?? [];
                try {
                  const file = saver.drive.upload(saver.folder.id, {
                    name,
                    contentType: a.contentType ?? 'application/octet-stream',
                    bytes: Array.from(bytes),
                  });
                  links.set(messageName, [...(links.get(messageName) ?? []), file.url]);
                  saver.saved(true);
                } catch (e) {
                  saver.saved(false, e instanceof Error ? e.message : String(e));
                }
              },
            });
          }
        }
      }
      return ops;
    },
    rows: (items) =>
      items.map((m) =>
        messageRow({ name: unit.space, displayName: unit.displayName }, m, {
          threadRead: m.thread?.name ? threadRead.get(m.thread.name) : undefined,
          driveLinks: m.name ? links.get(m.name) : undefined,
          people,
        }),
      ),
    failure: (f) => spaceFailure(unit, f, 'list the messages'),
  };
}

/** A space's events of the chosen kinds in the window. Scopes: chat.messages/memberships/reactions/spaces.readonly. */
export function eventsList(unit: ExportUnit, options: EventExportOptions): PagedList<ChatSpaceEvent> {
  let skip = new Set<string>();
  let window = options;
  return {
    key: unit.key,
    space: unit.space,
    request: (token) => {
      // A resumed list starts after its cursor; its next pages repeat that filter (page tokens require it).
      const cursor = readTimeCursor(token);
      skip = new Set(cursor?.seen ?? []);
      if (cursor) window = { ...options, fromMs: Math.max(options.fromMs, cursor.afterMs - 1) };
      return {
        method: 'chat.spaces.spaceEvents.list',
        resource: unit.space,
        query: { pageSize: 1000, filter: spaceEventsFilter(window), pageToken: cursor ? undefined : token },
      };
    },
    page: (value) => {
      const v = value as { spaceEvents?: ChatSpaceEvent[]; nextPageToken?: string };
      const items = (v.spaceEvents ?? []).filter((e) => !skip.has(e.name ?? ''));
      return { items, next: v.nextPageToken || undefined };
    },
    resumeAfter: (items) => timeCursor(items.map((e) => ({ name: e.name, time: e.eventTime }))),
    rows: (items) => items.map((ev) => eventRow(unit.space, ev)),
    failure: (f) => spaceFailure(unit, f, 'list the space events'),
  };
}

/** Reactions on one sent message; a message that is not in the space (404) has none. Scope: chat.messages.reactions.readonly. */
export function reactionsList(unit: ExportUnit, people?: PeopleNames): PagedList<ChatReaction> {
  let message = unit.message ?? '';
  let space = unit.space;
  const dm = unit.dm;
  return {
    key: unit.key,
    get space() {
      return space || undefined;
    },
    before: dm
      ? (go, stop) => [
          {
            request: { method: 'chat.spaces.findDirectMessage', query: { name: `users/${dm}` } },
            then: (r) => {
              if (!r.ok) {
                // No direct message with that person: nothing was sent there, so nothing to report.
                stop(r.failure.httpStatus === 404 ? undefined : explainFailure(r.failure, `find your chat with ${dm}`));
                return [];
              }
              space = (r.value as { name?: string }).name ?? '';
              message = `${space}/messages/${unit.messageId}`;
              return go();
            },
          },
        ]
      : undefined,
    request: (pageToken) => ({
      method: 'chat.spaces.messages.reactions.list',
      resource: message,
      query: { pageSize: 200, pageToken },
    }),
    page: (value) => {
      const v = value as { reactions?: ChatReaction[]; nextPageToken?: string };
      return { items: v.reactions ?? [], next: v.nextPageToken || undefined };
    },
    rows: (items) =>
      items.map((r) => reactionRow({ name: space, displayName: unit.displayName }, message, unit.row ?? 0, r, people)),
    failure: (f) => (f.httpStatus === 404 ? undefined : spaceFailure(unit, f, 'list the reactions')),
  };
}
