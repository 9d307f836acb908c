/**
 * A multinomial naive Bayes topic classifier for inquiries. Naive Bayes because it fits how triage is
 * used: it runs in-process (no model server, nothing leaves the district), a staff correction updates a
 * few counts instead of retraining anything, the model is a table of counts that fits in a jsonb column,
 * and every suggestion can be explained by the words that drove it.
 *
 * Labels are opaque strings (the service uses topic names such as 'Bus delay'); the classifier never
 * interprets them.
 */
import { DEFAULT_FEATURE_OPTIONS, textFeatures } from './text-features';

export interface LabeledText {
  text: string;
  label: string;
  /**
   * How much this example counts (default 1): a staff correction may count for more than a starter
   * example, and near-copies of one sentence should share one unit of evidence rather than each add one.
   */
  weight?: number;
}

export interface TopicClassifierOptions {
  /**
   * Additive (Lidstone) smoothing: the pseudo-count every known feature gets in every label. 1 is Laplace;
   * below 1 lets a word seen a few times in one topic count for more against the thousands of features
   * that topic never saw, which suits short messages and a vocabulary far larger than any one topic's.
   */
  alpha: number;
  /** Below this posterior probability the classifier abstains (label null) and a person triages. */
  minConfidence: number;
  /**
   * How often a feature counts within one message: 'binary' (once, whatever its repeats: a parent typing
   * "bus" five times is not five times as much about buses), 'count' (classic term frequency) or 'log'
   * (1 + ln tf, in between).
   */
  weighting: 'binary' | 'count' | 'log';
  /** Word pairs as features as well as single words. */
  bigrams: boolean;
  /** Word prefixes of this length as features too (0: none); see FeatureOptions. */
  prefixes: number;
  /**
   * 'empirical' lets the labels' share of the training data count (a district with mostly bus mail
   * should lean to bus topics when in doubt); 'uniform' ignores it.
   */
  prior: 'empirical' | 'uniform';
}

export const DEFAULT_TOPIC_CLASSIFIER_OPTIONS: TopicClassifierOptions = {
  alpha: 0.5,
  minConfidence: 0.5,
  weighting: 'binary',
  bigrams: DEFAULT_FEATURE_OPTIONS.bigrams,
  prefixes: DEFAULT_FEATURE_OPTIONS.prefixes,
  prior: 'empirical',
};

export interface RankedLabel {
  label: string;
  probability: number;
}

export interface TopicPrediction {
  /** The most probable label, or null when the classifier abstains. */
  label: string | null;
  /** The top label's posterior probability (0 when the text has no known features). */
  confidence: number;
  /** Every label, most probable first; empty when the text has no known features. */
  ranked: RankedLabel[];
}

export interface FeatureContribution {
  feature: string;
  /** How many nats this feature adds to the top label over the runner-up (negative: it argues against). */
  weight: number;
}

/**
 * The stored form: the counts, plus the totals derived from them, so that a restored model sums nothing
 * in another order (jsonb reorders keys) and predicts exactly as the one that was stored.
 */
export interface TopicClassifierJSON {
  format: typeof FORMAT;
  version: typeof VERSION;
  options: TopicClassifierOptions;
  /** The examples learned, by weight. */
  documents: number;
  labels: Record<string, { documents: number; total: number; features: Record<string, number> }>;
}

const FORMAT = 'homeroom.naive-bayes';
const VERSION = 1;
// Counts under 'log' weighting are fractional; what is left after unlearning is rounding, not evidence.
const EPSILON = 1e-9;

interface LabelStats {
  documents: number;
  /** The sum of this label's feature weights: the denominator of P(feature | label). */
  total: number;
  counts: Map<string, number>;
}

export class TopicClassifier {
  readonly options: TopicClassifierOptions;
  private readonly stats = new Map<string, LabelStats>();
  /** Every feature seen in any label, with its weight summed over labels; its size is |V| for smoothing. */
  private readonly vocabulary = new Map<string, number>();
  private documents = 0;

  constructor(options: Partial<TopicClassifierOptions> = {}) {
    this.options = validOptions({ ...DEFAULT_TOPIC_CLASSIFIER_OPTIONS, ...options });
  }

  /** The labels the classifier knows, in the order it first saw (or restored) them. */
  get labels(): string[] {
    return [...this.stats.keys()];
  }

  /** How many examples it has learned (less those unlearned). */
  get size(): number {
    return this.documents;
  }

  /** Forgets everything, then learns the examples. */
  train(examples: readonly LabeledText[]): this {
    this.stats.clear();
    this.vocabulary.clear();
    this.documents = 0;
    for (const example of examples) this.learn(example);
    return this;
  }

