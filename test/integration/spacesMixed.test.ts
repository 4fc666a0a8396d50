/**
 * The 200-row mixed Spaces sheet on the built bundle in the emulator: every column and every mistake (see
 * scale/mixedSheet.ts). Checks the Status and Details of every row, the resulting Chat state (spaces, members and
 * their roles and states, groups, welcome messages), that rows with mistakes never reach Chat, that a space of 120
 * people gets all 120 (49 through spaces.setup, the rest through members.create), that a taken name links or fails
 * with the documented sentence, and that applying again writes nothing to Chat while every row still tells the
 * truth. Then the row with the person Chat refused is edited, and only then is that person tried again.
 */
import type { SpaceSnapshot } from '../../emulator/chat';
import { SheetSession, writeCalls, type ApplyRun } from './scale/harness';
import { CHAT_OFF, GROUPS, mixedSheet, RUNNER, TAKEN_MINE, TAKEN_OTHERS, takenByOthers } from './scale/mixedSheet';

const sheet = mixedSheet();
const FINAL_OK = new Set(['Created', 'Linked existing']);

let session: SheetSession;
let first: ApplyRun;
let second: ApplyRun;
let tabAfterFirst: Record<string, string>[];

beforeAll(async () => {
  session = await SheetSession.open({ mode: 'bound', rows: sheet.rows, directory: sheet.directory, seed: 4 });
  first = session.apply();
  tabAfterFirst = session.spacesTab();
  second = session.apply();
}, 60_000);

/** The snapshot entry of the space a row names (by its Space ID). */
function spaceOf(row: Record<string, string>): SpaceSnapshot | undefined {
  return session.snapshot().find((s) => s.name === row['Space ID']);
}

test('the sheet mixes every kind of row', () => {
  const statuses = sheet.expected.map((e) => e?.status ?? 'blank');
  expect(sheet.rows.length).toBe(200);
  expect(statuses.filter((s) => s === 'blank').length).toBeGreaterThanOrEqual(3);
  expect(sheet.expected.filter((e) => e?.invalid).length).toBeGreaterThanOrEqual(20);
  const types = sheet.expected.map((e) => e?.space?.type);
  expect(types.filter((t) => t === 'GROUP_CHAT').length).toBeGreaterThanOrEqual(5);
  expect(types.filter((t) => t === 'DIRECT_MESSAGE').length).toBeGreaterThanOrEqual(5);
  expect(sheet.expected.filter((e) => e?.space?.externalUserAllowed).length).toBeGreaterThanOrEqual(3);
});

test('every row gets exactly the expected Status and Details; blank rows stay blank', () => {
  const wrong: string[] = [];
  tabAfterFirst.forEach((row, i) => {
    const e = sheet.expected[i];
    const where = `row ${i + 2} (${row['Space name'] || row.Type || 'blank'})`;
    if (!e) {
      if (Object.values(row).some((v) => v !== '')) wrong.push(`${where}: blank row was written to`);
      return;
    }
    if (row.Status !== e.status) wrong.push(`${where}: ${row.Status} instead of ${e.status}: ${row.Details}`);
    if (typeof e.details === 'string' && row.Details !== e.details) wrong.push(`${where}: Details ${row.Details}`);
    if (e.details instanceof RegExp && !e.details.test(row.Details)) wrong.push(`${where}: Details ${row.Details}`);
  });
  expect(wrong).toEqual([]);
});

test('every row that reached Chat left exactly its space: members, roles, states, groups, settings, welcome once', () => {
  const wrong: string[] = [];
  tabAfterFirst.forEach((row, i) => {
    const want = sheet.expected[i]?.space;
    if (!want) return;
    const where = `row ${i + 2} (${row['Space name'] || row.Type})`;
    const space = spaceOf(row);
    if (!space) {
      wrong.push(`${where}: no space ${row['Space ID']}`);
      return;
    }
    if (space.spaceType !== want.type) wrong.push(`${where}: type ${space.spaceType}`);
    if (want.displayName !== undefined && space.displayName !== want.displayName)
      wrong.push(`${where}: name ${space.displayName}`);
    const humans = Object.fromEntries(
      space.members.filter((m) => m.type === 'HUMAN').map((m) => [m.email, { role: m.role, state: m.state }]),
    );
    const humanCount = space.members.filter((m) => m.type === 'HUMAN').length;
    if (humanCount !== Object.keys(humans).length) wrong.push(`${where}: a person is a member twice`);
    expect({ where, humans }).toEqual({ where, humans: want.members });
    const groups = space.members.filter((m) => m.type === 'GROUP').map((m) => m.memberName);
    const wantGroups = want.groups.map((g) => `groups/${Object.values(GROUPS).find((x) => x.email === g)?.id}`);
    if (groups.join() !== wantGroups.join()) wrong.push(`${where}: groups ${groups.join()}`);
    const details = space.space.spaceDetails as { description?: string; guidelines?: string } | undefined;
    if (want.description !== undefined && details?.description !== want.description)
      wrong.push(`${where}: description ${details?.description}`);
    if (want.guidelines !== undefined && details?.guidelines !== want.guidelines)
      wrong.push(`${where}: guidelines ${details?.guidelines}`);
    if (want.history && space.space.spaceHistoryState !== want.history)
      wrong.push(`${where}: history ${String(space.space.spaceHistoryState)}`);
    if (want.externalUserAllowed !== undefined && !!space.space.externalUserAllowed !== want.externalUserAllowed)
      wrong.push(`${where}: externalUserAllowed ${String(space.space.externalUserAllowed)}`);
    const access = space.space.accessSettings as { accessState?: string } | undefined;
    if (want.discoverable !== undefined && (access?.accessState === 'DISCOVERABLE') !== want.discoverable)
      wrong.push(`${where}: access ${access?.accessState}`);
    const texts = space.messages.map((m) => m.text);
    const wantTexts = want.welcome === undefined ? [] : [want.welcome];
    if (JSON.stringify(texts) !== JSON.stringify(wantTexts)) wrong.push(`${where}: messages ${JSON.stringify(texts)}`);
  });
  expect(wrong).toEqual([]);
  // Exactly the spaces the rows asked for, plus the two that existed before.
  const reached = tabAfterFirst.filter((r) => FINAL_OK.has(r.Status)).length;
  expect(session.snapshot().length).toBe(reached - 1 /* Marketing was linked */ + 2);
});

