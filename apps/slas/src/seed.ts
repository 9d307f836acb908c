import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import {
  CalendarService,
  PolicyService,
  SLAS_ENTITIES,
  SLAS_MIGRATIONS,
  seedSlaDefaults,
} from '@homeroom/slas/data-access';

/** The district calendar (2026-27) and the default SLA policies, once. */
async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig('slas:seed', z.object({ DATABASE_URL: postgresUrl }));
  const dataSource = createServiceDataSource({
    url: DATABASE_URL,
    applicationName: 'slas:seed',
    entities: SLAS_ENTITIES,
    migrations: SLAS_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const seeded = await seedSlaDefaults(new CalendarService(dataSource), new PolicyService(dataSource));
    process.stdout.write(
      `${seeded.calendar ? 'seeded the district calendar' : 'district calendar already there'}; ` +
        `${seeded.policies ? `seeded ${seeded.policies} policies` : 'policies already seeded'}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
