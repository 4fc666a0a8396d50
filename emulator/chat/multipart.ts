/**
 * multipart/related parsing for media uploads (`uploadType=multipart`): the first part carries the JSON metadata
 * (`UploadAttachmentRequest`), the second the file bytes with their content type, separated by the boundary in the
 * Content-Type header (RFC 2387; the shape googleapis-common's `multipartUpload` and UrlFetchApp clients send).
 */

/** One part of a multipart body. */
export interface MultipartPart {
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The boundary of a `multipart/...; boundary=...` content type, if any. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

function indexOf(haystack: Buffer, needle: Buffer, from: number): number {
  return haystack.indexOf(needle, from);
}

/** Splits a multipart body into parts; returns undefined when it is not well formed. */
export function parseMultipart(body: Uint8Array, boundary: string): MultipartPart[] | undefined {
  const buf = Buffer.from(body);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = indexOf(buf, delimiter, 0);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    if (buf.slice(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (buf.slice(pos, pos + 2).toString() === '\r\n') pos += 2;
    else if (buf[pos] === 0x0a) pos += 1;
    const next = indexOf(buf, delimiter, pos);
    if (next < 0) return undefined;
    let end = next;
    if (buf[end - 1] === 0x0a) end--;
    if (buf[end - 1] === 0x0d) end--;
    const part = buf.slice(pos, end);
    let headerEnd = part.indexOf('\r\n\r\n');
    let sepLen = 4;
    if (headerEnd < 0) {
      headerEnd = part.indexOf('\n\n');
      sepLen = 2;
    }
    if (headerEnd < 0) return undefined;
    const headers: Record<string, string> = {};
    for (const line of part.slice(0, headerEnd).toString('utf8').split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    let content = part.slice(headerEnd + sepLen);
    if ((headers['content-transfer-encoding'] ?? '').toLowerCase() === 'base64') {
      content = Buffer.from(content.toString('ascii'), 'base64');
    }
    parts.push({ headers, body: new Uint8Array(content) });
    pos = next;
  }
  return parts;
}
