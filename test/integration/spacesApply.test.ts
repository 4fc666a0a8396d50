/**
 * The Spaces tab end to end: the built dist/Code.js runs in the offline Apps Script runtime against the Chat
 * emulator, on the example workbook (with its directory: a group, a user with auto-accept off, one with Chat off,
 * an existing space named like a row). Set up sheets, apply, apply again.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLocal } from '../../emulator/cli/localLib';

const ROOT = path.resolve(__dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist/Code.js');
const DIRECTORY = path.join(ROOT, 'examples/directory.json');

function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || row.length) endRow();
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const writes = (calls: Record<string, number>) =>
  ['chat.spaces.setup', 'chat.spaces.patch', 'chat.spaces.members.patch', 'chat.spaces.messages.create'].reduce(
    (n, m) => n + (calls[m] ?? 0),
    0,
  );

describe('Spaces tab on the example workbook', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-'));
  const step = (name: string) => path.join(out, name);

  beforeAll(async () => {
    if (!fs.existsSync(BUNDLE)) throw new Error('Run `npm run build` first (npm test does).');
    const common = { script: BUNDLE, directory: DIRECTORY, mode: 'bound' as const, untilIdle: true };
    await runLocal({
      ...common,
      entryPoint: 'setUpSheets',
      workbook: path.join(ROOT, 'examples/workbook'),
      out: step('0'),
    });
    await runLocal({
      ...common,
      entryPoint: 'applySpaces',
      workbook: step('0/workbook'),
      state: step('0/chat-state.json'),
      out: step('1'),
    });
    await runLocal({
      ...common,
      entryPoint: 'applySpaces',
      workbook: step('1/workbook'),
      state: step('1/chat-state.json'),
      out: step('2'),
    });
  }, 120_000);

  test('every valid row gets its space; every invalid row fails with a sentence naming the column, before any API call', () => {
    const rows = readCsv(step('1/workbook/Spaces.csv'));
    const byName = new Map(rows.map((r) => [r['Space name'], r]));
    expect(byName.get('Design')).toMatchObject({ Status: 'Created' });
    expect(byName.get('Design')?.['Space ID']).toMatch(/^spaces\/\w+/);
    expect(byName.get('Marketing')).toMatchObject({ Status: 'Linked existing' });
    expect(byName.get('Support Escalations')?.Details).toContain('1 invited (pia@example.com)');
    expect(byName.get('Finance Close')?.Details).toContain('not added: fin2@example.com');
    expect(byName.get('Wrong type')).toMatchObject({ Status: 'Failed' });
    expect(byName.get('Wrong type')?.Details).toBe(
      'Type is "Channel"; write Space, Group chat or Direct message (blank means Space).',
    );
    expect(byName.get('Broken emails')?.Details).toContain('"ana@example" has no dot after the @');
    expect(byName.get('Onboarding Q1')?.Details).toContain('there is no "Buddy" column');
    expect(rows.filter((r) => r.Status === 'Failed').every((r) => r['Space ID'] === '')).toBe(true);
    expect(rows.every((r) => /^r-[0-9a-z]{10}$/.test(r['Row ID']))).toBe(true);
  });

  test('the Chat state holds each space once, with its members and the welcome message once', () => {
    const state = JSON.parse(fs.readFileSync(step('1/chat-state.json'), 'utf8')) as {
      spaces: { displayName?: string; members: { email?: string; role: string }[]; messages: { text: string }[] }[];
    };
    const names = state.spaces.map((s) => s.displayName).filter(Boolean);
    expect(new Set(names).size).toBe(names.length);
    const design = state.spaces.find((s) => s.displayName === 'Design');
    expect(design?.messages.map((m) => m.text)).toEqual(['Hello designers!']);
    expect(design?.members.find((m) => m.email === 'eve@example.com')?.role).toBe('ROLE_ASSISTANT_MANAGER');
  });

  test('applying twice: the second run changes nothing and every applied row reads Up to date', () => {
    const report = JSON.parse(fs.readFileSync(step('2/report.json'), 'utf8')) as { apiCalls: Record<string, number> };
    expect(writes(report.apiCalls)).toBe(0);
    const rows = readCsv(step('2/workbook/Spaces.csv'));
    expect(rows.filter((r) => r['Space ID']).every((r) => r.Status === 'Up to date')).toBe(true);
    const log = readCsv(step('2/workbook/Log.csv'));
    expect(log.length).toBe(2);
    expect(log[0]).toMatchObject({ Action: 'Apply spaces', Created: '16', Linked: '1', Failed: '7', Executions: '1' });
    expect(log[1]).toMatchObject({ Action: 'Apply spaces', Created: '0', 'Up to date': '17' });
  });
});

test('as an Editor add-on (one time-driven trigger per document) the run completes and leaves no trigger behind', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-editor-'));
  const common = { script: BUNDLE, directory: DIRECTORY, mode: 'editor-addon' as const, untilIdle: true };
  await runLocal({
    ...common,
    entryPoint: 'setUpSheets',
    workbook: path.join(ROOT, 'examples/workbook'),
    out: path.join(out, '0'),
  });
  const run = await runLocal({
    ...common,
    entryPoint: 'applySpaces',
    workbook: path.join(out, '0/workbook'),
    out: path.join(out, '1'),
  });
  expect(run.report.errors).toEqual([]);
  expect(run.runtime.triggers.ofUser('admin@example.com')).toEqual([]);
  const rows = readCsv(path.join(out, '1/workbook/Spaces.csv'));
  expect(rows.filter((r) => r.Status === 'Created').length).toBe(16);
}, 60_000);
