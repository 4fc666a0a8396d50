/**
 * The Messages tab end to end: the built dist/Code.js in the offline Apps Script runtime (bound script) against the
 * Chat emulator, with spaces the Spaces tab already manages. Sending to one space, to every space (`*`), to a tag and
 * as a direct message, with placeholders filled per space; a row with an unknown placeholder failing before any API
 * call; re-sending without posting twice; a broadcast to 300 spaces surviving an execution the platform kills;
 * scheduled sending on the virtual clock; editing and recalling a broadcast to 50 spaces; attaching a file from a
 * link (and the sentences for a broken link).
 */
import { MESSAGE_HEADERS, MessagesWorkbook, writes } from './messagesHarness';

jest.setTimeout(120_000);

const MINUTE = 60_000;

describe('sending to one space, every space, a tag and a person', () => {
  let wb: MessagesWorkbook;
  let first: ReturnType<MessagesWorkbook['run']>;

  beforeAll(async () => {
    wb = await MessagesWorkbook.open({
      spaces: 6,
      tags: (i) => (i % 2 === 0 ? 'even' : 'odd'),
      messages: [
        { Space: 'Team 001', Message: 'Hello *{{Space name}}*', 'Thread key': 'standup' },
        { Space: '*', Message: 'All hands at 3pm, {{Space name}} ({{Region}})' },
        { Space: 'tag:even', Message: 'Even teams: {{Space name}}' },
        { Space: 'dm:ana@example.com', Message: 'Hi Ana, welcome aboard.' },
        { Space: '*', Message: 'Budget for {{Budget}}' },
        { Space: 'Team 001', Message: 'Second update', 'Thread key': 'standup' },
      ],
    });
    first = wb.run('sendMessages');
  });

  test('every valid row is Sent, with its Message ID and Sent at', () => {
    const rows = wb.tab('Messages');
    expect(rows.map((r) => r.Status)).toEqual(['Sent', 'Sent', 'Sent', 'Sent', 'Failed', 'Sent']);
    expect(rows[0]['Message ID']).toMatch(
      new RegExp(`^${wb.spaceNames[0]}/messages/client-r-[0-9a-z]{10}-[0-9a-z]{13}$`),
    );
    expect(rows[1]['Message ID']).toMatch(/^client-r-[0-9a-z]{10}-[0-9a-z]{13} in 6 spaces$/);
    expect(rows[2].Details).toBe('Sent to 3 spaces.');
    expect(rows[1]['Sent at']).not.toBe('');
  });

  test('placeholders are filled from each target space’s Spaces row, Chat formatting kept', () => {
    expect(wb.messagesOf(wb.spaceNames[0]).map((m) => m.text)).toEqual([
      'Hello *Team 001*',
      'All hands at 3pm, Team 001 (R1)',
      'Second update',
    ]);
    expect(wb.messagesOf(wb.spaceNames[1]).map((m) => m.text)).toEqual([
      'All hands at 3pm, Team 002 (R2)',
      'Even teams: Team 002',
    ]);
    expect(wb.messagesOf(wb.spaceNames[2]).map((m) => m.text)).toEqual(['All hands at 3pm, Team 003 (R3)']);
  });

  test('rows with the same Thread key go to one thread', () => {
    const [a, , b] = wb.messagesOf(wb.spaceNames[0]) as { thread: { name: string } }[];
    expect(b.thread.name).toBe(a.thread.name);
  });

  test('dm: finds no direct message, sets one up, and posts there', () => {
    const dm = wb.chat.snapshot().find((s) => s.spaceType === 'DIRECT_MESSAGE');
    expect(dm?.messages.map((m) => m.text)).toEqual(['Hi Ana, welcome aboard.']);
    expect(wb.tab('Messages')[3]['Message ID']).toBe(
      `${dm?.name}/messages/${wb.tab('Messages')[3]['Message ID'].split('/').pop()}`,
    );
    expect(first.apiCalls['chat.spaces.findDirectMessage']).toBe(1);
    expect(first.apiCalls['chat.spaces.setup']).toBe(1);
  });

  test('an unknown placeholder fails the row with a sentence and no API call', () => {
    expect(wb.tab('Messages')[4].Details).toContain('Message uses {{Budget}}, but there is no "Budget" column');
    // 1 + 6 + 3 + 1 + 1 messages posted, none for the failed row; paced so that no space sees 2 writes in a second.
    expect(first.apiCalls['chat.spaces.messages.create']).toBe(12);
    expect(wb.chat.stats().status429).toBe(0);
    const texts = wb.chat.snapshot().flatMap((s) => s.messages.map((m) => String(m.text)));
    expect(texts).toHaveLength(12);
    expect(texts.some((t) => t.includes('Budget'))).toBe(false);
  });

  test('sending again posts nothing: every sent row reads "Already sent"', () => {
    const again = wb.run('sendMessages');
    expect(writes(again.apiCalls)).toBe(0);
    const rows = wb.tab('Messages');
    expect(rows[1].Details).toBe('Already sent to 6 spaces; nothing was posted again.');
    expect(rows[3].Details).toBe('Already sent to dm:ana@example.com; nothing was posted again.');
    expect(rows.map((r) => r.Status)).toEqual(['Sent', 'Sent', 'Sent', 'Sent', 'Failed', 'Sent']);
    expect(wb.messagesOf(wb.spaceNames[0])).toHaveLength(3);
    const log = wb.tab('Log');
    expect(log.map((l) => [l.Action, l.Created, l['Up to date'], l.Failed])).toEqual([
      ['Send messages', '5', '0', '1'],
      ['Send messages', '0', '5', '1'],
    ]);
  });
});

