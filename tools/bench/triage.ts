/**
 * Triage quality and speed, in process (no stack needed): the naive Bayes topic classifier trained on the
 * starter set and scored on the held-out set (templates it never saw), the sentiment lexicon on its
 * held-out messages, and what training, predicting and learning one correction cost.
 *
 * Run alone: `node -r @swc-node/register tools/bench/triage.ts`; or with the others: `npm run bench -- triage`.
 * Writes docs/benchmarks/triage.json and .md.
 */
import { join } from 'node:path';
import {
  evaluateClassifier,
  evaluateSentiment,
  heldOutEvaluationSet,
  sentimentEvaluationSet,
  starterTrainingSet,
  TopicClassifier,
  TRIAGE_LABELS,
  type ClassificationReport,
} from '@homeroom/cases/triage';
import { scoreSentiment } from '@homeroom/shared/sentiment';
import type { BenchmarkReport, BenchmarkRow } from './report';
import { writeReport } from './report';
import { percentile } from './stats';

const TRAINING_RUNS = 3;
const MEASURE_MS = 2_000;

export function triageBenchmark(): BenchmarkReport & { figures: Record<string, unknown> } {
  let started = performance.now();
  const training = starterTrainingSet();
  const generateMs = performance.now() - started;
  const heldOut = heldOutEvaluationSet();
  const sentimentExamples = sentimentEvaluationSet();

  // Training is deterministic; the median of a few runs smooths out the garbage collector.
  const trainMs: number[] = [];
  let classifier = new TopicClassifier();
  for (let run = 0; run < TRAINING_RUNS; run++) {
    started = performance.now();
    classifier = new TopicClassifier().train(training);
    trainMs.push(performance.now() - started);
  }

  const topics = evaluateClassifier(classifier, heldOut, TRIAGE_LABELS);
  const sentiment = evaluateSentiment(scoreSentiment, sentimentExamples);

  const predictionsPerSecond = throughput(
    heldOut.map((e) => e.text),
    (text) => classifier.predict(text),
  );
  const sentimentPerSecond = throughput(
    sentimentExamples.map((e) => e.text),
    (text) => scoreSentiment(text),
  );

  // A staff correction: one learn() on the live model (then taken back out, to leave it as measured).
  const corrections = heldOut.slice(0, 200);
  started = performance.now();
  for (const correction of corrections) classifier.learn(correction);
  const learnMs = (performance.now() - started) / corrections.length;
  for (const correction of corrections) classifier.unlearn(correction);

  const json = JSON.stringify(classifier);
  started = performance.now();
  TopicClassifier.fromJSON(JSON.parse(json));
  const loadMs = performance.now() - started;

  const figures = {
    topics: summary(topics),
    sentiment: summary(sentiment),
    timing: {
      trainingExamples: training.length,
      heldOutExamples: heldOut.length,
      generateTrainingSetMs: round(generateMs),
      trainMsMedian: round(percentile(trainMs, 50)),
      predictionsPerSecond: Math.round(predictionsPerSecond),
      learnOneCorrectionMs: round(learnMs, 3),
      sentimentScoresPerSecond: Math.round(sentimentPerSecond),
      modelJsonBytes: Buffer.byteLength(json),
      modelFromJsonMs: round(loadMs),
      vocabulary: new Set(Object.values(classifier.toJSON().labels).flatMap((l) => Object.keys(l.features)))
        .size,
    },
  };

  return {
    name: 'triage',
    description:
      'Topic classifier (multinomial naive Bayes, default options) trained on starterTrainingSet() and scored on ' +
      'heldOutEvaluationSet(), composed from separate templates and another seed; sentiment lexicon scored on ' +
      'sentimentEvaluationSet(). Figures in percent; an abstention (confidence under 0.5) counts against recall only.',
    command: 'node -r @swc-node/register tools/bench/triage.ts',
    rows: [...rowsOf(topics, ''), ...rowsOf(sentiment, 'sentiment ')],
    ratios: {
      'topic macro precision': topics.macro.precision,
      'topic macro recall': topics.macro.recall,
      'topic macro F1': topics.macro.f1,
      'topic accuracy': topics.accuracy,
      'topic abstention rate': topics.abstained / topics.examples,
      'sentiment accuracy': sentiment.accuracy,
      'sentiment macro F1': sentiment.macro.f1,
    },
    notes: [
      `Training on ${training.length} examples: ${round(percentile(trainMs, 50))} ms (median of ${TRAINING_RUNS}); ` +
        `generating them: ${round(generateMs)} ms.`,
      `Predictions: ${Math.round(predictionsPerSecond)} per second on one core; learning one staff correction: ` +
        `${round(learnMs, 3)} ms.`,
      `Stored model: ${Buffer.byteLength(json)} bytes of JSON, ${figures.timing.vocabulary} features; ` +
        `fromJSON ${round(loadMs)} ms.`,
      `Sentiment: ${Math.round(sentimentPerSecond)} messages scored per second.`,
      'Both held-out sets were written by the same people as the training templates: they measure ' +
        'generalisation to new wording, not to real district mail. Re-measure on labelled cases once there are some.',
    ],
    figures,
  };
}

function rowsOf(report: ClassificationReport, prefix: string): BenchmarkRow[] {
  const percent = (value: number) => round(value * 100);
  return [
    ...report.labels.map((m) => ({
      variant: `${prefix}${m.label}`,
      'precision %': percent(m.precision),
      'recall %': percent(m.recall),
      'F1 %': percent(m.f1),
      support: m.support,
    })),
    {
      variant: `${prefix}macro average`,
      'precision %': percent(report.macro.precision),
      'recall %': percent(report.macro.recall),
      'F1 %': percent(report.macro.f1),
      support: report.examples,
    },
  ];
}

function summary(report: ClassificationReport) {
  return {
    examples: report.examples,
    accuracy: round(report.accuracy, 4),
    abstained: report.abstained,
    macro: {
      precision: round(report.macro.precision, 4),
      recall: round(report.macro.recall, 4),
      f1: round(report.macro.f1, 4),
    },
  };
}

/** Calls per second over the inputs, cycling through them for at least MEASURE_MS. */
function throughput(inputs: readonly string[], call: (input: string) => unknown): number {
  for (const input of inputs.slice(0, 100)) call(input);
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < MEASURE_MS) {
    for (const input of inputs) call(input);
    calls += inputs.length;
  }
  return (calls / (performance.now() - started)) * 1000;
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function printTable(rows: readonly BenchmarkRow[]): void {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '')));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((cell) => cell[i]!.length)));
  const line = (values: string[]) =>
    values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join('  ');
  console.log(line(columns));
  for (const cell of cells) console.log(line(cell));
}

if (require.main === module) {
  const report = triageBenchmark();
  printTable(report.rows);
  console.log('');
  for (const [name, value] of Object.entries(report.ratios)) console.log(`${name}: ${value.toFixed(3)}`);
  for (const note of report.notes) console.log(`- ${note}`);
  void writeReport(join(__dirname, '..', '..'), report).then((file) => console.log(`written: ${file}`));
}
