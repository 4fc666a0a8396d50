/**
 * Schedules: the recurring time-driven triggers that send scheduled messages and sync memberships periodically.
 * The rules the platform imposes are kept here by construction: one trigger per handler (installing replaces any
 * trigger already running that handler), never beyond the 20 triggers a user may have per script (two slots stay
 * free for job continuations), and intervals of whole hours, because an add-on may not recur more often than
 * hourly (`create()` throws otherwise). A trigger runs without a document, so each schedule remembers the
 * spreadsheets it serves; turning it on in a second spreadsheet adds that spreadsheet to the same trigger. Apps
 * Script does not report a trigger's next run, so the sidebar remembers when it installed each one and its
 * interval, and shows the next run as "about" that time.
 */
import type { Clock, Scheduler, StateStore, TriggerInfo } from '../../ports/runtime';
import { plural } from '../../domain/text';
import { failed, succeeded, type ActionOutcome } from './deps';

/** Triggers per user per script (quotas page). */
export const TRIGGER_LIMIT = 20;
/** Slots kept free for a job's continuation and watchdog triggers. */
export const RESERVED_FOR_JOBS = 2;
/** Intervals offered, in hours (add-ons: at least one hour). */
export const INTERVAL_CHOICES_HOURS: readonly number[] = [1, 2, 4, 6, 12, 24];
/** Spreadsheets one schedule may serve (each run starts a job per spreadsheet). */
export const MAX_SPREADSHEETS_PER_SCHEDULE = 10;

export interface ScheduleDefinition {
  /** Stable id used in properties and action parameters, e.g. `messages`. */
  id: string;
  title: string;
  description: string;
  /** The exported function the trigger runs. */
  handler: string;
  /** False when this build cannot run it yet (no job kind for it): the card cannot turn it on. */
  available: boolean;
}

export interface ScheduleStatus {
  definition: ScheduleDefinition;
  /** A trigger runs the handler. */
  on: boolean;
  /** This spreadsheet is among those it serves. */
  onHere: boolean;
  /** Other spreadsheets it serves. */
  otherSpreadsheets: number;
  everyHours?: number;
  /** Epoch ms of the next run, when the sidebar installed the trigger and knows its interval. */
  nextRunAt?: number;
}

export interface SchedulesOverview {
  schedules: ScheduleStatus[];
  /** Triggers of this user in this script, all handlers. */
  triggersInUse: number;
  limit: number;
}

interface ScheduleRecord {
  triggerId: string;
  everyHours: number;
  installedAt: number;
  spreadsheetIds: string[];
}

type ScheduleDeps = { scheduler: Scheduler; state: StateStore; clock: Clock };

const key = (id: string) => `sidebar:schedule:${id}`;

function loadRecord(state: StateStore, id: string): ScheduleRecord | undefined {
  const text = state.get(key(id));
  if (!text) return undefined;
  try {
    const r = JSON.parse(text) as Partial<ScheduleRecord>;
    if (typeof r.triggerId !== 'string' || typeof r.everyHours !== 'number' || typeof r.installedAt !== 'number')
      return undefined;
    return {
      triggerId: r.triggerId,
      everyHours: r.everyHours,
      installedAt: r.installedAt,
      spreadsheetIds: Array.isArray(r.spreadsheetIds) ? r.spreadsheetIds : [],
    };
  } catch {
    return undefined;
  }
}

/** The spreadsheets a schedule serves (what its trigger handler works on). */
export function scheduledSpreadsheets(state: StateStore, scheduleId: string): string[] {
  return loadRecord(state, scheduleId)?.spreadsheetIds ?? [];
}

/** The first run after `now` of a trigger installed at `installedAt` repeating every `everyHours`. */
export function nextRun(installedAt: number, everyHours: number, now: number): number {
  const period = everyHours * 3_600_000;
  const periods = Math.max(1, Math.ceil((now - installedAt) / period));
  return installedAt + periods * period;
}

/** Every schedule with its state, seen from one spreadsheet. One trigger listing. Scope: script.scriptapp. */
export function schedulesOverview(
  deps: ScheduleDeps,
  definitions: readonly ScheduleDefinition[],
  spreadsheetId: string | undefined,
): SchedulesOverview {
  const triggers = deps.scheduler.list();
  const now = deps.clock.now();
  return {
    triggersInUse: triggers.length,
    limit: TRIGGER_LIMIT,
    schedules: definitions.map((definition): ScheduleStatus => {
      const running = triggers.filter((t) => t.handler === definition.handler);
      const record = loadRecord(deps.state, definition.id);
      const known = record && running.some((t) => t.id === record.triggerId) ? record : undefined;
      const ids = known?.spreadsheetIds ?? [];
      const onHere = !!spreadsheetId && ids.includes(spreadsheetId);
      return {
        definition,
        on: running.length > 0,
        onHere,
        otherSpreadsheets: ids.length - (onHere ? 1 : 0),
        everyHours: known?.everyHours,
        nextRunAt: known ? nextRun(known.installedAt, known.everyHours, now) : undefined,
      };
    }),
  };
}

/**
 * Turns a schedule on for a spreadsheet (or changes its interval): removes every trigger of its handler, then
 * creates one. Scope: script.scriptapp.
 */
