/**
 * Messages between the playground's main thread (HTTP server) and its session worker (runtime + Chat emulator).
 * The main thread calls session methods by name; the worker answers each call with its result and a fresh state,
 * or, while an execution waits on a Ui dialog, announces the dialog (with the state as it is at that moment) and
 * blocks until the answer arrives through the dialog channel (./dialogChannel.ts).
 */
import type { PendingDialogView, PlaygroundState } from './types';

/** Options the worker needs to build its session; plain data (it crosses the thread boundary). */
export interface SessionOptions {
  /** Root of the repository (where dist/, examples/ and emulator/*.md live). */
  rootDir: string;
  /** The built bundle. Default `<root>/dist/Code.js`. */
  bundlePath?: string;
  /** Manifest. Default `<root>/dist/appsscript.json`, then `<root>/appsscript.json`. */
  manifestPath?: string;
  /** Workbook to open: a folder of CSV files (one per tab) or an .xlsx file. Absent: an empty spreadsheet. */
  workbook?: string;
  /** The Chat emulator's organisation directory (users, groups, existing spaces) as JSON. */
  directory?: string;
  mode: 'bound' | 'editor-addon' | 'workspace-addon';
  /** Seed of ids and randomness (runtime and emulator). Default 1. */
  seed?: number;
  /** The executing user. Default the runtime's default. */
  user?: string;
}

/** Main thread → worker. */
export type ToWorker = { type: 'call'; id: number; method: string; params: unknown };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready'; state: PlaygroundState }
  | { type: 'result'; id: number; ok: true; result: unknown; state: PlaygroundState }
  | { type: 'result'; id: number; ok: false; error: string; status: number; state?: PlaygroundState }
  | { type: 'dialog'; dialog: PendingDialogView; state?: PlaygroundState }
  | { type: 'fatal'; error: string };

/** An error a session method throws on purpose, with the HTTP status the server should answer with. */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}
