/**
 * What a cell holds and how a written value becomes a cell, as in Sheets. Range.setValue(s) stores strings the way a
 * user typing them would (OBSERVED; the Sheets API calls it USER_ENTERED): `=…` becomes a formula, `'…` is text
 * without the apostrophe, numbers (`123`, `1,234.5`, `-1`, `+1`, `12%`, `$5`), booleans (`TRUE`) and dates
 * (`2026-01-05`, `1/5/2026`, `10:30`) are parsed, and other text starting with `+` or `-` is taken as a formula
 * that fails (`#ERROR!`, as typing `+1 555 0100` in Sheets does). Cells formatted as plain text (`@`) keep strings
 * as typed. Formulas are not computed: see `evaluateFormula` (README R3).
 */
import { formatDate } from '../formatDate';
import { resolveZone, zonedEpoch, zoneParts } from '../time';

/** A cell value; `''` is an empty cell. Dates are host `Date`s. */
export type CellValue = string | number | boolean | Date;

/** The result of writing one value. */
export interface Written {
  value: CellValue;
  formula?: string;
  /** Number format Sheets applies when it recognises a date, time or percentage and the cell has none. */
  autoFormat?: string;
}

/** The value `getValues()` shows for a formula the emulator cannot compute. */
export const FORMULA_ERROR = '#ERROR!';

/** Sheets' number format for cells nobody formatted (what getNumberFormat returns). OBSERVED. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

function parseNumber(text: string): number | undefined {
  if (!/\d/.test(text) || !NUMBER.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'pm';
  return (h % 12) + (pm ? 12 : 0);
}

/** Parses a date or time as typed in an en_US spreadsheet, in the spreadsheet's time zone. */
function parseDate(text: string, timeZone: string): Written | undefined {
  const zone = resolveZone(timeZone);
  let m = ISO_DATE.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) return undefined;
    const h = Number(m[4] ?? 0);
    const mi = Number(m[5] ?? 0);
    const s = Number(m[6] ?? 0);
    if (h > 23 || mi > 59 || s > 59) return undefined;
    const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
    const hasTime = m[4] !== undefined;
    return {
      value: new Date(zonedEpoch(zone, y, mo, d, h, mi, s, ms)),
      autoFormat: hasTime ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd',
    };
  }
  m = US_DATE.exec(text);
  if (m) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += y < 30 ? 2000 : 1900;
    const [mo, d] = [Number(m[1]), Number(m[2])];
    if (!validDate(y, mo, d)) return undefined;
    const h = hour12(Number(m[4] ?? 0), m[7]);
    const mi = Number(m[5] ?? 0);
    const s = Number(m[6] ?? 0);
    if (h > 23 || mi > 59 || s > 59) return undefined;
    const hasTime = m[4] !== undefined;
    return {
      value: new Date(zonedEpoch(zone, y, mo, d, h, mi, s)),
      autoFormat: hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy',
    };
  }
  m = TIME.exec(text);
  if (m) {
    const h = hour12(Number(m[1]), m[4]);
    const mi = Number(m[2]);
    const s = Number(m[3] ?? 0);
    if (h > 23 || mi > 59 || s > 59) return undefined;
    // Sheets stores a time as a fraction of the day after its epoch, 1899-12-30.
    return { value: new Date(zonedEpoch(zone, 1899, 12, 30, h, mi, s)), autoFormat: 'h:mm:ss am/pm' };
  }
  return undefined;
}

/**
 * Interprets a string the way Sheets does when a user types it into a cell.
 * @param text the string written
 * @param timeZone the spreadsheet's time zone (dates are wall-clock times there)
 */
export function parseUserEntered(text: string, timeZone: string): Written {
  if (text === '') return { value: '' };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: evaluateFormula(text), formula: text };
  const trimmed = text.trim();
  const n = parseNumber(trimmed);
  if (n !== undefined) return { value: n };
  const pct = /^(.*)%$/.exec(trimmed);
  if (pct) {
    const p = parseNumber(pct[1].trim());
    if (p !== undefined) return { value: p / 100, autoFormat: '0%' };
  }
  const cur = /^([+-]?)\$(.+)$/.exec(trimmed);
  if (cur) {
    const c = parseNumber(cur[2]);
    if (c !== undefined && !/^[+-]/.test(cur[2])) return { value: cur[1] === '-' ? -c : c, autoFormat: '"$"#,##0.00' };
  }
  if (BOOLEAN.test(trimmed)) return { value: trimmed.toUpperCase() === 'TRUE' };
  const date = parseDate(trimmed, timeZone);
  if (date) return date;
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) {
    return { value: evaluateFormula('=' + text), formula: '=' + text };
  }
  return { value: text };
}

