/**
 * Request validation driven by the discovery document, with the messages Google's front end (ESF) gives: unknown
 * query parameters ("Cannot bind query parameter"), badly typed parameters, unknown body fields ("Invalid JSON payload
 * received. Unknown name "foo" at 'space': Cannot find field."), wrong JSON types and enum values ("Invalid value at
 * 'space.space_type' (type.googleapis.com/google.chat.v1.Space.SpaceType), "FOO""). Proto JSON accepts both the
 * lowerCamel JSON name and the proto (snake_case) name of a field; bodies are returned normalised to lowerCamel.
 * Output-only fields are accepted and ignored (AIP-203: the server must ignore them).
 */
import type { DiscoveryParameter, DiscoverySchema, MethodInfo } from './discovery';
import { ApiError, badRequestDetail } from './errors';

/** A parsed query parameter value. */
export type QueryValue = string | number | boolean | string[];

/** lowerCamel → snake_case, as proto field names are written in error messages and update masks. */
export function snake(name: string): string {
  return name
    .replace(/([A-Z])/g, '_$1')
    .replace(/([a-z])([0-9])/g, '$1_$2')
    .toLowerCase();
}

/** snake_case → lowerCamel (proto JSON name). */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function invalidValue(location: string, typeName: string, value: unknown): ApiError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  const message = `Invalid value at '${location}' (${typeName}), ${shown}`;
  return new ApiError('INVALID_ARGUMENT', message, [badRequestDetail(location, message)]);
}

function unknownName(name: string, location: string): ApiError {
  const at = location ? ` at '${location}'` : '';
  const message = `Invalid JSON payload received. Unknown name "${name}"${at}: Cannot find field.`;
  return new ApiError('INVALID_ARGUMENT', message, [badRequestDetail(location, message)]);
}

const STANDARD_TYPES: Record<string, string> = {
  boolean: 'TYPE_BOOL',
  integer: 'TYPE_INT32',
  number: 'TYPE_DOUBLE',
  string: 'TYPE_STRING',
};

/**
 * Parses and validates the query string against the method's query parameters plus the standard ones the document
 * declares for every method. Throws INVALID_ARGUMENT as ESF does.
 */
export function validateQuery(
  method: MethodInfo,
  standard: Record<string, DiscoveryParameter>,
  search: URLSearchParams,
): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    const param = method.parameters[key]?.location === 'query' ? method.parameters[key] : standard[key];
    if (!param) {
      const message =
        `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. ` +
        `Field '${key}' could not be found in request message.`;
      throw new ApiError('INVALID_ARGUMENT', message, [badRequestDetail(key, message)]);
    }
    if (values.length > 1 && !param.repeated) {
      const message = `Invalid JSON payload received. Repeated values for field '${key}' are not allowed.`;
      throw new ApiError('INVALID_ARGUMENT', message, [badRequestDetail(key, message)]);
    }
    const location = snake(key.replace(/^\$\./, ''));
    const parsed = values.map((raw) => parseScalar(raw, param, location, method));
    out[key] = param.repeated ? parsed.map(String) : parsed[0];
  }
  return out;
}

function parseScalar(
  raw: string,
  param: DiscoveryParameter,
  location: string,
  method: MethodInfo,
): string | number | boolean {
  switch (param.type) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(raw.trim())) throw invalidValue(location, 'TYPE_INT32', raw);
      const n = Number(raw);
      if (n > 2147483647 || n < -2147483648) throw invalidValue(location, 'TYPE_INT32', raw);
      return n;
    }
    case 'boolean': {
      const lower = raw.trim().toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      throw invalidValue(location, 'TYPE_BOOL', raw);
    }
    default:
      if (param.enum && !param.enum.includes(raw)) {
        const enumName = location
          .split('_')
          .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
          .join('');
        const request = method.name.charAt(0).toUpperCase() + method.name.slice(1);
        throw invalidValue(location, `type.googleapis.com/google.chat.v1.${request}Request.${enumName}`, raw);
      }
      return raw;
  }
}

/** Validates bodies against discovery schemas. */
export class BodyValidator {
  constructor(private readonly schemas: Record<string, DiscoverySchema>) {}

  /**
   * Validates and normalises `value` as an instance of schema `schemaName`. `location` is the proto path of the
   * value in the request message (`space`, or '' for a body mapped to the whole request).
   */
  validate(value: unknown, schemaName: string, location: string): Record<string, unknown> {
    if (value === null || value === undefined) return {};
    const schema = this.schemas[schemaName];
    if (!schema) return value as Record<string, unknown>;
    return this.object(value, schema, schemaName, location) as Record<string, unknown>;
  }

