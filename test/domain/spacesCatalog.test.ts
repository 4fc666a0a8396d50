import { SpacesCatalog } from '../../src/domain/spacesCatalog';
import { SPACES_TAB, headerRow } from '../../src/domain/tabs';
import { table } from './helpers';

const HEADERS = headerRow(SPACES_TAB).concat(['Region']);

const catalog = SpacesCatalog.fromTable(
  table(SPACES_TAB, HEADERS, [
    { 'Space name': 'Apollo', 'Space ID': 'spaces/AAA', Tags: 'launch, EMEA', Region: 'EU' },
    { 'Space name': 'Gemini', 'Space ID': '', Tags: 'launch' },
    { 'Space name': 'Mercury', 'Space ID': 'https://chat.google.com/room/BBB', 'Member sync': 'Exact' },
    { Type: 'Group chat', Members: 'a@x.com, b@x.com', 'Space ID': 'spaces/CCC', Tags: 'emea' },
  ]),
);

describe('SpacesCatalog', () => {
  it('resolves a Space name to its row, with cells for placeholders', () => {
    const r = catalog.resolve({ kind: 'name', displayName: '  apollo ' });
    expect(r.spaces?.map((s) => [s.spaceName, s.row, s.cells.Region])).toEqual([['spaces/AAA', 2, 'EU']]);
  });

  it('explains a name whose row has not been applied yet, naming the row', () => {
    expect(catalog.resolve({ kind: 'name', displayName: 'Gemini' }).problem).toBe(
      'Space "Gemini" has no Space ID yet (Spaces tab, row 3); apply the Spaces tab first, or use the space\'s ID or link.',
    );
  });

  it('explains an unknown name', () => {
    expect(catalog.resolve({ kind: 'name', displayName: 'Venus' }).problem).toMatch(
      /not a Space name on the Spaces tab/,
    );
  });

  it('reads the Space ID column as written by the add-on or pasted as a link', () => {
    expect(catalog.bySpace('spaces/BBB')?.memberSync).toBe('exact');
  });

  it('takes every applied row for *, and the tagged applied rows for tag:', () => {
    expect(catalog.resolve({ kind: 'all' }).spaces?.map((s) => s.spaceName)).toEqual([
      'spaces/AAA',
      'spaces/BBB',
      'spaces/CCC',
    ]);
    expect(catalog.resolve({ kind: 'tag', tag: 'emea' }).spaces?.map((s) => s.spaceName)).toEqual([
      'spaces/AAA',
      'spaces/CCC',
    ]);
    expect(catalog.resolve({ kind: 'tag', tag: 'apac' }).problem).toMatch(/matches no applied space/);
  });

  it('accepts a space named by ID that the tab does not list', () => {
    expect(catalog.resolve({ kind: 'id', name: 'spaces/ZZZ' }).spaces?.[0]).toMatchObject({
      spaceName: 'spaces/ZZZ',
      row: 0,
    });
  });

  it('has nothing for * when no row is applied', () => {
    expect(SpacesCatalog.fromTable(undefined).resolve({ kind: 'all' }).problem).toMatch(/apply the Spaces tab first/);
  });
});
