/**
 * How a workbook file's cells become spreadsheet cells and back. On import (CSV or text cells) the loader does what
 * Sheets' import does with "convert text to numbers, dates and formulas": plain numbers become numbers, TRUE/FALSE
 * booleans, ISO dates (`2026-01-05`, `2026-01-05 10:30:00`) dates in the spreadsheet's zone, `=…` formulas; a
 * leading apostrophe marks text; everything else is text. On export each cell is written so that importing it again
 * gives the same cell: formulas as their text, dates as ISO text, and text that would otherwise be re-typed (a
 * string that looks like a number, boolean, date or formula) behind an apostrophe.
 */
import { formatDate } from '../runtime/formatDate';
import type { Cell } from '../runtime/spreadsheet/model';
import { evaluateFormula } from '../runtime/spreadsheet/values';
import { resolveZone, zonedEpoch, zoneParts } from '../runtime/time';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A cell as imported from text. */
export function importCell(raw: string, timeZone: string): Cell | undefined {
  if (raw === '') return undefined;
  if (raw.startsWith("'")) return { v: raw.slice(1) };
  if (raw.startsWith('=') && raw.length > 1) return { v: evaluateFormula(raw), f: raw };
  if (NUMBER.test(raw)) return { v: Number(raw) };
  if (/^(true|false)$/i.test(raw)) return { v: raw.toUpperCase() === 'TRUE' };
  const m = ISO.exec(raw);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const valid = mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (valid) {
      const ms = zonedEpoch(resolveZone(timeZone), y, mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
      return { v: new Date(ms), fmt: m[4] ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd' };
    }
  }
  return { v: raw };
}

/** Whether text would be re-typed on import (so it needs the apostrophe). */
function needsMarker(text: string, timeZone: string): boolean {
  if (text === '') return false;
  const back = importCell(text, timeZone);
  return !back || back.f !== undefined || back.v !== text;
}

/** The text written for a cell in CSV (round-trips through importCell). */
export function exportCell(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return '';
  if (cell.f !== undefined) return cell.f;
  const v = cell.v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const p = zoneParts(v.getTime(), resolveZone(timeZone));
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatDate(v.getTime(), timeZone, midnight ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss');
  }
  return needsMarker(v, timeZone) ? `'${v}` : v;
}
