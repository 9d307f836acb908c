import type { EntityManager } from 'typeorm';
import { copyRows } from '@homeroom/platform/database';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import { SchoolCreated, SchoolDeactivated, SchoolUpdated } from '@homeroom/directory/contracts';
import type { GuardianLink } from '../plan/guardian-links';
import type { SchoolWrite } from '../plan/plan-schools';
import type { PlannedPerson } from '../plan/resolve-people';
import type { ProgressListener, RosterPlan } from '../plan/plan-roster';
import { batches } from './batches';
import { publishPeople } from './publish-people';

/**
 * Writes a plan inside the caller's transaction: schools first (people's memberships name them), then
 * people in batches, their memberships, guardian links, and the events of everything changed, in the
 * same transaction through the outbox, so the other services hear exactly what was written.
 */
export async function applyRoster(
  manager: EntityManager,
  outbox: OutboxWriter,
  plan: RosterPlan,
  onProgress: ProgressListener = () => undefined,
): Promise<void> {
  await applySchools(manager, outbox, plan);
  const { created, updated, deactivated } = plan.people;
  const total = created.length + updated.length + deactivated.length + plan.links.length;
  let done = 0;
  for (const batch of batches(created)) {
    await insertPeople(manager, batch);
    await onProgress({ phase: 'writing', done: (done += batch.length), total });
  }
  for (const batch of batches(updated)) {
    await updatePeople(manager, batch);
    await onProgress({ phase: 'writing', done: (done += batch.length), total });
  }
  for (const batch of batches(deactivated)) {
    await manager.query(
      'UPDATE person SET active = false, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])',
      [batch.map((p) => p.id)],
    );
    await onProgress({ phase: 'writing', done: (done += batch.length), total });
  }
  // A link to someone created by this set cannot exist yet: COPY. Links between people the directory had
  // may (a re-import): INSERT, leaving those already there.
  const createdIds = new Set(created.map((p) => p.id));
  const isNew = (link: GuardianLink) => createdIds.has(link.guardianId) || createdIds.has(link.studentId);
  for (const batch of batches(plan.links.filter(isNew))) {
    await copyRows(
      manager,
      'relationship',
      ['guardian_id', 'student_id', 'type'],
      batch.map((l) => [l.guardianId, l.studentId, l.type]),
    );
    await onProgress({ phase: 'writing', done: (done += batch.length), total });
  }
  for (const batch of batches(plan.links.filter((link) => !isNew(link)))) {
    await manager.query(
      `INSERT INTO relationship (guardian_id, student_id, type)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) ON CONFLICT (guardian_id, student_id) DO NOTHING`,
      [batch.map((l) => l.guardianId), batch.map((l) => l.studentId), batch.map((l) => l.type)],
    );
    await onProgress({ phase: 'writing', done: (done += batch.length), total });
  }
  await publishPeople(manager, outbox, plan.people, onProgress);
}

async function applySchools(manager: EntityManager, outbox: OutboxWriter, plan: RosterPlan): Promise<void> {
  const { schools, timeZone } = plan;
  if (schools.districtName)
    await manager.query('UPDATE district SET name = $1 WHERE name IS DISTINCT FROM $1', [
      schools.districtName,
    ]);
  for (const school of schools.created) {
    await manager.query(
      `INSERT INTO school (id, name, code, nces_id, type, time_zone, sourced_id, active, version) VALUES ($1, $2, $3, $4, 'OTHER', $5, $6, $7, 1)`,
      [school.id, school.name, school.code, school.ncesId, timeZone, school.sourcedId, school.active],
    );
    await outbox.append(manager, SchoolCreated, schoolEvent(school, timeZone));
  }
  for (const school of schools.updated) {
    await manager.query(
      'UPDATE school SET name = $2, code = $3, nces_id = $4, active = $5, version = version + 1, updated_at = now() WHERE id = $1',
      [school.id, school.name, school.code, school.ncesId, school.active],
    );
    await outbox.append(manager, SchoolUpdated, schoolEvent(school, timeZone));
  }
  for (const school of schools.deactivated) {
    await manager.query(
      'UPDATE school SET active = false, version = version + 1, updated_at = now() WHERE id = $1',
      [school.id],
    );
    await outbox.append(manager, SchoolDeactivated, {
      aggregateId: school.id,
      data: { schoolId: school.id },
    });
  }
}

/** A school's snapshot, as SchoolCreated and SchoolUpdated carry it. */
function schoolEvent(school: SchoolWrite, timeZone: string) {
  const { id, name, code, active } = school;
  return { aggregateId: id, data: { schoolId: id, name, code, timeZone, active } };
}

type Written = PlannedPerson & { id: string };

/** New people and their memberships, with COPY: a first import brings hundreds of thousands. */
async function insertPeople(manager: EntityManager, people: Written[]): Promise<void> {
  await copyRows(
    manager,
    'person',
    [
      'id',
      'kind',
      'given_name',
      'middle_name',
      'family_name',
      'preferred_name',
      'emails',
      'phones',
      'preferred_language',
      'sourced_id',
      'search_text',
      'version',
    ],
    people.map((p) => [
      p.id,
      p.person.kind,
      p.person.givenName,
      p.person.middleName ?? null,
      p.person.familyName,
      p.person.preferredName ?? null,
      p.person.emails ?? [],
      p.person.phones ?? [],
      p.person.preferredLanguage,
      p.sourcedId,
      p.person.searchText,
      1,
    ]),
  );
  await copyRows(
    manager,
    'school_membership',
    ['person_id', 'school_id', 'role', 'grade'],
    people.flatMap((p) => p.memberships.map((m) => [p.id, m.schoolId, m.role, m.grade])),
  );
}

/** Fields the SIS owns; the language and channel staff or the family set are left as they are. */
async function updatePeople(manager: EntityManager, people: Written[]): Promise<void> {
  await manager.query(
    `UPDATE person SET kind = u.kind, given_name = u.given_name, middle_name = u.middle_name, family_name = u.family_name,
            preferred_name = u.preferred_name, emails = u.emails, phones = u.phones, search_text = u.search_text,
            active = true, version = person.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[])
            AS u(id, kind, given_name, middle_name, family_name, preferred_name, emails, phones, search_text)
      WHERE person.id = u.id`,
    columns(people, (p) => [
      p.id,
      p.person.kind,
      p.person.givenName,
      p.person.middleName ?? null,
      p.person.familyName,
      p.person.preferredName ?? null,
      JSON.stringify(p.person.emails),
      JSON.stringify(p.person.phones),
      p.person.searchText,
    ]),
  );
  await replaceMemberships(manager, people, true);
}

/** People whose row brought roles get exactly the memberships the set gives; the others keep theirs. */
async function replaceMemberships(
  manager: EntityManager,
  people: Written[],
  existed: boolean,
): Promise<void> {
  const rewritten = people.filter((p) => !p.keepMemberships);
  if (existed && rewritten.length)
    await manager.query('DELETE FROM school_membership WHERE person_id = ANY($1::uuid[])', [
      rewritten.map((p) => p.id),
    ]);
  const rows = rewritten.flatMap((p) => p.memberships.map((m) => ({ personId: p.id, ...m })));
  if (rows.length === 0) return;
  await manager.query(
    'INSERT INTO school_membership (person_id, school_id, role, grade) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])',
    columns(rows, (m) => [m.personId, m.schoolId, m.role, m.grade]),
  );
}

function columns<T>(rows: readonly T[], pick: (row: T) => readonly unknown[]): unknown[][] {
  const picked = rows.map(pick);
  return picked[0]!.map((_, index) => picked.map((row) => row[index]));
}
