import { refusal } from './testing/refusal';
import { checkRubric, checkScores, reviewAverage, STARTER_RUBRIC } from './coaching';

describe('coaching', () => {
  it('keeps a rubric the district wrote, and refuses keys given twice or badly formed', () => {
    expect(checkRubric([{ id: 'empathy', name: ' Empathy ', description: ' Names the worry. ' }])).toEqual([
      { id: 'empathy', name: 'Empathy', description: 'Names the worry.' },
    ]);
    expect(
      refusal(() =>
        checkRubric([
          { id: 'tone', name: 'Tone', description: '' },
          { id: 'tone', name: 'Tone again', description: '' },
          { id: 'Bad Key', name: '', description: '' },
        ]),
      ).details,
    ).toEqual([
      { path: 'criteria.1.id', message: 'given twice' },
      { path: 'criteria.2.id', message: 'lowercase letters, digits and dashes' },
      { path: 'criteria.2.name', message: '1 to 80 characters' },
    ]);
    expect(refusal(() => checkRubric([])).details).toEqual([
      { path: 'criteria', message: '1 to 10 criteria' },
    ]);
  });

  it("checks a review's scores against the rubric and averages them", () => {
    const scores = checkScores(STARTER_RUBRIC, [
      { criterionId: 'tone', score: 4 },
      { criterionId: 'greeting', score: 3 },
      { criterionId: 'answered', score: 2 },
      { criterionId: 'timeliness', score: 4 },
    ]);
    expect(scores.map((s) => s.criterionId)).toEqual(['greeting', 'answered', 'tone', 'timeliness']);
    expect(reviewAverage(scores)).toBe(3.25);
    expect(
      refusal(() => checkScores(STARTER_RUBRIC, [{ criterionId: 'tone', score: 5 }])).details![0],
    ).toEqual({
      path: 'scores.0.score',
      message: 'a whole number from 1 to 4',
    });
    const incomplete = refusal(() => checkScores(STARTER_RUBRIC, [{ criterionId: 'tone', score: 3 }]));
    expect(incomplete.reason).toBe('INCOMPLETE_REVIEW');
    expect(incomplete.message).toBe('Score every standard: Greeting, Answered the question, Timeliness');
    expect(
      refusal(() => checkScores(STARTER_RUBRIC, [{ criterionId: 'speed', score: 3 }])).details![0]!.message,
    ).toBe('not in the rubric');
  });
});
