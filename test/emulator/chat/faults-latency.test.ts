/**
 * Fault injection (spec grammar; transient 5xx, 429 storms, timeouts whose write may have happened, lost responses
 * whose write did happen; seeded and reproducible) and the latency model (defaults, per-method overrides, list and
 * setup scaling, seeded jitter). All [emulator-only]: these model the network, not documented API behaviour.
 */
import { ChatEmulator } from '../../../emulator/chat/index';
import { DEFAULT_LATENCY } from '../../../emulator/chat/latency';
import { harness } from './harness';

describe('fault spec grammar', () => {
  it('[emulator-only] parses the documented keys', () => {
    expect(ChatEmulator.parseFaultSpec('transient=0.1,storm=0.02,timeout=0.01,lost=0.02')).toEqual({
      transient: 0.1,
      storm: 0.02,
      stormMs: 10_000,
      timeout: 0.01,
      lost: 0.02,
      scope: 'all',
      methods: [],
    });
    expect(
      ChatEmulator.parseFaultSpec('storm=1,stormMs=500,scope=writes,methods=chat.spaces.setup|chat.spaces.create'),
    ).toMatchObject({
      storm: 1,
      stormMs: 500,
      scope: 'writes',
      methods: ['chat.spaces.setup', 'chat.spaces.create'],
    });
    expect(ChatEmulator.parseFaultSpec('')).toMatchObject({ transient: 0 });
    expect(ChatEmulator.parseFaultSpec('none')).toMatchObject({ lost: 0 });
  });

  it('[emulator-only] rejects bad specs with a clear message', () => {
    expect(() => ChatEmulator.parseFaultSpec('transient=2')).toThrow(/expected 0..1/);
    expect(() => ChatEmulator.parseFaultSpec('flaky=0.1')).toThrow(/Unknown fault spec key "flaky"/);
    expect(() => ChatEmulator.parseFaultSpec('transient')).toThrow(/expected key=value/);
    expect(() => ChatEmulator.parseFaultSpec('scope=some')).toThrow(/scope/);
  });
});

