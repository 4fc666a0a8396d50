/**
 * Import and export end to end: the built bundle in the offline Apps Script runtime against the Chat emulator.
 * Import spaces (and adopt them into the Spaces tab without duplicates), export members of the chosen spaces,
 * messages in a window (2,500 messages across pages, with the first execution killed mid-way: every message once),
 * an attachment saved to a new Drive folder through the Drive REST API, events with the required type filter, and
 * the reactions on the messages the Messages tab sent.
 */
import type { DirectoryInput } from '../../emulator/chat';
import { SheetSession } from './exportsHarness';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const BIG = 2_500;

function directory(): DirectoryInput {
  const big = Array.from({ length: BIG }, (_, i) => ({
    sender: i % 2 ? 'ann@example.com' : 'admin@example.com',
    text: i === 7 ? '=SUM(A1:A9)' : `Update ${i + 1}`,
    createTime: new Date(NOW - 3 * 24 * 3600_000 + i * 60_000).toISOString(),
  }));
  return {
    users: [
      { email: 'admin@example.com' },
      { email: 'ann@example.com' },
      { email: 'bob@example.com', autoAccept: false },
    ],
    spaces: [
      {
        displayName: 'Design',
        description: 'Design reviews',
        members: [
          { email: 'admin@example.com', role: 'ROLE_MANAGER' },
          { email: 'ann@example.com', role: 'ROLE_ASSISTANT_MANAGER' },
          { email: 'bob@example.com', state: 'INVITED' },
        ],
        messages: [{ sender: 'ann@example.com', text: 'Old news', createTime: '2025-11-01T10:00:00Z' }],
      },
      { displayName: 'Ops', members: [{ email: 'admin@example.com' }, { email: 'ann@example.com' }] },
      { displayName: 'Secret', members: [{ email: 'bob@example.com' }] },
      { displayName: 'Big', members: [{ email: 'admin@example.com' }, { email: 'ann@example.com' }], messages: big },
    ],
  };
}

const SPACES_HEADER = 'Space name,Type,Members,Row ID,Space ID,Space link,Status,Details,Last run';

async function session(spacesRows: (s: SheetSession) => string[] = () => []): Promise<SheetSession> {
  return SheetSession.open(directory(), (s) => ({ Spaces: [SPACES_HEADER, ...spacesRows(s)].join('\n') + '\n' }));
}

const writes = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([m]) => /\.(create|patch|delete|setup|upload)$/.test(m) && m.startsWith('chat.'))
    .reduce((n, [, c]) => n + c, 0);

