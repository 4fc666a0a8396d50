/**
 * Java SimpleDateFormat patterns, as Utilities.formatDate(date, timeZone, format) takes them (its reference points to
 * the Java SE SimpleDateFormat class): G y Y M L w W D d F E u a H k K h m s S z Z X, quoted text, in the US English
 * locale. Fields are computed in the given zone with Intl (see time.ts). An unknown letter throws, as Java does.
 */
import { ScriptException } from './errors';
import { resolveZone, zoneParts, type Zone, type ZoneParts } from './time';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function dayOfYear(p: ZoneParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
}

/** Week of year in the US convention (weeks start on Sunday; week 1 contains January 1). */
export function weekOfYear(p: ZoneParts): number {
  const dec31 = new Date(Date.UTC(p.year, 11, 31));
  const saturdayOfWeek = Date.UTC(p.year, p.month - 1, p.day) + (6 - p.weekday) * 86_400_000;
  if (saturdayOfWeek > dec31.getTime()) return 1;
  const jan1Weekday = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
  return Math.floor((dayOfYear(p) - 1 + jan1Weekday) / 7) + 1;
}

function weekOfMonth(p: ZoneParts): number {
  const firstWeekday = new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
  return Math.floor((p.day - 1 + firstWeekday) / 7) + 1;
}

function offsetText(minutes: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  if (minutes === 0 && style.startsWith('X')) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  switch (style) {
    case 'Z':
    case 'X2':
      return sign + hh + mm;
    case 'X1':
      return sign + hh;
    case 'X3':
      return `${sign}${hh}:${mm}`;
    default:
      return minutes === 0 ? 'GMT' : `GMT${sign}${hh}:${mm}`;
  }
}

function zoneName(epochMs: number, zone: Zone, p: ZoneParts, long: boolean): string {
  if (zone.kind === 'fixed') {
    if (zone.offsetMinutes === 0)
      return zone.id === 'UTC' ? (long ? 'Coordinated Universal Time' : 'UTC') : long ? 'Greenwich Mean Time' : 'GMT';
    return offsetText(p.offsetMinutes, 'GMT');
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone.id,
    timeZoneName: long ? 'long' : 'short',
  }).formatToParts(new Date(epochMs));
  const name = parts.find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
  // Java prints offsets as GMT+hh:mm where Intl prints GMT+h.
  return /^GMT[+-]/.test(name) ? offsetText(p.offsetMinutes, 'GMT') : name;
}

function field(letter: string, count: number, epochMs: number, zone: Zone, p: ZoneParts): string {
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[p.month - 1];
      if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'w':
      return pad(weekOfYear(p), count);
    case 'W':
      return pad(weekOfMonth(p), count);
    case 'D':
      return pad(dayOfYear(p), count);
    case 'd':
      return pad(p.day, count);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'z':
      return zoneName(epochMs, zone, p, count >= 4);
    case 'Z':
      return offsetText(p.offsetMinutes, 'Z');
    case 'X':
      return offsetText(p.offsetMinutes, count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
    default:
      throw new ScriptException(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Formats an instant like Java's SimpleDateFormat with the given zone id.
 * @param epochMs the instant
 * @param timeZone IANA or Java custom zone id; unknown ids are GMT
 * @param pattern SimpleDateFormat pattern
 */
export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const p = zoneParts(epochMs, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      if (j >= pattern.length) throw new ScriptException('Unterminated quote');
      out += text;
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, epochMs, zone, p);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
