/**
 * The one mechanism between the script and every emulated service. Services are written as host classes extending
 * `ServiceObject`; the bridge gives the script a facade for each instance whose methods all pass through
 * `Execution.invoke` (count as `Class.method`, charge virtual time, check permission and deadline, convert errors),
 * and converts values at the boundary: host values become script-realm values (arrays, plain objects, `Date`,
 * enums, facades) and script values handed to a service become host values (facades back to their instance, realm
 * dates to host dates). Names starting with `_` stay host-only.
 */
import { types } from 'node:util';
import type { Realm } from './realm';

/** Base class of every host-side implementation of an Apps Script class (SpreadsheetApp, Range, Lock, Blob...). */
export abstract class ServiceObject {
  /** The Apps Script class name used for counting and messages, e.g. `Range`. */
  abstract get className(): string;
  /** Constant members the facade exposes as properties (enums such as `ScriptApp.AuthMode`). */
  _constants(): Record<string, unknown> {
    return {};
  }
}

/** One value of an Apps Script enum (`ScriptApp.AuthMode.FULL`); scripts compare them by identity or by name. */
export class EnumValue {
  constructor(
    readonly enumName: string,
    readonly name: string,
    readonly ordinal: number,
  ) {}
  toString(): string {
    return this.name;
  }
}

/** Builds the host record of an enum, e.g. `makeEnum('AuthMode', ['NONE', 'LIMITED', 'FULL'])`. */
export function makeEnum(enumName: string, names: readonly string[]): Record<string, EnumValue> {
  const out: Record<string, EnumValue> = {};
  names.forEach((name, i) => (out[name] = new EnumValue(enumName, name, i)));
  return out;
}

/** The name of an enum argument, whether the script passed the enum value or its name as a string. */
export function enumName(value: unknown): string | undefined {
  if (value instanceof EnumValue) return value.name;
  if (typeof value === 'string') return value;
  return undefined;
}

/** Runs one service method on behalf of the script; see Execution.invoke. */
export type Invoker = (key: string, call: () => unknown) => unknown;

const HIDDEN = new Set(['constructor', 'className', 'toString']);

/** Converts values across the script/host boundary and builds the facades of one execution. */
export class Bridge {
  private readonly facadeOf = new WeakMap<object, object>();
  private readonly implOfFacade = new WeakMap<object, ServiceObject>();
  private readonly enumFacades = new Map<string, object>();
  private readonly enumOfFacade = new WeakMap<object, EnumValue>();
  private readonly prototypes = new Map<Function, object>();

  constructor(
    private readonly realm: Realm,
    private readonly invoke: Invoker,
  ) {}

  /** The script-side object for a service instance (the same object every time within this execution). */
  facade(impl: ServiceObject): object {
    const known = this.facadeOf.get(impl);
    if (known) return known;
    const facade = Object.create(this.prototypeFor(impl)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(impl._constants())) {
      Object.defineProperty(facade, key, { value: this.toScript(value), enumerable: true });
    }
    this.facadeOf.set(impl, facade);
    this.implOfFacade.set(facade, impl);
    return facade;
  }

  /** The service instance behind a facade, if `value` is one. */
  implOf(value: unknown): ServiceObject | undefined {
    return typeof value === 'object' && value !== null ? this.implOfFacade.get(value) : undefined;
  }

  private prototypeFor(impl: ServiceObject): object {
    const ctor = impl.constructor;
    const cached = this.prototypes.get(ctor);
    if (cached) return cached;
    const className = impl.className;
    const proto: Record<string, unknown> = Object.create(this.realm.intrinsics.Object.prototype) as Record<
      string,
      unknown
    >;
    const bridge = this;
    const names = new Set<string>();
    for (
      let p = Object.getPrototypeOf(impl) as object | null;
      p && p !== ServiceObject.prototype;
      p = Object.getPrototypeOf(p)
    ) {
      for (const name of Object.getOwnPropertyNames(p)) {
        if (HIDDEN.has(name) || name.startsWith('_')) continue;
        const desc = Object.getOwnPropertyDescriptor(p, name);
        if (desc && typeof desc.value === 'function') names.add(name);
      }
    }
    for (const name of names) {
      const key = `${className}.${name}`;
      const method = function (this: unknown, ...args: unknown[]): unknown {
        const target = bridge.implOf(this);
        if (!target)
          throw new bridge.realm.intrinsics.TypeError(`${key} called on an object that is not a ${className}`);
        return bridge.invoke(key, () => {
          // The method table above only holds functions, so this lookup yields one.
          const fn = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
          return fn.apply(
            target,
            args.map((a) => bridge.toHost(a)),
          );
        });
      };
      Object.defineProperty(method, 'name', { value: name });
      Object.defineProperty(proto, name, { value: method, enumerable: false, writable: true, configurable: true });
    }
    Object.defineProperty(proto, 'toString', { value: () => className, enumerable: false });
    this.prototypes.set(ctor, proto);
    return proto;
  }

