import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { runMigrationCommand } from '@homeroom/platform/database';
import { SURVEYS_ENTITIES, SURVEYS_MIGRATIONS } from '@homeroom/surveys/data-access';

/** Creates the surveys database if needed and applies pending migrations (a Kubernetes Job runs this). */
const { DATABASE_URL } = loadConfig('surveys:migrate', z.object({ DATABASE_URL: postgresUrl }));
runMigrationCommand({
  app: 'surveys',
  url: DATABASE_URL,
  entities: SURVEYS_ENTITIES,
  migrations: SURVEYS_MIGRATIONS,
}).then(
  (applied) =>
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema up to date\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
