import { csatAnswers, csatSurvey } from './csat-survey';
import { localize } from './survey-definition';
import { validateAnswers } from './answers';

describe('the shipped satisfaction survey', () => {
  const survey = csatSurvey();

  it('asks how the requester was left feeling, 1–10, in English and Spanish, with an optional comment', () => {
    expect(survey.questions.map((q) => [q.id, q.kind, q.required])).toEqual([
      ['feeling', 'SCALE', true],
      ['comment', 'TEXT', false],
    ]);
    expect(localize(survey, 'es-MX').questions[0]).toMatchObject({
      text: '¿Cómo se sintió después de esta interacción con su distrito?',
      min: 1,
      max: 10,
      lowLabel: 'Muy mal',
    });
  });

  it('reads the score and comment from the first 10-point scale and the first text question', () => {
    const answers = validateAnswers(survey, { feeling: 3, comment: '  Nobody called back. ' });
    expect(csatAnswers(survey, answers)).toEqual({ score: 3, comment: 'Nobody called back.' });
    expect(csatAnswers(survey, validateAnswers(survey, { feeling: 9 }))).toEqual({ score: 9, comment: null });
  });

  it('refuses a score off the scale and a missing score', () => {
    expect(() => validateAnswers(survey, { feeling: 11 })).toThrow(/cannot be accepted/);
    expect(() => validateAnswers(survey, { comment: 'hi' })).toThrow(/cannot be accepted/);
  });
});
