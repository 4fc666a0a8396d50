/**
 * The machinery every emulated CardService class is built from: a class is a name, a table of methods with their
 * Apps Script parameter types, and a serializer to google.apps.card.v1 JSON. Scripts get plain objects whose methods
 * check their arguments the way Apps Script does ("The parameters (String) don't match the method signature for
 * CardService.TextButton.setTextButtonStyle.") and record state; the state lives in a WeakMap keyed by the public
 * object, which doubles as the brand (no `instanceof`, so objects work when called from a `vm` context).
 */
import { createEnums, enumJson, type EnumIdentity, type EnumRegistry } from './enums';
import type { Json, JsonObject } from './json';

/** Options of one CardService instance. */
export interface CardServiceOptions {
  /**
   * Whether `CardBuilder.build()` rejects a card without sections (default true; known difference K4: the
   * reference's own sample builds a header-only card, so real Apps Script may accept it).
   */
  requireSections?: boolean;
  /** Called with `CardService.<Class>.<method>` for every method call a script makes (for call counting). */
  onCall?: (method: string) => void;
}

/** Internal state of one builder object. */
export interface BuilderNode {
  cls: string;
  state: Record<string, unknown>;
  self: object;
}

/** What a serializer can do besides reading state. */
export interface Serializer {
  /** Serializes a nested builder. */
  json(node: BuilderNode): JsonObject;
  /** Serializes a nested builder that must be usable as a card widget (`{ textParagraph: ... }` etc.). */
  widget(node: BuilderNode): JsonObject;
  /** JSON spelling of an enum value. */
  enumValue(identity: EnumIdentity): string;
  /** Throws the build error (created in the script's realm). */
  fail(message: string): never;
}

/** A parameter type of an Apps Script method. */
export type ParamType =
  | { t: 'string' }
  | { t: 'object-as-string' }
  | { t: 'boolean' }
  | { t: 'int' }
  | { t: 'number' }
  | { t: 'number-or-string' }
  | { t: 'map' }
  | { t: 'enum'; name: string }
  | { t: 'class'; names: readonly string[] }
  | { t: 'widget' }
  | { t: 'array'; of: ParamType };

/** Parameter-type constructors, named after the reference's types. */
export const P = {
  string: { t: 'string' } as ParamType,
  /** `Object` parameters that Apps Script stringifies (SelectionInput.addItem text and value). */
  objectAsString: { t: 'object-as-string' } as ParamType,
  boolean: { t: 'boolean' } as ParamType,
  int: { t: 'int' } as ParamType,
  number: { t: 'number' } as ParamType,
  numberOrString: { t: 'number-or-string' } as ParamType,
  map: { t: 'map' } as ParamType,
  enumOf: (name: string): ParamType => ({ t: 'enum', name }),
  classOf: (...names: string[]): ParamType => ({ t: 'class', names }),
  /** Any class that can be added to a section as a widget. */
  widget: { t: 'widget' } as ParamType,
  arrayOf: (of: ParamType): ParamType => ({ t: 'array', of }),
};

/** A method: its parameter types and what it does with checked arguments. Returns `this` unless it returns. */
export interface MethodDef {
  params: readonly ParamType[];
  apply(node: BuilderNode, args: unknown[], kit: Kit): unknown;
}

/** A class: methods, a serializer to JSON, and (for widgets) a serializer to a widget wrapper. */
export interface ClassDef {
  name: string;
  methods: Record<string, MethodDef>;
  toJson?(state: Record<string, unknown>, s: Serializer): JsonObject;
  asWidget?(state: Record<string, unknown>, s: Serializer): JsonObject;
}

