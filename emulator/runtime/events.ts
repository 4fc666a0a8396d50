/**
 * Event objects as the platform builds them. Time-driven (events reference: authMode, day-of-month, day-of-week,
 * hour, minute, month, second, timezone, triggerUid, week-of-year, year; computed in UTC, the documented example's
 * zone), Sheets open and edit events (authMode, source, user, range, value, oldValue, triggerUid for installable
 * triggers), and Workspace add-on events for Sheets (open-questions Q6: commonEventObject with hostApp SHEETS,
 * platform WEB, formInputs and parameters on actions, userLocale/timeZone only with useLocaleFromApp; `sheets` with
 * addonHasFileScopePermission, and id/title only after the drive.file grant; plus the deprecated legacy fields).
 */
import type { Execution } from './execution';
import { weekOfYear } from './formatDate';
import { AuthMode } from './services/scriptApp';
import { UserImpl } from './services/session';
import { SCOPES } from './permissions';
import type { RangeImpl } from './spreadsheet/range';
import type { SpreadsheetImpl } from './spreadsheet/spreadsheet';
import { resolveZone, zoneParts } from './time';

/** The event of a time-driven trigger firing at `at`. */
export function timeTriggerEvent(authMode: string, triggerUid: string, at: number): Record<string, unknown> {
  const p = zoneParts(at, resolveZone('UTC'));
  return {
    authMode: AuthMode[authMode],
    'day-of-month': p.day,
    'day-of-week': p.weekday === 0 ? 7 : p.weekday,
    hour: p.hour,
    minute: p.minute,
    month: p.month,
    second: p.second,
    timezone: 'UTC',
    triggerUid,
    'week-of-year': weekOfYear(p),
    year: p.year,
  };
}

/** onOpen(e) for Sheets. */
export function openEvent(exec: Execution, source: SpreadsheetImpl, triggerUid?: string): Record<string, unknown> {
  const e: Record<string, unknown> = { authMode: AuthMode[exec.authMode], source, user: new UserImpl(exec.user) };
  if (triggerUid) e.triggerUid = triggerUid;
  return e;
}

/** onEdit(e) for Sheets; value/oldValue only for a single cell. */
export function editEvent(
  exec: Execution,
  source: SpreadsheetImpl,
  range: RangeImpl,
  value: unknown,
  oldValue: unknown,
  triggerUid?: string,
): Record<string, unknown> {
  const e: Record<string, unknown> = {
    authMode: AuthMode[exec.authMode],
    source,
    range,
    user: new UserImpl(exec.user),
  };
  if (range._numRows === 1 && range._numCols === 1) {
    e.value = value;
    if (oldValue !== undefined && oldValue !== '') e.oldValue = oldValue;
  }
  if (triggerUid) e.triggerUid = triggerUid;
  return e;
}

/** A form input as tests may give it: text, several texts, or the platform's own shape. */
export type FormInputValue = string | string[] | Record<string, unknown>;

export interface AddonEventOptions {
  kind: 'homepage' | 'action';
  /** Action parameters (Action.setParameters): strings only. */
  parameters?: Record<string, string>;
  /** Widget values by name. */
  formInputs?: Record<string, FormInputValue>;
}

export interface AddonEventContext {
  spreadsheet?: { id: string; title: string };
  fileScopeGranted: boolean;
  useLocale: boolean;
  userLocale: string;
  timeZone: string;
  now: number;
}

function normaliseInput(value: FormInputValue): Record<string, unknown> {
  if (typeof value === 'string') return { stringInputs: { value: [value] } };
  if (Array.isArray(value)) return { stringInputs: { value: [...value] } };
  return value;
}

/** A Workspace add-on event object for Sheets, as host data (the runtime passes it into the script realm). */
export function addonEvent(options: AddonEventOptions, ctx: AddonEventContext): Record<string, unknown> {
  const common: Record<string, unknown> = { hostApp: 'SHEETS', platform: 'WEB' };
  const legacy: Record<string, unknown> = { hostApp: 'sheets', clientPlatform: 'web' };
  if (ctx.useLocale) {
    const offset = zoneParts(ctx.now, resolveZone(ctx.timeZone)).offsetMinutes * 60_000;
    common.userLocale = ctx.userLocale;
    common.timeZone = { id: ctx.timeZone, offset };
    legacy.userLocale = ctx.userLocale;
    legacy.userTimezone = { id: ctx.timeZone, offSet: String(offset) };
  }
  if (options.kind === 'action') {
    const inputs = Object.fromEntries(Object.entries(options.formInputs ?? {}).map(([k, v]) => [k, normaliseInput(v)]));
    common.formInputs = inputs;
    common.parameters = { ...(options.parameters ?? {}) };
    legacy.parameters = { ...(options.parameters ?? {}) };
    legacy.formInputs = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [
        k,
        ((v.stringInputs as { value?: string[] } | undefined)?.value ?? []).slice(),
      ]),
    );
    legacy.formInput = Object.fromEntries(
      Object.entries(legacy.formInputs as Record<string, string[]>).map(([k, v]) => [k, v[0]]),
    );
  }
  const sheets: Record<string, unknown> = { addonHasFileScopePermission: ctx.fileScopeGranted };
  if (ctx.fileScopeGranted && ctx.spreadsheet) {
    sheets.id = ctx.spreadsheet.id;
    sheets.title = ctx.spreadsheet.title;
  }
  return { commonEventObject: common, sheets, ...legacy };
}

/** Whether the manifest makes the platform send userLocale/timeZone (useLocaleFromApp + script.locale). */
export function localeEnabled(manifest: {
  addOns?: { common?: { useLocaleFromApp?: boolean } };
  oauthScopes?: string[];
}): boolean {
  return !!manifest.addOns?.common?.useLocaleFromApp && (manifest.oauthScopes ?? []).includes(SCOPES.locale);
}
