/**
 * The job engine: runs many independent pieces of work ("tasks", usually one per sheet row) against the Chat API
 * inside one execution, as fast as Google's quotas allow and no faster. Each task hands the engine operations
 * (one API request plus what to do with its result); the engine reserves quota for each with the pacer, sends every
 * operation that is due in one batch (one UrlFetchApp.fetchAll, or the advanced service for a lone request), retries
 * transient failures with exponential backoff and jitter (re-sending the very same request, so requestIds and client
 * message ids keep retries idempotent), and stops admitting work before the execution's time budget runs out.
 * Tasks still in flight at the deadline are reported back so the caller can checkpoint and resume them later.
 */
import type { ChatFailure, ChatGateway, ChatMethodId, ChatRequest, ChatResult } from '../../ports/chat';
import type { Clock } from '../../ports/runtime';
import { classifyFailure } from './failures';

/** Decides when a call may be sent without breaking a quota (see domain/quota.ts). */
export interface Pacer {
  /** Reserves quota for the call; returns the earliest epoch ms it may be sent (≤ now means now). */
  reserve(method: ChatMethodId, space: string | undefined, nowMs: number): number;
  /** When the call could be sent, without reserving anything. */
  peek(method: ChatMethodId, space: string | undefined, nowMs: number): number;
  /** Holds every call on the method's project buckets until `untilMs` (after Chat answered 429 for it). */
  pause(method: ChatMethodId, untilMs: number): void;
  /** What the pacer must remember for the next execution (reservations still inside a quota window), if anything. */
  snapshot?(nowMs: number): unknown;
}

/** One API request and what to do with its result. `then` returns follow-up operations (possibly none). */
export interface Operation {
  request: ChatRequest;
  /** The space the request acts on, for per-space quotas. */
  space?: string;
  then(result: ChatResult): Operation[] | void;
}

/** A unit of work, typically one sheet row. */
export interface Task {
  readonly key: string;
  /** The first operations; called when the engine admits the task. */
  start(): Operation[] | void;
  /** Called once every operation of the task has completed. */
  finish(): void;
}

export interface EngineOptions {
  /** Epoch ms after which no new task is admitted. */
  admitUntil: number;
  /** Epoch ms after which no request is sent; tasks still in flight are returned unfinished. */
  stopAt: number;
  /** Tasks worked on at once (keeps every quota bucket busy without queueing far ahead). */
  maxActiveTasks: number;
  /** Requests in one fetchAll. */
  maxBatch: number;
  /** Attempts per request before its failure is handed to the task. */
  maxAttempts: number;
  /**
   * Attempts per request answered 429. Higher than maxAttempts: a per-minute window someone else filled (another
   * user of the project, or this user's previous execution, whose calls this execution's pacer does not know) takes
   * up to a minute to empty, longer than the first backoffs add up to.
   */
  maxQuotaAttempts: number;
  /** First backoff delay; doubles per attempt, with full jitter, capped at maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Random numbers in [0, 1) for jitter. */
  random: () => number;
  /** Stop early when this returns true (e.g. the job was cancelled); checked between batches. */
  shouldStop?: () => boolean;
}

export const DEFAULT_ENGINE_OPTIONS: Omit<EngineOptions, 'admitUntil' | 'stopAt' | 'random'> = {
  maxActiveTasks: 40,
  maxBatch: 60,
  maxAttempts: 7,
  maxQuotaAttempts: 12,
  baseBackoffMs: 1_000,
  maxBackoffMs: 32_000,
};

export interface EngineStats {
  apiCalls: Partial<Record<ChatMethodId, number>>;
  /** Requests re-sent after a transient failure or 429. */
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Milliseconds spent waiting for quota or backoff with nothing else to send. */
  waitMs: number;
  batches: number;
}

export interface EngineRun {
  /** Keys of tasks that finished. */
  finished: string[];
  /** Keys of tasks admitted but not finished when the engine stopped. */
  unfinished: string[];
  /** True when every task offered was admitted and finished. */
  complete: boolean;
  stats: EngineStats;
}

interface Pending {
  op: Operation;
  task: ActiveTask;
  /** Times the request was sent before (sets the backoff). */
  attempt: number;
  /** Of those, answered 429 (counted against maxQuotaAttempts; the others against maxAttempts). */
  quotaRefusals: number;
  /** Epoch ms before which the request must not be sent (backoff). */
  notBefore: number;
}

interface ActiveTask {
  task: Task;
  outstanding: number;
}

/** Runs tasks from `source` until it is exhausted or the time budget ends. */
export class JobEngine {
  constructor(
    private readonly chat: ChatGateway,
    private readonly pacer: Pacer,
    private readonly clock: Clock,
    private readonly options: EngineOptions,
  ) {}

