import type { PublicLanguage } from './public-languages';
import { AR } from './texts/ar';
import { EN, type PublicTextKey } from './texts/en';
import { ES } from './texts/es';
import { HT } from './texts/ht';
import { SO } from './texts/so';
import { VI } from './texts/vi';
import { ZH } from './texts/zh';

export type { PublicTextKey };
export type PublicText = Readonly<Record<PublicTextKey, string>>;

/** Every word the public pages show, as shipped, in each language; a district's corrections go over it. */
export const PUBLIC_TEXT: Readonly<Record<PublicLanguage, PublicText>> = {
  en: EN,
  es: ES,
  vi: VI,
  zh: ZH,
  ar: AR,
  so: SO,
  ht: HT,
};

// Pure: a bundle that needs none of the words (the chat widget needs only the languages) leaves them out.
export const PUBLIC_TEXT_KEYS = /* @__PURE__ */ Object.keys(EN) as PublicTextKey[];

export function isPublicTextKey(value: string): value is PublicTextKey {
  return Object.hasOwn(EN, value);
}

export type PublicTextReview = 'SOURCE' | 'NATIVE_SPEAKER_REVIEWED' | 'AWAITING_NATIVE_REVIEW';

const DRAFT = 'Machine-assisted draft, awaiting native-speaker review.';

/**
 * Who has checked each language's shipped words. Only words a native speaker actually read may be marked
 * NATIVE_SPEAKER_REVIEWED, with who and when in the note: none has been yet. The five languages added for
 * issue 22 are machine-assisted drafts; the Spanish came with the first public pages and has no review on
 * record either. The district's administrators see this beside each language when they correct the words
 * (their corrections are theirs to vouch for), and docs/channels-and-languages.md repeats it.
 */
export const PUBLIC_TEXT_REVIEW: Readonly<
  Record<PublicLanguage, { status: PublicTextReview; note: string }>
> = {
  en: { status: 'SOURCE', note: 'The source text.' },
  es: {
    status: 'AWAITING_NATIVE_REVIEW',
    note: 'Written with the first public pages; no native-speaker review on record.',
  },
  vi: { status: 'AWAITING_NATIVE_REVIEW', note: DRAFT },
  zh: { status: 'AWAITING_NATIVE_REVIEW', note: DRAFT },
  ar: { status: 'AWAITING_NATIVE_REVIEW', note: DRAFT },
  so: { status: 'AWAITING_NATIVE_REVIEW', note: DRAFT },
  ht: { status: 'AWAITING_NATIVE_REVIEW', note: DRAFT },
};

/** The `{name}` placeholders of a text, sorted and each once: what the pages fill in. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

/** The text with each `{key}` replaced by its value (a placeholder without one is left as written). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
