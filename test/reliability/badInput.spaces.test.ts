/**
 * The Spaces tab's bad-input corpus through the built bundle: every row of the corpus (corpus/spacesCorpus.ts) is
 * put on one Spaces tab, "Apply to all rows" runs in the emulator, and each row must end Failed with a Details
 * sentence that names its column and says what is wrong, while Chat receives no request at all. Alongside: input
 * that looks odd but is fine (mixed-case and padded emails, emoji and right-to-left names, blank rows, a copied
 * row) must be accepted and normalised, and header variations (case, spacing, a trailing colon or asterisk,
 * aliases, full-width letters) must be recognised, while a header Sheets cannot match stops the run before any call.
 */
import { addOnProject, buildWorld, readRows, type Tabs } from '../../bench/world';
import { BAD_SPACES_ROWS, SPACES_HEADER } from './corpus/spacesCorpus';

function apply(tabs: Tabs, keepBlank = false) {
  const world = buildWorld({ project: addOnProject(), tabs, directory: {} });
  const result = world.runtime.run('applySpaces');
  world.runtime.runUntilIdle({ maxExecutions: 10 });
  return { world, result, rows: readRows(world, 'Spaces', keepBlank), requests: world.chat.requestLog };
}

describe('Spaces tab bad-input corpus', () => {
  const grid = BAD_SPACES_ROWS.map((r) => SPACES_HEADER.map((h) => r.cells[h] ?? ''));
  const run = apply({ Spaces: [SPACES_HEADER, ...grid] });

  test(`the corpus has at least 40 cases`, () => {
    expect(BAD_SPACES_ROWS.length).toBeGreaterThanOrEqual(40);
  });

  test('no row reaches Chat', () => {
    expect(run.result.error).toBeUndefined();
    expect(run.requests.map((r) => `${r.methodId} ${r.path}`)).toEqual([]);
  });

  test.each(BAD_SPACES_ROWS.map((r, i) => [r.case, i, r] as const))('%s', (_case, i, bad) => {
    const row = run.rows[i];
    expect(row.Status).toBe('Failed');
    expect(row['Space ID']).toBe(bad.cells['Space ID'] ?? '');
    expect(row.Details).toContain(bad.column);
    expect(row.Details).toMatch(bad.says);
  });
});

describe('odd but valid input is accepted and normalised', () => {
  const header = ['Space name', 'Type', 'Members', 'Managers', 'Row ID', 'Space ID'];
  const run = apply(
    {
      Spaces: [
        header,
        ['  Padded name  ', '', '  Ana.Lopez@Example.COM ;BOB@example.com', ' Lead@Example.com ', '', ''],
        ['', '', '', '', '', ''],
        ['🚀 Launch crew', 'SPACE', 'eve@example.com', '', '', ''],
        ['فريق المبيعات', ' space ', 'omar@example.com', '', 'r-abcdefghij', ''],
        ['Copy of the sales row', 'Space', 'zoe@example.com', '', 'r-abcdefghij', 'spaces/copied12345'],
      ],
    },
    true,
  );
  const byName = (name: string) => run.world.chat.snapshot().find((s) => s.displayName === name);

  test('every row is created, with trimmed names and lower-cased addresses', () => {
    expect(run.rows.map((r) => r.Status)).toEqual(['Created', '', 'Created', 'Created', 'Created']);
    const padded = byName('Padded name');
    expect(padded?.members.map((m) => m.email).sort()).toEqual(
      ['admin@example.com', 'ana.lopez@example.com', 'bob@example.com', 'lead@example.com'].sort(),
    );
    expect(padded?.members.find((m) => m.email === 'lead@example.com')?.role).toBe('ROLE_ASSISTANT_MANAGER');
    expect(byName('🚀 Launch crew')).toBeDefined();
    expect(byName('فريق المبيعات')).toBeDefined();
  });

  test('the blank row is left alone and the copied row gets its own Row ID and its own space', () => {
    expect(run.rows[1]).toMatchObject({ 'Row ID': '', Status: '', Details: '' });
    expect(run.rows[3]['Row ID']).toBe('r-abcdefghij');
    expect(run.rows[4]['Row ID']).toMatch(/^r-[0-9a-z]{10}$/);
    expect(run.rows[4]['Row ID']).not.toBe('r-abcdefghij');
    expect(run.rows[4]['Space ID']).not.toBe('spaces/copied12345');
    expect(run.rows[4]['Space ID']).toBe(byName('Copy of the sales row')?.name);
  });
});

describe('header variations', () => {
  const variants: [string, string[]][] = [
    ['upper case', ['SPACE NAME', 'TYPE', 'MEMBERS']],
    ['extra spaces', ['  space   name ', ' type', 'members  ']],
    ['required marker and colon', ['Space name *', 'Type:', 'Members:']],
    ['aliases', ['Display name', 'Space type', 'Members']],
    ['full-width letters', ['Ｓｐａｃｅ ｎａｍｅ', 'Ｔｙｐｅ', 'Ｍｅｍｂｅｒｓ']],
  ];
  test.each(variants)('%s: the columns are recognised', (_label, header) => {
    const run = apply({ Spaces: [header, ['Team', 'Channel', 'ana@example.com']] });
    expect(run.requests).toEqual([]);
    expect(run.rows[0].Details).toBe(
      'Type is "Channel"; write Space, Group chat or Direct message (blank means Space).',
    );
  });

  test('a header that cannot be matched stops the run with a sentence naming it, before any call', () => {
    const run = apply({
      Spaces: [
        ['Space-name', 'Type', 'Members'],
        ['Team', '', 'ana@example.com'],
      ],
    });
    expect(run.requests).toEqual([]);
    const said = run.world.runtime.ui.events.map((e) => String(e.prompt ?? '')).join(' ');
    expect(said).toMatch(/Space name/);
    expect(run.world.chat.snapshot().filter((s) => s.displayName === 'Team')).toEqual([]);
  });
});
