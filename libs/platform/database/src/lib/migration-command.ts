import type { EntitySchema, MixedList } from 'typeorm';
import { createServiceDataSource } from './data-source';
import { ensureDatabase } from './database-admin';
import { migrate } from './migrations';

export interface MigrationCommandSettings {
  app: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * What every service's `migrate` target (and its Kubernetes Job) does: create its database if needed,
 * apply pending migrations under the advisory lock, say what it applied.
 */
export async function runMigrationCommand({
  app,
  url,
  entities,
  migrations,
}: MigrationCommandSettings): Promise<string[]> {
  await ensureDatabase(url);
  const dataSource = createServiceDataSource({
    url,
    applicationName: `${app}:migrate`,
    entities,
    migrations,
  });
  await dataSource.initialize();
  try {
    return (await migrate(dataSource)).applied;
  } finally {
    await dataSource.destroy();
  }
}
