/**
 * Checks a file fetched for the Messages tab's Attachment column before anything is uploaded to Chat: the link
 * must have answered 200 with a file (not a sign-in or error web page), not be empty, fit in one Apps Script request
 * (UrlFetchApp sends and receives at most 50 MB per call, below Chat's own 200 MB upload limit) and not be a type
 * Chat blocks. Each problem is one sentence naming the column, the link and the fix. Pure.
 */
import { MESSAGES_COL as C } from './tabs';
import { formatCount, quote } from './text';

/** Largest file the add-on can attach: UrlFetchApp's 50 MB per request (Chat itself accepts up to 200 MB). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Extensions Google Chat refuses (Gmail's blocked executable types; the exact Chat list is unconfirmed). */
const BLOCKED = new Set(
  'ade adp apk appx appxbundle bat cab chm cmd com cpl dll dmg exe hta img ins iso isp jar jnlp js jse lib lnk mde msc msi msix msixbundle msp mst nsh pif ps1 scr sct shb sys vb vbe vbs vhd vxd wsc wsf wsh xll'.split(
    ' ',
  ),
);

/** What the server answered for the link. */
export interface FetchedAttachment {
  readonly status: number;
  readonly contentType: string;
  readonly fileName: string;
  readonly size: number;
}

/** The file to upload (name and type completed), or the sentence saying why it cannot be attached. */
export type AttachmentCheck =
  | { readonly fileName: string; readonly contentType: string; readonly problem?: undefined }
  | { readonly problem: string };

/** Checks a fetched attachment; see the file comment. */
export function checkAttachment(url: string, file: FetchedAttachment): AttachmentCheck {
  const link = `${C.attachment} ${quote(url, 80)}`;
  if (file.status === 404 || file.status === 410)
    return { problem: `${link} was not found (HTTP ${file.status}); check the link points to the file.` };
  if (file.status === 401 || file.status === 403)
    return {
      problem: `${link} needs a sign-in (HTTP ${file.status}); share the file so anyone with the link can download it, or host it elsewhere.`,
    };
  if (file.status < 200 || file.status >= 300)
    return { problem: `${link} answered HTTP ${file.status} instead of the file; check the link and try again later.` };
  if (file.contentType === 'text/html')
    return {
      problem: `${link} returned a web page, not a file; use a direct download link (one that downloads the file when opened).`,
    };
  if (file.size === 0) return { problem: `${link} returned an empty file; check the link.` };
  if (file.size > MAX_ATTACHMENT_BYTES)
    return {
      problem: `${link} is ${formatCount(Math.ceil(file.size / 1024 / 1024))} MB; the add-on can attach files up to 50 MB. Share a link to it in the message instead.`,
    };
  const fileName = file.fileName || 'attachment';
  const ext = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
  if (BLOCKED.has(ext))
    return { problem: `${link} is a .${ext} file, a type Google Chat blocks; zip it or share a link to it instead.` };
  return { fileName, contentType: file.contentType || 'application/octet-stream' };
}

/** The sentence for a link that could not be fetched at all (DNS, timeout, too large for Apps Script). */
export function unreachableAttachment(url: string, platformMessage: string): string {
  if (/whitelist|allowlist/i.test(platformMessage))
    return `${C.attachment} ${quote(url, 80)} is on a site the add-on may not download from (its manifest lists the sites it may reach); attach a file from a listed site, or put the link in the message instead.`;
  const tooLarge = /too large|exceed|size/i.test(platformMessage);
  return tooLarge
    ? `${C.attachment} ${quote(url, 80)} is larger than the 50 MB Apps Script can download; share a link to it in the message instead.`
    : `${C.attachment} ${quote(url, 80)} could not be downloaded (${platformMessage}); check the link and try again.`;
}
