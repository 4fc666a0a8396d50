/**
 * The job engine with an in-memory Chat and clock: it keeps to Google's quotas (the busiest bucket sets the pace,
 * other buckets overlap), sends due calls together, retries transient failures with the same request, and stops at
 * the deadline leaving unfinished tasks for the next execution.
 */
import { JobEngine, DEFAULT_ENGINE_OPTIONS, type Operation, type Task } from '../../src/app/jobs/engine';
import { QuotaPacer } from '../../src/domain/quota';
import type { ChatGateway, ChatMethodId, ChatRequest, ChatResult } from '../../src/ports/chat';
import type { Clock } from '../../src/ports/runtime';

class FakeClock implements Clock {
  t = Date.UTC(2026, 0, 5, 9);
  now() {
    return this.t;
  }
  sleep(ms: number) {
    this.t += ms;
  }
}

/** Answers every request after `latency` ms; `fail` decides a failure per request. */
class FakeChat implements ChatGateway {
  sent: { at: number; request: ChatRequest }[] = [];
  batches: number[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly latency = 200,
    private readonly fail: (r: ChatRequest, n: number) => ChatResult | undefined = () => undefined,
  ) {}
  call(request: ChatRequest): ChatResult {
    return this.callAll([request])[0];
  }
  callAll(requests: readonly ChatRequest[]): ChatResult[] {
    this.batches.push(requests.length);
    const at = this.clock.now();
    const results = requests.map((request) => {
      this.sent.push({ at, request });
      return (
        this.fail(request, this.sent.filter((s) => s.request === request).length) ?? {
          ok: true as const,
          value: { name: 'spaces/S' },
        }
      );
    });
    this.clock.sleep(this.latency);
    return results;
  }
}

function tasks(n: number, ops: (i: number) => Operation[], done: string[] = []): Iterator<Task> {
  return Array.from({ length: n }, (_, i) => ({
    key: `t${i}`,
    start: () => ops(i),
    finish: () => void done.push(`t${i}`),
  }))[Symbol.iterator]();
}

const setup = (i: number): Operation => ({ request: { method: 'chat.spaces.setup', body: { i } }, then: () => [] });
const member = (i: number, j: number): Operation => ({
  request: { method: 'chat.spaces.members.create', resource: `spaces/${i}`, body: { j } },
  space: `spaces/${i}`,
  then: () => [],
});

function engine(chat: ChatGateway, clock: FakeClock, stopAfterMs = 3_600_000) {
  const start = clock.now();
  return new JobEngine(chat, new QuotaPacer(), clock, {
    ...DEFAULT_ENGINE_OPTIONS,
    admitUntil: start + stopAfterMs,
    stopAt: start + stopAfterMs,
    random: () => 0.5,
  });
}

test('120 space creations take two minutes: never more than 60 space writes in any 60 seconds', () => {
  const clock = new FakeClock();
  const chat = new FakeChat(clock);
  const run = engine(chat, clock).run(tasks(120, (i) => [setup(i)]));
  expect(run.complete).toBe(true);
  const times = chat.sent.map((s) => s.at);
  for (const t of times) expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(60);
  const elapsed = times[times.length - 1] - times[0];
  expect(elapsed).toBeGreaterThanOrEqual(60_000);
  expect(elapsed).toBeLessThan(125_000);
  expect(run.stats.apiCalls['chat.spaces.setup']).toBe(120);
});

test('membership writes overlap with space writes instead of waiting behind them', () => {
  const clock = new FakeClock();
  const chat = new FakeChat(clock);
  // 60 spaces, each followed by 5 member adds: space writes bound = 1 min, membership writes = 300/300 = 1 min.
  const run = engine(chat, clock).run(
    tasks(60, (i) => [{ ...setup(i), then: () => [0, 1, 2, 3, 4].map((j) => member(i, j)) }]),
  );
  expect(run.complete).toBe(true);
  const elapsed = chat.sent[chat.sent.length - 1].at - chat.sent[0].at;
  // Run one after the other, the two buckets would take about two minutes.
  expect(elapsed).toBeLessThan(80_000);
  expect(Math.max(...chat.batches)).toBeGreaterThan(1);
});

test('a 503 is retried with the very same request, and the task sees only the success', () => {
  const clock = new FakeClock();
  const seen: ChatResult[] = [];
  const chat = new FakeChat(clock, 100, (_r, n) =>
    n < 3 ? { ok: false, failure: { httpStatus: 503, message: 'backend unavailable' } } : undefined,
  );
  const op: Operation = {
    request: { method: 'chat.spaces.setup', body: { requestId: 'abc' } },
    then: (r) => void seen.push(r),
  };
  const run = engine(chat, clock).run(tasks(1, () => [op]));
  expect(run.complete).toBe(true);
  expect(chat.sent).toHaveLength(3);
  expect(new Set(chat.sent.map((s) => s.request)).size).toBe(1);
  expect(seen).toEqual([{ ok: true, value: { name: 'spaces/S' } }]);
  expect(run.stats.retries).toBe(2);
});

