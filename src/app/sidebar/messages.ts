/**
 * Messages of one space, for the space card: the latest page (newest first) with each message's reactions summary,
 * and the card's message actions — post as the user (optionally into a thread by key), edit and delete the user's
 * own messages, and react with a few emoji (a second click takes the reaction back). Text is checked against
 * Chat's limits before any call; a double-clicked Post sends one message, because each compose form carries a draft
 * id the request id is derived from.
 */
import { requestId } from '../../domain/ids';
import type { SpaceType } from '../../domain/model';
import { charLength, formatCount } from '../../domain/text';
import type { ChatRequest, ChatResult } from '../../ports/chat';
import { readMessage, readPage, timeOf, type ChatMessage } from './chatValues';
import { failed, succeeded, type ActionOutcome, type SidebarDeps } from './deps';
import type { PeopleBook } from './people';

/** Messages per card page (the issue asks for 10–20). */
export const MESSAGES_PAGE_SIZE = 10;
/** Chat rejects message text over 4,096 characters (facts §2.5). */
export const MAX_MESSAGE_CHARS = 4096;
/** thread.threadKey limit (facts §1.3). */
export const MAX_THREAD_KEY_CHARS = 4000;
/** The emoji the card offers as reaction buttons. */
export const REACTION_EMOJIS: readonly string[] = ['👍', '❤️', '😂', '🎉'];

export interface MessageRow {
  message: ChatMessage;
  senderLabel: string;
  /** Sent by the user (so it can be edited and deleted). */
  own: boolean;
  /** Newer than the user's last read time and not sent by the user. */
  unread: boolean;
}

export interface MessagesPage {
  rows: MessageRow[];
  pageToken: string;
  nextPageToken: string;
  error?: string;
}

/** The request for one page of messages, newest first. Scope: chat.messages.readonly or chat.messages. */
export function messagesPageRequest(space: string, pageToken: string): ChatRequest {
  return {
    method: 'chat.spaces.messages.list',
    resource: space,
    query: { pageSize: MESSAGES_PAGE_SIZE, pageToken: pageToken || undefined, orderBy: 'createTime desc' },
  };
}

/** Turns the answer to `messagesPageRequest` into card rows. */
export function messagesPageFrom(
  result: ChatResult,
  pageToken: string,
  people: PeopleBook,
  explain: SidebarDeps['explain'],
  lastReadTime: number | undefined,
): MessagesPage {
  if (!result.ok)
    return { rows: [], pageToken, nextPageToken: '', error: explain(result.failure, 'read the messages') };
  const page = readPage(result.value, 'messages');
  const messages = page.items.map(readMessage).filter((m) => m.name !== '');
  const labels = people.labels(messages.map((m) => m.senderName));
  const self = people.selfId();
  return {
    rows: messages.map((m) => {
      const own = !!self && m.senderName === self;
      return {
        message: m,
        senderLabel: labels.get(m.senderName) ?? m.senderName,
        own,
        unread: !own && (lastReadTime === undefined || timeOf(m.createTime) > lastReadTime),
      };
    }),
    pageToken,
    nextPageToken: page.nextPageToken,
  };
}

/** Problems with message text typed in a card: empty, or longer than Chat accepts. */
export function checkMessageText(text: string): string | undefined {
  if (text.trim() === '') return 'Write a message first.';
  const n = charLength(text);
  if (n > MAX_MESSAGE_CHARS) {
    return `The message has ${formatCount(n)} characters; Chat accepts at most ${formatCount(MAX_MESSAGE_CHARS)}. Shorten it or split it in two.`;
  }
  return undefined;
}

export interface PostInput {
  space: string;
  spaceType: SpaceType;
  text: string;
  threadKey: string;
  /** Id of the compose form the text came from (one message per draft, whatever the clicks). */
  draftId: string;
}

