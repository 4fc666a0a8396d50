/**
 * Card text formatting: the documented subset (`<b>`, `<i>`, `<u>`, `<s>`, `<font color>`, `<a href>`, `<br>`) is
 * kept with checked attributes and balanced tags; everything else is escaped. Includes a generated check that no
 * input can produce a tag outside the allowed set or an event-handler attribute.
 */
import fc from 'fast-check';
import { escapeHtml, formatCardText, safeUrl } from '../../../emulator/cards/formatText';

describe('formatCardText', () => {
  test.each([
    ['plain text', 'plain text'],
    ['<b>b</b><i>i</i><u>u</u><s>s</s>', '<b>b</b><i>i</i><u>u</u><s>s</s>'],
    ['<B>upper</B>', '<b>upper</b>'],
    ['<strike>old</strike>', '<s>old</s>'],
    ['a<br>b<br/>c<br />d', 'a<br>b<br>c<br>d'],
    ['line1\nline2', 'line1<br>line2'],
    ['<font color="#1a73e8">blue</font>', '<span class="gcard-font" style="color: #1a73e8">blue</span>'],
    ["<font color='red'>red</font>", '<span class="gcard-font" style="color: red">red</span>'],
    [
      '<a href="https://chat.google.com/room/AAA?x=1&amp;y=2">open</a>',
      '<a href="https://chat.google.com/room/AAA?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">open</a>',
    ],
    ['<a href="mailto:a@b.c">mail</a>', '<a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer">mail</a>'],
    ['Tom &amp; Jerry &lt;3 &#39;q&#39;', 'Tom &amp; Jerry &lt;3 &#39;q&#39;'],
    ['AT&T <3 "quotes"', 'AT&amp;T &lt;3 &quot;quotes&quot;'],
  ])('%j → %j', (input, output) => {
    expect(formatCardText(input)).toBe(output);
  });

  test('disallowed tags and attributes are escaped, not dropped', () => {
    expect(formatCardText('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(formatCardText('<b onclick="x()">y</b>')).toBe('&lt;b onclick=&quot;x()&quot;&gt;y&lt;/b&gt;');
    expect(formatCardText('<div><p>para</p></div>')).toBe('&lt;div&gt;&lt;p&gt;para&lt;/p&gt;&lt;/div&gt;');
    expect(formatCardText('<time>now</time>')).toBe('&lt;time&gt;now&lt;/time&gt;');
  });

  test('unsafe link targets and colours are neutralised', () => {
    expect(formatCardText('<a href="javascript:alert(1)">x</a>')).toBe('<a class="gcard-bad-link">x</a>');
    expect(formatCardText('<a href="https://e.com/" onmouseover="x">x</a>')).toBe(
      '&lt;a href=&quot;https://e.com/&quot; onmouseover=&quot;x&quot;&gt;x&lt;/a&gt;',
    );
    expect(formatCardText('<font color="red;background:url(x)">x</font>')).toBe('<span class="gcard-font">x</span>');
    expect(safeUrl('https://e.com/"onclick')).toBeUndefined();
    expect(safeUrl(' HTTPS://E.COM/x ')).toBe('HTTPS://E.COM/x');
  });

  test('tags are balanced: unclosed tags are closed, stray closers escaped, overlaps resolved', () => {
    expect(formatCardText('<b>open')).toBe('<b>open</b>');
    expect(formatCardText('close</b>')).toBe('close&lt;/b&gt;');
    expect(formatCardText('<b><i>x</b>y</i>')).toBe('<b><i>x</i></b>y&lt;/i&gt;');
    expect(formatCardText('<font color="red"><b>x</font>')).toBe(
      '<span class="gcard-font" style="color: red"><b>x</b></span>',
    );
  });

  test('escapeHtml escapes all five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('property: output only contains allowed tags and no event handlers or javascript: URLs', () => {
    const pieces = fc.constantFrom(
      '<b>',
      '</b>',
      '<i>',
      '</i>',
      '<a href="https://e.com">',
      '<a href="javascript:x">',
      '</a>',
      '<font color="red">',
      '</font>',
      '<script>',
      '</script>',
      '<img src=x onerror=y>',
      '<br>',
      '"',
      "'",
      '&',
      '<',
      '>',
      'text',
      ' onload=',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        const out = formatCardText(parts.join(''));
        const tags = out.match(/<\/?([a-z]+)/gi) ?? [];
        for (const t of tags)
          expect(['b', 'i', 'u', 's', 'br', 'span', 'a']).toContain(t.replace(/[</]/g, '').toLowerCase());
        expect(out).not.toMatch(/<[^>]*\son[a-z]+=/i);
        expect(out).not.toMatch(/href="javascript:/i);
        const opens = (out.match(/<(b|i|u|s|span|a)[\s>]/g) ?? []).length;
        const closes = (out.match(/<\/(b|i|u|s|span|a)>/g) ?? []).length;
        expect(closes).toBe(opens);
      }),
      { numRuns: 300 },
    );
  });
});
