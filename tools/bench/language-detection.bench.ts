/**
 * Language detection quality and speed, in process (no stack needed): `detectLanguage` with the district's
 * top languages as candidates, on the published FLORES-200 sentences of SIB-200's test split (204 a language)
 * whole and cut to their leading words; accuracy per language, by length and by letters, against franc on
 * its own (all 187 languages, no thresholds), and detections per second.
 *
 * Run alone: `node -r @swc-node/register tools/bench/language-detection.bench.ts`; or with the others:
 * `npm run bench -- language-detection`. Writes docs/benchmarks/language-detection.json and .md.
 */
import { join } from 'node:path';
import { franc } from 'franc';
import { detectLanguage, languageText, MIN_LETTERS, tagOfFrancCode } from '@homeroom/platform/language';
import {
  DISTRICT_LANGUAGES,
  LEADING_CUTS,
  languageTestSet,
  languageTestSetByLength,
  scoreDetection,
  type DetectionScore,
  type LanguageSample,
} from '@homeroom/platform/language/testing';
import type { BenchmarkReport, BenchmarkRow } from './report';
import { writeReport } from './report';

const MEASURE_MS = 2_000;
const LETTER_BANDS: readonly [number, number][] = [
  [2, MIN_LETTERS],
  [MIN_LETTERS, 12],
  [12, 20],
  [20, 30],
  [30, 60],
  [60, Infinity],
];

export function languageDetectionBenchmark(): BenchmarkReport {
  const detect = (text: string) => detectLanguage(text, DISTRICT_LANGUAGES)?.language ?? null;
  const sentences = languageTestSet();
  const samples = languageTestSetByLength();
  const whole = scoreDetection(sentences, detect);
  const all = scoreDetection(samples, detect);
  const francAlone = scoreDetection(samples, (text) => {
    const code = franc(text);
    return code === 'und' ? null : tagOfFrancCode(code);
  });
  const byLetters = LETTER_BANDS.map(([from, to]) => {
    const band = samples.filter((s) => {
      const letters = languageText(s.text).match(/\p{L}/gu)?.length ?? 0;
      return letters >= from && letters < to;
    });
    return { from, to, score: scoreDetection(band, detect).overall };
  });
  const perSecond = throughput(samples, (text) => detectLanguage(text, DISTRICT_LANGUAGES));

  const rows: BenchmarkRow[] = [
    ...DISTRICT_LANGUAGES.map((language) => row(`${language}, whole sentences`, whole.byLanguage[language]!)),
    row('all seven, whole sentences', whole.overall),
    ...DISTRICT_LANGUAGES.map((language) => row(`${language}, all lengths`, all.byLanguage[language]!)),
    ...Object.entries(all.byLength).map(([bucket, score]) => row(`all seven, ${bucket}`, score)),
    row('all seven, all lengths', all.overall),
    ...byLetters.map(({ from, to, score }) =>
      row(`${from}${to === Infinity ? '+' : `–${to - 1}`} letters (after stripping)`, score),
    ),
    ...Object.entries(francAlone.byLength).map(([bucket, score]) => row(`franc alone, ${bucket}`, score)),
    row('franc alone, all lengths', francAlone.overall),
  ];
  const short = all.byLength['under 20 characters'];
  return {
    name: 'language-detection',
    description:
      'detectLanguage (@homeroom/platform/language: franc 6.2.0 restricted to the candidates, with a minimum of ' +
      `${MIN_LETTERS} letters and a lead of 1/√letters over the runner-up) with candidates ${DISTRICT_LANGUAGES.join(' ')}, ` +
      `on the ${sentences.length / DISTRICT_LANGUAGES.length} FLORES-200 sentences a language of SIB-200's test ` +
      `split, whole and cut to their leading words (at most ${LEADING_CUTS.join(', ')} characters; ` +
      `${samples.length} texts). Accuracy: detected as the language written, in percent of all texts (an ` +
      'undecided null counts against it); precision: of the answers given; length in characters as written.',
    command: 'npm run bench -- language-detection',
    rows,
    ratios: {
      'accuracy, whole sentences': whole.overall.accuracy,
      'accuracy, all lengths': all.overall.accuracy,
      'accuracy, under 20 characters': all.byLength['under 20 characters'].accuracy,
      'precision, all lengths': all.overall.precision,
      'precision, under 20 characters': all.byLength['under 20 characters'].precision,
      'franc alone, accuracy, all lengths': francAlone.overall.accuracy,
    },
    notes: [
      `${Math.round(perSecond)} detections per second on one core (all ${samples.length} texts, cycled for ` +
        `${MEASURE_MS / 1000} s).`,
      `Most frequent confusions (all lengths): ${topConfusions(all.confusions)}.`,
      `Under 20 characters, ${percentOf(short.undecided, short.samples)} % of the texts are left undecided ` +
        `rather than guessed (the caller falls back to the family's recorded language), and ` +
        `${percentOf(short.correct, short.correct + short.wrong)} % of the answers given are right. Chinese and ` +
        'Arabic are decided by their script alone (no other candidate writes it): right at any length unless ' +
        'Latin-script names outweigh the Han characters.',
      `franc alone chooses among all its languages and guesses from 10 characters on; its most frequent ` +
        `confusions: ${topConfusions(francAlone.confusions)}. Restricting it to the district's languages is ` +
        'what makes short texts work.',
      'The sentences are news and encyclopaedia prose (FLORES-200), not family messages; leading-word cuts stand ' +
        'in for short texts. Licence and source: libs/platform/language/src/testing/fixtures/README.md.',
    ],
  };
}

function topConfusions(confusions: Record<string, number>): string {
  return Object.entries(confusions)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 8)
    .map(([pair, n]) => `${pair} ${n}`)
    .join(', ');
}

function percentOf(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}

function row(variant: string, score: DetectionScore): BenchmarkRow {
  return {
    variant,
    'accuracy %': percentOf(score.correct, score.samples),
    'precision %': percentOf(score.correct, score.correct + score.wrong),
    'undecided %': percentOf(score.undecided, score.samples),
    texts: score.samples,
  };
}

/** Calls per second over the samples, cycling through them for at least MEASURE_MS. */
function throughput(samples: readonly LanguageSample[], call: (text: string) => unknown): number {
  for (const sample of samples.slice(0, 200)) call(sample.text);
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < MEASURE_MS) {
    for (const sample of samples) call(sample.text);
    calls += samples.length;
  }
  return (calls / (performance.now() - started)) * 1000;
}

if (require.main === module) {
  const report = languageDetectionBenchmark();
  for (const r of report.rows) console.log(JSON.stringify(r));
  void writeReport(join(__dirname, '..', '..'), report).then((file) => console.log(`written: ${file}`));
}
