/**
 * A1 and R1C1 notation as Sheet.getRange / Spreadsheet.getRange accept them: `A1`, `A1:B2`, `$A$1`, whole columns
 * (`A:B`), whole rows (`1:2`), open-ended ranges (`A2:C`), an optional sheet prefix (`Sheet1!A1`, `'My sheet'!A1`),
 * and absolute R1C1 (`R1C1`, `R1C1:R2C3`; the getRange reference accepts "A1 notation or R1C1 notation").
 * Anything else throws `Range not found` (OBSERVED). Relative R1C1 (`R[1]C[1]`) is not supported (README R12).
 */
import { MSG, ScriptException } from '../errors';

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to column number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 notation of a block: `B2` for one cell, `B2:C4` otherwise. */
export function a1Of(row: number, col: number, numRows = 1, numCols = 1): string {
  const first = columnLetters(col) + row;
  if (numRows === 1 && numCols === 1) return first;
  return `${first}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** A parsed reference; an absent bound is open (to the edge of the sheet). */
export interface ParsedRef {
  sheetName?: string;
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

/** A block of cells resolved against a sheet's size (1-based). */
export interface Block {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;
const R1C1 = /^R(\d+)C(\d+)$/i;

function notFound(): never {
  throw new ScriptException(MSG.rangeNotFound);
}

/** Splits `Sheet1!A1:B2` / `'It''s'!A1` into sheet name and reference. */
function splitSheet(text: string): { sheetName?: string; ref: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'")) {
    if (!name.endsWith("'") || name.length < 2) notFound();
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  if (!name) notFound();
  return { sheetName: name, ref: text.slice(bang + 1) };
}

/** Parses a reference; throws `Range not found` for anything Sheets would not accept. */
export function parseRef(text: string): ParsedRef {
  if (typeof text !== 'string') notFound();
  const { sheetName, ref } = splitSheet(text.trim());
  const parts = ref.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) notFound();
  const r1c1 = parts.map((p) => R1C1.exec(p));
  if (r1c1.every((m) => m)) {
    const [a, b] = r1c1 as RegExpExecArray[];
    const out: ParsedRef = { sheetName, r1: Number(a[1]), c1: Number(a[2]) };
    out.r2 = b ? Number(b[1]) : out.r1;
    out.c2 = b ? Number(b[2]) : out.c1;
    return normalise(out);
  }
  const cells = parts.map((p) => CELL.exec(p));
  if (cells.some((m) => !m)) notFound();
  const [m1, m2] = cells as RegExpExecArray[];
  const c1 = m1[1] ? columnNumber(m1[1]) : undefined;
  const r1 = m1[2] ? Number(m1[2]) : undefined;
  if (!m2) {
    // A single reference must name one cell.
    if (c1 === undefined || r1 === undefined) notFound();
    return normalise({ sheetName, r1, c1, r2: r1, c2: c1 });
  }
  const c2 = m2[1] ? columnNumber(m2[1]) : undefined;
  const r2 = m2[2] ? Number(m2[2]) : undefined;
  if (c1 === undefined && c2 === undefined) {
    // Whole rows: 1:2
    if (r1 === undefined || r2 === undefined) notFound();
    return normalise({ sheetName, r1, r2 });
  }
  if (r1 === undefined && r2 === undefined) {
    // Whole columns: A:B
    if (c1 === undefined || c2 === undefined) notFound();
    return normalise({ sheetName, c1, c2 });
  }
  // A2:C (open rows) or B2:2 (open columns); the first part must be a full cell.
  if (c1 === undefined || r1 === undefined) notFound();
  return normalise({ sheetName, r1, c1, r2, c2 });
}

function normalise(ref: ParsedRef): ParsedRef {
  for (const v of [ref.r1, ref.r2, ref.c1, ref.c2]) if (v !== undefined && v < 1) notFound();
  return ref;
}

/** Resolves a parsed reference against a sheet of `maxRows` × `maxCols`; out-of-grid references are not found. */
export function resolveRef(ref: ParsedRef, maxRows: number, maxCols: number): Block {
  const r1 = ref.r1 ?? 1;
  const c1 = ref.c1 ?? 1;
  const r2 = ref.r2 ?? maxRows;
  const c2 = ref.c2 ?? maxCols;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  const bottom = Math.max(r1, r2);
  const right = Math.max(c1, c2);
  if (bottom > maxRows || right > maxCols) notFound();
  return { row: top, col: left, numRows: bottom - top + 1, numCols: right - left + 1 };
}
