/**
 * Installable triggers: ScriptApp.newTrigger(fn).timeBased()… / .forSpreadsheet(ss).onOpen()….create(), the Trigger
 * class, and the store that fires time-driven triggers on the virtual clock. Platform rules enforced at create():
 * 20 triggers per user per script ("This script has too many triggers…", OBSERVED), everyMinutes only 1, 5, 10, 15
 * or 30 (DOC), and in add-ons a recurrence under one hour fails with "The recurrence interval for an Add-on trigger
 * must be at least one hour." (OBSERVED ×2; one-shot after()/at() are accepted). A one-shot trigger stays listed,
 * disabled, after it fires (OBSERVED: projects delete their spent one-shot triggers themselves); option
 * `spentOneShotTriggers: 'delete'` removes it instead.
 */
import { EnumValue, makeEnum, ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature, expectInt, expectString } from '../signature';
import { SpreadsheetImpl } from '../spreadsheet/spreadsheet';
import { resolveZone, zonedEpoch, zoneParts } from '../time';

export const EventType = makeEnum('EventType', [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const WeekDay = makeEnum('Weekday', [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When a clock trigger runs. */
export type ClockSchedule =
  | { kind: 'once'; at: number }
  | { kind: 'interval'; everyMs: number }
  | { kind: 'days'; every: number; hour: number; minute: number; timeZone: string }
  | { kind: 'weeks'; every: number; weekday: number; hour: number; minute: number; timeZone: string }
  | { kind: 'monthDay'; day: number; hour: number; minute: number; timeZone: string };

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: string;
  source: string;
  sourceId: string | null;
  owner: string;
  createdAt: number;
  /** The document an add-on trigger belongs to (editor add-ons). */
  documentId: string | null;
  schedule?: ClockSchedule;
  /** Next firing time of a clock trigger (virtual epoch ms). */
  nextAt?: number;
  /** A spent one-shot trigger: listed but never fires again. */
  disabled: boolean;
  fired: number;
}

/** Next occurrence of wall-clock hour:minute in `timeZone` strictly after `after`, stepping whole days. */
function nextWallClock(after: number, timeZone: string, hour: number, minute: number, weekday?: number): number {
  const zone = resolveZone(timeZone);
  const p = zoneParts(after, zone);
  let candidate = zonedEpoch(zone, p.year, p.month, p.day, hour, minute);
  let guard = 0;
  while (candidate <= after || (weekday !== undefined && zoneParts(candidate, zone).weekday !== weekday)) {
    const q = zoneParts(candidate, zone);
    candidate = zonedEpoch(zone, q.year, q.month, q.day + 1, hour, minute);
    if (++guard > 400) break;
  }
  return candidate;
}

/** The time a schedule next fires after `after`. */
export function nextFire(schedule: ClockSchedule, after: number, first: boolean): number | undefined {
  switch (schedule.kind) {
    case 'once':
      return first ? schedule.at : undefined;
    case 'interval':
      return after + schedule.everyMs;
    case 'days': {
      const next = nextWallClock(after, schedule.timeZone, schedule.hour, schedule.minute);
      return first ? next : next + (schedule.every - 1) * DAY;
    }
    case 'weeks': {
      const next = nextWallClock(after, schedule.timeZone, schedule.hour, schedule.minute, schedule.weekday);
      return first ? next : next + (schedule.every - 1) * 7 * DAY;
    }
    case 'monthDay': {
      const zone = resolveZone(schedule.timeZone);
      const p = zoneParts(after, zone);
      let t = zonedEpoch(zone, p.year, p.month, schedule.day, schedule.hour, schedule.minute);
      if (t <= after) t = zonedEpoch(zone, p.year, p.month + 1, schedule.day, schedule.hour, schedule.minute);
      return t;
    }
  }
}

/** Installed triggers of the script, across executions. */
export class TriggerStore {
  readonly list: TriggerRecord[] = [];

  ofUser(user: string): TriggerRecord[] {
    return this.list.filter((t) => t.owner === user);
  }

  byUid(uid: string): TriggerRecord | undefined {
    return this.list.find((t) => t.uid === uid);
  }

  remove(uid: string): boolean {
    const i = this.list.findIndex((t) => t.uid === uid);
    if (i < 0) return false;
    this.list.splice(i, 1);
    return true;
  }

  /** Enabled clock triggers due at `now`, earliest first. */
  due(now: number): TriggerRecord[] {
    return this.list
      .filter((t) => t.eventType === 'CLOCK' && !t.disabled && t.nextAt !== undefined && t.nextAt <= now)
      .sort((a, b) => (a.nextAt as number) - (b.nextAt as number));
  }

  /** The earliest next firing time, optionally among one-shot triggers only. */
  nextAt(oneShotOnly: boolean): number | undefined {
    let best: number | undefined;
    for (const t of this.list) {
      if (t.eventType !== 'CLOCK' || t.disabled || t.nextAt === undefined) continue;
      if (oneShotOnly && t.schedule?.kind !== 'once') continue;
      if (best === undefined || t.nextAt < best) best = t.nextAt;
    }
    return best;
  }

  /** Records a firing: one-shot triggers are disabled (or deleted), recurring ones rescheduled. */
  fired(t: TriggerRecord, now: number, spent: 'keep-disabled' | 'delete'): void {
    t.fired++;
    if (!t.schedule || t.schedule.kind === 'once') {
      t.nextAt = undefined;
      if (spent === 'delete') this.remove(t.uid);
      else t.disabled = true;
      return;
    }
    let next = nextFire(t.schedule, t.nextAt ?? now, false);
    while (next !== undefined && next <= now) next = nextFire(t.schedule, next, false);
    t.nextAt = next;
  }
}

/** class Trigger */
export class TriggerImpl extends ServiceObject {
  get className(): string {
    return 'Trigger';
  }

  constructor(readonly _record: TriggerRecord) {
    super();
  }

  getUniqueId(): string {
    return this._record.uid;
  }

  getHandlerFunction(): string {
    return this._record.handler;
  }

  getEventType(): EnumValue {
    return EventType[this._record.eventType];
  }

  getTriggerSource(): EnumValue {
    return TriggerSource[this._record.source];
  }

  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

/** Shared by both builders: validation and installation of a finished trigger. */
function install(
  exec: Execution,
  draft: Omit<TriggerRecord, 'uid' | 'owner' | 'createdAt' | 'disabled' | 'fired'>,
): TriggerImpl {
  const rt = exec.rt;
  const mine = rt.triggers.ofUser(exec.user);
  if (mine.length >= rt.config.limits.triggersPerUser) throw new ScriptException(MSG.tooManyTriggers);
  if (
    rt.config.mode === 'editor-addon' &&
    rt.config.behaviour.editorAddonOneTriggerPerType &&
    mine.some((t) => t.eventType === draft.eventType && t.documentId === draft.documentId)
  ) {
    throw new ScriptException(MSG.addonOneTriggerPerType(draft.eventType));
  }
  const record: TriggerRecord = {
    ...draft,
    uid: rt.ids.triggerUid(),
    owner: exec.user,
    createdAt: rt.clock.now(),
    disabled: false,
    fired: 0,
  };
  rt.triggers.list.push(record);
  return new TriggerImpl(record);
}

const VALID_MINUTES = [1, 5, 10, 15, 30];

/** class ClockTriggerBuilder */
export class ClockTriggerBuilderImpl extends ServiceObject {
  get className(): string {
    return 'ClockTriggerBuilder';
  }

  private once?: number;
  /** after(ms): counted from create(), when the trigger exists. */
  private afterMs?: number;
  private everyMs?: number;
  private days?: number;
  private weeks?: number;
  private monthDay?: number;
  private hour?: number;
  private minute?: number;
  private weekday?: number;
  private timeZone: string;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {
    super();
    this.timeZone = exec.rt.config.timeZone;
  }

  /** Runs at least `durationMilliseconds` from now. */
  after(durationMilliseconds: unknown): this {
    const ms = expectInt('ClockTriggerBuilder.after', [durationMilliseconds], durationMilliseconds);
    this.afterMs = Math.max(0, ms);
    this.once = undefined;
    return this;
  }

  at(date: unknown): this {
    if (!(date instanceof Date)) badSignature('ClockTriggerBuilder.at', [date]);
    this.once = date.getTime();
    this.afterMs = undefined;
    return this;
  }

  atDate(year: unknown, month: unknown, day: unknown): this {
    const fq = 'ClockTriggerBuilder.atDate';
    const args = [year, month, day];
    const zone = resolveZone(this.timeZone);
    this.once = zonedEpoch(zone, expectInt(fq, args, year), expectInt(fq, args, month), expectInt(fq, args, day));
    return this;
  }

  everyMinutes(n: unknown): this {
    const m = expectInt('ClockTriggerBuilder.everyMinutes', [n], n);
    if (!VALID_MINUTES.includes(m)) throw new ScriptException(MSG.everyMinutesValues);
    this.everyMs = m * MINUTE;
    return this;
  }

  everyHours(n: unknown): this {
    const h = expectInt('ClockTriggerBuilder.everyHours', [n], n);
    if (h < 1) throw new ScriptException(MSG.invalidArgument('n'));
    this.everyMs = h * HOUR;
    return this;
  }

  everyDays(n: unknown): this {
    const d = expectInt('ClockTriggerBuilder.everyDays', [n], n);
    if (d < 1) throw new ScriptException(MSG.invalidArgument('n'));
    this.days = d;
    return this;
  }

  everyWeeks(n: unknown): this {
    const w = expectInt('ClockTriggerBuilder.everyWeeks', [n], n);
    if (w < 1) throw new ScriptException(MSG.invalidArgument('n'));
    this.weeks = w;
    return this;
  }

  onWeekDay(day: unknown): this {
    if (!(day instanceof EnumValue) || day.enumName !== 'Weekday') badSignature('ClockTriggerBuilder.onWeekDay', [day]);
    this.weekday = day.ordinal;
    return this;
  }

  onMonthDay(day: unknown): this {
    const d = expectInt('ClockTriggerBuilder.onMonthDay', [day], day);
    if (d < 1 || d > 31) throw new ScriptException(MSG.invalidArgument('day'));
    this.monthDay = d;
    return this;
  }

  atHour(hour: unknown): this {
    const h = expectInt('ClockTriggerBuilder.atHour', [hour], hour);
    if (h < 0 || h > 23) throw new ScriptException(MSG.invalidArgument('hour'));
    this.hour = h;
    return this;
  }

  /** The platform runs within ±15 minutes of this minute; the emulator runs on it exactly (README R10). */
  nearMinute(minute: unknown): this {
    const m = expectInt('ClockTriggerBuilder.nearMinute', [minute], minute);
    if (m < 0 || m > 59) throw new ScriptException(MSG.invalidArgument('minute'));
    this.minute = m;
    return this;
  }

  inTimezone(timezone: unknown): this {
    this.timeZone = expectString('ClockTriggerBuilder.inTimezone', [timezone], timezone);
    return this;
  }

  private schedule(): { schedule: ClockSchedule; intervalMs?: number } {
    const now = this.exec.rt.clock.now();
    const p = zoneParts(now, resolveZone(this.timeZone));
    const hour = this.hour ?? p.hour;
    const minute = this.minute ?? (this.hour === undefined ? p.minute : 0);
    if (this.everyMs !== undefined)
      return { schedule: { kind: 'interval', everyMs: this.everyMs }, intervalMs: this.everyMs };
    if (this.weeks !== undefined) {
      const weekday = this.weekday ?? p.weekday;
      return {
        schedule: { kind: 'weeks', every: this.weeks, weekday, hour, minute, timeZone: this.timeZone },
        intervalMs: this.weeks * 7 * DAY,
      };
    }
    if (this.days !== undefined) {
      return {
        schedule: { kind: 'days', every: this.days, hour, minute, timeZone: this.timeZone },
        intervalMs: this.days * DAY,
      };
    }
    if (this.monthDay !== undefined) {
      return {
        schedule: { kind: 'monthDay', day: this.monthDay, hour, minute, timeZone: this.timeZone },
        intervalMs: 28 * DAY,
      };
    }
    if (this.afterMs !== undefined) return { schedule: { kind: 'once', at: now + this.afterMs } };
    if (this.once !== undefined) return { schedule: { kind: 'once', at: this.once } };
    throw new ScriptException(MSG.noSchedule);
  }

  create(): TriggerImpl {
    const rt = this.exec.rt;
    const { schedule, intervalMs } = this.schedule();
    const addon = rt.config.mode !== 'bound';
    if (addon && intervalMs !== undefined && intervalMs < HOUR) throw new ScriptException(MSG.addonRecurrence);
    const now = rt.clock.now();
    let nextAt = nextFire(schedule, now, true) as number;
    if (addon && schedule.kind === 'once') {
      const policy = rt.config.behaviour.addonOneShotDelay;
      if (policy === 'next-hour') nextAt = Math.max(nextAt, now + HOUR);
      else if (typeof policy === 'number') nextAt = Math.max(nextAt, now + policy);
    }
    return install(this.exec, {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      documentId: this.exec.documentId ?? null,
      schedule,
      nextAt,
    });
  }
}

/** class SpreadsheetTriggerBuilder */
export class SpreadsheetTriggerBuilderImpl extends ServiceObject {
  get className(): string {
    return 'SpreadsheetTriggerBuilder';
  }

  private eventType?: string;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    super();
  }

  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }

  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): TriggerImpl {
    if (!this.eventType) throw new ScriptException(MSG.invalidArgument('eventType'));
    return install(this.exec, {
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
      documentId: this.spreadsheetId,
    });
  }
}

/** class TriggerBuilder (ScriptApp.newTrigger). */
export class TriggerBuilderImpl extends ServiceObject {
  get className(): string {
    return 'TriggerBuilder';
  }

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {
    super();
  }

  timeBased(): ClockTriggerBuilderImpl {
    return new ClockTriggerBuilderImpl(this.exec, this.handler);
  }

  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilderImpl {
    let id: string;
    if (sheet instanceof SpreadsheetImpl) id = sheet._ss.id;
    else if (typeof sheet === 'string') id = sheet;
    else badSignature('TriggerBuilder.forSpreadsheet', [sheet]);
    return new SpreadsheetTriggerBuilderImpl(this.exec, this.handler, id);
  }
}
