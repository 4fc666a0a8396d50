/**
 * The options of an export, typed by the user in one line when the export starts (a prompt: the Sheets UI offers
 * nothing smaller than a dialog, and one line is quick to type and easy to test). `exportMessages` reads a time
 * window and whether to save attachments to Drive; `exportEvents` reads a time window inside the 28 days Chat keeps
 * events, and which kinds of event. A blank answer means the defaults. Also here: the `spaceEvents.list` filter the
 * API requires (at least one `event_types:`), and the `messages.list` time filter. Pure: the caller passes "now".
 *
 * Grammar (words separated by commas or spaces, in any order, case-insensitive):
 *   `7 days` / `7d`           the last 7 days (default: 7 for messages, 28 for events)
 *   `2026-01-01 to 2026-01-31` from the start of the first day to the end of the second (UTC)
 *   `since 2026-01-01`        from that day until now
 *   `attachments` / `files`   messages: save attachments to a Drive folder
 *   `messages`, `members`, `reactions`, `space`   events: the kinds of event (default: all four)
 */
import { humanList, quote } from './text';

const DAY_MS = 24 * 3600 * 1000;
/** Chat keeps space events for 28 days ("You can list events that occurred up to 28 days ago"). */
export const EVENT_WINDOW_DAYS = 28;
/**
 * Margin kept inside the 28-day window so a request sent later (an add-on's continuation may start an hour after
 * the export did) is still inside it.
 */
const EVENT_WINDOW_MARGIN_MS = 2 * 3600_000;

/** Event kinds the user picks, and the event types (filterable ones, discovery SpaceEvent.eventType) of each. */
export const EVENT_KINDS = {
  messages: ['message.v1.created', 'message.v1.updated', 'message.v1.deleted'],
  members: ['membership.v1.created', 'membership.v1.updated', 'membership.v1.deleted'],
  reactions: ['reaction.v1.created', 'reaction.v1.deleted'],
  space: ['space.v1.updated'],
} as const;

export type EventKind = keyof typeof EVENT_KINDS;

const KIND_WORDS: Record<string, EventKind> = {
  message: 'messages',
  messages: 'messages',
  member: 'members',
  members: 'members',
  membership: 'members',
  memberships: 'members',
  reaction: 'reactions',
  reactions: 'reactions',
  space: 'space',
  spaces: 'space',
};

export interface ExportWindow {
  /** Epoch ms, exclusive. */
  fromMs: number;
  /** Epoch ms, inclusive. */
  toMs: number;
}

export interface MessageExportOptions extends ExportWindow {
  attachments: boolean;
}

export interface EventExportOptions extends ExportWindow {
  kinds: EventKind[];
}

type Parsed<T> = { options: T; problem?: undefined } | { options?: undefined; problem: string };

interface Words {
  window?: ExportWindow;
  flags: Set<string>;
  problem?: string;
}

function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? ms : undefined;
}

/** Splits the answer into a window and flag words; unknown words are a problem sentence. */
function readWords(text: string, nowMs: number, allowed: ReadonlySet<string>, example: string): Words {
  const flags = new Set<string>();
  let window: ExportWindow | undefined;
  const tokens = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const days = /^(\d+)(d|days?)?$/.exec(t);
    if (days) {
      const n = Number(days[1]);
      if (!days[2] && !/^days?$/.test(tokens[i + 1] ?? ''))
        return { flags, problem: `${quote(t)} needs a unit: write e.g. "${n} days". ${example}` };
      if (!days[2]) i++;
      if (n < 1) return { flags, problem: `The number of days must be at least 1. ${example}` };
      window = { fromMs: nowMs - n * DAY_MS, toMs: nowMs };
      continue;
    }
    if (t === 'since' || t === 'from') {
      const day = parseDay(tokens[i + 1] ?? '');
      if (day === undefined)
        return { flags, problem: `After ${quote(t)} write a date like 2026-01-31 (year-month-day). ${example}` };
      window = { fromMs: day, toMs: nowMs };
      i++;
      if (tokens[i + 1] === 'to' || tokens[i + 1] === 'until') {
        const end = parseDay(tokens[i + 2] ?? '');
        if (end === undefined) return { flags, problem: `After "to" write a date like 2026-01-31. ${example}` };
        window = { fromMs: day, toMs: Math.min(nowMs, end + DAY_MS) };
        i += 2;
      }
      continue;
    }
    const day = parseDay(t);
    if (day !== undefined) {
      const sep = tokens[i + 1];
      const end = sep === 'to' || sep === 'until' || sep === '-' ? parseDay(tokens[i + 2] ?? '') : undefined;
      if (end !== undefined) {
        window = { fromMs: day, toMs: Math.min(nowMs, end + DAY_MS) };
        i += 2;
      } else window = { fromMs: day, toMs: nowMs };
      continue;
    }
    if (allowed.has(t)) {
      flags.add(t);
      continue;
    }
    return { flags, problem: `${quote(t)} is not an option here. ${example}` };
  }
  if (window && window.fromMs >= window.toMs)
    return { flags, problem: `The time window is empty: its start is not before its end. ${example}` };
  return { window, flags };
}

