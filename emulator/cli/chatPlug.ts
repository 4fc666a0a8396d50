/**
 * The local runner's view of the Chat API emulator (emulator/chat): just what the runner needs to construct it,
 * wire it into the runtime, and save and restore its state. Kept small so the runner does not depend on the Chat
 * emulator's internals.
 */
import type { AdvancedServiceBinding, ApiHost } from '../core/api';
import type { VirtualClock } from '../core/clock';
import { ChatEmulator } from '../chat';

export interface ChatPlug {
  apiHost: ApiHost;
  advancedService: AdvancedServiceBinding;
  dump(): unknown;
  stats(): unknown;
}

export interface ChatPlugOptions {
  clock: VirtualClock;
  seed: number;
  /** Fault spec in the Chat emulator's grammar. */
  faults?: string;
  /** Organisation directory (users, groups, spaces). */
  directory?: unknown;
  /** A saved state (chat-state.json) to start from. */
  state?: unknown;
}

/** Builds the Chat emulator for a local run. */
export function createChat(options: ChatPlugOptions): ChatPlug {
  const chat = new ChatEmulator({
    clock: options.clock,
    seed: options.seed,
    faults: options.faults,
    directory: options.directory as ConstructorParameters<typeof ChatEmulator>[0]['directory'],
  });
  if (options.state !== undefined) chat.load(options.state as Parameters<ChatEmulator['load']>[0]);
  return {
    apiHost: chat.apiHost,
    advancedService: chat.advancedService,
    dump: () => chat.dump(),
    stats: () => chat.stats(),
  };
}
