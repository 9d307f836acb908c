import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import { CASES_ENTITIES, CASES_MIGRATIONS, TopicService } from '@homeroom/cases/data-access';

/** The starter topic taxonomy, once. (Schools arrive from the directory's events.) */
async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig('cases:seed', z.object({ DATABASE_URL: postgresUrl }));
  const dataSource = createServiceDataSource({
    url: DATABASE_URL,
    applicationName: 'cases:seed',
    entities: CASES_ENTITIES,
    migrations: CASES_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const created = await new TopicService(dataSource).seedStarterTaxonomy();
    process.stdout.write(created ? `seeded ${created} topics\n` : 'topics already seeded\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
