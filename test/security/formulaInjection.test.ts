/**
 * Formula injection: nothing the add-on writes may become a formula, whatever users (or Chat) put in front of it.
 * The runtime stores what `setValues` would turn into a formula as a formula (`cell.f`, README R3), so each cell
 * the add-on wrote is checked for one. The inputs are chosen so that the Details, Space ID, Space link, Status,
 * Last run, Row ID and the Log tab would start with `=`, `+`, `-` or `@` if values were written raw: addresses
 * whose local part starts with those characters (valid in email syntax) reported in both Managers and Owners, a
 * space linked by a formula-like name, Row IDs that look like a formula or a number. Run once on tabs made by Set up sheets
 * (plain-text columns) and once on a hand-made tab (automatic formats, where Sheets parses what is written).
 */
import { addOnProject, buildWorld, readRows, type World } from '../../bench/world';

const EVIL = ['=1+1', '+15550100', '-2+3', '=HYPERLINK("http://evil.example")'];

function run(setUp: boolean): World {
  const world = buildWorld({
    project: addOnProject(),
    mode: 'bound',
    directory: {
      spaces: [
        {
          displayName: '=IMPORTXML("http://evil.example")',
          members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' }],
        },
      ],
    },
    tabs: {
      Spaces: [
        ['Space name', 'Members', 'Managers', 'Owners', 'Row ID'],
        // A leading apostrophe makes the CSV cell text, as typing it in Sheets would.
        ['Both roles 1', '', "'=1+1@example.com", "'=1+1@example.com", ''],
        ['Both roles 2', '', "'+15550100@example.com", "'+15550100@example.com", ''],
        ['Both roles 3', '', "'-2+3@example.com", "'-2+3@example.com", "'=cmd|' /C calc'!A0"],
        ['\'=IMPORTXML("http://evil.example")', 'ana@example.com', '', '', ''],
        ["'@SUM(1)", '+1@example.com', '', '', "'-1"],
      ],
    },
  });
  if (setUp) world.runtime.run('setUpSheets');
  world.runtime.run('applySpaces');
  world.runtime.runUntilIdle({ maxExecutions: 10 });
  return world;
}

const OUTPUT = ['Row ID', 'Space ID', 'Space link', 'Status', 'Details', 'Last run'];

/** Every cell the add-on writes (a tab's output columns, or all of it) that holds a formula or a formula's error. */
function formulas(world: World, tab: string, columns?: readonly string[]): string[] {
  const sheet = world.runtime.activeSpreadsheet?.sheetByName(tab);
  if (!sheet) throw new Error(`no ${tab} tab`);
  const out: string[] = [];
  const header = Array.from({ length: sheet.lastColumn() }, (_, c) => String(sheet.cell(1, c + 1)?.v ?? ''));
  for (let r = 1; r <= sheet.lastRow(); r++) {
    for (let c = 1; c <= sheet.lastColumn(); c++) {
      if (columns && !columns.includes(header[c - 1])) continue;
      const cell = sheet.cell(r, c);
      if (cell?.f !== undefined || (typeof cell?.v === 'string' && /^#(ERROR!|NAME\?|REF!|VALUE!)/.test(cell.v)))
        out.push(`${tab}!R${r}C${c}: ${cell?.f ?? String(cell?.v)}`);
    }
  }
  return out;
}

describe.each([
  ['tabs made by Set up sheets', true],
  ['a hand-made tab', false],
])('%s', (_label, setUp) => {
  const world = run(setUp);
  const rows = readRows(world, 'Spaces');

  test('the formula-looking values did reach the output columns', () => {
    expect(rows[0].Details).toMatch(/=1\+1@example\.com is in both Managers and Owners/);
    expect(rows[1].Details).toMatch(/\+15550100@example\.com is in both/);
    expect(rows[2].Details).toMatch(/-2\+3@example\.com is in both/);
    expect(rows[3].Status).toBe('Linked existing');
    expect(rows[4].Status).toBe('Created');
  });

  test('no cell of the Spaces or Log tab is a formula', () => {
    expect(formulas(world, 'Spaces', OUTPUT)).toEqual([]);
    expect(formulas(world, 'Log')).toEqual([]);
  });

  test('every Details cell reads as the sentence, starting with the formula-looking text', () => {
    // In a plain-text (@) column the runtime keeps the guard apostrophe as written, so it may lead the text.
    for (const [i, evil] of EVIL.slice(0, 3).entries()) {
      expect(rows[i].Details.replace(/^'/, '').startsWith(evil)).toBe(true);
    }
  });

  test('a Row ID with spaces is replaced; a kept Row ID like -1 stays text, not a number', () => {
    expect(rows[2]['Row ID']).toMatch(/^r-[0-9a-z]{10}$/);
    const sheet = world.runtime.activeSpreadsheet?.sheetByName('Spaces');
    expect(sheet?.cell(6, 5)?.v).toBe('-1');
  });
});
