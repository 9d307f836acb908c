import { francAll } from 'franc';
import { francCodesOfTag, tagOfFrancCode } from './language-codes';

export interface DetectedLanguage {
  /** A BCP 47 primary tag, one of the candidates' (`es` for candidates `es-MX` or `es`). */
  language: string;
  /**
   * How far the language is ahead of the next candidate, 0–1 (franc's normalised trigram distances: the best
   * scores 1, and this is 1 minus the runner-up's score); 1 when the script alone decides. Not a probability.
   */
  confidence: number;
}

// Both rules were chosen with the district's seven languages as candidates (en es vi zh ar so ht) on the
// FLORES-200 sentences of SIB-200's test split, whole and cut to their leading words (src/testing), from
// franc's guesses between Latin-script candidates before any rule; what the rules give is measured by
// `npm run bench -- language-detection` (docs/benchmarks/language-detection.md).
/**
 * Letters below which no answer is given when trigrams must choose between candidates of one script (the
 * Latin five: en es vi so ht). Accuracy has no sharp knee: of the answers the lead rule lets through, 88–90
 * in 100 were right under 8 letters, 92–94 at 8–11, 96 at 12–19 and 98 or more from 20. Under 8 letters a
 * text is a word or two ("bus late", "gracias", a name, "ok"), where the family's recorded language is the
 * better guess; from 8 a short sentence ("el bus no vino") can be answered.
 */
export const MIN_LETTERS = 8;

/**
 * The lead over the runner-up that the best guess needs: 1/√letters. A trigram distance over n letters
 * is a sum of n noisy terms, so the lead that means something shrinks like 1/√n. A fixed lead cannot serve
 * both ends: of guesses on 12–19 letters ahead by 0.1–0.15, 17 in 32 were right; of whole sentences ahead by
 * 0.05–0.15, all 15. So 16 letters need 0.25, 100 letters 0.1.
 */
export function requiredMargin(letters: number): number {
  return 1 / Math.sqrt(letters);
}

/** A script only one candidate writes (Han, Arabic, Hangul…) decides from the first letters. */
const MIN_LETTERS_BY_SCRIPT = 2;

/**
 * Things that are not language but would count as text: a link, an address, a case number (the cases
 * domain's `HR-2026-000123`), and then anything that is not a letter or a combining mark (digits, phone
 * numbers, punctuation, emoji). What is left is what franc should see, and its length is how much evidence
 * there is.
 */
const NOT_LANGUAGE = [
  /\b(?:https?:\/\/|www\.)\S+/giu,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu,
  /\b[A-Za-z]{2,6}-\d{4}-\d{4,}\b/gu,
  /[^\p{L}\p{M}\s]+/gu,
];

/**
 * The letters of `text` worth detecting a language from, in NFC: one spelling whatever the keyboard (some
 * type Vietnamese tones as separate marks), which is the form franc's models have but Vietnamese's (below).
 */
export function languageText(text: string): string {
  let value = text.normalize('NFC');
  for (const pattern of NOT_LANGUAGE) value = value.replace(pattern, ' ');
  return value.replace(/\s+/gu, ' ').trim();
}

/**
 * franc's Vietnamese model was built from text in the Windows-1258 manner: ư ơ ô ê â ă đ composed, the five
 * tone marks (grave, acute, tilde, hook above, dot below) written apart; it has no composed toned letter at
 * all, so the usual composed text ("ế", "ự") matched none of its tone trigrams. Text with letters only
 * Vietnamese writes (ơ ư and the Vietnamese block, less Yoruba's ẹ ọ) is put in that form first: Vietnamese
 * accuracy at all lengths went from 77.5 to 87.1 in 100 (whole sentences: 97.5 to 100), the other six
 * unchanged. Spanish, French or Haitian accents are never taken apart, as their models keep them composed.
 */
const VIETNAMESE_ONLY = /[ơưƠƯ\u1ea0-\u1eb7\u1eba-\u1ecb\u1ece-\u1ef9]/u;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

function inFrancVietnameseForm(text: string): string {
  if (!VIETNAMESE_ONLY.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(
      /(\p{L})(\p{M}+)/gu,
      (_, letter: string, marks: string) =>
        (letter + marks.replace(TONE_MARKS, '')).normalize('NFC') + (marks.match(TONE_MARKS) ?? []).join(''),
    );
}

/**
 * The language of `text` among `candidates` (the district's languages, BCP 47), or null when there is too
 * little text, franc cannot tell (`und`, or a script no candidate writes), or the best is not clearly
 * ahead of the second. Restricting franc to the candidates is what makes short messages work at all: among
 * all its 187 languages, franc takes "the bus did not come" for Scots.
 */
export function detectLanguage(text: string, candidates: readonly string[]): DetectedLanguage | null {
  const only = [...new Set(candidates.flatMap(francCodesOfTag))];
  if (only.length === 0) return null;
  const value = languageText(text);
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_BY_SCRIPT) return null;

  const [best, second] = francAll(inFrancVietnameseForm(value), { only, minLength: 1 });
  if (!best || best[0] === 'und') return null;
  // One candidate left after franc picked the script: the script decided, and a word or two is enough.
  if (!second) return { language: tagOfFrancCode(best[0]), confidence: 1 };
  const margin = 1 - second[1];
  if (letters < MIN_LETTERS || margin < requiredMargin(letters)) return null;
  return { language: tagOfFrancCode(best[0]), confidence: margin };
}