  private enumFacade(value: EnumValue): object {
    const key = `${value.enumName}.${value.name}`;
    const known = this.enumFacades.get(key);
    if (known) return known;
    const obj = new this.realm.intrinsics.Object() as Record<string, unknown>;
    const name = value.name;
    for (const [k, fn] of Object.entries({
      toString: () => name,
      name: () => name,
      toJSON: () => name,
      ordinal: () => value.ordinal,
    })) {
      Object.defineProperty(obj, k, { value: fn, enumerable: false });
    }
    Object.freeze(obj);
    this.enumFacades.set(key, obj);
    this.enumOfFacade.set(obj, value);
    return obj;
  }

  /** Converts a host value into the script's realm (deep for arrays and plain objects). */
  toScript(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    const t = typeof value;
    if (t !== 'object') return value;
    if (value instanceof ServiceObject) return this.facade(value);
    if (value instanceof EnumValue) return this.enumFacade(value);
    if (this.isScriptObject(value)) return value;
    const R = this.realm.intrinsics;
    if (types.isDate(value)) return new R.Date((value as Date).getTime());
    if (value instanceof Int8Array || value instanceof Uint8Array) {
      const out = new R.Array<number>();
      const signed =
        value instanceof Int8Array ? value : new Int8Array(value.buffer, value.byteOffset, value.byteLength);
      for (let i = 0; i < signed.length; i++) out.push(signed[i]);
      return out;
    }
    if (Array.isArray(value)) {
      const out = new R.Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toScript(value[i]);
      return out;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) {
      const out = new R.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = this.toScript(v);
      return out;
    }
    return value;
  }

  /** True for objects that already belong to the script realm (returned as they are). */
  private isScriptObject(value: object): boolean {
    const proto = Object.getPrototypeOf(value) as unknown;
    const R = this.realm.intrinsics;
    return (
      this.implOfFacade.has(value) ||
      this.enumOfFacade.has(value) ||
      proto === R.Object.prototype ||
      proto === R.Array.prototype
    );
  }

  /** Converts a script value handed to a service into a host value (facades back to their instance). */
  toHost(value: unknown): unknown {
    if (value === null || value === undefined || typeof value !== 'object') return value;
    const impl = this.implOfFacade.get(value);
    if (impl) return impl;
    const en = this.enumOfFacade.get(value);
    if (en) return en;
    if (types.isDate(value)) return new Date((value as Date).getTime());
    if (Array.isArray(value)) return value.map((v: unknown) => this.toHost(v));
    if (types.isTypedArray(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = this.toHost(v);
    return out;
  }

  /**
   * Converts a script value into a plain host value for reporting (the entry point's return value): objects with
   * `printJson()` (cards, action responses) become their parsed JSON, facades become `{ "@class": name }`.
   */
  toPlain(value: unknown, depth = 0): unknown {
    if (value === null || value === undefined || typeof value !== 'object') {
      return typeof value === 'function' ? `[Function ${(value as Function).name}]` : value;
    }
    if (depth > 50) return '[Too deep]';
    const printJson = (value as { printJson?: unknown }).printJson;
    if (typeof printJson === 'function') return JSON.parse(String(printJson.call(value))) as unknown;
    const impl = this.implOfFacade.get(value);
    if (impl) return { '@class': impl.className };
    const en = this.enumOfFacade.get(value);
    if (en) return en.name;
    if (types.isDate(value)) return new Date((value as Date).getTime());
    if (Array.isArray(value)) return value.map((v: unknown) => this.toPlain(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = this.toPlain(v, depth + 1);
    return out;
  }
}
