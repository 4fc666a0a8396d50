/**
 * When one request of a UrlFetchApp.fetchAll batch times out, fetchAll throws and the whole batch's answers are
 * lost. The add-on must hand the batch back to its engine (which re-sends with backoff inside the execution's time
 * budget) rather than re-send every request in turn: with slow, timing-out members.create calls, re-sending in turn
 * ran executions past Apps Script's 6-minute limit. Built bundle, emulator, timeouts only on members.create.
 */
import { addOnProject, buildWorld, readRows } from '../../bench/world';

test('timeouts inside fetchAll batches never run an execution past 6 minutes, and every row is done', () => {
  const people = (i: number) => Array.from({ length: 60 }, (_, j) => `p${i}.${j}@example.com`).join(', ');
  const world = buildWorld({
    project: addOnProject(),
    tabs: { Spaces: [['Space name', 'Members'], ...Array.from({ length: 10 }, (_, i) => [`Team ${i}`, people(i)])] },
    directory: {},
    faults: 'timeout=0.05,methods=chat.spaces.members.create',
    seed: 4,
  });
  world.runtime.run('setUpSheets');
  world.runtime.run('applySpaces');
  world.runtime.runUntilIdle({ maxExecutions: 30 });
  const executions = world.runtime.executions.filter((e) => e.entryPoint !== 'setUpSheets');
  expect(world.chat.stats().faultsInjected.timeout).toBeGreaterThan(3);
  expect(executions.filter((e) => e.error?.timeLimit).map((e) => e.executionId)).toEqual([]);
  expect(readRows(world, 'Spaces').map((r) => r.Status)).toEqual(Array(10).fill('Created'));
});
