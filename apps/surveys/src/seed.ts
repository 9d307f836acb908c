import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import {
  seedSurveyDefaults,
  SurveyService,
  SURVEYS_ENTITIES,
  SURVEYS_MIGRATIONS,
} from '@homeroom/surveys/data-access';

/** The satisfaction survey and the staff self-assessment, once. */
async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig('surveys:seed', z.object({ DATABASE_URL: postgresUrl }));
  const dataSource = createServiceDataSource({
    url: DATABASE_URL,
    applicationName: 'surveys:seed',
    entities: SURVEYS_ENTITIES,
    migrations: SURVEYS_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const { created } = await seedSurveyDefaults(dataSource, new SurveyService(dataSource));
    process.stdout.write(created.length ? `seeded ${created.join(', ')}\n` : 'surveys already seeded\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
