/**
 * spaces.messages.* handlers (create, get, list, patch, update, delete) and spaces.messages.attachments.get. Rules:
 * discovery descriptions (32,000-byte messages, client-assigned ids `client-…` ≤63 lowercase chars unique in the
 * space, requestId, messageReplyOption semantics, allowMissing upsert, force delete of threaded replies, list filter
 * and order), facts §1.3/§2.5 (text ≤4,096 characters with the observed error text; text only with user auth:
 * cards need app authentication), Chat Help 13340792 (managers delete any message), and the ANNOUNCEMENT_SPACE preset
 * (only managers post).
 */
import type { Handler, HandlerContext } from '../backend';
import { ApiError, errors } from '../errors';
import { messagesListFilter } from '../filters';
import { renderMessage } from '../render';
import type { AttachmentState, MessageState, SpaceState } from '../state';
import { formatTimestamp } from '../validate';
import { charLength, listResponse, pageOf, parseMask, qb, qs } from './common';

type Json = Record<string, unknown>;

const CLIENT_ID = /^client-[a-z0-9-]+$/;
const DAY = 24 * 3600 * 1000;

/** The space name of a message name. */
function spaceOf(name: string): string {
  return name.split('/').slice(0, 2).join('/');
}

/** Finds a message by system id or client-assigned id (discovery messages.get `name` description). */
export function findMessage(space: SpaceState, name: string): MessageState | undefined {
  return space.messages.find(
    (m) =>
      m.name === name ||
      (m.clientAssignedMessageId !== undefined && `${space.name}/messages/${m.clientAssignedMessageId}` === name),
  );
}

/** True when a HISTORY_OFF space no longer keeps this message ("Messages and threads are kept for 24 hours"). */
function expired(space: SpaceState, m: MessageState, now: number): boolean {
  return space.spaceHistoryState === 'HISTORY_OFF' && now - Date.parse(m.createTime) > DAY;
}

/** Looks a live message up or throws NOT_FOUND. */
function requireMessage(ctx: HandlerContext, space: SpaceState, name: string): MessageState {
  const m = findMessage(space, name);
  if (!m || m.deleteTime || expired(space, m, ctx.now)) throw errors.notFound('Message not found.');
  return m;
}

/** Validates message content for user authentication and returns the text (facts §2.5). */
function validateContent(ctx: HandlerContext, body: Json, rawBytes: number): void {
  for (const key of ['cards', 'cardsV2', 'accessoryWidgets']) {
    const v = body[key];
    if (Array.isArray(v) && v.length > 0) {
      // Observed text for cards sent with user credentials.
      throw errors.invalid('Message cannot have cards for requests carrying human credentials.', `message.${key}`);
    }
  }
  if (body.privateMessageViewer) {
    throw errors.invalid('Private messages require app authentication.', 'message.private_message_viewer');
  }
  if (typeof body.text === 'string' && charLength(body.text) > 4096) {
    // Observed error (cloudflare/GHC-Errbot#10): text over 4,096 characters.
    throw errors.invalid(
      'Maximum length of the field is 4096. Field: apps.dynamite.CreateMessageInfo.text_body',
      'apps.dynamite.CreateMessageInfo.text_body',
    );
  }
  // "The maximum message size, including the message contents, is 32,000 bytes."
  if (rawBytes > 32_000) throw errors.invalid('Message size exceeds the limit of 32,000 bytes.', 'message');
  void ctx;
}

/** Resolves `attachment[]` input (upload tokens from media.upload) into stored attachments. */
function resolveAttachments(
  ctx: HandlerContext,
  space: SpaceState,
  input: unknown,
  messageName: string,
  existing: AttachmentState[] = [],
): AttachmentState[] {
  if (!Array.isArray(input)) return [];
  const b = ctx.backend;
  return input.map((raw: Json, i) => {
    const ref = (raw.attachmentDataRef ?? {}) as { attachmentUploadToken?: string; resourceName?: string };
    const kept = existing.find(
      (a) => a.name === raw.name || (ref.resourceName && a.attachmentDataRef.resourceName === ref.resourceName),
    );
    if (kept) return kept;
    const upload = b.state.uploads.find((u) => u.token === ref.attachmentUploadToken);
    if (!upload || upload.space !== space.name || upload.uploader !== ctx.callerName) {
      throw errors.invalid(
        'Invalid attachment: attachmentDataRef.attachmentUploadToken must come from media.upload in this space.',
        `message.attachment[${i}]`,
      );
    }
    b.state.uploads = b.state.uploads.filter((u) => u !== upload);
    const id = b.ids.chars(16);
    return {
      name: `${messageName}/attachments/${id}`,
      contentName: upload.filename,
      contentType: upload.contentType,
      attachmentDataRef: { resourceName: upload.resourceName },
      source: 'UPLOADED_CONTENT',
      downloadUri: `https://chat.google.com/api/get_attachment_url?url_type=DOWNLOAD_URL&content_type=${encodeURIComponent(upload.contentType)}&attachment_token=${id}`,
      thumbnailUri: upload.contentType.startsWith('image/')
        ? `https://chat.google.com/api/get_attachment_url?url_type=FIFE_URL&content_type=${encodeURIComponent(upload.contentType)}&attachment_token=${id}`
        : undefined,
    };
  });
}

