/**
 * Words and numbers as the cards show them: times in the user's zone with a relative hint ("14:05, in 3 min"),
 * durations ("1 min 20 s"), shortened text for one-line widgets, Chat's role and state names in the UI's words.
 * Pure.
 */
import { formatInZone, isValidTimeZone } from '../../domain/cells';
import type { MemberRole, SpaceType } from '../../domain/model';
import { truncate } from '../../domain/text';

/** `2026-11-22 14:05 (in 3 min)`; the zone falls back to UTC when unknown. */
export function formatWhen(epochMs: number, timeZone: string, now: number): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return `${formatInZone(epochMs, zone)} (${relative(epochMs - now)})`;
}

/** `in 3 min`, `5 min ago`, `just now`. */
export function relative(deltaMs: number): string {
  const abs = Math.abs(deltaMs);
  if (abs < 45_000) return deltaMs >= 0 ? 'in a moment' : 'just now';
  const text = duration(abs, true);
  return deltaMs > 0 ? `in ${text}` : `${text} ago`;
}

/** `45 s`, `1 min 20 s`, `2 h 5 min`; `coarse` drops seconds past a minute. */
export function duration(ms: number, coarse = false): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return coarse || s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

/** An RFC 3339 time from Chat shown in the zone (empty when absent). */
export function formatChatTime(rfc3339: string, timeZone: string, now: number): string {
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? '' : formatWhen(ms, timeZone, now);
}

/** Text for a one-line widget: line breaks shown as spaces, at most `max` characters. */
export function oneLine(text: string, max: number): string {
  return truncate(text.replace(/\s*[\r\n]+\s*/g, ' ').trim(), max);
}

export function roleLabel(role: MemberRole | undefined): string {
  return role === 'ROLE_MANAGER' ? 'Owner' : role === 'ROLE_ASSISTANT_MANAGER' ? 'Manager' : 'Member';
}

export function stateLabel(state: string): string {
  return state === 'INVITED'
    ? 'Invited'
    : state === 'JOINED'
      ? 'Joined'
      : state === 'NOT_A_MEMBER'
        ? 'Not a member'
        : state;
}

export function spaceTypeLabel(type: SpaceType): string {
  return type === 'GROUP_CHAT' ? 'Group chat' : type === 'DIRECT_MESSAGE' ? 'Direct message' : 'Space';
}

/** A space's name for a heading: its display name, or its type for unnamed conversations. */
export function spaceTitle(displayName: string, type: SpaceType): string {
  return displayName || spaceTypeLabel(type);
}
