import type { EntityManager } from 'typeorm';
import type { PersonKind } from '@homeroom/directory/domain';
import type { Deactivation, ExistingPerson, Outcome } from './diff-people';
import type { ExistingSchool } from './plan-schools';

/**
 * The reads a plan needs from the directory, each one query over many rows: the plan itself never touches
 * the database, so a dry run and an import compute the same changes.
 */
export async function districtDefaults(
  manager: EntityManager,
): Promise<{ timeZone: string; language: string }> {
  const [district] = (await manager.query('SELECT time_zone, languages FROM district LIMIT 1')) as {
    time_zone: string;
    languages: string[];
  }[];
  return { timeZone: district?.time_zone ?? 'America/Chicago', language: district?.languages[0] ?? 'en' };
}

export async function existingSchools(manager: EntityManager): Promise<ExistingSchool[]> {
  return (await manager.query(
    'SELECT id, sourced_id AS "sourcedId", name, code, nces_id AS "ncesId", active FROM school',
  )) as ExistingSchool[];
}

export async function knownKinds(
  manager: EntityManager,
  sourcedIds: string[],
): Promise<Map<string, PersonKind>> {
  if (sourcedIds.length === 0) return new Map();
  const rows = (await manager.query('SELECT sourced_id, kind FROM person WHERE sourced_id = ANY($1)', [
    sourcedIds,
  ])) as { sourced_id: string; kind: PersonKind }[];
  return new Map(rows.map((row) => [row.sourced_id, row.kind]));
}

/** The people of one batch the directory already has, with their memberships in the plan's order. */
export async function existingPeople(
  manager: EntityManager,
  sourcedIds: string[],
): Promise<Map<string, ExistingPerson>> {
  const rows = (await manager.query(
    `SELECT p.id, p.sourced_id AS "sourcedId", p.kind, p.given_name AS "givenName", p.middle_name AS "middleName",
            p.family_name AS "familyName", p.preferred_name AS "preferredName", p.emails, p.phones, p.active,
            coalesce(m.key, '') AS "membershipKey", coalesce(m.school_ids, '{}') AS "schoolIds"
       FROM person p
       LEFT JOIN LATERAL (
         SELECT string_agg(sm.school_id || sm.role || coalesce(sm.grade, ''), ',' ORDER BY sm.school_id || sm.role COLLATE "C") AS key,
                array_agg(DISTINCT sm.school_id) AS school_ids
           FROM school_membership sm WHERE sm.person_id = p.id) m ON true
      WHERE p.sourced_id = ANY($1)`,
    [sourcedIds],
  )) as ExistingPerson[];
  return new Map(rows.map((row) => [row.sourcedId, row]));
}

/** Bulk mode: active SIS people the set no longer lists; the file is the whole roster, so they are gone. */
export async function activeSisPeopleNotIn(
  manager: EntityManager,
  listed: ReadonlySet<string>,
): Promise<Deactivation[]> {
  const rows = (await manager.query(
    `SELECT p.id, p.sourced_id, p.kind, coalesce(array_agg(DISTINCT m.school_id) FILTER (WHERE m.school_id IS NOT NULL), '{}') AS "schoolIds"
       FROM person p LEFT JOIN school_membership m ON m.person_id = p.id
      WHERE p.sourced_id IS NOT NULL AND p.active
      GROUP BY p.id`,
  )) as (Deactivation & { sourced_id: string })[];
  return rows
    .filter((row) => !listed.has(row.sourced_id))
    .map(({ id, kind, schoolIds }) => ({ id, kind, schoolIds }));
}

/** People named as agents who are not in the set: links to them are made if they are active. */
export async function agentOutcomes(
  manager: EntityManager,
  sourcedIds: string[],
): Promise<Map<string, Outcome>> {
  if (sourcedIds.length === 0) return new Map();
  const rows = (await manager.query(
    'SELECT id, sourced_id, kind, active FROM person WHERE sourced_id = ANY($1)',
    [sourcedIds],
  )) as (Outcome & { sourced_id: string })[];
  return new Map(rows.map(({ sourced_id, id, kind, active }) => [sourced_id, { id, kind, active }]));
}

export async function activeSisRecords(manager: EntityManager): Promise<{ people: number; schools: number }> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*)::int FROM person WHERE sourced_id IS NOT NULL AND active) AS people,
            (SELECT count(*)::int FROM school WHERE sourced_id IS NOT NULL AND active) AS schools`,
  )) as { people: number; schools: number }[];
  return row!;
}
