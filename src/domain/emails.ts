/**
 * Email addresses in cells: splitting a list (commas, semicolons, spaces, tabs or new lines, in any mix), accepting
 * the forms people paste from mail clients (`Ana Lima <ana@example.com>`, Outlook's `Lima, Ana <ana@…>; …`, a
 * `mailto:` link), validating each address strictly enough to catch the usual mistakes with a specific sentence
 * (no @, two @, nothing before or after the @, no dot in the domain, a trailing dot, two dots in a row, spaces,
 * characters that are not allowed, a full-width ＠ or a Cyrillic/Greek lookalike letter), lower-casing, and
 * dropping duplicates with a note. Every problem names the column and says how to fix it. Pure.
 */

import { codePointLabel, quote } from './text';

/** The result of reading a cell that holds a list of addresses. */
export interface EmailListResult {
  /** Valid addresses, lower-cased, without duplicates, in the order written. */
  emails: string[];
  /** One sentence per invalid entry (at most 5, then a summary sentence), naming the column. */
  problems: string[];
  /** Non-blocking remarks: duplicates dropped, `mailto:` removed. */
  notes: string[];
}

/** The result of checking one address. */
export type EmailCheck = { ok: true; email: string; note?: string } | { ok: false; problem: string };

const MAX_LISTED_PROBLEMS = 5;
const LOCAL_ALLOWED = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]$/i;
const DOMAIN_ALLOWED = /^[a-z0-9.-]$/i;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const QUOTES_AT_ENDS = /^["'\u2018\u2019\u201C\u201D<>()[\]]+|["'\u2018\u2019\u201C\u201D<>()[\]]+$/g;

/**
 * Splits a cell into address candidates. Semicolons and line breaks always separate. A piece containing
 * `<address>` forms (or a stray `<`/`>`) yields the bracketed addresses plus any other word containing `@`; its
 * other words are display names and are ignored (so `Lima, Ana <ana@x.com>` works). Other pieces split on commas
 * and whitespace.
 */
export function splitEmailList(text: string): string[] {
  const cleaned = text.replace(INVISIBLE, '').replace(/\u00A0/g, ' ');
  const out: string[] = [];
  for (const piece of cleaned.split(/[;\r\n]+/)) {
    if (piece.trim() === '') continue;
    if (/[<>]/.test(piece)) {
      const withoutQuoted = piece.replace(/"[^"]*"/g, ' ');
      for (const m of withoutQuoted.matchAll(/<([^<>]*)>|[^\s,<>]+/g)) {
        if (m[1] !== undefined) {
          if (m[1].trim() !== '') out.push(m[1].trim());
        } else if (m[0].includes('@') || m[0].includes('\uFF20')) out.push(m[0]);
      }
    } else {
      for (const word of piece.split(/[\s,]+/)) if (word !== '') out.push(word);
    }
  }
  return out;
}

/**
 * Checks one address candidate (as produced by `splitEmailList`). On success the address is lower-cased; a
 * `mailto:` prefix and surrounding quotes or brackets are removed. On failure `problem` is one sentence that starts
 * with `column`.
 */
export function checkEmail(candidate: string, column: string): EmailCheck {
  let s = candidate.replace(INVISIBLE, '').trim().replace(QUOTES_AT_ENDS, '').trim();
  let note: string | undefined;
  const mailto = /^mailto:/i.exec(s);
  if (mailto) {
    s = s.slice(mailto[0].length).replace(/\?.*$/, '');
    note = `${column}: removed "mailto:" from ${s.toLowerCase()}.`;
  }
  const q = quote(candidate.trim());
  const bad = (what: string): EmailCheck => ({ ok: false, problem: `${column}: ${q} ${what}` });

  if (s === '') return bad('is not an email address; write addresses like ana@example.com.');
  if (s.includes('\uFF20')) return bad('uses a full-width ＠; retype it with a plain @.');
  if (/[<>]/.test(s)) return bad('has an unmatched < or >; write Name <ana@example.com> or just the address.');
  if (/\s/.test(s)) return bad('contains a space; remove it (separate addresses with commas).');
  const at = s.split('@');
  if (at.length === 1) {
    return bad('is not an email address (it has no @); write addresses like ana@example.com, separated by commas.');
  }
  if (at.length > 2) return bad('has more than one @; separate addresses with commas.');
  const [local, domain] = at;
  if (local === '') return bad('has nothing before the @; write the full address, e.g. ana@example.com.');
  if (domain === '') return bad(`has nothing after the @; add the domain, e.g. ${local}@example.com.`);

  const nonAscii = Array.from(s).find((ch) => ch.charCodeAt(0) > 0x7e);
  if (nonAscii !== undefined) {
    const label = codePointLabel(nonAscii);
    if (isLookalike(nonAscii)) {
      return bad(
        `contains "${nonAscii}" (${label}), which looks like a Latin letter but is not; retype the address by hand.`,
      );
    }
    return bad(
      `contains "${nonAscii}" (${label}); email addresses here may use only plain letters, digits and . _ - +.`,
    );
  }

  if (local.startsWith('.')) return bad('starts with a dot; remove it.');
  if (local.endsWith('.')) return bad('has a dot right before the @; remove it.');
  if (local.includes('..') || domain.includes('..')) return bad('has two dots in a row; remove one.');
  const badLocal = Array.from(local).find((ch) => !LOCAL_ALLOWED.test(ch));
  if (badLocal !== undefined)
    return bad(`contains "${badLocal}", which is not allowed in an email address; remove it.`);
  if (local.length > 64) return bad('has more than 64 characters before the @; check the address.');

  if (domain.endsWith('.')) return bad('ends with a dot; remove it.');
  if (domain.startsWith('.')) return bad('has a dot right after the @; remove it.');
  const badDomain = Array.from(domain).find((ch) => !DOMAIN_ALLOWED.test(ch));
  if (badDomain !== undefined) {
    return bad(`contains "${badDomain}" after the @, which is not allowed in a domain; check the address.`);
  }
  if (!domain.includes('.')) {
    return bad(`has no dot after the @; write the full domain, e.g. ${local}@${domain}.com.`);
  }
  const labels = domain.split('.');
  if (domain.length > 253 || labels.some((l) => l.length > 63)) return bad('has a domain that is too long.');
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) {
    return bad('has a part of the domain that starts or ends with a hyphen; check the address.');
  }
  const tld = labels[labels.length - 1];
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i.test(tld)) {
    return bad(`ends with ".${tld}", which is not a domain ending; check the spelling.`);
  }
  return { ok: true, email: s.toLowerCase(), note };
}

