/**
 * Shared helpers for the CardService emulation tests: a fresh `CardService`, JSON of built objects, and a shortcut
 * that wraps one widget in a card and returns the widget's printed JSON.
 */
import { createCardService, type CardServiceOptions } from '../../../emulator/cards/cardService';
import type { JsonObject } from '../../../emulator/cards/json';
import { validateCard } from '../../../emulator/cards/validate';

/**
 * Builder objects are method tables created at run time (as in Apps Script, where scripts are untyped), so tests
 * reach them through this deliberately loose type.
 */
export type Dyn = any;

/** A fresh CardService whose errors are plain `Error`s. */
export function newCardService(options?: CardServiceOptions): Dyn {
  return createCardService((message) => new Error(message), options);
}

/** The parsed `printJson()` of a built object. */
export function json(built: Dyn): JsonObject {
  return JSON.parse(built.printJson()) as JsonObject;
}

/**
 * Builds a one-section card holding `widget` and returns the printed JSON of that widget. Fails when the validator
 * rejects the card, so every builder test also checks that the validator accepts what the builders make.
 */
export function widgetJson(cs: Dyn, widget: Dyn): JsonObject {
  const card = json(cs.newCardBuilder().addSection(cs.newCardSection().addWidget(widget)).build());
  const { errors } = validateCard(card);
  if (errors.length > 0) throw new Error(`validator rejected a built card:\n${errors.join('\n')}`);
  const sections = card.sections as JsonObject[];
  return (sections[0].widgets as JsonObject[])[0];
}

/** An Action calling `fn`. */
export function action(cs: Dyn, fn: string): Dyn {
  return cs.newAction().setFunctionName(fn);
}
