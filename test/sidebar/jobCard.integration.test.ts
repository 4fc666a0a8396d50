/**
 * Queueing a bulk run from the sidebar and watching it: Apply is queued from the homepage (a first step that fits
 * in the card callback), the job card shows it running with rows done out of the total and the next continuation,
 * the continuation triggers carry it on in later executions, and the card follows it to the end, with the Log tab
 * linked. Cancel stops a running job. Preview shows what applying would take.
 */
import { SidePanel, spacesCsv, type Json } from './harness';

function rows(n: number): [string, string][] {
  return Array.from({ length: n }, (_, i) => [
    `Team ${String(i + 1).padStart(3, '0')}`,
    `p${i}a@example.com, p${i}b@example.com`,
  ]);
}

function field(panel: SidePanel, label: string): Json {
  return panel.decorated(label);
}

describe('job card', () => {
  it('queues Apply and follows it across continuations to the end', async () => {
    const panel = await SidePanel.open({ granted: true, cpuFactor: 0, tabs: { Spaces: spacesCsv(rows(500)) } });
    panel.homepage();
    const queued = panel.click(panel.button('Apply'));
    expect(queued.result.virtualMs).toBeLessThan(30_000);
    expect(queued.notification).toContain('Apply spaces started');
    expect(panel.card.header.title).toBe('Job');
    expect(field(panel, 'Status').text).toBe('<b>Running</b>');
    expect(field(panel, 'Executions').text).toBe('1');
    expect(field(panel, 'Next continuation').text).toMatch(/\(in (1 min|\d+ s)\)$/);

    // Each continuation trigger fires on the virtual clock; the user refreshes the job card after each one.
    const seen: { done: number; executions: number }[] = [];
    const read = () => ({
      done: Number(String(field(panel, 'Rows done').text).split(' ')[0]),
      executions: Number(field(panel, 'Executions').text),
    });
    seen.push(read());
    expect(String(field(panel, 'Rows done').text)).toMatch(/^\d+ of 500$/);
    while (String(field(panel, 'Status').text).includes('Running')) {
      const fired = panel.runtime.runUntilIdle({ maxExecutions: 1 });
      expect(fired.executions.map((e) => e.entryPoint)).toEqual(['continueJobs']);
      expect(fired.executions[0].error).toBeUndefined();
      panel.click(panel.button('Refresh'));
      seen.push(read());
      expect(seen.length).toBeLessThan(10);
    }
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
      expect(seen[i].executions).toBe(seen[i - 1].executions + 1);
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(field(panel, 'Status').text).toBe('<b>Finished</b>');
    expect(field(panel, 'Rows done').text).toBe('500 of 500');
    expect(field(panel, 'Rows done').bottomLabel).toBe('500 created');
    expect(field(panel, 'Waiting for quota').text).not.toBe('0 s');
    expect(panel.runtime.readSheet('Log', panel.spreadsheetId)?.length).toBe(2);
    expect(panel.button('Open Log').onClick.openLink.url).toMatch(
      /^https:\/\/docs\.google\.com\/spreadsheets\/d\/.+\/edit#gid=\d+$/,
    );
    expect(() => panel.button('Cancel')).toThrow();
    expect(panel.chat.snapshot().filter((s) => String(s.displayName).startsWith('Team '))).toHaveLength(500);
  });

  it('offers Continue now when a continuation is late, and runs the next step from the card', async () => {
    const panel = await SidePanel.open({ granted: true, cpuFactor: 0, tabs: { Spaces: spacesCsv(rows(200)) } });
    panel.homepage();
    panel.click(panel.button('Apply'));
    expect(() => panel.button('Continue now')).toThrow();
    // Google has not started the continuation trigger five minutes later (add-on triggers may run late).
    panel.clock.advance(5 * 60_000);
    panel.click(panel.button('Refresh'));
    expect(field(panel, 'Next continuation').bottomLabel).toContain('Late');
    const before = Number(String(field(panel, 'Rows done').text).split(' ')[0]);
    const stepped = panel.click(panel.button('Continue now'));
    expect(stepped.result.virtualMs).toBeLessThan(30_000);
    expect(stepped.notification).toMatch(/^(Ran one more step|Finished)/);
    expect(Number(String(field(panel, 'Rows done').text).split(' ')[0])).toBeGreaterThan(before);
    expect(field(panel, 'Executions').text).toBe('2');
  });

  it('cancels a running job after asking', async () => {
    const panel = await SidePanel.open({ granted: true, tabs: { Spaces: spacesCsv(rows(90)) } });
    panel.homepage();
    panel.click(panel.button('Apply'));
    panel.click(panel.button('Cancel'));
    expect(panel.card.header.title).toBe('Cancel the running job?');
    const cancelled = panel.click(panel.button('Cancel job'));
    expect(cancelled.notification).toMatch(/^Cancelled/);
    expect(panel.card.header.title).toBe('Job');
    expect(field(panel, 'Status').text).toBe('<b>Cancelled</b>');
    panel.runtime.runUntilIdle();
    const made = panel.chat.snapshot().filter((s) => String(s.displayName).startsWith('Team ')).length;
    expect(made).toBeLessThan(90);
  });

  it('previews, and the job card says what applying would take', async () => {
    const panel = await SidePanel.open({ granted: true, tabs: { Spaces: spacesCsv(rows(5)) } });
    panel.homepage();
    const answer = panel.click(panel.button('Preview'));
    expect(answer.notification).toContain('Preview spaces finished');
    expect(field(panel, 'Status').text).toBe('<b>Finished</b>');
    expect(panel.text()).toContain('What applying would take');
    expect(panel.chat.snapshot().filter((s) => String(s.displayName).startsWith('Team '))).toHaveLength(0);
  });
});
