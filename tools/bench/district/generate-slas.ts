import type { Client } from 'pg';
import { caseFactsSql, type DistrictShape } from './district-shape';
import { CHUNK } from './generate-cases';

/**
 * The SLA service's half: each generated case as the SLA service tracks it, with its first-response and
 * resolution timers under the standard policy (met or breached by the case's own times, running while open).
 * Minutes are counted on the calendar here (the first responses' too): the business calendar's arithmetic
 * belongs to the service.
 */
export async function generateSlas(
  client: Client,
  shape: DistrictShape,
  topicIds: readonly string[],
  policy: { id: string; firstResponse: number; resolution: number; warnAtPercent: number },
): Promise<void> {
  const anchor = `'${shape.anchor.toISOString()}'::timestamptz`;
  for (let first = 1; first <= shape.cases; first += CHUNK) {
    const last = Math.min(shape.cases, first + CHUNK - 1);
    const facts = caseFactsSql(shape, first, last);
    await client.query(
      `INSERT INTO sla_case (case_id, priority, topic_id, school_id, channel, status, requester_id, policy_id, opened_at,
                             last_inbound_at, awaiting_reply, last_event_at, requester_kind)
       SELECT case_id, priority, ($1::uuid[])[1 + (n * 13) % cardinality($1::uuid[])], school_id, channel, status,
              requester_id, $2, created_at, created_at, responded_at IS NULL, coalesce(resolved_at, responded_at, created_at),
              'GUARDIAN'
         FROM (${facts}) f`,
      [topicIds, policy.id],
    );
    await client.query(
      `INSERT INTO sla_timer (case_id, kind, target_minutes, clock, warn_at_percent, status, started_at, consumed_minutes,
                              running_since, due_at, warn_at, met_at, breached_at, last_event_at, policy_id,
                              response_business_minutes, version)
       SELECT case_id, kind, target, 'BUSINESS', $2, state, created_at, consumed,
              CASE WHEN state = 'RUNNING' THEN created_at END, due, created_at + make_interval(mins => target * $2 / 100),
              CASE WHEN state = 'MET' THEN stopped_at END,
              CASE WHEN state = 'BREACHED' THEN due END, coalesce(stopped_at, created_at), $1,
              CASE WHEN kind = 'FIRST_RESPONSE' AND stopped_at IS NOT NULL THEN consumed END, 1
         FROM (${facts}) f,
              LATERAL (VALUES ('FIRST_RESPONSE', $3::int, responded_at), ('RESOLUTION', $4::int, resolved_at)) t(kind, target, stopped_at),
              LATERAL (SELECT created_at + make_interval(mins => target) AS due,
                              extract(epoch FROM coalesce(stopped_at, ${anchor}) - created_at) / 60 AS consumed) d,
              LATERAL (SELECT CASE WHEN consumed > target THEN 'BREACHED'
                                   WHEN stopped_at IS NOT NULL THEN 'MET' ELSE 'RUNNING' END AS state) s`,
      [policy.id, policy.warnAtPercent, policy.firstResponse, policy.resolution],
    );
  }
}
