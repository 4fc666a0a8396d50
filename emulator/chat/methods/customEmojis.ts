/**
 * customEmojis.* handlers: create, get, list, delete. Rules: discovery descriptions and CustomEmoji schema — Workspace
 * only and turned on by the admin, `emojiName` `:lowercase-name:` unique in the organisation (alphanumerics, hyphens,
 * underscores; no consecutive separators), `customEmojis/:name:` alias, list filter `creator("users/me")` /
 * `NOT creator("users/me")`, delete by the creator or an emoji manager; facts §1.4: image < 256 KB, square, 64–500 px,
 * PNG/JPEG/GIF.
 */
import type { Handler, HandlerContext } from '../backend';
import { errors } from '../errors';
import { customEmojisFilter } from '../filters';
import type { CustomEmojiState } from '../state';
import { formatTimestamp } from '../validate';
import { listResponse, pageOf, qs, rankKey } from './common';

const NAME = /^:[a-z0-9]+(?:[-_][a-z0-9]+)*:$/;

/** Reads image type and dimensions from PNG, GIF or JPEG bytes. */
export function imageInfo(bytes: Buffer): { type: string; width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { type: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 10 && bytes.toString('ascii', 0, 3) === 'GIF') {
    return { type: 'image/gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1];
      const len = bytes.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { type: 'image/jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return undefined;
}

function render(e: CustomEmojiState): Record<string, unknown> {
  return {
    name: e.name,
    uid: e.uid,
    emojiName: e.emojiName,
    temporaryImageUri: `https://emoji.googleusercontent.com/emulator/${e.uid}`,
  };
}

function requireEnabled(ctx: HandlerContext): void {
  if (!ctx.backend.directory.customEmojisEnabled || ctx.caller.external) {
    throw errors.precondition('Custom emojis are not enabled for this organization.');
  }
}

/** Finds an emoji by `customEmojis/{id}` or the `customEmojis/:name:` alias. */
function find(ctx: HandlerContext, name: string): CustomEmojiState {
  const id = name.slice('customEmojis/'.length);
  const e = ctx.backend.state.customEmojis.find((x) => x.name === name || x.emojiName === id);
  if (!e) throw errors.notFound('Custom emoji not found.');
  return e;
}

/** customEmojis.create. */
export const create: Handler = (ctx) => {
  requireEnabled(ctx);
  const b = ctx.backend;
  const emojiName = ctx.body.emojiName;
  if (typeof emojiName !== 'string' || !NAME.test(emojiName)) {
    throw errors.invalid(
      'emojiName must start and end with colons and contain only lowercase letters, digits, hyphens and underscores.',
      'custom_emoji.emoji_name',
    );
  }
  const payload = ctx.body.payload as { fileContent?: string; filename?: string } | undefined;
  if (!payload?.fileContent || !payload.filename)
    throw errors.invalid('payload.fileContent and payload.filename are required.', 'custom_emoji.payload');
  const bytes = Buffer.from(payload.fileContent, 'base64');
  if (bytes.length >= 256 * 1024)
    throw errors.invalid('The image must be smaller than 256 KB.', 'custom_emoji.payload.file_content');
  const info = imageInfo(bytes);
  if (!info) throw errors.invalid('The image must be PNG, JPEG or GIF.', 'custom_emoji.payload.file_content');
  if (info.width !== info.height || info.width < 64 || info.width > 500) {
    throw errors.invalid('The image must be square, between 64 and 500 pixels.', 'custom_emoji.payload.file_content');
  }
  if (b.state.customEmojis.some((e) => e.emojiName === emojiName))
    throw errors.exists('A custom emoji with this name already exists.');
  const e: CustomEmojiState = {
    name: `customEmojis/${b.ids.chars(12)}`,
    uid: b.ids.chars(16),
    emojiName,
    creator: ctx.callerName,
    createTime: formatTimestamp(ctx.now),
    contentType: info.type,
    bytesB64: bytes.toString('base64'),
    rank: b.ids.rank(),
  };
  b.state.customEmojis.push(e);
  // "temporaryImageUri ... is not populated in the response when the custom emoji is created."
  const out = render(e);
  delete out.temporaryImageUri;
  return { json: out };
};

/** customEmojis.get. */
export const get: Handler = (ctx) => {
  requireEnabled(ctx);
  return { json: render(find(ctx, ctx.pathParams.name)) };
};

/** customEmojis.list. */
export const list: Handler = (ctx) => {
  requireEnabled(ctx);
  const text = qs(ctx, 'filter');
  const mode = text ? customEmojisFilter(text) : undefined;
  const items = ctx.backend.state.customEmojis
    .filter((e) => mode === undefined || (mode === 'mine') === (e.creator === ctx.callerName))
    .map((e, i) => ({ e, key: rankKey(ctx, e, i) }))
    .sort((x, y) => (x.key[0] === y.key[0] ? Number(x.key[1]) - Number(y.key[1]) : x.key[0] < y.key[0] ? -1 : 1));
  const { page, nextPageToken } = pageOf(ctx, items, (x) => x.key);
  return {
    json: listResponse(
      'customEmojis',
      page.map((x) => render(x.e)),
      nextPageToken,
    ),
    items: page.length,
  };
};

/** customEmojis.delete ("By default, users can only delete custom emoji they created"). */
export const remove: Handler = (ctx) => {
  requireEnabled(ctx);
  const e = find(ctx, ctx.pathParams.name);
  if (e.creator !== ctx.callerName && !ctx.caller.emojiManager)
    throw errors.denied('Only the creator or an emoji manager can delete this custom emoji.');
  ctx.backend.state.customEmojis = ctx.backend.state.customEmojis.filter((x) => x !== e);
  return { json: {} };
};
