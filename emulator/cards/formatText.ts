/**
 * Safe HTML for card text. Card text supports a small documented formatting subset (`<b>`, `<i>`, `<u>`, `<s>`,
 * `<font color="...">`, `<a href="...">`, `<br>`); this module keeps exactly that subset, with checked attribute
 * values and balanced tags, and escapes everything else, so no card text can inject markup or script into the
 * playground page. Newlines become `<br>`; well-formed character entities (`&amp;`, `&#39;`) are kept.
 */

const SIMPLE_TAGS: Readonly<Record<string, string>> = { b: 'b', i: 'i', u: 'u', s: 's', strike: 's' };

/** Escapes text for use in HTML text content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes text content but keeps well-formed character entities. */
function escapeTextKeepingEntities(text: string): string {
  return text
    .replace(/&(?!(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>');
}

/** Decodes the few entities that may appear in attribute values. */
function decodeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A colour accepted in `<font color>`: a hex colour or a plain colour keyword. */
function safeColor(raw: string): string | undefined {
  const v = decodeAttr(raw).trim();
  return /^#[0-9a-f]{3,8}$/i.test(v) || /^[a-z]{3,20}$/i.test(v) ? v : undefined;
}

/** A link target accepted in `<a href>`: http(s) or mailto only. */
export function safeUrl(raw: string): string | undefined {
  const v = decodeAttr(raw).trim();
  return /^(https?:\/\/|mailto:)[^\s"'<>`]*$/i.test(v) ? v : undefined;
}

interface OpenTag {
  /** The card-text tag name (`b`, `font`, `a`, ...). */
  name: string;
  /** The HTML closing tag emitted for it. */
  close: string;
}

/** Parses one `<...>` token into the HTML to emit, or undefined when it is not in the formatting subset. */
function openTag(token: string): { html: string; tag?: OpenTag } | undefined {
  const simple = /^<\s*([a-z]+)\s*>$/i.exec(token);
  if (simple) {
    const name = simple[1].toLowerCase();
    if (name === 'br') return { html: '<br>' };
    const html = SIMPLE_TAGS[name];
    return html ? { html: `<${html}>`, tag: { name, close: `</${html}>` } } : undefined;
  }
  if (/^<\s*br\s*\/\s*>$/i.test(token)) return { html: '<br>' };
  const font = /^<\s*font\s+color\s*=\s*(?:"([^"]*)"|'([^']*)')\s*>$/i.exec(token);
  if (font) {
    const color = safeColor(font[1] ?? font[2] ?? '');
    const html = color ? `<span class="gcard-font" style="color: ${escapeHtml(color)}">` : '<span class="gcard-font">';
    return { html, tag: { name: 'font', close: '</span>' } };
  }
  const link = /^<\s*a\s+href\s*=\s*(?:"([^"]*)"|'([^']*)')\s*>$/i.exec(token);
  if (link) {
    const url = safeUrl(link[1] ?? link[2] ?? '');
    const html = url
      ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">`
      : '<a class="gcard-bad-link">';
    return { html, tag: { name: 'a', close: '</a>' } };
  }
  return undefined;
}

/**
 * Renders card text (which may use the documented formatting subset) as safe HTML.
 *
 * @param text the text from card JSON (`textParagraph.text`, `decoratedText.text`, labels, ...).
 * @returns HTML whose only tags are `b`, `i`, `u`, `s`, `br`, `span` (for `font color`) and `a` (http/mailto).
 */
export function formatCardText(text: string): string {
  let out = '';
  const stack: OpenTag[] = [];
  let last = 0;
  const tokens = /<[^<>]*>/g;
  for (let m = tokens.exec(text); m !== null; m = tokens.exec(text)) {
    out += escapeTextKeepingEntities(text.slice(last, m.index));
    last = m.index + m[0].length;
    const token = m[0];
    const closing = /^<\s*\/\s*([a-z]+)\s*>$/i.exec(token);
    if (closing) {
      const name = closing[1].toLowerCase() === 'strike' ? 's' : closing[1].toLowerCase();
      const at = stack.map((t) => (t.name === 'strike' ? 's' : t.name)).lastIndexOf(name);
      if (at >= 0) {
        while (stack.length > at) out += (stack.pop() as OpenTag).close;
      } else {
        out += escapeTextKeepingEntities(token);
      }
      continue;
    }
    const open = openTag(token);
    if (!open) {
      out += escapeTextKeepingEntities(token);
      continue;
    }
    out += open.html;
    if (open.tag) stack.push(open.tag);
  }
  out += escapeTextKeepingEntities(text.slice(last));
  while (stack.length > 0) out += (stack.pop() as OpenTag).close;
  return out;
}
