/**
 * A side panel for the integration tests: the built bundle (dist/Code.js) in the offline Apps Script runtime in
 * Workspace add-on mode, wired to the Chat API emulator, driven the way Google drives an add-on — the homepage
 * trigger, then card actions dispatched with the event objects the platform builds (`runtime.buildEvent`) from the
 * button a user clicks and the form values they typed. It keeps the card stack (push, pop, update, pop to root)
 * like the side panel does, and checks every answer: no script error, within the 30-second callback limit, card
 * JSON valid against the discovery document's GoogleAppsCardV1Card schema and the card limits, and every action
 * naming a function the bundle exports.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateRenderResult } from '../../emulator/cards/validate';
import { ChatEmulator, type DirectoryInput } from '../../emulator/chat';
import { VirtualClock } from '../../emulator/core/clock';
import { AppsScriptRuntime, type ExecutionResult, type Manifest } from '../../emulator/runtime';
import { loadWorkbook } from '../../emulator/workbook';

const DIST = path.join(__dirname, '..', '..', 'dist');

/** Parsed card JSON (google.apps.card.v1); `any` on purpose: tests walk arbitrary card trees. */
export type Json = any;

/** The functions dist/Code.js declares at top level (what Apps Script can call by name). */
export function bundleFunctions(source: string): Set<string> {
  return new Set([...source.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]));
}

export interface SessionOptions {
  directory?: DirectoryInput;
  /** Tabs as CSV text by tab name (loaded as the open spreadsheet). */
  tabs?: Record<string, string>;
  /** Grant drive.file for the spreadsheet before the first card (default false: the user clicks Allow). */
  granted?: boolean;
  seed?: number;
  /**
   * Multiplier of the script's measured CPU time on the virtual clock (runtime default 3). 0 makes virtual time,
   * and so how far a job gets per execution, independent of the machine's speed.
   */
  cpuFactor?: number;
  /** Chat emulator latency overrides (e.g. a slow Chat). */
  latency?: ConstructorParameters<typeof ChatEmulator>[0]['latency'];
}

export interface Answer {
  result: ExecutionResult;
  json: Json;
  notification?: string;
  /** Wall-clock milliseconds the callback took in Node (script CPU plus emulator work). */
  wallMs: number;
}

export class SidePanel {
  readonly clock = new VirtualClock();
  readonly chat: ChatEmulator;
  readonly runtime: AppsScriptRuntime;
  readonly exported: Set<string>;
  spreadsheetId = '';
  /** The card stack; the last card is the one shown. */
  stack: Json[] = [];
  /** Every answer, in order. */
  readonly answers: Answer[] = [];

  private constructor(options: SessionOptions) {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Manifest;
    this.exported = bundleFunctions(code);
    this.chat = new ChatEmulator({
      clock: this.clock,
      seed: options.seed ?? 1,
      directory: options.directory,
      latency: options.latency,
    });
    this.runtime = new AppsScriptRuntime({
      scripts: code,
      manifest,
      mode: 'workspace-addon',
      clock: this.clock,
      seed: options.seed ?? 1,
      apis: [this.chat.apiHost],
      advancedServices: [this.chat.advancedService],
      costs: options.cpuFactor === undefined ? undefined : { cpuFactor: options.cpuFactor },
    });
  }

