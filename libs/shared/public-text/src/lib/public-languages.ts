/**
 * The languages the public pages speak: the district's top languages, the same codes as the cases
 * service's `DISTRICT_LANGUAGES` (libs/platform/language), so the language a family picks is the one their
 * case, their survey answers and the help center's articles are recorded in.
 */
export const PUBLIC_LANGUAGES = ['en', 'es', 'vi', 'zh', 'ar', 'so', 'ht'] as const;

export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** Each language named in itself, as a family looks for it in the picker. */
export const LANGUAGE_NAMES: Readonly<Record<PublicLanguage, string>> = {
  en: 'English',
  es: 'Español',
  vi: 'Tiếng Việt',
  zh: '中文（简体）',
  ar: 'العربية',
  so: 'Soomaali',
  ht: 'Kreyòl ayisyen',
};

export function isPublicLanguage(value: string): value is PublicLanguage {
  return (PUBLIC_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The tag for a page's `lang` attribute. Chinese is marked Simplified (`zh-Hans`), so that browsers and
 * screen readers pick Simplified glyphs and voices; the case and the API keep the district's plain `zh`.
 */
export function documentLanguageOf(language: PublicLanguage): string {
  return language === 'zh' ? 'zh-Hans' : language;
}

/** Languages written right to left, by primary subtag (for the tags survey and article texts carry too). */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ug', 'ckb', 'sd', 'syr']);

/** A language tag's writing direction, for `dir`: "rtl" for Arabic ("ar", "ar-EG"), else "ltr". */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(tag.trim().split(/[-_]/)[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}
