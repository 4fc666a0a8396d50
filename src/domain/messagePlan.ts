/**
 * What a Messages row means once the Spaces tab is known: the targets it posts to (one space, every applied space for
 * `*`, the tagged ones for `tag:X`, or a direct message for `dm:email`), the text each target gets with its
 * {{Column}} placeholders filled from that target's Spaces row (then from the Messages row itself), the checks that
 * must pass before any API call (an unknown placeholder, an empty or over-long text after filling), the
 * fingerprint of what was sent (so an edit run knows whether anything changed), the readable `Message ID` cell, and
 * whether a row is due now, scheduled for later, or not to be touched by a run. Pure: time and tabs are passed in.
 */
import type { DesiredMessage, SpaceType } from './model';
import { checkRenderedMessage } from './messageRows';
import { sha256Hex } from './ids';
import type { SpacesCatalog } from './spacesCatalog';
import { MESSAGES_COL as C, STATUS } from './tabs';
import { parseTemplate, renderTemplate } from './template';
import { formatInZone } from './cells';
import { plural, quote } from './text';

/** One place a row posts to, with its text. */
export interface MessageTarget {
  /** Stable key of the target within the row: the space name, or `dm:{email}`. */
  readonly key: string;
  /** `spaces/{id}` for a space target; undefined for a direct message (found or set up at run time). */
  readonly space?: string;
  /** The person of a `dm:` target. */
  readonly dmEmail?: string;
  readonly type: SpaceType;
  /** How the target is named in sentences: the Space name, else its ID, else `dm:email`. */
  readonly label: string;
  /** The text with its placeholders filled for this target. */
  readonly text: string;
}

/** The targets of a row, or one sentence saying why it cannot be sent (and no API call is made). */
export type TargetPlan =
  | { readonly targets: readonly MessageTarget[]; readonly problem?: undefined }
  | { readonly targets?: undefined; readonly problem: string };

/**
 * Resolves a row's targets against the Spaces tab and renders its text for each. `ownCells` are the Messages row's
 * cells (placeholders fall back to them). The first target whose text cannot be filled or is too long makes the whole
 * row fail: a broadcast goes to every target or to none.
 */
export function planTargets(
  message: DesiredMessage,
  catalog: SpacesCatalog,
  ownCells: Readonly<Record<string, string>>,
  options: { readonly render?: boolean } = {},
): TargetPlan {
  const base: { key: string; space?: string; dmEmail?: string; type: SpaceType; label: string; cells: object }[] = [];
  const t = message.target;
  if (t.kind === 'dm') {
    base.push({ key: `dm:${t.email}`, dmEmail: t.email, type: 'DIRECT_MESSAGE', label: `dm:${t.email}`, cells: {} });
  } else {
    const resolved = catalog.resolve(t, C.space);
    if (resolved.problem !== undefined) return { problem: resolved.problem };
    for (const s of resolved.spaces) {
      const space = s.spaceName as string;
      base.push({ key: space, space, type: s.type, label: s.displayName || space, cells: s.cells });
    }
  }
  if (options.render === false) return { targets: base.map(({ cells: _c, ...rest }) => ({ ...rest, text: '' })) };
  const parsed = parseTemplate(message.text, C.message);
  const several = base.length > 1;
  const targets: MessageTarget[] = [];
  for (const b of base) {
    const rendered = renderTemplate(parsed, [b.cells as Record<string, string>, ownCells], C.message);
    const where = b.dmEmail
      ? `For the direct message to ${b.dmEmail} (placeholders come from this row only): `
      : several || b.cells === undefined || Object.keys(b.cells).length === 0
        ? `For ${quote(b.label)}: `
        : '';
    if (rendered.problems.length) return { problem: where + rendered.problems[0] };
    const tooLong = checkRenderedMessage(rendered.text);
    if (tooLong) return { problem: where + tooLong };
    targets.push({ key: b.key, space: b.space, dmEmail: b.dmEmail, type: b.type, label: b.label, text: rendered.text });
  }
  return { targets };
}

/**
 * A short digest of what a row posts (each target with its text, and the attachment link): equal digests mean an
 * edit run has nothing to change. 16 hex characters of SHA-256.
 */