/** Finds the thread for a reply: by name in this space, or by this app's thread key. */
function findThread(space: SpaceState, name: string | undefined, key: string | undefined): string | undefined {
  if (name) return space.messages.some((m) => m.thread.name === name) ? name : undefined;
  if (key) return space.messages.find((m) => m.thread.threadKey === key)?.thread.name;
  return undefined;
}

/** Creates and stores a message (shared by create and allowMissing patch). */
function storeMessage(
  ctx: HandlerContext,
  space: SpaceState,
  body: Json,
  clientId: string | undefined,
  rawBytes: number,
): MessageState {
  const b = ctx.backend;
  validateContent(ctx, body, rawBytes);
  const text = typeof body.text === 'string' && body.text !== '' ? body.text : undefined;
  const hasAttachment = Array.isArray(body.attachment) && body.attachment.length > 0;
  if (!text && !hasAttachment) throw errors.invalid('Message cannot be empty. Set text or attachment.', 'message');

  const thread = (body.thread ?? {}) as { name?: string; threadKey?: string };
  const key = thread.threadKey ?? qs(ctx, 'threadKey');
  if (key !== undefined && charLength(key) > 4000)
    throw errors.invalid('threadKey supports up to 4000 characters.', 'message.thread.thread_key');
  const option = qs(ctx, 'messageReplyOption') ?? 'MESSAGE_REPLY_OPTION_UNSPECIFIED';
  let threadName: string | undefined;
  let threadKey: string | undefined;
  // "Only supported in named spaces."
  if (space.spaceType === 'SPACE' && option !== 'MESSAGE_REPLY_OPTION_UNSPECIFIED') {
    const found = findThread(space, thread.name, thread.name ? undefined : key);
    if (found) {
      threadName = found;
      threadKey = key && !thread.name ? key : undefined;
    } else if (option === 'REPLY_MESSAGE_OR_FAIL' && (thread.name || !key)) {
      // "REPLY_MESSAGE_OR_FAIL ... If the message creation fails, a NOT_FOUND error is returned instead."
      throw errors.notFound('Thread not found.');
    } else {
      threadKey = key; // a new thread with this key ("If a new thread_key is used, a new thread is created")
    }
  }
  const reply = threadName !== undefined;
  // ANNOUNCEMENT_SPACE: "only space managers can post messages"; replies follow replyMessages.
  b.requirePermission(ctx, space, reply ? 'replyMessages' : 'postMessages');
  const root = reply ? (threadName as string).split('/')[3] : b.ids.segment();
  const id = reply ? b.ids.segment() : root;
  const name = `${space.name}/messages/${root}.${id}`;
  const message: MessageState = {
    name,
    text,
    thread: threadKey
      ? { name: `${space.name}/threads/${root}`, threadKey }
      : { name: `${space.name}/threads/${root}` },
    sender: { name: ctx.callerName, type: 'HUMAN' },
    createTime: formatTimestamp(ctx.now),
    clientAssignedMessageId: clientId,
    threadReply: reply,
    reactions: [],
    seq: b.state.idCounter,
  };
  message.attachment = hasAttachment ? resolveAttachments(ctx, space, body.attachment, name) : undefined;
  if (message.attachment?.length === 0) delete message.attachment;
  space.messages.push(message);
  space.lastActiveTime = message.createTime;
  setReadState(ctx, space, message.createTime);
  b.recordEvent(space, 'google.workspace.chat.message.v1.created', message.name, ctx.now);
  return message;
}

/** The caller has read up to their own message. */
function setReadState(ctx: HandlerContext, space: SpaceState, time: string): void {
  const entry = ctx.backend.state.readStates.find((r) => r.user === ctx.callerName && r.space === space.name);
  if (entry) entry.lastReadTime = time;
  else ctx.backend.state.readStates.push({ user: ctx.callerName, space: space.name, lastReadTime: time });
}

function rawSize(ctx: HandlerContext): number {
  return Buffer.byteLength(JSON.stringify(ctx.body), 'utf8');
}

