import type { Client } from 'pg';
import { caseFactsSql, idSql, type DistrictShape } from './district-shape';

/** Rows per statement: progress in the log, and no transaction holding millions of rows at once. */
export const CHUNK = 250_000;

const INQUIRIES = [
  'The bus did not come to our stop this morning.',
  'How do I add money to my child’s lunch account?',
  'My son was marked absent but he was in class all day.',
  'When is the next parent-teacher conference?',
  'El autobús no pasó esta mañana por nuestra parada.',
  'Can I get a copy of the immunization form?',
];
const REPLIES = [
  'Thank you for letting us know. I have shared this with the transportation office.',
  'You can add money online under Lunch accounts; it shows within a day.',
  'I checked with the attendance office and corrected the record.',
  'Gracias por comunicarse con nosotros. Ya revisamos su caso.',
];
const text = (items: readonly string[], n: string) =>
  `(ARRAY[${items.map((item) => `'${item.replace(/'/g, "''")}'`).join(',')}])[1 + ${n} % ${items.length}]`;

/**
 * The cases database's half: three years of cases with their conversation (about three messages a case)
 * and timeline, over the generated schools, requesters and agents. `was_resolved` is written here, as the
 * timeline's trigger would have (triggers are off while generating; the rollups are rebuilt afterwards).
 */
export async function generateCases(
  client: Client,
  shape: DistrictShape,
  topicIds: readonly string[],
  progress: (done: number) => void,
): Promise<void> {
  for (let first = 1; first <= shape.cases; first += CHUNK) {
    const last = Math.min(shape.cases, first + CHUNK - 1);
    const facts = caseFactsSql(shape, first, last);
    await client.query(
      `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, requester_id,
                                 contact, language, assignee_id, tracking_token_hash, created_at, updated_at,
                                 first_responded_at, resolved_at, version, was_resolved)
       SELECT case_id, number, ${text(INQUIRIES, 'n')}, channel, status, priority, ($1::uuid[])[1 + (n * 13) % cardinality($1::uuid[])],
              school_id, requester_id, '{"name": null, "email": null, "phone": null}', language, assignee_id,
              md5('district-track-' || n), created_at, coalesce(resolved_at, responded_at, created_at),
              responded_at, resolved_at, 1, resolved_at IS NOT NULL
         FROM (${facts}) f`,
      [topicIds],
    );
    await client.query(`
      INSERT INTO case_message (id, case_id, direction, author_kind, author_id, body, created_at)
      SELECT ${idSql('message', "n || '-1'")}, case_id, 'INBOUND', 'REQUESTER', requester_id::text, ${text(INQUIRIES, 'n')}, created_at
        FROM (${facts}) f
      UNION ALL
      SELECT ${idSql('message', "n || '-2'")}, case_id, 'OUTBOUND', 'STAFF', assignee_id::text, ${text(REPLIES, 'n')}, responded_at
        FROM (${facts}) f WHERE responded_at IS NOT NULL
      UNION ALL
      SELECT ${idSql('message', "n || '-3'")}, case_id, 'INBOUND', 'REQUESTER', requester_id::text, 'Thank you, that answers it.',
             responded_at + (resolved_at - responded_at) / 2
        FROM (${facts}) f WHERE resolved_at IS NOT NULL`);
    await client.query(`
      INSERT INTO case_timeline (case_id, kind, actor, details, at)
      SELECT case_id, 'OPENED', 'system', jsonb_build_object('channel', channel, 'source', 'district data set'), created_at
        FROM (${facts}) f
      UNION ALL
      SELECT case_id, 'STATUS_CHANGED', 'system', '{"from": "OPEN", "to": "RESOLVED"}', resolved_at
        FROM (${facts}) f WHERE resolved_at IS NOT NULL`);
    progress(last);
  }
}
