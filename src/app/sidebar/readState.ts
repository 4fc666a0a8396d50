/**
 * The user's read state of a space: when they last read it (Chat's `SpaceReadState.lastReadTime`), which the
 * space card compares with the newest messages to show an unread indicator, and "Mark as read", which moves the
 * read time to now so Chat shows the space as read. Scope: chat.users.readstate (read and update).
 */
import type { ChatRequest, ChatResult } from '../../ports/chat';
import { spaceIdOf } from '../../domain/spaceLinks';
import { readLastReadTime } from './chatValues';
import { failed, succeeded, type ActionOutcome, type SidebarDeps } from './deps';

/** `users/me/spaces/{space}/spaceReadState`. */
export function readStateName(space: string): string {
  return `users/me/spaces/${spaceIdOf(space)}/spaceReadState`;
}

/** The request for the user's read state of a space. Scope: chat.users.readstate.readonly or chat.users.readstate. */
export function readStateRequest(space: string): ChatRequest {
  return { method: 'chat.users.spaces.getSpaceReadState', resource: readStateName(space) };
}

export interface ReadState {
  /** Epoch ms of the last read; undefined when the user never read the space (or Chat did not say). */
  lastReadTime?: number;
  error?: string;
}

export function readStateFrom(result: ChatResult, explain: SidebarDeps['explain']): ReadState {
  if (!result.ok) return { error: explain(result.failure, 'read your read state') };
  return { lastReadTime: readLastReadTime(result.value) };
}

/** Marks the space as read now. Scope: chat.users.readstate. */
export function markAsRead(deps: SidebarDeps, space: string): ActionOutcome {
  const r = deps.chat.call({
    method: 'chat.users.spaces.updateSpaceReadState',
    resource: readStateName(space),
    query: { updateMask: 'lastReadTime' },
    body: { lastReadTime: new Date(deps.clock.now()).toISOString() },
  });
  return r.ok ? succeeded('Marked as read.') : failed(deps.explain(r.failure, 'mark the space as read'));
}
