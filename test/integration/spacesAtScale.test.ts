/**
 * Spaces apply at scale, on the built bundle in the emulator: 1,000 Spaces rows with 10 people each are applied across
 * continuations while executions are killed at seeded random points and 10 % of Chat calls fail transiently, as a
 * bound script and as an Editor add-on whose one-shot triggers fire only at the next hour (the pessimistic reading
 * of the unconfirmed add-on trigger timing). Every space, membership, role and welcome message must exist exactly
 * once and every row must end final. A second part checks that spreadsheet service calls do not grow with the
 * number of rows. More seeds run in test/reliability (npm run test:reliability).
 */
import { bulkProblems, bulkSheet } from './scale/bulkSheet';
import { randomKills, SheetSession, writeCalls } from './scale/harness';

const ROWS = 1000;

describe.each([
  { mode: 'bound' as const, seed: 11 },
  { mode: 'editor-addon' as const, seed: 12 },
])('1,000 rows × 10 people, executions killed, 10 % transient faults ($mode, seed $seed)', ({ mode, seed }) => {
  let session: SheetSession;
  let run: ReturnType<SheetSession['apply']>;
  const { rows, expected } = bulkSheet(ROWS, 10);

  beforeAll(async () => {
    session = await SheetSession.open({
      mode,
      rows,
      seed,
      faults: 'transient=0.1',
      behaviour: mode === 'editor-addon' ? { addonOneShotDelay: 'next-hour' } : undefined,
    });
    run = session.apply({ killAt: randomKills(seed) });
  }, 60_000);

  test('some executions really were killed and some calls really failed; nothing else went wrong', () => {
    expect(run.executions.filter((e) => e.error?.timeLimit).length).toBeGreaterThanOrEqual(2);
    expect(run.executions.filter((e) => e.error && !e.error.timeLimit).map((e) => e.error?.message)).toEqual([]);
    const stats = session.chat.stats();
    expect(stats.faultsInjected.transient).toBeGreaterThan(0.07 * stats.total);
  });

  test('every space once, every member once with the manager role, every welcome message once, every row final', () => {
    expect(bulkProblems(session, expected)).toEqual([]);
    expect(session.snapshot().length).toBe(ROWS);
    expect(session.spacesTab().filter((r) => r.Status !== 'Created')).toEqual([]);
  });

  test('the job ends with one Log row and no trigger left behind', () => {
    const log = session.tab('Log');
    expect(log.length).toBe(1);
    expect(log[0]).toMatchObject({ Created: String(ROWS), Failed: '0' });
    expect(session.runtime.triggers.ofUser('admin@example.com')).toEqual([]);
  });

  test('applying again makes no Chat write and every row reads Up to date', () => {
    const again = session.apply();
    expect(writeCalls(again.apiCalls)).toBe(0);
    expect(session.spacesTab().filter((r) => r.Status !== 'Up to date')).toEqual([]);
  }, 60_000);
});

test('spreadsheet service calls per execution do not grow with the number of rows', async () => {
  const measure = async (count: number) => {
    const session = await SheetSession.open({ mode: 'bound', rows: bulkSheet(count, 10).rows, seed: 3 });
    const run = session.apply();
    expect(run.executions.map((e) => e.error?.message)).toEqual(run.executions.map(() => undefined));
    expect(session.spacesTab().every((r) => r.Status === 'Created')).toBe(true);
    return run;
  };
  const small = await measure(100);
  const large = await measure(ROWS);
  const total = (r: typeof small) => r.spreadsheetCallsPerExecution.reduce((a, b) => a + b, 0);
  // Ten times the rows: more executions (quota-bound), but no execution calls the spreadsheet more per row.
  expect(Math.max(...large.spreadsheetCallsPerExecution)).toBeLessThanOrEqual(
    Math.max(...small.spreadsheetCallsPerExecution) + 10,
  );
  expect(total(large)).toBeLessThan(total(small) + 40 * large.executions.length);
}, 60_000);
