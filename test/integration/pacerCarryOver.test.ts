/**
 * Google's per-minute quotas do not restart with a new execution: a run started right after another (or a
 * continuation) must count the calls the last execution made in its final minute. The add-on keeps its pacer's
 * reservations in the user cache for two minutes, so a second Apply started at once waits for the quota instead
 * of drawing 429s.
 */
import { addOnProject, buildWorld } from '../../bench/world';

const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => [`${prefix} ${i + 1}`]);

test('a second run right after the first draws no 429 from the quota the first one used', () => {
  const w = buildWorld({
    project: addOnProject(),
    mode: 'bound',
    directory: {},
    tabs: { Spaces: [['Space name'], ...rows('North', 60)] },
  });
  expect(w.runtime.run('applySpaces').error).toBeUndefined();
  expect(w.chat.snapshot()).toHaveLength(60);
  // Sixty more rows, applied at once: the first run's 60 space writes are still inside Google's minute.
  const sheet = w.runtime.activeSpreadsheet?.sheetByName('Spaces');
  rows('South', 60).forEach(([name], i) => {
    sheet?.ensure(62 + i, 1);
    const cell = sheet?.cell(62 + i, 1);
    if (cell) cell.v = name;
  });
  const second = w.runtime.run('applySpaces');
  expect(second.error).toBeUndefined();
  expect(w.runtime.runUntilIdle().idle).toBe(true);
  expect(w.chat.snapshot()).toHaveLength(120);
  expect(w.chat.stats().status429).toBe(0);
});
