/**
 * CacheService: script, user and document caches on the virtual clock. Documented limits (Cache reference): keys up
 * to 250 characters ("Argument too large: key"), values up to 100 KB ("Argument too large: value"), expiration
 * default 600 s and at most 21,600 s (longer requests are capped: README R6), at most 1,000 items (the oldest are
 * evicted). `getDocumentCache()` is null without a document context.
 */
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature, expectString } from '../signature';

interface Entry {
  value: string;
  expiresAt: number;
}

/** Every cache, keyed `script`, `user:<email>`, `document:<id>`. */
export class CacheStores {
  private readonly caches = new Map<string, Map<string, Entry>>();

  cache(key: string): Map<string, Entry> {
    let c = this.caches.get(key);
    if (!c) this.caches.set(key, (c = new Map()));
    return c;
  }
}

export class CacheImpl extends ServiceObject {
  get className(): string {
    return 'Cache';
  }

  constructor(
    private readonly exec: Execution,
    private readonly map: Map<string, Entry>,
  ) {
    super();
  }

  private key(fq: string, args: unknown[], key: unknown): string {
    const k = expectString(fq, args, key);
    if (k.length > this.exec.rt.config.limits.cacheKeyChars) throw new ScriptException(MSG.argTooLargeKey);
    return k;
  }

  private ttl(value: unknown): number {
    if (value === undefined) return 600;
    const n = Number(value);
    if (typeof value === 'string' && Number.isNaN(n)) throw new ScriptException(`Cannot convert '${value}' to int.`);
    if (!Number.isFinite(n)) badSignature('Cache.put', [value]);
    return Math.max(1, Math.min(Math.trunc(n), this.exec.rt.config.limits.cacheMaxExpirationSec));
  }

  private live(key: string): Entry | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.exec.rt.clock.now()) {
      this.map.delete(key);
      return undefined;
    }
    return e;
  }

  private store(key: string, value: unknown, seconds: number): void {
    const v = typeof value === 'string' ? value : String(value);
    if (Buffer.byteLength(v, 'utf8') > this.exec.rt.config.limits.cacheValueBytes)
      throw new ScriptException(MSG.argTooLargeValue);
    this.map.delete(key);
    this.map.set(key, { value: v, expiresAt: this.exec.rt.clock.now() + seconds * 1000 });
    const max = this.exec.rt.config.behaviour.cacheMaxItems;
    while (this.map.size > max) this.map.delete(this.map.keys().next().value as string);
  }

  get(key: unknown): string | null {
    return this.live(this.key('Cache.get', [key], key))?.value ?? null;
  }

  getAll(keys: unknown): Record<string, string> {
    if (!Array.isArray(keys)) badSignature('Cache.getAll', [keys]);
    const out: Record<string, string> = {};
    for (const k of keys) {
      const key = this.key('Cache.getAll', [keys], k);
      const e = this.live(key);
      if (e) out[key] = e.value;
    }
    return out;
  }

  put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
    if (value === null || value === undefined) badSignature('Cache.put', [key, value, expirationInSeconds]);
    this.store(this.key('Cache.put', [key, value], key), value, this.ttl(expirationInSeconds));
  }

  putAll(values: unknown, expirationInSeconds?: unknown): void {
    if (values === null || typeof values !== 'object' || Array.isArray(values)) badSignature('Cache.putAll', [values]);
    const seconds = this.ttl(expirationInSeconds);
    const entries = Object.entries(values as Record<string, unknown>);
    for (const [k, v] of entries) {
      this.key('Cache.putAll', [values], k);
      if (Buffer.byteLength(String(v), 'utf8') > this.exec.rt.config.limits.cacheValueBytes) {
        throw new ScriptException(MSG.argTooLargeValue);
      }
    }
    for (const [k, v] of entries) this.store(k, v, seconds);
  }

  remove(key: unknown): void {
    this.map.delete(this.key('Cache.remove', [key], key));
  }

  removeAll(keys: unknown): void {
    if (!Array.isArray(keys)) badSignature('Cache.removeAll', [keys]);
    for (const k of keys) this.map.delete(this.key('Cache.removeAll', [keys], k));
  }
}

export class CacheServiceImpl extends ServiceObject {
  get className(): string {
    return 'CacheService';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  getScriptCache(): CacheImpl {
    return new CacheImpl(this.exec, this.exec.rt.caches.cache('script'));
  }

  getUserCache(): CacheImpl {
    return new CacheImpl(this.exec, this.exec.rt.caches.cache(`user:${this.exec.user}`));
  }

  getDocumentCache(): CacheImpl | null {
    const doc = this.exec.documentId;
    return doc ? new CacheImpl(this.exec, this.exec.rt.caches.cache(`document:${doc}`)) : null;
  }
}
