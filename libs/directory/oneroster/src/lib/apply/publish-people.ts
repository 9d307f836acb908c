import type { EntityManager } from 'typeorm';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import { PersonCreated, PersonDeactivated, PersonUpdated } from '@homeroom/directory/contracts';
import { personSnapshot } from '@homeroom/directory/data-access';
import type { PeopleDiff } from '../plan/diff-people';
import type { ProgressListener } from '../plan/plan-roster';
import { batches } from './batches';

/**
 * The person events of an applied plan, in its transaction, each with the directory's own `personSnapshot`.
 * A new person is exactly what was just written; an updated one is read back after the write (memberships a
 * delta without roles kept, the language and channel staff or the family set), never the import's partial view.
 */
export async function publishPeople(
  manager: EntityManager,
  outbox: OutboxWriter,
  people: PeopleDiff,
  onProgress: ProgressListener,
): Promise<void> {
  const total = people.created.length + people.updated.length + people.deactivated.length;
  let done = 0;
  for (const batch of batches(people.created)) {
    await outbox.appendAll(
      manager,
      PersonCreated,
      batch.map((p) => ({
        aggregateId: p.id,
        data: personSnapshot(
          {
            id: p.id,
            kind: p.person.kind,
            preferredLanguage: p.person.preferredLanguage,
            preferredChannel: null,
            active: true,
            emails: p.person.emails ?? [],
            phones: p.person.phones ?? [],
          },
          p.memberships,
        ),
      })),
    );
    await onProgress({ phase: 'publishing', done: (done += batch.length), total });
  }
  for (const batch of batches(people.updated)) {
    await outbox.appendAll(
      manager,
      PersonUpdated,
      await snapshots(
        manager,
        batch.map((p) => p.id),
      ),
    );
    await onProgress({ phase: 'publishing', done: (done += batch.length), total });
  }
  for (const batch of batches(people.deactivated)) {
    await outbox.appendAll(
      manager,
      PersonDeactivated,
      batch.map(({ id }) => ({ aggregateId: id, data: { personId: id } })),
    );
    await onProgress({ phase: 'publishing', done: (done += batch.length), total });
  }
}

/** One query for a batch: the snapshot's fields as written, memberships' schools aggregated alongside. */
async function snapshots(manager: EntityManager, ids: string[]) {
  const people = (await manager.query(
    `SELECT p.id, p.kind, p.preferred_language AS "preferredLanguage", p.preferred_channel AS "preferredChannel",
            p.active, p.emails, p.phones,
            coalesce((SELECT array_agg(m.school_id) FROM school_membership m WHERE m.person_id = p.id), '{}') AS "schoolIds"
       FROM person p WHERE p.id = ANY($1::uuid[])`,
    [ids],
  )) as (Parameters<typeof personSnapshot>[0] & { schoolIds: string[] })[];
  return people.map((person) => ({
    aggregateId: person.id,
    data: personSnapshot(
      person,
      person.schoolIds.map((schoolId) => ({ schoolId })),
    ),
  }));
}
