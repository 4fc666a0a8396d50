import {
  checkRenderedLength,
  checkTemplate,
  hasPlaceholders,
  literalLength,
  parseTemplate,
  renderTemplate,
} from '../../src/domain/template';

describe('{{Column}} templates', () => {
  const cells = { 'Space name': 'Apollo', 'Team lead': 'Ana', Type: 'Space' };

  it('fills placeholders matched like headers (case, spaces, trailing *)', () => {
    expect(
      renderTemplate('Welcome to {{Space name}}, led by {{ team  LEAD }} ({{type*}})', cells, 'Welcome message'),
    ).toEqual({
      text: 'Welcome to Apollo, led by Ana (Space)',
      problems: [],
    });
  });

  it('leaves Chat formatting, mentions and links untouched', () => {
    const t = '*bold* _italic_ ~strike~ `code` <users/123> <users/all> https://x.com/a?b={c}&d=}} {single}';
    expect(renderTemplate(t, cells, 'Message')).toEqual({ text: t, problems: [] });
  });

  it('keeps \\{{ as literal braces and does not re-read inserted values', () => {
    expect(renderTemplate('Use \\{{Column}} like {{Space name}}', cells, 'Message').text).toBe(
      'Use {{Column}} like Apollo',
    );
    expect(renderTemplate('{{A}}', { A: '{{Space name}}' }, 'Message').text).toBe('{{Space name}}');
    expect(renderTemplate('{{{Space name}}}', cells, 'Message').text).toBe('{Apollo}');
  });

  it('names an unknown placeholder and lists the available columns', () => {
    expect(renderTemplate('Hi {{Owner}} and {{owner}}', cells, 'Welcome message')).toEqual({
      text: 'Hi {{Owner}} and {{owner}}',
      problems: [
        'Welcome message uses {{Owner}}, but there is no "Owner" column; the columns you can use are Space name, Team lead and Type. Add the column or fix the placeholder.',
      ],
    });
  });

  it('lists at most 12 columns', () => {
    const many = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`C${i}`, '']));
    expect(checkTemplate('{{X}}', Object.keys(many), 'Message')[0]).toMatch(/C10, C11 and 3 more\. Add/);
  });

  it('reports unclosed and empty placeholders', () => {
    expect(parseTemplate('Hello {{Space name', 'Message').problems).toEqual([
      'Message has "{{" without a matching "}}"; close the placeholder, e.g. {{Space name}}, or write \\{{ to show literal braces.',
    ]);
    expect(parseTemplate('Hello {{ }}', 'Message').problems).toEqual([
      'Message has an empty placeholder {{}}; put a column name inside, e.g. {{Space name}}.',
    ]);
    expect(parseTemplate('{{Space\nname}}', 'Message').problems).toHaveLength(1);
  });

  it('prefers the first source that has a column', () => {
    expect(
      renderTemplate(
        '{{Note}} {{Space name}}',
        [{ Note: 'from space row' }, { Note: 'from message row', 'Space name': 'X' }],
        'Message',
      ).text,
    ).toBe('from space row X');
  });

  it('measures fixed text and rendered length', () => {
    expect(hasPlaceholders('a {{b}}')).toBe(true);
    expect(hasPlaceholders('a \\{{b}}')).toBe(false);
    expect(literalLength('ab{{X}}cd😀')).toBe(5);
    expect(checkRenderedLength('x'.repeat(4097), 4096, 'Message')).toBe(
      'Message is 4,097 characters after filling placeholders; Chat allows at most 4,096. Shorten it.',
    );
    expect(checkRenderedLength('😀'.repeat(4096), 4096, 'Message')).toBeUndefined();
  });
});
