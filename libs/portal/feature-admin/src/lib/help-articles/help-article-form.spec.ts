import type { AdminHelpArticleFragment } from '../operations.generated';
import { articleFormOf, articleInput, newArticleForm } from './help-article-form';

const saved: AdminHelpArticleFragment = {
  id: 'a1',
  slug: 'snow-days',
  status: 'PUBLISHED',
  schoolId: 's1',
  categoryId: 'c1',
  topicId: null,
  translations: [
    { language: 'en', title: 'Snow days', body: '<p>Closed.</p>' },
    { language: 'es', title: 'Días de nieve', body: '<p>Cerrado.</p>' },
  ],
  publishedVersion: 1,
  helpfulCount: 0,
  notHelpfulCount: 0,
  answeredCount: 0,
  updatedAt: '2026-12-07T09:00:00Z',
  files: [],
};

describe('the help article form', () => {
  it('sends a saved article back as it was, its school apart (fixed once made)', () => {
    expect(articleInput(articleFormOf(saved))).toEqual({
      input: { translations: saved.translations, categoryId: 'c1', topicId: null },
      schoolId: 's1',
    });
  });

  it('sends a new district-wide article with canonical language tags and trimmed titles', () => {
    const form = {
      ...newArticleForm('en'),
      translations: [{ language: 'ES-mx', title: ' Hola ', body: '<p>x</p>' }],
    };
    expect(articleInput(form)).toEqual({
      input: {
        translations: [{ language: 'es-MX', title: 'Hola', body: '<p>x</p>' }],
        categoryId: null,
        topicId: null,
      },
      schoolId: null,
    });
  });

  it('says what to fix: languages, titles and texts', () => {
    const form = {
      ...newArticleForm('en'),
      translations: [
        { language: 'en', title: '', body: '' },
        { language: 'en', title: 'x', body: 'y' },
      ],
    };
    expect(articleInput(form).problems).toEqual([
      'English (en) has two texts; keep one.',
      'The English (en) title is empty.',
      'The English (en) text is empty.',
    ]);
  });
});
