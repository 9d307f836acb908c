import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { runMigrationCommand } from '@homeroom/platform/database';
import { CASES_ENTITIES, CASES_MIGRATIONS } from '@homeroom/cases/data-access';

/** Creates the cases database if needed and applies pending migrations (a Kubernetes Job runs this). */
const { DATABASE_URL } = loadConfig('cases:migrate', z.object({ DATABASE_URL: postgresUrl }));
runMigrationCommand({
  app: 'cases',
  url: DATABASE_URL,
  entities: CASES_ENTITIES,
  migrations: CASES_MIGRATIONS,
}).then(
  (applied) =>
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema up to date\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