  /**
   * Adds one example to the counts: O(features in the text), so the service can apply a staff
   * correction on the spot instead of retraining.
   */
  learn(example: LabeledText): this {
    this.adjust(example, 1);
    return this;
  }

  /**
   * Takes a previously learned example back out (a case re-labelled after its topic was learned). The
   * text must be the one learned: unlearning what was never learned would corrupt the counts, so it throws.
   */
  unlearn(example: LabeledText): this {
    const stats = this.stats.get(example.label);
    const scale = weightOf(example);
    if (!stats || stats.documents < scale - EPSILON)
      throw new Error(`Nothing was learned for the label ${example.label}`);
    for (const [feature, weight] of this.weigh(example.text)) {
      if ((stats.counts.get(feature) ?? 0) < scale * weight - EPSILON) {
        throw new Error(`The text to unlearn was never learned for the label ${example.label}`);
      }
    }
    this.adjust(example, -1);
    return this;
  }

  predict(text: string, minConfidence = this.options.minConfidence): TopicPrediction {
    const scored = this.score(text);
    if (!scored) return { label: null, confidence: 0, ranked: [] };
    const ranked = softmax(scored);
    const top = ranked[0]!;
    return {
      label: top.probability >= minConfidence ? top.label : null,
      confidence: top.probability,
      ranked,
    };
  }

