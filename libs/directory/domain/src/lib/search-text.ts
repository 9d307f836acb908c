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

/** Search terms: folded words; a term of digits and separators ("(512) 555") becomes its digits. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .map((term) => (/^[\d().+-]+$/.test(term) ? term.replace(/\D/g, '') : term))
    .filter((term) => term.length > 0);
}
