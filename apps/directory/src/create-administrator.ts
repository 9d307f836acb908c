import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import {
  createFirstAdministrator,
  demoSeedServices,
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
} from '@homeroom/directory/data-access';
import { InvalidInputException } from '@homeroom/shared/errors';

/**
 * A new installation's first district administrator (docs/operations: a one-off Job or `docker compose run`).
 * The password comes from the environment (a Secret), never from the command line, where `ps` would show it.
 */
const config = loadConfig(
  'directory:create-administrator',
  z.object({
    DATABASE_URL: postgresUrl,
    ADMIN_EMAIL: z.email('must be an e-mail address'),
    ADMIN_GIVEN_NAME: z.string().trim().min(1),
    ADMIN_FAMILY_NAME: z.string().trim().min(1),
    ADMIN_PASSWORD: z.string().min(1),
    ADMIN_LANGUAGE: z.string().default('en'),
  }),
);

async function main(): Promise<void> {
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'directory:create-administrator',
    entities: DIRECTORY_ENTITIES,
    migrations: DIRECTORY_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const { personId, outcome } = await createFirstAdministrator(demoSeedServices(dataSource), {
      email: config.ADMIN_EMAIL,
      givenName: config.ADMIN_GIVEN_NAME,
      familyName: config.ADMIN_FAMILY_NAME,
      password: config.ADMIN_PASSWORD,
      preferredLanguage: config.ADMIN_LANGUAGE,
    });
    process.stdout.write(
      `${outcome === 'created' ? 'created' : 'made an existing staff member'} district administrator ${config.ADMIN_EMAIL} (${personId})\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof InvalidInputException) {
    const fields = (error.details ?? []).map(({ path, message }) => `\n  - ${path}: ${message}`).join('');
    process.stderr.write(`directory:create-administrator: ${error.message}${fields}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
