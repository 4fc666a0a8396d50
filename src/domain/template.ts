/**
 * `{{Column}}` templates for welcome messages and Messages rows. A placeholder names a column of the row (matched
 * like headers: case, spaces and a trailing `*` don't matter, so `{{space NAME}}` is `Space name`) and is replaced by
 * that cell's text. `\{{` writes literal braces. Everything else is left exactly as written, so Chat formatting
 * (`*bold*`, `_italic_`, `~strike~`, backticks), mentions (`<users/123>`, `<users/all>`) and links pass through
 * untouched; inserted values are not themselves re-read as templates. Problems (an unknown column, an unclosed or
 * empty placeholder) are sentences that name the placeholder and list the columns available. Pure.
 */

import { charLength, formatCount, headerKey, humanList, quote } from './text';

/** A piece of a parsed template. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: string; readonly key: string };

/** A parsed template. */
export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  /** Distinct placeholder names as written (trimmed), in order of first use. */
  readonly placeholders: readonly string[];
  /** Syntax problems (unclosed or empty placeholders), one sentence each naming `column`. */
  readonly problems: readonly string[];
}

/** The result of rendering a template. */
export interface RenderResult {
  readonly text: string;
  /** Unknown placeholders and syntax problems; when not empty, `text` keeps unknown placeholders as written. */
  readonly problems: readonly string[];
}

const MAX_NAME_CHARS = 100;
const MAX_LISTED_COLUMNS = 12;

/** Parses a template. `column` names the cell in problem sentences (e.g. `Welcome message`). */
export function parseTemplate(template: string, column: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: string[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  let literal = '';
  let i = 0;
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  while (i < template.length) {
    if (template.startsWith('\\{{', i)) {
      literal += '{{';
      i += 3;
      continue;
    }
    if (!template.startsWith('{{', i)) {
      literal += template[i];
      i++;
      continue;
    }
    // Extra opening braces before a placeholder are literal: "{{{Name}}}" → "{" + value + "}".
    if (template[i + 2] === '{') {
      literal += '{';
      i++;
      continue;
    }
    const close = template.indexOf('}}', i + 2);
    const name = close === -1 ? '' : template.slice(i + 2, close);
    if (close === -1 || /[\r\n]/.test(name) || name.length > MAX_NAME_CHARS) {
      problems.push(
        `${column} has "{{" without a matching "}}"; close the placeholder, e.g. {{Space name}}, or write \\{{ ` +
          `to show literal braces.`,
      );
      literal += '{{';
      i += 2;
      continue;
    }
    const trimmed = name.trim();
    if (trimmed === '') {
      problems.push(`${column} has an empty placeholder {{}}; put a column name inside, e.g. {{Space name}}.`);
      literal += template.slice(i, close + 2);
      i = close + 2;
      continue;
    }
    flush();
    const key = headerKey(trimmed);
    parts.push({ kind: 'placeholder', name: trimmed, key });
    if (!seen.has(key)) {
      seen.add(key);
      names.push(trimmed);
    }
    i = close + 2;
  }
  flush();
  return { parts, placeholders: names, problems };
}

/** True when the template has at least one placeholder. */
export function hasPlaceholders(template: string): boolean {
  return parseTemplate(template, 'Template').placeholders.length > 0;
}

/** Header keys per list of available columns: a tab checks every row against the same list. */
const columnKeys = new WeakMap<readonly string[], Set<string>>();

/**
 * Checks a template against the columns that will be available when it is rendered, without rendering it.
 * Returns problem sentences (empty when fine).
 */
export function checkTemplate(template: string, availableColumns: readonly string[], column: string): string[] {
  const parsed = parseTemplate(template, column);
  let keys = columnKeys.get(availableColumns);
  if (!keys) columnKeys.set(availableColumns, (keys = new Set(availableColumns.map(headerKey))));
  const problems = [...parsed.problems];
  for (const name of parsed.placeholders) {
    if (!keys.has(headerKey(name))) problems.push(unknownPlaceholder(name, availableColumns, column));
  }
  return problems;
}

/**
 * Renders a template. `values` maps column headers (any case/spacing) to cell text; with several sources the first
 * that has the column wins (e.g. the target Spaces row, then the Messages row). Unknown placeholders are problems
 * and stay in the text as written.
 */
export function renderTemplate(
  template: string | ParsedTemplate,
  values: Readonly<Record<string, string>> | readonly Readonly<Record<string, string>>[],
  column: string,
): RenderResult {
  const parsed = typeof template === 'string' ? parseTemplate(template, column) : template;
  const sources = Array.isArray(values) ? (values as readonly Readonly<Record<string, string>>[]) : [values];
  const lookup = new Map<string, string>();
  const available: string[] = [];
  for (const src of sources) {
    for (const [header, value] of Object.entries(src as Readonly<Record<string, string>>)) {
      const key = headerKey(header);
      if (key === '' || lookup.has(key)) continue;
      lookup.set(key, value);
      available.push(header);
    }
  }
  const problems = [...parsed.problems];
  const reported = new Set<string>();
  let text = '';
  for (const part of parsed.parts) {
    if (part.kind === 'text') {
      text += part.text;
      continue;
    }
    const value = lookup.get(part.key);
    if (value === undefined) {
      if (!reported.has(part.key)) {
        reported.add(part.key);
        problems.push(unknownPlaceholder(part.name, available, column));
      }
      text += `{{${part.name}}}`;
    } else {
      text += value;
    }
  }
  return { text, problems };
}

/**
 * Length of the template's fixed text (placeholders removed, `\{{` counted as two characters): a lower bound of
 * the rendered length, so a template whose fixed text is already too long can be rejected before rendering.
 */
export function literalLength(template: string): number {
  const parsed = parseTemplate(template, 'Template');
  return parsed.parts.reduce((n, p) => n + (p.kind === 'text' ? charLength(p.text) : 0), 0);
}

/**
 * Checks a rendered text against a character limit. Returns one sentence when too long, e.g.
 * `Message is 4,321 characters after filling placeholders; Chat allows at most 4,096. Shorten it.`
 */
export function checkRenderedLength(text: string, max: number, column: string, rendered = true): string | undefined {
  const n = charLength(text);
  if (n <= max) return undefined;
  const after = rendered ? ' after filling placeholders' : '';
  return `${column} is ${formatCount(n)} characters${after}; Chat allows at most ${formatCount(max)}. Shorten it.`;
}

function unknownPlaceholder(name: string, available: readonly string[], column: string): string {
  const shown = available.slice(0, MAX_LISTED_COLUMNS);
  const rest = available.length - shown.length;
  const list =
    shown.length === 0 ? 'none' : rest > 0 ? `${shown.join(', ')} and ${rest} more` : humanList(shown, 'and');
  return (
    `${column} uses {{${name}}}, but there is no ${quote(name)} column; the columns you can use are ${list}. ` +
    `Add the column or fix the placeholder.`
  );
}
