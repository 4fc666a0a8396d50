/**
 * The fault soak, 20 seeds per workload under `npm run test:reliability` (3 under `npm test`): each seed runs the built bundle under seeded
 * Chat faults (10 % transient 5xx, 429 storms, timeouts, lost responses), random kills of executions and a second
 * start while a continuation is pending, and must end with every row final and true in the sheet and in Chat, no
 * duplicate space, membership or message, and the spaces outside the sheet untouched. Workloads whose entry points
 * the bundle does not export yet are left out by `bundleSupports`.
 */
import { SOAK_WORKLOADS } from './workloads';
import { bundleSupports, soak } from './soak';
import { soakSeeds } from './seeds';

const SEEDS = soakSeeds(
  Array.from({ length: 20 }, (_, i) => i + 1),
  3,
);

describe.each(SOAK_WORKLOADS.filter(bundleSupports).map((w) => [w.id, w] as const))(
  '%s under faults',
  (_id, workload) => {
    let overlapped = 0;
    let killed = 0;

    test.each(SEEDS)('seed %i ends with every row done exactly once', (seed) => {
      const r = soak(workload, seed);
      expect(r.problems).toEqual([]);
      expect(r.faults.transient + r.faults.storm + r.faults.timeout + r.faults.lost).toBeGreaterThan(0);
      // A run that finished in one execution left no continuation pending to overlap with.
      if (r.overlapAnswer !== undefined) {
        expect(r.overlapAnswer).toMatch(/still in progress|Another run of yours/);
        overlapped++;
      }
      killed += r.killed;
    });

    test('the seeds exercised the overlapping start and the kills (half of them in the full run)', () => {
      const enough = Math.max(1, Math.floor(SEEDS.length / 2));
      expect(overlapped).toBeGreaterThanOrEqual(enough);
      expect(killed).toBeGreaterThanOrEqual(enough);
    });
  },
);