describe('a broadcast to 300 spaces', () => {
  test('an execution the platform kills mid-broadcast is resumed by its watchdog; every space gets the message once', async () => {
    const wb = await MessagesWorkbook.open({
      spaces: 300,
      messages: [{ Space: '*', Message: 'Town hall: {{Space name}}' }],
    });
    // Killed 3 virtual seconds in: some spaces have the message, the sheet has not been written yet.
    const killed = wb.runtime.execute('sendMessages', { killAt: { afterMs: 3_000 } });
    expect(killed.error?.message).toMatch(/Exceeded maximum execution time/);
    const postedBefore = wb.spaceNames.filter((s) => wb.messagesOf(s).length > 0).length;
    expect(postedBefore).toBeGreaterThan(0);
    expect(postedBefore).toBeLessThan(300);
    const rest = wb.runtime.runUntilIdle();
    expect(rest.executions.length).toBeGreaterThanOrEqual(1);
    expect(rest.executions.every((e) => !e.error)).toBe(true);
    expect(wb.spaceNames.map((s) => wb.messagesOf(s).length)).toEqual(new Array(300).fill(1));
    expect(wb.messagesOf(wb.spaceNames[299])[0].text).toBe('Town hall: Team 300');
    const [row] = wb.tab('Messages');
    expect(row.Status).toBe('Sent');
    // The resumed run re-sent the same requests: Chat answered the ones already done with the message they made.
    expect(row.Details).toBe('Sent to 300 spaces.');
    expect(row['Message ID']).toMatch(/ in 300 spaces$/);
    expect(wb.runtime.triggers.ofUser('admin@example.com')).toEqual([]);
  });
});

