/**
 * A fresh V8 context per execution, prepared the way Apps Script's is: no Node globals (`require`, `process`,
 * `setTimeout`, `fetch` do not exist), `Date` reads the virtual clock (so `new Date()` and `Date.now()` are the
 * execution's virtual time; `Date.now()` is a whole number of milliseconds, as ECMAScript time values are, even
 * when the virtual clock has advanced by a fraction), and `Math.random` is seeded for reproducible runs (an emulator-only choice, README R9).
 * Exposes the context's own constructors so the runtime can build values that belong to the script's realm
 * (`instanceof Date`, `instanceof Array`, `instanceof Error` then hold inside the script).
 */
import * as vm from 'node:vm';

/** The constructors of one context, used to build script-realm values from the host. */
export interface RealmIntrinsics {
  Object: ObjectConstructor;
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  TypeError: TypeErrorConstructor;
  JSON: JSON;
}

export interface Realm {
  readonly context: vm.Context;
  readonly intrinsics: RealmIntrinsics;
  /** The global object of the context, where services are installed. */
  readonly global: Record<string, unknown>;
}

// Runs inside the new context. `now` and `random` are host functions handed in once and captured in closures, so
// the script cannot reach them by name.
const BOOTSTRAP = `(function (now, random) {
  'use strict';
  var RealDate = globalThis.Date;
  var VirtualDate = function Date() {
    if (!new.target) return new RealDate(now()).toString();
    if (arguments.length === 0) return Reflect.construct(RealDate, [now()], new.target);
    return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target);
  };
  Object.defineProperty(VirtualDate, 'prototype', { value: RealDate.prototype, writable: false });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  VirtualDate.now = function now_() { return Math.floor(now()); };
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: VirtualDate, writable: true, configurable: true, enumerable: false });
  Math.random = function random_() { return random(); };
  return { Object: Object, Array: Array, Date: VirtualDate, Error: Error, TypeError: TypeError, JSON: JSON };
})`;

/**
 * Creates a context whose clock and randomness come from the host.
 * @param now virtual epoch milliseconds
 * @param random a seeded generator in [0, 1)
 */
export function createRealm(now: () => number, random: () => number): Realm {
  const context = vm.createContext(
    {},
    { name: 'Apps Script execution', codeGeneration: { strings: true, wasm: false } },
  );
  const bootstrap = new vm.Script(BOOTSTRAP, { filename: 'emulator-bootstrap.js' }).runInContext(context) as (
    n: () => number,
    r: () => number,
  ) => RealmIntrinsics;
  const intrinsics = bootstrap(now, random);
  return { context, intrinsics, global: context as Record<string, unknown> };
}
