/**
 * The Members tab end to end: the built dist/Code.js in the offline Apps Script runtime (bound script, menu entry
 * points, continuation triggers fired on the virtual clock) against the Chat emulator. Adds, removals and role
 * changes with a group and an invited person; a preview that lists Exact-mode removals and writes nothing; the
 * runner and the last owner kept; bad rows with no API call; offboarding with `*` across many spaces, continued
 * over several executions; every re-run writing nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatEmulator, type DirectoryInput } from '../../emulator/chat';
import { VirtualClock } from '../../emulator/core/clock';
import { AppsScriptRuntime, type ExecutionResult, type Manifest } from '../../emulator/runtime';
import { loadWorkbook } from '../../emulator/workbook';

const DIST = path.join(__dirname, '..', '..', 'dist');
const WRITES = ['chat.spaces.members.create', 'chat.spaces.members.delete', 'chat.spaces.members.patch'];

type Row = Record<string, string>;

interface Run {
  executions: ExecutionResult[];
  /** Chat calls made, retries included, by method id. */
  calls: Record<string, number>;
  /** Membership write requests sent (any answer). */
  writes: number;
  /** Membership writes Chat carried out, by method id. */
  done: Record<string, number>;
}

function csv(rows: readonly Row[], headers: readonly string[]): string {
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [headers.join(','), ...rows.map((r) => headers.map((h) => q(r[h] ?? '')).join(','))].join('\n');
}

class Sheet {
  readonly clock = new VirtualClock();
  readonly chat: ChatEmulator;
  readonly runtime: AppsScriptRuntime;

  private constructor(directory: DirectoryInput) {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Manifest;
    this.chat = new ChatEmulator({ clock: this.clock, seed: 1, directory });
    this.runtime = new AppsScriptRuntime({
      scripts: code,
      manifest,
      mode: 'bound',
      clock: this.clock,
      seed: 1,
      apis: [this.chat.apiHost],
      advancedServices: [this.chat.advancedService],
      costs: { cpuFactor: 0 },
    });
  }

  /** A spreadsheet with these tabs; `tabs` may use `{{Space name}}` tokens, replaced by the seeded Space IDs. */
  static async open(directory: DirectoryInput, tabs: (ids: (name: string) => string) => Record<string, string>) {
    const sheet = new Sheet(directory);
    const ids = (name: string) => sheet.chat.findSpaceByDisplayName(name)?.name ?? '';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'members-'));
    for (const [tab, text] of Object.entries(tabs(ids))) fs.writeFileSync(path.join(dir, `${tab}.csv`), text);
    const ss = await loadWorkbook(dir, { name: 'Members test', timeZone: 'Etc/UTC' });
    sheet.runtime.addSpreadsheet(ss, { active: true });
    return sheet;
  }

  /** Runs a menu entry point and its continuations; returns the executions and the Chat calls they made. */
  run(entryPoint: string): Run {
    const logged = this.chat.requestLog.length;
    const first = this.runtime.execute(entryPoint);
    if (first.error) throw new Error(`${entryPoint}: ${first.error.message}\n${first.error.stack ?? ''}`);
    const executions = [first, ...this.runtime.runUntilIdle().executions];
    for (const e of executions) if (e.error) throw new Error(`${e.entryPoint}: ${e.error.message}`);
    const calls: Record<string, number> = {};
    for (const e of executions) for (const [k, v] of Object.entries(e.apiCalls)) calls[k] = (calls[k] ?? 0) + v;
    const requests = this.chat.requestLog.slice(logged).filter((e) => WRITES.includes(e.methodId ?? ''));
    const done: Record<string, number> = {};
    for (const e of requests) if (e.status === 200) done[e.methodId as string] = (done[e.methodId as string] ?? 0) + 1;
    return { executions, calls, writes: requests.length, done };
  }

  rows(tab: string): Row[] {
    const [header, ...data] = (this.runtime.readSheet(tab) ?? []).map((r) => r.map((v) => String(v)));
    return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  }

  members(space: string): { email?: string; role: string; state: string; type: string }[] {
    return this.chat.findSpaceByDisplayName(space)?.members ?? [];
  }

  lastAlert(): string {
    const alerts = this.runtime.ui.events.filter((e) => e.kind === 'alert');
    return String((alerts[alerts.length - 1] as unknown as { prompt?: string })?.prompt ?? '');
  }
}

