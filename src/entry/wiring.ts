/**
 * The composition root: builds the Apps Script adapters for one execution and hands them to the use cases. Entry
 * points call these; nothing here runs at module load (the bundle is evaluated on every invocation, and a service
 * call at load time would run before Apps Script has authorised anything).
 */
import { GasChatGateway } from '../adapters/gas/chatGateway';
import {
  detectRunContext,
  GasClock,
  GasIdentity,
  GasScheduler,
  GasUserLock,
  UserCache,
  UserPropertiesStore,
} from '../adapters/gas/platform';
import { SheetWorkbook } from '../adapters/gas/sheetWorkbook';
import { restorePacer } from '../domain/quota';
import type { JobDeps } from '../app/jobs/jobRunner';
import type { Notifier } from '../ports/runtime';

/** Alerts and toasts through the spreadsheet UI (menu runs in a bound script or Editor add-on). */
class SheetNotifier implements Notifier {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}
  toast(message: string, title?: string): void {
    this.spreadsheet.toast(message, title ?? 'Chat Spaces', 8);
  }
  alert(title: string, message: string): void {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  }
  confirm(title: string, message: string): boolean {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  }
}

/** The spreadsheet a menu or bound trigger runs in, or undefined when there is no document context. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | undefined {
  try {
    return SpreadsheetApp.getActiveSpreadsheet() ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adapters for a run on `spreadsheet`. `interactive` adds the UI notifier (menu runs); triggers and card
 * callbacks have no one to show an alert to.
 */
export function buildDeps(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, interactive: boolean): JobDeps {
  const context = detectRunContext(!!activeSpreadsheet());
  return {
    chat: new GasChatGateway(Chat),
    workbook: new SheetWorkbook(spreadsheet),
    state: new UserPropertiesStore(),
    cache: new UserCache(),
    lock: new GasUserLock(),
    scheduler: new GasScheduler(context),
    clock: new GasClock(),
    identity: new GasIdentity(),
    notifier: interactive ? new SheetNotifier(spreadsheet) : undefined,
    random: Math.random,
    newPacer: (saved) => restorePacer(saved),
  };
}
