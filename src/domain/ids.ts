/**
 * Identifiers that make runs idempotent. Row IDs (`r-` + 10 Crockford base32 characters) are the stable key of a
 * row; they come from an injected random source so this module stays pure and tests stay deterministic, and
 * `assignRowIds` gives blank, malformed and copied Row IDs new ones (a copied row is the later of two rows with the
 * same ID). `requestId` derives the Chat `requestId` for spaces.setup/create and messages.create from the spreadsheet,
 * the Row ID, the action (and target space, and a generation that only changes when the user deliberately
 * re-creates a deleted space), so a retry after a crash returns the resource already made instead of making a
 * second one. `clientMessageId` derives the client-assigned message ID (`client-…`, at most 63 characters of
 * lowercase letters, digits and hyphens). Hashing is a small SHA-256 written here (no Utilities service).
 */

// ---------------------------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), over UTF-8

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** UTF-8 bytes of a string (lone surrogates encoded as U+FFFD, like TextEncoder). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** SHA-256 digest (32 bytes) of bytes, or of a string's UTF-8 encoding. */
export function sha256(input: string | Uint8Array): Uint8Array {
  const bytes = typeof input === 'string' ? utf8Bytes(input) : input;
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(off + t * 4);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15];
      const b = w[t - 2];
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]];
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[t] + w[t]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0] + a) >>> 0;
    h[1] = (h[1] + b) >>> 0;
    h[2] = (h[2] + c) >>> 0;
    h[3] = (h[3] + d) >>> 0;
    h[4] = (h[4] + e) >>> 0;
    h[5] = (h[5] + f) >>> 0;
    h[6] = (h[6] + g) >>> 0;
    h[7] = (h[7] + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]);
  return out;
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}

/** SHA-256 of a string's UTF-8 encoding, as 64 lowercase hex characters. */
export function sha256Hex(text: string): string {
  return toHex(sha256(text));
}

