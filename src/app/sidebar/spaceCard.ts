/**
 * Everything the space card shows, read in one batch: the space, one page of members, one page of messages, the
 * user's read state and — the first time only — the user's own Chat id. The requests are independent, so they go
 * together (fetchAll): one round trip whatever the size of the space. A 5,000-member space costs the same as a
 * 5-member one, because only the requested page of members is read.
 */
import type { ChatRequest } from '../../ports/chat';
import { readSpace, type ChatSpace } from './chatValues';
import type { SidebarDeps } from './deps';
import { membersPageFrom, membersPageRequest, type MembersPage } from './members';
import { messagesPageFrom, messagesPageRequest, type MessagesPage } from './messages';
import type { PeopleBook } from './people';
import { readStateFrom, readStateRequest, type ReadState } from './readState';

export interface SpaceCardData {
  /** The space's resource name as asked. */
  name: string;
  space?: ChatSpace;
  /** Why the space could not be read. */
  error?: string;
  members: MembersPage;
  messages: MessagesPage;
  readState: ReadState;
  /** Unread messages on the page shown (a lower bound when the page is full). */
  unreadCount: number;
  /** True when every message on a full page is unread (there may be more). */
  unreadMayBeMore: boolean;
}

export interface SpaceCardRequest {
  space: string;
  membersPageToken?: string;
  messagesPageToken?: string;
}

/**
 * Reads the space card's data. One batch of at most five requests.
 * Scopes: chat.spaces.readonly, chat.memberships.readonly, chat.messages.readonly, chat.users.readstate.readonly
 * (or their read-write forms).
 */
export function loadSpaceCard(deps: SidebarDeps, people: PeopleBook, request: SpaceCardRequest): SpaceCardData {
  const membersToken = request.membersPageToken ?? '';
  const messagesToken = request.messagesPageToken ?? '';
  const requests: ChatRequest[] = [
    { method: 'chat.spaces.get', resource: request.space },
    membersPageRequest(request.space, membersToken),
    messagesPageRequest(request.space, messagesToken),
    readStateRequest(request.space),
  ];
  const selfLookup = people.selfLookup(request.space);
  if (selfLookup) requests.push(selfLookup);
  const [spaceResult, membersResult, messagesResult, readStateResult, selfResult] = deps.chat.callAll(requests);
  if (selfResult?.ok) people.learnSelf(selfResult.value);

  const readState = readStateFrom(readStateResult, deps.explain);
  const members = membersPageFrom(membersResult, membersToken, people, deps.explain);
  const messages = messagesPageFrom(
    messagesResult,
    messagesToken,
    people,
    deps.explain,
    readState.error ? Number.POSITIVE_INFINITY : readState.lastReadTime,
  );
  const unreadCount = messages.rows.filter((r) => r.unread).length;
  return {
    name: request.space,
    space: spaceResult.ok ? readSpace(spaceResult.value) : undefined,
    error: spaceResult.ok ? undefined : deps.explain(spaceResult.failure, 'open the space'),
    members,
    messages,
    readState,
    unreadCount,
    unreadMayBeMore: unreadCount > 0 && unreadCount === messages.rows.length && messages.nextPageToken !== '',
  };
}