describe('a campaign to 300 spaces started from the sidebar (its first step must fit in a card callback)', () => {
  test('the first step checkpoints mid-row; the continuation trigger sends only what is left', async () => {
    const wb = await MessagesWorkbook.open({
      spaces: 300,
      mode: 'workspace-addon',
      messages: ['Town hall', 'Survey', 'Thanks'].map((t) => ({ Space: '*', Message: `${t}: {{Space name}}` })),
    });
    wb.runtime.grantFileScope(wb.spreadsheetId);
    const first = wb.runtime.runCardCallback(
      'queueJob',
      wb.runtime.buildEvent({ kind: 'action', parameters: { job: 'send' } }),
    );
    expect(first.error).toBeUndefined();
    const afterFirst = wb.tab('Messages');
    expect(afterFirst[0]).toMatchObject({ Status: 'Sent', Details: 'Sent to 300 spaces.' });
    expect(afterFirst[1].Status).toBe('In progress');
    expect(afterFirst[1].Details).toMatch(/^Continuing in the next run… \(\d+ targets done so far\)$/);
    const firstCreates = first.apiCalls['chat.spaces.messages.create'] ?? 0;

    const rest = wb.runtime.runUntilIdle().executions;
    expect(rest.map((e) => [e.entryPoint, e.error])).toEqual([['continueJobs', undefined]]);
    // No target is asked twice: the checkpoint remembers which spaces already have row 2.
    expect(firstCreates + (rest[0].apiCalls['chat.spaces.messages.create'] ?? 0)).toBe(900);
    expect(wb.tab('Messages').map((r) => r.Status)).toEqual(['Sent', 'Sent', 'Sent']);
    expect(wb.spaceNames.map((s) => wb.messagesOf(s).length)).toEqual(new Array(300).fill(3));
  });
});

describe('scheduled sending (bound script: a trigger every minute)', () => {
  test('a row with Send at waits, then is sent once when due and never again', async () => {
    const wb = await MessagesWorkbook.open({ spaces: 2, messages: [] });
    const due = new Date(Math.ceil((wb.clock.now() + 10 * MINUTE) / MINUTE) * MINUTE);
    const at = due.toISOString().slice(0, 16).replace('T', ' ');
    // Row 1: to Team 001 at `at` (a text date in the spreadsheet's time zone); row 2: on demand.
    const put = (row: number, values: string[]) =>
      values.forEach((v, c) => wb.setCell('Messages', row, MESSAGE_HEADERS[c], v));
    put(0, ['Team 001', 'Reminder: retro at 4pm', '', at, '']);
    put(1, ['Team 002', 'Sent on demand', '', '', '']);

    wb.run('installSchedules');
    expect(wb.alerts().pop()?.prompt).toBe(
      'Send scheduled messages: on, every minute. The scheduled-messages trigger of this script runs every minute, so a message goes out within about a minute after its Send at.',
    );
    expect(wb.runtime.triggers.ofUser('admin@example.com').map((t) => t.handler)).toEqual(['runScheduledMessages']);
    wb.run('installSchedules'); // again: still one trigger
    expect(wb.runtime.triggers.ofUser('admin@example.com')).toHaveLength(1);

    wb.run('sendMessages');
    let rows = wb.tab('Messages');
    expect(rows[0].Status).toBe('Scheduled');
    expect(rows[0].Details).toBe(
      `Scheduled for ${at} (Etc/UTC); the scheduled-messages trigger of this script runs every minute, so a message goes out within about a minute after its Send at.`,
    );
    expect(rows[1].Status).toBe('Sent');
    expect(wb.messagesOf(wb.spaceNames[0])).toHaveLength(0);

    // Minute by minute up to just before Send at: the trigger runs, finds nothing due, starts no job.
    const fired: string[] = [];
    while (wb.clock.now() + MINUTE < due.getTime()) {
      wb.clock.advance(MINUTE);
      fired.push(...wb.runtime.runDueTriggers().map((e) => e.entryPoint));
      expect(wb.messagesOf(wb.spaceNames[0])).toHaveLength(0);
    }
    expect(fired.length).toBeGreaterThanOrEqual(9);
    expect(wb.tab('Log')).toHaveLength(1); // only the manual run

    // The next minutes: sent once, at most a minute late; never again.
    for (let i = 0; i < 5; i++) {
      wb.clock.advance(MINUTE);
      wb.runtime.runDueTriggers();
      wb.runtime.runUntilIdle();
    }
    const posted = wb.messagesOf(wb.spaceNames[0]);
    expect(posted.map((m) => m.text)).toEqual(['Reminder: retro at 4pm']);
    const postedAt = Date.parse(String(posted[0].createTime));
    expect(postedAt).toBeGreaterThanOrEqual(due.getTime());
    expect(postedAt - due.getTime()).toBeLessThanOrEqual(MINUTE + 5_000);
    rows = wb.tab('Messages');
    expect(rows[0].Status).toBe('Sent');
    expect(wb.messagesOf(wb.spaceNames[1])).toHaveLength(1); // the on-demand row is not the scheduler's
    expect(wb.tab('Log').map((l) => l.Action)).toEqual(['Send messages', 'Send messages']);

    wb.run('removeSchedules');
    expect(wb.runtime.triggers.ofUser('admin@example.com')).toEqual([]);
  });
});

