/**
 * The Utilities global: sleep on the virtual clock, SimpleDateFormat dates, Java-style formatString, seeded UUIDs,
 * digests and HMACs as signed byte arrays, base64 (standard and web-safe, which keeps '=' padding), blobs, CSV
 * parsing and JSON helpers.
 */
import { createHash, createHmac } from 'node:crypto';
import { parseCsv } from '../../workbook/csv';
import { EnumValue, makeEnum, ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { formatDate } from '../formatDate';
import { badSignature, expectInt, expectString } from '../signature';
import { BlobImpl, signed, toBytes } from './blob';

export const DigestAlgorithm = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
export const MacAlgorithm = makeEnum('MacAlgorithm', [
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
export const Charset = makeEnum('Charset', ['US_ASCII', 'UTF_8']);

const NODE_HASH: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

function charsetName(value: unknown): string | undefined {
  return value instanceof EnumValue ? value.name : undefined;
}

/** Java's String.format for %s, %d, %f (with width/precision), %%, %n. */
export function javaFormat(template: string, args: readonly unknown[]): string {
  let i = 0;
  return template.replace(
    /%(-?)(\d+)?(?:\.(\d+))?([sdfbn%])/g,
    (_m, left: string, width: string | undefined, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (i >= args.length) throw new ScriptException(`Format specifier '%${conv}' has no argument`);
      const v = args[i++];
      let out: string;
      switch (conv) {
        case 'd':
          if (typeof v !== 'number' || !Number.isInteger(v))
            throw new ScriptException(`d != ${typeof v === 'number' ? 'java.lang.Double' : 'java.lang.String'}`);
          out = String(v);
          break;
        case 'f':
          if (typeof v !== 'number') throw new ScriptException('f != java.lang.String');
          out = v.toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case 'b':
          out = String(v !== null && v !== undefined && v !== false);
          break;
        default:
          out = v === null || v === undefined ? 'null' : String(v);
          if (prec !== undefined) out = out.slice(0, Number(prec));
      }
      if (width !== undefined && out.length < Number(width))
        out = left ? out.padEnd(Number(width)) : out.padStart(Number(width));
      return out;
    },
  );
}

export class UtilitiesImpl extends ServiceObject {
  get className(): string {
    return 'Utilities';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  override _constants(): Record<string, unknown> {
    return { DigestAlgorithm, MacAlgorithm, Charset };
  }

  /** Waits on the virtual clock (the execution's deadline still applies). */
  sleep(milliseconds: unknown): void {
    const ms = expectInt('Utilities.sleep', [milliseconds], milliseconds);
    this.exec.advance(Math.max(0, ms));
  }

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    const fq = 'Utilities.formatDate';
    const args = [date, timeZone, format];
    if (!(date instanceof Date)) badSignature(fq, args);
    return formatDate(date.getTime(), expectString(fq, args, timeZone), expectString(fq, args, format));
  }

  formatString(template: unknown, ...args: unknown[]): string {
    return javaFormat(expectString('Utilities.formatString', [template, ...args], template), args);
  }

  getUuid(): string {
    return this.exec.rt.ids.uuid();
  }

  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): Int8Array {
    if (!(algorithm instanceof EnumValue) || algorithm.enumName !== 'DigestAlgorithm') {
      badSignature('Utilities.computeDigest', [algorithm, value, charset]);
    }
    return signed(
      new Uint8Array(
        createHash(NODE_HASH[algorithm.name])
          .update(toBytes(value, charsetName(charset)))
          .digest(),
      ),
    );
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): Int8Array {
    if (!(algorithm instanceof EnumValue) || algorithm.enumName !== 'MacAlgorithm') {
      badSignature('Utilities.computeHmacSignature', [algorithm, value, key, charset]);
    }
    const hash = NODE_HASH[algorithm.name.replace(/^HMAC_/, '')];
    const cs = charsetName(charset);
    return signed(new Uint8Array(createHmac(hash, toBytes(key, cs)).update(toBytes(value, cs)).digest()));
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): Int8Array {
    return this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key, charset);
  }

  base64Encode(data: unknown, charset?: unknown): string {
    return Buffer.from(toBytes(data, charsetName(charset))).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: unknown): Int8Array {
    const text = expectString('Utilities.base64Decode', [encoded], encoded);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s/g, '')))
      throw new ScriptException(MSG.invalidArgument('encoded'));
    return signed(new Uint8Array(Buffer.from(text, 'base64')));
  }

  base64DecodeWebSafe(encoded: unknown): Int8Array {
    const text = expectString('Utilities.base64DecodeWebSafe', [encoded], encoded);
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text.replace(/\s/g, '')))
      throw new ScriptException(MSG.invalidArgument('encoded'));
    return signed(new Uint8Array(Buffer.from(text, 'base64url')));
  }

  newBlob(data: unknown, contentType?: unknown, name?: unknown): BlobImpl {
    const bytes = toBytes(data);
    const type =
      contentType === undefined || contentType === null
        ? typeof data === 'string'
          ? 'text/plain'
          : null
        : String(contentType);
    return new BlobImpl(bytes, type, name === undefined || name === null ? null : String(name));
  }

  parseCsv(csv: unknown, delimiter?: unknown): string[][] {
    const text = expectString('Utilities.parseCsv', [csv, delimiter], csv);
    return parseCsv(text, delimiter === undefined ? ',' : String(delimiter));
  }

  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }

  jsonParse(jsonString: unknown): unknown {
    try {
      return JSON.parse(expectString('Utilities.jsonParse', [jsonString], jsonString));
    } catch (e) {
      if (e instanceof SyntaxError) throw new ScriptException(e.message);
      throw e;
    }
  }
}
