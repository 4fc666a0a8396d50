/**
 * Small string helpers shared by the sheet-model modules: header and name normalisation (the one rule that makes
 * `Space  NAME*` match `Space name`), character counting the way a person counts (code points, so an emoji is one
 * character), human lists ("A, B or C"), plurals and safe quoting of user text inside problem sentences. Pure: no
 * Apps Script, no clock, no I/O.
 */

/** Characters that are invisible but often pasted along with text (zero-width spaces and joiners, BOM, soft hyphen). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Any run of whitespace, including no-break spaces and line separators. */
const WHITESPACE_RUN = /[\s\u00A0\u2007\u202F\u2028\u2029]+/g;

/** Removes zero-width characters and the BOM, which users cannot see and never mean. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Trims both ends (no-break spaces and zero-width characters too) without touching the inside. */
export function trimCell(text: string): string {
  return stripInvisible(text).replace(/^[\s\u00A0\u2007\u202F]+|[\s\u00A0\u2007\u202F]+$/g, '');
}

/** Collapses every whitespace run (line breaks included) into one space and trims. */
export function collapseSpaces(text: string): string {
  return stripInvisible(text).replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * The key under which a header (or a placeholder name) is matched: Unicode-compatibility normalised, whitespace
 * collapsed, lower-cased, and without a trailing required-marker `*` or a trailing colon. `" Space  NAME *"`,
 * `"space name:"` and `"Space name"` all give `"space name"`.
 */
export function headerKey(header: string): string {
  return collapseSpaces(header.normalize('NFKC'))
    .replace(/\s*[*:]+$/, '')
    .trim()
    .toLowerCase();
}

/**
 * The key under which two names (space names, tags) are the same for a person: trimmed, whitespace collapsed,
 * case-insensitive (Unicode-aware lower-casing).
 */
export function nameKey(name: string): string {
  return collapseSpaces(name.normalize('NFKC')).toLowerCase();
}

/** Length in characters as a person counts them: Unicode code points (an emoji or an accented letter is one). */
export function charLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Formats an integer the way the product's sentences do: `4096` → `4,096`. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 member`, `3 members`; pass the plural when it is not the singular plus `s`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

/** Joins items as a person would: `A`, `A or B`, `A, B or C` (or `and` with conjunction `and`). */
export function humanList(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * Quotes user text for a problem sentence: in double quotes, line breaks shown as spaces, shortened with an
 * ellipsis past `max` characters so one odd cell cannot flood the Details column.
 */
export function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, ' ');
  return `"${truncate(oneLine, max)}"`;
}

/** Shortens text to at most `max` code points, ending with `…` when something was cut. */
export function truncate(text: string, max: number): string {
  if (charLength(text) <= max) return text;
  const cps = Array.from(text);
  return cps.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Ends a sentence with exactly one full stop (keeps `?`, `!` and `…`). */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** Unicode code point label for problem sentences: `U+0430`. */
export function codePointLabel(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Spreadsheet column letters for a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Reads a yes/no cell: Yes/No, TRUE/FALSE (checkboxes give booleans, shown as TRUE/FALSE), Y/N, 1/0, On/Off, any
 * case, surrounding spaces ignored. Returns undefined for a blank cell and `'invalid'` for anything else.
 */
export function parseYesNo(text: string): boolean | undefined | 'invalid' {
  const t = collapseSpaces(text).toLowerCase();
  if (t === '') return undefined;
  if (['yes', 'y', 'true', '1', 'on', '✓', '✔'].includes(t)) return true;
  if (['no', 'n', 'false', '0', 'off'].includes(t)) return false;
  return 'invalid';
}

/** The letters and digits of a value, lower-cased: how enumerated cells are matched (`Group chat` = `group_chat`). */
export function enumKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The candidate closest to `text` (compared with `nameKey`), when it is close enough to be a likely typo: at most
 * 2 edits, and fewer than a third of the name's length. For "did you mean …?" hints.
 */
export function closestMatch(text: string, candidates: Iterable<string>): string | undefined {
  const key = nameKey(text);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(key, nameKey(c), 3);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined || bestDistance === 0) return undefined;
  return bestDistance <= 2 && bestDistance * 3 < Math.max(key.length, 1) ? best : undefined;
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring letters as one edit
 * (optimal string alignment), giving up (returning `cap`) once it is certain to reach `cap`.
 */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    before = prev;
    prev = cur;
  }
  return Math.min(prev[b.length], cap);
}