  static async open(options: SessionOptions = {}): Promise<SidePanel> {
    const panel = new SidePanel(options);
    if (options.tabs) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidebar-'));
      for (const [tab, csv] of Object.entries(options.tabs)) fs.writeFileSync(path.join(dir, `${tab}.csv`), csv);
      const ss = await loadWorkbook(dir, { name: 'Team spaces', timeZone: 'Etc/UTC' });
      panel.runtime.addSpreadsheet(ss, { active: true });
      panel.spreadsheetId = ss.id;
    } else {
      panel.spreadsheetId = panel.runtime.createSpreadsheet('Team spaces', { active: true }).id;
    }
    if (options.granted) panel.runtime.grantFileScope(panel.spreadsheetId);
    return panel;
  }

  /** The card shown. */
  get card(): Json {
    return this.stack[this.stack.length - 1];
  }

  /** Virtual time a user takes before each click (reading the card, typing). */
  thinkMs = 1_500;

  /** Runs an entry point with an event built by the runtime, and checks the answer. */
  dispatch(
    fn: string,
    kind: 'homepage' | 'action',
    parameters: Record<string, string> = {},
    formInputs: Record<string, string | string[]> = {},
  ): Answer {
    if (kind === 'action') this.clock.advance(this.thinkMs);
    const event = this.runtime.buildEvent({ kind, parameters, formInputs });
    const started = process.hrtime.bigint();
    const result = this.runtime.runCardCallback(fn, event);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) throw new Error(`${fn} failed: ${result.error.message}\n${result.error.stack ?? ''}`);
    if (result.internalErrors.length) throw new Error(`${fn}: emulator errors\n${result.internalErrors.join('\n')}`);
    if (result.virtualMs > 30_000)
      throw new Error(`${fn} took ${result.virtualMs} ms of the 30,000 ms a card callback may take`);
    const json: Json = result.returned;
    this.check(fn, json);
    const answer: Answer = { result, json, wallMs, notification: json?.renderActions?.action?.notification?.text };
    this.apply(json);
    this.answers.push(answer);
    return answer;
  }

  /** Validates card JSON and its actions. */
  check(fn: string, json: Json): void {
    if (json === undefined || json === null) throw new Error(`${fn} returned nothing`);
    if (json.renderActions?.hostAppAction || json.renderActions?.action?.link) return;
    if (json.renderActions && !json.renderActions.action) return; // file-scope request and similar host actions
    const v = validateRenderResult(json);
    if (v.errors.length) throw new Error(`${fn} returned invalid card JSON:\n${v.errors.join('\n')}`);
    const missing = v.actionFunctions.filter((f) => !this.exported.has(f));
    if (missing.length)
      throw new Error(`${fn} returned actions naming functions the bundle does not export: ${missing.join(', ')}`);
  }

  private apply(json: Json): void {
    if (json?.sections || json?.header) {
      this.stack = [json];
      return;
    }
    for (const nav of json?.renderActions?.action?.navigations ?? []) {
      if (nav.pushCard) this.stack.push(nav.pushCard);
      else if (nav.popCard) this.stack.pop();
      else if (nav.popToRoot) this.stack = this.stack.slice(0, 1);
      else if (nav.updateCard) {
        if (this.stack.length) this.stack[this.stack.length - 1] = nav.updateCard;
        else this.stack.push(nav.updateCard);
      }
    }
  }

  /** Opens the add-on: the homepage trigger. */
  homepage(fn = 'onSheetsHomepage'): Answer {
    const answer = this.dispatch(fn, 'homepage');
    return answer;
  }

  /** Clicks a clickable element (button, or decorated text) of the shown card, with what the user typed. */
  click(target: Json, formInputs: Record<string, string | string[]> = {}): Answer {
    const action = target?.onClick?.action;
    if (!action) throw new Error(`not clickable: ${JSON.stringify(target)}`);
    const parameters: Record<string, string> = {};
    for (const p of action.parameters ?? []) parameters[p.key] = p.value;
    return this.dispatch(action.function, 'action', parameters, formInputs);
  }

  /** Every widget of the shown card (section widgets and the fixed footer's buttons). */
  widgets(card: Json = this.card): Json[] {
    const out: Json[] = [];
    for (const s of card?.sections ?? []) out.push(...(s.widgets ?? []));
    return out;
  }

  /** The button with this text on the shown card (footer included); throws when absent or ambiguous. */
  button(text: string, card: Json = this.card): Json {
    const all = this.buttons(card).filter((b) => b.text === text);
    if (all.length === 0)
      throw new Error(
        `no button "${text}" on card "${card?.header?.title}"; buttons: ${this.buttons(card)
          .map((b) => b.text)
          .join(', ')}`,
      );
    if (all.length > 1) throw new Error(`${all.length} buttons "${text}" on card "${card?.header?.title}"`);
    return all[0];
  }

  buttons(card: Json = this.card): Json[] {
    const out: Json[] = [];
    for (const w of this.widgets(card)) {
      if (w.buttonList) out.push(...w.buttonList.buttons);
      if (w.decoratedText?.button) out.push(w.decoratedText.button);
    }
    if (card?.fixedFooter?.primaryButton) out.push(card.fixedFooter.primaryButton);
    if (card?.fixedFooter?.secondaryButton) out.push(card.fixedFooter.secondaryButton);
    return out;
  }

  /** The decorated text whose text (or top label) contains `text`. */
  decorated(text: string, card: Json = this.card): Json {
    const found = this.widgets(card).filter(
      (w) => w.decoratedText && `${w.decoratedText.topLabel ?? ''} ${w.decoratedText.text}`.includes(text),
    );
    if (!found.length) throw new Error(`no decorated text with "${text}" on card "${card?.header?.title}"`);
    return found[0].decoratedText;
  }

  /** The button `text` in the button row right after the decorated text containing `rowText`. */
  rowButton(rowText: string, text: string, card: Json = this.card): Json {
    const widgets = this.widgets(card);
    const i = widgets.findIndex(
      (w) => w.decoratedText && `${w.decoratedText.topLabel ?? ''} ${w.decoratedText.text}`.includes(rowText),
    );
    if (i < 0) throw new Error(`no row "${rowText}" on card "${card?.header?.title}"`);
    const buttons = widgets[i + 1]?.buttonList?.buttons ?? [];
    const b = buttons.find((x: Json) => x.text === text);
    if (!b)
      throw new Error(`row "${rowText}" has no button "${text}" (has ${buttons.map((x: Json) => x.text).join(', ')})`);
    return b;
  }

  /** All text of the shown card, for assertions. */
  text(card: Json = this.card): string {
    return JSON.stringify(card);
  }

  /** Chat API calls of the last answer, by method id. */
  get lastApiCalls(): Record<string, number> {
    return this.answers[this.answers.length - 1]?.result.apiCalls ?? {};
  }
}

/** A Spaces tab as CSV from rows of `[Space name, Members]`. */
export function spacesCsv(rows: readonly (readonly [string, string])[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [
    'Space name,Type,Members',
    ...rows.map(([name, members]) => [name, 'Space', members].map(quote).join(',')),
  ].join('\n');
}
