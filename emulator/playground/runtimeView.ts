/**
 * Projects the offline runtime's records into the page's view models: the menus `onOpen` registered, the Ui events
 * (alerts, prompts, toasts, sidebars) with the answers given, installed triggers with their next firing, and the
 * executions of one run summed into a run report (API calls per method, service calls, 429s, errors, and the
 * Status column of the Spaces tab). Also lists the bundle's entry points from the top-level function stubs the
 * Rollup build emits. Pure functions over runtime data.
 */
import type { RequestLogEntry } from '../chat/log';
import type { ExecutionResult, MenuRecord, TriggerRecord, UiEvent } from '../runtime';
import type { MenuItemRecord } from '../runtime/services/ui';
import type { SpreadsheetModel } from '../runtime/spreadsheet/model';
import { displayValue } from '../runtime/spreadsheet/values';
import type { ExecutionView, MenuItemView, MenuView, RunReportView, TriggerView, UiEventView } from './types';

/** Buttons of each ButtonSet, in the order the dialog shows them. */
export const BUTTONS_OF: Readonly<Record<string, string[]>> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};

function menuItems(items: readonly MenuItemRecord[]): MenuItemView[] {
  return items.map((i): MenuItemView => {
    if (i.kind === 'separator') return { kind: 'separator' };
    if (i.kind === 'submenu') return { kind: 'submenu', caption: i.caption ?? '', items: menuItems(i.items ?? []) };
    return { kind: 'item', caption: i.caption ?? '', functionName: i.functionName ?? '' };
  });
}

/** The menus shown in a spreadsheet. */
export function menusView(menus: readonly MenuRecord[]): MenuView[] {
  return menus.map((m) => ({ caption: m.caption, addon: m.addon, items: menuItems(m.items) }));
}

const SHOWN_KINDS = new Set(['toast', 'alert', 'prompt', 'sidebar', 'modal', 'modeless']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Ui events worth showing (menus are drawn in the menu bar), with stable ids by position. */
export function uiEventsView(events: readonly UiEvent[], limit = 200): UiEventView[] {
  const out: UiEventView[] = [];
  events.forEach((e, i) => {
    if (!SHOWN_KINDS.has(e.kind)) return;
    const kind = e.kind === 'modal' || e.kind === 'modeless' ? 'dialog' : (e.kind as UiEventView['kind']);
    out.push({
      id: `ui-${i}`,
      kind,
      title: str(e.title) ?? undefined,
      message: str(e.message) ?? str(e.prompt) ?? (kind === 'sidebar' || kind === 'dialog' ? '(HTML content)' : ''),
      buttons: str(e.buttons),
      answer: str(e.response),
      answerText: str(e.text) || undefined,
      at: e.at,
      executionId: e.executionId,
    });
  });
  return out.slice(-limit);
}

/** Installed triggers. */
export function triggersView(triggers: readonly TriggerRecord[]): TriggerView[] {
  return triggers.map((t) => ({
    uid: t.uid,
    handler: t.handler,
    eventType: t.eventType,
    nextFireAt: t.nextAt,
    everyMs: t.schedule?.kind === 'interval' ? t.schedule.everyMs : undefined,
    disabled: t.disabled,
  }));
}

/** What started an execution, in words. */
function originOf(x: ExecutionResult, fallback: string): string {
  switch (x.kind) {
    case 'time-trigger':
      return 'time trigger';
    case 'simple-trigger':
      return 'simple trigger';
    case 'installable-trigger':
      return 'installable trigger';
    case 'card-callback':
      return 'card callback';
    case 'menu':
      return 'menu';
    default:
      return fallback;
  }
}

/** One execution for the page. */
export function executionView(x: ExecutionResult, origin = 'manual'): ExecutionView {
  const outcome = x.error ? (x.error.timeLimit ? 'killed' : 'error') : 'ok';
  return {
    id: x.executionId,
    functionName: x.entryPoint,
    origin: originOf(x, origin),
    startedAt: x.startedAt,
    endedAt: x.endedAt,
    outcome,
    error: x.error ? `${x.error.name}: ${x.error.message}` : undefined,
    apiCalls: x.apiCalls,
    serviceCalls: x.serviceCalls,
    logs: x.logs.map((l) => ({ level: l.level, message: l.message, at: l.at })),
  };
}

function add(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Counts of the values in the `Status` column of the `Spaces` tab, if the workbook has one. */
export function rowStatuses(ss: SpreadsheetModel | undefined, tab = 'Spaces'): Record<string, number> | undefined {
  const sheet = ss?.sheetByName(tab);
  if (!sheet) return undefined;
  const lastCol = sheet.lastColumn();
  let statusCol = 0;
  for (let c = 1; c <= lastCol; c++) {
    const v = sheet.cell(1, c)?.v;
    if (typeof v === 'string' && v.trim().toLowerCase() === 'status') statusCol = c;
  }
  if (!statusCol) return undefined;
  const counts: Record<string, number> = {};
  for (let r = 2; r <= sheet.lastRow(); r++) {
    const cell = sheet.cell(r, statusCol);
    const text = cell ? displayValue(cell.v, cell.fmt, ss?.timeZone ?? 'UTC').trim() : '';
    if (text) counts[text] = (counts[text] ?? 0) + 1;
  }
  return counts;
}

/** Sums the executions of one run into its report. */
export function runReport(input: {
  label: string;
  functionName: string;
  origin: string;
  startedAt: number;
  endedAt: number;
  executions: readonly ExecutionResult[];
  requests: readonly RequestLogEntry[];
  spreadsheet?: SpreadsheetModel;
  extraErrors?: string[];
}): RunReportView {
  const apiCalls: Record<string, number> = {};
  const serviceCalls: Record<string, number> = {};
  const errors: string[] = [...(input.extraErrors ?? [])];
  for (const x of input.executions) {
    add(apiCalls, x.apiCalls);
    add(serviceCalls, x.serviceCalls);
    if (x.error) errors.push(`${x.entryPoint} (${x.executionId}): ${x.error.message}`);
    for (const internal of x.internalErrors)
      errors.push(`Emulator error in ${x.executionId}: ${internal.split('\n')[0]}`);
  }
  return {
    label: input.label,
    functionName: input.functionName,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    executions: input.executions.map((x) => executionView(x, input.origin)),
    apiCalls,
    serviceCalls,
    quotaErrors: input.requests.filter((r) => r.status === 429).length,
    sleepCalls: serviceCalls['Utilities.sleep'] ?? 0,
    errors,
    // Only runs that wrote cells report the Status column (a card that only reads Chat would repeat old counts).
    rowStatuses: Object.keys(serviceCalls).some((k) => /^Range(List)?\.(set|clear)/.test(k))
      ? rowStatuses(input.spreadsheet)
      : undefined,
  };
}

/**
 * The entry points of a script: its top-level function declarations, in order (for a Rollup-built bundle, the
 * `function name(...args)` stubs; the bundle's internals live indented inside its IIFE).
 */
export function entryPointsOf(bundle: string): string[] {
  const names: string[] = [];
  for (const m of bundle.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)) {
    if (!names.includes(m[1])) names.push(m[1]);
  }
  return names;
}