const MESSAGE_EXAMPLE =
  'Examples: "7 days", "30 days, attachments", "2026-01-01 to 2026-01-31" (blank = the last 7 days, no attachments).';
const EVENT_EXAMPLE =
  'Examples: "7 days", "members, reactions", "3 days messages" (blank = the last 28 days, every kind of event).';

/** The options of exportMessages from the prompt's answer. */
export function parseMessageExportOptions(text: string, nowMs: number): Parsed<MessageExportOptions> {
  const words = readWords(text, nowMs, new Set(['attachments', 'attachment', 'files', 'file']), MESSAGE_EXAMPLE);
  if (words.problem) return { problem: words.problem };
  const window = words.window ?? { fromMs: nowMs - 7 * DAY_MS, toMs: nowMs };
  return { options: { ...window, attachments: words.flags.size > 0 } };
}

/** The options of exportEvents from the prompt's answer; the window is kept inside the last 28 days. */
export function parseEventExportOptions(text: string, nowMs: number): Parsed<EventExportOptions> {
  const words = readWords(text, nowMs, new Set(Object.keys(KIND_WORDS)), EVENT_EXAMPLE);
  if (words.problem) return { problem: words.problem };
  const oldest = nowMs - EVENT_WINDOW_DAYS * DAY_MS + EVENT_WINDOW_MARGIN_MS;
  const window = words.window ?? { fromMs: oldest, toMs: nowMs };
  if (window.toMs <= oldest)
    return {
      problem: `Chat keeps space events for ${EVENT_WINDOW_DAYS} days only; choose a window inside the last ${EVENT_WINDOW_DAYS} days. ${EVENT_EXAMPLE}`,
    };
  const kinds = [...new Set([...words.flags].map((w) => KIND_WORDS[w]))];
  return {
    options: {
      fromMs: Math.max(window.fromMs, oldest),
      toMs: window.toMs,
      kinds: kinds.length ? kinds : (Object.keys(EVENT_KINDS) as EventKind[]),
    },
  };
}

/** The event types of the chosen kinds, fully qualified (`google.workspace.chat.message.v1.created`). */
export function eventTypes(kinds: readonly EventKind[]): string[] {
  return kinds.flatMap((k) => EVENT_KINDS[k].map((t) => `google.workspace.chat.${t}`));
}

/** RFC 3339 in UTC, as Chat filters take it. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

/** The `spaceEvents.list` filter: the event types joined with OR, and the time window. */
export function spaceEventsFilter(options: EventExportOptions): string {
  const types = eventTypes(options.kinds)
    .map((t) => `event_types:"${t}"`)
    .join(' OR ');
  return `start_time="${rfc3339(options.fromMs)}" AND end_time="${rfc3339(options.toMs)}" AND (${types})`;
}

/** The `messages.list` filter of a time window. */
export function messagesFilter(window: ExportWindow): string {
  return `create_time > "${rfc3339(window.fromMs)}" AND create_time < "${rfc3339(window.toMs + 1)}"`;
}

/** The window in words, for the summary: "2026-01-01 00:00 to 2026-01-08 00:00 UTC". */
export function describeWindow(window: ExportWindow): string {
  const f = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `${f(window.fromMs)} to ${f(window.toMs)} UTC`;
}

/** The kinds in words, for the summary. */
export function describeKinds(kinds: readonly EventKind[]): string {
  return humanList([...kinds], 'and');
}

/**
 * Where a time-ordered list (messages by create time, space events) resumes in a later execution, instead of a page
 * token (tokens expire, and an add-on's continuation may come an hour later): after the time of the last item
 * written, skipping the items written at exactly that millisecond. Encoded as `after:{ms}|{name},{name}`.
 */
export interface TimeCursor {
  afterMs: number;
  seen: string[];
}

const CURSOR_PREFIX = 'after:';

/** The cursor after `items` (in list order), or undefined when no item has a readable time. */
export function timeCursor(items: readonly { name?: string; time?: string }[]): string | undefined {
  let last = Number.NaN;
  for (const i of items) {
    const t = Date.parse(i.time ?? '');
    if (!Number.isNaN(t)) last = t;
  }
  if (Number.isNaN(last)) return undefined;
  const seen = items.filter((i) => Date.parse(i.time ?? '') === last && i.name).map((i) => i.name as string);
  return `${CURSOR_PREFIX}${last}|${seen.join(',')}`;
}

/** Reads a cursor made by `timeCursor`; undefined for anything else (e.g. a page token). */
export function readTimeCursor(token: string | undefined): TimeCursor | undefined {
  if (!token?.startsWith(CURSOR_PREFIX)) return undefined;
  const [ms, names] = token.slice(CURSOR_PREFIX.length).split('|');
  const afterMs = Number(ms);
  if (!Number.isFinite(afterMs)) return undefined;
  return { afterMs, seen: (names ?? '').split(',').filter(Boolean) };
}
