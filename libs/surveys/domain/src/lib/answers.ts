import { InvalidInputException, type FieldProblem } from '@homeroom/shared/errors';
import type { Question, SurveyDefinition } from './survey-definition';

export const ANSWER_REASONS = {
  doesNotFit: 'ANSWER_DOES_NOT_FIT',
  requiredUnanswered: 'REQUIRED_QUESTION_UNANSWERED',
  unknownQuestion: 'UNKNOWN_QUESTION',
} as const;
export type AnswerReason = (typeof ANSWER_REASONS)[keyof typeof ANSWER_REASONS];

/** A number for SCALE and NPS, a choice id for SINGLE_CHOICE, choice ids for MULTI_CHOICE, text for TEXT. */
export type AnswerValue = number | string | string[];

/** Answers keyed by question id; only the questions answered appear. */
export type Answers = Record<string, AnswerValue>;

export interface AnswerProblem extends FieldProblem {
  reason: AnswerReason;
}

/**
 * Checks a respondent's answers against the version of the survey they answered and returns them
 * normalized: text trimmed (an empty text, an empty selection, null or undefined count as unanswered),
 * choice ids as the survey spells them, selections in the survey's order. Throws one
 * `InvalidInputException` listing every problem, each at `answers.<questionId>`.
 */
export function validateAnswers(
  definition: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
): Answers {
  const { normalized, problems } = check(definition, answers);
  if (problems.length) {
    const first = problems[0]!;
    throw new InvalidInputException(
      `${problems.length} answer${problems.length === 1 ? '' : 's'} cannot be accepted: ${first.message}`,
      problems.map(({ path, message }) => ({ path, message })),
      first.reason,
    );
  }
  return normalized;
}

/** Every problem with a set of answers, each with its own reason; empty when they are acceptable. */
export function answerProblems(
  definition: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
): AnswerProblem[] {
  return check(definition, answers).problems;
}

function check(definition: SurveyDefinition, answers: Readonly<Record<string, unknown>>) {
  const problems: AnswerProblem[] = [];
  const normalized: Answers = {};
  const byId = new Map(definition.questions.map((q) => [q.id, q]));

  for (const questionId of Object.keys(answers))
    if (!byId.has(questionId))
      problems.push({
        path: `answers.${questionId}`,
        message: `the survey has no question "${questionId}"`,
        reason: ANSWER_REASONS.unknownQuestion,
      });

  for (const question of definition.questions) {
    const path = `answers.${question.id}`;
    const raw = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (isUnanswered(raw)) {
      if (question.required)
        problems.push({
          path,
          message: 'this question needs an answer',
          reason: ANSWER_REASONS.requiredUnanswered,
        });
      continue;
    }
    const result = answerFitting(question, raw);
    if (typeof result === 'string')
      problems.push({ path, message: result, reason: ANSWER_REASONS.doesNotFit });
    else normalized[question.id] = result.value;
  }
  return { normalized, problems };
}

function isUnanswered(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && !raw.trim()) ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

/** The normalized answer, or why it does not fit. */
function answerFitting(question: Question, raw: unknown): { value: AnswerValue } | string {
  switch (question.kind) {
    case 'SCALE':
    case 'NPS':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < question.min || raw > question.max)
        return `a whole number from ${question.min} to ${question.max}`;
      return { value: raw };
    case 'SINGLE_CHOICE': {
      if (typeof raw !== 'string') return 'one choice id';
      const choice = question.choices.find((c) => c.id.toLowerCase() === raw.trim().toLowerCase());
      return choice ? { value: choice.id } : `"${raw}" is not one of the choices`;
    }
    case 'MULTI_CHOICE': {
      if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'string')) return 'a list of choice ids';
      const wanted = (raw as string[]).map((id) => id.trim().toLowerCase());
      if (new Set(wanted).size !== wanted.length) return 'a choice is selected twice';
      const unknown = wanted.find((id) => !question.choices.some((c) => c.id.toLowerCase() === id));
      if (unknown !== undefined) return `"${unknown}" is not one of the choices`;
      if (wanted.length < question.minSelections || wanted.length > question.maxSelections)
        return question.minSelections === question.maxSelections
          ? `select exactly ${question.minSelections}`
          : `select between ${question.minSelections} and ${question.maxSelections}`;
      return { value: question.choices.filter((c) => wanted.includes(c.id.toLowerCase())).map((c) => c.id) };
    }
    case 'TEXT': {
      if (typeof raw !== 'string') return 'text';
      const text = raw.replace(/\r\n/g, '\n').trim();
      return text.length > question.maxLength ? `at most ${question.maxLength} characters` : { value: text };
    }
  }
}
