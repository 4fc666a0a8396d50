/**
 * The Spaces soak: the 1,000-row × 10-people Spaces sheet applied under ten seeds (`npm run test:reliability`;
 * one under `npm test`) in each of bound-script and Editor add-on mode (one-shot triggers deferred to the next hour), with
 * executions killed at seeded random points, 10 % transient Chat failures and 2 % lost responses (the write
 * happened, the caller saw an error). Every run must end with each space, membership, manager role and welcome
 * message exactly once, every row final, one Log row, no trigger left, and a second apply that writes nothing.
 * The default suite runs two of these seeds (test/integration/spacesAtScale.test.ts).
 */
import { bulkProblems, bulkSheet } from '../integration/scale/bulkSheet';
import { randomKills, SheetSession, writeCalls } from '../integration/scale/harness';
import { soakSeeds } from './seeds';

const ROWS = 1000;
const SEEDS = soakSeeds([101, 102, 103, 104, 105, 106, 107, 108, 109, 110], 1);
const { rows, expected } = bulkSheet(ROWS, 10);

describe.each(['bound', 'editor-addon'] as const)('%s', (mode) => {
  test.each(SEEDS)(
    'seed %i: every row done exactly once despite kills and faults',
    async (seed) => {
      const session = await SheetSession.open({
        mode,
        rows,
        seed,
        faults: 'transient=0.1,lost=0.02',
        behaviour: mode === 'editor-addon' ? { addonOneShotDelay: 'next-hour' } : undefined,
      });
      const run = session.apply({ killAt: randomKills(seed) });
      expect(run.executions.filter((e) => e.error?.timeLimit).length).toBeGreaterThanOrEqual(2);
      expect(run.executions.filter((e) => e.error && !e.error.timeLimit)).toEqual([]);
      expect(bulkProblems(session, expected)).toEqual([]);
      expect(session.snapshot().length).toBe(ROWS);
      expect(session.tab('Log')).toHaveLength(1);
      expect(session.runtime.triggers.ofUser('admin@example.com')).toEqual([]);
      const again = session.apply();
      expect(writeCalls(again.apiCalls)).toBe(0);
      expect(session.spacesTab().filter((r) => r.Status !== 'Up to date')).toEqual([]);
    },
    120_000,
  );
});
