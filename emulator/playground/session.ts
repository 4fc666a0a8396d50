/**
 * The playground session: one long-lived AppsScriptRuntime and ChatEmulator pair sharing a virtual clock, the
 * workbook open in front of the user, the add-on side panel and the run history. Every page action is one method
 * here (run an entry point, card action, edit a cell, move the clock, save...), executed one at a time by the
 * worker; `state()` assembles what the page shows. Ui dialogs are answered through the `ask` callback, which
 * blocks the execution until the page answers (see dialogChannel.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isJsonObject, type JsonObject } from '../cards/json';
import { renderCardHtml } from '../cards/html';
import { ChatEmulator, type DirectoryInput } from '../chat';
import { VirtualClock } from '../core/clock';
import { AppsScriptRuntime, DEFAULT_COSTS, type ExecutionResult, type Manifest } from '../runtime';
import type { DialogRequest } from '../runtime/services/ui';
import { columnLetters } from '../runtime/spreadsheet/a1';
import type { SpreadsheetModel } from '../runtime/spreadsheet/model';
import { loadWorkbook, saveWorkbook } from '../workbook';
import { chatView } from './chatView';
import type { DialogAnswer } from './dialogChannel';
import { SessionError, type SessionOptions } from './protocol';
import { RequestLog } from './requestLog';
import { BUTTONS_OF, entryPointsOf, menusView, runReport, triggersView, uiEventsView } from './runtimeView';
import { CardStack, cardsOf, jsonOf } from './sidebar';
import type { CardView, PendingDialogView, PlaygroundState, RequestsResponse, RunReportView } from './types';
import { checkEdit, selectRange, workbookView } from './workbookView';

/** Asks the page to answer a dialog; blocks until it does. */
export type AskDialog = (dialog: PendingDialogView) => DialogAnswer;

const MAX_RUNS = 50;
const MAX_NOTICES = 50;
const UNSUPPORTED = /data-unsupported-widget="([^"]*)"/g;

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Renders one card for the side panel, marking (not throwing on) widget kinds the renderer cannot draw. */
export function cardView(card: JsonObject): CardView {
  let html: string;
  try {
    html = renderCardHtml(card, { onUnsupported: 'mark' });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    html = `<div class="gcard"><div class="gcard-body"><section class="gcard-section"><div class="gcard-widget gcard-unsupported" data-unsupported-widget="(card)">Cannot render this card: ${message.replace(/[&<>"']/g, '')}</div></section></div></div>`;
  }
  const unsupported = [...html.matchAll(UNSUPPORTED)].map((m) => m[1]);
  return { name: typeof card.name === 'string' ? card.name : undefined, html, json: card, unsupported };
}

/** The runtime + Chat emulator pair behind the page, and everything the page can do to it (see the file header). */
export class PlaygroundSession {
  private readonly options: SessionOptions;
  private readonly ask: AskDialog;
  private readonly manifest: Manifest;
  private readonly bundle: string;
  private readonly entryPoints: string[];
  private vclock!: VirtualClock;
  private startedAt = 0;
  private chat!: ChatEmulator;
  private runtime!: AppsScriptRuntime;
  private log!: RequestLog;
  private spreadsheet!: SpreadsheetModel;
  private savedFingerprint = '';
  private readonly stack = new CardStack();
  private sidebarOpen = false;
  private sidebarError?: string;
  private fileScopeRequested = false;
  private notifications: { id: string; text: string }[] = [];
  private openLinks: { id: string; url: string }[] = [];
  private noticeSeq = 0;
  private dialogSeq = 0;
  private runs: RunReportView[] = [];
  private warnings: string[] = [];
  private version = 0;

