/**
 * A small, safe Markdown-to-HTML renderer for the playground's Fidelity page (emulator/COVERAGE.md and
 * emulator/KNOWN-DIFFERENCES.md). It understands the subset those generated files use — ATX headings, paragraphs,
 * bullet and numbered lists (nested by indentation), GitHub tables, fenced code, block quotes, rules, and inline
 * code, bold, italics, strike-through and links — and nothing else. Raw HTML in the source is never passed through:
 * every piece of text is escaped, and links keep only http(s), mailto, relative and in-page targets.
 */
import { escapeHtml } from './html';

/** Renders Markdown to HTML; the output is safe to insert into a page (no raw HTML, no script URLs). */
export function renderMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  return renderBlocks(lines).join('\n');
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)\s*([\w+-]*)\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function renderBlocks(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i++; // closing fence (or end of input)
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      const text = heading[2];
      out.push(`<h${level} id="${slug(text)}">${renderInline(text)}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (line.trimStart().startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i].trimStart().startsWith('>')) {
        quoted.push(lines[i].trimStart().replace(/^>\s?/, ''));
        i++;
      }
      out.push(`<blockquote>${renderBlocks(quoted).join('\n')}</blockquote>`);
      continue;
    }
    if (
      line.includes('|') &&
      i + 1 < lines.length &&
      TABLE_SEPARATOR.test(lines[i + 1]) &&
      lines[i + 1].includes('-')
    ) {
      const rows: string[] = [line];
      const align = tableAlign(lines[i + 1]);
      i += 2;
      while (i < lines.length && lines[i].includes('|') && lines[i].trim() !== '') rows.push(lines[i++]);
      out.push(renderTable(rows, align));
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const block: string[] = [];
      while (i < lines.length && (LIST_ITEM.test(lines[i]) || (lines[i].trim() !== '' && /^\s+/.test(lines[i])))) {
        block.push(lines[i++]);
      }
      out.push(renderList(block));
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() !== '' &&
      !HEADING.test(lines[i]) &&
      !FENCE.test(lines[i]) &&
      !RULE.test(lines[i]) &&
      !LIST_ITEM.test(lines[i]) &&
      !lines[i].trimStart().startsWith('>')
    ) {
      para.push(lines[i++].trim());
    }
    if (para.length === 0) {
      // A line no block rule accepted (cannot normally happen); render it as text to guarantee progress.
      para.push(lines[i++].trim());
    }
    out.push(`<p>${renderInline(para.join(' '))}</p>`);
  }
  return out;
}

function indentOf(line: string): number {
  return (/^\s*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length;
}

/** Renders a run of list lines; deeper-indented items become nested lists of the item above them. */
function renderList(lines: string[]): string {
  const first = LIST_ITEM.exec(lines[0]);
  if (!first) return '';
  const baseIndent = indentOf(lines[0]);
  const ordered = /\d/.test(first[2]);
  const items: { text: string; children: string[] }[] = [];
  for (const line of lines) {
    const m = LIST_ITEM.exec(line);
    if (m && indentOf(line) <= baseIndent) {
      items.push({ text: m[3], children: [] });
    } else if (items.length > 0) {
      const last = items[items.length - 1];
      if (m) last.children.push(line);
      else if (last.children.length > 0) last.children.push(line);
      else last.text += ' ' + line.trim();
    }
  }
  const tag = ordered ? 'ol' : 'ul';
  const start = ordered && first[2] !== '1.' && first[2] !== '1)' ? ` start="${parseInt(first[2], 10)}"` : '';
  const body = items
    .map((item) => {
      const nested = item.children.length > 0 ? renderList(dedent(item.children)) : '';
      return `<li>${renderInline(item.text)}${nested}</li>`;
    })
    .join('');
  return `<${tag}${start}>${body}</${tag}>`;
}

function dedent(lines: string[]): string[] {
  const min = Math.min(...lines.filter((l) => l.trim() !== '').map(indentOf));
  return lines.map((l) => l.replace(/\t/g, '    ').slice(min));
}

type Align = 'left' | 'center' | 'right' | undefined;

function splitRow(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  let inCode = false;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === '\\' && s[k + 1] === '|') {
      cur += '|';
      k++;
    } else if (ch === '`') {
      inCode = !inCode;
      cur += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

function tableAlign(separator: string): Align[] {
  return splitRow(separator).map((c) => {
    const left = c.startsWith(':');
    const right = c.endsWith(':');
    if (left && right) return 'center';
    if (right) return 'right';
    if (left) return 'left';
    return undefined;
  });
}

function renderTable(rows: string[], align: Align[]): string {
  const cell = (tag: string, text: string, k: number): string => {
    const a = align[k];
    return `<${tag}${a ? ` style="text-align:${a}"` : ''}>${renderInline(text)}</${tag}>`;
  };
  const [head, ...body] = rows.map(splitRow);
  const thead = `<thead><tr>${head.map((c, k) => cell('th', c, k)).join('')}</tr></thead>`;
  const tbody = body.map((r) => `<tr>${head.map((_, k) => cell('td', r[k] ?? '', k)).join('')}</tr>`).join('');
  return `<div class="md-table"><table>${thead}<tbody>${tbody}</tbody></table></div>`;
}

/** A heading's anchor id: lower-case words joined by dashes. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*_~[\]()]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Keeps only link targets that cannot run script: http(s), mailto, in-page anchors and relative paths. */
export function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return h;
  if (/^[#./]/.test(h) || /^[\w-]+(\.[\w-]+)*(\/|$|#|\?)/.test(h)) {
    return /^[a-z][\w+.-]*:/i.test(h) ? undefined : h;
  }
  return undefined;
}

/**
 * Renders inline Markdown: code spans first (their content is literal), then links, then emphasis. The text is
 * escaped before any markup is added, so nothing in the source can become a tag or attribute.
 */
export function renderInline(text: string): string {
  const parts: string[] = [];
  const codeSpan = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = codeSpan.exec(text)) !== null) {
    parts.push(renderLinksAndEmphasis(text.slice(last, m.index)));
    parts.push(`<code>${escapeHtml(m[2].trim())}</code>`);
    last = m.index + m[0].length;
  }
  parts.push(renderLinksAndEmphasis(text.slice(last)));
  return parts.join('');
}

function renderLinksAndEmphasis(text: string): string {
  const link = /\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<(https?:\/\/[^>\s]+)>/g;
  const out: string[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = link.exec(text)) !== null) {
    out.push(emphasis(escapeHtml(text.slice(last, m.index))));
    const label = m[1] ?? m[3];
    const href = safeHref(m[2] ?? m[3]);
    const inner = emphasis(escapeHtml(label));
    if (href) {
      const external = /^https?:/i.test(href) ? ' target="_blank" rel="noopener noreferrer"' : '';
      out.push(`<a href="${escapeHtml(href)}"${external}>${inner}</a>`);
    } else out.push(inner);
    last = m.index + m[0].length;
  }
  out.push(emphasis(escapeHtml(text.slice(last))));
  return out.join('');
}

/** Bold, italics and strike-through over already-escaped text (the markers are not escaped characters). */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([\s\S]*?\S)__/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>');
}