/** Crockford base32, lower-cased: digits and letters without i, l, o, u (easy to read aloud and to copy). */
export const BASE32_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** The first `length` base32 characters of bytes (5 bits each, most significant first). */
export function toBase32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = ((buffer << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Chat request IDs and client message IDs

/** What a Chat `requestId` is derived from. */
export interface RequestIdParts {
  /** The spreadsheet's ID (so two copies of a workbook never share IDs). */
  readonly spreadsheetId: string;
  readonly rowId: string;
  /** What the call does, e.g. `spaces.setup`, `welcome`, `messages.create`. */
  readonly action: string;
  /** The target space (for a Messages row sent to several spaces). */
  readonly target?: string;
  /**
   * 0 normally; incremented only when the user explicitly re-creates a space that was deleted, so the re-creation
   * is not answered with the deleted space.
   */
  readonly generation?: number;
}

const SEP = '\u001f';

/**
 * A UUID-shaped (8-4-4-4-12, version 8 "custom", RFC 9562 variant) request ID derived deterministically from the
 * parts: the same parts always give the same ID; any change gives another.
 */
export function requestId(parts: RequestIdParts): string {
  const input = [
    'chat-spaces-for-sheets/request/v1',
    parts.spreadsheetId,
    parts.rowId,
    parts.action,
    parts.target ?? '',
    String(parts.generation ?? 0),
  ].join(SEP);
  const b = sha256(input).slice(0, 16);
  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = toHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What a client message ID is derived from. */
export interface ClientMessageIdParts {
  readonly rowId: string;
  /**
   * The target space, when ids must differ per space. Chat requires uniqueness only within a space, so leaving it
   * out gives one ID for all the row's target spaces (one `Message ID` cell describes them all).
   */
  readonly space?: string;
  /** Distinguishes a re-post after the user deleted the message (0 normally). */
  readonly generation?: number;
  /** What the message is for when a row posts more than one (e.g. `welcome`). */
  readonly purpose?: string;
}

/** Chat's rule for client-assigned message IDs: `client-` then lowercase letters, digits and hyphens; ≤ 63 chars. */
export const CLIENT_MESSAGE_ID_PATTERN = /^client-[a-z0-9-]{1,56}$/;

/**
 * A stable client-assigned message ID: `client-` + a readable slug of the Row ID + `-` + 13 base32 hash characters
 * (65 bits) over all parts, at most 63 characters, e.g. `client-r-7k3m9q2xvd-5h2k8p1qz9c0m`.
 */
export function clientMessageId(parts: ClientMessageIdParts): string {
  const input = [
    'chat-spaces-for-sheets/message/v1',
    parts.rowId,
    parts.space ?? '',
    String(parts.generation ?? 0),
    parts.purpose ?? '',
  ].join(SEP);
  const hash = toBase32(sha256(input), 13);
  const slug = parts.rowId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24)
    .replace(/-$/, '');
  const purpose = (parts.purpose ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 8);
  const id = ['client', slug, purpose, hash].filter((p) => p !== '').join('-');
  return id;
}

/** True when `id` is a valid client-assigned message ID (`client-…`, lowercase letters, digits, hyphens, ≤ 63). */
export function isValidClientMessageId(id: string): boolean {
  return CLIENT_MESSAGE_ID_PATTERN.test(id) && id.length <= 63;
}

// ---------------------------------------------------------------------------------------------------------------
// Row IDs

/** The format of Row IDs the add-on generates: `r-` + 10 Crockford base32 characters. */
export const ROW_ID_PATTERN = /^r-[0-9a-hjkmnp-tv-z]{10}$/;

/** Longest Row ID accepted from a sheet (IDs from other tools are kept when reasonable). */
export const MAX_ROW_ID_CHARS = 64;

/** True when a Row ID written in a sheet can be kept: 1–64 printable characters without spaces. */
export function isAcceptableRowId(text: string): boolean {
  return text.length > 0 && text.length <= MAX_ROW_ID_CHARS && /^[\x21-\x7e]+$/.test(text);
}

/**
 * A deterministic pseudo-random source (mulberry32) returning numbers in [0, 1). For tests and for callers that
 * want reproducible IDs; production passes `Math.random` (or a seed from `Utilities.getUuid()`).
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Row ID generator: `r-` + 10 base32 characters drawn from `random` (a `() => number` in [0, 1)). IDs in `taken`
 * (and IDs it already produced) are never returned.
 */
export function createRowIdGenerator(random: () => number, taken: Iterable<string> = []): () => string {
  const used = new Set(taken);
  return () => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      let id = 'r-';
      for (let i = 0; i < 10; i++) id += BASE32_ALPHABET[Math.min(31, Math.floor(random() * 32))];
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
    throw new Error('The random source keeps returning the same Row IDs.');
  };
}

/** Why a row gets a new Row ID. */
export type RowIdReason = 'blank' | 'copied' | 'invalid';

/** A Row ID the add-on must write. */
export interface RowIdAssignment {
  /** 1-based sheet row. */
  readonly row: number;
  readonly rowId: string;
  readonly reason: RowIdReason;
  /** The Row ID the cell held (for `copied` and `invalid`). */
  readonly previous?: string;
  /** For `copied`: the row that keeps the ID. */
  readonly copiedFromRow?: number;
}

/**
 * Gives every row a usable, unique Row ID. Rows keep theirs when it is acceptable and first in sheet order; a
 * later row with the same ID is a copy and gets a new one (its outputs such as Space ID were copied too and must be
 * ignored); blank or malformed IDs get new ones. `newRowId` is called only for rows that need one; it must not
 * return IDs already in the sheet (wrap it with `createRowIdGenerator(random, existingIds)`, or pass a random source
 * and let this function do it).
 */
export function assignRowIds(
  rows: readonly { readonly row: number; readonly rowId: string }[],
  newRowId: (() => string) | { random: () => number },
): { rowIds: Map<number, string>; assignments: RowIdAssignment[] } {
  const existing = rows.map((r) => r.rowId.trim()).filter(isAcceptableRowId);
  const next = typeof newRowId === 'function' ? newRowId : createRowIdGenerator(newRowId.random, existing);
  const owner = new Map<string, number>();
  const rowIds = new Map<number, string>();
  const assignments: RowIdAssignment[] = [];
  const taken = new Set(existing);
  const fresh = (): string => {
    for (let i = 0; i < 1000; i++) {
      const id = next();
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
    throw new Error('The Row ID generator keeps returning IDs already in the sheet.');
  };
  for (const r of rows) {
    const id = r.rowId.trim();
    if (id === '') {
      const rowId = fresh();
      rowIds.set(r.row, rowId);
      assignments.push({ row: r.row, rowId, reason: 'blank' });
    } else if (!isAcceptableRowId(id)) {
      const rowId = fresh();
      rowIds.set(r.row, rowId);
      assignments.push({ row: r.row, rowId, reason: 'invalid', previous: id });
    } else if (owner.has(id)) {
      const rowId = fresh();
      rowIds.set(r.row, rowId);
      assignments.push({ row: r.row, rowId, reason: 'copied', previous: id, copiedFromRow: owner.get(id) });
    } else {
      owner.set(id, r.row);
      rowIds.set(r.row, id);
    }
  }
  return { rowIds, assignments };
}
