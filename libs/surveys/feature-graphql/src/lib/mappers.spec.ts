import { DomainException } from '@homeroom/shared/errors';
import { toAnswers } from './mappers';

describe('toAnswers', () => {
  it('takes the one value each answer gives', () => {
    expect(
      toAnswers([
        { questionId: 'feeling', number: 0 },
        { questionId: 'comment', text: '' },
        { questionId: 'areas', choices: ['a', 'b'] },
        { questionId: 'stage', choice: 'reactive', number: null },
      ]),
    ).toEqual({ feeling: 0, comment: '', areas: ['a', 'b'], stage: 'reactive' });
  });

  it.each([
    ['no value', [{ questionId: 'feeling' }], 'answers.0'],
    ['two values', [{ questionId: 'feeling', number: 3, text: 'x' }], 'answers.0'],
    [
      'a question answered twice',
      [
        { questionId: 'q', number: 1 },
        { questionId: 'q', number: 2 },
      ],
      'answers.1.questionId',
    ],
  ])('refuses %s, saying where', (_, inputs, path) => {
    try {
      toAnswers(inputs);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect(error).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ANSWER_MALFORMED',
        details: [{ path }],
      });
    }
  });
});
