/**
 * The Blob class (Utilities.newBlob, HTTPResponse.getBlob, File.getBlob): bytes with a content type and a name.
 * `getBytes()` returns Apps Script's signed byte array (-128..127). Also the conversion of script byte arrays and
 * strings to bytes, shared by Utilities and UrlFetchApp, and `readBlob` for advanced services.
 */
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import { badSignature } from '../signature';

/** Bytes from a script value: a string (UTF-8 or the given charset), a byte array, or a Blob. */
export function toBytes(value: unknown, charset?: string): Uint8Array {
  if (typeof value === 'string') return new Uint8Array(Buffer.from(value, charset === 'US_ASCII' ? 'ascii' : 'utf8'));
  if (value instanceof BlobImpl) return value._bytes.slice();
  if (value instanceof Uint8Array) return value.slice();
  if (value instanceof Int8Array)
    return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  if (Array.isArray(value)) return Uint8Array.from(value, (v) => Number(v) & 255);
  throw new ScriptException(MSG.invalidArgument('data'));
}

/** Signed bytes as Apps Script returns them. */
export function signed(bytes: Uint8Array): Int8Array {
  return new Int8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export class BlobImpl extends ServiceObject {
  get className(): string {
    return 'Blob';
  }

  constructor(
    public _bytes: Uint8Array,
    public _contentType: string | null = null,
    public _name: string | null = null,
  ) {
    super();
  }

  getBytes(): Int8Array {
    return signed(this._bytes);
  }

  setBytes(data: unknown): this {
    if (!Array.isArray(data)) badSignature('Blob.setBytes', [data]);
    this._bytes = toBytes(data);
    return this;
  }

  getDataAsString(charset?: unknown): string {
    const cs = typeof charset === 'string' ? charset.toLowerCase().replace(/[^a-z0-9]/g, '') : 'utf8';
    return Buffer.from(this._bytes).toString(
      cs === 'usascii' || cs === 'ascii' ? 'ascii' : cs === 'latin1' || cs === 'iso88591' ? 'latin1' : 'utf8',
    );
  }

  setDataFromString(string: unknown, charset?: unknown): this {
    this._bytes = toBytes(String(string), typeof charset === 'string' ? charset : undefined);
    return this;
  }

  getContentType(): string | null {
    return this._contentType;
  }

  setContentType(contentType: unknown): this {
    this._contentType = contentType === null || contentType === undefined ? null : String(contentType);
    return this;
  }

  getName(): string | null {
    return this._name;
  }

  setName(name: unknown): this {
    this._name = name === null || name === undefined ? null : String(name);
    return this;
  }

  copyBlob(): BlobImpl {
    return new BlobImpl(this._bytes.slice(), this._contentType, this._name);
  }

  getBlob(): BlobImpl {
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  /** Only the same content type is supported (no PDF or image conversion: README R13). */
  getAs(contentType: unknown): BlobImpl {
    if (String(contentType) !== this._contentType) {
      throw new ScriptException(
        `Converting from ${this._contentType ?? 'unknown'} to ${String(contentType)} is not supported.`,
      );
    }
    return this.copyBlob();
  }
}
