import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from '@homeroom/directory/data-access';

/** A fresh directory database with its district (the time zone and languages an import reads). */
export async function rosterTestDatabase(
  name: string,
  { languages = ['en'], poolSize }: { languages?: string[]; poolSize?: number } = {},
): Promise<TestDatabase> {
  const database = await createTestDatabase(name, {
    migrations: DIRECTORY_MIGRATIONS,
    entities: DIRECTORY_ENTITIES,
    ...(poolSize ? { poolSize } : {}),
  });
  await database.dataSource.query(
    `INSERT INTO district (name, time_zone, languages) VALUES ('Riverside Unified', 'America/Chicago', $1)`,
    [languages],
  );
  return database;
}