/** Posts a message as the user. Scope: chat.messages.create or chat.messages. */
export function postMessage(deps: SidebarDeps, input: PostInput): ActionOutcome {
  const problem = checkMessageText(input.text);
  if (problem) return failed(problem);
  const threadKey = input.threadKey.trim();
  if (threadKey && input.spaceType !== 'SPACE')
    return failed('Thread keys work only in named spaces; clear the thread key to post here.');
  if (charLength(threadKey) > MAX_THREAD_KEY_CHARS)
    return failed(`The thread key is longer than ${formatCount(MAX_THREAD_KEY_CHARS)} characters; use a shorter key.`);
  const r = deps.chat.call({
    method: 'chat.spaces.messages.create',
    resource: input.space,
    query: {
      requestId: requestId({
        spreadsheetId: 'sidebar',
        rowId: input.draftId,
        action: 'messages.create',
        target: input.space,
      }),
      messageReplyOption: threadKey ? 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' : undefined,
    },
    body: threadKey ? { text: input.text, thread: { threadKey } } : { text: input.text },
  });
  if (r.ok) return succeeded(threadKey ? `Posted in the thread “${threadKey}”.` : 'Posted.');
  return failed(deps.explain(r.failure, 'post the message'));
}

/** One message, for the edit form. Scope: chat.messages.readonly or chat.messages. */
export function getMessage(deps: SidebarDeps, name: string): { message?: ChatMessage; error?: string } {
  const r = deps.chat.call({ method: 'chat.spaces.messages.get', resource: name });
  return r.ok ? { message: readMessage(r.value) } : { error: deps.explain(r.failure, 'read the message') };
}

/** Replaces the text of one of the user's messages. Scope: chat.messages. */
export function editMessage(deps: SidebarDeps, input: { message: string; text: string }): ActionOutcome {
  const problem = checkMessageText(input.text);
  if (problem) return failed(problem);
  const r = deps.chat.call({
    method: 'chat.spaces.messages.patch',
    resource: input.message,
    query: { updateMask: 'text' },
    body: { text: input.text },
  });
  if (r.ok) return succeeded('Message updated.');
  return failed(deps.explain(r.failure, 'edit the message'));
}

/** Deletes one of the user's messages (not its thread replies). Scope: chat.messages. */
export function deleteMessage(deps: SidebarDeps, input: { message: string }): ActionOutcome {
  const r = deps.chat.call({ method: 'chat.spaces.messages.delete', resource: input.message });
  if (r.ok) return succeeded('Message deleted.');
  if (r.failure.httpStatus === 404) return succeeded('The message was already gone.');
  return failed(deps.explain(r.failure, 'delete the message'));
}

/**
 * Adds the user's reaction, or takes it back when it is already there. Two requests at most.
 * Scope: chat.messages.reactions.
 */
export function toggleReaction(
  deps: SidebarDeps,
  people: PeopleBook,
  input: { message: string; emoji: string },
): ActionOutcome {
  if (!REACTION_EMOJIS.includes(input.emoji)) return failed('That reaction is not offered here.');
  const self = people.selfId();
  if (self) {
    const found = deps.chat.call({
      method: 'chat.spaces.messages.reactions.list',
      resource: input.message,
      query: { filter: `emoji.unicode = "${input.emoji}" AND user.name = "${self}"`, pageSize: 1 },
    });
    if (!found.ok) return failed(deps.explain(found.failure, 'read the reactions'));
    const mine = readPage(found.value, 'reactions').items[0] as { name?: string } | undefined;
    if (mine?.name) {
      const removed = deps.chat.call({ method: 'chat.spaces.messages.reactions.delete', resource: mine.name });
      return removed.ok
        ? succeeded(`Took back your ${input.emoji}.`)
        : failed(deps.explain(removed.failure, 'remove the reaction'));
    }
  }
  const r = deps.chat.call({
    method: 'chat.spaces.messages.reactions.create',
    resource: input.message,
    body: { emoji: { unicode: input.emoji } },
  });
  if (r.ok) return succeeded(`Reacted ${input.emoji}.`);
  if (r.failure.httpStatus === 409) return succeeded(`You had already reacted ${input.emoji}.`);
  return failed(deps.explain(r.failure, 'react to the message'));
}
