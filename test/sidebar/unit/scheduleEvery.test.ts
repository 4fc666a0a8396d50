/**
 * Scheduled sending from the menu: a bound script may run the schedule every minute, an add-on only hourly; one
 * trigger per handler however often it is turned on; never past the trigger limit.
 */
import { installScheduleEvery, removeSchedule, type ScheduleDefinition } from '../../../src/app/sidebar/schedules';
import { FakeClock, FakeScheduler, MemoryState } from './fakes';

const def: ScheduleDefinition = {
  id: 'messages',
  title: 'Send scheduled messages',
  description: '',
  handler: 'runScheduledMessages',
  available: true,
};

function deps(where: 'bound' | 'editor-addon') {
  return { scheduler: new FakeScheduler(where), state: new MemoryState(), clock: new FakeClock() };
}

describe('installScheduleEvery', () => {
  it('a bound script runs it every minute, with one trigger however often it is turned on', () => {
    const d = deps('bound');
    expect(installScheduleEvery(d, def, 1, 'ss1')).toEqual({
      ok: true,
      message: 'Send scheduled messages: on, every minute.',
    });
    installScheduleEvery(d, def, 1, 'ss1');
    expect(d.scheduler.triggers).toEqual([{ id: '2', handler: 'runScheduledMessages', minutes: 1 }]);
    expect(removeSchedule(d, def, 'ss1').message).toBe('Send scheduled messages: off.');
    expect(d.scheduler.triggers).toEqual([]);
  });

  it('an add-on may not recur under an hour', () => {
    const d = deps('editor-addon');
    expect(installScheduleEvery(d, def, 1, 'ss1')).toEqual({
      ok: false,
      message: 'Add-ons cannot run triggers more often than hourly; choose an interval of at least one hour.',
    });
    expect(installScheduleEvery(d, def, 60, 'ss1').message).toBe('Send scheduled messages: on, every 1 hour.');
    expect(d.scheduler.triggers.map((t) => t.minutes)).toEqual([60]);
  });

  it('keeps two trigger slots for running jobs', () => {
    const d = deps('bound');
    for (let i = 0; i < 18; i++) d.scheduler.scheduleOnce(`other${i}`);
    expect(installScheduleEvery(d, def, 1, 'ss1').ok).toBe(false);
    expect(d.scheduler.triggers).toHaveLength(18);
  });
});