describe('editing and recalling a broadcast to 50 spaces', () => {
  let wb: MessagesWorkbook;

  beforeAll(async () => {
    wb = await MessagesWorkbook.open({
      spaces: 50,
      messages: [{ Space: '*', Message: 'Office closed Friday ({{Space name}})' }],
    });
    wb.run('sendMessages');
  });

  test('changing the row text and running Edit sent messages updates all 50; again, nothing', () => {
    wb.setCell('Messages', 0, 'Message', 'Office closed Friday and Monday ({{Space name}})');
    const edit = wb.run('updateSentMessages');
    expect(edit.apiCalls['chat.spaces.messages.update']).toBe(50);
    expect(wb.messagesOf(wb.spaceNames[7]).map((m) => m.text)).toEqual(['Office closed Friday and Monday (Team 008)']);
    expect(wb.tab('Messages')[0]).toMatchObject({ Status: 'Edited', Details: 'Edited in 50 spaces.' });
    const again = wb.run('updateSentMessages');
    expect(again.apiCalls).toEqual({});
    expect(wb.tab('Messages')[0].Details).toBe('Up to date: Chat already shows this text.');
  });

  test('recalling the selected row asks first, naming rows and spaces, then deletes from all 50', () => {
    wb.select('Messages', 0);
    wb.runtime.ui.queueAnswer({ button: 'NO' });
    const declined = wb.run('deleteSentMessages');
    expect(declined.apiCalls).toEqual({});
    expect(wb.alerts().pop()).toEqual({
      title: 'Recall messages',
      prompt:
        'Delete the messages of 1 selected row from 50 spaces? They disappear for everyone in Chat and cannot be restored.',
    });
    wb.runtime.ui.queueAnswer({ button: 'YES' });
    const recall = wb.run('deleteSentMessages');
    expect(recall.apiCalls['chat.spaces.messages.delete']).toBe(50);
    expect(wb.spaceNames.every((s) => wb.messagesOf(s).every((m) => m.deleteTime))).toBe(true);
    expect(wb.tab('Messages')[0]).toMatchObject({ Status: 'Deleted', Details: 'Recalled: deleted from 50 spaces.' });
    // Send messages leaves a recalled row alone.
    const send = wb.run('sendMessages');
    expect(writes(send.apiCalls)).toBe(0);
  });
});

describe('attachments from a link', () => {
  test('the file is fetched, uploaded to each space and attached; broken links fail with a sentence and no upload', async () => {
    const wb = await MessagesWorkbook.open({
      spaces: 2,
      messages: [
        { Space: '*', Message: 'Agenda attached', Attachment: 'https://files.example.com/docs/agenda.pdf' },
        { Space: 'Team 001', Message: 'Missing', Attachment: 'https://files.example.com/docs/gone.pdf' },
        { Space: 'Team 001', Message: 'A page', Attachment: 'https://files.example.com/login' },
        { Space: 'Team 001', Message: 'Huge', Attachment: 'https://files.example.com/big.zip' },
      ],
      limits: { urlFetchResponseBytes: 1024 * 1024 },
    });
    wb.files.serve('https://files.example.com/docs/agenda.pdf', {
      body: new Uint8Array(Buffer.from('%PDF-1.4 agenda')),
      contentType: 'application/pdf',
    });
    wb.files.serve('https://files.example.com/login', { body: '<html>Sign in</html>', contentType: 'text/html' });
    wb.files.serve('https://files.example.com/big.zip', {
      body: new Uint8Array(2 * 1024 * 1024),
      contentType: 'application/zip',
    });
    const run = wb.run('sendMessages');
    const rows = wb.tab('Messages');
    expect(rows[0]).toMatchObject({ Status: 'Sent', Details: 'Sent to 2 spaces (with agenda.pdf attached).' });
    for (const space of wb.spaceNames) {
      const [m] = wb.messagesOf(space) as { attachment?: { contentName: string; contentType: string }[] }[];
      expect(m.attachment?.map((a) => [a.contentName, a.contentType])).toEqual([['agenda.pdf', 'application/pdf']]);
    }
    expect(run.apiCalls['chat.media.upload']).toBe(2);
    expect(rows[1]).toMatchObject({
      Status: 'Failed',
      Details:
        'Attachment "https://files.example.com/docs/gone.pdf" was not found (HTTP 404); check the link points to the file.',
    });
    expect(rows[2].Details).toContain('returned a web page, not a file; use a direct download link');
    expect(rows[3].Details).toContain('is larger than the 50 MB Apps Script can download');
    expect(wb.messagesOf(wb.spaceNames[0])).toHaveLength(1);
  });
});

