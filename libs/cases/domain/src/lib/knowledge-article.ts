import { ConflictException, InvalidInputException, type FieldProblem } from '@homeroom/shared/errors';
import { CASE_LANGUAGE_TAG } from './reply-template';

/**
 * A knowledge-base article's life: written as a draft, sent for review, published by a keeper (which makes
 * a numbered version the help center shows), archived out of sight. Editing a published article makes a
 * new draft while the published version stays live until the next is published.
 */
export const ARTICLE_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export type ArticleAction = 'edit' | 'submit' | 'publish' | 'archive';

const ALLOWED_FROM: Record<ArticleAction, readonly ArticleStatus[]> = {
  edit: ['DRAFT', 'IN_REVIEW', 'PUBLISHED'],
  submit: ['DRAFT'],
  publish: ['DRAFT', 'IN_REVIEW'],
  archive: ['DRAFT', 'IN_REVIEW', 'PUBLISHED'],
};

const PAST: Record<ArticleAction, string> = {
  edit: 'edited',
  submit: 'sent for review',
  publish: 'published',
  archive: 'archived',
};

/** Refuses an action the article's status does not allow (CONFLICT, ARTICLE_<STATUS>). */
export function assertArticleAction(status: ArticleStatus, action: ArticleAction): void {
  if (!ALLOWED_FROM[action].includes(status))
    throw new ConflictException(
      `An article that is ${status.toLowerCase().replace('_', ' ')} cannot be ${PAST[action]}`,
      `ARTICLE_${status}`,
    );
}

/** One language's text of an article: a title and HTML (sanitized by the service before it is kept). */
export interface ArticleTranslation {
  language: string;
  title: string;
  body: string;
}

export const ARTICLE_LIMITS = { title: 200, body: 200_000, translations: 20 } as const;

/**
 * The translations as given, checked: each a language tag given once, a title and a body within their
 * limits, the district's language among them (MISSING_DEFAULT_LANGUAGE).
 */
export function checkArticleTranslations(
  translations: readonly ArticleTranslation[],
  defaultLanguage: string,
): ArticleTranslation[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  if (translations.length > ARTICLE_LIMITS.translations)
    problems.push({ path: 'translations', message: `at most ${ARTICLE_LIMITS.translations} languages` });
  translations.forEach(({ language, title, body }, index) => {
    const path = `translations.${index}`;
    if (!CASE_LANGUAGE_TAG.test(language))
      problems.push({ path: `${path}.language`, message: 'not a language tag' });
    else if (seen.has(language)) problems.push({ path: `${path}.language`, message: 'given twice' });
    seen.add(language);
    if (!title.trim() || title.length > ARTICLE_LIMITS.title)
      problems.push({ path: `${path}.title`, message: `1 to ${ARTICLE_LIMITS.title} characters` });
    if (!body.trim() || body.length > ARTICLE_LIMITS.body)
      problems.push({ path: `${path}.body`, message: `1 to ${ARTICLE_LIMITS.body} characters` });
  });
  if (problems.length) throw new InvalidInputException(problems[0]!.message, problems);
  if (!seen.has(defaultLanguage))
    throw new InvalidInputException(
      `An article needs its text in the district's language (${defaultLanguage})`,
      [{ path: 'translations', message: `no ${defaultLanguage} text` }],
      'MISSING_DEFAULT_LANGUAGE',
    );
  return translations.map(({ language, title, body }) => ({ language, title: title.trim(), body }));
}

/**
 * PostgreSQL's text-search configuration for a language: its stemmer where PostgreSQL has one (so
 * "autobuses" finds "autobús" and "buses" finds "bus"), else `simple` (words as written, lowercased).
 */
const SEARCH_CONFIGS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  nl: 'dutch',
  no: 'norwegian',
  nb: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

export function searchConfigFor(language: string): string {
  return SEARCH_CONFIGS[language.split('-')[0] ?? ''] ?? 'simple';
}

/** "Snow days & late buses!" → "snow-days-late-buses": the article's address in the help center. */
export function articleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}
