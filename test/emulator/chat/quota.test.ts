/**
 * Quotas on the virtual clock (facts §3; https://developers.google.com/workspace/chat/limits): per-project per-minute
 * buckets, per-space per-second buckets, 429 RESOURCE_EXHAUSTED that is not charged, and the window options (C7) and
 * setup-membership option (C6).
 */
import { harness } from './harness';

const setupBody = (i: number): Record<string, unknown> => ({
  space: { spaceType: 'SPACE', displayName: `Quota ${i}` },
});

describe('quotas', () => {
  it('[documented: facts §3.1] 120 space writes in one virtual minute: 60 succeed, the rest are 429', () => {
    const h = harness({
      paceMs: 0,
      latency: { perMethod: { 'chat.spaces.setup': 100, 'chat.spaces.create': 100 }, jitter: 0 },
    });
    const start = h.clock.now();
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) {
      const res = h.rest('POST', i % 2 ? '/v1/spaces:setup' : '/v1/spaces', {
        body: i % 2 ? setupBody(i) : { spaceType: 'SPACE', displayName: `Quota ${i}` },
      });
      statuses.push(res.status);
    }
    expect(h.clock.now() - start).toBeLessThan(60_000);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const last = h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: 'One more' } });
    expect(last.json.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(last.json.error.message).toMatch(/Quota exceeded for quota metric 'Space write requests'/);
    expect(last.json.error.details[0]).toMatchObject({
      reason: 'RATE_LIMIT_EXCEEDED',
      metadata: { quota_limit_value: '60' },
    });
    expect(h.emu.stats().quota429).toBe(61);
    expect(h.emu.snapshot()).toHaveLength(60);
  });

  it('[documented: facts §3.4] a 429 is not charged: the window frees up 60 s after the successful calls (sliding, C7)', () => {
    const h = harness({ paceMs: 0, latency: { perMethod: { 'chat.spaces.create': 100 }, jitter: 0 } });
    for (let i = 0; i < 60; i++)
      expect(h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: `S${i}` } }).status).toBe(200);
    for (let i = 0; i < 30; i++)
      expect(h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: `R${i}` } }).status).toBe(429);
    h.clock.advance(60_000);
    expect(h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: 'After' } }).status).toBe(200);
  });

  it('[emulator-only] quotaWindow=fixed resets at the minute boundary (C7)', () => {
    const h = harness({
      paceMs: 0,
      behaviour: { quotaWindow: 'fixed' },
      latency: { perMethod: { 'chat.spaces.create': 100 }, jitter: 0 },
    });
    h.clock.advanceTo(Math.ceil(h.clock.now() / 60_000) * 60_000 + 50_000); // 10 s before a boundary
    for (let i = 0; i < 60; i++)
      expect(h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: `F${i}` } }).status).toBe(200);
    expect(h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: 'F60' } }).status).toBe(429);
    h.clock.advanceTo(Math.ceil(h.clock.now() / 60_000) * 60_000);
    expect(h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: 'F61' } }).status).toBe(200);
  });

  it('[documented: facts §3.2] one write per second per space; 15 reads per second per space', () => {
    const h = harness({ paceMs: 0, latency: { readMs: 10, writeMs: 10, jitter: 0 } });
    const space = h.rest('POST', '/v1/spaces:setup', { body: setupBody(1) }).json.name as string;
    h.clock.advance(1000);
    expect(h.rest('POST', `/v1/${space}/messages`, { body: { text: 'a' } }).status).toBe(200);
    const second = h.rest('POST', `/v1/${space}/messages`, { body: { text: 'b' } });
    expect(second.status).toBe(429);
    expect(h.emu.requestLog.at(-1)?.quotaRefused).toBe('space-writes-per-space');
    h.clock.advance(1000);
    expect(h.rest('POST', `/v1/${space}/messages`, { body: { text: 'c' } }).status).toBe(200);
    h.clock.advance(1000);
    const reads = Array.from({ length: 16 }, () => h.rest('GET', `/v1/${space}`).status);
    expect(reads.filter((s) => s === 200)).toHaveLength(15);
    expect(reads[15]).toBe(429);
    // members.create is not in the per-space write list (facts §3.2 note).
    h.clock.advance(1000);
    for (const who of ['a', 'b', 'c']) {
      expect(
        h.rest('POST', `/v1/${space}/members`, {
          body: { member: { name: `users/${who}@example.com`, type: 'HUMAN' } },
        }).status,
      ).toBe(200);
    }
  });

  it('[documented: facts §3.2] five reaction creates per second per space', () => {
    const h = harness({ paceMs: 0, latency: { writeMs: 10, jitter: 0 } });
    const space = h.rest('POST', '/v1/spaces:setup', { body: setupBody(1) }).json.name as string;
    h.clock.advance(1000);
    const msg = h.rest('POST', `/v1/${space}/messages`, { body: { text: 'r' } }).json.name as string;
    h.clock.advance(1000);
    const statuses = ['😀', '😁', '😂', '🤣', '😃', '😄'].map(
      (e) => h.rest('POST', `/v1/${msg}/reactions`, { body: { emoji: { unicode: e } } }).status,
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('[emulator-only] setupMembershipsConsumeQuota charges setup memberships to membership writes (C6)', () => {
    const members = Array.from({ length: 49 }, (_, i) => ({
      member: { name: `users/m${i}@example.com`, type: 'HUMAN' },
    }));
    const h = harness({
      paceMs: 0,
      behaviour: { setupMembershipsConsumeQuota: true },
      latency: { perMethod: { 'chat.spaces.setup': 100 }, jitter: 0 },
    });
    const statuses = Array.from(
      { length: 7 },
      (_, i) => h.rest('POST', '/v1/spaces:setup', { body: { ...setupBody(i), memberships: members } }).status,
    );
    // 6 × 49 = 294 ≤ 300; the 7th would need 343.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expect(h.emu.requestLog.at(-1)?.quotaRefused).toBe('membership-writes');
    const d = harness({ paceMs: 0, latency: { perMethod: { 'chat.spaces.setup': 100 }, jitter: 0 } });
    expect(
      Array.from(
        { length: 7 },
        (_, i) => d.rest('POST', '/v1/spaces:setup', { body: { ...setupBody(i), memberships: members } }).status,
      ).every((s) => s === 200),
    ).toBe(true);
  });

  it('[emulator-only] enforceQuotas=false turns quotas off', () => {
    const h = harness({ paceMs: 0, behaviour: { enforceQuotas: false } });
    const statuses = Array.from(
      { length: 70 },
      (_, i) => h.rest('POST', '/v1/spaces', { body: { spaceType: 'SPACE', displayName: `Q${i}` } }).status,
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
