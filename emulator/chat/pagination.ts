/**
 * Pagination as the Chat API documents it (facts §2.6): per-method default and maximum page sizes, sizes above the
 * maximum silently clamped, negative sizes INVALID_ARGUMENT, `nextPageToken` absent on the last page, and opaque page
 * tokens that must be used with the same other parameters (`pageTokenMismatch`, C12) within their lifetime
 * (`pageTokenTtlMs`). Tokens are cursors (the sort key of the last item returned), so items created or deleted between
 * pages neither repeat nor shift the next page.
 */
import { ApiError } from './errors';

/** Page size rules of one list method. */
export interface PageRules {
  defaultSize: number;
  maxSize: number;
}

/** Page sizes per method id (discovery parameter descriptions; facts §2.6). */
export const PAGE_RULES: Readonly<Record<string, PageRules>> = {
  'chat.spaces.list': { defaultSize: 100, maxSize: 1000 },
  'chat.spaces.search': { defaultSize: 100, maxSize: 1000 },
  'chat.spaces.members.list': { defaultSize: 100, maxSize: 1000 },
  'chat.spaces.messages.list': { defaultSize: 25, maxSize: 1000 },
  'chat.spaces.messages.reactions.list': { defaultSize: 25, maxSize: 200 },
  'chat.customEmojis.list': { defaultSize: 25, maxSize: 200 },
  // Not documented (facts §2.6 "?"); C18.
  'chat.spaces.spaceEvents.list': { defaultSize: 100, maxSize: 1000 },
};

export type SortKey = Array<number | string>;

interface TokenBody {
  m: string;
  h: string;
  k: SortKey;
  t: number;
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Options for one paginated call. */
export interface PageRequest {
  methodId: string;
  pageSize: number | undefined;
  pageToken: string | undefined;
  /** Every other parameter of the call, to bind the token to them. */
  params: Record<string, unknown>;
  now: number;
  mismatch: 'reject' | 'ignore';
  ttlMs: number | null;
  /** Sort direction of the keys (descending lists compare reversed). */
  descending?: boolean;
}

/** Resolves the effective page size (default, clamp, negative rejected). */
export function effectivePageSize(methodId: string, pageSize: number | undefined): number {
  const rules = PAGE_RULES[methodId] ?? { defaultSize: 100, maxSize: 1000 };
  if (pageSize !== undefined && pageSize < 0) {
    throw new ApiError('INVALID_ARGUMENT', 'Page size must be non-negative.');
  }
  if (pageSize === undefined || pageSize === 0) return rules.defaultSize;
  return Math.min(pageSize, rules.maxSize);
}

/** Returns one page of `items` (already sorted by `keyOf`) and the token for the next one. */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => SortKey,
  req: PageRequest,
): { page: T[]; nextPageToken?: string } {
  const size = effectivePageSize(req.methodId, req.pageSize);
  const paramsHash = hash(
    JSON.stringify(
      Object.entries(req.params)
        .filter(([, v]) => v !== undefined)
        .sort(),
    ),
  );
  let start = 0;
  if (req.pageToken) {
    const body = decodeToken(req.pageToken);
    if (!body || body.m !== req.methodId) throw new ApiError('INVALID_ARGUMENT', 'Invalid page token.');
    if (body.h !== paramsHash && req.mismatch === 'reject') {
      throw new ApiError('INVALID_ARGUMENT', 'The page token does not match the other request parameters.');
    }
    if (req.ttlMs !== null && req.now - body.t > req.ttlMs) {
      throw new ApiError('INVALID_ARGUMENT', 'The page token has expired.');
    }
    const after = body.k;
    const index = items.findIndex((item) => {
      const c = compareKeys(keyOf(item), after);
      return req.descending ? c < 0 : c > 0;
    });
    start = index < 0 ? items.length : index;
  }
  const page = items.slice(start, start + size);
  if (start + size >= items.length || page.length === 0) return { page };
  const token: TokenBody = { m: req.methodId, h: paramsHash, k: keyOf(page[page.length - 1]), t: req.now };
  return { page, nextPageToken: Buffer.from(JSON.stringify(token), 'utf8').toString('base64url') };
}

function decodeToken(token: string): TokenBody | undefined {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
    if (
      typeof body.m !== 'string' ||
      typeof body.h !== 'string' ||
      !Array.isArray(body.k) ||
      typeof body.t !== 'number'
    ) {
      return undefined;
    }
    return body as TokenBody;
  } catch {
    return undefined;
  }
}
