import { HELD_OUT_TEMPLATES } from './held-out-templates';
import { fill } from './inquiry-composer';
import { mulberry32 } from '@homeroom/shared/random';
import { heldOutEvaluationSet, sentimentEvaluationSet, starterTrainingSet } from './starter-training-set';
import { TRIAGE_LABELS } from './taxonomy';
import { detectLanguage } from './text-features';
import { TRAINING_TEMPLATES } from './training-templates';

describe('starter training set', () => {
  const training = starterTrainingSet();
  const heldOut = heldOutEvaluationSet();

  it('is the same every time, and another seed gives another set', () => {
    expect(starterTrainingSet()).toEqual(training);
    expect(heldOutEvaluationSet()).toEqual(heldOut);
    expect(starterTrainingSet({ seed: 7, perLabel: 5 })).toEqual(
      starterTrainingSet({ seed: 7, perLabel: 5 }),
    );
    expect(starterTrainingSet({ seed: 8, perLabel: 5 })).not.toEqual(
      starterTrainingSet({ seed: 7, perLabel: 5 }),
    );
  });

  it('covers every subtopic of the taxonomy, evenly', () => {
    for (const examples of [training, heldOut]) {
      const counts = new Map<string, number>();
      for (const { label } of examples) counts.set(label, (counts.get(label) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual([...TRIAGE_LABELS].sort());
      expect(new Set(counts.values()).size).toBe(1);
    }
    expect(TRIAGE_LABELS).toHaveLength(23);
  });

  it('writes about one message in ten in Spanish, and they read as Spanish', () => {
    const spanish = training.filter((e) => e.language === 'es');
    expect(spanish.length / training.length).toBeGreaterThan(0.07);
    expect(spanish.length / training.length).toBeLessThan(0.13);
    const recognised = spanish.filter((e) => detectLanguage(e.text) === 'es').length;
    expect(recognised / spanish.length).toBeGreaterThan(0.95);
  });

  it('varies its wording: mostly distinct messages, some typos and no unfilled slots', () => {
    expect(new Set(training.map((e) => e.text)).size / training.length).toBeGreaterThan(0.9);
    expect(training.some((e) => /[[\]{}]/.test(e.text))).toBe(false);
    expect(heldOut.some((e) => /[[\]{}]/.test(e.text))).toBe(false);
  });

  it('has at least 8 training and 3 held-out templates per subtopic, and no template in both pools', () => {
    for (const label of TRIAGE_LABELS) {
      const training = TRAINING_TEMPLATES[label]!;
      const heldOut = HELD_OUT_TEMPLATES[label]!;
      expect(training.en.length + training.es.length).toBeGreaterThanOrEqual(8);
      expect(heldOut.en.length + heldOut.es.length).toBeGreaterThanOrEqual(3);
      expect(training.es.length).toBeGreaterThan(0);
      expect(heldOut.es.length).toBeGreaterThan(0);
    }
    const trainingTemplates = new Set(Object.values(TRAINING_TEMPLATES).flatMap((p) => [...p.en, ...p.es]));
    const shared = Object.values(HELD_OUT_TEMPLATES)
      .flatMap((p) => [...p.en, ...p.es])
      .filter((t) => trainingTemplates.has(t));
    expect(shared).toEqual([]);
  });

  it('fills every slot of every template in its language', () => {
    const random = mulberry32(1);
    for (const pools of [TRAINING_TEMPLATES, HELD_OUT_TEMPLATES]) {
      for (const pool of Object.values(pools)) {
        for (const template of pool.en) expect(() => fill(random, template, 'en')).not.toThrow();
        for (const template of pool.es) expect(() => fill(random, template, 'es')).not.toThrow();
      }
    }
  });

  it('never puts a held-out message in the training set', () => {
    const seen = new Set(training.map((e) => e.text.toLowerCase()));
    expect(heldOut.filter((e) => seen.has(e.text.toLowerCase()))).toEqual([]);
  });

  it('has a balanced held-out sentiment set of at least 60 messages', () => {
    const examples = sentimentEvaluationSet();
    expect(examples.length).toBeGreaterThanOrEqual(60);
    const counts = new Map<string, number>();
    for (const { label } of examples) counts.set(label, (counts.get(label) ?? 0) + 1);
    expect([...counts.entries()].sort()).toEqual([
      ['NEGATIVE', examples.length / 3],
      ['NEUTRAL', examples.length / 3],
      ['POSITIVE', examples.length / 3],
    ]);
    expect(new Set(examples.map((e) => e.text)).size).toBe(examples.length);
  });
});