test('a permanent error is handed to the task at once, without retries', () => {
  const clock = new FakeClock();
  const seen: ChatResult[] = [];
  const chat = new FakeChat(clock, 100, () => ({
    ok: false,
    failure: { httpStatus: 409, status: 'ALREADY_EXISTS', message: 'exists' },
  }));
  engine(chat, clock).run(tasks(1, () => [{ ...setup(0), then: (r) => void seen.push(r) }]));
  expect(chat.sent).toHaveLength(1);
  expect(seen[0].ok).toBe(false);
});

test('at the deadline the engine stops and reports the tasks it did not finish', () => {
  const clock = new FakeClock();
  const chat = new FakeChat(clock);
  const done: string[] = [];
  const run = engine(chat, clock, 30_000).run(tasks(200, (i) => [setup(i)], done));
  expect(run.complete).toBe(false);
  // A per-minute quota lets the first 60 go at once; the next ones must wait for the window, past the deadline.
  expect(done.length).toBe(60);
  expect(run.finished).toEqual(done);
  expect(run.unfinished.length).toBeGreaterThan(0);
  expect(clock.now()).toBeLessThan(Date.UTC(2026, 0, 5, 9) + 31_000);
});

test('quota is reserved for the moment a call is really sent, even when answers are slow', () => {
  // Each batch takes 1.8 s (spaces.setup with members is slow). Quota reserved ahead of time would be spent late,
  // and a late call can share a 60-second window with calls reserved a minute after it: Chat answers 429.
  const clock = new FakeClock();
  const chat = new FakeChat(clock, 1_800);
  const pacer = new QuotaPacer();
  const reserved: number[] = [];
  const spy = {
    reserve: (m: ChatMethodId, space: string | undefined, now: number) => {
      const at = pacer.reserve(m, space, now);
      if (m === 'chat.spaces.setup') reserved.push(at);
      return at;
    },
    peek: (m: ChatMethodId, space: string | undefined, now: number) => pacer.peek(m, space, now),
    pause: (m: ChatMethodId, until: number) => pacer.pause(m, until),
  };
  const start = clock.now();
  const run = new JobEngine(chat, spy, clock, {
    ...DEFAULT_ENGINE_OPTIONS,
    admitUntil: start + 3_600_000,
    stopAt: start + 3_600_000,
    random: () => 0.5,
  }).run(tasks(150, (i) => [{ ...setup(i), then: () => [0, 1, 2].map((j) => member(i, j)) }]));
  expect(run.complete).toBe(true);
  const sent = chat.sent.filter((s) => s.request.method === 'chat.spaces.setup').map((s) => s.at);
  expect(sent).toEqual(reserved);
  for (const t of sent) expect(sent.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(60);
});

test('after a 429 the whole bucket backs off, not just the refused request', () => {
  const clock = new FakeClock();
  let refusedAt = 0;
  // Another user of the project fills the space-write bucket for the first calls.
  const chat = new FakeChat(clock, 100, (r, n) => {
    if (r.body && (r.body as { i: number }).i === 0 && n === 1) {
      refusedAt = clock.now();
      return { ok: false, failure: { httpStatus: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } };
    }
    return undefined;
  });
  const run = engine(chat, clock).run(tasks(5, (i) => [{ ...setup(i), then: () => [setup(10 + i)] }]));
  expect(run.complete).toBe(true);
  expect(run.stats.rateLimited).toBe(1);
  // Calls sent in the same batch as the refused one are not affected; the follow-ups wait for the backoff.
  const later = chat.sent.filter((s) => s.at > refusedAt);
  expect(later).toHaveLength(6); // the retry and the five follow-ups
  expect(later.every((s) => s.at >= refusedAt + 100 + 500)).toBe(true);
});

test('a 429 is retried for longer than a 503: a full per-minute window takes up to a minute to empty', () => {
  const clock = new FakeClock();
  const start = clock.now();
  // Someone else's calls fill the bucket for the first 70 seconds.
  const chat = new FakeChat(clock, 100, () =>
    clock.now() < start + 70_000
      ? { ok: false, failure: { httpStatus: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } }
      : undefined,
  );
  const seen: ChatResult[] = [];
  const run = engine(chat, clock).run(tasks(1, () => [{ ...setup(0), then: (r) => void seen.push(r) }]));
  expect(run.complete).toBe(true);
  expect(seen).toEqual([{ ok: true, value: { name: 'spaces/S' } }]);
  expect(chat.sent.length).toBeGreaterThan(DEFAULT_ENGINE_OPTIONS.maxAttempts);
});