  /**
   * Why the top label won: the features that separate it most from the runner-up, strongest first. This is
   * what a staff member sees next to a suggested topic.
   */
  explain(text: string, limit = 5): FeatureContribution[] {
    const ranked = this.predict(text, 0).ranked;
    const top = ranked[0] && this.stats.get(ranked[0].label);
    const second = ranked[1] && this.stats.get(ranked[1].label);
    if (!top || !second) return [];
    return [...this.knownWeights(text)]
      .map(([feature, weight]) => ({
        feature,
        weight: weight * (this.logLikelihood(top, feature) - this.logLikelihood(second, feature)),
      }))
      .sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature))
      .slice(0, limit);
  }

  toJSON(): TopicClassifierJSON {
    const labels: TopicClassifierJSON['labels'] = {};
    for (const [label, stats] of this.stats) {
      Object.defineProperty(labels, label, {
        value: { documents: stats.documents, total: stats.total, features: Object.fromEntries(stats.counts) },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return {
      format: FORMAT,
      version: VERSION,
      options: { ...this.options },
      documents: this.documents,
      labels,
    };
  }

  /** Rebuilds a classifier from `toJSON()` output (e.g. read back from a jsonb column); throws on anything else. */
  static fromJSON(json: unknown): TopicClassifier {
    if (!isRecord(json) || json['format'] !== FORMAT)
      throw new Error(`Not a stored topic classifier (format ${FORMAT})`);
    if (json['version'] !== VERSION)
      throw new Error(`Unsupported topic classifier version ${String(json['version'])}`);
    const { options, labels, documents } = json;
    if (!isRecord(options) || !isRecord(labels) || !isNonNegative(documents))
      throw new Error('A stored topic classifier needs options, documents and labels');
    const classifier = new TopicClassifier(options as Partial<TopicClassifierOptions>);
    for (const [label, entry] of Object.entries(labels)) {
      const { documents: labelDocuments, total, features } = isRecord(entry) ? entry : {};
      if (!isPositive(labelDocuments) || !isNonNegative(total) || !isRecord(features)) {
        throw new Error(`The stored label ${label} is malformed`);
      }
      const stats: LabelStats = { documents: labelDocuments, total, counts: new Map() };
      let sum = 0;
      for (const [feature, count] of Object.entries(features)) {
        if (!isPositive(count)) {
          throw new Error(`The stored count of ${feature} in ${label} is malformed`);
        }
        stats.counts.set(feature, count);
        sum += count;
        classifier.vocabulary.set(feature, (classifier.vocabulary.get(feature) ?? 0) + count);
      }
      if (Math.abs(sum - total) > 1e-6 * Math.max(1, total)) {
        throw new Error(`The stored total of ${label} does not match its counts`);
      }
      classifier.stats.set(label, stats);
      classifier.documents += stats.documents;
    }
    if (Math.abs(classifier.documents - documents) > 1e-6 * Math.max(1, documents)) {
      throw new Error('The stored document count does not match the labels');
    }
    classifier.documents = documents;
    return classifier;
  }

  private adjust(example: LabeledText, direction: 1 | -1): void {
    const sign = direction * weightOf(example);
    let stats = this.stats.get(example.label);
    if (!stats) {
      stats = { documents: 0, total: 0, counts: new Map() };
      this.stats.set(example.label, stats);
    }
    stats.documents += sign;
    this.documents += sign;
    for (const [feature, weight] of this.weigh(example.text)) {
      const count = (stats.counts.get(feature) ?? 0) + sign * weight;
      if (count > EPSILON) stats.counts.set(feature, count);
      else stats.counts.delete(feature);
      stats.total += sign * weight;
      const overall = (this.vocabulary.get(feature) ?? 0) + sign * weight;
      if (overall > EPSILON) this.vocabulary.set(feature, overall);
      else this.vocabulary.delete(feature);
    }
    if (stats.documents < EPSILON) this.stats.delete(example.label);
    if (this.documents < EPSILON) this.documents = 0;
  }

  /** A text's features, each with its weight under the chosen weighting. */
  private weigh(text: string): Map<string, number> {
    const tf = new Map<string, number>();
    for (const feature of textFeatures(text, {
      bigrams: this.options.bigrams,
      prefixes: this.options.prefixes,
    })) {
      tf.set(feature, (tf.get(feature) ?? 0) + 1);
    }
    const { weighting } = this.options;
    if (weighting === 'count') return tf;
    for (const [feature, count] of tf) tf.set(feature, weighting === 'binary' ? 1 : 1 + Math.log(count));
    return tf;
  }

  /** Features never seen in training say nothing about any label, so they are left out rather than smoothed. */
  private knownWeights(text: string): Map<string, number> {
    const weights = this.weigh(text);
    for (const feature of weights.keys()) if (!this.vocabulary.has(feature)) weights.delete(feature);
    return weights;
  }

  /** log P(feature | label), additively smoothed over the whole vocabulary. */
  private logLikelihood(stats: LabelStats, feature: string): number {
    const { alpha } = this.options;
    return Math.log(
      ((stats.counts.get(feature) ?? 0) + alpha) / (stats.total + alpha * this.vocabulary.size),
    );
  }

  /** Unnormalised log posteriors per label, or null when the text has no known feature. */
  private score(text: string): Map<string, number> | null {
    const weights = this.knownWeights(text);
    if (weights.size === 0 || this.documents <= 0) return null;
    const { alpha } = this.options;
    const scores = new Map<string, number>();
    const uniform = this.options.prior === 'uniform';
    let totalWeight = 0;
    for (const weight of weights.values()) totalWeight += weight;
    for (const [label, stats] of this.stats) {
      // Σ w·log((n+α)/(N+αV)) = Σ w·log(n+α) − (Σ w)·log(N+αV): one logarithm for the denominator.
      let score = uniform ? 0 : Math.log(stats.documents / this.documents);
      score -= totalWeight * Math.log(stats.total + alpha * this.vocabulary.size);
      for (const [feature, weight] of weights)
        score += weight * Math.log((stats.counts.get(feature) ?? 0) + alpha);
      scores.set(label, score);
    }
    return scores;
  }
}

/**
 * Log scores to probabilities, most probable first. Summed in label order and tied by label, so the result
 * does not depend on the order labels were learned or stored in.
 */
function softmax(scores: Map<string, number>): RankedLabel[] {
  const max = Math.max(...scores.values());
  let sum = 0;
  const exp: RankedLabel[] = [];
  for (const [label, score] of [...scores].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = Math.exp(score - max);
    sum += value;
    exp.push({ label, probability: value });
  }
  return exp
    .map(({ label, probability }) => ({ label, probability: probability / sum }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function validOptions(options: TopicClassifierOptions): TopicClassifierOptions {
  const { alpha, minConfidence, weighting, bigrams, prior, prefixes } = options;
  if (typeof alpha !== 'number' || !(alpha > 0) || !Number.isFinite(alpha))
    throw new Error('alpha must be a positive number');
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1))
    throw new Error('minConfidence must be between 0 and 1');
  if (!['binary', 'count', 'log'].includes(weighting))
    throw new Error(`Unknown weighting ${String(weighting)}`);
  if (typeof bigrams !== 'boolean') throw new Error('bigrams must be true or false');
  if (!['empirical', 'uniform'].includes(prior)) throw new Error(`Unknown prior ${String(prior)}`);
  return { alpha, minConfidence, weighting, bigrams, prior, prefixes };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stored counts are weights (fractional with weighted examples or 'log'), and only positive ones are stored. */
function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** A label learned only from texts without features has a total of 0. */
function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function weightOf(example: LabeledText): number {
  const weight = example.weight ?? 1;
  if (!(weight > 0) || !Number.isFinite(weight))
    throw new Error('An example weight must be a positive number');
  return weight;
}
