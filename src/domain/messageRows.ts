/**
 * Messages-tab rows: one message to one or many spaces. `Space` is a Space ID or link, a Space name from the Spaces
 * tab, `*` (every space on the Spaces tab), `tag:X` (every Spaces row whose Tags contain X) or `dm:email` (a direct
 * message); `Message` is the text with Chat formatting and {{Column}} placeholders (filled per target from its
 * Spaces row, then from this row's own columns), at most 4,096 characters once filled — `checkRenderedMessage` is
 * the check the sender runs after rendering; `Thread key` ≤4,000 characters; `Send at` blank (on demand), a Date cell
 * or a text date and time (ISO 8601 with an offset, or the locale-neutral `YYYY-MM-DD HH:MM` read in the
 * spreadsheet's time zone, with daylight-saving gaps and overlaps resolved like calendars do); `Attachment` an
 * https:// link. Pure: the time zone is passed in and converted with Intl.DateTimeFormat.
 */

import { isSheetError, isValidTimeZone, wallTimeToEpochMs, zonedParts, type RawCell } from './cells';
import { parseSingleEmail } from './emails';
import type { RowIdAssignment } from './ids';
import type { DesiredMessage, MessageTarget, RowProblem } from './model';
import { parseSpaceCell } from './spaceLinks';
import { writtenHeaders, assignTableRowIds, rowFindings, type RowNote, type Table, type TableRow } from './table';
import { MESSAGES_COL as C } from './tabs';
import { checkRenderedLength, checkTemplate, literalLength, parseTemplate } from './template';
import { charLength, formatCount, nameKey, quote } from './text';

/** Chat's limits on a message (facts §1.3, §2.5). */
export const MESSAGE_LIMITS = { text: 4096, threadKey: 4000 } as const;

/**
 * Checks a message once its placeholders are filled for one target. Returns one sentence when it is over 4,096
 * characters, e.g. `Message is 4,321 characters after filling placeholders; Chat allows at most 4,096. Shorten it.`
 */
export function checkRenderedMessage(text: string, column: string = C.message): string | undefined {
  if (text.trim() === '') return `${column} is empty once its placeholders are filled; add some text.`;
  return checkRenderedLength(text, MESSAGE_LIMITS.text, column);
}

/** Options of `parseMessageTarget`. */
export interface TargetOptions {
  readonly column?: string;
  /** Space names on the Spaces tab; when given, unknown names are problems. */
  readonly spaceNames?: Iterable<string>;
  /** Tags used on the Spaces tab; when given, a tag no row carries is a problem. */
  readonly tags?: ReadonlySet<string>;
  /** Email of the person running the add-on (a `dm:` to yourself is a problem). */
  readonly runnerEmail?: string;
}

/** Reads a Messages Space cell. Returns the target or one problem sentence. */
export function parseMessageTarget(
  text: string,
  options: TargetOptions = {},
): { target: MessageTarget; problem?: undefined } | { target?: undefined; problem: string } {
  const column = options.column ?? C.space;
  const t = text.trim();
  const tag = /^tag\s*:\s*(.*)$/i.exec(t);
  if (tag) {
    const name = nameKey(tag[1]);
    if (name === '') return { problem: `${column} ${quote(t)} has no tag after "tag:"; write e.g. tag:onboarding.` };
    if (options.tags && !options.tags.has(name)) {
      return {
        problem: `${column} ${quote(t)} matches no row: no Spaces row has ${quote(name)} in Tags. Fix the tag, or add it to the Tags of the spaces it is for.`,
      };
    }
    return { target: { kind: 'tag', tag: name } };
  }
  const dm = /^dm\s*:\s*(.*)$/i.exec(t);
  if (dm) {
    const email = parseSingleEmail(dm[1], `${column} (after "dm:")`);
    if (!email.email) return { problem: email.problems[0] ?? `${column} has no email address after "dm:".` };
    if (options.runnerEmail && email.email === options.runnerEmail.trim().toLowerCase()) {
      return { problem: `${column} is a direct message to yourself (${email.email}); write someone else's address.` };
    }
    return { target: { kind: 'dm', email: email.email } };
  }
  const r = parseSpaceCell(t, { column, knownNames: options.spaceNames });
  return r.problem !== undefined ? { problem: r.problem } : { target: r.target };
}

