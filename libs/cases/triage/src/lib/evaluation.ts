/**
 * How good a classifier is, in the figures a district can act on: per label, precision (when it
 * suggests this topic, how often is it right: wrong suggestions cost staff a correction) and recall (of
 * the inquiries that are this topic, how many it catches: missed ones wait for manual triage), their
 * harmonic mean F1 and the support (how many examples the label had, so a perfect score on three
 * examples is read as such). Macro averages weigh every label equally, so a rare topic counts as much as
 * bus delays; accuracy weighs every example equally.
 *
 * An abstention (label null) is a miss for recall but not a wrong suggestion for precision: that is the
 * trade the confidence threshold makes.
 */
import type { LabeledText, TopicPrediction } from './topic-classifier';
import { SENTIMENT_LABELS, type SentimentLabel } from '@homeroom/shared/sentiment';

export interface LabelMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Examples whose expected label this is. */
  support: number;
  /** Examples predicted as this label. */
  predicted: number;
}

export interface ClassificationReport {
  /** Every label expected or predicted. */
  labels: LabelMetrics[];
  macro: { precision: number; recall: number; f1: number };
  accuracy: number;
  examples: number;
  /** Examples the classifier declined to label. */
  abstained: number;
  /** confusion[expected][predicted] = count; an abstention is predicted as '(none)'. */
  confusion: Record<string, Record<string, number>>;
}

export interface Outcome {
  expected: string;
  predicted: string | null;
}

export const ABSTAINED = '(none)';

/**
 * The report for a list of expected/predicted pairs; the two evaluate functions below feed it. Labels are
 * those expected or predicted: `order`'s first (those that occur), then the rest as first met.
 */
export function classificationReport(
  outcomes: readonly Outcome[],
  order: readonly string[] = [],
): ClassificationReport {
  const occurring = new Set<string>();
  for (const { expected, predicted } of outcomes) {
    occurring.add(expected);
    if (predicted !== null) occurring.add(predicted);
  }
  const labels = [...new Set([...order.filter((label) => occurring.has(label)), ...occurring])];

  const confusion: Record<string, Record<string, number>> = Object.create(null);
  let correct = 0;
  let abstained = 0;
  for (const { expected, predicted } of outcomes) {
    const row = (confusion[expected] ??= Object.create(null) as Record<string, number>);
    const column = predicted ?? ABSTAINED;
    row[column] = (row[column] ?? 0) + 1;
    if (predicted === expected) correct++;
    if (predicted === null) abstained++;
  }

  const perLabel = labels.map((label): LabelMetrics => {
    let truePositives = 0;
    let support = 0;
    let predicted = 0;
    for (const outcome of outcomes) {
      if (outcome.expected === label) support++;
      if (outcome.predicted === label) predicted++;
      if (outcome.expected === label && outcome.predicted === label) truePositives++;
    }
    // A label never predicted has precision 0, not "undefined": it is a label the classifier fails on.
    const precision = predicted ? truePositives / predicted : 0;
    const recall = support ? truePositives / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support, predicted };
  });

  const mean = (pick: (metrics: LabelMetrics) => number) =>
    perLabel.length ? perLabel.reduce((sum, metrics) => sum + pick(metrics), 0) / perLabel.length : 0;
  return {
    labels: perLabel,
    macro: { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) },
    accuracy: outcomes.length ? correct / outcomes.length : 0,
    examples: outcomes.length,
    abstained,
    confusion,
  };
}

/** Anything that predicts a topic: the naive Bayes classifier, or a baseline to compare it with. */
export interface TopicPredictor {
  predict(text: string): Pick<TopicPrediction, 'label'>;
}

/** The classifier's report on labelled examples; `labelOrder` (e.g. TRIAGE_LABELS) orders the labels. */
export function evaluateClassifier(
  classifier: TopicPredictor,
  examples: readonly LabeledText[],
  labelOrder: readonly string[] = [],
): ClassificationReport {
  return classificationReport(
    examples.map(({ text, label }) => ({ expected: label, predicted: classifier.predict(text).label })),
    labelOrder,
  );
}

export interface SentimentExample {
  text: string;
  label: SentimentLabel;
}

/** The same report for sentiment, labels in the order NEGATIVE, NEUTRAL, POSITIVE. */
export function evaluateSentiment(
  scorer: (text: string) => { label: SentimentLabel },
  examples: readonly SentimentExample[],
): ClassificationReport {
  return classificationReport(
    examples.map(({ text, label }) => ({ expected: label, predicted: scorer(text).label })),
    SENTIMENT_LABELS,
  );
}