const SPACES_HEADERS = ['Space name', 'Members', 'Groups', 'Managers', 'Owners', 'Member sync', 'Space ID'];
const MEMBERS_HEADERS = ['Space', 'Member', 'Role', 'Action'];
const ME = 'admin@example.com';

function userId(sheet: Sheet, email: string): string {
  return `users/${sheet.chat.directory.userByEmail(email)?.id}`;
}

describe('Members tab: add, remove, change role; Exact sync on the Spaces tab', () => {
  let sheet: Sheet;
  let preview: Run;
  let apply: Run;
  let again: Run;
  const after: Record<'preview' | 'apply' | 'again', { members: Row[]; spaces: Row[] }> = {} as never;

  beforeAll(async () => {
    sheet = await Sheet.open(
      {
        users: [{ email: 'pia@example.com', autoAccept: false }],
        groups: [{ email: 'eng-all@example.com', members: ['ana@example.com'] }],
        spaces: [
          {
            displayName: 'Alpha',
            members: [{ email: ME, role: 'ROLE_MANAGER' }, { email: 'ben@example.com' }, { email: 'carl@example.com' }],
          },
          {
            displayName: 'Beta',
            members: [
              { email: ME, role: 'ROLE_MANAGER' },
              { email: 'ana@example.com' },
              { email: 'zed@example.com' },
              { email: 'yan@example.com', role: 'ROLE_ASSISTANT_MANAGER' },
            ],
          },
        ],
      },
      (ids) => ({
        Spaces: csv(
          [
            { 'Space name': 'Alpha', Members: 'ben@example.com', 'Space ID': ids('Alpha') },
            {
              'Space name': 'Beta',
              Members: 'ana@example.com',
              Owners: 'ana@example.com',
              'Member sync': 'Exact',
              'Space ID': ids('Beta'),
            },
          ],
          SPACES_HEADERS,
        ),
        Members: csv(
          [
            { Space: 'Alpha', Member: 'pia@example.com', Role: 'Manager' },
            { Space: 'Alpha', Member: 'eng-all@example.com' },
            { Space: 'Alpha', Member: 'ben@example.com', Role: 'Manager' },
            { Space: 'Alpha', Member: 'carl@example.com', Action: 'Remove' },
            { Space: `https://chat.google.com/room/${ids('Beta').slice(7)}`, Member: 'dana@example.com' },
            { Space: 'Alpha', Member: 'nobody@example.com', Action: 'Remove' },
          ],
          MEMBERS_HEADERS,
        ),
      }),
    );
    const snap = () => ({ members: sheet.rows('Members'), spaces: sheet.rows('Spaces') });
    preview = sheet.run('previewMembers');
    after.preview = snap();
    apply = sheet.run('applyMembers');
    after.apply = snap();
    again = sheet.run('applyMembers');
    after.again = snap();
  }, 60_000);

  test('the preview shows every row’s plan and every Exact removal before it happens, and writes nothing', () => {
    expect(preview.writes).toBe(0);
    const plans = after.preview.members.map((r) => [r.Member, r.Status, r.Details]);
    expect(plans).toEqual([
      ['pia@example.com', 'Planned', 'Will add to Alpha as Manager.'],
      ['eng-all@example.com', 'Planned', 'Will add to Alpha (group).'],
      ['ben@example.com', 'Planned', 'Will make Manager of Alpha (now Member).'],
      ['carl@example.com', 'Planned', 'Will remove from Alpha.'],
      ['dana@example.com', 'Planned', 'Will add to Beta as Member.'],
      ['nobody@example.com', 'Up to date', 'Not a member of Alpha; nothing to do.'],
    ]);
    const yan = userId(sheet, 'yan@example.com');
    const zed = userId(sheet, 'zed@example.com');
    const beta = after.preview.spaces.find((r) => r['Space name'] === 'Beta');
    expect(beta?.Status).toBe('Planned');
    expect(beta?.Details).toBe(
      `Member sync Exact in Beta: will remove 2 not on the sheet (${yan}, ${zed}); will change the role of ana@example.com.`,
    );
    const alert = sheet.runtime.ui.events.filter((e) => e.kind === 'alert')[0] as unknown as { prompt: string };
    expect(alert.prompt).toContain('5 with a plan, 0 with problems');
    expect(alert.prompt).toContain('Member sync Exact would remove 2 members not on the sheet');
    expect(alert.prompt).toContain(`• Beta: ${yan}, ${zed}`);
    expect(alert.prompt).toContain('Nothing was changed in Chat.');
    // Alpha is Add only: nothing of it goes on the Spaces tab.
    expect(after.preview.spaces.find((r) => r['Space name'] === 'Alpha')?.Status).toBe('');
  });

  test('apply: invited vs joined, the group added by its ID, the role changed, the removal done', () => {
    const byMember = new Map(after.apply.members.map((r) => [r.Member, r]));
    expect(byMember.get('pia@example.com')).toMatchObject({
      Status: 'Invited',
      Details: 'Invited to Alpha as Manager; they must accept the invitation to join.',
    });
    expect(byMember.get('eng-all@example.com')).toMatchObject({
      Status: 'Added',
      Details: 'Added to Alpha (group); joined.',
    });
    expect(byMember.get('ben@example.com')).toMatchObject({
      Status: 'Updated',
      Details: 'Made Manager of Alpha (was Member).',
    });
    expect(byMember.get('carl@example.com')).toMatchObject({ Status: 'Removed', Details: 'Removed from Alpha.' });
    expect(byMember.get('dana@example.com')).toMatchObject({
      Status: 'Added',
      Details: 'Added to Beta as Member; joined.',
    });
    const alpha = sheet.members('Alpha');
    expect(alpha.find((m) => m.email === 'pia@example.com')).toMatchObject({
      state: 'INVITED',
      role: 'ROLE_ASSISTANT_MANAGER',
    });
    expect(alpha.filter((m) => m.type === 'GROUP')).toHaveLength(1);
    expect(alpha.some((m) => m.email === 'carl@example.com')).toBe(false);
    const lookups = sheet.chat.requestLog.filter((e) => e.methodId === 'cloudidentity.groups.lookup');
    expect(
      lookups.some((e) => e.path.includes('eng-all%40example.com') || e.path.includes('eng-all@example.com')),
    ).toBe(true);
  });

  test('Exact sync removes who the sheet does not list, never the runner, and says so on the Spaces row', () => {
    expect(
      sheet
        .members('Beta')
        .map((m) => m.email)
        .sort(),
    ).toEqual([ME, 'ana@example.com', 'dana@example.com']);
    expect(sheet.members('Beta').find((m) => m.email === 'ana@example.com')?.role).toBe('ROLE_MANAGER');
    expect(apply.done['chat.spaces.members.delete']).toBe(3); // carl in Alpha; yan and zed in Beta
    const beta = after.apply.spaces.find((r) => r['Space name'] === 'Beta');
    expect(beta?.Status).toBe('Updated');
    expect(beta?.Details).toBe(
      `Member sync Exact in Beta: removed 2 not on the sheet (${userId(sheet, 'yan@example.com')}, ${userId(sheet, 'zed@example.com')}); changed the role of ana@example.com.`,
    );
  });

  test('a re-run makes no Chat write and every row reads Up to date', () => {
    expect(again.writes).toBe(0);
    expect(after.again.members.map((r) => r.Status)).toEqual(Array(6).fill('Up to date'));
    expect(after.again.members[0].Details).toBe('Already invited to Alpha as Manager; they have not accepted yet.');
    expect(after.again.spaces.find((r) => r['Space name'] === 'Beta')).toMatchObject({
      Status: 'Up to date',
      Details: 'Member sync Exact: the members of Beta match the sheet.',
    });
    const log = sheet.rows('Log');
    expect(log.map((l) => l.Action)).toEqual([
      'Preview member changes',
      'Apply member changes',
      'Apply member changes',
    ]);
  });
});

