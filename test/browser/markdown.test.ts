/**
 * The playground's Markdown renderer (Fidelity page): the subset the emulator's generated documents use renders
 * correctly, and nothing in the source can inject markup or script — raw HTML is escaped, unsafe link targets are
 * dropped, code spans stay literal. Also renders the real emulator/COVERAGE.md and KNOWN-DIFFERENCES.md when present.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderMarkdown, renderInline, safeHref, slug } from '../../emulator/playground/markdown';

describe('playground markdown renderer', () => {
  test('headings, paragraphs, lists, code and rules', () => {
    const html = renderMarkdown(
      '# Title\n\nSome *emphasis* and **bold** and `code`.\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\n```ts\nconst a = 1 < 2;\n```\n\n---\n> quoted',
    );
    expect(html).toContain('<h1 id="title">Title</h1>');
    expect(html).toContain('<p>Some <em>emphasis</em> and <strong>bold</strong> and <code>code</code>.</p>');
    expect(html).toContain('<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>');
    expect(html).toContain('<ol><li>first</li><li>second</li></ol>');
    expect(html).toContain('<pre><code class="language-ts">const a = 1 &lt; 2;</code></pre>');
    expect(html).toContain('<hr>');
    expect(html).toContain('<blockquote><p>quoted</p></blockquote>');
  });

  test('GitHub tables with alignment and escaped pipes', () => {
    const html = renderMarkdown('| Method | Calls |\n|:--|--:|\n| `a\\|b` | 3 |\n| x | |');
    expect(html).toContain('<th style="text-align:left">Method</th><th style="text-align:right">Calls</th>');
    expect(html).toContain('<td style="text-align:left"><code>a|b</code></td><td style="text-align:right">3</td>');
    expect(html).toContain('<td style="text-align:left">x</td><td style="text-align:right"></td>');
  });

  test('raw HTML and script URLs never pass through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://example.com/a?b=1&c=2) <img src=x onerror=alert(1)>\n\n| <b>x</b> |\n|---|\n| "q" |',
    );
    expect(html).not.toMatch(/<script|<img|<b>|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">ok</a>',
    );
    expect(html).toContain('click');
    expect(html).toContain('&quot;q&quot;');
  });

  test('link targets and slugs', () => {
    expect(safeHref('https://x.y')).toBe('https://x.y');
    expect(safeHref('#kd-001')).toBe('#kd-001');
    expect(safeHref('emulator/README.md')).toBe('emulator/README.md');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref(' vbscript:x')).toBeUndefined();
    expect(slug('KD-001: `spaces.setup` skips')).toBe('kd-001-spaces-setup-skips');
    expect(renderInline('`**not bold**`')).toBe('<code>**not bold**</code>');
  });

  test.each(['emulator/COVERAGE.md', 'emulator/KNOWN-DIFFERENCES.md'])('%s renders', (file) => {
    const full = path.join(__dirname, '../..', file);
    if (!fs.existsSync(full)) return;
    const html = renderMarkdown(fs.readFileSync(full, 'utf8'));
    expect(html).toMatch(/<h1/);
    expect(html).not.toMatch(/<script/i);
  });
});
