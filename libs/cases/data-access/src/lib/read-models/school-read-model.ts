import type { EntityManager } from 'typeorm';
import { eventHandler } from '@homeroom/platform/messaging';
import { SchoolCreated, SchoolDeactivated, SchoolUpdated } from '@homeroom/directory/contracts';

/**
 * The cases service's copy of the directory's schools, kept from its events (idempotently, by the inbox),
 * so that intake validates a school without calling the directory.
 */
async function upsertSchool(
  data: { schoolId: string; name: string; timeZone: string; active: boolean },
  manager: EntityManager,
): Promise<void> {
  await manager.query(
    `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, active = EXCLUDED.active, updated_at = now()`,
    [data.schoolId, data.name, data.timeZone, data.active],
  );
}

export const SCHOOL_READ_MODEL = [
  // Created and updated carry the same snapshot; either may arrive first for a school we have not seen.
  eventHandler(SchoolCreated, ({ data }, manager) => upsertSchool(data, manager)),
  eventHandler(SchoolUpdated, ({ data }, manager) => upsertSchool(data, manager)),
  eventHandler(SchoolDeactivated, async ({ data }, manager) => {
    await manager.query('UPDATE known_school SET active = false, updated_at = now() WHERE id = $1', [
      data.schoolId,
    ]);
  }),
];
