import fc from 'fast-check';
import { fromCellValue, type RawCell } from '../../src/domain/cells';
import {
  columnIndex,
  planOutputWrites,
  readTable,
  summarizeProblems,
  templateColumns,
  withOutputColumns,
  type OutputUpdate,
} from '../../src/domain/table';
import { MEMBERS_TAB, SPACES_TAB } from '../../src/domain/tabs';
import { table } from './helpers';

describe('readTable: headers', () => {
  it('matches headers ignoring case, spaces, a trailing * or :, and in any order', () => {
    const t = readTable(SPACES_TAB, [
      ['  members ', 'SPACE   NAME*', 'type:', 'Row\u00A0ID'],
      ['a@example.com', 'Apollo', 'Space', ''],
    ]);
    expect(t.problems).toEqual([]);
    expect(t.rows[0].cells).toMatchObject({
      'Space name': 'Apollo',
      Type: 'Space',
      Members: 'a@example.com',
      'Row ID': '',
    });
    expect(columnIndex(t, 'space name')).toBe(1);
    expect(columnIndex(t, 'Members')).toBe(0);
  });

  it('accepts the common aliases', () => {
    const t = readTable(SPACES_TAB, [
      ['Display name', 'People'],
      ['Apollo', 'a@x.com'],
    ]);
    expect(t.rows[0].cells['Space name']).toBe('Apollo');
    expect(t.rows[0].cells['Members']).toBe('a@x.com');
  });

  it('keeps unknown columns as extra columns usable as placeholders', () => {
    const t = readTable(SPACES_TAB, [
      ['Space name', 'Team lead', 'Budget code'],
      ['Apollo', 'Ana', 'B-12'],
    ]);
    expect(t.extraHeaders).toEqual(['Team lead', 'Budget code']);
    expect(t.rows[0].cells['Team lead']).toBe('Ana');
    expect(templateColumns(t)).toEqual(['Space name', 'Team lead', 'Budget code']);
  });

  it('reports a missing required column once, with the fix', () => {
    const t = readTable(SPACES_TAB, [
      ['Name of space', 'Members'],
      ['Apollo', 'a@x.com'],
    ]);
    expect(t.problems).toEqual([
      {
        row: 1,
        column: 'Space name',
        message:
          'The Spaces tab has no "Space name" column. Add it to the header row (row 1; case and spaces don\'t matter) or run Set up sheets.',
      },
    ]);
    expect(t.rows).toEqual([]);
  });

  it('reports several missing required columns in one sentence', () => {
    const t = readTable(MEMBERS_TAB, [['Role'], ['Owner']]);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0].message).toBe(
      'The Members tab is missing the columns "Space" and "Member". Add them to the header row (row 1; case and spaces don\'t matter) or run Set up sheets.',
    );
  });

  it('reports duplicate headers and reads only the first column', () => {
    const t = readTable(SPACES_TAB, [
      ['Space name', 'Members', 'Description', 'members '],
      ['Apollo', 'a@x.com', '', 'b@x.com'],
    ]);
    expect(t.problems).toEqual([]);
    expect(t.warnings).toEqual([
      {
        row: 1,
        column: 'members',
        message: 'Columns B and D are both "Members"; the add-on reads only column B. Delete or rename column D.',
      },
    ]);
    expect(t.rows[0].cells['Members']).toBe('a@x.com');
  });

  it('finds the header row below a title row', () => {
    const t = readTable(SPACES_TAB, [
      ['Team spaces for Q3', '', ''],
      ['Space name', 'Type', 'Members'],
      ['Apollo', 'Space', 'a@x.com'],
    ]);
    expect(t.headerRow).toBe(2);
    expect(t.rows.map((r) => r.row)).toEqual([3]);
  });

  it('reports every schema column that is absent (so writers can add outputs)', () => {
    const t = readTable(SPACES_TAB, [['Space name'], ['Apollo']]);
    expect(t.missing).toContain('Status');
    expect(t.missing).toContain('Members');
    expect(t.missing).not.toContain('Space name');
  });
});

