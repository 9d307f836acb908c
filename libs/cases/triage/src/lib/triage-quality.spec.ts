/**
 * The figures the README promises, measured on the held-out sets: a classifier trained on the starter set
 * alone must reach macro precision and recall of 0.80 on messages composed from templates it never saw,
 * and the sentiment lexicon 0.75 accuracy on hand-written messages it was not fitted to.
 */
import { evaluateClassifier, evaluateSentiment } from './evaluation';
import { scoreSentiment } from '@homeroom/shared/sentiment';
import { heldOutEvaluationSet, sentimentEvaluationSet, starterTrainingSet } from './starter-training-set';
import { TopicClassifier } from './topic-classifier';

describe('triage quality on the held-out sets', () => {
  it('classifies held-out inquiries with macro precision and recall of at least 0.80', () => {
    const classifier = new TopicClassifier().train(starterTrainingSet());
    const report = evaluateClassifier(classifier, heldOutEvaluationSet());
    expect(report.examples).toBe(690);
    expect(report.macro.precision).toBeGreaterThanOrEqual(0.8);
    expect(report.macro.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('labels held-out sentiment with at least 0.75 accuracy', () => {
    const report = evaluateSentiment(scoreSentiment, sentimentEvaluationSet());
    expect(report.accuracy).toBeGreaterThanOrEqual(0.75);
    for (const metrics of report.labels) expect(metrics.recall).toBeGreaterThan(0.6);
  });
});
