/**
 * The job store against the property limits Apps Script enforces (9 KB per value): a finished job over a big tab
 * must still be saved for "Show last run". Found by the onboarding benchmark (1,000 rows: the list of Row IDs done
 * made the last-run summary too large, and the final execution failed after the job had finished).
 */
import type { StateStore } from '../../src/ports/runtime';
import { JobStore, type JobState } from '../../src/app/jobs/jobStore';

/** User properties with Apps Script's limit on a value's UTF-8 size. */
class LimitedProperties implements StateStore {
  readonly values = new Map<string, string>();
  get(key: string): string | undefined {
    return this.values.get(key);
  }
  set(key: string, value: string): void {
    if (Buffer.byteLength(value, 'utf8') > 9 * 1024) throw new Error('Argument too large: value');
    this.values.set(key, value);
  }
  delete(key: string): void {
    this.values.delete(key);
  }
  keys(prefix: string): string[] {
    return [...this.values.keys()].filter((k) => k.startsWith(prefix));
  }
}

function bigJob(rows: number): JobState {
  return {
    id: 'apply-spaces-1',
    kind: 'apply-spaces',
    spreadsheetId: 'ss1',
    tab: 'Spaces',
    startedAt: 0,
    finishedAt: 1,
    counts: { Created: rows },
    apiCalls: rows * 16,
    quotaWaitMs: 0,
    retries: 0,
    rateLimited: 0,
    executions: 15,
    activeMs: 1,
    maxGapMs: 0,
    triggerIds: [],
    errors: Array.from({ length: 50 }, (_, i) => ({ row: i + 2, message: 'Members: ' + 'x'.repeat(2000) })),
    extra: { done: Array.from({ length: rows }, (_, i) => `r-${String(i).padStart(10, '0')}`), totalRows: rows },
  };
}

test('a finished 1,000-row job is kept as the last run, with its counts and without the resume bookkeeping', () => {
  const props = new LimitedProperties();
  const store = new JobStore(props);
  const job = bigJob(1000);
  store.save(job);
  expect(store.load('ss1')?.extra?.done).toHaveLength(1000);
  expect(() => store.saveLast(job)).not.toThrow();
  const last = store.loadLast('ss1');
  expect(last?.counts).toEqual({ Created: 1000 });
  expect(last?.extra).toEqual({ totalRows: 1000 });
  // The first errors, shortened, as many as fit in the one property value.
  expect(last?.errors.length).toBeGreaterThanOrEqual(10);
  expect(last?.errors[0]).toEqual({ row: 2, message: 'Members: ' + 'x'.repeat(291) });
});