describe('readTable: rows and cells', () => {
  it('ignores rows whose input cells are all blank, even if outputs or extra columns are filled', () => {
    const t = table(
      SPACES_TAB,
      ['Space name', 'Members', 'Notes', 'Status'],
      [
        { 'Space name': 'Apollo' },
        {},
        { Notes: 'helper formula result', Status: 'Created' },
        { 'Space name': '   ', Members: '\u00A0' },
        { Members: 'b@x.com' },
      ],
    );
    expect(t.rows.map((r) => r.row)).toEqual([2, 6]);
  });

  it('reads a date typed into a text column as a mistake, naming the column and the fix', () => {
    const t = table(SPACES_TAB, ['Space name', 'Welcome message'], [{ 'Space name': new Date(Date.UTC(2025, 2, 1)) }]);
    expect(t.rows[0].problems).toEqual([
      {
        row: 2,
        column: 'Space name',
        message:
          'Space name holds a date (2025-03-01), not text: Sheets turned what you typed into a date. Format the cell as Plain text (Format > Number > Plain text) and type it again.',
      },
    ]);
  });

  it('accepts dates in extra columns and shows them in the spreadsheet zone', () => {
    const t = table(
      SPACES_TAB,
      ['Space name', 'Kick-off'],
      [{ 'Space name': 'Apollo', 'Kick-off': new Date(Date.UTC(2025, 2, 1, 8, 0)) }],
      'Europe/Paris',
    );
    expect(t.rows[0].problems).toEqual([]);
    expect(t.rows[0].cells['Kick-off']).toBe('2025-03-01 09:00');
  });

  it('reports formula errors in input cells', () => {
    const t = table(SPACES_TAB, ['Space name', 'Members'], [{ 'Space name': 'Apollo', Members: '#REF!' }]);
    expect(t.rows[0].problems[0].message).toBe(
      'Members shows the formula error #REF!; fix the formula in that cell or type the value.',
    );
  });

  it('turns numbers and checkbox booleans into the text shown', () => {
    const t = table(SPACES_TAB, ['Space name', 'External users'], [{ 'Space name': 2024, 'External users': true }]);
    expect(t.rows[0].cells).toMatchObject({ 'Space name': '2024', 'External users': 'TRUE' });
  });

  it('reads our own outputs back without the text-guard apostrophe', () => {
    const t = table(SPACES_TAB, ['Space name', 'Details'], [{ 'Space name': 'A', Details: "'=oops" }]);
    expect(t.rows[0].cells['Details']).toBe('=oops');
  });
});

