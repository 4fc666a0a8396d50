import fc from 'fast-check';
import {
  restorePacer,
  bucketsFor,
  estimateRun,
  estimateWorkload,
  METHOD_BUCKETS,
  QUOTA_BUCKETS,
  QuotaPacer,
  type BucketId,
} from '../../src/domain/quota';

describe('buckets', () => {
  it("have Google's published limits", () => {
    expect(QUOTA_BUCKETS['space-writes'].limit).toBe(60);
    expect(QUOTA_BUCKETS['membership-writes'].limit).toBe(300);
    expect(QUOTA_BUCKETS['message-writes'].limit).toBe(3000);
    expect(QUOTA_BUCKETS['reaction-writes'].limit).toBe(600);
    expect(QUOTA_BUCKETS['attachment-writes'].limit).toBe(600);
    expect(QUOTA_BUCKETS['per-space-writes']).toMatchObject({ limit: 1, windowMs: 1000, scope: 'space' });
  });

  it('map methods to the buckets they consume', () => {
    for (const m of ['chat.spaces.setup', 'chat.spaces.create', 'chat.spaces.patch', 'chat.spaces.delete']) {
      expect(bucketsFor(m)).toContain('space-writes');
    }
    expect(bucketsFor('chat.spaces.setup')).not.toContain('per-space-writes');
    expect(bucketsFor('chat.spaces.members.create')).toEqual(['membership-writes']);
    expect(bucketsFor('chat.spaces.members.patch')).toEqual(['membership-writes']);
    expect(bucketsFor('chat.spaces.messages.create')).toEqual(['message-writes', 'per-space-writes']);
    expect(bucketsFor('cloudidentity.groups.lookup')).toEqual([]);
    expect(bucketsFor('chat.unknown')).toEqual([]);
    for (const buckets of Object.values(METHOD_BUCKETS))
      for (const b of buckets) expect(QUOTA_BUCKETS[b]).toBeDefined();
  });
});

describe('estimateWorkload', () => {
  it('1,000 spaces → 1,000 setups ≈ 16.7 min, bound by space writes', () => {
    const e = estimateWorkload([{ method: 'chat.spaces.setup', count: 1000 }]);
    expect(e.apiCalls).toBe(1000);
    expect(e.busiest?.bucket).toBe('space-writes');
    expect(e.quotaBoundMinutes).toBeCloseTo(16.67, 2);
    expect(e.boundScript).toEqual({ executions: 4, wallMinutes: expect.closeTo(19.67, 2) });
    expect(e.addOnAsScheduled.executions).toBe(4);
    expect(e.addOnHourly.wallMinutes).toBeCloseTo(3 * 60 + 1.67, 2);
  });

  it('overlaps buckets: the bound is the busiest bucket, not the sum', () => {
    const e = estimateWorkload([
      { method: 'chat.spaces.setup', count: 100 },
      { method: 'chat.spaces.members.create', count: 1500 },
      { method: 'chat.spaces.members.patch', count: 200 },
      { method: 'chat.spaces.members.list', count: 100 },
    ]);
    expect(e.buckets.map((b) => [b.bucket, Number(b.minutes.toFixed(2))])).toEqual([
      ['membership-writes', 5.67],
      ['space-writes', 1.67],
      ['membership-reads', 0.03],
    ]);
    expect(e.quotaBoundMinutes).toBeCloseTo(5.67, 2);
    expect(e.apiCalls).toBe(1900);
  });

  it('counts the per-space 1 write/s bound: 600 messages to one space take 10 minutes', () => {
    const e = estimateWorkload([{ method: 'chat.spaces.messages.create', count: 600, space: 'spaces/A' }]);
    expect(e.buckets[0].minutes).toBeCloseTo(0.2, 5);
    expect(e.busiestSpace).toEqual({ space: 'spaces/A', bucket: 'per-space-writes', calls: 600, minutes: 10 });
    expect(e.quotaBoundMinutes).toBe(10);
  });

  it('applies the margin and a latency bound', () => {
    expect(
      estimateWorkload([{ method: 'chat.spaces.setup', count: 57 }], { margin: 0.95 }).quotaBoundMinutes,
    ).toBeCloseTo(1, 5);
    const slow = estimateWorkload([{ method: 'chat.spaces.messages.create', count: 3000 }], {
      latencyMs: { 'chat.spaces.messages.create': 600 },
      parallelism: 2,
    });
    expect(slow.quotaBoundMinutes).toBe(1);
    expect(slow.latencyMinutes).toBe(15);
    expect(slow.workMinutes).toBe(15);
    expect(slow.boundScript.executions).toBe(3);
  });

  it('needs no execution for no work, one for a little', () => {
    expect(estimateWorkload([]).boundScript).toEqual({ executions: 0, wallMinutes: 0 });
    const small = estimateWorkload([{ method: 'chat.spaces.setup', count: 10 }]);
    expect(small.boundScript.executions).toBe(1);
    expect(small.addOnHourly.wallMinutes).toBeCloseTo(10 / 60, 5);
  });

  it('reports a run in the job report units per context', () => {
    const bound = estimateRun({ 'chat.spaces.setup': 1000 }, { context: 'bound' });
    expect(bound).toEqual({
      calls: 1000,
      boundMs: 1_000_000,
      busiest: 'space writes',
      executions: 4,
      wallMs: 1_180_000,
      hourlyWallMs: 1_180_000,
    });
    const addOn = estimateRun({ 'chat.spaces.setup': 1000 }, { context: 'workspace-addon' });
    expect(addOn.hourlyWallMs).toBe(Math.round((180 + 1000 / 60 - 15) * 60_000));
  });
});

