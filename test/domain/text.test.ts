import {
  charLength,
  closestMatch,
  collapseSpaces,
  columnLetter,
  editDistance,
  enumKey,
  formatCount,
  headerKey,
  humanList,
  nameKey,
  parseYesNo,
  plural,
  quote,
  sentence,
  trimCell,
  truncate,
} from '../../src/domain/text';

describe('text helpers', () => {
  it('match headers and names the way people expect', () => {
    expect(headerKey('  Space\u00A0\u00A0NAME *')).toBe('space name');
    expect(headerKey('Ｓｐａｃｅ name:')).toBe('space name');
    expect(headerKey('Members\n(emails)')).toBe('members (emails)');
    expect(nameKey('  Design\tReview ')).toBe('design review');
    expect(collapseSpaces(' a \n b\u200B ')).toBe('a b');
    expect(trimCell('\u200B a b \u00A0')).toBe('a b');
  });

  it('count characters as people do', () => {
    expect(charLength('Apollo')).toBe(6);
    expect(charLength('🚀👩‍💻')).toBe(4);
    expect(charLength('é')).toBe(1);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('😀😀😀', 2)).toBe('😀…');
  });

  it('write sentences: counts, plurals, lists, quotes', () => {
    expect(formatCount(4096)).toBe('4,096');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(3, 'member')).toBe('3 members');
    expect(humanList(['A'])).toBe('A');
    expect(humanList(['A', 'B'])).toBe('A or B');
    expect(humanList(['A', 'B', 'C'], 'and')).toBe('A, B and C');
    expect(quote('line\nbreak')).toBe('"line break"');
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}…"`);
    expect(sentence('Done')).toBe('Done.');
    expect(sentence('Done?')).toBe('Done?');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
  });

  it('read yes/no cells in every usual form', () => {
    for (const yes of ['Yes', 'y', 'TRUE', 'true', '1', 'On', ' YES ']) expect(parseYesNo(yes)).toBe(true);
    for (const no of ['No', 'n', 'FALSE', '0', 'off']) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo('')).toBeUndefined();
    expect(parseYesNo('maybe')).toBe('invalid');
    expect(enumKey(' Group_Chat ')).toBe('groupchat');
  });

  it('suggest close names only for likely typos', () => {
    expect(closestMatch('Desgin', ['Design', 'Sales'])).toBe('Design');
    expect(closestMatch('design', ['Design'])).toBeUndefined();
    expect(closestMatch('Ops', ['Oops team'])).toBeUndefined();
    expect(closestMatch('Marketing', ['Design', 'Sales'])).toBeUndefined();
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(2);
    expect(editDistance('desgin', 'design')).toBe(1);
  });
});
