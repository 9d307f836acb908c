import 'reflect-metadata';
import { createServiceDataSource } from '@homeroom/platform/database';
import {
  demoSeedServices,
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  seedDemoDistrict,
  seedDemoSignIns,
} from '@homeroom/directory/data-access';
import { loadDirectorySeedConfig } from './config';

/** Seeds the demo district once; its events wait in the outbox until the service's relay publishes them. */
async function main(): Promise<void> {
  const config = loadDirectorySeedConfig();
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'directory:seed',
    entities: DIRECTORY_ENTITIES,
    migrations: DIRECTORY_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const started = Date.now();
    const services = demoSeedServices(dataSource);
    const result = await seedDemoDistrict(services);
    await seedDemoSignIns(services, config.DEMO_ADMIN_PASSWORD);
    process.stdout.write(
      result.seeded
        ? `seeded the demo district: ${result.people} people in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
        : 'demo district already seeded\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
