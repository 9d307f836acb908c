import { TopicClassifier, type LabeledText } from './topic-classifier';

// A corpus small enough to reason about by hand.
const CORPUS: LabeledText[] = [
  { text: 'The bus was late again this morning', label: 'Bus delay' },
  { text: 'Bus 14 is running late, we are still waiting at the stop', label: 'Bus delay' },
  { text: 'Why is the afternoon bus always late?', label: 'Bus delay' },
  { text: 'How do I add money to the lunch account?', label: 'Meal account' },
  { text: 'The lunch balance is negative but I paid $20', label: 'Meal account' },
  { text: 'I was charged twice for lunch money, please refund', label: 'Meal account' },
  { text: 'Thank you to Ms. Patel, she is a wonderful teacher', label: 'Compliment' },
  { text: 'Our teacher is amazing, thank you for everything', label: 'Compliment' },
  { text: 'Big thanks to the wonderful front office staff', label: 'Compliment' },
];

describe('TopicClassifier', () => {
  it('learns a tiny hand-made corpus and labels sentences it never saw', () => {
    const classifier = new TopicClassifier().train(CORPUS);
    expect(classifier.labels).toEqual(['Bus delay', 'Meal account', 'Compliment']);
    expect(classifier.size).toBe(9);
    expect(classifier.predict('the bus is late, kids waiting').label).toBe('Bus delay');
    expect(classifier.predict('refund the money on my lunch account').label).toBe('Meal account');
    expect(classifier.predict('what a wonderful teacher, thank you').label).toBe('Compliment');
  });

  it('computes Laplace-smoothed posteriors exactly', () => {
    // A: "bus late", B: "lunch money refund"; a vocabulary of 5 words, equal priors.
    // P(bus|A) = (1+1)/(2+5) = 2/7, P(bus|B) = (0+1)/(3+5) = 1/8, so P(A|"bus") = (2/7) / (2/7 + 1/8) = 16/23.
    const classifier = new TopicClassifier({
      alpha: 1,
      bigrams: false,
      prefixes: 0,
      weighting: 'count',
    }).train([
      { text: 'bus late', label: 'A' },
      { text: 'lunch money refund', label: 'B' },
    ]);
    const prediction = classifier.predict('bus');
    expect(prediction.label).toBe('A');
    expect(prediction.confidence).toBeCloseTo(16 / 23, 12);
    expect(prediction.ranked).toEqual([
      { label: 'A', probability: expect.closeTo(16 / 23, 12) },
      { label: 'B', probability: expect.closeTo(7 / 23, 12) },
    ]);
    // Two known words for A: (2/7)² / ((2/7)² + (1/8)²) = 256/305.
    expect(classifier.predict('late bus').confidence).toBeCloseTo(256 / 305, 12);
    // With 'count' weighting a repeated word counts twice; with 'binary' once.
    expect(classifier.predict('bus bus').confidence).toBeCloseTo(256 / 305, 12);
    const binary = new TopicClassifier({ alpha: 1, bigrams: false, prefixes: 0, weighting: 'binary' }).train([
      { text: 'bus late', label: 'A' },
      { text: 'lunch money refund', label: 'B' },
    ]);
    expect(binary.predict('bus bus').confidence).toBeCloseTo(16 / 23, 12);
  });

  it('weighs labels by their share of the examples unless told not to', () => {
    // One word in the whole vocabulary, so P(bus|A) = P(bus|B) = 1 and only the prior differs.
    const examples = [
      { text: 'bus', label: 'A' },
      { text: 'bus', label: 'A' },
      { text: 'bus', label: 'A' },
      { text: 'bus', label: 'B' },
    ];
    const options = { alpha: 1, bigrams: false, prefixes: 0 };
    expect(new TopicClassifier(options).train(examples).predict('bus').confidence).toBeCloseTo(0.75, 12);
    expect(
      new TopicClassifier({ ...options, prior: 'uniform' }).train(examples).predict('bus').confidence,
    ).toBe(0.5);
  });

  it('abstains when no known word is in the text', () => {
    const classifier = new TopicClassifier().train(CORPUS);
    expect(classifier.predict('Quisiera información')).toEqual({ label: null, confidence: 0, ranked: [] });
    expect(classifier.predict('')).toEqual({ label: null, confidence: 0, ranked: [] });
    expect(new TopicClassifier().predict('bus late')).toEqual({ label: null, confidence: 0, ranked: [] });
  });

  it('abstains when the best label is not confident enough, but still ranks the labels', () => {
    const classifier = new TopicClassifier({ minConfidence: 0.6 }).train(CORPUS);
    // One word from each of two topics: evidence split evenly.
    const prediction = classifier.predict('bus lunch');
    expect(prediction.label).toBeNull();
    expect(prediction.confidence).toBeLessThan(0.6);
    expect(
      prediction.ranked
        .map((r) => r.label)
        .slice(0, 2)
        .sort(),
    ).toEqual(['Bus delay', 'Meal account']);
    // The same text is labelled when the caller accepts less certainty.
    expect(classifier.predict('bus lunch', 0.3).label).not.toBeNull();
    // And a clear text passes the same threshold.
    expect(classifier.predict('the bus is late again').label).toBe('Bus delay');
  });

  it('changes its prediction after a few staff corrections, without retraining', () => {
    const classifier = new TopicClassifier().train(CORPUS);
    const text = 'the app notifications about the bus stopped';
    expect(classifier.predict(text).label).toBe('Bus delay');
    classifier.learn({ text: 'I stopped getting app notifications', label: 'Notifications' });
    classifier.learn({ text: 'app notifications are not arriving', label: 'Notifications' });
    expect(classifier.predict(text).label).toBe('Notifications');
    expect(classifier.labels).toContain('Notifications');
  });

  it('counts a weighted example as that many copies', () => {
    const twice = new TopicClassifier().train(CORPUS);
    twice.learn({ text: 'portal login broken', label: 'Technology' });
    twice.learn({ text: 'portal login broken', label: 'Technology' });
    const weighted = new TopicClassifier().train(CORPUS);
    weighted.learn({ text: 'portal login broken', label: 'Technology', weight: 2 });
    expect(weighted.toJSON()).toEqual(twice.toJSON());
    expect(() => weighted.learn({ text: 'x', label: 'A', weight: 0 })).toThrow(/weight/);
  });

  it('unlearns exactly what it learned, and refuses what it never learned', () => {
    const classifier = new TopicClassifier().train(CORPUS);
    const before = JSON.stringify(classifier);
    const correction = { text: 'The parent portal is down', label: 'Website' };
    classifier.learn(correction);
    expect(classifier.predict('parent portal down').label).toBe('Website');
    classifier.unlearn(correction);
    expect(JSON.stringify(classifier)).toBe(before);
    expect(() => classifier.unlearn(correction)).toThrow(/Nothing was learned/);
    expect(() => classifier.unlearn({ text: 'a completely different text', label: 'Bus delay' })).toThrow(
      /never learned/,
    );
  });

  it('explains a prediction by the words that favour it over the runner-up', () => {
    const classifier = new TopicClassifier().train(CORPUS);
    const reasons = classifier.explain('my lunch account balance is negative', 3);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]!.weight).toBeGreaterThan(0);
    expect(reasons.map((r) => r.feature)).toEqual(expect.arrayContaining(['lunch']));
    expect(classifier.explain('nothing known here')).toEqual([]);
  });

  it('round-trips through JSON (as stored in jsonb) and predicts identically', () => {
    const classifier = new TopicClassifier({ weighting: 'log' }).train(CORPUS);
    classifier.learn({ text: 'Gracias a la maestra, es excelente', label: 'Compliment', weight: 1.5 });
    const stored = JSON.parse(JSON.stringify(classifier)) as unknown;
    const restored = TopicClassifier.fromJSON(stored);
    expect(restored.options).toEqual(classifier.options);
    expect(restored.labels).toEqual(classifier.labels);
    expect(restored.size).toBe(classifier.size);
    for (const text of ['bus late', 'lunch refund', 'gracias maestra', 'wonderful bus driver', 'nada']) {
      expect(restored.predict(text)).toEqual(classifier.predict(text));
    }
    // PostgreSQL's jsonb does not keep key order: a model read back with every object's keys reversed
    // still predicts exactly the same.
    const reordered = TopicClassifier.fromJSON(reverseKeys(stored));
    for (const text of ['bus late', 'lunch refund', 'gracias maestra', 'wonderful bus driver']) {
      expect(reordered.predict(text)).toEqual(classifier.predict(text));
    }
    // And it keeps learning where the original left off.
    restored.learn({ text: 'bus late', label: 'Bus delay' });
    classifier.learn({ text: 'bus late', label: 'Bus delay' });
    expect(restored.predict('late')).toEqual(classifier.predict('late'));
  });

  it('stores and restores a label learned only from texts without words', () => {
    const classifier = new TopicClassifier().train([...CORPUS, { text: '14 !!', label: 'Empty' }]);
    const restored = TopicClassifier.fromJSON(JSON.parse(JSON.stringify(classifier)));
    expect(restored.labels).toContain('Empty');
    expect(restored.predict('bus late')).toEqual(classifier.predict('bus late'));
  });

  it('stores a label named like an object property as data', () => {
    const classifier = new TopicClassifier().train([
      { text: 'bus late', label: '__proto__' },
      { text: 'lunch money', label: 'constructor' },
    ]);
    const restored = TopicClassifier.fromJSON(JSON.parse(JSON.stringify(classifier)));
    expect(restored.labels).toEqual(['__proto__', 'constructor']);
    expect(restored.predict('bus').label).toBe('__proto__');
  });

  it('rejects stored models it cannot trust', () => {
    const good = JSON.parse(JSON.stringify(new TopicClassifier().train(CORPUS))) as Record<string, unknown>;
    expect(() => TopicClassifier.fromJSON(null)).toThrow(/Not a stored topic classifier/);
    expect(() => TopicClassifier.fromJSON({ ...good, format: 'other' })).toThrow(/Not a stored/);
    expect(() => TopicClassifier.fromJSON({ ...good, version: 99 })).toThrow(/version 99/);
    expect(() =>
      TopicClassifier.fromJSON({ ...good, labels: { A: { documents: 1, total: 1, features: { bus: -1 } } } }),
    ).toThrow(/count of bus in A/);
    expect(() =>
      TopicClassifier.fromJSON({ ...good, labels: { A: { documents: 0, total: 1, features: { bus: 1 } } } }),
    ).toThrow(/label A is malformed/);
    expect(() =>
      TopicClassifier.fromJSON({ ...good, labels: { A: { documents: 1, total: 5, features: { bus: 1 } } } }),
    ).toThrow(/total of A/);
    expect(() => TopicClassifier.fromJSON({ ...good, options: { alpha: 0 } })).toThrow(/alpha/);
    expect(() => TopicClassifier.fromJSON({ ...good, documents: 3 })).toThrow(/document count/);
  });

  it('validates its options', () => {
    expect(() => new TopicClassifier({ alpha: 0 })).toThrow(/alpha/);
    expect(() => new TopicClassifier({ minConfidence: 2 })).toThrow(/minConfidence/);
    expect(() => new TopicClassifier({ weighting: 'tfidf' as never })).toThrow(/weighting/);
  });
});

/** What a jsonb round trip may do to key order, at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  );
}