function validateClientId(id: string): void {
  // "Begins with client-", "Contains up to 63 characters and only lowercase letters, numbers, and hyphens."
  if (id.length > 63 || !CLIENT_ID.test(id)) {
    throw errors.invalid(
      'Invalid message ID. A custom message ID must begin with "client-", contain only lowercase letters, numbers and hyphens, and be at most 63 characters.',
      'message_id',
    );
  }
}

/** spaces.messages.create. */
export const create: Handler = (ctx) => {
  const b = ctx.backend;
  const space = b.requireSpace(ctx, ctx.pathParams.parent);
  const requestId = qs(ctx, 'requestId');
  if (requestId) {
    const existing = b.replay('message', requestId, ctx, space.name);
    const m = existing ? findMessage(space, existing) : undefined;
    if (m && !m.deleteTime) {
      return {
        json:
          b.behaviour.requestIdReplay === 'partial'
            ? { name: m.name, thread: { ...m.thread } }
            : renderMessage(m, space),
      };
    }
  }
  const clientId = qs(ctx, 'messageId');
  if (clientId !== undefined) {
    validateClientId(clientId);
    // "Is unique within a space." A duplicate fails (facts §2.1: expect ALREADY_EXISTS).
    if (space.messages.some((m) => m.clientAssignedMessageId === clientId))
      throw errors.exists('A message with this ID already exists in the space.');
  }
  const message = storeMessage(ctx, space, ctx.body, clientId, rawSize(ctx));
  if (requestId) b.rememberRequest('message', requestId, ctx, message.name, space.name);
  return { json: renderMessage(message, space) };
};

/** spaces.messages.get. */
export const get: Handler = (ctx) => {
  const name = ctx.pathParams.name;
  const space = ctx.backend.requireSpace(ctx, spaceOf(name));
  return { json: renderMessage(requireMessage(ctx, space, name), space) };
};

/** spaces.messages.list. */
export const list: Handler = (ctx) => {
  const space = ctx.backend.requireSpace(ctx, ctx.pathParams.parent);
  const filterText = qs(ctx, 'filter');
  const filter = filterText ? messagesListFilter(filterText) : {};
  const orderText = (qs(ctx, 'orderBy') ?? 'create_time ASC').trim();
  const om = /^(create_time|createTime)(?:\s+(ASC|DESC|asc|desc))?$/.exec(orderText);
  if (!om) throw errors.invalid('Invalid orderBy. Use "create_time ASC" or "create_time DESC".', 'order_by');
  const desc = (om[2] ?? 'ASC').toUpperCase() === 'DESC';
  const showDeleted = qb(ctx, 'showDeleted');
  const items = space.messages
    .filter((m) => !expired(space, m, ctx.now))
    .filter((m) => showDeleted || !m.deleteTime)
    .filter((m) => filter.thread === undefined || m.thread.name === filter.thread)
    .filter((m) => filter.after === undefined || Date.parse(m.createTime) > filter.after)
    .filter((m) => filter.before === undefined || Date.parse(m.createTime) < filter.before);
  const key = (m: MessageState): Array<number | string> => [Date.parse(m.createTime), m.seq];
  items.sort((x, y) => {
    const a = key(x);
    const c = a[0] === key(y)[0] ? Number(a[1]) - Number(key(y)[1]) : Number(a[0]) - Number(key(y)[0]);
    return desc ? -c : c;
  });
  const { page, nextPageToken } = pageOf(ctx, items, key, desc);
  return {
    json: listResponse(
      'messages',
      page.map((m) => renderMessage(m, space)),
      nextPageToken,
    ),
    items: page.length,
  };
};

