/**
 * The memory of what Chat refused a Spaces row for good (src/app/spaces/refusals.ts): it answers only while the
 * row's input cells are unchanged (the add-on's own output columns do not count), forgets a row once nothing is
 * refused, survives a new store (the next execution), and stays within one property value by dropping the oldest
 * rows first.
 */
import type { DesiredSpace } from '../../src/domain/model';
import { RefusalStore, rowFingerprint } from '../../src/app/spaces/refusals';
import type { StateStore } from '../../src/ports/runtime';

class MemoryState implements StateStore {
  readonly values = new Map<string, string>();
  get(key: string) {
    return this.values.get(key);
  }
  set(key: string, value: string) {
    this.values.set(key, value);
  }
  delete(key: string) {
    this.values.delete(key);
  }
  keys(prefix: string) {
    return [...this.values.keys()].filter((k) => k.startsWith(prefix));
  }
}

function space(rowId: string, cells: Record<string, string>): DesiredSpace {
  return {
    row: 2,
    rowId,
    type: 'SPACE',
    displayName: cells['Space name'],
    people: [],
    groups: [],
    managers: [],
    owners: [],
    externalUserAllowed: false,
    announcement: false,
    memberSync: 'add-only',
    tags: [],
    cells,
  };
}

const ROW = { 'Space name': 'Ops', Members: 'a@x.com, off@x.com', Status: 'Created', Details: 'Created with 2…' };

test('a refusal is remembered across executions while the row is unchanged, outputs aside', () => {
  const state = new MemoryState();
  const first = new RefusalStore(state, 'ss1');
  first.set(space('r-1', ROW), { 'off@x.com': 'Chat is off for off@x.com.' }, undefined, 1);
  first.save();
  const next = new RefusalStore(state, 'ss1');
  const rerun = space('r-1', { ...ROW, Status: 'Up to date', Details: 'Up to date…', 'Last run': 'now' });
  expect(next.get(rerun)?.people).toEqual({ 'off@x.com': 'Chat is off for off@x.com.' });
  expect(next.get(space('r-1', { ...ROW, Members: 'a@x.com, off@x.com, b@x.com' }))).toBeUndefined();
  expect(new RefusalStore(state, 'another sheet').get(rerun)).toBeUndefined();
});

test('a row with nothing refused any more is forgotten, and the store removed when empty', () => {
  const state = new MemoryState();
  const store = new RefusalStore(state, 'ss1');
  store.set(space('r-1', ROW), {}, 'The name "Ops" is already used…', 1);
  store.save();
  expect(state.keys('refused:')).toEqual(['refused:ss1']);
  store.set(space('r-1', ROW), {}, undefined, 2);
  store.save();
  expect(state.keys('refused:')).toEqual([]);
});

test('the store fits one property value: the oldest rows are dropped first', () => {
  const state = new MemoryState();
  const store = new RefusalStore(state, 'ss1');
  for (let i = 0; i < 200; i++)
    store.set(space(`r-${i}`, { ...ROW, Members: `p${i}@x.com` }), { [`p${i}@x.com`]: 'x'.repeat(80) }, undefined, i);
  store.save();
  const text = state.get('refused:ss1') ?? '';
  expect(text.length).toBeLessThanOrEqual(7000);
  const kept = Object.keys(JSON.parse(text) as Record<string, unknown>);
  expect(kept).toContain('r-199');
  expect(kept).not.toContain('r-0');
});

test('the fingerprint ignores output columns and cell order, not input text', () => {
  const a = rowFingerprint(space('r', { Members: 'a', 'Space name': 'S', Details: 'one' }));
  expect(rowFingerprint(space('r', { 'Space name': 'S', Members: 'a', Details: 'two' }))).toBe(a);
  expect(rowFingerprint(space('r', { 'Space name': 'S', Members: 'b' }))).not.toBe(a);
});
