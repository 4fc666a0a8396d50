/**
 * The benchmark harness on a small scale, so `npm run bench` does not rot between runs: a five-row onboarding
 * scenario measured end to end (add-on under the three trigger policies, and the naive baseline), and a scenario
 * whose entry point the bundle lacks, which must be skipped with the sentence the bench prints.
 */
import { measure } from '../../bench/measure';
import type { Scenario } from '../../bench/scenario';
import { scenarioTable } from '../../bench/report';
import { broadcast } from '../../bench/scenarios/broadcast';
import { onboarding } from '../../bench/scenarios/onboarding';

const FIVE = 5;

/** Onboarding cut to its first five rows (the real one is 1,000). */
const small: Scenario = {
  ...onboarding,
  id: 'onboarding-small',
  rows: FIVE,
  setup() {
    const s = onboarding.setup();
    const tabs = s.tabs as Record<string, string[][]>;
    return { ...s, tabs: { Spaces: tabs.Spaces.slice(0, FIVE + 1) } };
  },
  minimalCalls: onboarding.minimalCalls.map((c) => ({ ...c, count: ((c.count ?? 1) / 1000) * FIVE })),
  outcome: (world) => {
    const rows = world.runtime.readSheet('Spaces', world.spreadsheetId) ?? [];
    const status = rows[0]?.indexOf('Status') ?? -1;
    const done = rows.slice(1).filter((r) => r[status] === 'Created').length;
    return { done, failed: rows.length - 1 - done };
  },
};

test('a small onboarding is measured for the add-on and the baseline', () => {
  const r = measure(small, { maxBaselineRuns: 5 });
  expect(r.skipped).toBeUndefined();
  expect(r.addOn?.outcome).toEqual({ done: FIVE, failed: 0 });
  expect(r.policies.map((p) => p.done)).toEqual([FIVE, FIVE, FIVE]);
  expect(r.addOn?.apiCalls).toBeGreaterThan(FIVE * 14);
  expect(r.boundBucket).toBe('membership writes');
  expect(r.baseline.outcome.done).toBe(FIVE);
  expect(r.baseline.apiCalls).toBe(FIVE * (1 + 60 + 2 + 1));
  expect(r.baseline.spreadsheetCallsPerExecution).toBeGreaterThan(r.addOn?.spreadsheetCallsPerExecution ?? Infinity);
  expect(scenarioTable(r)).toContain('| Rows done / failed / not reached');
});

test('a scenario whose entry point the bundle lacks is skipped, its baseline still measured', () => {
  const needsMissing: Scenario = { ...broadcast, entryPoints: ['noSuchEntryPoint'] };
  const r = measure({ ...needsMissing, setup: () => cutBroadcast() }, { maxBaselineRuns: 1 });
  expect(r.skipped).toBe('skipped: entry point noSuchEntryPoint not in this build');
  expect(r.addOn).toBeUndefined();
  expect(scenarioTable(r)).toContain('Add-on: skipped: entry point noSuchEntryPoint not in this build.');
});

/** Broadcast's setup with 20 spaces instead of 1,000. */
function cutBroadcast() {
  const s = broadcast.setup();
  const spaces = (s.directory.spaces ?? []).slice(0, 20);
  const tabs = s.tabs;
  return {
    directory: { ...s.directory, spaces },
    tabs: (chat: Parameters<Exclude<typeof tabs, Record<string, string[][]>>>[0]) => {
      const all = typeof tabs === 'function' ? tabs(chat) : tabs;
      return { ...all, Spaces: all.Spaces.slice(0, 21) };
    },
  };
}