/** spaces.messages.patch and spaces.messages.update (same semantics, PATCH vs PUT). */
export const patch: Handler = (ctx) => {
  const b = ctx.backend;
  const name = ctx.pathParams.name;
  const space = b.requireSpace(ctx, spaceOf(name));
  const found = findMessage(space, name);
  const live = found && !found.deleteTime && !expired(space, found, ctx.now) ? found : undefined;
  if (!live) {
    if (qb(ctx, 'allowMissing')) {
      // "If true and the message isn't found, a new message is created and updateMask is ignored. The specified
      // message ID must be client-assigned or the request fails."
      const segment = name.split('/')[3] ?? '';
      if (!segment.startsWith('client-'))
        throw errors.invalid('allowMissing requires a client-assigned message ID (client-…).', 'name');
      validateClientId(segment);
      if (found) throw errors.exists('A message with this ID already exists in the space.');
      const created = storeMessage(ctx, space, ctx.body, segment, rawSize(ctx));
      return { json: renderMessage(created, space) };
    }
    throw errors.notFound('Message not found.');
  }
  const masks = parseMask(ctx.query.updateMask);
  const paths = new Set<string>();
  for (const mask of masks) {
    if (mask === '*') {
      paths.add('text');
      paths.add('attachment');
    } else if (mask === 'text' || mask === 'attachment') {
      paths.add(mask);
    } else if (mask === 'cards' || mask === 'cards_v2' || mask === 'accessory_widgets') {
      throw errors.invalid(`Updating ${mask} requires app authentication.`, 'update_mask');
    } else {
      throw errors.invalid(`Invalid update mask path: ${mask}.`, 'update_mask');
    }
  }
  // With user authentication a user can only update their own messages.
  if (live.sender.name !== ctx.callerName) throw errors.denied('Only the sender can update this message.');
  validateContent(ctx, ctx.body, rawSize(ctx));
  const text = paths.has('text')
    ? typeof ctx.body.text === 'string' && ctx.body.text !== ''
      ? ctx.body.text
      : undefined
    : live.text;
  const attachment = paths.has('attachment')
    ? resolveAttachments(ctx, space, ctx.body.attachment, live.name, live.attachment)
    : live.attachment;
  if (!text && !(attachment && attachment.length > 0))
    throw errors.invalid('Message cannot be empty. Set text or attachment.', 'message');
  live.text = text;
  live.attachment = attachment && attachment.length > 0 ? attachment : undefined;
  live.lastUpdateTime = formatTimestamp(ctx.now);
  b.recordEvent(space, 'google.workspace.chat.message.v1.updated', live.name, ctx.now);
  return { json: renderMessage(live, space) };
};

/** spaces.messages.update (PUT): same rules as patch. */
export const update: Handler = patch;

/** Tombstones a message (deleteTime, deletionMetadata) and records the event. */
function tombstone(ctx: HandlerContext, space: SpaceState, m: MessageState, deletionType: string): void {
  const b = ctx.backend;
  m.deleteTime = formatTimestamp(ctx.now);
  m.deletionMetadata = { deletionType };
  delete m.text;
  for (const a of m.attachment ?? [])
    b.state.media = b.state.media.filter((x) => x.resourceName !== a.attachmentDataRef.resourceName);
  delete m.attachment;
  m.reactions = [];
  b.forgetRequests(m.name);
  // MessageDeletedEventData: "Only the name, createTime, deleteTime, and deletionMetadata fields are populated."
  b.recordEvent(space, 'google.workspace.chat.message.v1.deleted', m.name, ctx.now, {
    name: m.name,
    createTime: m.createTime,
    deleteTime: m.deleteTime,
    deletionMetadata: { deletionType },
  });
}

/** spaces.messages.delete. */
export const remove: Handler = (ctx) => {
  const b = ctx.backend;
  const name = ctx.pathParams.name;
  const space = b.requireSpace(ctx, spaceOf(name));
  const m = requireMessage(ctx, space, name);
  const own = m.sender.name === ctx.callerName;
  const role = b.roleOf(space, ctx.caller);
  const manager = space.spaceType === 'SPACE' && (role === 'ROLE_MANAGER' || role === 'ROLE_ASSISTANT_MANAGER');
  if (!own && !manager) throw errors.denied('Only the sender or a space manager can delete this message.');
  const replies = m.threadReply
    ? []
    : space.messages.filter((x) => x !== m && x.thread.name === m.thread.name && x.threadReply && !x.deleteTime);
  if (replies.length > 0 && !qb(ctx, 'force')) {
    // "When false, if a message has threaded replies, deletion fails."
    throw new ApiError(
      'FAILED_PRECONDITION',
      'The message has threaded replies. Set force to true to delete them too.',
    );
  }
  const type = own ? 'CREATOR' : 'SPACE_OWNER';
  for (const r of replies) tombstone(ctx, space, r, r.sender.name === ctx.callerName ? 'CREATOR' : 'SPACE_OWNER');
  tombstone(ctx, space, m, type);
  return { json: {} };
};

/** spaces.messages.attachments.get (metadata only; app authentication in this revision). */
export const getAttachment: Handler = (ctx) => {
  const name = ctx.pathParams.name;
  const space = ctx.backend.requireSpace(ctx, spaceOf(name));
  const messageName = name.split('/').slice(0, 4).join('/');
  const m = requireMessage(ctx, space, messageName);
  const a = m.attachment?.find((x) => x.name === name);
  if (!a) throw errors.notFound('Attachment not found.');
  return { json: { ...a } };
};
