/**
 * Cell values in and out of the sheet. Reading: what `Range.getValues()` hands us (strings, numbers, booleans, Date
 * objects, empty strings) turned into the text a person meant, with dates shown in the spreadsheet's time zone.
 * Writing: `toCellValue` is the one function every writer passes values through so that nothing the add-on writes
 * is ever interpreted by Sheets. `Range.setValues` parses strings the way typed input is parsed (the Sheets API
 * calls it USER_ENTERED, as opposed to RAW): `=A1` becomes a formula, `007` the number 7, `TRUE` a boolean and
 * `Mar 1 2016` or `2025-03-01` a date. A leading apostrophe is Sheets' quote prefix: the cell keeps the text after
 * it, `getValues()`/`getDisplayValues()` return that text without the apostrophe, and the apostrophe shows only in
 * the formula bar (Sheets API ValueInputOption reference; ODK Collect docs, PR getodk/docs#1095, on the same
 * technique). So every string that Sheets could parse, or that looks like a formula (`=`, `+`, `-`, `@`, also
 * after leading spaces, tabs or line breaks: the CSV-injection set), is written with one leading apostrophe;
 * `fromCellValue` undoes that when the value comes back verbatim (for example through an export or a fake).
 * Also here: time-zone arithmetic done purely with `Intl.DateTimeFormat` (available in Apps Script V8), used to read
 * `Send at` wall times in the spreadsheet's zone and to show Date cells as text.
 */

import { trimCell } from './text';

/** A value as `Range.getValues()` returns it (blank cells are `''`; null/undefined tolerated). */
export type RawCell = string | number | boolean | Date | null | undefined;

/** A value safe to hand to `Range.setValues()`. */
export type CellValue = string | number | boolean | Date;

/** Google Sheets refuses more than 50,000 characters in one cell. */
export const MAX_CELL_CHARS = 50_000;

/** The apostrophe Sheets treats as "keep the rest as text". */
export const TEXT_PREFIX = "'";

const FORMULA_TRIGGER = /^[=+\-@\u2212\uFF1D\uFF0B\uFF0D'#]/;
const NUMBER_OR_DATE_START = /^(?:[0-9\uFF10-\uFF19]|[.,][0-9]|\(\s*[0-9$€£¥₹.]|[$€£¥₹])/;
const BOOLEAN_LIKE = /^(?:true|false)$/i;
const MONTH_DATE =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\s,/-]*[0-9]/i;
const WEEKDAY_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+[0-9]/i;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * True when Sheets would not keep `text` as the literal text if it were written with `setValues`: formulas and
 * formula-looking text (after any leading whitespace), an existing leading apostrophe (it would be eaten), error
 * literals (`#N/A`), and anything that starts like a number, percentage, currency amount, date or time, or is
 * `TRUE`/`FALSE`.
 */
export function needsTextGuard(text: string): boolean {
  if (text === '') return false;
  if (/^[\t\r\n]/.test(text)) return true;
  const t = text.replace(/^[\s\u00A0]+/, '');
  if (t === '') return false;
  return (
    FORMULA_TRIGGER.test(t) ||
    NUMBER_OR_DATE_START.test(t) ||
    BOOLEAN_LIKE.test(t.trim()) ||
    MONTH_DATE.test(t) ||
    WEEKDAY_DATE.test(t)
  );
}

/**
 * The value to write to a cell so that it shows exactly what was meant and is never a formula. Strings lose
 * control characters (line breaks stay), are cut to 50,000 characters (ending with `…`), and get a leading
 * apostrophe when Sheets would otherwise parse them (see `needsTextGuard`). Numbers and booleans stay numbers and
 * booleans; non-finite numbers become blank. Valid Dates stay Dates (the cell shows a date); invalid ones become
 * blank. `null`/`undefined` become blank.
 */
export function toCellValue(value: string | number | boolean | Date | null | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value;
  let s = value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
  // Leave room for the apostrophe so the stored text never exceeds the cell limit.
  if (s.length > MAX_CELL_CHARS - 1) s = s.slice(0, MAX_CELL_CHARS - 2) + '…';
  return needsTextGuard(s) ? TEXT_PREFIX + s : s;
}

/**
 * Reads back a value the add-on wrote. Sheets already drops the quote prefix, so a real cell comes back as the
 * text itself; when the apostrophe is still there (an export, a CSV, a test double), it is removed if and only if
 * `toCellValue` would have added it, so `fromCellValue(toCellValue(s)) === s` for every string `s` we write
 * (after control-character removal). Non-strings are turned into text as in `cellText` (UTC for dates).
 */
export function fromCellValue(raw: RawCell, timeZone = 'UTC'): string {
  if (typeof raw === 'string') {
    if (raw.startsWith(TEXT_PREFIX) && needsTextGuard(raw.slice(1))) return raw.slice(1);
    return raw;
  }
  return cellText(raw, timeZone);
}

/**
 * The text a person means by a cell value: strings trimmed (invisible characters removed, `\r\n` → `\n`);
 * whole numbers as digits and fractions without floating-point noise (`0.30000000000000004` → `0.3`); booleans as
 * `TRUE`/`FALSE` (what Sheets shows); Dates in `timeZone` as `YYYY-MM-DD` when at midnight, `HH:MM` for a time-only
 * cell (Sheets' 1899-12-30 epoch) and `YYYY-MM-DD HH:MM` (with `:SS` when not zero) otherwise.
 */
export function cellText(raw: RawCell, timeZone: string): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return trimCell(raw.replace(/\r\n?/g, '\n'));
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return String(raw);
    if (Number.isInteger(raw)) return Math.abs(raw) < 1e21 ? raw.toFixed(0) : String(raw);
    return String(parseFloat(raw.toPrecision(15)));
  }
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (Number.isNaN(raw.getTime())) return '';
  const p = zonedParts(raw.getTime(), timeZone);
  const time = `${pad2(p.hour)}:${pad2(p.minute)}${p.second ? `:${pad2(p.second)}` : ''}`;
  if (p.year === 1899 && p.month === 12 && p.day === 30) return time;
  const date = `${pad4(p.year)}-${pad2(p.month)}-${pad2(p.day)}`;
  return p.hour === 0 && p.minute === 0 && p.second === 0 ? date : `${date} ${time}`;
}

