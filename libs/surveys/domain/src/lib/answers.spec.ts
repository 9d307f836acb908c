import { answerProblems, validateAnswers } from './answers';
import { validateSurvey } from './survey-definition';

const definition = validateSurvey({
  defaultLanguage: 'en',
  audiences: ['FAMILIES'],
  title: { en: 'How did we do?' },
  questions: [
    { id: 'csat', kind: 'SCALE', required: true, text: { en: 'How satisfied are you?' }, max: 5 },
    { id: 'nps', kind: 'NPS', text: { en: 'Would you recommend us?' } },
    {
      id: 'school',
      kind: 'SINGLE_CHOICE',
      text: { en: 'Which school?' },
      choices: [
        { id: 'Lincoln', text: { en: 'Lincoln' } },
        { id: 'Roosevelt', text: { en: 'Roosevelt' } },
      ],
    },
    {
      id: 'topics',
      kind: 'MULTI_CHOICE',
      text: { en: 'What was it about?' },
      choices: [
        { id: 'bus', text: { en: 'Buses' } },
        { id: 'lunch', text: { en: 'Lunch' } },
        { id: 'grades', text: { en: 'Grades' } },
      ],
      minSelections: 1,
      maxSelections: 2,
    },
    { id: 'comment', kind: 'TEXT', text: { en: 'Anything else?' }, maxLength: 20 },
  ],
});

describe('validateAnswers', () => {
  it('normalizes answers that fit', () => {
    expect(
      validateAnswers(definition, {
        csat: 5,
        nps: 0,
        school: 'lincoln',
        topics: ['LUNCH', 'bus'],
        comment: '  Thanks!  ',
      }),
    ).toEqual({ csat: 5, nps: 0, school: 'Lincoln', topics: ['bus', 'lunch'], comment: 'Thanks!' });
  });

  it('leaves out what was not answered (null, blank text, empty selection)', () => {
    expect(validateAnswers(definition, { csat: 1, nps: null, comment: '   ', topics: [] })).toEqual({
      csat: 1,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a scale answer above the top', { csat: 6 }, 'answers.csat', 'ANSWER_DOES_NOT_FIT'],
    ['a scale answer below 1', { csat: 0 }, 'answers.csat', 'ANSWER_DOES_NOT_FIT'],
    ['a fractional score', { csat: 3.5 }, 'answers.csat', 'ANSWER_DOES_NOT_FIT'],
    ['a score as text', { csat: '4' }, 'answers.csat', 'ANSWER_DOES_NOT_FIT'],
    ['an NPS of 11', { csat: 3, nps: 11 }, 'answers.nps', 'ANSWER_DOES_NOT_FIT'],
    ['an unknown choice', { csat: 3, school: 'Jefferson' }, 'answers.school', 'ANSWER_DOES_NOT_FIT'],
    ['a list for a single choice', { csat: 3, school: ['Lincoln'] }, 'answers.school', 'ANSWER_DOES_NOT_FIT'],
    [
      'too many selections',
      { csat: 3, topics: ['bus', 'lunch', 'grades'] },
      'answers.topics',
      'ANSWER_DOES_NOT_FIT',
    ],
    ['a selection made twice', { csat: 3, topics: ['bus', 'BUS'] }, 'answers.topics', 'ANSWER_DOES_NOT_FIT'],
    ['an unknown selection', { csat: 3, topics: ['recess'] }, 'answers.topics', 'ANSWER_DOES_NOT_FIT'],
    ['a comment too long', { csat: 3, comment: 'x'.repeat(21) }, 'answers.comment', 'ANSWER_DOES_NOT_FIT'],
    ['a required question unanswered', { nps: 9 }, 'answers.csat', 'REQUIRED_QUESTION_UNANSWERED'],
    [
      'an answer to a question the survey lacks',
      { csat: 3, mood: 'happy' },
      'answers.mood',
      'UNKNOWN_QUESTION',
    ],
  ])('refuses %s', (_, answers, path, reason) => {
    expect(answerProblems(definition, answers)).toEqual([expect.objectContaining({ path, reason })]);
    expect(() => validateAnswers(definition, answers)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        reason,
        details: [expect.objectContaining({ path })],
      }),
    );
  });

  it('does not take an inherited property for an answer', () => {
    expect(answerProblems(definition, Object.create({ csat: 3 }) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ reason: 'REQUIRED_QUESTION_UNANSWERED' }),
    ]);
  });
});
