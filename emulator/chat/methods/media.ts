/**
 * media.upload and media.download. Upload takes the `/upload/v1/{parent}/attachments:upload` path with a
 * multipart/related body (JSON metadata `{filename}` + the file bytes) or `uploadType=media` raw bytes; it returns an
 * opaque `attachmentDataRef.attachmentUploadToken` for messages.create (discovery media.upload: "up to 200 MB.
 * Certain file types aren't supported"). Download serves the stored bytes at `/v1/media/{resourceName}?alt=media`
 * (REST only; facts §4.1: not in the advanced service).
 */
import type { Handler } from '../backend';
import { errors } from '../errors';
import { formatTimestamp } from '../validate';
import { qs } from './common';

/**
 * File types Google Chat blocks (support.google.com/chat/answer/7651457; the list is Gmail's blocked executable
 * types, C23: exact Chat list unconfirmed).
 */
export const BLOCKED_EXTENSIONS = [
  'ade',
  'adp',
  'apk',
  'appx',
  'appxbundle',
  'bat',
  'cab',
  'chm',
  'cmd',
  'com',
  'cpl',
  'diagcab',
  'diagcfg',
  'diagpack',
  'dll',
  'dmg',
  'ex',
  'ex_',
  'exe',
  'hta',
  'img',
  'ins',
  'iso',
  'isp',
  'jar',
  'jnlp',
  'js',
  'jse',
  'lib',
  'lnk',
  'mde',
  'msc',
  'msi',
  'msix',
  'msixbundle',
  'msp',
  'mst',
  'nsh',
  'pif',
  'ps1',
  'scr',
  'sct',
  'shb',
  'sys',
  'vb',
  'vbe',
  'vbs',
  'vhd',
  'vxd',
  'wsc',
  'wsf',
  'wsh',
  'xll',
];

/** media.upload. */
export const upload: Handler = (ctx) => {
  const b = ctx.backend;
  const space = b.requireSpace(ctx, ctx.pathParams.parent);
  const filename = typeof ctx.body.filename === 'string' ? ctx.body.filename : '';
  if (filename.trim() === '') throw errors.invalid('filename is required.', 'filename');
  if (!ctx.media)
    throw errors.invalid('Media is required: upload the file to /upload/v1/{parent}/attachments:upload.', 'media');
  const ext = filename.includes('.') ? (filename.split('.').pop()?.toLowerCase() ?? '') : '';
  if (BLOCKED_EXTENSIONS.includes(ext))
    throw errors.invalid(`Files of type .${ext} are blocked by Google Chat.`, 'filename');
  const max = ctx.method.maxUploadBytes ?? 209_715_200;
  if (ctx.media.bytes.length > max) throw errors.invalid(`The file exceeds the maximum size of ${max} bytes.`, 'media');
  const id = b.ids.chars(24);
  const token = Buffer.from(JSON.stringify({ t: 'upload', s: space.name, i: id }), 'utf8').toString('base64url');
  const resourceName = Buffer.from(`${space.name}/attachments/${id}`, 'utf8').toString('base64url');
  b.state.uploads.push({
    token,
    space: space.name,
    uploader: ctx.callerName,
    filename,
    contentType: ctx.media.contentType || 'application/octet-stream',
    resourceName,
    createTime: formatTimestamp(ctx.now),
  });
  b.state.media.push({
    resourceName,
    space: space.name,
    filename,
    contentType: ctx.media.contentType || 'application/octet-stream',
    bytesB64: Buffer.from(ctx.media.bytes).toString('base64'),
  });
  return { json: { attachmentDataRef: { attachmentUploadToken: token } }, bytes: ctx.media.bytes.length };
};

/** media.download ("Download is supported on the URI /v1/media/{+name}?alt=media"). */
export const download: Handler = (ctx) => {
  const b = ctx.backend;
  const resourceName = ctx.pathParams.resourceName;
  const media = b.state.media.find((m) => m.resourceName === resourceName);
  // Only media attached to a message can be downloaded (the resource name is only handed out then).
  const attached =
    media &&
    b
      .findSpace(media.space)
      ?.messages.some((m) => m.attachment?.some((a) => a.attachmentDataRef.resourceName === resourceName));
  if (!media || !attached) throw errors.notFound('Media not found.');
  b.requireSpace(ctx, media.space);
  if (qs(ctx, 'alt') !== 'media') return { json: { resourceName } };
  const bytes = Buffer.from(media.bytesB64, 'base64');
  return { raw: { bytes: new Uint8Array(bytes), contentType: media.contentType }, bytes: bytes.length };
};

/** The space a media resource name belongs to (for per-space quotas). */
export function spaceOfMedia(resourceName: string): string | undefined {
  try {
    const decoded = Buffer.from(resourceName, 'base64url').toString('utf8');
    const m = /^(spaces\/[^/]+)\/attachments\//.exec(decoded);
    return m?.[1];
  } catch {
    return undefined;
  }
}
