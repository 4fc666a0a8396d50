/**
 * What the sidebar's use cases need from the platform, as ports: the Chat API, the clock, the user's properties
 * and cache, the executing user, the trigger scheduler, randomness (draft ids) and the domain's error sentences.
 * The card entry points build it from Apps Script adapters; tests build it in memory. Nothing here touches a
 * spreadsheet: use cases that need the workbook take it as an argument, because a card callback only has one after
 * the user granted drive.file access to the open spreadsheet.
 */
import type { ChatFailure, ChatGateway } from '../../ports/chat';
import type { Cache, Clock, Identity, Scheduler, StateStore } from '../../ports/runtime';

export interface SidebarDeps {
  chat: ChatGateway;
  clock: Clock;
  /** User properties: settings, schedules, the user's own Chat id. */
  state: StateStore;
  /** User cache: who is behind a `users/{id}` the sidebar has met. */
  cache: Cache;
  identity: Identity;
  scheduler: Scheduler;
  random: () => number;
  /** The sentence bulk runs write in Details for a failed call (domain/apiErrors `explainFailure`). */
  explain(failure: ChatFailure, action: string): string;
}

/** What an action did, for the notification the card shows. */
export interface ActionOutcome {
  ok: boolean;
  /** One or two sentences for the user. */
  message: string;
}

export function succeeded(message: string): ActionOutcome {
  return { ok: true, message };
}

export function failed(message: string): ActionOutcome {
  return { ok: false, message };
}