describe('Import spaces', () => {
  test('lists every space you belong to, with your last read time, and a re-run replaces the rows', async () => {
    const s = await session();
    s.run('importSpaces');
    const rows = s.records('Spaces (export)');
    expect(rows.map((r) => r['Space name']).sort()).toEqual(['Big', 'Design', 'Ops']);
    const design = rows.find((r) => r['Space name'] === 'Design');
    expect(design).toMatchObject({
      Type: 'Space',
      Description: 'Design reviews',
      Members: 2,
      'Space ID': s.spaceId('Design'),
    });
    expect(design?.['Last read']).toBeInstanceOf(Date);
    s.run('importSpaces');
    expect(s.records('Spaces (export)')).toHaveLength(3);
    const log = s.records('Log');
    expect(log.map((r) => r.Action)).toEqual(['Import spaces', 'Import spaces']);
    expect(writes(s.runtime.totals().apiCalls)).toBe(0);
  });

  test('adopting adds the named spaces the Spaces tab lacks as managed rows, never twice', async () => {
    const s = await session((x) => [`Design,Space,,,${x.spaceId('Design')},,Up to date,,`]);
    s.run('adoptSpaces');
    const rows = s.records('Spaces');
    expect(rows[0]['Space name']).toBe('Design');
    expect(rows.map((r) => r['Space name']).sort()).toEqual(['Big', 'Design', 'Ops']);
    const ops = rows.find((r) => r['Space name'] === 'Ops');
    expect(ops).toMatchObject({ Type: 'Space', 'Space ID': s.spaceId('Ops'), Status: 'Up to date' });
    expect(String(ops?.['Row ID'])).toMatch(/^r-[0-9a-z]{10}$/);
    expect(String(ops?.['Space link'])).toMatch(/^https:\/\/chat\.google\.com\/room\//);
    const alert = s.runtime.ui.events.filter((e) => e.kind === 'alert').pop();
    expect(String(alert?.prompt)).toContain('2 spaces added to the Spaces tab, 1 already there');

    s.run('adoptSpaces');
    expect(s.records('Spaces')).toHaveLength(3);
    // The adopted rows are managed: applying them changes nothing in Chat.
    s.run('applySpaces');
    expect(s.records('Spaces').map((r) => r.Status)).toEqual(['Up to date', 'Up to date', 'Up to date']);
    expect(writes(s.runtime.totals().apiCalls)).toBe(0);
  });
});

describe('Export members', () => {
  test('every Spaces row with a Space ID, with role, state and kind; the selection narrows it', async () => {
    const s = await session((x) => [
      `Design,Space,"ann@example.com, bob@example.com",,${x.spaceId('Design')},,,,`,
      `Ops,Space,,,${x.spaceId('Ops')},,,,`,
      'Not yet created,Space,,,,,,,',
    ]);
    s.select('Spaces', 2);
    s.run('applySelectedSpaces');
    s.select('Log', 1);
    s.run('exportMembers');
    const rows = s.records('Members (export)');
    const design = rows.filter((r) => r['Space name'] === 'Design');
    expect(design.map((r) => [r.Role, r.State, r.Kind]).sort()).toEqual([
      ['Manager', 'Joined', 'Person'],
      ['Member', 'Invited', 'Person'],
      ['Owner', 'Joined', 'Person'],
    ]);
    expect(rows.filter((r) => r['Space name'] === 'Ops')).toHaveLength(2);
    // People met on the Spaces tab are shown by email; others by their Chat id.
    expect(design.map((r) => String(r.Member)).sort()).toEqual([
      'ann@example.com',
      'bob@example.com',
      expect.stringMatching(/^users\/\d+$/),
    ]);

    s.select('Spaces', 3);
    s.run('exportMembers');
    expect(new Set(s.records('Members (export)').map((r) => r['Space name']))).toEqual(new Set(['Ops']));
  });

  test('a space you cannot read is reported in the Log, the others are exported', async () => {
    const s = await session((x) => [
      `Secret,Space,,,${x.spaceId('Secret')},,,,`,
      `Ops,Space,,,${x.spaceId('Ops')},,,,`,
    ]);
    s.run('exportMembers');
    expect(s.records('Members (export)')).toHaveLength(2);
    const log = s.records('Log')[0];
    expect(String(log.Errors)).toContain(`Secret (${s.spaceId('Secret')}): not found, or you are not a member`);
    // One of the values the Status column's note lists.
    expect(log.Status).toBe('Done with errors');
  });
});

describe('Export messages', () => {
  test('2,500 messages across pages: the first execution is killed mid-way and every message is written once', async () => {
    // A slow Chat (1.5 s per read) makes the export take over a minute, so the runner checkpoints on the way.
    const s = await SheetSession.open(
      directory(),
      (x) => ({ Spaces: `${SPACES_HEADER}\nBig,Space,,,${x.spaceId('Big')},,,,\n` }),
      { readMs: 1_500, jitter: 0 },
    );
    s.runtime.ui.queueAnswer({ button: 'OK', text: '7 days' });
    const first = s.runtime.execute('exportMessages', { killAt: { afterMs: 50_000 } });
    expect(first.error?.timeLimit).toBe(true);
    const later = s.untilIdle();
    expect(later.length).toBeGreaterThanOrEqual(1);
    const rows = s.records('Messages (export)');
    expect(rows).toHaveLength(BIG);
    expect(new Set(rows.map((r) => r['Message ID'])).size).toBe(BIG);
    expect(rows[0]).toMatchObject({ 'Space name': 'Big', Text: 'Update 1', Reactions: 0 });
    expect(rows[0]['Thread read']).toBeInstanceOf(Date);
    // A message that looks like a formula stays text.
    expect(rows[7].Text).toBe('=SUM(A1:A9)');
    const log = s.records('Log');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ Action: 'Export messages', Executions: 2 });
    const calls = s.runtime.totals().apiCalls;
    expect(calls['chat.spaces.messages.list']).toBeGreaterThanOrEqual(3);
    const sheetCalls = Object.entries(s.runtime.totals().serviceCalls)
      .filter(([k]) => /^(Sheet|Range|Spreadsheet)\./.test(k))
      .reduce((n, [, c]) => n + c, 0);
    // Rows go out in blocks: spreadsheet calls stay far below one per row.
    expect(sheetCalls).toBeLessThan(200);
  }, 120_000);

  test('a Chat slow enough to need a second execution: the time budget ends the first, the continuation finishes', async () => {
    const s = await SheetSession.open(
      directory(),
      (x) => ({ Spaces: `${SPACES_HEADER}\nBig,Space,,,${x.spaceId('Big')},,,,\n` }),
      { readMs: 8_000, jitter: 0 },
    );
    s.runtime.ui.queueAnswer({ button: 'OK', text: '' });
    const first = s.run('exportMessages');
    expect(first.error).toBeUndefined();
    expect(s.runtime.ui.toasts.map((t) => String(t.title))).toContain('Still working');
    // Starting another export meanwhile is refused before any question is asked.
    const prompts = s.runtime.ui.dialogs.filter((d) => d.kind === 'prompt').length;
    expect(s.run('exportMessages').error).toBeUndefined();
    expect(s.runtime.ui.dialogs.filter((d) => d.kind === 'prompt')).toHaveLength(prompts);
    expect(String(s.runtime.ui.dialogs[s.runtime.ui.dialogs.length - 1].prompt)).toContain(
      'The "Export messages" run started at',
    );
    s.untilIdle();
    const rows = s.records('Messages (export)');
    expect(rows).toHaveLength(BIG);
    expect(new Set(rows.map((r) => r['Message ID'])).size).toBe(BIG);
    expect(s.records('Log')[0]).toMatchObject({ Action: 'Export messages', Status: 'Done', Executions: 2, Failed: 0 });
    expect(s.runtime.triggers.ofUser('admin@example.com')).toEqual([]);
  }, 120_000);

  test('transient errors and 429 storms are retried: every message still written exactly once', async () => {
    const s = await session((x) => [`Big,Space,,,${x.spaceId('Big')},,,,`]);
    s.chat.setFaults('transient=0.05,storm=0.002,stormMs=5000');
    s.runtime.ui.queueAnswer({ button: 'OK', text: '' });
    s.run('exportMessages');
    s.untilIdle();
    const rows = s.records('Messages (export)');
    expect(rows).toHaveLength(BIG);
    expect(new Set(rows.map((r) => r['Message ID'])).size).toBe(BIG);
    expect(s.chat.stats().faultsInjected.transient).toBeGreaterThan(0);
  }, 120_000);

  test('the window leaves older messages out; a bad answer gets a sentence and is asked again; Cancel does nothing', async () => {
    const s = await session((x) => [`Design,Space,,,${x.spaceId('Design')},,,,`]);
    s.runtime.ui.queueAnswer({ button: 'OK', text: 'forever' }, { button: 'OK' }, { button: 'OK', text: '90 days' });
    s.run('exportMessages');
    const dialogs = s.runtime.ui.dialogs;
    expect(String(dialogs[1].prompt)).toContain('"forever" is not an option here. Examples: "7 days"');
    expect(s.records('Messages (export)').map((r) => r.Text)).toEqual(['Old news']);

    s.runtime.ui.queueAnswer({ button: 'OK', text: '' });
    s.run('exportMessages');
    expect(s.records('Messages (export)')).toHaveLength(0);

    s.runtime.ui.queueAnswer({ button: 'CANCEL' });
    const before = s.runtime.totals().apiCalls;
    s.run('exportMessages');
    expect(s.runtime.totals().apiCalls).toEqual(before);
  });

  test.each(['bound', 'editor-addon'] as const)(
    '"attachments" saves each attachment into a new Drive folder through the Drive API (drive.file), %s',
    async (mode) => {
      const s = await SheetSession.open(
        directory(),
        (x) => ({ Spaces: `${SPACES_HEADER}\nOps,Space,,,${x.spaceId('Ops')},,,,\n` }),
        undefined,
        mode,
      );
      s.postAttachment(
        s.spaceId('Ops'),
        'agenda.txt',
        new TextEncoder().encode('1. Budget\n2. Hiring\n'),
        'Agenda attached',
      );
      s.runtime.ui.queueAnswer({ button: 'OK', text: '1 day, attachments' });
      s.run('exportMessages');
      const [row] = s.records('Messages (export)');
      expect(row).toMatchObject({ Text: 'Agenda attached', Attachments: 'agenda.txt' });
      const folders = [...s.runtime.drive.folders.values()];
      expect(folders).toHaveLength(1);
      expect(folders[0].name).toMatch(/^Chat export 2026-01-05/);
      const files = [...s.runtime.drive.files.values()];
      expect(files.map((f) => [f.name, f.parentId, Buffer.from(f.bytes).toString('utf8')])).toEqual([
        ['agenda.txt', folders[0].id, '1. Budget\n2. Hiring\n'],
      ]);
      expect(row['Drive files']).toBe(`https://drive.google.com/file/d/${files[0].id}/view?usp=drivesdk`);
      expect(s.runtime.totals().apiCalls['chat.media.download']).toBe(1);
      expect(s.runtime.totals().apiCalls['drive.files.create']).toBe(2);
    },
  );
});

