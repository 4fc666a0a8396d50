/**
 * A fixed pair of fault-soak seeds per workload in the default suite (CI), so a regression in retries, checkpoints,
 * the job guard or idempotency shows up without running the 20-seed soak (`npm run test:reliability`). Same
 * workloads and same assertions as test/reliability/soak.test.ts; each workload names seeds in which an execution is
 * killed and the overlapping start happens.
 */
import { bundleSupports, soak } from '../reliability/soak';
import { SOAK_WORKLOADS } from '../reliability/workloads';

describe.each(SOAK_WORKLOADS.filter(bundleSupports).map((w) => [w.id, w] as const))(
  '%s smoke soak',
  (_id, workload) => {
    test.each([...workload.smokeSeeds])(
      'seed %i: killed runs, faults and an overlapping start leave every row done once',
      (seed) => {
        const r = soak(workload, seed);
        expect(r.problems).toEqual([]);
        expect(r.killed).toBeGreaterThan(0);
        expect(r.overlapAnswer ?? '').toMatch(/still in progress|Another run of yours/);
      },
    );
  },
);