/**
 * The value of a formula cell. The emulator computes only literals (`="text"`, `=12`, `=-3.5`, `=TRUE`); any other
 * formula reads as `#ERROR!` (README R3), so code that reads formulas as data is noticed.
 */
export function evaluateFormula(formula: string): CellValue {
  const body = formula.slice(1).trim();
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return str[1].replace(/""/g, '"');
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return Number(body);
  if (BOOLEAN.test(body)) return body.toUpperCase() === 'TRUE';
  return FORMULA_ERROR;
}

/** Sheets' date/time format tokens (yyyy, mm, dd, h, ss, am/pm) converted to a SimpleDateFormat pattern. */
function sheetsDatePattern(format: string): string {
  const tokens: { kind: 'lit' | 'y' | 'm' | 'd' | 'h' | 's' | 'ampm'; text: string }[] = [];
  for (let i = 0; i < format.length;) {
    const rest = format.slice(i);
    const tok = /^(y+|m+|d+|h+|s+|am\/pm)/i.exec(rest);
    if (tok) {
      const t = tok[1];
      const k = t.toLowerCase() === 'am/pm' ? 'ampm' : (t[0].toLowerCase() as 'y' | 'm' | 'd' | 'h' | 's');
      tokens.push({ kind: k, text: t.toLowerCase() });
      i += t.length;
    } else if (rest[0] === '"') {
      const close = rest.indexOf('"', 1);
      const lit = close < 0 ? rest.slice(1) : rest.slice(1, close);
      tokens.push({ kind: 'lit', text: lit });
      i += close < 0 ? rest.length : close + 1;
    } else {
      tokens.push({ kind: 'lit', text: rest[0] });
      i++;
    }
  }
  const twelve = tokens.some((t) => t.kind === 'ampm');
  const near = (from: number, step: number): string | undefined => {
    for (let j = from + step; j >= 0 && j < tokens.length; j += step)
      if (tokens[j].kind !== 'lit') return tokens[j].kind;
    return undefined;
  };
  return tokens
    .map((t, i) => {
      switch (t.kind) {
        case 'lit':
          return /[A-Za-z']/.test(t.text) ? `'${t.text.replace(/'/g, "''")}'` : t.text;
        case 'y':
          return t.text.length === 2 ? 'yy' : 'yyyy';
        case 'd':
          return t.text.length >= 4 ? 'EEEE' : t.text.length === 3 ? 'EEE' : t.text;
        case 'h':
          return (twelve ? 'h' : 'H').repeat(Math.min(2, t.text.length));
        case 's':
          return t.text;
        case 'ampm':
          return 'a';
        case 'm': {
          if (t.text.length >= 3) return t.text.length === 4 ? 'MMMM' : 'MMM';
          const minute = near(i, -1) === 'h' || near(i, 1) === 's';
          return (minute ? 'm' : 'M').repeat(t.text.length);
        }
      }
      return '';
    })
    .join('');
}

function isDateFormat(format: string): boolean {
  const stripped = format.replace(/"[^"]*"/g, '');
  return /[ydhs]/i.test(stripped) || /(^|[^0#])m/i.test(stripped);
}

function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === 'General' || format === DEFAULT_NUMBER_FORMAT) {
    if (Number.isInteger(n)) return String(n);
    return String(Number(n.toPrecision(10)));
  }
  if (format === '@') return String(n);
  const pct = format.endsWith('%');
  const core = format.replace(/"[^"]*"/g, '').replace(/%$/, '');
  const value = pct ? n * 100 : n;
  const decimals = /\.(0+)/.exec(core)?.[1].length ?? 0;
  const grouping = core.includes(',');
  let text = grouping
    ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : value.toFixed(decimals);
  const prefix = /^"([^"]*)"/.exec(format)?.[1] ?? '';
  if (text.startsWith('-') && prefix) text = '-' + prefix + text.slice(1);
  else text = prefix + text;
  return text + (pct ? '%' : '');
}

/**
 * The text Sheets displays for a value (getDisplayValues): numbers and dates through the cell's number format,
 * booleans as TRUE/FALSE.
 */
export function displayValue(value: CellValue, format: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    const fmt = format && format !== DEFAULT_NUMBER_FORMAT && isDateFormat(format) ? format : undefined;
    if (fmt) return formatDate(value.getTime(), timeZone, sheetsDatePattern(fmt));
    const p = zoneParts(value.getTime(), resolveZone(timeZone));
    const hasTime = p.hour !== 0 || p.minute !== 0 || p.second !== 0;
    return formatDate(value.getTime(), timeZone, hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy');
  }
  return formatNumber(value, format);
}