/** Describes the time zone in problem sentences. */
function zoneHint(timeZone: string): string {
  return `the spreadsheet's time zone, ${timeZone}`;
}

/**
 * Reads a `Send at` cell. Blank → undefined. A Date cell is the instant it shows (Sheets already applied the
 * spreadsheet's zone). Text: ISO 8601 with `Z` or an offset is exact; `YYYY-MM-DD HH:MM[:SS]` (also with `T`, `/`
 * separators, or `am`/`pm`) is a wall time in `timeZone`. A date without a time, a time without a date, a number,
 * day/month orders that can be read two ways and impossible dates are problems.
 */
export function parseSendAt(
  raw: RawCell,
  timeZone: string,
  column: string = C.sendAt,
): { ms?: number; problem?: string } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {};
  if (raw instanceof Date) {
    const ms = raw.getTime();
    if (Number.isNaN(ms))
      return { problem: `${column} is not a valid date; pick the date again with the date picker.` };
    if (isValidTimeZone(timeZone) && zonedParts(ms, timeZone).year < 1900) {
      return { problem: `${column} has a time but no date; write the date too, e.g. 2025-03-01 09:00.` };
    }
    return { ms };
  }
  if (typeof raw === 'number') {
    return {
      problem: `${column} is the number ${raw}; format the cell as Date time (Format > Number > Date time) or type a date and time like 2025-03-01 09:00.`,
    };
  }
  if (typeof raw === 'boolean') {
    return { problem: `${column} is ${raw ? 'TRUE' : 'FALSE'}; write a date and time like 2025-03-01 09:00.` };
  }
  const text = raw.trim();
  const example = `write it as 2025-03-01 09:00 (year-month-day, 24-hour, in ${zoneHint(timeZone)})`;

  const iso =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i.exec(
      text,
    );
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, off] = iso;
    const wall = toWall(y, mo, d, h, mi, s);
    if (!wall) return { problem: `${column} ${quote(text)} is not a real date or time; ${example}.` };
    const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    const ms = utc + (frac ? Number(frac.padEnd(3, '0')) : 0) - offsetMs(off);
    return { ms };
  }

  const local =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T ]|\s+)(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?$/i.exec(
      text,
    );
  if (local) {
    const [, y, mo, d, h, mi, s, ampm] = local;
    if (h === undefined) {
      return {
        problem: `${column} ${quote(text)} has a date but no time; add the time, e.g. ${y}-${pad(mo)}-${pad(d)} 09:00.`,
      };
    }
    let hour = Number(h);
    if (ampm) {
      if (hour < 1 || hour > 12) return { problem: `${column} ${quote(text)} is not a real time; ${example}.` };
      const pm = /^p/i.test(ampm);
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    const wall = toWall(y, mo, d, String(hour), mi, s);
    if (!wall) return { problem: `${column} ${quote(text)} is not a real date or time; ${example}.` };
    if (!isValidTimeZone(timeZone)) {
      return {
        problem: `The spreadsheet's time zone ${quote(timeZone)} is not recognised, so ${column} cannot be read; set the time zone in File > Settings.`,
      };
    }
    return { ms: wallTimeToEpochMs(wall, timeZone) };
  }

  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/.test(text)) {
    return {
      problem: `${column} ${quote(text)} can be read as day/month or month/day; ${example}, or pick it with the date picker.`,
    };
  }
  if (/^\d{1,2}[:h]\d{2}/.test(text)) {
    return { problem: `${column} ${quote(text)} has a time but no date; write the date too, e.g. 2025-03-01 ${text}.` };
  }
  return { problem: `${column} ${quote(text)} is not a date and time; ${example}, or pick it with the date picker.` };
}

function pad(v: string): string {
  return v.length === 1 ? `0${v}` : v;
}

