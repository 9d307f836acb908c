import { checkedLanguages } from '../language-texts';
import type { AdminHelpArticleFragment, KnowledgeArticleInput } from '../operations.generated';

/** One language's text as typed: a title and the article's HTML. */
export interface ArticleTextDraft {
  language: string;
  title: string;
  body: string;
}

/** The article form as typed: empty for none (no school: district-wide). */
export interface ArticleForm {
  schoolId: string;
  categoryId: string;
  topicId: string;
  translations: readonly ArticleTextDraft[];
}

export type ArticleFormResult =
  | { input: KnowledgeArticleInput; schoolId: string | null; problems?: never }
  | { input?: never; schoolId?: never; problems: string[] };

export function newArticleForm(language: string): ArticleForm {
  return { schoolId: '', categoryId: '', topicId: '', translations: [{ language, title: '', body: '' }] };
}

/** The saved article's draft, as the form shows it. */
export function articleFormOf(article: AdminHelpArticleFragment): ArticleForm {
  return {
    schoolId: article.schoolId ?? '',
    categoryId: article.categoryId ?? '',
    topicId: article.topicId ?? '',
    translations: article.translations.map(({ language, title, body }) => ({ language, title, body })),
  };
}

/**
 * The API's input, or what to fix first, in words: each language a tag given once, a title and a text
 * for each. The service sanitizes the HTML and says what else it refuses (the district's language
 * missing, a text with no words once made safe).
 */
export function articleInput(form: ArticleForm): ArticleFormResult {
  const languages = checkedLanguages(form.translations);
  const problems = [...languages.problems];
  const translations = form.translations.map(({ title, body }, index) => {
    if (!title.trim()) problems.push(`The ${languages.names[index]} title is empty.`);
    if (!body.trim()) problems.push(`The ${languages.names[index]} text is empty.`);
    return { language: languages.tags[index]!, title: title.trim(), body };
  });
  if (problems.length) return { problems };
  return {
    input: { translations, categoryId: form.categoryId || null, topicId: form.topicId || null },
    schoolId: form.schoolId || null,
  };
}
