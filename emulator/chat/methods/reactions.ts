/**
 * spaces.messages.reactions.* handlers: create, list, delete. Rules: discovery descriptions (user authentication
 * only; emoji is a unicode string or a custom emoji by uid; the list filter grammar with its AND/OR rules), one
 * reaction per user per emoji (`duplicateReaction`, C11), and users delete only their own reactions.
 */
import type { Handler, HandlerContext } from '../backend';
import { errors } from '../errors';
import { reactionsListFilter } from '../filters';
import { renderReaction } from '../render';
import type { ReactionState, SpaceState } from '../state';
import { formatTimestamp } from '../validate';
import { findMessage } from './messages';
import { listResponse, pageOf, qs, rankKey } from './common';

function messageOf(
  ctx: HandlerContext,
  messageName: string,
): { space: SpaceState; message: NonNullable<ReturnType<typeof findMessage>> } {
  const space = ctx.backend.requireSpace(ctx, messageName.split('/').slice(0, 2).join('/'));
  const message = findMessage(space, messageName);
  if (!message || message.deleteTime) throw errors.notFound('Message not found.');
  return { space, message };
}

/** spaces.messages.reactions.create. */
export const create: Handler = (ctx) => {
  const b = ctx.backend;
  const { space, message } = messageOf(ctx, ctx.pathParams.parent);
  const emoji = (ctx.body.emoji ?? {}) as {
    unicode?: string;
    customEmoji?: { uid?: string; name?: string; emojiName?: string };
  };
  let stored: ReactionState['emoji'];
  if (emoji.unicode && emoji.customEmoji)
    throw errors.invalid('Set either emoji.unicode or emoji.customEmoji, not both.', 'reaction.emoji');
  if (emoji.unicode) {
    if ([...emoji.unicode].length > 16 || /[\s]/.test(emoji.unicode))
      throw errors.invalid('Invalid unicode emoji.', 'reaction.emoji.unicode');
    stored = { unicode: emoji.unicode };
  } else if (emoji.customEmoji) {
    const custom = b.state.customEmojis.find(
      (c) =>
        c.uid === emoji.customEmoji?.uid ||
        c.name === emoji.customEmoji?.name ||
        c.emojiName === emoji.customEmoji?.emojiName,
    );
    if (!custom) throw errors.notFound('Custom emoji not found.');
    stored = { customEmoji: { uid: custom.uid } };
  } else {
    throw errors.invalid('The reaction requires an emoji.', 'reaction.emoji');
  }
  const same = message.reactions.find(
    (r) =>
      r.user.name === ctx.callerName &&
      ((stored.unicode !== undefined && r.emoji.unicode === stored.unicode) ||
        (stored.customEmoji !== undefined && r.emoji.customEmoji?.uid === stored.customEmoji.uid)),
  );
  if (same) {
    if (b.behaviour.duplicateReaction === 'return-existing') return { json: renderReaction(same) };
    throw errors.exists('The user already reacted to this message with this emoji.');
  }
  const reaction: ReactionState = {
    name: `${message.name}/reactions/${b.ids.chars(14)}`,
    user: { name: ctx.callerName, type: 'HUMAN' },
    emoji: stored,
    createTime: formatTimestamp(ctx.now),
    rank: b.ids.rank(),
  };
  message.reactions.push(reaction);
  b.recordEvent(space, 'google.workspace.chat.reaction.v1.created', reaction.name, ctx.now);
  return { json: renderReaction(reaction) };
};

/** spaces.messages.reactions.list. */
export const list: Handler = (ctx) => {
  const b = ctx.backend;
  const { message } = messageOf(ctx, ctx.pathParams.parent);
  const text = qs(ctx, 'filter');
  const filter = text ? reactionsListFilter(text) : {};
  const users = filter.users?.map((u) => {
    const user = b.resolveUserName(u, ctx.caller, true);
    return user ? `users/${user.id}` : u;
  });
  const customUid = (uid: string): string => b.state.customEmojis.find((c) => c.uid === uid)?.uid ?? uid;
  const items = message.reactions
    .filter((r) => !users || users.includes(r.user.name))
    .filter(
      (r) =>
        !filter.emojis ||
        filter.emojis.some((e) =>
          e.unicode !== undefined
            ? r.emoji.unicode === e.unicode
            : r.emoji.customEmoji?.uid === customUid(e.customEmojiUid ?? ''),
        ),
    )
    .map((r, i) => ({ r, key: rankKey(ctx, r, i) }))
    .sort((x, y) => (x.key[0] === y.key[0] ? Number(x.key[1]) - Number(y.key[1]) : x.key[0] < y.key[0] ? -1 : 1));
  const { page, nextPageToken } = pageOf(ctx, items, (x) => x.key);
  return {
    json: listResponse(
      'reactions',
      page.map((x) => renderReaction(x.r)),
      nextPageToken,
    ),
    items: page.length,
  };
};

/** spaces.messages.reactions.delete. */
export const remove: Handler = (ctx) => {
  const b = ctx.backend;
  const name = ctx.pathParams.name;
  const { space, message } = messageOf(ctx, name.split('/').slice(0, 4).join('/'));
  const reaction = message.reactions.find((r) => r.name === name);
  if (!reaction) throw errors.notFound('Reaction not found.');
  if (reaction.user.name !== ctx.callerName) throw errors.denied('Users can only delete their own reactions.');
  message.reactions = message.reactions.filter((r) => r !== reaction);
  b.recordEvent(space, 'google.workspace.chat.reaction.v1.deleted', reaction.name, ctx.now, { name: reaction.name });
  return { json: {} };
};
