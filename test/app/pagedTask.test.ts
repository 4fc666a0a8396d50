/**
 * An export list as an engine task, with an in-memory Chat: a page's rows reach the sink only once its extra reads
 * are in, together with what a later execution resumes from (the page token, or the time after the last item for
 * time-ordered lists); a list that fails ends with a sentence, a 404 the list treats as "nothing" ends quietly.
 */
import { JobEngine, DEFAULT_ENGINE_OPTIONS, type Task } from '../../src/app/jobs/engine';
import { PagedTask, type PagedList } from '../../src/app/exports/pagedTask';
import type { ChatGateway, ChatRequest, ChatResult } from '../../src/ports/chat';
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

/** Pages of items `{ name, time }` by page token; read-state requests answer with a time. */
class FakeChat implements ChatGateway {
  readonly log: string[] = [];
  constructor(private readonly answer: (r: ChatRequest) => ChatResult) {}
  call(r: ChatRequest): ChatResult {
    return this.callAll([r])[0];
  }
  callAll(rs: readonly ChatRequest[]): ChatResult[] {
    return rs.map((r) => {
      this.log.push(`${r.method} ${String(r.query?.pageToken ?? r.resource ?? '')}`);
      return this.answer(r);
    });
  }
}

interface Item {
  name: string;
  time: string;
}

const PAGES: Record<string, { items: Item[]; nextPageToken?: string }> = {
  '': { items: [{ name: 'a', time: '2026-01-01T00:00:00Z' }], nextPageToken: 'p2' },
  p2: { items: [{ name: 'b', time: '2026-01-02T00:00:00Z' }] },
};

function list(extra: (items: Item[]) => boolean, timeOrdered: boolean): PagedList<Item> {
  const read = new Map<string, string>();
  return {
    key: 'k',
    request: (token) => ({ method: 'chat.spaces.messages.list', resource: 'spaces/S', query: { pageToken: token } }),
    page: (v) => {
      const p = v as { items: Item[]; nextPageToken?: string };
      return { items: p.items, next: p.nextPageToken };
    },
    prepare: (items) =>
      extra(items)
        ? items.map((i) => ({
            request: { method: 'chat.users.spaces.threads.getThreadReadState' as const, resource: i.name },
            then: (r: ChatResult) => void read.set(i.name, r.ok ? String(r.value) : ''),
          }))
        : [],
    rows: (items) => items.map((i) => [i.name, read.get(i.name) ?? '']),
    failure: (f) => (f.httpStatus === 404 ? undefined : `failed: ${f.message}`),
    resumeAfter: timeOrdered ? (items) => `after:${items[items.length - 1].time}` : undefined,
  };
}

function run(task: Task, chat: ChatGateway): void {
  const clock = new FakeClock();
  const pacer = {
    reserve: (_m: string, _s: string | undefined, now: number) => now,
    peek: (_m: string, _s: string | undefined, now: number) => now,
    pause: () => undefined,
  };
  new JobEngine(chat, pacer, clock, {
    ...DEFAULT_ENGINE_OPTIONS,
    admitUntil: clock.now() + 60_000,
    stopAt: clock.now() + 60_000,
    random: () => 0.5,
  }).run([task][Symbol.iterator]());
}

const ok = (value: unknown): ChatResult => ({ ok: true, value });

describe('PagedTask', () => {
  test('rows go to the sink with their extra reads filled, then the resume point; the last page ends the list', () => {
    const commits: unknown[] = [];
    const chat = new FakeChat((r) =>
      r.method === 'chat.spaces.messages.list' ? ok(PAGES[String(r.query?.pageToken ?? '')]) : ok(`read ${r.resource}`),
    );
    const sink = {
      commit: (...a: unknown[]) => void commits.push(a),
      fail: (...a: unknown[]) => void commits.push(['fail', ...a]),
    };
    run(
      new PagedTask(
        list(() => true, false),
        undefined,
        sink,
      ),
      chat,
    );
    expect(commits).toEqual([
      ['k', [['a', 'read a']], 'p2'],
      ['k', [['b', 'read b']], undefined],
    ]);
    // The read of page 1 comes before page 2 is asked for.
    expect(chat.log).toEqual([
      'chat.spaces.messages.list spaces/S',
      'chat.users.spaces.threads.getThreadReadState a',
      'chat.spaces.messages.list p2',
      'chat.users.spaces.threads.getThreadReadState b',
    ]);
  });

  test('a time-ordered list checkpoints the time after its last item instead of the page token', () => {
    const commits: unknown[][] = [];
    const chat = new FakeChat((r) => ok(PAGES[String(r.query?.pageToken ?? '')]));
    const sink = { commit: (...a: unknown[]) => void commits.push(a), fail: () => undefined };
    run(
      new PagedTask(
        list(() => false, true),
        undefined,
        sink,
      ),
      chat,
    );
    expect(commits.map((c) => c[2])).toEqual(['after:2026-01-01T00:00:00Z', undefined]);
    // Within the execution the real page token is still used.
    expect(chat.log).toEqual(['chat.spaces.messages.list spaces/S', 'chat.spaces.messages.list p2']);
  });

  test('resumes from the saved point; a failure ends the list with a sentence, a 404 quietly', () => {
    const commits: unknown[][] = [];
    const sink = {
      commit: (...a: unknown[]) => void commits.push(a),
      fail: (...a: unknown[]) => void commits.push(['fail', ...a]),
    };
    run(
      new PagedTask(
        list(() => false, false),
        'p2',
        sink,
      ),
      new FakeChat((r) => ok(PAGES[String(r.query?.pageToken)])),
    );
    expect(commits).toEqual([['k', [['b', '']], undefined]]);
    commits.length = 0;
    const failing = (status: number) =>
      new FakeChat(() => ({ ok: false, failure: { httpStatus: status, message: 'no' } }));
    run(
      new PagedTask(
        list(() => false, false),
        undefined,
        sink,
      ),
      failing(403),
    );
    run(
      new PagedTask(
        list(() => false, false),
        undefined,
        sink,
      ),
      failing(404),
    );
    expect(commits).toEqual([
      ['fail', 'k', 'failed: no'],
      ['k', [], undefined],
    ]);
  });
});
