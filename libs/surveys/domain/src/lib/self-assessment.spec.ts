import { ppraWarnings } from './ppra';
import {
  assessmentStage,
  combineAssessments,
  isSelfAssessment,
  selfAssessmentSurvey,
} from './self-assessment';
import { csatSurvey } from './csat-survey';
import { localize } from './survey-definition';

const survey = selfAssessmentSurvey();
const ids = survey.questions.map((q) => q.id);
const all = (choice: string) => Object.fromEntries(ids.map((id) => [id, choice]));

describe('the self-assessment survey', () => {
  it('is a valid staff survey of 10–14 single-choice questions, four stages each', () => {
    expect(survey.audiences).toEqual(['STAFF']);
    expect(survey.questions.length).toBeGreaterThanOrEqual(10);
    expect(survey.questions.length).toBeLessThanOrEqual(14);
    for (const q of survey.questions) {
      expect(q).toMatchObject({ kind: 'SINGLE_CHOICE', required: true });
      if (q.kind === 'SINGLE_CHOICE')
        expect(q.choices.map((c) => c.id)).toEqual([
          'reactive',
          'responsive',
          'proactive',
          'customer-centric',
        ]);
    }
  });

  it('is complete in English and Spanish', () => {
    expect(survey.languages).toEqual(['en', 'es']);
    const es = localize(survey, 'es');
    const en = localize(survey, 'en');
    es.questions.forEach((q, i) => {
      expect(q.text).not.toBe(en.questions[i]!.text);
      if (q.kind === 'SINGLE_CHOICE' && en.questions[i]!.kind === 'SINGLE_CHOICE')
        q.choices.forEach((c, j) => expect(c.text).not.toBe((en.questions[i] as typeof q).choices[j]!.text));
    });
  });

  it('raises no PPRA warning (it is not for students)', () => {
    expect(ppraWarnings(survey)).toEqual([]);
  });
});

describe('assessmentStage', () => {
  it.each([
    ['reactive', 'REACTIVE', 1],
    ['responsive', 'RESPONSIVE', 2],
    ['proactive', 'PROACTIVE', 3],
    ['customer-centric', 'CUSTOMER_CENTRIC', 4],
  ])('places all-%s answers at %s', (choice, stage, score) => {
    const result = assessmentStage(all(choice));
    expect(result).toMatchObject({ stage, score });
    expect(result.areas.every((a) => a.stage === stage)).toBe(true);
    expect(result.weakestAreas).toHaveLength(6);
  });

  it('scores each area and finds the weakest; a stage is reached, not rounded up to', () => {
    const answers = {
      ...all('proactive'),
      'feedback-asking': 'reactive',
      'feedback-closing-loop': 'responsive',
      'culture-training': 'customer-centric',
    };
    const result = assessmentStage(answers);
    // 9 × 3 + 1 + 2 + 4 = 34 over 12 questions
    expect(result.score).toBe(2.83);
    expect(result.stage).toBe('RESPONSIVE');
    expect(result.areas).toContainEqual({ area: 'FEEDBACK', score: 1.5, stage: 'REACTIVE' });
    expect(result.areas).toContainEqual({ area: 'CULTURE', score: 3.5, stage: 'PROACTIVE' });
    expect(result.weakestAreas).toEqual(['FEEDBACK']);
  });

  it('refuses an incomplete assessment', () => {
    const { 'access-channels': _, ...rest } = all('proactive');
    expect(() => assessmentStage(rest)).toThrow(
      expect.objectContaining({ reason: 'REQUIRED_QUESTION_UNANSWERED' }),
    );
  });
});

describe('combineAssessments', () => {
  it('places the district by the mean of its staff, area by area', () => {
    const combined = combineAssessments([
      assessmentStage(all('reactive')),
      assessmentStage(all('proactive')),
      assessmentStage({
        ...all('customer-centric'),
        'feedback-asking': 'reactive',
        'feedback-closing-loop': 'reactive',
      }),
    ]);
    // (1 + 3 + (10 × 4 + 2) / 12) / 3 = (1 + 3 + 3.5) / 3
    expect(combined).toMatchObject({ score: 2.5, stage: 'RESPONSIVE', weakestAreas: ['FEEDBACK'] });
    expect(combined!.areas).toContainEqual({ area: 'FEEDBACK', score: 1.67, stage: 'REACTIVE' });
  });

  it('has nothing to say without respondents', () => {
    expect(combineAssessments([])).toBeNull();
  });

  it('recognizes the self-assessment by its questions', () => {
    expect(isSelfAssessment(selfAssessmentSurvey())).toBe(true);
    expect(isSelfAssessment(csatSurvey())).toBe(false);
  });
});
