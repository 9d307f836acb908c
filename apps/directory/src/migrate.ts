import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { runMigrationCommand } from '@homeroom/platform/database';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from '@homeroom/directory/data-access';

/** Creates the directory's database if needed and applies pending migrations (a Kubernetes Job runs this). */
const { DATABASE_URL } = loadConfig('directory:migrate', z.object({ DATABASE_URL: postgresUrl }));
runMigrationCommand({
  app: 'directory',
  url: DATABASE_URL,
  entities: DIRECTORY_ENTITIES,
  migrations: DIRECTORY_MIGRATIONS,
}).then(
  (applied) =>
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema up to date\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
