/**
 * RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF records, an
 * optional UTF-8 byte-order mark. Used to load and save workbooks as one CSV per tab, and by Utilities.parseCsv.
 */

/** Parses CSV text into rows of raw strings (no typing). A trailing line break does not add an empty row. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let fieldStarted = false;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Quotes a field when it holds the delimiter, a quote, a line break, or leading/trailing spaces. */
function quote(field: string, delimiter: string): string {
  if (field.includes(delimiter) || /["\r\n]/.test(field) || /^\s|\s$/.test(field))
    return `"${field.replace(/"/g, '""')}"`;
  return field;
}

/** Serialises rows as CSV with CRLF record separators (RFC 4180), no trailing empty columns trimmed. */
export function toCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((r) => r.map((f) => quote(f, delimiter)).join(delimiter)).join('\r\n') + (rows.length ? '\r\n' : '');
}