describe('QuotaPacer', () => {
  it('sends 60 space writes at once, the 61st a minute after the first', () => {
    const p = new QuotaPacer();
    const times = Array.from({ length: 61 }, () => p.reserve('chat.spaces.setup', undefined, 0));
    expect(times.slice(0, 60).every((t) => t === 0)).toBe(true);
    expect(times[60]).toBe(60_000);
  });

  it('lets membership writes proceed while space writes wait', () => {
    const p = new QuotaPacer();
    for (let i = 0; i < 60; i++) p.reserve('chat.spaces.setup', undefined, 0);
    expect(p.reserve('chat.spaces.setup', undefined, 1000)).toBe(60_000);
    expect(p.reserveDetailed('chat.spaces.members.create', undefined, 1000)).toEqual({
      at: 1000,
      waitMs: 0,
      limitedBy: undefined,
    });
    expect(p.reserve('chat.spaces.messages.create', 'spaces/B', 1000)).toBe(1000);
  });

  it('keeps one write per second per space, independently per space', () => {
    const p = new QuotaPacer();
    expect([0, 0, 0].map(() => p.reserve('chat.spaces.messages.create', 'spaces/A', 0))).toEqual([0, 1000, 2000]);
    expect(p.reserve('chat.spaces.messages.create', 'spaces/B', 0)).toBe(0);
    expect(p.reserveDetailed('chat.spaces.patch', 'spaces/A', 0)).toEqual({
      at: 3000,
      waitMs: 3000,
      limitedBy: 'per-space-writes',
    });
  });

  it('applies the margin, pauses after a 429 and rounds up to its resolution', () => {
    const p = new QuotaPacer({ margin: 0.95 });
    expect(p.limitOf('space-writes')).toBe(57);
    const times = Array.from({ length: 58 }, () => p.reserve('chat.spaces.create', undefined, 5));
    expect(times[0]).toBe(100);
    expect(times[57]).toBe(60_100);
    const q = new QuotaPacer();
    q.pause('chat.spaces.members.create', 30_000);
    expect(q.reserveDetailed('chat.spaces.members.delete', undefined, 1000)).toEqual({
      at: 30_000,
      waitMs: 29_000,
      limitedBy: 'membership-writes',
    });
    expect(q.reserve('chat.spaces.setup', undefined, 1000)).toBe(1000);
  });

  it('never delays methods it does not know', () => {
    const p = new QuotaPacer({ limits: { 'space-writes': 1 } });
    for (let i = 0; i < 10; i++) expect(p.reserve('cloudidentity.groups.lookup', undefined, 7)).toBe(7);
  });

  it('survives a checkpoint: the restored pacer makes the same decisions', () => {
    const a = new QuotaPacer();
    for (let i = 0; i < 70; i++) a.reserve('chat.spaces.setup', undefined, i * 100);
    for (let i = 0; i < 5; i++) a.reserve('chat.spaces.messages.create', 'spaces/A', 0);
    a.pause('chat.spaces.members.create', 90_000);
    const state = JSON.parse(JSON.stringify(a.toJSON()));
    const b = QuotaPacer.fromJSON(state);
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(b.reserve('chat.spaces.setup', undefined, 7000)).toBe(a.reserve('chat.spaces.setup', undefined, 7000));
    expect(b.reserve('chat.spaces.messages.create', 'spaces/A', 0)).toBe(
      a.reserve('chat.spaces.messages.create', 'spaces/A', 0),
    );
    expect(b.reserve('chat.spaces.members.create', undefined, 0)).toBe(90_000);
    expect(JSON.stringify(state).length).toBeLessThan(2000);
  });

  it('a new execution continues from the last one: the calls of its last minute still hold the quota', () => {
    const last = new QuotaPacer();
    for (let i = 0; i < 60; i++) last.reserve('chat.spaces.setup', undefined, 1_000);
    const saved = JSON.parse(JSON.stringify(last.snapshot(30_000)));
    expect(restorePacer(saved).reserve('chat.spaces.setup', undefined, 30_000)).toBe(61_000);
    // Nothing usable saved: a fresh pacer.
    expect(restorePacer(undefined).reserve('chat.spaces.setup', undefined, 30_000)).toBe(30_000);
    expect(restorePacer({ v: 2 }).reserve('chat.spaces.setup', undefined, 30_000)).toBe(30_000);
    expect(
      restorePacer({ v: 1, resolutionMs: 100, project: { 'space-writes': 'x' } }).reserve(
        'chat.spaces.setup',
        undefined,
        30_000,
      ),
    ).toBe(30_000);
  });

  it('keeps checkpoints small even at full message throughput', () => {
    const p = new QuotaPacer();
    for (let i = 0; i < 3000; i++) p.reserve('chat.spaces.messages.create', `spaces/S${i % 500}`, i * 20);
    p.prune(60_000);
    expect(JSON.stringify(p.toJSON()).length).toBeLessThan(9 * 1024);
  });

  const methods = [
    'chat.spaces.setup',
    'chat.spaces.patch',
    'chat.spaces.members.create',
    'chat.spaces.messages.create',
    'chat.spaces.messages.reactions.create',
    'chat.spaces.get',
  ];
  const call = fc.record({
    method: fc.constantFrom(...methods),
    space: fc.constantFrom('spaces/A', 'spaces/B', 'spaces/C'),
    advance: fc.integer({ min: 0, max: 3000 }),
  });

  it('never exceeds any bucket limit in any window, whatever the order and timing (property)', () => {
    const limits: Partial<Record<BucketId, number>> = {
      'space-writes': 4,
      'membership-writes': 6,
      'message-writes': 5,
      'reaction-writes': 3,
      'space-reads': 7,
    };
    fc.assert(
      fc.property(
        fc.array(call, { maxLength: 120 }),
        fc.constantFrom(1, 0.8),
        fc.constantFrom(1, 100, 250),
        (calls, margin, resolutionMs) => {
          const p = new QuotaPacer({ limits, margin, resolutionMs });
          const sent = new Map<string, number[]>();
          let now = 0;
          for (const c of calls) {
            now += c.advance;
            const at = p.reserve(c.method, c.space, now);
            expect(at).toBeGreaterThanOrEqual(now);
            expect(at % resolutionMs).toBe(0);
            for (const b of bucketsFor(c.method)) {
              const key = QUOTA_BUCKETS[b].scope === 'space' ? `${b}|${c.space}` : b;
              sent.set(key, [...(sent.get(key) ?? []), at]);
            }
          }
          for (const [key, times] of sent) {
            const bucket = key.split('|')[0] as BucketId;
            const window = QUOTA_BUCKETS[bucket].windowMs;
            const limit = p.limitOf(bucket);
            const sorted = [...times].sort((x, y) => x - y);
            // Any window [t, t + window) starting at a send time holds at most `limit` sends.
            for (let i = 0; i < sorted.length; i++) {
              let n = 0;
              for (let j = i; j < sorted.length && sorted[j] < sorted[i] + window; j++) n++;
              expect(n).toBeLessThanOrEqual(limit);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never waits when a bucket has room: each call goes at the earliest compliant time (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30_000 }), { maxLength: 80 }), (gaps) => {
        const p = new QuotaPacer({ limits: { 'space-writes': 5 }, resolutionMs: 1 });
        const times: number[] = [];
        let now = 0;
        for (const g of gaps) {
          now += g;
          const at = p.reserve('chat.spaces.setup', undefined, now);
          // With calls reserved in time order, the earliest compliant time is now, or the time the call 5 back
          // leaves the window.
          const fifthBack = times.length >= 5 ? times[times.length - 5] + 60_000 : 0;
          expect(at).toBe(Math.max(now, fifthBack));
          times.push(at);
        }
      }),
    );
  });

  it('reaches the quota bound: 1,000 setups reserved up front finish in ≈ 16.7 minutes', () => {
    const p = new QuotaPacer();
    let last = 0;
    for (let i = 0; i < 1000; i++) last = p.reserve('chat.spaces.setup', undefined, 0);
    expect(last).toBe(16 * 60_000);
    expect(last / 60_000).toBeLessThanOrEqual(
      estimateWorkload([{ method: 'chat.spaces.setup', count: 1000 }]).quotaBoundMinutes,
    );
  });
});
