import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource, ensureDatabase, migrate } from '@homeroom/platform/database';
import { CASES_ENTITIES, CASES_MIGRATIONS } from '@homeroom/cases/data-access';

/** Creates the cases database if needed and applies pending migrations (a Kubernetes Job runs this). */
async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig('cases:migrate', z.object({ DATABASE_URL: postgresUrl }));
  await ensureDatabase(DATABASE_URL);
  const dataSource = createServiceDataSource({
    url: DATABASE_URL,
    applicationName: 'cases:migrate',
    entities: CASES_ENTITIES,
    migrations: CASES_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const { applied } = await migrate(dataSource);
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema up to date\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
