/**
 * SpreadsheetApp.getUi(): menus (createMenu / createAddonMenu, items, separators, submenus, addToUi), alerts and
 * prompts with Button/ButtonSet, sidebars and dialogs. Nothing is shown: everything is recorded in the runtime's
 * UiRecorder, and tests script the user's answers (`runtime.ui.queueAnswer({ button: 'NO' })` or
 * `runtime.ui.answerWith = (req) => ...`). Without a scripted answer the user presses the first button of the set
 * (OK or YES) and types nothing (emulator choice, README R7).
 */
import { EnumValue, makeEnum, ServiceObject } from '../facade';
import type { Execution } from '../execution';
import { badSignature } from '../signature';
import { HtmlOutputImpl } from './html';

export const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

const BUTTONS_OF: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export interface MenuItemRecord {
  kind: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  items?: MenuItemRecord[];
}

export interface MenuRecord {
  spreadsheetId: string;
  caption: string;
  /** Created with createAddonMenu (shown under Extensions). */
  addon: boolean;
  items: MenuItemRecord[];
  executionId: string;
}

/** One recorded UI action. */
export interface UiEvent {
  kind: 'toast' | 'alert' | 'prompt' | 'sidebar' | 'modal' | 'modeless' | 'menu';
  executionId: string;
  at: number;
  [key: string]: unknown;
}

/** What the (scripted) user answers to an alert or prompt. */
export interface DialogAnswer {
  /** Button name: OK, CANCEL, YES, NO or CLOSE. */
  button?: string;
  /** Text typed into a prompt. */
  text?: string;
}

export interface DialogRequest {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
}

/** Everything the scripts showed, per runtime; also the source of scripted dialog answers. */
export class UiRecorder {
  readonly events: UiEvent[] = [];
  private readonly menuMap = new Map<string, MenuRecord[]>();
  private readonly queue: DialogAnswer[] = [];
  /** Answers dialogs not covered by the queue. */
  answerWith?: (request: DialogRequest) => DialogAnswer | undefined;

  /** Queues answers for the next alerts/prompts, in order. */
  queueAnswer(...answers: DialogAnswer[]): void {
    this.queue.push(...answers);
  }

  record(kind: UiEvent['kind'], exec: Execution, data: Record<string, unknown>): UiEvent {
    const event: UiEvent = { kind, executionId: exec.id, at: exec.rt.clock.now(), ...data };
    this.events.push(event);
    return event;
  }

  /** Installs (or replaces, by caption) a menu in a spreadsheet's UI. */
  addMenu(menu: MenuRecord): void {
    const list = this.menuMap.get(menu.spreadsheetId) ?? [];
    const i = list.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (i >= 0) list[i] = menu;
    else list.push(menu);
    this.menuMap.set(menu.spreadsheetId, list);
  }

  /** Menus currently shown in a spreadsheet (all spreadsheets when no id). */
  menus(spreadsheetId?: string): MenuRecord[] {
    if (spreadsheetId !== undefined) return [...(this.menuMap.get(spreadsheetId) ?? [])];
    return [...this.menuMap.values()].flat();
  }

  /** Removes the menus of a spreadsheet (a reload of the page). */
  clearMenus(spreadsheetId: string): void {
    this.menuMap.delete(spreadsheetId);
  }

  get toasts(): UiEvent[] {
    return this.events.filter((e) => e.kind === 'toast');
  }

  get dialogs(): UiEvent[] {
    return this.events.filter((e) => e.kind === 'alert' || e.kind === 'prompt');
  }

  /** The answer to a dialog: queued, then answerWith, then the first button. */
  answer(request: DialogRequest): { button: string; text: string } {
    const allowed = [...(BUTTONS_OF[request.buttons] ?? ['OK']), 'CLOSE'];
    const given = this.queue.shift() ?? this.answerWith?.(request) ?? {};
    const button = given.button ?? allowed[0];
    if (!allowed.includes(button)) throw new Error(`Scripted answer ${button} is not a button of ${request.buttons}`);
    return { button, text: given.text ?? '' };
  }
}

/** A menu being built (class Menu). */
export class MenuImpl extends ServiceObject {
  get className(): string {
    return 'Menu';
  }

  readonly _items: MenuItemRecord[] = [];

  constructor(
    private readonly exec: Execution,
    private readonly spreadsheetId: string,
    readonly _caption: string,
    private readonly addon: boolean,
  ) {
    super();
  }

