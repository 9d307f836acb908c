import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Principal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import {
  PORTAL_REDIRECT_URI,
  startGroupAtEnd,
  subgraphClient,
  testKafkaBrokers,
  uniqueName,
} from '@homeroom/platform/testing';
import {
  demoSeedServices,
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  seedDemoDistrict,
} from '@homeroom/directory/data-access';
import { loadDirectoryConfig } from '../config';
import { DirectoryAppModule } from '../directory-app.module';

const SECRET = 'directory-test-app-secret-0123456789ab';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

export interface DirectoryTestApp {
  database: TestDatabase;
  /** The subgraph's GraphQL, as the gateway would call it for this principal. */
  graphql(query: string, variables: Record<string, unknown>, principal: Principal): Promise<Json>;
  close(): Promise<void>;
}

/** The directory service for one suite, as production runs it, on its own database seeded with the demo district. */
export async function startDirectoryApp(label: string): Promise<DirectoryTestApp> {
  const database = await createTestDatabase(label, {
    migrations: DIRECTORY_MIGRATIONS,
    entities: DIRECTORY_ENTITIES,
  });
  const config = loadDirectoryConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    // The directory consumes the cases topic (SmsConsentChanged): a group of its own, from what comes next.
    KAFKA_CONSUMER_GROUP: uniqueName(label, '-'),
    GATEWAY_TRUST_SECRET: SECRET,
    OIDC_COOKIE_KEYS: 'cookie-key-for-tests-0123456789abcdef',
    // Production names these (their defaults are a developer's): the local ones, as before.
    OIDC_ISSUER: 'http://localhost:4000/auth',
    PORTAL_REDIRECT_URIS: PORTAL_REDIRECT_URI,
    MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
  });
  await seedDemoDistrict(demoSeedServices(database.dataSource));
  await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
  const app: INestApplication = await NestFactory.create(DirectoryAppModule.forRoot(config), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const client = subgraphClient(`${await app.getUrl()}/graphql`, SECRET);
  return {
    database,
    graphql: (query, variables, principal) => client(query, variables, principal),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
