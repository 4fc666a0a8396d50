/**
 * The playground's session worker (a worker thread started by host.ts). It owns the PlaygroundSession, answers the
 * main thread's calls one at a time, and when an execution raises a Ui dialog it posts the dialog with the current
 * state and blocks on the dialog channel until the page's answer arrives — so alerts and prompts stop the
 * execution exactly where Apps Script would stop it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DialogWaiter } from './dialogChannel';
import { SessionError, type FromWorker, type SessionOptions, type ToWorker } from './protocol';
import { PlaygroundSession } from './session';

const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread (started by PlaygroundHost).');
const data = workerData as { options: SessionOptions; dialogBuffer: SharedArrayBuffer };
const waiter = new DialogWaiter(data.dialogBuffer);

function post(message: FromWorker): void {
  port?.postMessage(message);
}

/** Session methods the main thread may call, by name. */
type Method = (session: PlaygroundSession, params: Record<string, unknown>) => unknown;

const METHODS: Record<string, Method> = {
  state: (s) => s.state(),
  requests: (s, p) => s.requests(p as Record<string, string | undefined>),
  run: (s, p) => s.run(p),
  openSidebar: (s) => s.openSidebar(),
  closeSidebar: (s) => s.closeSidebar(),
  sidebarBack: (s) => s.sidebarBack(),
  cardAction: (s, p) => s.cardAction(p),
  grantFileScope: (s, p) => s.grantFileScope(p),
  universalAction: (s, p) => s.universalAction(p),
  setCell: (s, p) => s.setCell(p),
  select: (s, p) => s.select(p),
  clock: (s, p) => s.clock(p),
  save: (s) => s.save(),
  reset: (s) => s.reset(),
};

async function main(): Promise<void> {
  const session: PlaygroundSession = new PlaygroundSession(data.options, (dialog) => {
    waiter.arm();
    // The state at the moment the script waits (cells written so far, menus, chat), for the page behind the dialog.
    let state;
    try {
      state = session.state();
    } catch {
      state = undefined;
    }
    post({ type: 'dialog', dialog, state });
    return waiter.wait();
  });
  await session.boot();
  post({ type: 'ready', state: session.state() });
  port?.on('message', (msg: ToWorker) => {
    void handle(session, msg);
  });
}

let queue: Promise<void> = Promise.resolve();

/** Runs calls strictly one after another (save and reset are asynchronous). */
function handle(session: PlaygroundSession, msg: ToWorker): Promise<void> {
  queue = queue.then(async () => {
    const method = METHODS[msg.method];
    if (!method) {
      post({ type: 'result', id: msg.id, ok: false, error: `Unknown method ${msg.method}`, status: 404 });
      return;
    }
    try {
      const params = (msg.params && typeof msg.params === 'object' ? msg.params : {}) as Record<string, unknown>;
      const result = await method(session, params);
      post({ type: 'result', id: msg.id, ok: true, result: result ?? null, state: session.state() });
    } catch (e) {
      const status = e instanceof SessionError ? e.status : 500;
      const error = e instanceof Error ? e.message : String(e);
      let state;
      try {
        state = session.state();
      } catch {
        state = undefined;
      }
      post({ type: 'result', id: msg.id, ok: false, error, status, state });
    }
  });
  return queue;
}

main().catch((e: unknown) => {
  post({ type: 'fatal', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