test('rows with mistakes never reach Chat: one setup per row to create, no other space made', () => {
  const creates = sheet.expected.filter((e) => e?.status === 'Created').length;
  // Every created row: one setup. The two taken names: one setup each that Chat refused.
  expect(first.apiCalls['chat.spaces.setup']).toBe(creates + 2);
  const count = new Map<string, number>();
  for (const s of session.snapshot()) {
    const key = (s.displayName ?? '').toLowerCase();
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  // Group chats and direct messages have no name: for those rows the setup count above is the check.
  const spacesNamed = (i: number) => {
    const name = (sheet.rows[i]['Space name'] ?? '').trim().toLowerCase();
    return name ? (count.get(name) ?? 0) : 0;
  };
  const invalid = sheet.expected.flatMap((e, i) => (e?.invalid ? [i] : []));
  // A row with a mistake made no space; a duplicate name exists once (the earlier row's).
  const named = (i: number) => !!sheet.rows[i]['Space name']?.trim();
  expect(invalid.filter((i) => spacesNamed(i) !== (sheet.expected[i]?.duplicate && named(i) ? 1 : 0))).toEqual([]);
  // The duplicate direct message did not reach Chat either: one direct message with that person.
  const dms = session.snapshot().filter((s) => s.spaceType === 'DIRECT_MESSAGE');
  expect(dms.filter((s) => s.members.some((m) => m.email === 'dm1@example.com')).length).toBe(1);
  expect(tabAfterFirst.filter((_, i) => sheet.expected[i]?.invalid && tabAfterFirst[i]['Space ID'])).toEqual([]);
});

test('a sheet of nothing but mistakes makes no API call at all', async () => {
  // Duplicate names are mistakes only next to the row they repeat, so they stay out.
  const invalidOnly = sheet.rows.filter((_, i) => sheet.expected[i]?.invalid && !sheet.expected[i]?.duplicate);
  const s = await SheetSession.open({ mode: 'bound', rows: invalidOnly, directory: sheet.directory });
  const run = s.apply();
  expect(s.chat.requestLog.length).toBe(0);
  expect(run.apiCalls).toEqual({});
  expect(s.spacesTab().map((r) => r.Status)).toEqual(invalidOnly.map(() => 'Failed'));
});

test('a space of 120 people gets all 120: 49 through spaces.setup, the rest through members.create', () => {
  const row = tabAfterFirst.find((r) => r['Space name'] === 'All hands 120');
  const space = row && spaceOf(row);
  const joined = space?.members.filter((m) => m.type === 'HUMAN' && m.state === 'JOINED' && m.email !== RUNNER);
  expect(joined?.length).toBe(120);
  const creates = session.chat.requestLog.filter(
    (e) => e.methodId === 'chat.spaces.members.create' && e.path.startsWith(`/v1/${space?.name}/`),
  );
  // 121 people and 1 group; 49 internal people went with setup: 71 people, the external guest and the group after.
  expect(creates.length).toBe(71 + 1 + 1);
});

test('groups by email are resolved to groups/{id} (then cached); external people are invited into spaces that allow them', () => {
  // Rows worked on at the same time may each look a group up once; the next run finds them in the cache.
  expect(first.apiCalls['cloudidentity.groups.lookup']).toBeGreaterThanOrEqual(Object.keys(GROUPS).length);
  expect(first.apiCalls['cloudidentity.groups.lookup']).toBeLessThanOrEqual(2 * Object.keys(GROUPS).length);
  expect(second.apiCalls['cloudidentity.groups.lookup'] ?? 0).toBe(0);
  const externalRows = tabAfterFirst.filter((_, i) => sheet.expected[i]?.space?.externalUserAllowed);
  for (const row of externalRows) {
    const guests = spaceOf(row)?.members.filter((m) => m.email?.endsWith('@partner.org')) ?? [];
    expect(guests.map((g) => g.state)).toEqual(guests.map(() => 'INVITED'));
    expect(guests.length).toBeGreaterThan(0);
  }
});

test('a taken name links the runner’s own space and fails with the documented sentence otherwise', () => {
  const mine = tabAfterFirst.find((r) => r['Space name'] === TAKEN_MINE);
  expect(mine?.Status).toBe('Linked existing');
  expect(session.snapshot().filter((s) => s.displayName === TAKEN_MINE).length).toBe(1);
  const others = tabAfterFirst.find((r) => r['Space name'] === TAKEN_OTHERS);
  expect(others).toMatchObject({ Status: 'Failed', Details: takenByOthers(TAKEN_OTHERS), 'Space ID': '' });
});

test('formula-like text stays text: names and descriptions reach Chat as typed, the sheet keeps them as text', () => {
  const names = session.snapshot().map((s) => s.displayName);
  expect(names).toContain('=HYPERLINK("https://example.com","Docs")');
  expect(names).toContain('+1');
  const cells = session.runtime.activeSpreadsheet?.sheetByName('Spaces');
  const texts: string[] = [];
  for (let r = 2; r <= (cells?.lastRow() ?? 0); r++) {
    const c = cells?.cell(r, 1);
    if (c && (String(c.v).startsWith('=') || String(c.v).startsWith('+'))) {
      expect(c.f).toBeUndefined();
      texts.push(String(c.v));
    }
  }
  expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("https://example.com","Docs")', '+1']));
});

test('a copied Row ID gets a new one; every non-blank row has its own Row ID', () => {
  const ids = tabAfterFirst.filter((r) => r['Row ID']).map((r) => r['Row ID']);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(sheet.expected.filter(Boolean).length);
  const copies = tabAfterFirst.filter((r) => r['Space name'].startsWith('Copied '));
  expect(copies.map((r) => r.Status)).toEqual(['Created', 'Created']);
  expect(copies[0]['Row ID']).toBe('r-copied0001');
  expect(copies[1]['Row ID']).not.toBe('r-copied0001');
});

test('applying again makes zero Chat writes; every row that reached Chat reads Up to date, the others fail the same way', () => {
  expect(writeCalls(second.apiCalls)).toBe(0);
  const now = session.spacesTab();
  const wrong: string[] = [];
  now.forEach((row, i) => {
    const before = tabAfterFirst[i];
    const where = `row ${i + 2} (${row['Space name'] || row.Type || 'blank'})`;
    if (FINAL_OK.has(before.Status) && row.Status !== 'Up to date')
      wrong.push(`${where}: ${row.Status} ${row.Details}`);
    if (before.Status === 'Failed' && (row.Status !== 'Failed' || row.Details !== before.Details))
      wrong.push(`${where}: ${row.Status} ${row.Details}`);
    if (before.Status === '' && row.Status !== '') wrong.push(`${where}: blank row written`);
  });
  expect(wrong).toEqual([]);
  // The refused person is still reported, with the reason, and why they were not tried again.
  const chatOff = now.find((r) => r['Space name'] === 'Chat off');
  expect(chatOff?.Details).toContain(
    `not added: ${CHAT_OFF} (Chat could not add ${CHAT_OFF}: this person does not have`,
  );
  expect(chatOff?.Details).toContain(`${CHAT_OFF} not tried again`);
  const log = session.tab('Log');
  expect(log.map((l) => l['Up to date'])).toEqual([
    '0',
    String(tabAfterFirst.filter((r) => FINAL_OK.has(r.Status)).length),
  ]);
});

test('a preview after that plans no add for the refused person and says why', () => {
  const preview = session.apply({ entryPoint: 'previewSpaces' });
  expect(writeCalls(preview.apiCalls)).toBe(0);
  const row = session.spacesTab().find((r) => r['Space name'] === 'Chat off');
  expect(row?.Status).toBe('Planned');
  expect(row?.Details).toContain(`${CHAT_OFF} not tried again`);
  expect(row?.Details).not.toMatch(/add \d+ (member|people|person)/i);
});

test('after the row with the refused person is edited, that person is tried again (and nobody else)', () => {
  const sheetModel = session.runtime.activeSpreadsheet?.sheetByName('Spaces');
  const rowIndex = session.spacesTab().findIndex((r) => r['Space name'] === 'Chat off') + 2;
  const membersCol = 5;
  sheetModel?.ensure(rowIndex, membersCol);
  const cell = sheetModel?.cell(rowIndex, membersCol);
  if (cell) cell.v = `q3@example.com, ${CHAT_OFF}, q7@example.com`;
  const third = session.apply();
  expect(third.apiCalls['chat.spaces.members.create']).toBe(2);
  const row = session.spacesTab().find((r) => r['Space name'] === 'Chat off');
  expect(row?.Status).toBe('Updated');
  expect(row?.Details).toContain(`not added: ${CHAT_OFF}`);
});
