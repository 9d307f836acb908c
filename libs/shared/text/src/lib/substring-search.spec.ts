import { substringPatterns } from './substring-search';

describe('substringPatterns', () => {
  it('matches a text with three letters or digits in a row anywhere', () => {
    expect(substringPatterns('garcia')).toEqual(['%garcia%']);
    expect(substringPatterns('bus 14')).toEqual(['%bus 14%']);
    expect(substringPatterns('5550142')).toEqual(['%5550142%']);
  });

  it('matches a shorter word at the start of a word, where the trigram index can still find it', () => {
    expect(substringPatterns('li')).toEqual(['li%', '% li%']);
    expect(substringPatterns('a b')).toEqual(['a b%', '% a b%']);
  });

  it('escapes LIKE wildcards, so they match themselves', () => {
    expect(substringPatterns('100%_off\\')).toEqual(['%100\\%\\_off\\\\%']);
    expect(substringPatterns('5%')).toEqual(['5\\%%', '% 5\\%%']);
  });

  it('gives no pattern for a text without a letter or digit', () => {
    expect(substringPatterns('%%')).toEqual([]);
    expect(substringPatterns('?!')).toEqual([]);
  });
});
