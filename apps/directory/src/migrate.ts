import 'reflect-metadata';
import { createServiceDataSource, ensureDatabase, migrate } from '@homeroom/platform/database';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from '@homeroom/directory/data-access';
import { loadDirectoryConfig } from './config';

/** Creates the directory's database if needed and applies pending migrations (a Kubernetes Job runs this). */
async function main(): Promise<void> {
  const config = loadDirectoryConfig();
  await ensureDatabase(config.DATABASE_URL);
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'directory:migrate',
    entities: DIRECTORY_ENTITIES,
    migrations: DIRECTORY_MIGRATIONS,
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
