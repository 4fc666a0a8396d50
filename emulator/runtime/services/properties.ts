/**
 * PropertiesService: the script store (one per script, shared by all users), user stores (per user) and document
 * stores (per document; `getDocumentProperties()` is null without a document context). Values are strings; limits
 * and their texts follow the quotas page and real logs: more than 9 KB in one value fails with "Argument too large:
 * value", more than 500 KB in one store with "You have exceeded the property storage quota...". Sizes are counted
 * in UTF-8 bytes of key plus value for the store, of the value alone for the per-value limit (README R5).
 */
import { ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { badSignature, expectString } from '../signature';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** All property stores, keyed `script`, `user:<email>`, `document:<id>`. */
export class PropertyStores {
  private readonly stores = new Map<string, Map<string, string>>();

  /** The store with this key, created empty on first use. */
  store(key: string): Map<string, string> {
    let s = this.stores.get(key);
    if (!s) this.stores.set(key, (s = new Map()));
    return s;
  }

  /** A copy of every store, for reports and tests. */
  snapshot(): Record<string, Record<string, string>> {
    return Object.fromEntries([...this.stores].map(([k, v]) => [k, Object.fromEntries(v)]));
  }
}

function toValue(fq: string, args: unknown[], value: unknown): string {
  if (value === null || value === undefined) badSignature(fq, args);
  return typeof value === 'string' ? value : String(value);
}

/** One store (class Properties). */
export class PropertiesImpl extends ServiceObject {
  get className(): string {
    return 'Properties';
  }

  constructor(
    private readonly exec: Execution,
    private readonly map: Map<string, string>,
  ) {
    super();
  }

  private checkSize(next: Map<string, string>, changed: Iterable<string>): void {
    const limits = this.exec.rt.config.limits;
    for (const key of changed) {
      const v = next.get(key);
      if (v !== undefined && bytes(v) > limits.propertyValueBytes) throw new ScriptException(MSG.argTooLargeValue);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > limits.propertyStoreBytes) throw new ScriptException(MSG.propertyQuota);
  }

  getProperty(key: unknown): string | null {
    const k = expectString('Properties.getProperty', [key], key);
    return this.map.get(k) ?? null;
  }

  setProperty(key: unknown, value: unknown): this {
    const fq = 'Properties.setProperty';
    const k = expectString(fq, [key, value], key);
    const v = toValue(fq, [key, value], value);
    const next = new Map(this.map).set(k, v);
    this.checkSize(next, [k]);
    this.map.set(k, v);
    return this;
  }

  /** setProperties(properties[, deleteAllOthers]). */
  setProperties(properties: unknown, deleteAllOthers?: unknown): this {
    const fq = 'Properties.setProperties';
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties))
      badSignature(fq, [properties, deleteAllOthers]);
    const entries = Object.entries(properties as Record<string, unknown>).map(
      ([k, v]) => [k, toValue(fq, [properties], v)] as const,
    );
    const next = deleteAllOthers === true ? new Map<string, string>() : new Map(this.map);
    for (const [k, v] of entries) next.set(k, v);
    this.checkSize(
      next,
      entries.map(([k]) => k),
    );
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
    return this;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }

  getKeys(): string[] {
    return [...this.map.keys()];
  }

  deleteProperty(key: unknown): this {
    this.map.delete(expectString('Properties.deleteProperty', [key], key));
    return this;
  }

  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }
}

/** The PropertiesService global. */
export class PropertiesServiceImpl extends ServiceObject {
  get className(): string {
    return 'PropertiesService';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  getScriptProperties(): PropertiesImpl {
    return new PropertiesImpl(this.exec, this.exec.rt.properties.store('script'));
  }

  getUserProperties(): PropertiesImpl {
    return new PropertiesImpl(this.exec, this.exec.rt.properties.store(`user:${this.exec.user}`));
  }

  getDocumentProperties(): PropertiesImpl | null {
    const doc = this.exec.documentId;
    return doc ? new PropertiesImpl(this.exec, this.exec.rt.properties.store(`document:${doc}`)) : null;
  }
}