/** Shared services of one CardService instance. */
export interface Kit {
  readonly options: Required<Pick<CardServiceOptions, 'requireSections'>> & CardServiceOptions;
  readonly enums: EnumRegistry;
  makeError(message: string): Error;
  /** The builder node behind a public object, if it is one of ours. */
  nodeOf(value: unknown): BuilderNode | undefined;
  /** Creates a public object of a registered class. */
  create(cls: string, initial?: Record<string, unknown>): object;
  /** Serializes a node with a fresh serializer. */
  serialize(node: BuilderNode): JsonObject;
  /** Serializes a node as a widget. */
  serializeWidget(node: BuilderNode): JsonObject;
  /** Whether a class can be added to a section as a widget. */
  isWidgetClass(cls: string): boolean;
}

/** Creates a kit with the given class definitions. */
export function createKit(
  makeError: (message: string) => Error,
  options: CardServiceOptions,
  classes: readonly ClassDef[],
): Kit {
  const nodes = new WeakMap<object, BuilderNode>();
  const defs = new Map<string, ClassDef>(classes.map((c) => [c.name, c]));
  const enums = createEnums();

  const serializer: Serializer = {
    json: (node) => {
      const def = defs.get(node.cls);
      if (!def?.toJson) throw makeError(`CardService.${node.cls} cannot be serialized.`);
      return def.toJson(node.state, serializer);
    },
    widget: (node) => {
      const def = defs.get(node.cls);
      if (!def?.asWidget) throw makeError(`CardService.${node.cls} is not a widget.`);
      return def.asWidget(node.state, serializer);
    },
    enumValue: enumJson,
    fail: (message) => {
      throw makeError(message);
    },
  };

  const kit: Kit = {
    options: { requireSections: true, ...options },
    enums,
    makeError,
    nodeOf: (value) => (typeof value === 'object' && value !== null ? nodes.get(value) : undefined),
    create: (cls, initial) => {
      const def = defs.get(cls);
      if (!def) throw makeError(`CardService.${cls} is not emulated.`);
      const self: Record<string, unknown> = {};
      const node: BuilderNode = { cls, state: { ...initial }, self };
      for (const [method, m] of Object.entries(def.methods)) {
        self[method] = function (...args: unknown[]): unknown {
          options.onCall?.(`CardService.${cls}.${method}`);
          checkArgs(kit, cls, method, m.params, args);
          const result = m.apply(node, args, kit);
          return result === undefined ? self : result;
        };
      }
      self.toString = () => cls;
      nodes.set(self, node);
      return Object.freeze(self);
    },
    serialize: (node) => serializer.json(node),
    serializeWidget: (node) => serializer.widget(node),
    isWidgetClass: (cls) => Boolean(defs.get(cls)?.asWidget),
  };
  return kit;
}

/** Throws Apps Script's signature error unless `args` match `params`. */
function checkArgs(kit: Kit, cls: string, method: string, params: readonly ParamType[], args: unknown[]): void {
  const ok = args.length === params.length && params.every((p, i) => matches(kit, p, args[i]));
  if (!ok) {
    const types = args.map((a) => typeName(kit, a)).join(',');
    throw kit.makeError(`The parameters (${types}) don't match the method signature for CardService.${cls}.${method}.`);
  }
}

function matches(kit: Kit, p: ParamType, v: unknown): boolean {
  switch (p.t) {
    case 'string':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'object-as-string':
      return v !== null && v !== undefined && typeof v !== 'function';
    case 'boolean':
      return typeof v === 'boolean';
    case 'int':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'number-or-string':
      return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
    case 'map':
      return typeof v === 'object' && v !== null && !Array.isArray(v) && !kit.nodeOf(v) && !kit.enums.identify(v);
    case 'enum':
      return kit.enums.identify(v)?.enumName === p.name;
    case 'class': {
      const node = kit.nodeOf(v);
      return node !== undefined && p.names.includes(node.cls);
    }
    case 'widget': {
      const node = kit.nodeOf(v);
      return node !== undefined && kit.isWidgetClass(node.cls);
    }
    case 'array':
      return Array.isArray(v) && v.every((item) => matches(kit, p.of, item));
  }
}

