/**
 * The Workspace add-on side panel as a state machine: the card navigation stack (push, pop, pop to root, pop to a
 * named card, update), notifications shown as snackbars, links to open, and the `drive.file` request that leads to
 * the file-scope grant flow. Pure logic over card JSON; the session runs the functions (with event objects built by
 * the runtime's `buildEvent`).
 */
import { isJsonObject, type JsonObject } from '../cards/json';

/** What one action response asked the host app to do, besides navigating. */
export interface ResponseEffects {
  notification?: string;
  openLink?: string;
  /** The add-on asked for `drive.file` access to the open spreadsheet. */
  requestFileScope: boolean;
  stateChanged?: boolean;
  /** The response navigated (or displayed cards). */
  navigated: boolean;
}

/** The navigation stack of the side panel; the last card is the one shown. */
export class CardStack {
  private cards: JsonObject[] = [];

  /** The cards, root first. */
  get all(): readonly JsonObject[] {
    return this.cards;
  }

  get top(): JsonObject | undefined {
    return this.cards[this.cards.length - 1];
  }

  /** Replaces the whole stack (homepage, universal action, file-scope granted). */
  reset(cards: JsonObject[]): void {
    this.cards = [...cards];
  }

  /** Replaces the card shown (what `updateCard` does), or shows `card` when the stack is empty. */
  replaceTop(card: JsonObject): void {
    if (this.cards.length === 0) this.cards.push(card);
    else this.cards[this.cards.length - 1] = card;
  }

  /** The back arrow of the panel: pops one card (never the root). */
  back(): void {
    if (this.cards.length > 1) this.cards.pop();
  }

  clear(): void {
    this.cards = [];
  }

  /**
   * Applies an ActionResponse / UniversalActionResponse / EditorFileScopeActionResponse JSON (the `printJson()`
   * shape: `{renderActions: {action: {navigations, notification, link}, hostAppAction}}`).
   */
  apply(response: JsonObject): ResponseEffects {
    const effects: ResponseEffects = { requestFileScope: false, navigated: false };
    const renderActions = isJsonObject(response.renderActions) ? response.renderActions : undefined;
    if (typeof response.stateChanged === 'boolean') effects.stateChanged = response.stateChanged;
    if (!renderActions) return effects;
    const host = isJsonObject(renderActions.hostAppAction) ? renderActions.hostAppAction : undefined;
    const editor = host && isJsonObject(host.editorAction) ? host.editorAction : undefined;
    if (editor && 'requestFileScopeForActiveDocument' in editor) effects.requestFileScope = true;
    const action = isJsonObject(renderActions.action) ? renderActions.action : undefined;
    if (!action) return effects;
    const navigations = Array.isArray(action.navigations) ? action.navigations.filter(isJsonObject) : [];
    for (const nav of navigations) this.navigate(nav);
    effects.navigated = navigations.length > 0;
    const notification = isJsonObject(action.notification) ? action.notification : undefined;
    if (notification && typeof notification.text === 'string') effects.notification = notification.text;
    const link = isJsonObject(action.link) ? action.link : undefined;
    if (link && typeof link.url === 'string') effects.openLink = link.url;
    return effects;
  }

  private navigate(nav: JsonObject): void {
    if (isJsonObject(nav.pushCard)) this.cards.push(nav.pushCard);
    else if (isJsonObject(nav.updateCard)) this.replaceTop(nav.updateCard);
    else if (nav.popCard === true) this.back();
    else if (nav.popToRoot === true) this.cards = this.cards.slice(0, 1);
    else if (typeof nav.popToCard === 'string') {
      const index = this.cards.map((c) => c.name).lastIndexOf(nav.popToCard);
      if (index >= 0) this.cards = this.cards.slice(0, index + 1);
    }
  }
}

/**
 * Normalises what a card function returned into card JSON objects: a Card (printJson string, parsed JSON), an
 * array of cards, or nothing.
 */
export function cardsOf(value: unknown): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => cardsOf(v));
  const json = jsonOf(value);
  if (!json) return [];
  if (isJsonObject(json.renderActions)) {
    const action = isJsonObject(json.renderActions.action) ? json.renderActions.action : undefined;
    const navs = action && Array.isArray(action.navigations) ? action.navigations.filter(isJsonObject) : [];
    return navs.flatMap((n) => (isJsonObject(n.pushCard) ? [n.pushCard] : []));
  }
  return [json];
}

/** The JSON of a returned CardService object: parses `printJson()` output or takes a plain object. */
export function jsonOf(value: unknown): JsonObject | undefined {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return isJsonObject(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  if (isJsonObject(value)) {
    const printJson = (value as { printJson?: unknown }).printJson;
    if (typeof printJson === 'function') return jsonOf((printJson as () => unknown).call(value));
    return value;
  }
  return undefined;
}