  private object(value: unknown, schema: DiscoverySchema, schemaName: string, location: string): unknown {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      if (Array.isArray(value)) {
        const message = `Invalid JSON payload received. Unknown name "" at '${location}': Proto field is not repeating, cannot start list.`;
        throw new ApiError('INVALID_ARGUMENT', message, [badRequestDetail(location, message)]);
      }
      throw invalidValue(location, `type.googleapis.com/google.chat.v1.${schemaName}`, value);
    }
    const props = schema.properties ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const name = props[key] ? key : props[camel(key)] ? camel(key) : undefined;
      if (name === undefined) {
        if (schema.additionalProperties) {
          out[key] = this.value(
            child,
            schema.additionalProperties,
            schemaName,
            location ? `${location}[${key}]` : key,
            key,
          );
          continue;
        }
        throw unknownName(key, location);
      }
      const childLocation = location ? `${location}.${snake(name)}` : snake(name);
      if (child === null) continue;
      out[name] = this.value(child, props[name], schemaName, childLocation, name);
    }
    return out;
  }

  private value(value: unknown, schema: DiscoverySchema, parent: string, location: string, field: string): unknown {
    if (schema.$ref) {
      const target = this.schemas[schema.$ref];
      if (!target) return value;
      return this.object(value, target, schema.$ref, location);
    }
    switch (schema.type) {
      case 'array': {
        if (!Array.isArray(value)) {
          throw invalidValue(location, `type.googleapis.com/google.chat.v1.${parent}`, value);
        }
        return value.map((item, i) =>
          this.value(item, schema.items ?? { type: 'any' }, parent, `${location}[${i}]`, field),
        );
      }
      case 'object': {
        if (schema.additionalProperties) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw invalidValue(location, 'type.googleapis.com/google.protobuf.Struct', value);
          }
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            out[k] = this.value(v, schema.additionalProperties, parent, `${location}[${k}]`, k);
          }
          return out;
        }
        return this.object(value, schema, parent, location);
      }
      case 'string': {
        if (schema.enum) return this.enumValue(value, schema, parent, location, field);
        if (typeof value !== 'string') {
          if (schema.format === 'int64' && typeof value === 'number' && Number.isInteger(value)) return String(value);
          throw invalidValue(location, 'TYPE_STRING', value);
        }
        if (schema.format === 'google-datetime' && Number.isNaN(parseTimestamp(value))) {
          throw invalidValue(location, 'type.googleapis.com/google.protobuf.Timestamp', value);
        }
        if (schema.format === 'byte' && !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) {
          const message = `Invalid value at '${location}' (TYPE_BYTES), Base64 decoding failed for ${JSON.stringify(value)}`;
          throw new ApiError('INVALID_ARGUMENT', message, [badRequestDetail(location, message)]);
        }
        return value;
      }
      case 'boolean':
        if (typeof value !== 'boolean') throw invalidValue(location, STANDARD_TYPES.boolean, value);
        return value;
      case 'integer': {
        const n = typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isInteger(n)) throw invalidValue(location, STANDARD_TYPES.integer, value);
        return n;
      }
      case 'number': {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof n !== 'number' || Number.isNaN(n)) throw invalidValue(location, STANDARD_TYPES.number, value);
        return n;
      }
      default:
        return value;
    }
  }

  private enumValue(value: unknown, schema: DiscoverySchema, parent: string, location: string, field: string): string {
    const values = schema.enum ?? [];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < values.length)
      return values[value];
    if (typeof value === 'string' && values.includes(value)) return value;
    const enumName = field.charAt(0).toUpperCase() + field.slice(1);
    throw invalidValue(location, `type.googleapis.com/google.chat.v1.${parent}.${enumName}`, value);
  }
}

/**
 * Parses an RFC 3339 timestamp (`2023-04-21T11:30:00-04:00`, `...Z`, optional fraction). Returns epoch ms, or NaN.
 */
export function parseTimestamp(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return NaN;
  const ms = Date.parse(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${(m[7] ?? '').slice(0, 4)}${m[8].toUpperCase()}`,
  );
  return ms;
}

/** Formats epoch ms as proto JSON Timestamp output (`Z`, 0 or 3 fractional digits). */
export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.replace('.000Z', 'Z') : iso;
}
