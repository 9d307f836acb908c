import { foldForSearch, searchDocument, searchTerms } from './search-text';

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
});
