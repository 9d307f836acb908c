/** The languages the district's text tools read. */
export type Language = 'en' | 'es';

/** Lower-case, accents and the tilde of ñ removed, apostrophes dropped so "don't" stays one word. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
}
