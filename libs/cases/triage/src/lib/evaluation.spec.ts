import { classificationReport, evaluateClassifier, evaluateSentiment } from './evaluation';

describe('classificationReport', () => {
  it('computes per-label and macro figures by hand', () => {
    // A: 3 examples, 2 right, 1 abstained. B: 2 examples, 1 right, 1 called A. C: never expected, predicted once.
    const report = classificationReport([
      { expected: 'A', predicted: 'A' },
      { expected: 'A', predicted: 'A' },
      { expected: 'A', predicted: null },
      { expected: 'B', predicted: 'B' },
      { expected: 'B', predicted: 'A' },
      { expected: 'B', predicted: 'C' },
    ]);
    const [a, b, c] = report.labels;
    expect(a).toEqual({ label: 'A', precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3, predicted: 3 });
    expect(b).toEqual({ label: 'B', precision: 1, recall: 1 / 3, f1: 0.5, support: 3, predicted: 1 });
    expect(c).toEqual({ label: 'C', precision: 0, recall: 0, f1: 0, support: 0, predicted: 1 });
    expect(report.macro.precision).toBeCloseTo((2 / 3 + 1 + 0) / 3, 12);
    expect(report.macro.recall).toBeCloseTo((2 / 3 + 1 / 3 + 0) / 3, 12);
    expect(report.macro.f1).toBeCloseTo((2 / 3 + 0.5 + 0) / 3, 12);
    expect(report.accuracy).toBe(3 / 6);
    expect(report.examples).toBe(6);
    expect(report.abstained).toBe(1);
    expect(report.confusion['A']).toEqual({ A: 2, '(none)': 1 });
    expect(report.confusion['B']).toEqual({ B: 1, A: 1, C: 1 });
  });

  it('orders labels as asked, then as met, and survives an empty list', () => {
    const report = classificationReport(
      [
        { expected: 'X', predicted: 'Y' },
        { expected: 'Z', predicted: 'Z' },
      ],
      ['Z', 'Q'],
    );
    expect(report.labels.map((m) => m.label)).toEqual(['Z', 'X', 'Y']);
    expect(classificationReport([])).toMatchObject({ labels: [], accuracy: 0, macro: { precision: 0 } });
  });
});

describe('evaluateClassifier and evaluateSentiment', () => {
  it('scores any predictor against labelled texts', () => {
    const predictor = { predict: (text: string) => ({ label: text.includes('bus') ? 'Bus delay' : null }) };
    const report = evaluateClassifier(predictor, [
      { text: 'bus late', label: 'Bus delay' },
      { text: 'the bus again', label: 'Bus delay' },
      { text: 'lunch money', label: 'Meal account' },
    ]);
    expect(report.accuracy).toBeCloseTo(2 / 3, 12);
    expect(report.abstained).toBe(1);
    expect(report.labels.find((m) => m.label === 'Meal account')).toMatchObject({ recall: 0, support: 1 });
  });

  it('reports sentiment labels in their natural order', () => {
    const report = evaluateSentiment(
      () => ({ label: 'NEUTRAL' }),
      [
        { text: 'great', label: 'POSITIVE' },
        { text: 'awful', label: 'NEGATIVE' },
        { text: 'when?', label: 'NEUTRAL' },
      ],
    );
    expect(report.labels.map((m) => m.label)).toEqual(['NEGATIVE', 'NEUTRAL', 'POSITIVE']);
    expect(report.accuracy).toBeCloseTo(1 / 3, 12);
    expect(report.labels[1]).toMatchObject({ precision: 1 / 3, recall: 1 });
  });
});