export function messageFingerprint(targets: readonly MessageTarget[], attachmentUrl?: string): string {
  const lines = targets.map((t) => `${t.key}\u001f${t.text}`).sort();
  return sha256Hex(['v1', attachmentUrl ?? '', ...lines].join('\u001e')).slice(0, 16);
}

/**
 * The `Message ID` cell: for one target the full message name (`spaces/AAAA/messages/client-…`, usable as is in the
 * API); for several, the client-assigned ID every target space shares and how many spaces hold it, e.g.
 * `client-r-7k3m9q2xvd-5h2k8p1qz9c0m in 300 spaces`.
 */
export function messageIdCell(clientId: string, spaces: readonly string[]): string {
  if (spaces.length === 0) return '';
  if (spaces.length === 1) return `${spaces[0]}/messages/${clientId}`;
  return `${clientId} in ${plural(spaces.length, 'space')}`;
}

/** The name of a row's message in one space (client-assigned IDs are addressable). */
export function messageName(space: string, clientId: string): string {
  return `${space}/messages/${clientId}`;
}

/** Statuses meaning the row's message is in Chat. */
export const SENT_STATUSES: ReadonlySet<string> = new Set([STATUS.sent, STATUS.partlySent, STATUS.edited]);

/** Statuses after which a scheduled run leaves the row alone. */
const SCHEDULER_SKIPS: ReadonlySet<string> = new Set([
  STATUS.sent,
  STATUS.partlySent,
  STATUS.edited,
  STATUS.deleted,
  STATUS.failed,
  STATUS.skipped,
]);

/** What a send run does with a row. */
export type SendDecision =
  | { readonly action: 'send' }
  | { readonly action: 'scheduled'; readonly at: number }
  | { readonly action: 'recalled' }
  | { readonly action: 'leave' };

/**
 * Whether a send run sends a row now. A row the user recalled is not sent again (copy it to send it again: the copy
 * gets a new Row ID, so a new message ID). A row whose Send at is in the future waits for it. A run started by the
 * schedule sends only rows whose Send at has come and that no run has finished yet (failed rows wait for the user to
 * fix them and run Send messages); a manual run sends every other row, due scheduled rows included.
 */
export function sendDecision(
  message: Pick<DesiredMessage, 'sendAt'>,
  status: string,
  now: number,
  startedBy: 'user' | 'schedule',
): SendDecision {
  if (status === STATUS.deleted) return { action: 'recalled' };
  if (message.sendAt !== undefined && message.sendAt > now) return { action: 'scheduled', at: message.sendAt };
  if (startedBy === 'schedule') {
    if (message.sendAt === undefined || SCHEDULER_SKIPS.has(status)) return { action: 'leave' };
  }
  return { action: 'send' };
}

/** How each trigger mode keeps a schedule, for the preview and the Scheduled rows' Details. */
export function schedulePrecision(context: string): string {
  return context === 'bound'
    ? 'the scheduled-messages trigger of this script runs every minute, so a message goes out within about a minute after its Send at'
    : 'add-on triggers run at most hourly, so a message goes out up to an hour after its Send at';
}

/** The Details of a row waiting for its Send at. */
export function scheduledDetails(at: number, timeZone: string, context: string, scheduleOn: boolean): string {
  const when = `${formatInZone(at, timeZone)} (${timeZone})`;
  const how = scheduleOn
    ? `${schedulePrecision(context)}.`
    : 'scheduled sending is off: turn it on with Chat Spaces > Messages > Turn on scheduled sending, or run Send messages after that time.';
  return `Scheduled for ${when}; ${how}`;
}

/** A preview sentence: where the row would post and what the first target reads. */
export function describePlannedSend(targets: readonly MessageTarget[], extras: readonly string[]): string {
  const first = targets[0];
  const shown = first.text.length > 120 ? `${first.text.slice(0, 119)}…` : first.text;
  const where =
    targets.length === 1
      ? `Would post to ${first.label}`
      : `Would post to ${plural(targets.length, 'space')} (first, ${first.label})`;
  return [`${where}: "${shown}"`, ...extras].join('; ') + '.';
}