describe('Export events', () => {
  test('only the chosen kinds, inside the 28-day window', async () => {
    const s = await session((x) => [`Ops,Space,,,${x.spaceId('Ops')},,,,`]);
    s.rest('POST', `/v1/${s.spaceId('Ops')}/members`, { member: { name: 'users/bob@example.com', type: 'HUMAN' } });
    s.rest('POST', `/v1/${s.spaceId('Ops')}/messages`, { text: 'Welcome Bob' });
    s.runtime.ui.queueAnswer({ button: 'OK', text: 'members' });
    s.run('exportEvents');
    const rows = s.records('Events (export)');
    expect(rows.map((r) => r.Event)).toEqual(['membership created']);
    expect(String(rows[0].Resource)).toMatch(new RegExp(`^${s.spaceId('Ops')}/members/`));

    s.runtime.ui.queueAnswer({ button: 'OK', text: '' });
    s.run('exportEvents');
    expect(s.records('Events (export)').map((r) => r.Event)).toEqual(['membership created', 'message created']);
  });
});

describe('Export reactions (acknowledgements)', () => {
  test('who reacted with what to each message the Messages tab sent, in every space it went to', async () => {
    const s = await SheetSession.open(directory(), (x) => ({
      Spaces: `${SPACES_HEADER}\nDesign,Space,,,${x.spaceId('Design')},,,,\nOps,Space,,,${x.spaceId('Ops')},,,,\n`,
      Messages:
        'Space,Message,Message ID,Status\n*,Please read the policy,client-r-policy-1,Sent\nOps,Not sent yet,,\n' +
        'dm:ann@example.com,Your laptop is ready,client-r-laptop-1,Sent\ndm:bob@example.com,Never sent,client-r-none-1,Sent\n',
    }));
    for (const space of [s.spaceId('Design'), s.spaceId('Ops')]) {
      s.rest('POST', `/v1/${space}/messages?messageId=client-r-policy-1`, { text: 'Please read the policy' });
    }
    const ann = 'ann@example.com';
    s.rest(
      'POST',
      `/v1/${s.spaceId('Design')}/messages/client-r-policy-1/reactions`,
      { emoji: { unicode: '👍' } },
      ann,
    );
    s.rest('POST', `/v1/${s.spaceId('Ops')}/messages/client-r-policy-1/reactions`, { emoji: { unicode: '✅' } }, ann);
    s.rest('POST', `/v1/${s.spaceId('Ops')}/messages/client-r-policy-1/reactions`, { emoji: { unicode: '✅' } });
    const dm = s.rest('POST', '/v1/spaces:setup', {
      space: { spaceType: 'DIRECT_MESSAGE' },
      memberships: [{ member: { name: 'users/ann@example.com', type: 'HUMAN' } }],
    }).name as string;
    s.rest('POST', `/v1/${dm}/messages?messageId=client-r-laptop-1`, { text: 'Your laptop is ready' });
    s.rest('POST', `/v1/${dm}/messages/client-r-laptop-1/reactions`, { emoji: { unicode: '🙏' } }, ann);
    s.run('exportReactions');
    const rows = s.records('Reactions (export)');
    expect(rows.map((r) => [r['Space name'], r.Emoji, r['Messages row']]).sort()).toEqual([
      ['Design', '👍', 2],
      ['Direct message with ann@example.com', '🙏', 4],
      ['Ops', '✅', 2],
      ['Ops', '✅', 2],
    ]);
    const policy = rows.filter((r) => r['Messages row'] === 2);
    expect(policy.every((r) => String(r['Message ID']).endsWith('/messages/client-r-policy-1'))).toBe(true);
    expect(rows.find((r) => r['Messages row'] === 4)?.['Space ID']).toBe(dm);
    // A direct message never set up (no chat with bob) has nothing to report and is not an error.
    expect(s.records('Log')[0]).toMatchObject({ Action: 'Export reactions', Failed: 0 });
    expect(rows.every((r) => /^users\/\d+$/.test(String(r.User)))).toBe(true);
  });
});
