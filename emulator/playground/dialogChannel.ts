/**
 * The blocking answer channel for Ui dialogs. In Apps Script `Ui.alert` and `Ui.prompt` stop the execution until the
 * user clicks a button; the playground reproduces that exactly: the execution runs in a worker thread, and when the
 * script raises a dialog the worker posts it to the main thread and blocks on a SharedArrayBuffer (`Atomics.wait`)
 * until the page's answer is written into the buffer by the main thread. Nothing is pre-answered or replayed.
 */

/** What the page answers: the button pressed, and the text typed for a prompt. */
export interface DialogAnswer {
  button: string;
  text?: string;
}

const STATE = 0;
const LENGTH = 1;
const HEADER_BYTES = 8;
const DATA_BYTES = 64 * 1024;

/** Creates the shared memory both sides of one channel use. */
export function createDialogBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + DATA_BYTES);
}

/** The worker's side: blocks until the main thread answers. */
export class DialogWaiter {
  private readonly ctrl: Int32Array;
  private readonly data: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.ctrl = new Int32Array(buffer, 0, 2);
    this.data = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** Arms the channel; call before announcing the dialog so an early answer is not lost. */
  arm(): void {
    Atomics.store(this.ctrl, STATE, 0);
  }

  /** Blocks the calling thread until `DialogAnswerer.answer` runs on the other side. */
  wait(): DialogAnswer {
    while (Atomics.load(this.ctrl, STATE) === 0) Atomics.wait(this.ctrl, STATE, 0);
    const length = Atomics.load(this.ctrl, LENGTH);
    const text = new TextDecoder().decode(this.data.slice(0, length));
    return JSON.parse(text) as DialogAnswer;
  }
}

/** The main thread's side: writes the answer and wakes the worker. */
export class DialogAnswerer {
  private readonly ctrl: Int32Array;
  private readonly data: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.ctrl = new Int32Array(buffer, 0, 2);
    this.data = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** Delivers the answer; prompt text longer than the buffer is cut (64 KB is far above any real prompt). */
  answer(answer: DialogAnswer): void {
    let bytes = new TextEncoder().encode(JSON.stringify(answer));
    if (bytes.length > this.data.length) {
      const text = (answer.text ?? '').slice(0, DATA_BYTES / 4);
      bytes = new TextEncoder().encode(JSON.stringify({ button: answer.button, text }));
    }
    this.data.set(bytes);
    Atomics.store(this.ctrl, LENGTH, bytes.length);
    Atomics.store(this.ctrl, STATE, 1);
    Atomics.notify(this.ctrl, STATE);
  }
}