/** How Apps Script names an argument's type in signature errors (approximate: known difference K9). */
function typeName(kit: Kit, v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'function') return 'Function';
  const node = kit.nodeOf(v);
  if (node) return `CardService.${node.cls}`;
  const en = kit.enums.identify(v);
  if (en) return `CardService.${en.enumName}`;
  return Array.isArray(v) ? 'Object[]' : 'Object';
}

/** Method that stores its single argument (converted) under `key`. */
export function setter(key: string, param: ParamType): MethodDef {
  return {
    params: [param],
    apply: (node, [value], kit) => {
      node.state[key] = convert(kit, param, value);
      return undefined;
    },
  };
}

/** Method that appends its single argument (a builder node) to the array at `key`, with an optional limit. */
export function adder(key: string, param: ParamType, limit?: { max: number; message: string }): MethodDef {
  return {
    params: [param],
    apply: (node, [value], kit) => {
      const list = (node.state[key] as unknown[] | undefined) ?? [];
      if (limit && list.length >= limit.max) throw kit.makeError(limit.message);
      list.push(convert(kit, param, value));
      node.state[key] = list;
      return undefined;
    },
  };
}

/** Converts a checked argument to its stored form: strings stringified, builders to nodes, enums to identities. */
export function convert(kit: Kit, p: ParamType, v: unknown): unknown {
  switch (p.t) {
    case 'string':
    case 'object-as-string':
      return String(v);
    case 'number-or-string':
      // Milliseconds are an int64 in card JSON: fractional numbers are truncated.
      return typeof v === 'number' ? String(Math.trunc(v)) : String(v);
    case 'enum':
      return kit.enums.identify(v);
    case 'class':
    case 'widget':
      return kit.nodeOf(v);
    case 'array':
      return (v as unknown[]).map((item) => convert(kit, p.of, item));
    default:
      return v;
  }
}

/** Typed readers of stored state. */
export const read = {
  str: (state: Record<string, unknown>, key: string): string | undefined =>
    typeof state[key] === 'string' ? (state[key] as string) : undefined,
  bool: (state: Record<string, unknown>, key: string): boolean | undefined =>
    typeof state[key] === 'boolean' ? (state[key] as boolean) : undefined,
  num: (state: Record<string, unknown>, key: string): number | undefined =>
    typeof state[key] === 'number' ? (state[key] as number) : undefined,
  node: (state: Record<string, unknown>, key: string): BuilderNode | undefined =>
    isNode(state[key]) ? (state[key] as BuilderNode) : undefined,
  nodes: (state: Record<string, unknown>, key: string): BuilderNode[] =>
    Array.isArray(state[key]) ? (state[key] as unknown[]).filter(isNode) : [],
  enumId: (state: Record<string, unknown>, key: string): EnumIdentity | undefined => {
    const v = state[key];
    return typeof v === 'object' && v !== null && 'enumName' in v ? (v as EnumIdentity) : undefined;
  },
};

function isNode(v: unknown): v is BuilderNode {
  return typeof v === 'object' && v !== null && 'cls' in v && 'state' in v;
}

/** Builds a JSON object from entries, dropping undefined values (only fields the script set are printed: K2). */
export function compact(entries: Record<string, Json | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Parses a CSS-style hex colour (`#rgb`, `#rrggbb`, `#rrggbbaa`) into a google.type.Color with components in [0, 1].
 * Returns undefined for anything else.
 */
export function hexToColor(hex: string): JsonObject | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(hex.trim());
  if (!m) return undefined;
  let h = m[1];
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  const comp = (i: number): number => Math.round((parseInt(h.slice(i, i + 2), 16) / 255) * 10000) / 10000;
  const color: JsonObject = { red: comp(0), green: comp(2), blue: comp(4) };
  if (h.length === 8) color.alpha = comp(6);
  return color;
}
