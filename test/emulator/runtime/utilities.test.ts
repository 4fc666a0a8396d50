/**
 * Utilities, Blob and Session: SimpleDateFormat patterns and zones (DOC: formatDate uses Java SimpleDateFormat),
 * digests as signed byte arrays, base64 variants, seeded UUIDs, sleep on the virtual clock.
 */
import { formatDate } from '../../../emulator/runtime/formatDate';
import { makeRuntime } from './helpers';

const t = Date.UTC(2026, 0, 5, 14, 3, 9, 45); // Monday 5 January 2026, 14:03:09.045 UTC

describe('Utilities.formatDate (SimpleDateFormat)', () => {
  test.each([
    ['yyyy-MM-dd HH:mm:ss', 'UTC', '2026-01-05 14:03:09'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'UTC', '2026-01-05T14:03:09.045Z'],
    ['EEE, d MMM yyyy h:mm a z', 'America/New_York', 'Mon, 5 Jan 2026 9:03 AM EST'],
    ['EEEE MMMM dd yy', 'Europe/Paris', 'Monday January 05 26'],
    ['HH:mm Z', 'Asia/Kolkata', '19:33 +0530'],
    ['HH:mm XXX', 'GMT+02:00', '16:03 +02:00'],
    ['D w u k K', 'UTC', '5 2 1 14 2'],
    ["'It''s' h 'o''clock'", 'UTC', "It's 2 o'clock"],
    ['yyyy-MM-dd HH:mm', 'Not/AZone', '2026-01-05 14:03'],
  ])('%s in %s → %s', (pattern, zone, expected) => {
    expect(formatDate(t, zone, pattern)).toBe(expected);
  });

  test('from a script, with the manifest time zone available through Session', () => {
    const rt = makeRuntime(`function f() {
      return [Utilities.formatDate(new Date(Date.UTC(2026, 6, 1, 12)), Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm'),
        Utilities.formatDate(new Date(Date.UTC(2026, 6, 1, 12)), 'America/Los_Angeles', 'HH:mm z')];
    }`);
    expect(rt.run('f').returned).toEqual(['2026-07-01 12:00', '05:00 PDT']);
  });

  test('an unknown pattern letter throws like Java', () => {
    const rt = makeRuntime(`function f() { return Utilities.formatDate(new Date(), 'UTC', 'yyyy-qq'); }`);
    expect(rt.run('f').error?.message).toBe("Illegal pattern character 'q'");
  });
});

describe('Utilities', () => {
  test('computeDigest returns signed bytes (MD5 and SHA-256 of "abc")', () => {
    const rt = makeRuntime(`function f() {
      var md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
      var sha = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc', Utilities.Charset.UTF_8);
      var hex = function (b) { return b.map(function (x) { return ('0' + (x & 255).toString(16)).slice(-2); }).join(''); };
      return [md5.slice(0, 4), hex(md5), hex(sha), md5 instanceof Array];
    }`);
    expect(rt.run('f').returned).toEqual([
      [-112, 1, 80, -104],
      '900150983cd24fb0d6963f7d28e17f72',
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      true,
    ]);
  });

  test('base64 (standard and web-safe, which keeps padding), decode to bytes, blobs', () => {
    const rt = makeRuntime(`function f() {
      var s = 'héllo?>>';
      var b = Utilities.base64Encode(s), w = Utilities.base64EncodeWebSafe(s);
      var back = Utilities.newBlob(Utilities.base64DecodeWebSafe(w)).getDataAsString();
      var blob = Utilities.newBlob('data', 'text/csv', 'a.csv');
      var copy = blob.copyBlob().setName('b.csv');
      return [b, w, back, blob.getName(), blob.getContentType(), copy.getName(), blob.getBytes(), Utilities.newBlob('x').getContentType()];
    }`);
    expect(rt.run('f').returned).toEqual([
      'aMOpbGxvPz4+',
      'aMOpbGxvPz4-',
      'héllo?>>',
      'a.csv',
      'text/csv',
      'b.csv',
      [100, 97, 116, 97],
      'text/plain',
    ]);
  });

  test('EMULATOR R9: getUuid is a seeded v4 UUID (same seed, same sequence)', () => {
    const codeU = 'function f() { return [Utilities.getUuid(), Utilities.getUuid()]; }';
    const a = makeRuntime(codeU, { seed: 3 }).run('f').returned as string[];
    const b = makeRuntime(codeU, { seed: 3 }).run('f').returned as string[];
    expect(a).toEqual(b);
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a[0]).not.toBe(a[1]);
  });

  test('sleep advances the virtual clock; formatString; parseCsv; jsonParse errors', () => {
    const rt = makeRuntime(`function f() {
      var t0 = Date.now(); Utilities.sleep(1500);
      return [Date.now() - t0, Utilities.formatString('%s has %d rows (%.1f%%)', 'Spaces', 3, 12.345),
        Utilities.parseCsv('a,"b,c"\\n1,"x""y"')];
    }`);
    expect(rt.run('f').returned).toEqual([
      1500,
      'Spaces has 3 rows (12.3%)',
      [
        ['a', 'b,c'],
        ['1', 'x"y'],
      ],
    ]);
  });
});

describe('Session', () => {
  test('active and effective user, script time zone, locale, temporary key stable per user', () => {
    const rt = makeRuntime(`function f() {
      return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(),
        Session.getActiveUserLocale(), Session.getTemporaryActiveUserKey()];
    }`);
    const a = rt.run('f').returned as string[];
    expect(a.slice(0, 4)).toEqual(['admin@example.com', 'admin@example.com', 'Etc/UTC', 'en']);
    expect(rt.run('f').returned).toEqual(a);
    expect((rt.execute('f', { as: 'b@example.com' }).returned as string[])[4]).not.toBe(a[4]);
  });
});