describe('writing outputs back in blocks', () => {
  const headers = ['Space name', 'Row ID', 'Space ID', 'Notes', 'Status', 'Details', 'Members', 'Last run'];
  const rows = Array.from({ length: 6 }, (_, i) => ({ 'Space name': `S${i}`, Status: 'old', Notes: `n${i}` }));

  it('writes one block per contiguous run of output columns, covering all updated rows', () => {
    const t = table(SPACES_TAB, headers, rows);
    const when = new Date(Date.UTC(2025, 0, 1));
    const updates: OutputUpdate[] = [
      {
        row: 2,
        values: { 'Row ID': 'r-1', 'Space ID': 'spaces/A', Status: 'Created', Details: 'ok', 'Last run': when },
      },
      { row: 5, values: { Status: 'Failed', Details: '=bad' } },
    ];
    const blocks = planOutputWrites(t, updates);
    // Row ID..Space ID (B:C), Status..Details (E:F), Last run (H): Notes and Members are never overwritten.
    expect(blocks.map((b) => [b.row, b.column, b.values.length, b.values[0].length])).toEqual([
      [2, 2, 4, 2],
      [2, 5, 4, 2],
      [2, 8, 4, 1],
    ]);
    const statusBlock = blocks[1].values;
    expect(statusBlock[0]).toEqual(['Created', 'ok']);
    expect(statusBlock[1]).toEqual(['old', '']); // untouched rows keep their current values
    expect(statusBlock[3]).toEqual(['Failed', "'=bad"]);
    expect(blocks[2].values[0][0]).toBe(when);
  });

  it('bridges an untouched output column between two written ones', () => {
    const t = table(SPACES_TAB, headers, rows);
    const blocks = planOutputWrites(t, [{ row: 3, values: { 'Row ID': 'r-9', Status: 'Planned' } }]);
    // Row ID (B) and Status (E) are separated by Notes (D, an extra column): two blocks.
    expect(blocks).toHaveLength(2);
    const t2 = table(SPACES_TAB, ['Space name', 'Row ID', 'Space ID', 'Status'], rows);
    const bridged = planOutputWrites(t2, [{ row: 3, values: { 'Row ID': 'r-9', Status: 'Planned' } }]);
    expect(bridged).toEqual([{ row: 3, column: 2, values: [['r-9', '', 'Planned']] }]);
  });

  it('keeps rewritten text as text (a Space ID or a date-like Details stays text)', () => {
    const t = table(
      SPACES_TAB,
      ['Space name', 'Status', 'Details'],
      [{ 'Space name': 'A', Details: '2025-03-01' }, { 'Space name': 'B' }],
    );
    const [block] = planOutputWrites(t, [
      { row: 3, values: { Status: 'Created', Details: 'spaces/B' } },
      { row: 2, values: { Status: 'TRUE' } },
    ]);
    expect(block.values).toEqual([
      ["'TRUE", "'2025-03-01"],
      ['Created', 'spaces/B'],
    ]);
  });

  it('splits row groups when asked to, and refuses input columns', () => {
    const t = table(SPACES_TAB, headers, rows);
    const blocks = planOutputWrites(
      t,
      [
        { row: 2, values: { Status: 'x' } },
        { row: 7, values: { Status: 'y' } },
      ],
      { maxGapRows: 2 },
    );
    expect(blocks.map((b) => b.row)).toEqual([2, 7]);
    expect(() => planOutputWrites(t, [{ row: 2, values: { Members: 'x' } }])).toThrow(/not an output column/);
    expect(() => planOutputWrites(t, [{ row: 1, values: { Status: 'x' } }])).toThrow(/not a data row/);
  });

  it('adds missing output columns after the last column and then writes into them', () => {
    const t = table(SPACES_TAB, ['Space name', 'Members'], [{ 'Space name': 'A' }]);
    const { table: wide, headerBlock } = withOutputColumns(t);
    expect(headerBlock).toEqual({
      row: 1,
      column: 3,
      values: [['Row ID', 'Space ID', 'Space link', 'Status', 'Details', 'Last run']],
    });
    expect(planOutputWrites(wide, [{ row: 2, values: { Status: 'Created' } }])).toEqual([
      { row: 2, column: 6, values: [['Created']] },
    ]);
    expect(() => planOutputWrites(t, [{ row: 2, values: { Status: 'x' } }])).toThrow(/withOutputColumns/);
  });

  it('never touches an input or extra column and writes each updated cell exactly once (property)', () => {
    const t = table(SPACES_TAB, headers, rows);
    const outputs = ['Row ID', 'Space ID', 'Status', 'Details', 'Last run'];
    const update = fc.record({
      row: fc.integer({ min: 2, max: 7 }),
      values: fc.dictionary(fc.constantFrom(...outputs), fc.string({ maxLength: 5 })),
    });
    fc.assert(
      fc.property(fc.array(update, { maxLength: 8 }), (updates) => {
        const blocks = planOutputWrites(t, updates);
        const written = new Map<string, RawCell>();
        for (const b of blocks) {
          b.values.forEach((line, r) =>
            line.forEach((v, c) => {
              const key = `${b.row + r}:${b.column + c}`;
              expect(written.has(key)).toBe(false);
              written.set(key, v);
            }),
          );
        }
        for (const key of written.keys()) {
          const col = Number(key.split(':')[1]) - 1;
          expect(['Row ID', 'Space ID', 'Status', 'Details', 'Last run']).toContain(headers[col]);
        }
        const last = new Map<string, string>();
        for (const u of updates)
          for (const [h, v] of Object.entries(u.values)) last.set(`${u.row}:${headers.indexOf(h) + 1}`, v as string);
        for (const [key, v] of last) expect(fromCellValue(written.get(key) as string)).toBe(v);
        const blocksPerRun = new Set(blocks.map((b) => b.column));
        expect(blocks.length).toBe(blocksPerRun.size);
      }),
    );
  });
});

describe('summarizeProblems', () => {
  it('joins the first sentences and counts the rest', () => {
    const p = (m: string) => ({ message: m });
    expect(summarizeProblems([p('A.'), p('B.')])).toBe('A. B.');
    expect(summarizeProblems([p('A.'), p('B.'), p('C.'), p('D.'), p('E.')])).toBe('A. B. C. (and 2 more problems)');
  });
});
