/**
 * Small helpers the method handlers share: character counting for documented length limits, update-mask parsing
 * (FieldMask strings in snake_case or lowerCamel, comma separated), list response shaping (an empty list is `{}`,
 * discovery messages.list: "the response is an empty object"), and seeded ordering of lists Google documents as
 * unordered.
 */
import { errors } from '../errors';
import type { HandlerContext } from '../backend';
import { snake } from '../validate';
import { paginate } from '../pagination';

/** Length in characters (Unicode code points), the unit the documented limits use. */
export function charLength(text: string): number {
  return [...text].length;
}

/** Throws INVALID_ARGUMENT when `text` is longer than `max` characters. */
export function checkLength(text: string | undefined, max: number, field: string): void {
  if (text !== undefined && charLength(text) > max) {
    throw errors.invalid(`Maximum length of the field is ${max}. Field: ${field}`, field);
  }
}

/**
 * Parses an update mask into canonical snake_case paths. `required` makes a missing/empty mask INVALID_ARGUMENT
 * ("updateMask: Required" in every patch method's discovery description).
 */
export function parseMask(value: unknown, required = true): string[] {
  const text = typeof value === 'string' ? value : '';
  const paths = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('.').map(snake).join('.'));
  if (required && paths.length === 0)
    throw errors.invalid('update_mask is required and must not be empty.', 'update_mask');
  return [...new Set(paths)];
}

/** A list response: `{ [key]: items, nextPageToken }`, or `{}` when there is nothing (proto3 JSON). */
export function listResponse(key: string, items: unknown[], nextPageToken?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (items.length > 0) out[key] = items;
  if (nextPageToken) out.nextPageToken = nextPageToken;
  return out;
}

/** Sort key for a ranked item under the `unorderedLists` option. */
export function rankKey(
  ctx: HandlerContext,
  item: { rank: number; createTime?: string },
  index: number,
): Array<number | string> {
  return ctx.backend.behaviour.unorderedLists === 'seeded-shuffle'
    ? [item.rank, index]
    : [Date.parse(item.createTime ?? '') || 0, index];
}

/** A query parameter as a string (undefined when absent). */
export function qs(ctx: HandlerContext, key: string): string | undefined {
  const v = ctx.query[key];
  return v === undefined ? undefined : String(v);
}

/** A query parameter as a number (undefined when absent). */
export function qn(ctx: HandlerContext, key: string): number | undefined {
  const v = ctx.query[key];
  return typeof v === 'number' ? v : undefined;
}

/** A query parameter as a boolean (false when absent). */
export function qb(ctx: HandlerContext, key: string): boolean {
  return ctx.query[key] === true;
}

/** Common paging parameters of a call. */
export function pageParams(ctx: HandlerContext, except: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = { ...ctx.pathParams };
  for (const [k, v] of Object.entries(ctx.query)) {
    if (k === 'pageToken' || k === 'pageSize' || except.includes(k)) continue;
    if (
      [
        'fields',
        'prettyPrint',
        'alt',
        'key',
        'access_token',
        'oauth_token',
        'quotaUser',
        '$.xgafv',
        'callback',
      ].includes(k)
    )
      continue;
    out[k] = v;
  }
  return out;
}

/** Paginates `items` for the current call with the options in effect. */
export function pageOf<T>(
  ctx: HandlerContext,
  items: T[],
  keyOf: (item: T) => Array<number | string>,
  descending = false,
): { page: T[]; nextPageToken?: string } {
  return paginate(items, keyOf, {
    methodId: ctx.method.id,
    pageSize: qn(ctx, 'pageSize'),
    pageToken: qs(ctx, 'pageToken') || undefined,
    params: pageParams(ctx),
    now: ctx.now,
    mismatch: ctx.backend.behaviour.pageTokenMismatch,
    ttlMs: ctx.backend.behaviour.pageTokenTtlMs,
    descending,
  });
}
