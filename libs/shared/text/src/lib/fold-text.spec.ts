import { foldText } from './fold-text';

describe('foldText', () => {
  it('lower-cases, drops accents and the tilde, and keeps contractions one word', () => {
    expect(foldText("Mi NIÑA no comió. Don't")).toBe('mi nina no comio. dont');
    expect(foldText('¿Cómo está Ángel?')).toBe('¿como esta angel?');
  });
});