describe('fault injection', () => {
  const setup = (i: number) => ({ space: { spaceType: 'SPACE', displayName: `F${i}` } });

  it('[emulator-only] transient faults answer 500/503 and change nothing', () => {
    const h = harness({ faults: 'transient=1', paceMs: 1000 });
    const res = h.rest('POST', '/v1/spaces:setup', { body: setup(1) });
    expect([500, 503]).toContain(res.status);
    expect(['INTERNAL', 'UNAVAILABLE']).toContain(res.json.error.status);
    expect(h.emu.snapshot()).toHaveLength(0);
    expect(h.emu.stats().faultsInjected.transient).toBe(1);
  });

  it('[emulator-only] a storm answers 429 for stormMs and is not charged to quota', () => {
    const h = harness({ faults: 'storm=1,stormMs=5000', paceMs: 0 });
    expect(h.rest('POST', '/v1/spaces:setup', { body: setup(1) }).status).toBe(429);
    h.emu.setFaults('none');
    expect(h.rest('POST', '/v1/spaces:setup', { body: setup(2) }).status).toBe(200);
    const log = h.emu.requestLog;
    expect(log[0]).toMatchObject({ fault: 'storm', quota: [] });
    h.emu.setFaults('storm=0.5,stormMs=2000');
    const statuses = Array.from({ length: 20 }, (_, i) => {
      h.clock.advance(100);
      return h.rest('GET', '/v1/spaces').status + i * 0;
    });
    // Once a storm starts, the following calls within 2 s are 429 too.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(first, first + 5).every((s) => s === 429)).toBe(true);
  });

  it('[emulator-only] timeouts cost timeoutMs and the write may have happened (C13)', () => {
    const applied = harness({ faults: 'timeout=1', behaviour: { timeoutWriteApplied: 'always' }, paceMs: 0 });
    const res = applied.rest('POST', '/v1/spaces:setup', { body: setup(1) });
    expect(res.outcome.transportError?.kind).toBe('timeout');
    expect(res.outcome.latencyMs).toBe(DEFAULT_LATENCY.timeoutMs);
    expect(applied.emu.snapshot()).toHaveLength(1);
    const notApplied = harness({ faults: 'timeout=1', behaviour: { timeoutWriteApplied: 'never' }, paceMs: 0 });
    expect(notApplied.rest('POST', '/v1/spaces:setup', { body: setup(1) }).outcome.transportError).toBeDefined();
    expect(notApplied.emu.snapshot()).toHaveLength(0);
  });

  it('[emulator-only] lost responses: the write happened, the caller sees 503 or a timeout; a requestId retry recovers it', () => {
    const h = harness({ faults: 'lost=1', paceMs: 1000 });
    const res = h.rest('POST', '/v1/spaces:setup', { body: { ...setup(1), requestId: 'lost-1' } });
    expect(res.status === 503 || res.outcome.transportError?.kind === 'timeout').toBe(true);
    expect(h.emu.snapshot()).toHaveLength(1);
    h.emu.setFaults('none');
    const retry = h.rest('POST', '/v1/spaces:setup', { body: { ...setup(1), requestId: 'lost-1' } });
    expect(retry.status).toBe(200);
    expect(retry.json.name).toBe(h.emu.snapshot()[0].name);
  });

  it('[emulator-only] faults through the facade throw like Apps Script (C27)', () => {
    const h = harness({ faults: 'timeout=1', behaviour: { timeoutWriteApplied: 'never' } });
    expect(() => h.chat().Spaces.list({})).toThrow(/^Timeout: https:\/\/chat\.googleapis\.com\/v1\/spaces/);
    h.emu.setFaults('transient=1');
    expect(() => h.chat().Spaces.list({})).toThrow(/^API call to chat\.spaces\.list failed with error: /);
  });

  it('[emulator-only] the same seed gives the same faults; scope and methods filters apply', () => {
    const run = (seed: number): number[] => {
      const h = harness({ seed, faults: 'transient=0.3', paceMs: 100 });
      return Array.from({ length: 30 }, () => h.rest('GET', '/v1/spaces').status);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const reads = harness({ faults: 'transient=1,scope=writes' });
    expect(reads.rest('GET', '/v1/spaces').status).toBe(200);
    const only = harness({ faults: 'transient=1,methods=chat.spaces.create' });
    expect(only.rest('POST', '/v1/spaces:setup', { body: setup(1) }).status).toBe(200);
  });

  it('[emulator-only] control requests are never faulted: routing, auth and validation failures come first', () => {
    const h = harness({ faults: 'transient=1' });
    expect(h.rest('GET', '/v1/nope').status).toBe(404);
    expect(h.rest('GET', '/v1/spaces', { auth: false }).status).toBe(401);
    expect(h.emu.stats().faultsInjected.transient).toBe(0);
  });
});

describe('latency model', () => {
  it('[emulator-only] defaults: setup ≈ 1,500 ms + 30 ms per membership; writes ≈ 300 ms; reads ≈ 150 ms; ±20 % seeded jitter', () => {
    const h = harness({ paceMs: 1000 });
    const members = Array.from({ length: 10 }, (_, i) => ({
      member: { name: `users/l${i}@example.com`, type: 'HUMAN' },
    }));
    const setupRes = h.rest('POST', '/v1/spaces:setup', {
      body: { space: { spaceType: 'SPACE', displayName: 'Lat' }, memberships: members },
    });
    expect(setupRes.outcome.latencyMs).toBeGreaterThanOrEqual(1800 * 0.8);
    expect(setupRes.outcome.latencyMs).toBeLessThanOrEqual(1800 * 1.2);
    h.clock.advance(1000);
    const write = h.rest('POST', `/v1/${setupRes.json.name}/messages`, { body: { text: 'x' } }).outcome.latencyMs;
    expect(write).toBeGreaterThanOrEqual(240);
    expect(write).toBeLessThanOrEqual(360);
    const read = h.rest('GET', `/v1/${setupRes.json.name}`).outcome.latencyMs;
    expect(read).toBeGreaterThanOrEqual(120);
    expect(read).toBeLessThanOrEqual(180);
    expect(h.rest('GET', '/v1/spaces', { auth: false }).outcome.latencyMs).toBeLessThanOrEqual(
      DEFAULT_LATENCY.rejectMs * 1.2,
    );
  });

  it('[emulator-only] list pages scale with size; per-method overrides and zero jitter are exact', () => {
    const h = harness({ paceMs: 1000, latency: { jitter: 0, perMethod: { 'chat.spaces.get': 42 } } });
    const space = h.rest('POST', '/v1/spaces:setup', {
      body: {
        space: { spaceType: 'SPACE', displayName: 'L' },
        memberships: Array.from({ length: 20 }, (_, i) => ({
          member: { name: `users/x${i}@example.com`, type: 'HUMAN' },
        })),
      },
    }).json.name;
    h.clock.advance(1000);
    expect(h.rest('GET', `/v1/${space}`).outcome.latencyMs).toBe(42);
    h.clock.advance(1000);
    expect(h.rest('GET', `/v1/${space}/members?pageSize=21`).outcome.latencyMs).toBe(150 + 2 * 21);
    expect(h.emu.latencyModel.setupBaseMs).toBe(1500);
  });
});
