import { refusal } from './testing/refusal';
import {
  articleSlug,
  assertArticleAction,
  checkArticleTranslations,
  searchConfigFor,
} from './knowledge-article';

describe('knowledge articles', () => {
  it('moves from draft through review to published, and out of sight when archived', () => {
    expect(() => assertArticleAction('DRAFT', 'submit')).not.toThrow();
    expect(() => assertArticleAction('IN_REVIEW', 'publish')).not.toThrow();
    expect(() => assertArticleAction('PUBLISHED', 'edit')).not.toThrow();
    expect(refusal(() => assertArticleAction('PUBLISHED', 'publish'))).toMatchObject({
      reason: 'ARTICLE_PUBLISHED',
      message: 'An article that is published cannot be published',
    });
    expect(refusal(() => assertArticleAction('ARCHIVED', 'edit')).reason).toBe('ARTICLE_ARCHIVED');
    expect(refusal(() => assertArticleAction('IN_REVIEW', 'submit')).message).toBe(
      'An article that is in review cannot be sent for review',
    );
  });

  it("checks the texts: tags given once, titles and bodies within limits, the district's language", () => {
    expect(
      checkArticleTranslations([{ language: 'en', title: ' Snow days ', body: '<p>Closed</p>' }], 'en'),
    ).toEqual([{ language: 'en', title: 'Snow days', body: '<p>Closed</p>' }]);
    const problems = refusal(() =>
      checkArticleTranslations(
        [
          { language: 'en', title: '', body: 'x' },
          { language: 'English', title: 'x', body: '' },
          { language: 'en', title: 'x'.repeat(201), body: 'x' },
        ],
        'en',
      ),
    );
    expect(problems.details).toEqual([
      { path: 'translations.0.title', message: '1 to 200 characters' },
      { path: 'translations.1.language', message: 'not a language tag' },
      { path: 'translations.1.body', message: '1 to 200000 characters' },
      { path: 'translations.2.language', message: 'given twice' },
      { path: 'translations.2.title', message: '1 to 200 characters' },
    ]);
    expect(
      refusal(() => checkArticleTranslations([{ language: 'es', title: 'x', body: 'y' }], 'en')).reason,
    ).toBe('MISSING_DEFAULT_LANGUAGE');
  });

  it('searches each language with its own stemmer, or words as written where PostgreSQL has none', () => {
    expect(searchConfigFor('es-MX')).toBe('spanish');
    expect(searchConfigFor('en')).toBe('english');
    expect(searchConfigFor('vi')).toBe('simple');
    expect(searchConfigFor('zh-TW')).toBe('simple');
  });

  it('makes an address from a title in any script', () => {
    expect(articleSlug('Snow days & late buses!')).toBe('snow-days-late-buses');
    expect(articleSlug('¿Cuándo abren las inscripciones?')).toBe('cuando-abren-las-inscripciones');
    expect(articleSlug('学校午餐')).toBe('article');
    expect(articleSlug('a'.repeat(79) + ' b c')).toBe('a'.repeat(79));
  });
});