  run(source: Iterator<Task>): EngineRun {
    const o = this.options;
    const stats: EngineStats = { apiCalls: {}, retries: 0, rateLimited: 0, waitMs: 0, batches: 0 };
    const active = new Map<string, ActiveTask>();
    const finished: string[] = [];
    let queue: Pending[] = [];
    let sourceDone = false;
    let stopped = false;

    const enqueue = (task: ActiveTask, ops: Operation[] | void, now: number) => {
      for (const op of ops ?? []) {
        task.outstanding++;
        queue.push({ op, task, attempt: 0, quotaRefusals: 0, notBefore: now });
      }
    };
    const settle = (task: ActiveTask) => {
      if (task.outstanding === 0 && active.has(task.task.key)) {
        active.delete(task.task.key);
        task.task.finish();
        finished.push(task.task.key);
      }
    };

    for (;;) {
      let now = this.clock.now();
      if (now >= o.stopAt || o.shouldStop?.()) {
        stopped = true;
        break;
      }
      // Admit new tasks while there is room and time.
      while (!sourceDone && active.size < o.maxActiveTasks && now < o.admitUntil) {
        const next = source.next();
        if (next.done) {
          sourceDone = true;
          break;
        }
        const entry: ActiveTask = { task: next.value, outstanding: 0 };
        active.set(entry.task.key, entry);
        enqueue(entry, entry.task.start(), now);
        settle(entry);
      }
      if (queue.length === 0) {
        if (sourceDone || now >= o.admitUntil) break;
        continue;
      }
      // Quota is reserved at the moment of sending, never ahead: a reservation made for a time that has passed
      // while a batch was in flight would be sent late, and a late call can share a 60-second window with calls
      // reserved a minute after it — Chat then answers 429. Requests are taken in order; a request whose bucket
      // is full waits, while requests on other buckets go ahead.
      const due: Pending[] = [];
      let wakeAt = Number.POSITIVE_INFINITY;
      // Calls found waiting in this pass, by method and space: the same answer for the rest of the queue.
      const held = new Map<string, number>();
      for (const p of queue) {
        if (due.length >= o.maxBatch) break;
        if (p.notBefore > now) {
          wakeAt = Math.min(wakeAt, p.notBefore);
          continue;
        }
        const { method } = p.op.request;
        const key = `${method} ${p.op.space ?? ''}`;
        const at = held.get(key) ?? this.pacer.peek(method, p.op.space, now);
        if (at <= now) {
          this.pacer.reserve(method, p.op.space, now);
          due.push(p);
        } else {
          held.set(key, at);
          wakeAt = Math.min(wakeAt, at);
        }
      }
      if (due.length === 0) {
        // Sleep until a request's quota or backoff allows it.
        const sleep = Math.max(1, Math.min(wakeAt, o.stopAt) - now);
        this.clock.sleep(sleep);
        stats.waitMs += sleep;
        continue;
      }
      const dueSet = new Set(due);
      queue = queue.filter((p) => !dueSet.has(p));
      const results =
        due.length === 1 ? [this.chat.call(due[0].op.request)] : this.chat.callAll(due.map((p) => p.op.request));
      stats.batches++;
      now = this.clock.now();
      due.forEach((p, i) => {
        const method = p.op.request.method;
        stats.apiCalls[method] = (stats.apiCalls[method] ?? 0) + 1;
        const result = results[i];
        const is429 = !result.ok && result.failure.httpStatus === 429;
        const quotaRefusals = p.quotaRefusals + (is429 ? 1 : 0);
        // 429s and other transient failures each have their own allowance, so a request held back by quota for a
        // while still gets its full share of retries for server errors.
        const withinAllowance = is429
          ? quotaRefusals < o.maxQuotaAttempts
          : p.attempt + 1 - quotaRefusals < o.maxAttempts;
        if (!result.ok && isRetryable(result.failure) && withinAllowance) {
          stats.retries++;
          const ceiling = Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** p.attempt);
          const notBefore = now + ceiling / 2 + o.random() * (ceiling / 2);
          if (result.failure.httpStatus === 429) {
            stats.rateLimited++;
            // Someone else is using the project's quota (another user, or this user's previous execution): the
            // whole bucket backs off, not just this request, or new calls would keep the window full.
            this.pacer.pause(method, notBefore);
          }
          queue.push({ op: p.op, task: p.task, attempt: p.attempt + 1, quotaRefusals, notBefore });
          return;
        }
        if (!result.ok && result.failure.httpStatus === 429) stats.rateLimited++;
        p.task.outstanding--;
        enqueue(p.task, p.op.then(result), now);
        settle(p.task);
      });
    }

    const unfinished = [...active.keys()];
    return { finished, unfinished, complete: !stopped && sourceDone && unfinished.length === 0, stats };
  }
}

function isRetryable(failure: ChatFailure): boolean {
  return classifyFailure(failure).retryable;
}
