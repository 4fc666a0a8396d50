import { createHash } from 'crypto';
import fc from 'fast-check';
import {
  assignRowIds,
  clientMessageId,
  createRowIdGenerator,
  isValidClientMessageId,
  requestId,
  ROW_ID_PATTERN,
  seededRandom,
  sha256Hex,
  utf8Bytes,
} from '../../src/domain/ids';

describe('SHA-256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches Node for any text, including non-BMP characters and block boundaries (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
        expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
    );
  });
});

describe('request IDs', () => {
  const base = { spreadsheetId: '1AbC', rowId: 'r-7k3m9q2xvd', action: 'spaces.setup' };
  it('are UUID-shaped and deterministic', () => {
    const id = requestId(base);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestId({ ...base })).toBe(id);
  });
  it('change with the spreadsheet, row, action, target and generation', () => {
    const ids = [
      requestId(base),
      requestId({ ...base, spreadsheetId: '1AbD' }),
      requestId({ ...base, rowId: 'r-7k3m9q2xve' }),
      requestId({ ...base, action: 'welcome' }),
      requestId({ ...base, target: 'spaces/A' }),
      requestId({ ...base, generation: 1 }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(requestId({ ...base, generation: 0 })).toBe(ids[0]);
  });
});

describe('client message IDs', () => {
  it('are client-…, readable and stable', () => {
    const id = clientMessageId({ rowId: 'r-7k3m9q2xvd' });
    expect(id).toMatch(/^client-r-7k3m9q2xvd-[0-9a-z]{13}$/);
    expect(clientMessageId({ rowId: 'r-7k3m9q2xvd' })).toBe(id);
    expect(clientMessageId({ rowId: 'r-7k3m9q2xvd', space: 'spaces/A' })).not.toBe(id);
    expect(clientMessageId({ rowId: 'r-7k3m9q2xvd', purpose: 'welcome' })).toMatch(/^client-r-7k3m9q2xvd-welcome-/);
  });
  it('are always valid Chat message IDs, whatever the Row ID (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        fc.option(fc.string()),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        (rowId, space, generation, purpose) => {
          const id = clientMessageId({ rowId, space: space ?? undefined, generation, purpose });
          expect(isValidClientMessageId(id)).toBe(true);
          expect(id.length).toBeLessThanOrEqual(63);
          expect(id).not.toMatch(/--|-$/);
        },
      ),
    );
  });
  it('validate the Chat rule', () => {
    expect(isValidClientMessageId('client-abc')).toBe(true);
    expect(isValidClientMessageId('client-ABC')).toBe(false);
    expect(isValidClientMessageId('abc')).toBe(false);
    expect(isValidClientMessageId('client-' + 'a'.repeat(57))).toBe(false);
  });
});

describe('Row IDs', () => {
  it('are r- plus 10 base32 characters from the injected random source, reproducible with a seed', () => {
    const a = createRowIdGenerator(seededRandom(42));
    const b = createRowIdGenerator(seededRandom(42));
    const ids = Array.from({ length: 1000 }, a);
    expect(ids.every((id) => ROW_ID_PATTERN.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(1000);
    expect(Array.from({ length: 1000 }, b)).toEqual(ids);
  });

  it('never repeat an ID already taken, even from a bad random source', () => {
    let calls = 0;
    const stuck = () => (calls++ < 30 ? 0 : 0.5);
    const gen = createRowIdGenerator(stuck, ['r-0000000000']);
    expect(gen()).not.toBe('r-0000000000');
  });

  it('assigns new IDs to blank, malformed and copied rows; the first row keeps a copied ID', () => {
    let n = 0;
    const next = () => `r-new${String(++n).padStart(6, '0')}`;
    const { rowIds, assignments } = assignRowIds(
      [
        { row: 2, rowId: 'r-aaaaaaaaaa' },
        { row: 3, rowId: '' },
        { row: 4, rowId: ' r-aaaaaaaaaa ' },
        { row: 5, rowId: 'has spaces in it' },
        { row: 6, rowId: 'legacy-42' },
        { row: 7, rowId: 'r-aaaaaaaaaa' },
      ],
      next,
    );
    expect([...rowIds]).toEqual([
      [2, 'r-aaaaaaaaaa'],
      [3, 'r-new000001'],
      [4, 'r-new000002'],
      [5, 'r-new000003'],
      [6, 'legacy-42'],
      [7, 'r-new000004'],
    ]);
    expect(assignments).toEqual([
      { row: 3, rowId: 'r-new000001', reason: 'blank' },
      { row: 4, rowId: 'r-new000002', reason: 'copied', previous: 'r-aaaaaaaaaa', copiedFromRow: 2 },
      { row: 5, rowId: 'r-new000003', reason: 'invalid', previous: 'has spaces in it' },
      { row: 7, rowId: 'r-new000004', reason: 'copied', previous: 'r-aaaaaaaaaa', copiedFromRow: 2 },
    ]);
  });

  it('never gives a new row an ID already in the sheet (random source form)', () => {
    const { rowIds } = assignRowIds(
      [
        { row: 2, rowId: '' },
        { row: 3, rowId: createRowIdGenerator(seededRandom(7))() },
      ],
      { random: seededRandom(7) },
    );
    expect(rowIds.get(2)).not.toBe(rowIds.get(3));
  });

  it('ends with unique IDs on every row (property)', () => {
    const idPool = fc.constantFrom('', 'r-aaaaaaaaaa', 'r-bbbbbbbbbb', 'bad id', 'x');
    fc.assert(
      fc.property(fc.array(idPool, { maxLength: 30 }), fc.integer(), (ids, seed) => {
        const rows = ids.map((rowId, i) => ({ row: i + 2, rowId }));
        const { rowIds } = assignRowIds(rows, { random: seededRandom(seed) });
        expect(new Set(rowIds.values()).size).toBe(rows.length);
      }),
    );
  });
});
