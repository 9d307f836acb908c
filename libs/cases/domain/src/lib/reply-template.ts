import { InvalidInputException } from '@homeroom/shared/errors';
import { TRACKING_LINK_PLACEHOLDER } from './tracking-link';

/**
 * What a reply template may say about the case it answers, as `{{ name }}` in its text. A template naming
 * anything else is refused when it is saved (UNKNOWN_PLACEHOLDER), never sent with a hole in it.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'requester.name',
  'case.number',
  'case.subject',
  'school.name',
  'sla.dueAt',
  // Filled when the reply is delivered, not when it is written (see tracking-link.ts).
  'case.trackingLink',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** The placeholders the case fills when the template is used (the tracking link waits for delivery). */
type CasePlaceholder = Exclude<TemplatePlaceholder, 'case.trackingLink'>;

/** The values of a case for its placeholders; null where the case has none (an anonymous requester). */
export type PlaceholderValues = Record<CasePlaceholder, string | null>;

/** What a placeholder becomes when the case has no value for it: words that still read as a sentence. */
const FALLBACKS: Record<string, Partial<Record<CasePlaceholder, string>>> = {
  en: { 'requester.name': 'there', 'school.name': 'our district', 'sla.dueAt': 'as soon as we can' },
  es: {
    'requester.name': 'familia',
    'school.name': 'nuestro distrito',
    'sla.dueAt': 'lo antes posible',
  },
};

/**
 * `{{sla.dueAt}}` as the requester reads it: their language's date and time words, on the district's clock
 * (a family in Chicago reads 3:30 PM CST whatever the server's zone), with the zone named so the hour is
 * never ambiguous. A language the runtime has no words for reads in English rather than failing the reply.
 */
export function formatDueAt(dueAt: Date, language: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  const locale = Intl.DateTimeFormat.supportedLocalesOf([language]).length ? language : 'en';
  return new Intl.DateTimeFormat(locale, options).format(dueAt);
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
export const MAX_TEMPLATE_BODY_LENGTH = 10_000;
/** A language tag as cases carry it: `en`, `es`, `zh-TW`. */
export const CASE_LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The placeholders a text names, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

export interface TemplateTranslation {
  /** A language tag as cases carry it (`en`, `es`, `zh-TW`). */
  language: string;
  body: string;
}

/**
 * A template's translations as staff typed them, checked: one per language, the district's default
 * language among them, each body non-empty and within its limit, and no placeholder we cannot fill.
 */
export function checkTranslations(
  translations: readonly TemplateTranslation[],
  defaultLanguage: string,
): TemplateTranslation[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  translations.forEach(({ language, body }, index) => {
    const path = `translations.${index}`;
    if (!CASE_LANGUAGE_TAG.test(language))
      problems.push({ path: `${path}.language`, message: 'not a language tag' });
    else if (seen.has(language)) problems.push({ path: `${path}.language`, message: 'given twice' });
    seen.add(language);
    if (!body.trim()) problems.push({ path: `${path}.body`, message: 'empty' });
    if (body.length > MAX_TEMPLATE_BODY_LENGTH)
      problems.push({ path: `${path}.body`, message: `longer than ${MAX_TEMPLATE_BODY_LENGTH}` });
  });
  if (problems.length) throw new InvalidInputException(problems[0]!.message, problems);
  if (!seen.has(defaultLanguage)) {
    throw new InvalidInputException(
      `A template needs its text in the district's language (${defaultLanguage})`,
      [{ path: 'translations', message: `no ${defaultLanguage} text` }],
      'MISSING_DEFAULT_LANGUAGE',
    );
  }
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const unknown = translations.flatMap(({ body }, index) =>
    placeholdersIn(body)
      .filter((name) => !known.has(name))
      .map((name) => ({ path: `translations.${index}.body`, message: `unknown placeholder {{${name}}}` })),
  );
  if (unknown.length) {
    throw new InvalidInputException(
      `${unknown[0]!.message}; a template may use ${TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`,
      unknown,
      'UNKNOWN_PLACEHOLDER',
    );
  }
  return translations.map(({ language, body }) => ({ language, body }));
}

/**
 * The translation for a requester's language: their own, else the same language without its region
 * (`es` for `es-MX`), else the district's default (which every template has).
 */
export function translationFor(
  translations: readonly TemplateTranslation[],
  language: string,
  defaultLanguage: string,
): TemplateTranslation {
  const base = language.split('-')[0];
  const chosen =
    translations.find((t) => t.language === language) ??
    translations.find((t) => t.language === base) ??
    translations.find((t) => t.language === defaultLanguage) ??
    translations[0];
  if (!chosen) throw new Error('A reply template without translations');
  return chosen;
}

/**
 * The text with each placeholder filled from the case, or its fallback in the text's language; the tracking
 * link stays a placeholder, written one way, for delivery to fill.
 */
export function renderTemplate(body: string, language: string, values: PlaceholderValues): string {
  const fallbacks = FALLBACKS[language.split('-')[0] ?? ''] ?? FALLBACKS['en']!;
  return body.replace(PLACEHOLDER, (_match, name: string) => {
    if (name === 'case.trackingLink') return TRACKING_LINK_PLACEHOLDER;
    const value = values[name as CasePlaceholder];
    return value ?? fallbacks[name as CasePlaceholder] ?? '';
  });
}
