import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { runMigrationCommand } from '@homeroom/platform/database';
import { SLAS_ENTITIES, SLAS_MIGRATIONS } from '@homeroom/slas/data-access';

/** Creates the slas database if needed and applies pending migrations (a Kubernetes Job runs this). */
const { DATABASE_URL } = loadConfig('slas:migrate', z.object({ DATABASE_URL: postgresUrl }));
runMigrationCommand({
  app: 'slas',
  url: DATABASE_URL,
  entities: SLAS_ENTITIES,
  migrations: SLAS_MIGRATIONS,
}).then(
  (applied) =>
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema up to date\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