function offsetMs(off: string): number {
  if (/^z$/i.test(off)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(off);
  if (!m) return 0;
  const v = (Number(m[2]) * 60 + Number(m[3] ?? '0')) * 60_000;
  return m[1] === '-' ? -v : v;
}

function toWall(y: string, mo: string, d: string, h: string, mi: string, s: string | undefined) {
  const wall = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? '0'),
  };
  const daysInMonth = new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > daysInMonth) return undefined;
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return undefined;
  return wall;
}

/**
 * Reads an Attachment cell: blank → undefined; otherwise an https:// link with a host name and no spaces.
 */
export function parseAttachmentUrl(text: string, column: string = C.attachment): { url?: string; problem?: string } {
  const t = text.trim();
  if (t === '') return {};
  if (/^http:\/\//i.test(t)) {
    return { problem: `${column} ${quote(t)} is an http:// link; use an https:// link (secure) to the file.` };
  }
  if (!/^https:\/\//i.test(t)) {
    return {
      problem: `${column} ${quote(t)} is not a link; write an https:// link to the file, e.g. https://example.com/agenda.pdf.`,
    };
  }
  if (/\s/.test(t)) return { problem: `${column} ${quote(t)} contains a space; paste the link again without spaces.` };
  const host = /^https:\/\/(?:[^@/?#]+@)?([^/?#:]+)(?::\d{1,5})?(?:[/?#]|$)/i.exec(t)?.[1];
  if (!host || !/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i.test(host)) {
    return { problem: `${column} ${quote(t)} is not a valid link; paste the full https:// address of the file.` };
  }
  return { url: t };
}

/** What parsing a Messages row needs beyond the row. */
export interface MessageRowContext {
  readonly rowId: string;
  /** The spreadsheet's IANA time zone (Send at wall times). */
  readonly timeZone: string;
  readonly runnerEmail?: string;
  /** Space names on the Spaces tab (unknown names become problems when given). */
  readonly spaceNames?: Iterable<string>;
  /** Tags used on the Spaces tab (unknown tags become problems when given). */
  readonly tags?: ReadonlySet<string>;
  /**
   * Columns a placeholder may name: the Spaces tab's columns plus this tab's. Default: this row's columns only,
   * plus the Spaces columns when given here.
   */
  readonly templateColumns?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** The result of parsing one Messages row. */
export interface MessageRowResult {
  message?: DesiredMessage;
  problems: RowProblem[];
  notes: RowNote[];
}

/** Parses and validates one Messages row. */
export function parseMessageRow(row: TableRow, ctx: MessageRowContext): MessageRowResult {
  const { problems, notes, cell, problem, usable } = rowFindings(row, ctx.headers);

  const spaceText = cell(C.space);
  const target = parseMessageTarget(spaceText, {
    spaceNames: ctx.spaceNames,
    tags: ctx.tags,
    runnerEmail: ctx.runnerEmail,
  });
  if (target.problem !== undefined && usable(C.space)) problem(C.space, target.problem);

  const text = row.cells[C.message] ?? '';
  if (usable(C.message)) {
    if (text.trim() === '') {
      problem(C.message, 'Message is empty; write the text to post.');
    } else {
      const available = ctx.templateColumns ?? Object.keys(row.cells);
      const templateProblems = checkTemplate(text, available, C.message);
      for (const p of templateProblems) problem(C.message, p);
      const parsed = parseTemplate(text, C.message);
      if (parsed.placeholders.length === 0 && parsed.problems.length === 0) {
        const n = charLength(text);
        if (n > MESSAGE_LIMITS.text) {
          problem(
            C.message,
            `Message is ${formatCount(n)} characters; Chat allows at most ${formatCount(MESSAGE_LIMITS.text)}. Shorten it or split it into two rows.`,
          );
        }
      } else if (literalLength(text) > MESSAGE_LIMITS.text) {
        problem(
          C.message,
          `Message is over ${formatCount(MESSAGE_LIMITS.text)} characters even before its placeholders are filled; shorten it or split it into two rows.`,
        );
      }
    }
  }

  const threadKey = cell(C.threadKey);
  if (threadKey !== '') {
    const n = charLength(threadKey);
    if (n > MESSAGE_LIMITS.threadKey) {
      problem(
        C.threadKey,
        `Thread key is ${formatCount(n)} characters; Chat allows at most ${formatCount(MESSAGE_LIMITS.threadKey)}. Shorten it.`,
      );
    }
    if (target.target?.kind === 'dm') {
      notes.push({
        row: row.row,
        column: C.threadKey,
        message: 'Thread key: replies in threads work only in named spaces; in a direct message it is ignored.',
      });
    }
  }

  let sendAt: number | undefined;
  const rawSendAt = row.raw[C.sendAt];
  if (usable(C.sendAt) && !isSheetError(rawSendAt)) {
    const r = parseSendAt(rawSendAt, ctx.timeZone);
    if (r.problem) problem(C.sendAt, r.problem);
    sendAt = r.ms;
  }

  const attachment = parseAttachmentUrl(cell(C.attachment));
  if (attachment.problem) problem(C.attachment, attachment.problem);

  if (problems.length > 0 || !target.target) return { problems, notes };
  const message: DesiredMessage = {
    row: row.row,
    rowId: ctx.rowId,
    target: target.target,
    text,
    threadKey: threadKey === '' ? undefined : threadKey,
    sendAt,
    attachmentUrl: attachment.url,
  };
  return { message, problems, notes };
}

/** What validating the Messages tab needs. */
export interface MessagesTabContext {
  readonly timeZone: string;
  readonly runnerEmail?: string;
  /** From `spacesIndex(spacesTable)`: names, tags and columns of the Spaces tab. */
  readonly spaces?: {
    readonly names: Iterable<string>;
    readonly tags: ReadonlySet<string>;
    readonly columns: readonly string[];
  };
  readonly newRowId: (() => string) | { random: () => number };
}

/** The Messages tab, validated. */
export interface MessagesTabResult {
  readonly messages: readonly DesiredMessage[];
  readonly problems: readonly RowProblem[];
  readonly notes: readonly RowNote[];
  readonly warnings: readonly RowProblem[];
  readonly rowIdAssignments: readonly RowIdAssignment[];
  readonly rows: ReadonlyMap<number, MessageRowResult>;
}

/**
 * Validates the whole Messages tab: assigns Row IDs and parses every row. Placeholders may name a Spaces column
 * (when `spaces` is given) or a column of the Messages tab.
 */
export function validateMessagesTab(table: Table, ctx: MessagesTabContext): MessagesTabResult {
  if (table.problems.length > 0) {
    return {
      messages: [],
      problems: table.problems,
      notes: [],
      warnings: table.warnings,
      rowIdAssignments: [],
      rows: new Map(),
    };
  }
  const { rowIds, assignments } = assignTableRowIds(table, C.rowId, ctx.newRowId);
  const headers = writtenHeaders(table);
  const ownColumns = table.columns.map((c) => c.key);
  const templateColumns = [
    ...(ctx.spaces?.columns ?? []),
    ...ownColumns.filter((c) => !(ctx.spaces?.columns ?? []).includes(c)),
  ];
  const names = ctx.spaces ? Array.from(ctx.spaces.names) : undefined;

  const rows = new Map<number, MessageRowResult>();
  for (const row of table.rows) {
    rows.set(
      row.row,
      parseMessageRow(row, {
        rowId: rowIds.get(row.row) ?? '',
        timeZone: ctx.timeZone,
        runnerEmail: ctx.runnerEmail,
        spaceNames: names,
        tags: ctx.spaces?.tags,
        templateColumns,
        headers,
      }),
    );
  }
  const messages: DesiredMessage[] = [];
  const problems: RowProblem[] = [];
  const notes: RowNote[] = [];
  for (const r of rows.values()) {
    if (r.message) messages.push(r.message);
    problems.push(...r.problems);
    notes.push(...r.notes);
  }
  return { messages, problems, notes, warnings: table.warnings, rowIdAssignments: assignments, rows };
}
