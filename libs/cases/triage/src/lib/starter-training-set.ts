/**
 * The starter training set: the inquiries a district's topic classifier learns from before its own staff
 * have corrected anything. Composed deterministically (seeded) from this project's phrase templates, one
 * pool per subtopic, about one message in ten in Spanish. The held-out evaluation set is composed the same
 * way from a separate pool of templates and another seed, so its figures measure generalisation.
 */
import { composeInquiry } from './inquiry-composer';
import { HELD_OUT_TEMPLATES } from './held-out-templates';
import { mulberry32, pick, shuffle } from '@homeroom/shared/random';
import { TRIAGE_LABELS } from './taxonomy';
import type { Language } from '@homeroom/shared/text';
import type { LabeledText } from './topic-classifier';
import { TRAINING_TEMPLATES, type TemplatePool } from './training-templates';

export { sentimentEvaluationSet } from './sentiment-evaluation-set';

export interface GeneratedInquiry extends LabeledText {
  language: Language;
}

export interface GeneratorOptions {
  seed: number;
  /** Examples per subtopic. */
  perLabel: number;
  /** The share of examples written in Spanish. */
  spanishShare: number;
}

export const STARTER_TRAINING_DEFAULTS: GeneratorOptions = {
  seed: 20_240_901,
  perLabel: 800,
  spanishShare: 0.1,
};
export const HELD_OUT_DEFAULTS: GeneratorOptions = { seed: 77_003_117, perLabel: 30, spanishShare: 0.1 };

export function starterTrainingSet(options: Partial<GeneratorOptions> = {}): GeneratedInquiry[] {
  return compose(TRAINING_TEMPLATES, { ...STARTER_TRAINING_DEFAULTS, ...options });
}

export function heldOutEvaluationSet(options: Partial<GeneratorOptions> = {}): GeneratedInquiry[] {
  return compose(HELD_OUT_TEMPLATES, { ...HELD_OUT_DEFAULTS, ...options });
}

function compose(
  pools: Readonly<Record<string, TemplatePool>>,
  { seed, perLabel, spanishShare }: GeneratorOptions,
): GeneratedInquiry[] {
  const random = mulberry32(seed);
  const examples: GeneratedInquiry[] = [];
  for (const label of TRIAGE_LABELS) {
    const pool = pools[label];
    if (!pool) throw new Error(`No templates for the topic ${label}`);
    for (let i = 0; i < perLabel; i++) {
      const language: Language = random() < spanishShare ? 'es' : 'en';
      const text = composeInquiry(random, pick(random, pool[language]), language);
      examples.push({ text, label, language });
    }
  }
  // Topic after topic is not how mail arrives; order matters to nothing here, but a shuffled set is honest.
  return shuffle(random, examples);
}
