import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** `contactKey()` of @homeroom/directory/contracts, in SQL: base64url of SHA-256 over the versioned address. */
const CONTACT_KEY = (address: string) =>
  `rtrim(translate(encode(sha256(convert_to('homeroom-contact:v1:' || (${address}), 'UTF8')), 'base64'), '+/', '-_'), '=')`;

const GENERATED_PEOPLE = `
  SELECT p.id, p.kind, p.preferred_language, p.preferred_channel, p.emails, p.phones,
         coalesce(array_agg(DISTINCT m.school_id) FILTER (WHERE m.school_id IS NOT NULL), '{}') AS school_ids
    FROM person p LEFT JOIN school_membership m ON m.person_id = p.id
   WHERE p.sourced_id LIKE 'district-person-%'
   GROUP BY p.id`;

/**
 * The other services' copies of the directory (their read models, which the directory's events keep in a
 * running district), streamed from the directory's own rows: what those events would have written, without
 * a million events through Kafka before the benchmark can start.
 */
export async function copyReadModels(directory: Client, cases: Client, surveys: Client): Promise<void> {
  await stream(
    directory,
    `SELECT id, name, time_zone, active FROM school WHERE sourced_id LIKE 'district-school-%'`,
    cases,
    'known_school (id, name, time_zone, active)',
  );
  await stream(
    directory,
    `SELECT id, kind, school_ids, true,
            ARRAY(SELECT ${CONTACT_KEY("e->>'address'")} FROM jsonb_array_elements(emails) e
                  UNION ALL SELECT ${CONTACT_KEY("t->>'number'")} FROM jsonb_array_elements(phones) t)
       FROM (${GENERATED_PEOPLE}) people`,
    cases,
    'known_person (id, kind, school_ids, active, contact_keys)',
  );
  await stream(
    directory,
    `SELECT id, kind, school_ids, preferred_language, preferred_channel, true FROM (${GENERATED_PEOPLE}) people`,
    surveys,
    'survey_person (id, kind, school_ids, language, preferred_channel, active)',
  );
}

async function stream(source: Client, select: string, target: Client, into: string): Promise<void> {
  await pipeline(
    source.query(copyTo(`COPY (${select}) TO STDOUT`)),
    target.query(copyFrom(`COPY ${into} FROM STDIN`)),
  );
}
