import type { EntityManager } from 'typeorm';
import { batchEventHandler, eventHandler } from '@homeroom/platform/messaging';
import { PeopleMerged, PersonCreated, PersonDeactivated, PersonUpdated } from '@homeroom/directory/contracts';

interface PersonSnapshot {
  personId: string;
  kind: string;
  schoolIds: string[];
  active: boolean;
  contactKeys: string[];
}

/**
 * The cases service's copy of the directory's people: enough to recognise a requester by email or phone
 * (through keyed hashes) and to follow the directory's merges, without calling it. A roster import's people
 * arrive a batch at a time and are written in one statement; a person twice in a batch ends as their last
 * snapshot, as applying them one by one would leave them (one statement cannot upsert a row twice).
 */
async function upsertPeople(people: readonly PersonSnapshot[], manager: EntityManager): Promise<void> {
  const latest = [...new Map(people.map((person) => [person.personId, person])).values()];
  await manager.query(
    `INSERT INTO known_person (id, kind, school_ids, active, contact_keys)
     SELECT p.id, p.kind, ARRAY(SELECT jsonb_array_elements_text(p.school_ids))::uuid[], p.active,
            ARRAY(SELECT jsonb_array_elements_text(p.contact_keys))
       FROM jsonb_to_recordset($1::jsonb)
            AS p(id uuid, kind text, school_ids jsonb, active boolean, contact_keys jsonb)
     ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, school_ids = EXCLUDED.school_ids,
       active = EXCLUDED.active, contact_keys = EXCLUDED.contact_keys, updated_at = now()`,
    [
      JSON.stringify(
        latest.map((person) => ({
          id: person.personId,
          kind: person.kind,
          school_ids: person.schoolIds,
          active: person.active,
          contact_keys: person.contactKeys,
        })),
      ),
    ],
  );
}

/** The merged person's cases now belong to the survivor; each says so on its timeline. */
async function relinkMergedRequester(
  data: { survivorId: string; mergedId: string },
  manager: EntityManager,
): Promise<void> {
  // One statement: the relink and its timeline entries commit together, whatever else the inbox holds.
  await manager.query(
    `WITH moved AS (
       UPDATE support_case SET requester_id = $1, updated_at = now() WHERE requester_id = $2 RETURNING id
     )
     INSERT INTO case_timeline (case_id, kind, actor, details)
     SELECT id, 'REQUESTER_RELINKED', 'system',
            jsonb_build_object('from', $2::text, 'to', $1::text, 'reason', 'directory merge')
     FROM moved`,
    [data.survivorId, data.mergedId],
  );
  // A candidate not yet confirmed follows too: the survivor is who the confirmation will name.
  await manager.query(
    'UPDATE support_case SET requester_candidate_id = $1, updated_at = now() WHERE requester_candidate_id = $2',
    [data.survivorId, data.mergedId],
  );
  await manager.query(
    'UPDATE known_person SET active = false, contact_keys = $2, updated_at = now() WHERE id = $1',
    [data.mergedId, []],
  );
}

const upsertPeopleOf = (events: readonly { data: PersonSnapshot }[], manager: EntityManager) =>
  upsertPeople(
    events.map(({ data }) => data),
    manager,
  );

export const PERSON_READ_MODEL = [
  batchEventHandler(PersonCreated, upsertPeopleOf),
  batchEventHandler(PersonUpdated, upsertPeopleOf),
  eventHandler(PersonDeactivated, async ({ data }, manager) => {
    await manager.query('UPDATE known_person SET active = false, updated_at = now() WHERE id = $1', [
      data.personId,
    ]);
  }),
  eventHandler(PeopleMerged, ({ data }, manager) => relinkMergedRequester(data, manager)),
];
