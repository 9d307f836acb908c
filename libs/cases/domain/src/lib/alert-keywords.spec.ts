import { matchAlertCategories, normalizeAlertKeywords } from './alert-keywords';

describe('critical-alert keywords', () => {
  const categories = [
    {
      id: '1',
      name: 'Building emergency',
      keywords: normalizeAlertKeywords(['Gas leak', 'fuga de gas', 'fire']),
    },
    { id: '2', name: 'Lockdown', keywords: normalizeAlertKeywords(['lockdown', 'intruder']) },
  ];

  it('matches whole words and phrases, ignoring case, accents and punctuation', () => {
    expect(matchAlertCategories('There is a GAS LEAK near room 12!', categories)).toEqual([
      { categoryId: '1', category: 'Building emergency', matched: ['gas leak'] },
    ]);
    expect(matchAlertCategories('Hay una fuga de gás en la cafetería', categories)[0]?.matched).toEqual([
      'fuga de gas',
    ]);
    expect(matchAlertCategories('Lockdown? An intruder was seen.', categories)).toEqual([
      { categoryId: '2', category: 'Lockdown', matched: ['lockdown', 'intruder'] },
    ]);
  });

  it('does not fire on words that merely contain a keyword', () => {
    expect(matchAlertCategories('The gasoline bill and the fireworks show', categories)).toEqual([]);
  });

  it('refuses unusable keyword lists with a stable reason', () => {
    expect(() => normalizeAlertKeywords(['ok'])).toThrow(
      expect.objectContaining({ reason: 'INVALID_KEYWORD' }),
    );
    expect(() => normalizeAlertKeywords([])).toThrow(expect.objectContaining({ reason: 'INVALID_KEYWORD' }));
    expect(normalizeAlertKeywords(['Fire', 'fire!', 'FIRE'])).toEqual(['fire']);
  });
});
