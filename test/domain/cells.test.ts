import fc from 'fast-check';
import {
  cellText,
  formatInZone,
  fromCellValue,
  isBlankCell,
  isSheetError,
  isValidTimeZone,
  MAX_CELL_CHARS,
  needsTextGuard,
  toCellValue,
  wallTimeToEpochMs,
  zoneOffsetMs,
  zonedParts,
} from '../../src/domain/cells';

describe('toCellValue: nothing written ever becomes a formula or changes type', () => {
  it.each([
    ['=IMPORTXML("http://evil","//a")'],
    ['+1+2'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['  =1+1'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\n=cmd'],
    ["'already quoted"],
    ['#N/A'],
    ['#REF!'],
  ])('guards formula-looking %j with an apostrophe', (s) => {
    expect(toCellValue(s)).toBe(`'${s.replace(/\r\n?/g, '\n')}`);
  });

  it.each([
    ['123'],
    ['007'],
    ['1.5'],
    ['.5'],
    ['1e5'],
    ['50%'],
    ['$10'],
    ['€5'],
    ['(12)'],
    ['2025-03-01'],
    ['2025-03-01 09:00'],
    ['12:30'],
    ['3/4/2025'],
    ['TRUE'],
    ['false'],
    ['Mar 1 2016'],
    ['January 5'],
    ['Mon 5 Jan'],
  ])('keeps number-, date- and boolean-like text %j as text', (s) => {
    expect(toCellValue(s)).toBe(`'${s}`);
  });

  it.each([
    ['spaces/AAAAbbbb'],
    ['Created'],
    ['Up to date'],
    ['ana@example.com'],
    ['https://chat.google.com/room/AAAA'],
    ['r-7k3m9q2xvd'],
    ['client-r-1-abc'],
    [''],
  ])('writes ordinary text %j unchanged', (s) => {
    expect(toCellValue(s)).toBe(s);
  });

  it('keeps numbers, booleans and dates as they are, and blanks the unwritable', () => {
    const d = new Date(Date.UTC(2025, 2, 1, 9));
    expect(toCellValue(42)).toBe(42);
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue(d)).toBe(d);
    expect(toCellValue(NaN)).toBe('');
    expect(toCellValue(Infinity)).toBe('');
    expect(toCellValue(new Date(NaN))).toBe('');
    expect(toCellValue(null)).toBe('');
    expect(toCellValue(undefined)).toBe('');
  });

  it('removes control characters but keeps line breaks, and normalises CRLF', () => {
    expect(toCellValue('a\u0000b\u0007c\r\nd')).toBe('abc\nd');
  });

  it('cuts text to the 50,000-character cell limit, apostrophe included', () => {
    const long = '=' + 'x'.repeat(60_000);
    const v = toCellValue(long) as string;
    expect(v.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(v.startsWith("'=")).toBe(true);
    expect(v.endsWith('…')).toBe(true);
  });

  it('fromCellValue undoes exactly what toCellValue added (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        // eslint-disable-next-line no-control-regex
        const clean = s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
        expect(fromCellValue(toCellValue(s))).toBe(clean);
      }),
    );
  });

  it('every string Sheets would parse is guarded (property over number-like text)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(needsTextGuard(String(n))).toBe(true);
      }),
    );
  });

  it('fromCellValue strips only an apostrophe toCellValue would have added', () => {
    expect(fromCellValue("'hello")).toBe("'hello");
    expect(fromCellValue("'=1+1")).toBe('=1+1');
  });
});

describe('cellText: what a person means by a cell', () => {
  it('trims, drops zero-width characters and normalises line breaks', () => {
    expect(cellText('  Apollo\u200B \u00A0', 'UTC')).toBe('Apollo');
    expect(cellText('a\r\nb', 'UTC')).toBe('a\nb');
  });
  it('shows numbers without floating-point noise and booleans as Sheets does', () => {
    expect(cellText(2024, 'UTC')).toBe('2024');
    expect(cellText(0.1 + 0.2, 'UTC')).toBe('0.3');
    expect(cellText(true, 'UTC')).toBe('TRUE');
    expect(cellText(false, 'UTC')).toBe('FALSE');
    expect(cellText(null, 'UTC')).toBe('');
  });
  it('shows dates in the spreadsheet time zone: date only at midnight, time-only cells as HH:MM', () => {
    expect(cellText(new Date(Date.UTC(2025, 2, 1, 0, 0)), 'UTC')).toBe('2025-03-01');
    expect(cellText(new Date(Date.UTC(2025, 2, 1, 8, 30)), 'Europe/Paris')).toBe('2025-03-01 09:30');
    expect(cellText(new Date(Date.UTC(2025, 2, 1, 8, 30, 15)), 'UTC')).toBe('2025-03-01 08:30:15');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 14, 5)), 'UTC')).toBe('14:05');
  });
  it('recognises blank cells and formula errors', () => {
    expect(isBlankCell('  \u00A0')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell(false)).toBe(false);
    expect(isSheetError('#REF!')).toBe(true);
    expect(isSheetError('#ref!')).toBe(true);
    expect(isSheetError('#general')).toBe(false);
  });
});

describe('time zones with Intl.DateTimeFormat', () => {
  it('knows valid and invalid zones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('computes offsets, including half-hour zones', () => {
    expect(zoneOffsetMs(Date.UTC(2025, 0, 15), 'Europe/Paris')).toBe(3_600_000);
    expect(zoneOffsetMs(Date.UTC(2025, 6, 15), 'Europe/Paris')).toBe(7_200_000);
    expect(zoneOffsetMs(Date.UTC(2025, 0, 15), 'Asia/Kolkata')).toBe(19_800_000);
    expect(zoneOffsetMs(Date.UTC(2025, 0, 15), 'America/New_York')).toBe(-18_000_000);
  });

  it('converts wall times to instants', () => {
    const wall = { year: 2025, month: 3, day: 1, hour: 9, minute: 0, second: 0 };
    expect(new Date(wallTimeToEpochMs(wall, 'Europe/Paris')).toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(new Date(wallTimeToEpochMs(wall, 'Asia/Tokyo')).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });

  it('moves a wall time inside the spring-forward gap forward by the gap (New York, 2025-03-09 02:30 → 03:30 EDT)', () => {
    const t = wallTimeToEpochMs({ year: 2025, month: 3, day: 9, hour: 2, minute: 30, second: 0 }, 'America/New_York');
    expect(new Date(t).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(formatInZone(t, 'America/New_York')).toBe('2025-03-09 03:30');
  });

  it('takes the earlier instant for a time that happens twice (New York, 2025-11-02 01:30 EDT)', () => {
    const t = wallTimeToEpochMs({ year: 2025, month: 11, day: 2, hour: 1, minute: 30, second: 0 }, 'America/New_York');
    expect(new Date(t).toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('round-trips every wall time that exists (property, several zones)', () => {
    const zones = [
      'Europe/Paris',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'UTC',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          const instant = Math.floor(ms / 60_000) * 60_000;
          const wall = zonedParts(instant, zone);
          const back = wallTimeToEpochMs(wall, zone);
          // Same wall time; the earlier instant when the wall time is ambiguous.
          expect(zonedParts(back, zone)).toEqual(wall);
          expect(back).toBeLessThanOrEqual(instant);
          expect(instant - back).toBeLessThanOrEqual(3_600_000);
        },
      ),
    );
  });
});
