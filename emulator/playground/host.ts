/**
 * The main-thread side of the playground session: starts the session worker (TypeScript loaded through tsx), sends
 * it calls one at a time, and turns its answers into outcomes the HTTP server can return. A call ends either with
 * its result or, when the execution raises a Ui dialog, with the dialog pending; `answerDialog` then unblocks the
 * worker and waits for the next outcome. While a call is in flight, state reads are served from the latest state
 * the worker sent, flagged busy.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { DialogAnswerer, createDialogBuffer, type DialogAnswer } from './dialogChannel';
import type { FromWorker, SessionOptions } from './protocol';
import type { PendingDialogView, PlaygroundState } from './types';

/** How a call ended, as far as the page is concerned. */
export type CallOutcome =
  | { kind: 'done'; result: unknown; state: PlaygroundState }
  | { kind: 'dialog'; dialog: PendingDialogView; state: PlaygroundState }
  | { kind: 'error'; error: string; status: number; state: PlaygroundState };

/** Answers dialogs without asking the page (used for the start-up job): returns the answer or undefined to ask. */
export type AutoAnswer = (dialog: PendingDialogView) => DialogAnswer | undefined;

/** The positive answer of a dialog: YES or OK, else the first button; prompts get empty text. */
export const answerPositively: AutoAnswer = (dialog) => {
  const button = dialog.buttons.find((b) => b === 'YES' || b === 'OK') ?? dialog.buttons[0] ?? 'OK';
  return { button, text: dialog.kind === 'prompt' ? '' : undefined };
};

interface InFlight {
  id: number;
  method: string;
  resolve: (outcome: CallOutcome) => void;
  autoAnswer?: AutoAnswer;
}

/** Thrown by `call` when another call is still running. */
export class BusyError extends Error {
  constructor() {
    super('An execution is already running: wait for it to finish (or answer its dialog).');
    this.name = 'BusyError';
  }
}

/** Main-thread handle of the session worker: one action at a time, dialogs surfaced as outcomes. */
export class PlaygroundHost {
  private readonly worker: Worker;
  private readonly answerer: DialogAnswerer;
  private latest?: PlaygroundState;
  private pending?: PendingDialogView;
  private readonly flights = new Map<number, InFlight>();
  /** The action call running now (at most one); reads never set it. */
  private action?: InFlight;
  private nextId = 1;
  private fatal?: string;
  private closed = false;
  /** Dialogs answered automatically, for the start-up summary. */
  readonly autoAnswered: { dialog: PendingDialogView; answer: DialogAnswer }[] = [];

