import { InvalidInputException } from '@homeroom/shared/errors';

/** Folded for matching: no accents, lower case, single spaces; "Lockdown!" and "lockdown" are one word. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * An administrator's keyword list, cleaned: each a word or phrase, at least 3 characters, deduplicated.
 * Refused rather than trimmed when unusable, because a silently dropped keyword is an alert that never fires.
 */
export function normalizeAlertKeywords(keywords: readonly string[]): string[] {
  const cleaned = keywords.map((keyword, index) => {
    const folded = foldForMatching(keyword);
    if (folded.length < 3 || folded.length > 80) {
      throw new InvalidInputException(
        `"${keyword}" is not a usable keyword (3–80 letters or digits)`,
        [{ path: `keywords.${index}`, message: 'invalid keyword' }],
        'INVALID_KEYWORD',
      );
    }
    return folded;
  });
  if (cleaned.length === 0 || cleaned.length > 200) {
    throw new InvalidInputException(
      'A category needs between 1 and 200 keywords',
      [{ path: 'keywords', message: 'between 1 and 200' }],
      'INVALID_KEYWORD',
    );
  }
  return [...new Set(cleaned)];
}

export interface AlertCategoryRule {
  id: string;
  name: string;
  keywords: readonly string[];
}

export interface AlertMatch {
  categoryId: string;
  category: string;
  /** The keywords found, for the timeline: staff see why the alert fired. */
  matched: string[];
}

/** Which categories' keywords the text contains, as whole words or phrases ("gas leak", not "gasoline"). */
export function matchAlertCategories(text: string, categories: readonly AlertCategoryRule[]): AlertMatch[] {
  const folded = ` ${foldForMatching(text)} `;
  return categories.flatMap((category) => {
    const matched = category.keywords.filter((keyword) => folded.includes(` ${keyword} `));
    return matched.length ? [{ categoryId: category.id, category: category.name, matched }] : [];
  });
}
