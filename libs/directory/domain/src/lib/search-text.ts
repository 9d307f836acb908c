import { InvalidInputException } from '@homeroom/shared/errors';
import { DIRECTORY_REASONS } from './directory-errors';

/**
 * The most different words a people search takes: each is one more condition on the trigram index (and
 * was once one more bind parameter, until a search of 300,000 words broke the statement).
 */
export const MAX_SEARCH_TERMS = 8;

/**
 * The text people search over, folded the way searches are: lower case, accents removed ("José" and
 * "jose" match), phone numbers also as bare digits so "512 555" finds "+15125550142".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchableParts {
  names: readonly (string | null | undefined)[];
  emails: readonly string[];
  phones: readonly string[];
}

export function searchDocument({ names, emails, phones }: SearchableParts): string {
  const phoneDigits = phones.flatMap((phone) => {
    const digits = phone.replace(/\D/g, '');
    // "+15125550142" is also searched as the national number "5125550142".
    return digits.length === 11 && digits.startsWith('1') ? [digits, digits.slice(1)] : [digits];
  });
  return foldForSearch([...names.filter(Boolean), ...emails, ...phoneDigits].join(' '));
}

/**
 * Search terms: folded words, each once; a term of digits and separators ("(512) 555") becomes its
 * digits. More than MAX_SEARCH_TERMS is BAD_USER_INPUT (TOO_MANY_SEARCH_TERMS) on `path`.
 */
export function searchTerms(query: string, path = 'filter.search'): string[] {
  const terms = foldForSearch(query)
    .split(' ')
    .map((term) => (/^[\d().+-]+$/.test(term) ? term.replace(/\D/g, '') : term))
    .filter((term) => term.length > 0);
  const distinct = [...new Set(terms)];
  if (distinct.length > MAX_SEARCH_TERMS) {
    throw new InvalidInputException(
      `A search may have at most ${MAX_SEARCH_TERMS} words`,
      [{ path, message: `at most ${MAX_SEARCH_TERMS} words` }],
      DIRECTORY_REASONS.tooManySearchTerms,
    );
  }
  return distinct;
}