/** True when `text` is exactly one valid address (surrounding spaces allowed). */
export function isValidEmail(text: string): boolean {
  const parts = splitEmailList(text);
  return parts.length === 1 && checkEmail(parts[0], 'Email').ok;
}

/**
 * Reads a cell holding a list of addresses. Blank gives an empty list. See `EmailListResult`.
 */
export function parseEmailList(text: string, column: string): EmailListResult {
  const emails: string[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  let unlisted = 0;
  for (const candidate of splitEmailList(text)) {
    const r = checkEmail(candidate, column);
    if (!r.ok) {
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(r.problem);
      else unlisted++;
      continue;
    }
    if (r.note) notes.push(r.note);
    if (seen.has(r.email)) {
      notes.push(`${column}: ${r.email} is listed more than once; the extra copy is ignored.`);
      continue;
    }
    seen.add(r.email);
    emails.push(r.email);
  }
  if (unlisted > 0) {
    problems.push(
      `${column}: ${unlisted} more ${unlisted === 1 ? 'entry is not a valid email address' : 'entries are not valid email addresses'}; fix them as well.`,
    );
  }
  return { emails, problems, notes };
}

/**
 * Reads a cell that must hold exactly one address (Members tab `Member`, `dm:` targets). Returns the address or
 * problems; several addresses in the cell is a problem ("put one address per row").
 */
export function parseSingleEmail(
  text: string,
  column: string,
): { email?: string; problems: string[]; notes: string[] } {
  const candidates = splitEmailList(text);
  if (candidates.length === 0) {
    return { problems: [`${column} is empty; write one email address, e.g. ana@example.com.`], notes: [] };
  }
  if (candidates.length > 1) {
    const list = parseEmailList(text, column);
    if (list.problems.length === 0 && list.emails.length === 1)
      return { email: list.emails[0], problems: [], notes: [] };
    if (list.problems.length > 0 && candidates.every((c) => !c.includes('@')))
      return { problems: list.problems, notes: [] };
    return {
      problems: [`${column} holds ${candidates.length} entries (${quote(text, 40)}); put one email address per row.`],
      notes: [],
    };
  }
  const r = checkEmail(candidates[0], column);
  return r.ok ? { email: r.email, problems: [], notes: r.note ? [r.note] : [] } : { problems: [r.problem], notes: [] };
}

/** Cyrillic and Greek letters that look like Latin ones (the usual copy-paste and phishing lookalikes). */
function isLookalike(ch: string): boolean {
  return /[\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04CF\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425\u03BF\u03B1\u03B5\u03B9\u03BA\u03BD\u03C1\u03C5\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7]/.test(
    ch,
  );
}
