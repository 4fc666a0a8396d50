import {
  isSpaceName,
  looksLikeBrokenSpaceReference,
  parseSpaceCell,
  parseSpaceReference,
  spaceIdOf,
  spaceLink,
} from '../../src/domain/spaceLinks';

describe('space references', () => {
  it.each([
    ['spaces/AAAAbCdE123'],
    ['https://chat.google.com/room/AAAAbCdE123'],
    ['https://chat.google.com/room/AAAAbCdE123?cls=11'],
    ['https://chat.google.com/room/AAAAbCdE123/Xyz123thread?cls=7'],
    ['https://chat.google.com/u/0/room/AAAAbCdE123'],
    ['https://chat.google.com/dm/AAAAbCdE123'],
    ['chat.google.com/room/AAAAbCdE123'],
    ['https://mail.google.com/chat/#chat/space/AAAAbCdE123'],
    ['https://mail.google.com/chat/u/0/#chat/space/AAAAbCdE123'],
    ['https://mail.google.com/mail/u/1/#chat/space/AAAAbCdE123'],
    ['https://mail.google.com/mail/u/0/#chat/dm/AAAAbCdE123'],
    ['  spaces/AAAAbCdE123  '],
  ])('reads %s as spaces/AAAAbCdE123', (text) => {
    expect(parseSpaceReference(text)?.name).toBe('spaces/AAAAbCdE123');
  });

  it('accepts a bare ID only where asked', () => {
    expect(parseSpaceReference('AAAAbCdE123')).toBeUndefined();
    expect(parseSpaceReference('AAAAbCdE123', { allowBareId: true })).toEqual({
      name: 'spaces/AAAAbCdE123',
      source: 'bare-id',
    });
    expect(parseSpaceReference('Apollo team', { allowBareId: true })).toBeUndefined();
  });

  it('tells broken links from names', () => {
    expect(looksLikeBrokenSpaceReference('https://example.com/room/AAAA')).toBe(true);
    expect(looksLikeBrokenSpaceReference('spaces/')).toBe(true);
    expect(looksLikeBrokenSpaceReference('https://chat.google.com/')).toBe(true);
    expect(looksLikeBrokenSpaceReference('Apollo')).toBe(false);
    expect(looksLikeBrokenSpaceReference('spaces/AAAA')).toBe(false);
    expect(isSpaceName('spaces/AAAA')).toBe(true);
    expect(isSpaceName('spaces/AA AA')).toBe(false);
  });

  it('builds links in the spaceUri form', () => {
    expect(spaceLink('spaces/AAAA')).toBe('https://chat.google.com/room/AAAA');
    expect(spaceLink('spaces/AAAA', 'GROUP_CHAT')).toBe('https://chat.google.com/room/AAAA');
    expect(spaceLink('spaces/AAAA', 'DIRECT_MESSAGE')).toBe('https://chat.google.com/dm/AAAA');
    expect(spaceIdOf('spaces/AAAA')).toBe('AAAA');
    expect(parseSpaceReference(spaceLink('spaces/Zz_9-x'))?.name).toBe('spaces/Zz_9-x');
  });
});

describe('Space cells on the Members and Messages tabs', () => {
  const names = ['Apollo', 'Design review'];
  it('reads *, IDs, links and names', () => {
    expect(parseSpaceCell('*')).toEqual({ target: { kind: 'all' } });
    expect(parseSpaceCell('https://chat.google.com/room/AAAA1234')).toEqual({
      target: { kind: 'id', name: 'spaces/AAAA1234' },
    });
    expect(parseSpaceCell(' design  REVIEW ', { knownNames: names })).toEqual({
      target: { kind: 'name', displayName: 'design  REVIEW' },
    });
  });
  it('explains empty cells, broken links and unknown names (with a did-you-mean)', () => {
    expect(parseSpaceCell('').problem).toBe(
      "Space is empty; write a Space name from the Spaces tab, a Space ID (spaces/…) or the space's link.",
    );
    expect(parseSpaceCell('https://docs.google.com/x').problem).toBe(
      'Space "https://docs.google.com/x" is not a Chat space ID or link; paste the link Chat shows for the space (https://chat.google.com/room/…), its ID (spaces/…), or its Space name.',
    );
    expect(parseSpaceCell('Apolo', { knownNames: names }).problem).toBe(
      'Space "Apolo" is not a Space name on the Spaces tab; fix the name, or use the space\'s ID or link. Did you mean "Apollo"?',
    );
    expect(parseSpaceCell('Marketing', { knownNames: names }).problem).toBe(
      'Space "Marketing" is not a Space name on the Spaces tab; fix the name, or use the space\'s ID or link.',
    );
  });
});
