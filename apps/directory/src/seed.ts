import 'reflect-metadata';
import { createServiceDataSource } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import {
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  DistrictService,
  PersonService,
  RelationshipService,
  SchoolService,
  seedDemoDistrict,
  StaffRoleService,
  TeamService,
} from '@homeroom/directory/data-access';
import { loadDirectoryConfig } from './config';

/** Seeds the demo district once; its events wait in the outbox until the service's relay publishes them. */
async function main(): Promise<void> {
  const config = loadDirectoryConfig();
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'directory:seed',
    entities: DIRECTORY_ENTITIES,
    migrations: DIRECTORY_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const outbox = new OutboxWriter('directory');
    const started = Date.now();
    const result = await seedDemoDistrict({
      dataSource,
      districts: new DistrictService(dataSource),
      schools: new SchoolService(dataSource, outbox),
      people: new PersonService(dataSource, outbox),
      relationships: new RelationshipService(dataSource),
      staffRoles: new StaffRoleService(dataSource, outbox),
      teams: new TeamService(dataSource, outbox),
    });
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