describe('preview', () => {
  test('shows the plan per row and the trigger precision, and posts nothing', async () => {
    const wb = await MessagesWorkbook.open({
      spaces: 3,
      messages: [
        { Space: '*', Message: 'Hello {{Space name}}' },
        { Space: 'dm:ana@example.com', Message: 'Hi' },
        { Space: 'Team 002', Message: 'Later', 'Send at': '2030-01-01 09:00' },
      ],
      timeZone: 'Europe/Paris',
    });
    const run = wb.run('previewMessages');
    expect(writes(run.apiCalls)).toBe(0);
    const rows = wb.tab('Messages');
    expect(rows[0]).toMatchObject({
      Status: 'Planned',
      Details: 'Would post to 3 spaces (first, Team 001): "Hello Team 001".',
    });
    expect(rows[1].Details).toBe(
      'Would post to dm:ana@example.com: "Hi"; a direct message with ana@example.com will be started.',
    );
    expect(rows[2].Status).toBe('Scheduled');
    // Send at is read in the spreadsheet's time zone, not the script's (Etc/UTC).
    expect(rows[2].Details).toMatch(/^Scheduled for 2030-01-01 09:00 \(Europe\/Paris\); /);
    const alert = wb.alerts().pop();
    expect(alert?.title).toBe('Preview messages');
    expect(alert?.prompt).toContain('1 to send now'.replace('1', '2'));
    expect(alert?.prompt).toContain('runs every minute, so a message goes out within about a minute after its Send at');
    expect(alert?.prompt).toContain('Scheduled sending is off');
    expect(wb.chat.snapshot().every((s) => s.messages.length === 0)).toBe(true);
  });
});

describe('scheduled sending as an Editor add-on (hourly trigger, one time-driven trigger per document)', () => {
  test('with the hourly schedule on, Send messages still runs, and a scheduled row goes out within the hour', async () => {
    const wb = await MessagesWorkbook.open({ spaces: 1, messages: [], mode: 'editor-addon' });
    const due = new Date(Math.ceil((wb.clock.now() + 20 * MINUTE) / MINUTE) * MINUTE);
    wb.setCell('Messages', 0, 'Space', 'Team 001');
    wb.setCell('Messages', 0, 'Message', 'Quarterly numbers are out');
    wb.setCell('Messages', 0, 'Send at', due.toISOString().slice(0, 16).replace('T', ' '));
    wb.run('installSchedules');
    expect(wb.alerts().pop()?.prompt).toBe(
      'Send scheduled messages: on, every 1 hour. Add-on triggers run at most hourly, so a message goes out up to an hour after its Send at.',
    );
    wb.run('sendMessages');
    expect(wb.tab('Messages')[0].Status).toBe('Scheduled');
    expect(wb.tab('Messages')[0].Details).toContain('up to an hour after its Send at');
    wb.clock.advance(61 * MINUTE);
    wb.runtime.runDueTriggers();
    wb.runtime.runUntilIdle();
    expect(wb.messagesOf(wb.spaceNames[0]).map((m) => m.text)).toEqual(['Quarterly numbers are out']);
    expect(wb.tab('Messages')[0].Status).toBe('Sent');
  });
});