  addItem(caption: unknown, functionName: unknown): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string')
      badSignature('Menu.addItem', [caption, functionName]);
    this._items.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): this {
    this._items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: unknown): this {
    if (!(menu instanceof MenuImpl)) badSignature('Menu.addSubMenu', [menu]);
    this._items.push({ kind: 'submenu', caption: menu._caption, items: menu._items.map((i) => ({ ...i })) });
    return this;
  }

  addToUi(): void {
    const record: MenuRecord = {
      spreadsheetId: this.spreadsheetId,
      caption: this._caption,
      addon: this.addon,
      items: this._items.map((i) => ({ ...i })),
      executionId: this.exec.id,
    };
    this.exec.rt.ui.addMenu(record);
    this.exec.rt.ui.record('menu', this.exec, {
      spreadsheetId: this.spreadsheetId,
      caption: this._caption,
      addon: this.addon,
    });
  }
}

/** The answer of a prompt (class PromptResponse). */
export class PromptResponseImpl extends ServiceObject {
  get className(): string {
    return 'PromptResponse';
  }

  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {
    super();
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): EnumValue {
    return Button[this.button];
  }
}

/** SpreadsheetApp.getUi() (class Ui). */
export class UiImpl extends ServiceObject {
  get className(): string {
    return 'Ui';
  }

  constructor(
    private readonly exec: Execution,
    private readonly spreadsheetId: string,
  ) {
    super();
  }

  override _constants(): Record<string, unknown> {
    return { Button, ButtonSet };
  }

  createMenu(caption: unknown): MenuImpl {
    if (typeof caption !== 'string') badSignature('Ui.createMenu', [caption]);
    return new MenuImpl(this.exec, this.spreadsheetId, caption, false);
  }

  createAddonMenu(): MenuImpl {
    return new MenuImpl(this.exec, this.spreadsheetId, this.exec.rt.config.projectName, true);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(a: unknown, b?: unknown, c?: unknown): EnumValue {
    const { title, prompt, buttons } = this.dialogArgs('Ui.alert', a, b, c);
    const answer = this.exec.rt.ui.answer({ kind: 'alert', title, prompt, buttons });
    this.exec.rt.ui.record('alert', this.exec, {
      spreadsheetId: this.spreadsheetId,
      title,
      prompt,
      buttons,
      response: answer.button,
    });
    return Button[answer.button];
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons). */
  prompt(a: unknown, b?: unknown, c?: unknown): PromptResponseImpl {
    const { title, prompt, buttons } = this.dialogArgs('Ui.prompt', a, b, c);
    const answer = this.exec.rt.ui.answer({ kind: 'prompt', title, prompt, buttons });
    this.exec.rt.ui.record('prompt', this.exec, {
      spreadsheetId: this.spreadsheetId,
      title,
      prompt,
      buttons,
      response: answer.button,
      text: answer.text,
    });
    return new PromptResponseImpl(answer.text, answer.button);
  }

  private dialogArgs(
    fq: string,
    a: unknown,
    b: unknown,
    c: unknown,
  ): { title: string | null; prompt: string; buttons: string } {
    const args = [a, b, c];
    if (typeof a !== 'string') badSignature(fq, args);
    if (c !== undefined) {
      if (typeof b !== 'string' || !(c instanceof EnumValue) || c.enumName !== 'ButtonSet') badSignature(fq, args);
      return { title: a, prompt: b, buttons: c.name };
    }
    if (b !== undefined) {
      if (!(b instanceof EnumValue) || b.enumName !== 'ButtonSet') badSignature(fq, args);
      return { title: null, prompt: a, buttons: b.name };
    }
    return { title: null, prompt: a, buttons: 'OK' };
  }

  private show(kind: 'sidebar' | 'modal' | 'modeless', fq: string, html: unknown, title?: unknown): void {
    if (!(html instanceof HtmlOutputImpl)) badSignature(fq, [html, title]);
    this.exec.rt.ui.record(kind, this.exec, {
      spreadsheetId: this.spreadsheetId,
      title: title === undefined ? html._title : String(title),
      content: html._content,
      width: html._width,
      height: html._height,
    });
  }

  showSidebar(userInterface: unknown): void {
    this.show('sidebar', 'Ui.showSidebar', userInterface);
  }

  showModalDialog(userInterface: unknown, title: unknown): void {
    this.show('modal', 'Ui.showModalDialog', userInterface, title);
  }

  showModelessDialog(userInterface: unknown, title: unknown): void {
    this.show('modeless', 'Ui.showModelessDialog', userInterface, title);
  }
}