/** True for a blank cell: empty or whitespace-only text, null or undefined. `0` and `FALSE` are not blank. */
export function isBlankCell(raw: RawCell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return raw.replace(/[\s\u00A0\u200B-\u200D\u2060\uFEFF]/g, '') === '';
  return false;
}

/** Sheets error literals that `getValues()` returns for a formula that failed. */
export const SHEET_ERROR_VALUES: readonly string[] = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
];

/** True when a cell shows one of Sheets' formula error values (`#REF!`, `#N/A`, …). */
export function isSheetError(raw: RawCell): boolean {
  return typeof raw === 'string' && SHEET_ERROR_VALUES.includes(raw.trim().toUpperCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones (pure, with Intl.DateTimeFormat)

/** Calendar fields of a wall-clock time. `month` is 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters: Record<string, Intl.DateTimeFormat> = {};

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters[timeZone];
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters[timeZone] = f;
  }
  return f;
}

/** True when `timeZone` is an IANA zone name this runtime knows (`Europe/Paris`, `UTC`, …). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock fields of an instant in an IANA time zone. Throws `RangeError` for an unknown zone.
 */
export function zonedParts(epochMs: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string): number => {
    const part = parts.find((p) => p.type === type);
    return part ? parseInt(part.value, 10) : 0;
  };
  let year = get('year');
  const era = parts.find((p) => p.type === 'era');
  if (era && /^b/i.test(era.value)) year = 1 - year;
  const hour = get('hour') % 24;
  return { year, month: get('month'), day: get('day'), hour, minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich: Paris in winter = 3,600,000). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const p = zonedParts(whole, timeZone);
  return utcOf(p) - whole;
}

function utcOf(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `wall`. Daylight-saving edge cases follow the
 * "compatible" rule (as in Temporal and most calendars): a time that happens twice (clocks go back) is the earlier
 * instant; a time that does not exist (clocks go forward) is moved forward by the length of the gap, so
 * 02:30 on the spring-forward day in New York is 03:30 EDT. Throws `RangeError` for an unknown zone.
 */
export function wallTimeToEpochMs(wall: WallTime, timeZone: string): number {
  const naive = utcOf(wall);
  const memoKey = `${timeZone}|${naive}`;
  const memo = wallMemo.get(memoKey);
  if (memo !== undefined) return memo;
  const before = zoneOffsetMs(naive - DAY_MS, timeZone);
  const after = zoneOffsetMs(naive + DAY_MS, timeZone);
  let result: number;
  if (before === after) {
    // No transition around this day (the usual case).
    result = naive - before;
  } else {
    const candidates = [naive - before, naive - after].filter((t) => zoneOffsetMs(t, timeZone) === naive - t);
    // In a gap: interpret with the offset in force before the transition, which lands after the gap.
    result = candidates.length > 0 ? Math.min(...candidates) : naive - before;
  }
  if (wallMemo.size >= 5000) wallMemo.clear();
  wallMemo.set(memoKey, result);
  return result;
}

/** Memo of wall time → instant per zone: a Messages tab often repeats the same Send at. */
const wallMemo = new Map<string, number>();

/**
 * An instant shown in `timeZone` as `YYYY-MM-DD HH:MM` (`:SS` added when `withSeconds`), the locale-neutral form the
 * add-on writes in text cells and accepts back in `Send at`.
 */
export function formatInZone(epochMs: number, timeZone: string, withSeconds = false): string {
  const p = zonedParts(epochMs, timeZone);
  const base = `${pad4(p.year)}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
  return withSeconds ? `${base}:${pad2(p.second)}` : base;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n >= 0 && n < 1000 ? String(n).padStart(4, '0') : String(n);
}
