/**
 * The longest text a search field takes (`CaseFilter.search`, `PeopleFilter.search`). A search is a few
 * words; each character of it is work for every candidate row, so a page of text is refused, not run.
 */
export const MAX_SEARCH_LENGTH = 200;

const HAS_TRIGRAM = /[\p{L}\p{N}]{3}/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The `LIKE`/`ILIKE` patterns (any may match; wildcards in the text escaped) that find `text` through a
 * `pg_trgm` GIN index. The index finds rows by the three-character runs of letters and digits in the
 * pattern: a text with such a run matches anywhere (`%text%`). A shorter word ("Li", "Wu", "5") has none,
 * except with the padding pg_trgm puts before the first letter of a word, so it matches at the start of a
 * word: the start of the column or after a space (`text%`, `% text%`); otherwise every row would be a
 * candidate. A text without a letter or digit gives no pattern: it would match everywhere or nowhere.
 */
export function substringPatterns(text: string): string[] {
  const escaped = text.replace(/[\\%_]/g, (character) => `\\${character}`);
  if (HAS_TRIGRAM.test(text)) return [`%${escaped}%`];
  if (!HAS_WORD_CHARACTER.test(text)) return [];
  return [`${escaped}%`, `% ${escaped}%`];
}
