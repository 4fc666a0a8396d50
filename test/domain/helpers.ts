/**
 * Builders for domain tests: a tab grid from header + rows, and a read table.
 */
import type { RawCell } from '../../src/domain/cells';
import { readTable, type Table } from '../../src/domain/table';
import type { TabSpec } from '../../src/domain/tabs';

/** A grid whose first row is `headers` and whose rows are objects keyed by header. */
export function grid(headers: string[], rows: Record<string, RawCell>[]): RawCell[][] {
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

/** Reads a tab from headers and row objects (rows start at sheet row 2). */
export function table(tab: TabSpec, headers: string[], rows: Record<string, RawCell>[], timeZone = 'UTC'): Table {
  return readTable(tab, grid(headers, rows), { timeZone });
}

/** A deterministic Row ID generator: r-0000000001, r-0000000002, … */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `r-${String(++n).padStart(10, '0')}`;
}
