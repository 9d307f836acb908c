import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The district's top languages, the candidates every measurement here uses. */
export const DISTRICT_LANGUAGES = ['en', 'es', 'vi', 'zh', 'ar', 'so', 'ht'] as const;

export interface LanguageSample {
  /** The language it is written in (BCP 47 primary tag). */
  language: string;
  /** The FLORES-200 sentence it comes from (SIB-200's `index_id`). */
  id: number;
  text: string;
}

interface Fixture {
  ids: number[];
  sentences: Record<string, string[]>;
}

/**
 * The 204 sentences of SIB-200's test split in each district language. Gzipped, as FLORES asks that its text
 * not be re-hosted where crawlers would take it into training corpora (fixtures/README.md).
 */
export function languageTestSet(): LanguageSample[] {
  const gzipped = readFileSync(join(__dirname, 'fixtures', 'flores-200-sib-200-test.json.gz'));
  const fixture = JSON.parse(gunzipSync(gzipped).toString('utf8')) as Fixture;
  return DISTRICT_LANGUAGES.flatMap((language) =>
    (fixture.sentences[language] ?? []).map((text, i) => ({ language, id: fixture.ids[i]!, text })),
  );
}

/**
 * The sentence's leading words, at most `maxChars` characters: the published sentences are news-length,
 * family texts often are not. Chinese is written without spaces, so it is cut between characters.
 */
export function leadingText(sample: LanguageSample, maxChars: number): LanguageSample {
  const characters = [...sample.text];
  if (characters.length <= maxChars) return sample;
  if (sample.language === 'zh') return { ...sample, text: characters.slice(0, maxChars).join('') };
  let text = '';
  for (const word of sample.text.split(' ')) {
    const longer = text ? `${text} ${word}` : word;
    if ([...longer].length > maxChars) break;
    text = longer;
  }
  return { ...sample, text: text || characters.slice(0, maxChars).join('') };
}

/** Where languageTestSetByLength cuts: from two words to a short paragraph's first line. */
export const LEADING_CUTS = [10, 15, 19, 30, 45, 59] as const;

/**
 * Each sentence whole and cut to its leading words (LEADING_CUTS), so that every length bucket has every
 * language in it; a cut that changes nothing (a short sentence) is not counted twice.
 */
export function languageTestSetByLength(): LanguageSample[] {
  return languageTestSet().flatMap((sample) => {
    const texts = new Set([...LEADING_CUTS.map((cut) => leadingText(sample, cut).text), sample.text]);
    return [...texts].map((text) => ({ ...sample, text }));
  });
}

export const LENGTH_BUCKETS = ['under 20 characters', '20–60 characters', 'over 60 characters'] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number];

export function lengthBucket(text: string): LengthBucket {
  const length = [...text].length;
  return length < 20 ? LENGTH_BUCKETS[0] : length <= 60 ? LENGTH_BUCKETS[1] : LENGTH_BUCKETS[2];
}

export interface DetectionScore {
  samples: number;
  /** Detected as the language they are written in. */
  correct: number;
  /** Detected as another language. */
  wrong: number;
  /** null: too short or undecided. */
  undecided: number;
  /** correct / samples: an undecided counts against it. */
  accuracy: number;
  /** correct / (correct + wrong): how far an answer can be trusted. */
  precision: number;
}

export interface DetectionReport {
  overall: DetectionScore;
  byLanguage: Record<string, DetectionScore>;
  byLength: Record<LengthBucket, DetectionScore>;
  /** "es → en": how many samples in the first were detected as the second. */
  confusions: Record<string, number>;
}

/** Scores `detect` (a detector restricted to the district's languages) on `samples`. */
export function scoreDetection(
  samples: readonly LanguageSample[],
  detect: (text: string) => string | null,
): DetectionReport {
  const tallies = new Map<string, { samples: number; correct: number; wrong: number }>();
  const confusions: Record<string, number> = {};
  const count = (key: string, outcome: 'correct' | 'wrong' | 'undecided') => {
    const tally = tallies.get(key) ?? { samples: 0, correct: 0, wrong: 0 };
    tally.samples++;
    if (outcome !== 'undecided') tally[outcome]++;
    tallies.set(key, tally);
  };
  for (const sample of samples) {
    const detected = detect(sample.text);
    const outcome = detected === null ? 'undecided' : detected === sample.language ? 'correct' : 'wrong';
    for (const key of ['overall', `language ${sample.language}`, `length ${lengthBucket(sample.text)}`]) {
      count(key, outcome);
    }
    if (outcome === 'wrong') {
      const confusion = `${sample.language} → ${detected}`;
      confusions[confusion] = (confusions[confusion] ?? 0) + 1;
    }
  }
  const score = (key: string): DetectionScore => {
    const { samples: n, correct, wrong } = tallies.get(key) ?? { samples: 0, correct: 0, wrong: 0 };
    return {
      samples: n,
      correct,
      wrong,
      undecided: n - correct - wrong,
      accuracy: n ? correct / n : 0,
      precision: correct + wrong ? correct / (correct + wrong) : 0,
    };
  };
  const languages = [...new Set(samples.map((s) => s.language))];
  return {
    overall: score('overall'),
    byLanguage: Object.fromEntries(languages.map((language) => [language, score(`language ${language}`)])),
    byLength: Object.fromEntries(
      LENGTH_BUCKETS.map((bucket) => [bucket, score(`length ${bucket}`)]),
    ) as Record<LengthBucket, DetectionScore>,
    confusions,
  };
}