  private constructor(options: SessionOptions, ready: (state: PlaygroundState) => void, fail: (e: Error) => void) {
    const buffer = createDialogBuffer();
    this.answerer = new DialogAnswerer(buffer);
    const tsxApi = require.resolve('tsx/cjs/api', { paths: [options.rootDir, __dirname] });
    const entry = path.join(__dirname, 'worker.ts');
    // The worker is TypeScript: register tsx's CommonJS loader in it, then load the entry module.
    const bootstrap = `require(${JSON.stringify(tsxApi)}).register(); require(${JSON.stringify(entry)});`;
    this.worker = new Worker(bootstrap, {
      eval: true,
      execArgv: [],
      workerData: { options, dialogBuffer: buffer },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    let started = false;
    this.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        started = true;
        this.latest = msg.state;
        ready(msg.state);
      } else if (msg.type === 'fatal') {
        this.fatal = msg.error;
        if (!started) fail(new Error(msg.error));
        this.failInFlight(msg.error);
      } else this.onMessage(msg);
    });
    this.worker.on('error', (e) => {
      this.fatal = e.message;
      if (!started) fail(e);
      this.failInFlight(e.message);
    });
    this.worker.on('exit', (code) => {
      if (!this.closed) {
        this.fatal = this.fatal ?? `The session worker stopped (exit code ${code}).`;
        if (!started) fail(new Error(this.fatal));
        this.failInFlight(this.fatal);
      }
    });
  }

  /** Starts the worker and resolves once its session is built (workbook loaded, bundle ready). */
  static start(options: SessionOptions): Promise<PlaygroundHost> {
    return new Promise((resolve, reject) => {
      const host: PlaygroundHost = new PlaygroundHost(options, () => resolve(host), reject);
    });
  }

  /** True while an action call is running (possibly waiting on a dialog). */
  get busy(): boolean {
    return this.action !== undefined;
  }

  /** The dialog the running execution waits on, if any. */
  get pendingDialog(): PendingDialogView | undefined {
    return this.pending;
  }

  /**
   * Calls a session method that may run the script or change state. Resolves when the method returns, or earlier
   * when the execution raises a dialog that `autoAnswer` does not answer. Rejects with BusyError while another
   * action runs.
   */
  call(method: string, params: unknown = {}, autoAnswer?: AutoAnswer): Promise<CallOutcome> {
    if (this.fatal) return Promise.resolve(this.errorOutcome(this.fatal, 500));
    if (this.action) return Promise.reject(new BusyError());
    return new Promise((resolve) => {
      this.action = this.post(method, params, resolve, autoAnswer);
    });
  }

  /**
   * Calls a read-only session method. While an action runs the worker is blocked in it, so `fallback` is returned
   * instead of waiting.
   */
  async read<T>(method: string, params: unknown, fallback: T): Promise<T> {
    if (this.action || this.fatal) return fallback;
    const outcome = await new Promise<CallOutcome>((resolve) => this.post(method, params, resolve));
    if (outcome.kind === 'done') return outcome.result as T;
    if (outcome.kind === 'error') throw new Error(outcome.error);
    return fallback;
  }

  /** The state to show now: fresh from the worker when idle, else the last one it sent, flagged busy. */
  async state(): Promise<PlaygroundState> {
    const fresh = await this.read<PlaygroundState | undefined>('state', {}, undefined);
    return this.decorate(fresh ?? this.latestState());
  }

  /** Answers the pending dialog and waits for the call to end or raise its next dialog. */
  answerDialog(answer: DialogAnswer): Promise<CallOutcome> {
    const flight = this.action;
    if (!flight || !this.pending) {
      return Promise.resolve(this.errorOutcome('No dialog is waiting for an answer.', 409));
    }
    return new Promise((resolve) => {
      flight.resolve = resolve;
      this.pending = undefined;
      this.answerer.answer(answer);
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pending) this.answerer.answer({ button: 'CLOSE' });
    await this.worker.terminate();
  }

  private post(method: string, params: unknown, resolve: (o: CallOutcome) => void, autoAnswer?: AutoAnswer): InFlight {
    const flight: InFlight = { id: this.nextId++, method, resolve, autoAnswer };
    this.flights.set(flight.id, flight);
    this.worker.postMessage({ type: 'call', id: flight.id, method, params });
    return flight;
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === 'dialog') {
      if (msg.state) this.latest = msg.state;
      const flight = this.action;
      const auto = flight?.autoAnswer?.(msg.dialog);
      if (auto) {
        this.autoAnswered.push({ dialog: msg.dialog, answer: auto });
        this.answerer.answer(auto);
        return;
      }
      this.pending = msg.dialog;
      flight?.resolve({ kind: 'dialog', dialog: msg.dialog, state: this.decorate(this.latestState()) });
      return;
    }
    if (msg.type !== 'result') return;
    const flight = this.flights.get(msg.id);
    if (!flight) return;
    this.flights.delete(msg.id);
    if (flight === this.action) {
      this.action = undefined;
      this.pending = undefined;
    }
    if (msg.state) this.latest = msg.state;
    if (msg.ok) flight.resolve({ kind: 'done', result: msg.result, state: this.decorate(msg.state) });
    else flight.resolve(this.errorOutcome(msg.error, msg.status));
  }

  private failInFlight(error: string): void {
    const flights = [...this.flights.values()];
    this.flights.clear();
    this.action = undefined;
    this.pending = undefined;
    for (const f of flights) f.resolve(this.errorOutcome(error, 500));
  }

  private errorOutcome(error: string, status: number): CallOutcome {
    return { kind: 'error', error, status, state: this.decorate(this.latestState()) };
  }

  private latestState(): PlaygroundState {
    if (!this.latest) throw new Error(this.fatal ?? 'The playground session has not started.');
    return this.latest;
  }

  private decorate(state: PlaygroundState): PlaygroundState {
    const warnings = this.fatal ? [...state.warnings, this.fatal] : state.warnings;
    return { ...state, busy: this.action !== undefined, pendingDialog: this.pending, warnings };
  }
}
