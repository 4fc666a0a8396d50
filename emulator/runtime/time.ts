/**
 * Time-zone arithmetic with Intl: the wall-clock fields of an instant in a zone, and the instant of wall-clock
 * fields in a zone. Zones are IANA ids or Java-style custom ids (`GMT`, `UTC`, `GMT+2`, `GMT+05:30`, `GMT-0800`);
 * an unknown id falls back to GMT, as Java's TimeZone.getTimeZone (behind Utilities.formatDate) does.
 */

/** A zone resolved to either an IANA id understood by Intl or a fixed offset in minutes. */
export type Zone = { kind: 'iana'; id: string } | { kind: 'fixed'; offsetMinutes: number; id: string };

const CUSTOM = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const cache = new Map<string, Zone>();

/** Resolves a zone id; unknown ids become GMT. */
export function resolveZone(id: string | undefined): Zone {
  const key = String(id ?? 'GMT');
  const hit = cache.get(key);
  if (hit) return hit;
  let zone: Zone;
  const trimmed = key.trim();
  const custom = CUSTOM.exec(trimmed);
  if (/^(GMT|UTC|Z)$/i.test(trimmed)) zone = { kind: 'fixed', offsetMinutes: 0, id: trimmed.toUpperCase() };
  else if (custom) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    zone = { kind: 'fixed', offsetMinutes: custom[1] === '-' ? -minutes : minutes, id: trimmed };
  } else {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
      zone = { kind: 'iana', id: trimmed };
    } catch {
      zone = { kind: 'fixed', offsetMinutes: 0, id: 'GMT' };
    }
  }
  cache.set(key, zone);
  return zone;
}

export interface ZoneParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
  /** Offset from UTC in minutes at that instant (east positive). */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(id: string): Intl.DateTimeFormat {
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(id, f);
  }
  return f;
}

/** Wall-clock fields of `epochMs` in `zone`. */
export function zoneParts(epochMs: number, zone: Zone): ZoneParts {
  if (zone.kind === 'fixed') {
    const d = new Date(epochMs + zone.offsetMinutes * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
      offsetMinutes: zone.offsetMinutes,
    };
  }
  const fields: Record<string, number> = {};
  for (const part of formatter(zone.id).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, ms);
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
    millisecond: ms,
    weekday: new Date(Date.UTC(fields.year, fields.month - 1, fields.day)).getUTCDay(),
    offsetMinutes: Math.round((asUtc - epochMs) / 60_000),
  };
}

/** The instant at which the wall clock in `zone` shows the given fields (month 1-12). */
export function zonedEpoch(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (zone.kind === 'fixed') return guess - zone.offsetMinutes * 60_000;
  let epoch = guess - zoneParts(guess, zone).offsetMinutes * 60_000;
  // A second pass settles instants near an offset change.
  epoch = guess - zoneParts(epoch, zone).offsetMinutes * 60_000;
  return epoch;
}
