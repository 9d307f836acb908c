import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import { mulberry32, pick, type Random } from '@homeroom/shared/random';
import { validateAnswers, validateSurvey, type SurveyInput } from '@homeroom/surveys/domain';
import { SurveyEntity } from '../entities/survey.entities';
import type { SurveyService } from '../services/survey.service';

export const FAMILY_PULSE_NAME = 'Family pulse';

/** The demo district's running pulse survey for families, linked from its newsletter (an open link). */
const FAMILY_PULSE: SurveyInput = {
  defaultLanguage: 'en',
  audiences: ['FAMILIES'],
  title: { en: 'Family pulse', es: 'Pulso de las familias' },
  questions: [
    {
      id: 'recommend',
      kind: 'NPS',
      required: true,
      text: {
        en: 'How likely are you to recommend our schools to a friend or neighbor?',
        es: '¿Qué tan probable es que recomiende nuestras escuelas a un amigo o vecino?',
      },
    },
    {
      id: 'informed',
      kind: 'SCALE',
      required: false,
      max: 5,
      text: {
        en: "How well informed do you feel about what happens at your child's school?",
        es: '¿Qué tan informado se siente sobre lo que pasa en la escuela de su hijo?',
      },
      lowLabel: { en: 'Not at all', es: 'Nada' },
      highLabel: { en: 'Very well', es: 'Muy bien' },
    },
    {
      id: 'improve',
      kind: 'TEXT',
      required: false,
      maxLength: 2_000,
      text: {
        en: 'What is one thing we could do better?',
        es: '¿Qué es algo que podríamos hacer mejor?',
      },
    },
  ],
};

/** About 3 a day over the last 90 days. */
const RESPONSES = 300;
const DAYS = 90;
/**
 * Relative weight of each answer to the NPS question, 0 to 10: four in ten promoters, a quarter
 * detractors, a score near +15, like a district with work to do.
 */
const NPS_WEIGHTS = [2, 1, 2, 3, 3, 6, 8, 14, 20, 20, 21];
const IDEAS = {
  en: [
    'Send the newsletter in Spanish too.',
    'Answer the phone at the front office before 8.',
    'Tell us sooner when the bus is late.',
    'More notice before early-release days.',
    'Keep doing the coffee mornings.',
  ],
  es: [
    'Avísennos antes cuando el autobús llega tarde.',
    'Más aviso antes de los días de salida temprana.',
    'Que alguien conteste el teléfono temprano.',
  ],
};

function weighted(random: Random, weights: readonly number[]): number {
  let roll = random() * weights.reduce((a, b) => a + b, 0);
  for (let index = 0; index < weights.length; index += 1) {
    roll -= weights[index]!;
    if (roll < 0) return index;
  }
  return weights.length - 1;
}

/**
 * The demo district's "Family pulse": an open district survey for families with an NPS question and
 * 300 anonymous answers (through its open link, so no school) spread over the 90 days before `now`, so
 * the dashboard's NPS has figures. Once: nothing when a district survey of that name exists. The survey
 * and its answers are written in one transaction. Returns how many answers it added.
 */
export async function seedFamilyPulse(
  dataSource: DataSource,
  surveys: SurveyService,
  now: Date = new Date(),
  seed = 20_262_090,
): Promise<number> {
  return inTransaction(dataSource, async (manager) => {
    if (await manager.existsBy(SurveyEntity, { kind: 'DISTRICT', name: FAMILY_PULSE_NAME })) return 0;
    const definition = validateSurvey(FAMILY_PULSE);
    const survey = await surveys.create(
      { kind: 'DISTRICT', name: FAMILY_PULSE_NAME, status: 'OPEN', definition },
      manager,
    );
    // Running since before its first answer.
    await manager.query('UPDATE survey SET created_at = $2, updated_at = $2 WHERE id = $1', [
      survey.id,
      new Date(now.getTime() - (DAYS + 1) * 86_400_000),
    ]);
    const random = mulberry32(seed);
    const responses = Array.from({ length: RESPONSES }, () => {
      const language = random() < 0.25 ? 'es' : 'en';
      const recommend = weighted(random, NPS_WEIGHTS);
      const answers: Record<string, unknown> = { recommend };
      // Promoters feel better informed, on the whole.
      if (random() < 0.8)
        answers['informed'] = Math.min(5, Math.max(1, Math.round(recommend / 2.5 + random() * 2 - 0.5)));
      if (random() < 0.15) answers['improve'] = pick(random, IDEAS[language]);
      return {
        language,
        answers: validateAnswers(definition, answers),
        submittedAt: new Date(now.getTime() - random() * DAYS * 86_400_000),
      };
    });
    await manager.query(
      `INSERT INTO survey_response (id, survey_id, version, language, answers, submitted_at)
       SELECT id, $1, 1, language, answers, submitted_at
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[])
           AS r(id, language, answers, submitted_at)`,
      [
        survey.id,
        responses.map(() => randomUUID()),
        responses.map((r) => r.language),
        responses.map((r) => JSON.stringify(r.answers)),
        responses.map((r) => r.submittedAt),
      ],
    );
    return responses.length;
  });
}
