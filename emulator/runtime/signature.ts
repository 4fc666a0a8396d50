/**
 * Apps Script's argument checking: a call whose arguments match none of a method's overloads fails with
 * "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange." (OBSERVED
 * format). Services call `expect*` helpers with the fully-qualified method name.
 */
import { EnumValue, ServiceObject } from './facade';
import { MSG, ScriptException } from './errors';

/** Apps Script's name for the type of an argument, as printed in signature errors. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof Date) return 'Date';
  if (value instanceof ServiceObject) return value.className;
  if (value instanceof EnumValue) return value.enumName;
  if (Array.isArray(value)) return (value.length ? typeName(value[0]) : 'Object') + '[]';
  return 'Object';
}

/** Throws the signature error for `fq` with the given arguments (trailing undefined ones dropped). */
export function badSignature(fq: string, args: readonly unknown[]): never {
  const given = [...args];
  while (given.length && given[given.length - 1] === undefined) given.pop();
  throw new ScriptException(MSG.badSignature(given.map(typeName).join(','), fq));
}

/** An integer argument: non-numbers fail the signature; fractional numbers cannot be converted. */
export function expectInt(fq: string, args: readonly unknown[], value: unknown): number {
  if (typeof value !== 'number') badSignature(fq, args);
  if (!Number.isFinite(value) || !Number.isInteger(value))
    throw new ScriptException(`Cannot convert ${String(value)} to int.`);
  return value;
}

/** A string argument (Apps Script converts numbers and booleans to strings where a String is expected). */
export function expectString(fq: string, args: readonly unknown[], value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return badSignature(fq, args);
}

/** A two-dimensional array argument (Object[][]). */
export function expect2D(fq: string, args: readonly unknown[], value: unknown): unknown[][] {
  if (!Array.isArray(value) || !value.every((row) => Array.isArray(row))) badSignature(fq, args);
  return value as unknown[][];
}
