import type { LocalizedQuestion } from '@homeroom/surveys/domain';
import { InvalidInputException } from '@homeroom/shared/errors';
import type { SurveyAnswerInput } from './types/invitation.type';
import type { SurveyQuestion } from './types/survey.type';

export function toQuestion(question: LocalizedQuestion): SurveyQuestion {
  switch (question.kind) {
    case 'SCALE':
    case 'NPS':
      return { ...question };
    case 'SINGLE_CHOICE':
      return { ...question, choices: question.choices.map((choice) => ({ ...choice })) };
    case 'MULTI_CHOICE':
      return { ...question, choices: question.choices.map((choice) => ({ ...choice })) };
    case 'TEXT':
      return { ...question };
  }
}

/**
 * The API's answers (one value field set per answer) as the domain's record by question id. A question
 * answered twice, or an answer with no value or several, is refused here; whether the value fits its
 * question is the domain's `validateAnswers`.
 */
export function toAnswers(inputs: readonly SurveyAnswerInput[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const problems: { path: string; message: string }[] = [];
  inputs.forEach((input, index) => {
    const values = [input.number, input.choice, input.choices, input.text].filter(
      (value) => value !== null && value !== undefined,
    );
    if (input.questionId in answers)
      problems.push({
        path: `answers.${index}.questionId`,
        message: `"${input.questionId}" is answered twice`,
      });
    else if (values.length !== 1)
      problems.push({
        path: `answers.${index}`,
        message: 'give exactly one of number, choice, choices and text',
      });
    else answers[input.questionId] = values[0];
  });
  if (problems.length)
    throw new InvalidInputException(
      `${problems.length} answer(s) are malformed`,
      problems,
      'ANSWER_MALFORMED',
    );
  return answers;
}
