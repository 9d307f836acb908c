import { InvalidInputException } from '@homeroom/shared/errors';
import { foldForSearch, MAX_SEARCH_TERMS, searchDocument, searchTerms } from './search-text';

describe('people search text', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('José  ÑÚÑEZ-García')).toBe('jose nunez-garcia');
  });

  it('indexes names, emails and phone digits, national form included', () => {
    const document = searchDocument({
      names: ['Zoë', null, 'Nguyễn'],
      emails: ['zoe.nguyen@example.org'],
      phones: ['+15125550142'],
    });
    expect(document).toBe('zoe nguyen zoe.nguyen@example.org 15125550142 5125550142');
  });

  it('splits a query into folded terms, phone fragments as digits', () => {
    expect(searchTerms('  Nguyễn (512) 555-0142 ')).toEqual(['nguyen', '512', '5550142']);
    expect(searchTerms('')).toEqual([]);
  });

  it('takes each word once, and refuses more than MAX_SEARCH_TERMS different words', () => {
    expect(searchTerms('garcia GARCÍA ana')).toEqual(['garcia', 'ana']);
    const words = Array.from({ length: MAX_SEARCH_TERMS }, (_, i) => `w${i}`);
    expect(searchTerms(words.join(' '))).toHaveLength(MAX_SEARCH_TERMS);
    expect(() => searchTerms([...words, 'one-more'].join(' '))).toThrow(
      expect.objectContaining({
        constructor: InvalidInputException,
        reason: 'TOO_MANY_SEARCH_TERMS',
        details: [{ path: 'filter.search', message: `at most ${MAX_SEARCH_TERMS} words` }],
      }),
    );
  });
});