export function installSchedule(
  deps: ScheduleDeps,
  definition: ScheduleDefinition,
  everyHours: number,
  spreadsheetId: string,
): ActionOutcome {
  if (!INTERVAL_CHOICES_HOURS.includes(everyHours)) {
    return failed(
      `Choose an interval of ${INTERVAL_CHOICES_HOURS.join(', ')} hours; add-ons cannot run triggers more often than hourly.`,
    );
  }
  return installScheduleEvery(deps, definition, everyHours * 60, spreadsheetId);
}

/** Intervals under an hour a bound script may use (ClockTriggerBuilder.everyMinutes). */
export const MINUTE_CHOICES: readonly number[] = [1, 5, 10, 15, 30];

/**
 * Like installSchedule, in minutes: under an hour only where the platform allows it (a script bound to the
 * spreadsheet: every 1, 5, 10, 15 or 30 minutes); add-ons stay at whole hours. Scope: script.scriptapp.
 */
export function installScheduleEvery(
  deps: ScheduleDeps,
  definition: ScheduleDefinition,
  everyMinutes: number,
  spreadsheetId: string,
): ActionOutcome {
  if (!definition.available) return failed(`${definition.title} is not available in this version of the add-on yet.`);
  if (everyMinutes < 60) {
    if (deps.scheduler.context() !== 'bound')
      return failed('Add-ons cannot run triggers more often than hourly; choose an interval of at least one hour.');
    if (!MINUTE_CHOICES.includes(everyMinutes))
      return failed(`Choose an interval of ${MINUTE_CHOICES.join(', ')} minutes or whole hours.`);
  } else if (!INTERVAL_CHOICES_HOURS.includes(everyMinutes / 60)) {
    return failed(`Choose an interval of ${INTERVAL_CHOICES_HOURS.join(', ')} hours.`);
  }
  const everyHours = everyMinutes / 60;
  const triggers = deps.scheduler.list();
  const own = triggers.filter((t) => t.handler === definition.handler);
  const others = triggers.length - own.length;
  if (others >= TRIGGER_LIMIT - RESERVED_FOR_JOBS) {
    return failed(
      `You already have ${plural(others, 'trigger')} for this add-on; Apps Script allows ${TRIGGER_LIMIT} and the sidebar keeps ${RESERVED_FOR_JOBS} free for running jobs. Turn another schedule off first.`,
    );
  }
  const previous = loadRecord(deps.state, definition.id);
  const live = previous && own.some((t) => t.id === previous.triggerId) ? previous.spreadsheetIds : [];
  const spreadsheetIds = live.includes(spreadsheetId) ? live : [...live, spreadsheetId];
  if (spreadsheetIds.length > MAX_SPREADSHEETS_PER_SCHEDULE) {
    return failed(
      `${definition.title} already serves ${MAX_SPREADSHEETS_PER_SCHEDULE} spreadsheets; turn it off in one of them first.`,
    );
  }
  deleteAll(deps.scheduler, own);
  let id: string;
  try {
    id = deps.scheduler.scheduleEvery(definition.handler, everyMinutes);
  } catch (e) {
    deps.state.delete(key(definition.id));
    return failed(`Apps Script refused the trigger: ${e instanceof Error ? e.message : String(e)}`);
  }
  const record: ScheduleRecord = { triggerId: id, everyHours, installedAt: deps.clock.now(), spreadsheetIds };
  deps.state.set(key(definition.id), JSON.stringify(record));
  const others2 = spreadsheetIds.length - 1;
  const every =
    everyMinutes < 60 ? (everyMinutes === 1 ? 'minute' : `${everyMinutes} minutes`) : plural(everyHours, 'hour');
  return succeeded(
    `${definition.title}: on, every ${every}${others2 ? ` (also for ${plural(others2, 'other spreadsheet')}, at the same interval)` : ''}.`,
  );
}

/**
 * Turns a schedule off for a spreadsheet; the trigger goes when no spreadsheet is left (or when the schedule's
 * record is lost). Scope: script.scriptapp.
 */
export function removeSchedule(
  deps: ScheduleDeps,
  definition: ScheduleDefinition,
  spreadsheetId: string | undefined,
): ActionOutcome {
  const own = deps.scheduler.list().filter((t) => t.handler === definition.handler);
  const record = loadRecord(deps.state, definition.id);
  const remaining =
    record && own.some((t) => t.id === record.triggerId)
      ? record.spreadsheetIds.filter((id) => id !== spreadsheetId)
      : [];
  if (record && remaining.length) {
    deps.state.set(key(definition.id), JSON.stringify({ ...record, spreadsheetIds: remaining }));
    return succeeded(
      `${definition.title}: off for this spreadsheet (still on for ${plural(remaining.length, 'other spreadsheet')}).`,
    );
  }
  deleteAll(deps.scheduler, own);
  deps.state.delete(key(definition.id));
  return succeeded(own.length ? `${definition.title}: off.` : `${definition.title} was already off.`);
}

function deleteAll(scheduler: Scheduler, triggers: readonly TriggerInfo[]): void {
  for (const t of triggers) scheduler.delete(t.id);
}
