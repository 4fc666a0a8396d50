/**
 * The standard `fields` query parameter (partial responses, discovery `parameters.fields`: "Selector specifying which
 * fields to include in a partial response"): `a,b(c,d),e/f`, `*` for everything at a level. Applied to JSON
 * responses after the handler ran.
 */
import { ApiError } from './errors';

type Selection = Map<string, Selection | true>;

function parse(text: string): Selection {
  let pos = 0;
  const readList = (): Selection => {
    const sel: Selection = new Map();
    for (;;) {
      let name = '';
      while (pos < text.length && !',()/'.includes(text[pos])) name += text[pos++];
      name = name.trim();
      if (!name) throw new ApiError('INVALID_ARGUMENT', `Invalid field selection ${text}`);
      let node: Selection | true = true;
      if (text[pos] === '/') {
        pos++;
        node = readList1();
      } else if (text[pos] === '(') {
        pos++;
        node = readList();
        if (text[pos] !== ')') throw new ApiError('INVALID_ARGUMENT', `Invalid field selection ${text}`);
        pos++;
      }
      const prev = sel.get(name);
      sel.set(name, prev && prev !== true && node !== true ? new Map([...prev, ...node]) : prev === true ? true : node);
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      return sel;
    }
  };
  // a/b/c: one path element per level.
  const readList1 = (): Selection => {
    let name = '';
    while (pos < text.length && !',()/'.includes(text[pos])) name += text[pos++];
    name = name.trim();
    let node: Selection | true = true;
    if (text[pos] === '/') {
      pos++;
      node = readList1();
    } else if (text[pos] === '(') {
      pos++;
      node = readList();
      pos++;
    }
    return new Map([[name, node]]);
  };
  const sel = readList();
  if (pos !== text.length) throw new ApiError('INVALID_ARGUMENT', `Invalid field selection ${text}`);
  return sel;
}

function apply(value: unknown, sel: Selection): unknown {
  if (Array.isArray(value)) return value.map((v) => apply(v, sel));
  if (typeof value !== 'object' || value === null) return value;
  if (sel.has('*') && sel.size === 1) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of sel) {
    if (key === '*') {
      Object.assign(out, value);
      continue;
    }
    if (!(key in (value as Record<string, unknown>))) continue;
    const v = (value as Record<string, unknown>)[key];
    out[key] = child === true ? v : apply(v, child);
  }
  return out;
}

/** Applies a `fields` selector to a JSON response. */
export function selectFields(value: unknown, fields: string | undefined): unknown {
  if (!fields || fields.trim() === '') return value;
  return apply(value, parse(fields.replace(/\s+/g, '')));
}