describe('protections', () => {
  test('the runner and the last owner are never removed, with a sentence; bad rows make no API call', async () => {
    const sheet = await Sheet.open(
      {
        spaces: [
          {
            displayName: 'Gamma',
            members: [
              { email: ME, role: 'ROLE_ASSISTANT_MANAGER' },
              { email: 'boss@example.com', role: 'ROLE_MANAGER' },
              { email: 'eve@example.com' },
            ],
          },
          {
            displayName: 'Epsilon',
            members: [
              { email: ME, role: 'ROLE_ASSISTANT_MANAGER' },
              { email: 'chief@example.com', role: 'ROLE_MANAGER' },
              { email: 'eve@example.com' },
            ],
          },
        ],
      },
      (ids) => ({
        Spaces: csv(
          [
            { 'Space name': 'Gamma', Members: 'eve@example.com', 'Member sync': 'Exact', 'Space ID': ids('Gamma') },
            { 'Space name': 'Epsilon', Members: 'eve@example.com', 'Member sync': 'Exact', 'Space ID': ids('Epsilon') },
          ],
          SPACES_HEADERS,
        ),
        Members: csv(
          [
            { Space: 'Gamma', Member: 'boss@example.com', Action: 'Remove' },
            { Space: 'Gamma', Member: ME, Action: 'Remove' },
          ],
          MEMBERS_HEADERS,
        ),
      }),
    );
    const run = sheet.run('applyMembers');
    expect(run.writes).toBe(0);
    const [boss, me] = sheet.rows('Members');
    expect(boss).toMatchObject({
      Status: 'Skipped',
      Details:
        "Not removed: boss@example.com is the space's last owner and Chat requires one; make someone else Owner first (Role Owner), then run again.",
    });
    expect(me.Status).toBe('Failed');
    expect(me.Details).toMatch(/^Member is you \(admin@example.com\); the add-on acts as you/);
    expect(
      sheet
        .members('Gamma')
        .map((m) => m.email)
        .sort(),
    ).toEqual([ME, 'boss@example.com', 'eve@example.com']);
    // In Epsilon only Exact sync would remove the owner (not listed anywhere): kept, and the Spaces row says why.
    expect(
      sheet
        .members('Epsilon')
        .map((m) => m.email)
        .sort(),
    ).toEqual([ME, 'chief@example.com', 'eve@example.com']);
    expect(sheet.rows('Spaces')[1]).toMatchObject({
      Status: 'Up to date',
      Details: `Member sync Exact in Epsilon: Not removed: ${userId(sheet, 'chief@example.com')} is the space's last owner and Chat requires one; make someone else Owner first (Role Owner), then run again.`,
    });
  }, 30_000);

  test('a tab of bad rows is rejected cell by cell before any API call', async () => {
    const sheet = await Sheet.open(
      { spaces: [{ displayName: 'Delta', members: [{ email: ME, role: 'ROLE_MANAGER' }] }] },
      (ids) => ({
        Spaces: csv([{ 'Space name': 'Delta', 'Space ID': ids('Delta') }], SPACES_HEADERS),
        Members: csv(
          [
            { Space: 'Deltta', Member: 'ana@example.com' },
            { Space: '*', Member: 'ana@example.com', Action: 'Add' },
            { Space: 'Delta', Member: 'ana@example', Role: 'Boss' },
            { Space: 'Delta', Member: 'ben@example.com', Action: 'Kick' },
          ],
          MEMBERS_HEADERS,
        ),
      }),
    );
    const run = sheet.run('applyMembers');
    expect(run.calls).toEqual({});
    const details = sheet.rows('Members').map((r) => [r.Status, r.Details]);
    expect(details[0]).toEqual([
      'Failed',
      'Space "Deltta" is not a Space name on the Spaces tab; fix the name, or use the space\'s ID or link. Did you mean "Delta"?',
    ]);
    expect(details[1][1]).toMatch(/^Space \* \(every space on the Spaces tab\) works only with Action Remove/);
    expect(details[2][1]).toContain('Role is "Boss"; write Member, Manager or Owner');
    expect(details[3][1]).toContain('Action is "Kick"; write Add or Remove');
  }, 30_000);
});

