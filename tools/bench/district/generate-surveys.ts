import type { Client } from 'pg';
import { caseFactsSql, idSql, type DistrictShape } from './district-shape';
import { CHUNK } from './generate-cases';

/**
 * The surveys service's half: a satisfaction invitation after three in five resolutions, answered two times
 * in three (about 1,000,000 responses at full size), with the decision the service records for each case.
 */
export async function generateSurveys(
  client: Client,
  shape: DistrictShape,
  topicIds: readonly string[],
  survey: { id: string; version: number },
): Promise<void> {
  for (let first = 1; first <= shape.cases; first += CHUNK) {
    const last = Math.min(shape.cases, first + CHUNK - 1);
    const invited = `
      SELECT f.*, ${idSql('invitation', 'n')} AS invitation_id, ($1::uuid[])[1 + (n * 13) % cardinality($1::uuid[])] AS topic_id,
             CASE WHEN n % 3 <> 0 THEN (ARRAY[10,10,9,9,9,8,8,7,10,6,5,9,3,10,1])[1 + (n / 5) % 15] END AS score
        FROM (${caseFactsSql(shape, first, last)}) f
       WHERE resolved_at IS NOT NULL AND n % 5 < 3`;
    await client.query(
      `INSERT INTO survey_invitation (id, survey_id, version, case_id, case_number, person_id, channel, language, school_id,
                                      topic_id, assignee_id, case_channel, imported, sent_at, expires_at, responded_at, score)
       SELECT invitation_id, $2, $3, case_id, number, requester_id, 'EMAIL', language, school_id, topic_id, assignee_id,
              channel, true, resolved_at, resolved_at + interval '14 days',
              CASE WHEN score IS NOT NULL THEN resolved_at + make_interval(mins => 30 + (n * 17) % 2000) END, score
         FROM (${invited}) i`,
      [topicIds, survey.id, survey.version],
    );
    await client.query(
      `INSERT INTO survey_response (id, survey_id, version, invitation_id, language, answers, score, case_id, school_id,
                                    topic_id, assignee_id, case_channel, low_satisfaction, submitted_at)
       SELECT gen_random_uuid(), $2, $3, invitation_id, language, jsonb_build_object('feeling', score), score, case_id,
              school_id, topic_id, assignee_id, channel, score <= 4, resolved_at + make_interval(mins => 30 + (n * 17) % 2000)
         FROM (${invited}) i WHERE score IS NOT NULL`,
      [topicIds, survey.id, survey.version],
    );
    await client.query(
      `INSERT INTO csat_case (case_id, decided_at, invitation_id)
       SELECT case_id, resolved_at, invitation_id FROM (${invited}) i`,
      [topicIds],
    );
  }
}
