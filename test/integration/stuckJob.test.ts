/**
 * A run killed after it saved its job but before it scheduled any continuation (the platform can stop an execution
 * at any call) leaves a job that no trigger will resume. The user's next "Apply" right away is still refused (the
 * job might be running), but once the watchdog's delay has passed with no sign of life the next start resumes the
 * job and finishes every row, once. Runs the built bundle in the emulator, trying each early kill point.
 */
import { addOnProject, buildWorld, readRows, type World } from '../../bench/world';

const ROWS = [
  ['Space name', 'Members'],
  ['Alpha', 'ana@example.com'],
  ['Beta', 'bo@example.com, cy@example.com'],
];

function stuckWorld(): { world: World; killAt: number } | undefined {
  for (let calls = 1; calls <= 80; calls++) {
    const world = buildWorld({ project: addOnProject(), tabs: { Spaces: ROWS }, directory: {} });
    world.runtime.run('setUpSheets');
    world.runtime.execute('applySpaces', { killAt: { calls } });
    const props = world.runtime.properties.snapshot()['user:admin@example.com'] ?? {};
    const jobSaved = Object.keys(props).some((k) => k.startsWith('job:') && !k.includes('#'));
    if (jobSaved && world.runtime.triggers.nextAt(true) === undefined) return { world, killAt: calls };
  }
  return undefined;
}

test('a job left without a continuation is resumed by the next start after the watchdog delay', () => {
  const stuck = stuckWorld();
  expect(stuck).toBeDefined();
  const { world } = stuck as { world: World };
  const rt = world.runtime;

  rt.clock.advance(60_000);
  const seen = rt.ui.events.length;
  rt.run('applySpaces');
  const refusal = rt.ui.events
    .slice(seen)
    .map((e) => String(e.prompt ?? ''))
    .join(' ');
  expect(refusal).toContain('still in progress');
  expect(world.chat.snapshot()).toEqual([]);

  rt.clock.advance(10 * 60_000);
  rt.run('applySpaces');
  rt.runUntilIdle({ maxExecutions: 10 });
  expect(readRows(world, 'Spaces').map((r) => r.Status)).toEqual(['Created', 'Created']);
  expect(
    world.chat
      .snapshot()
      .map((s) => s.displayName)
      .sort(),
  ).toEqual(['Alpha', 'Beta']);
  const props = rt.properties.snapshot()['user:admin@example.com'] ?? {};
  expect(Object.keys(props).filter((k) => k.startsWith('job:'))).toEqual([]);
});