describe('offboarding with Space = * across many spaces', () => {
  const SPACES = 20;
  const PEOPLE = 150;
  const person = (i: number) => `p${String(i).padStart(3, '0')}@example.com`;
  /** Person i is in 10 of the 20 spaces. */
  const inSpace = (i: number, s: number) => (i + s) % 2 === 0 || (i * 7 + s) % 20 === 3;

  test('one row per person removes them everywhere, lists each space’s members once, continues across executions, and a re-run writes nothing', async () => {
    const spaces = Array.from({ length: SPACES }, (_, s) => ({
      displayName: `Team ${s}`,
      members: [
        { email: ME, role: 'ROLE_MANAGER' as const },
        { email: 'stays@example.com' },
        ...Array.from({ length: PEOPLE }, (_, i) => i)
          .filter((i) => inSpace(i, s))
          .map((i) => ({ email: person(i) })),
      ],
    }));
    const expected = Array.from({ length: PEOPLE }, (_, i) => spaces.filter((_, s) => inSpace(i, s)).length);
    const sheet = await Sheet.open({ spaces }, (ids) => ({
      Spaces: csv(
        spaces.map((s) => ({ 'Space name': s.displayName, 'Space ID': ids(s.displayName) })),
        SPACES_HEADERS,
      ),
      Members: csv(
        [
          ...Array.from({ length: PEOPLE }, (_, i) => ({ Space: '*', Member: person(i), Action: 'Remove' })),
          { Space: '*', Member: 'never.here@example.com', Action: 'Remove' },
        ],
        MEMBERS_HEADERS,
      ),
    }));
    const deletes = expected.reduce((a, b) => a + b, 0);
    const run = sheet.run('applyMembers');
    expect(run.done['chat.spaces.members.delete']).toBe(deletes);
    expect(run.executions.length).toBeGreaterThan(1);
    // Each space listed once per execution that works on it, never once per person.
    expect(run.calls['chat.spaces.members.list']).toBeLessThanOrEqual(SPACES * 2);
    expect(run.calls['chat.spaces.members.get'] ?? 0).toBeLessThan(PEOPLE * 4);
    const rows = sheet.rows('Members');
    expect(rows[0]).toMatchObject({
      Status: 'Removed',
      Details: `Removed from ${expected[0]} spaces; not a member of ${SPACES - expected[0]} spaces.`,
    });
    expect(rows.slice(0, PEOPLE).every((r) => r.Status === 'Removed')).toBe(true);
    expect(rows[PEOPLE]).toMatchObject({ Status: 'Up to date', Details: `Not a member of ${SPACES} spaces.` });
    for (let s = 0; s < SPACES; s++)
      expect(
        sheet
          .members(`Team ${s}`)
          .map((m) => m.email)
          .sort(),
      ).toEqual([ME, 'stays@example.com']);

    const rerun = sheet.run('applyMembers');
    expect(rerun.writes).toBe(0);
    expect(rerun.executions.length).toBe(1);
    expect(sheet.rows('Members')[0].Details).toBe(`Not a member of ${SPACES} spaces.`);
  }, 120_000);
});