  /** Reads the bundle and manifest; call `boot()` before anything else. */
  constructor(options: SessionOptions, ask: AskDialog) {
    this.options = options;
    this.ask = ask;
    const bundlePath = options.bundlePath ?? path.join(options.rootDir, 'dist', 'Code.js');
    if (!fs.existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run npm run build first.`);
    this.bundle = fs.readFileSync(bundlePath, 'utf8');
    const manifestPath =
      options.manifestPath ??
      [path.join(path.dirname(bundlePath), 'appsscript.json'), path.join(options.rootDir, 'appsscript.json')].find(
        (p) => fs.existsSync(p),
      );
    if (!manifestPath) throw new Error('appsscript.json not found next to the bundle or in the repository root.');
    this.manifest = readJson(manifestPath) as Manifest;
    this.entryPoints = entryPointsOf(this.bundle);
  }

  /** Builds the runtime and the Chat emulator, loads the workbook, and opens it (runs onOpen). */
  async boot(): Promise<void> {
    const seed = this.options.seed ?? 1;
    this.vclock = new VirtualClock();
    this.startedAt = this.vclock.now();
    const directory = this.options.directory ? (readJson(this.options.directory) as DirectoryInput) : undefined;
    this.chat = new ChatEmulator({ clock: this.vclock, seed, directory });
    this.log = new RequestLog(() => this.chat.requestLog, DEFAULT_COSTS);
    this.runtime = new AppsScriptRuntime({
      scripts: [{ name: 'Code.js', code: this.bundle }],
      manifest: this.manifest,
      mode: this.options.mode,
      user: this.options.user,
      clock: this.vclock,
      seed,
      apis: [this.log.wrap(this.chat.apiHost)],
      advancedServices: [this.chat.advancedService],
    });
    this.runtime.ui.answerWith = (request) => this.answerDialog(request);
    const ss = this.options.workbook
      ? await loadWorkbook(this.options.workbook, { timeZone: this.manifest.timeZone })
      : this.runtime.createSpreadsheet('Untitled spreadsheet');
    this.spreadsheet = this.runtime.addSpreadsheet(ss, { active: true });
    this.savedFingerprint = this.fingerprint();
    this.stack.clear();
    this.sidebarOpen = false;
    this.sidebarError = undefined;
    this.fileScopeRequested = false;
    this.notifications = [];
    this.openLinks = [];
    this.runs = [];
    this.warnings = [];
    this.openSpreadsheet();
  }

  /** The user opens the spreadsheet: simple and installable onOpen triggers run and build the menus. */
  private openSpreadsheet(): void {
    if (this.options.mode === 'workspace-addon') return;
    this.record('Open spreadsheet', 'onOpen', 'open', () => {
      this.runtime.open();
    });
  }

  private answerDialog(request: DialogRequest): DialogAnswer {
    const dialog: PendingDialogView = {
      id: `dialog-${++this.dialogSeq}`,
      kind: request.kind,
      title: request.title ?? undefined,
      message: request.prompt,
      buttons: BUTTONS_OF[request.buttons] ?? ['OK'],
    };
    const answer = this.ask(dialog);
    const allowed = [...dialog.buttons, 'CLOSE'];
    return { button: allowed.includes(answer.button) ? answer.button : 'CLOSE', text: answer.text ?? '' };
  }

  // ------------------------------------------------------------------------------------------------ runs

  /**
   * Runs `body`, then sums the executions it caused into a run report (kept in the history and returned).
   * `label` names the run in the page ("Apply to all rows", "Card: openSpace", "Clock +5 min").
   */
  private record(label: string, functionName: string, origin: string, body: () => void): RunReportView {
    const before = this.runtime.executions.length;
    const logBefore = this.chat.requestLog.length;
    const startedAt = this.vclock.now();
    this.log.origin = label;
    const extraErrors: string[] = [];
    try {
      body();
    } catch (e) {
      if (e instanceof SessionError) throw e;
      extraErrors.push(e instanceof Error ? e.message : String(e));
    } finally {
      this.log.origin = '';
    }
    const executions = this.runtime.executions.slice(before);
    for (const x of executions) {
      this.log.addExecution({
        executionId: x.executionId,
        origin: label,
        at: x.startedAt,
        serviceCalls: x.serviceCalls,
      });
    }
    const report = runReport({
      label,
      functionName,
      origin,
      startedAt,
      endedAt: this.vclock.now(),
      executions,
      requests: this.chat.requestLog.slice(logBefore),
      spreadsheet: this.spreadsheet,
      extraErrors,
    });
    this.runs.push(report);
    if (this.runs.length > MAX_RUNS) this.runs.splice(0, this.runs.length - MAX_RUNS);
    this.version++;
    return report;
  }

  /** Runs an entry point by name (menu item, the editor's Run button, or the start-up job). */
  run(params: {
    functionName?: unknown;
    label?: unknown;
    origin?: unknown;
    untilIdle?: unknown;
    sheet?: unknown;
  }): RunReportView {
    const fn = str(params.functionName);
    if (!this.entryPoints.includes(fn)) {
      throw new SessionError(`"${fn}" is not an entry point of dist/Code.js (exported from src/main.ts).`, 404);
    }
    // The tab the user is on when they click the menu item (the start-up job runs from the Spaces tab).
    const sheet = str(params.sheet);
    if (sheet && this.spreadsheet.sheetByName(sheet)) selectRange(this.spreadsheet, sheet, 'A1');
    const origin = str(params.origin) || 'manual';
    const label = str(params.label) || fn;
    return this.record(label, fn, origin, () => {
      this.runtime.execute(fn, { kind: origin === 'menu' || origin === 'start-up' ? 'menu' : 'manual' });
      if (params.untilIdle === true) this.runtime.runUntilIdle();
    });
  }

  // ------------------------------------------------------------------------------------------------ side panel

  private homepageFunction(): string | undefined {
    const addOns = this.manifest.addOns;
    return addOns?.sheets?.homepageTrigger?.runFunction ?? addOns?.common?.homepageTrigger?.runFunction;
  }

  private universalActions(): { label: string; runFunction?: string; openLink?: string }[] {
    const common = this.manifest.addOns?.common as { universalActions?: unknown } | undefined;
    const list = Array.isArray(common?.universalActions) ? common.universalActions : [];
    return list.filter(isJsonObject).map((a) => ({
      label: str(a.label),
      runFunction: str(a.runFunction) || undefined,
      openLink: str(a.openLink) || undefined,
    }));
  }

  private notice(text: string): void {
    this.notifications.push({ id: `n-${++this.noticeSeq}`, text });
    if (this.notifications.length > MAX_NOTICES) this.notifications.shift();
  }

  private link(url: string): void {
    this.openLinks.push({ id: `l-${++this.noticeSeq}`, url });
    if (this.openLinks.length > MAX_NOTICES) this.openLinks.shift();
  }

  /** Runs a card function with an event, returning its result (errors are shown in the panel). */
  private runCard(label: string, fn: string, event: Record<string, unknown>): ExecutionResult | undefined {
    let result: ExecutionResult | undefined;
    this.record(label, fn, 'card', () => {
      result = this.runtime.runCardCallback(fn, event);
    });
    this.sidebarError = result?.error ? `${fn}: ${result.error.message}` : undefined;
    return result?.error ? undefined : result;
  }

  /** The user clicks the add-on's icon in the side panel: the homepage function runs and its card(s) show. */
  openSidebar(): RunReportView | undefined {
    const fn = this.homepageFunction();
    if (!fn) throw new SessionError('The manifest names no homepage trigger (addOns.common.homepageTrigger).', 404);
    this.sidebarOpen = true;
    const result = this.runCard(`Open side panel (${fn})`, fn, this.runtime.buildEvent({ kind: 'homepage' }));
    if (result) {
      const cards = cardsOf(result.returned);
      if (cards.length === 0) this.sidebarError = `${fn} returned no card.`;
      else this.stack.reset(cards);
    }
    return this.runs[this.runs.length - 1];
  }

  /** Closes the side panel (the stack is dropped, as when the user closes it in Sheets). */
  closeSidebar(): void {
    this.sidebarOpen = false;
    this.stack.clear();
    this.sidebarError = undefined;
    this.version++;
  }

  /** The back arrow of the side panel. */
  sidebarBack(): void {
    this.stack.back();
    this.version++;
  }

  /** Applies what a card callback returned: navigation, notification, link, drive.file request. */
  private applyResponse(fn: string, returned: unknown): void {
    const json = jsonOf(returned);
    if (!json) return;
    if (!isJsonObject(json.renderActions)) {
      this.sidebarError = `${fn} returned ${json.sections || json.header ? 'a Card' : 'an object'} instead of an ActionResponse (build one with CardService.newActionResponseBuilder()).`;
      return;
    }
    const effects = this.stack.apply(json);
    if (effects.notification) this.notice(effects.notification);
    if (effects.openLink) this.link(effects.openLink);
    if (effects.requestFileScope) this.fileScopeRequested = true;
  }

  /** A card action: a button, clickable text, or a change action, with the card's form inputs. */
  cardAction(params: { function?: unknown; parameters?: unknown; formInputs?: unknown; pushCard?: unknown }): void {
    if (typeof params.pushCard === 'string') {
      const card = jsonOf(params.pushCard);
      if (card) this.stack.reset([...this.stack.all, card]);
      this.version++;
      return;
    }
    const fn = str(params.function);
    if (!this.entryPoints.includes(fn)) {
      this.sidebarError = `The card calls ${fn || '(no function)'}, which dist/Code.js does not export.`;
      this.version++;
      return;
    }
    const parameters: Record<string, string> = {};
    if (isJsonObject(params.parameters)) {
      for (const [k, v] of Object.entries(params.parameters)) if (typeof v === 'string') parameters[k] = v;
    }
    const formInputs: Record<string, Record<string, unknown>> = {};
    if (isJsonObject(params.formInputs)) {
      for (const [k, v] of Object.entries(params.formInputs)) if (isJsonObject(v)) formInputs[k] = v;
    }
    const event = this.runtime.buildEvent({ kind: 'action', parameters, formInputs });
    const result = this.runCard(`Card: ${fn}`, fn, event);
    if (result) this.applyResponse(fn, result.returned);
  }

  /** The user answers the drive.file request: grants it (and onFileScopeGranted runs) or declines. */
  grantFileScope(params: { allow?: unknown }): void {
    this.fileScopeRequested = false;
    if (params.allow === false) {
      this.version++;
      return;
    }
    this.runtime.grantFileScope(this.spreadsheet.id);
    const fn = this.manifest.addOns?.sheets?.onFileScopeGrantedTrigger?.runFunction;
    if (!fn) {
      this.version++;
      return;
    }
    const result = this.runCard(`File access granted (${fn})`, fn, this.runtime.buildEvent({ kind: 'action' }));
    if (!result) return;
    const json = jsonOf(result.returned);
    if (json && isJsonObject(json.renderActions)) this.applyResponse(fn, json);
    else {
      const cards = cardsOf(result.returned);
      if (cards.length > 0) this.stack.replaceTop(cards[cards.length - 1]);
    }
  }

  /** A universal action from the panel's menu. */
  universalAction(params: { label?: unknown }): void {
    const action = this.universalActions().find((a) => a.label === str(params.label));
    if (!action) throw new SessionError(`No universal action "${str(params.label)}".`, 404);
    if (action.openLink) {
      this.link(action.openLink);
      this.version++;
      return;
    }
    if (!action.runFunction) return;
    const result = this.runCard(
      `Universal action: ${action.label}`,
      action.runFunction,
      this.runtime.buildEvent({ kind: 'action' }),
    );
    if (!result) return;
    const json = jsonOf(result.returned);
    const cards = cardsOf(result.returned);
    if (cards.length > 0) this.stack.reset(cards);
    else if (json && isJsonObject(json.renderActions)) this.applyResponse(action.runFunction, json);
  }

  // ------------------------------------------------------------------------------------------------ workbook

  /** The user types into a cell: the value is written as typed, then onEdit triggers run. */
  setCell(params: { sheet?: unknown; row?: unknown; col?: unknown; value?: unknown }): void {
    const sheet = str(params.sheet);
    const row = Number(params.row);
    const col = Number(params.col);
    const value = typeof params.value === 'string' ? params.value : String(params.value ?? '');
    checkEdit(this.spreadsheet, sheet, row, col, value);
    // The runtime writes the value as typed and fires onEdit (simple and installable) with value and oldValue.
    const a1 = `'${sheet.replace(/'/g, "''")}'!${columnLetters(col)}${row}`;
    this.record(`Edit ${sheet}!${columnLetters(col)}${row}`, 'onEdit', 'edit', () => {
      this.runtime.edit(a1, value);
    });
    const last = this.runs[this.runs.length - 1];
    if (last && last.executions.length === 0) this.runs.pop();
  }

  /** The user selects a range (what getActiveRange() returns) or switches tabs. */
  select(params: { sheet?: unknown; range?: unknown }): void {
    selectRange(this.spreadsheet, str(params.sheet), str(params.range) || 'A1');
    this.version++;
  }

  /** Writes the workbook back to where it was loaded from (CSV folder or .xlsx). */
  async save(): Promise<{ path: string }> {
    const target = this.options.workbook;
    if (!target) throw new SessionError('This workbook was not loaded from disk: start with --workbook to save.', 409);
    await saveWorkbook(this.spreadsheet, target);
    this.savedFingerprint = this.fingerprint();
    this.version++;
    return { path: target };
  }

  /** Starts over: reloads the workbook from disk and empties Chat, triggers and history. */
  async reset(): Promise<void> {
    await this.boot();
    this.version++;
  }

  // ------------------------------------------------------------------------------------------------ clock

  /** Advances virtual time (firing triggers at their times), fires one trigger now, or runs until idle. */
  clock(params: { advanceMinutes?: unknown; fire?: unknown; untilIdle?: unknown }): RunReportView {
    if (params.untilIdle === true) {
      return this.record('Run until idle', 'runUntilIdle', 'clock', () => {
        this.runtime.runUntilIdle();
      });
    }
    if (typeof params.fire === 'string') {
      const trigger = this.runtime.triggers.byUid(params.fire);
      if (!trigger || trigger.disabled || trigger.eventType !== 'CLOCK') {
        throw new SessionError('No enabled time-driven trigger with that id.', 404);
      }
      return this.record(`Fire trigger ${trigger.handler}`, trigger.handler, 'clock', () => {
        trigger.nextAt = this.vclock.now();
        this.runtime.runDueTriggers();
      });
    }
    const minutes = Number(params.advanceMinutes);
    if (!(minutes > 0) || minutes > 60 * 24 * 366) {
      throw new SessionError('Advance the clock by a positive number of minutes (at most a year).');
    }
    const target = this.vclock.now() + minutes * 60_000;
    return this.record(`Clock +${minutes} min`, 'clock', 'clock', () => {
      for (let guard = 0; guard < 10_000; guard++) {
        const next = this.runtime.triggers.nextAt(false);
        if (next === undefined || next > target) break;
        this.vclock.advanceTo(next);
        this.runtime.runDueTriggers();
      }
      this.vclock.advanceTo(target);
    });
  }

  // ------------------------------------------------------------------------------------------------ views

  /** The request log, filtered. */
  requests(filter: Record<string, string | undefined>): RequestsResponse {
    return this.log.query(filter);
  }

  private fingerprint(): string {
    const hash = createHash('sha1');
    for (const sheet of this.spreadsheet.sheets) {
      hash.update(sheet.name);
      hash.update(JSON.stringify(sheet.rows));
    }
    return hash.digest('hex');
  }

  /** Everything the page shows. */
  state(): PlaygroundState {
    const ss = this.spreadsheet;
    const warnings = [...this.warnings];
    for (const e of this.chat.internalErrors.slice(-3)) {
      warnings.push(
        `Chat emulator error in ${e.methodId}: ${e.error instanceof Error ? e.error.message : String(e.error)}`,
      );
    }
    const stack = this.stack.all.map((c) => cardView(c));
    return {
      version: this.version,
      mode: this.options.mode,
      user: this.runtime.config.defaultUser,
      addOnName: this.manifest.addOns?.common?.name ?? this.runtime.config.projectName,
      specRevision: this.chat.discovery.revision,
      workbook: workbookView(ss, {
        saveTarget: this.options.workbook,
        dirty: this.fingerprint() !== this.savedFingerprint,
      }),
      menus: menusView(this.runtime.ui.menus(ss.id)),
      uiEvents: uiEventsView(this.runtime.ui.events),
      sidebar: {
        open: this.sidebarOpen,
        fileScopeGranted: this.runtime.state.grants.has(this.runtime.config.defaultUser, ss.id),
        fileScopeRequested: this.fileScopeRequested,
        stack,
        notifications: this.notifications,
        openLinks: this.openLinks,
        homepage: this.homepageFunction(),
        universalActions: this.universalActions().map((a) => ({
          label: a.label,
          functionName: a.runFunction,
          openLink: a.openLink,
        })),
        error: this.sidebarError,
      },
      chat: chatView(this.chat.dump()),
      clock: {
        now: this.vclock.now(),
        startedAt: this.startedAt,
        timeZone: ss.timeZone || this.runtime.config.timeZone,
      },
      triggers: triggersView(this.runtime.triggers.list),
      lastRun: this.runs[this.runs.length - 1],
      runs: this.runs,
      busy: false,
      entryPoints: this.entryPoints,
      warnings,
    };
  }
}
