import type { Answers } from './answers';
import { validateSurvey, type SurveyDefinition, type SurveyInput } from './survey-definition';

/**
 * The satisfaction survey sent after a resolved case, as shipped: how the requester was left feeling, on a
 * 10-point scale, and a comment. A district may reword or translate it (a new version once answered).
 */
export const CSAT_SURVEY_INPUT: SurveyInput = {
  defaultLanguage: 'en',
  audiences: ['FAMILIES', 'STUDENTS', 'COMMUNITY'],
  title: { en: 'How did we do?', es: '¿Cómo lo hicimos?' },
  questions: [
    {
      id: 'feeling',
      kind: 'SCALE',
      required: true,
      max: 10,
      text: {
        en: 'How were you left feeling after this interaction with your district?',
        es: '¿Cómo se sintió después de esta interacción con su distrito?',
      },
      lowLabel: { en: 'Very poorly', es: 'Muy mal' },
      highLabel: { en: 'Very well', es: 'Muy bien' },
    },
    {
      id: 'comment',
      kind: 'TEXT',
      required: false,
      maxLength: 2_000,
      text: {
        en: 'Is there anything you would like to tell us?',
        es: '¿Hay algo que quiera contarnos?',
      },
    },
  ],
};

export function csatSurvey(): SurveyDefinition {
  return validateSurvey(CSAT_SURVEY_INPUT);
}

/**
 * The score and comment of a satisfaction response: the answer to its first 1–10 scale question and to its
 * first text question, so a district's rewording (new ids, extra questions) still yields them.
 */
export function csatAnswers(
  definition: SurveyDefinition,
  answers: Answers,
): { score: number | null; comment: string | null } {
  const scale = definition.questions.find((q) => q.kind === 'SCALE' && q.max === 10);
  const text = definition.questions.find((q) => q.kind === 'TEXT');
  const score = scale ? answers[scale.id] : undefined;
  const comment = text ? answers[text.id] : undefined;
  return {
    score: typeof score === 'number' ? score : null,
    comment: typeof comment === 'string' ? comment : null,
  };
}
