import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { mulberry32, pick, type Random } from '@homeroom/shared/random';
import { inTransaction } from '@homeroom/platform/database';
import { scoreSentiment } from '@homeroom/shared/sentiment';

/** How a year of families answered: about a third respond, most of them pleased, a tail of unhappy ones. */
const RESPONSE_RATE = 0.32;
/** Relative weight of each score, 1 to 10 (a mean near 7.8, like a district doing reasonably well). */
const SCORE_WEIGHTS = [3, 2, 3, 3, 5, 6, 11, 19, 21, 27];
const COMMENTS = {
  low: {
    en: [
      'Nobody called me back.',
      'I had to ask three times before anyone answered.',
      'The answer did not help.',
    ],
    es: ['Nadie me devolvió la llamada.', 'Tuve que preguntar tres veces.', 'La respuesta no me ayudó.'],
  },
  high: {
    en: ['Quick and kind, thank you.', 'The office staff were very helpful.', 'Problem solved the same day.'],
    es: ['Rápido y amable, gracias.', 'El personal fue muy servicial.', 'Se resolvió el mismo día.'],
  },
};

function score(random: Random): number {
  const total = SCORE_WEIGHTS.reduce((a, b) => a + b, 0);
  let roll = random() * total;
  for (let index = 0; index < SCORE_WEIGHTS.length; index += 1) {
    roll -= SCORE_WEIGHTS[index]!;
    if (roll < 0) return index + 1;
  }
  return 10;
}

/**
 * The demo district's answers to the satisfaction invitations its imported history recorded: the same
 * answers every time (seeded by the invitation), given a few hours to days after the invitation. History,
 * so no follow-up cases are opened. Answers only invitations still unanswered; returns how many it added.
 */
export async function answerDemoInvitations(dataSource: DataSource, seed = 20_262_027): Promise<number> {
  const invitations = (await dataSource.query(
    `SELECT i.id, i.survey_id, i.version, i.language, i.sent_at, i.expires_at, i.case_id, i.school_id,
            i.topic_id, i.assignee_id, i.case_channel
       FROM survey_invitation i
      WHERE i.imported AND i.responded_at IS NULL AND i.case_id IS NOT NULL
      ORDER BY i.sent_at, i.id`,
  )) as {
    id: string;
    survey_id: string;
    version: number;
    language: string;
    sent_at: Date;
    expires_at: Date;
    case_id: string;
    school_id: string | null;
    topic_id: string | null;
    assignee_id: string | null;
    case_channel: string | null;
  }[];
  const responses = invitations.flatMap((invitation) => {
    const random = mulberry32(seed ^ hash(invitation.id));
    if (random() >= RESPONSE_RATE) return [];
    const given = score(random);
    const language = invitation.language.startsWith('es') ? 'es' : 'en';
    const comment = random() < 0.35 ? pick(random, COMMENTS[given <= 5 ? 'low' : 'high'][language]) : null;
    const delayMs = (1 + random() * 71) * 3_600_000;
    const submittedAt = new Date(
      Math.min(invitation.sent_at.getTime() + delayMs, invitation.expires_at.getTime() - 60_000),
    );
    return [{ invitation, score: given, comment, submittedAt }];
  });
  await inTransaction(dataSource, async (manager) => {
    for (let start = 0; start < responses.length; start += 1_000) {
      const chunk = responses.slice(start, start + 1_000);
      await manager.query(
        `INSERT INTO survey_response (id, survey_id, version, invitation_id, language, answers, score, comment,
           case_id, school_id, topic_id, assignee_id, case_channel, low_satisfaction, submitted_at,
           comment_sentiment, comment_sentiment_score)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::int[],
           $8::text[], $9::uuid[], $10::uuid[], $11::uuid[], $12::uuid[], $13::text[], $14::boolean[], $15::timestamptz[],
           $16::text[], $17::real[])
         ON CONFLICT DO NOTHING`,
        [
          chunk.map(() => randomUUID()),
          chunk.map((r) => r.invitation.survey_id),
          chunk.map((r) => r.invitation.version),
          chunk.map((r) => r.invitation.id),
          chunk.map((r) => r.invitation.language),
          chunk.map((r) =>
            JSON.stringify(r.comment ? { feeling: r.score, comment: r.comment } : { feeling: r.score }),
          ),
          chunk.map((r) => r.score),
          chunk.map((r) => r.comment),
          chunk.map((r) => r.invitation.case_id),
          chunk.map((r) => r.invitation.school_id),
          chunk.map((r) => r.invitation.topic_id),
          chunk.map((r) => r.invitation.assignee_id),
          chunk.map((r) => r.invitation.case_channel),
          chunk.map((r) => r.score <= 4),
          chunk.map((r) => r.submittedAt),
          chunk.map((r) => (r.comment ? scoreSentiment(r.comment).label : null)),
          chunk.map((r) => (r.comment ? scoreSentiment(r.comment).score : null)),
        ],
      );
      await manager.query(
        `UPDATE survey_invitation i SET responded_at = r.submitted_at, score = r.score
           FROM survey_response r WHERE r.invitation_id = i.id AND i.id = ANY($1::uuid[])`,
        [chunk.map((r) => r.invitation.id)],
      );
    }
  });
  return responses.length;
}

/** A 32-bit number from a uuid, so each invitation draws its own answers. */
function hash(text: string): number {
  let h = 2_166_136_261;
  for (let index = 0; index < text.length; index += 1) h = Math.imul(h ^ text.charCodeAt(index), 16_777_619);
  return h >>> 0;
}
