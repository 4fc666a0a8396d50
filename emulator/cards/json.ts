/**
 * JSON value types shared by the CardService emulation, the card validator and the HTML renderer, plus the few
 * narrowing helpers they need to read untrusted card JSON without `any`. Card JSON here always means the
 * google.apps.card.v1 shape (lowerCamel keys) described by the `GoogleAppsCardV1*` schemas of the Chat discovery
 * document in `emulator/data/chat-v1-discovery.json`.
 */

/** Any JSON value. */
export type Json = string | number | boolean | null | Json[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** True for a non-null, non-array object (from any realm: no `instanceof`). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or undefined when absent or not an object. */
export function objectAt(obj: JsonObject, key: string): JsonObject | undefined {
  const v = obj[key];
  return isJsonObject(v) ? v : undefined;
}

/** The array at `key`, or an empty array when absent or not an array. */
export function arrayAt(obj: JsonObject, key: string): Json[] {
  const v = obj[key];
  return Array.isArray(v) ? v : [];
}

/** The string at `key` (numbers are stringified), or undefined. */
export function stringAt(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The boolean at `key`, or undefined. */
export function booleanAt(obj: JsonObject, key: string): boolean | undefined {
  const v = obj[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** The number at `key` (numeric strings, as int64 values are printed, are parsed), or undefined. */
export function numberAt(obj: JsonObject, key: string): number | undefined {
  const v = obj[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}
