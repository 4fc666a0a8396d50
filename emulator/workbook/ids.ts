/**
 * Stable identifiers for loaded workbooks: the same file loads with the same spreadsheet id and sheet ids, so runs
 * are reproducible and saved state (properties, Row IDs) keeps pointing at the same sheets.
 */
import { createHash } from 'node:crypto';

export interface LoadOptions {
  /** Spreadsheet id (default: derived from the file name). */
  id: string;
  /** Spreadsheet title (default: the folder or file name). */
  name?: string;
  /** Spreadsheet time zone (default: the sidecar's, else Etc/UTC). */
  timeZone?: string;
}

/** A 44-character spreadsheet id derived from a seed text. */
export function spreadsheetIdFor(seed: string): string {
  return '1' + createHash('sha256').update(seed).digest('base64url').slice(0, 43);
}

/** Sheet ids: the first tab is 0, like a new spreadsheet; others are derived from the tab name. */
export function sheetIdFor(name: string, index: number): number {
  if (index === 0) return 0;
  return (createHash('sha256').update(name).digest().readUInt32BE(0) % 2_000_000_000) + 1;
}
