import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Principal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import {
  type FakeTwilio,
  freePort,
  startFakeTwilio,
  startGroupAtEnd,
  subgraphClient,
  testKafkaBrokers,
  uniqueName,
} from '@homeroom/platform/testing';
import { CASES_ENTITIES, CASES_MIGRATIONS } from '@homeroom/cases/data-access';
import { loadCasesConfig } from '../config';
import { CasesAppModule } from '../cases-app.module';

const SECRET = 'cases-test-app-secret-0123456789abcdef';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

export interface CasesTestApp {
  database: TestDatabase;
  /** The Nest app, for a suite that drives a service directly (the email intake with a corpus). */
  app: INestApplication;
  /** The SMTP intake's port on 127.0.0.1. */
  smtpPort: number;
  /** The subgraph's GraphQL, as the gateway would call it for this principal. */
  graphql(query: string, variables: Record<string, unknown>, principal: Principal): Promise<Json>;
  /** A staff reply to the requester (replyToCase) as this principal: its message id; throws on errors. */
  reply(caseId: string, body: string, principal: Principal): Promise<string>;
  close(): Promise<void>;
}

/**
 * The cases service for one suite, as production runs it: its own migrated database, the real broker with
 * a consumer group that starts at the end of every topic, an SMTP intake on a free port, and any other
 * settings the suite gives (outbound mail, the portal's URL).
 */
export async function startCasesApp(
  label: string,
  settings: Record<string, string> = {},
  /** Another replica of a running app: its database (kept when this one closes). */
  replicaOf?: CasesTestApp,
): Promise<CasesTestApp> {
  const database =
    replicaOf?.database ??
    (await createTestDatabase(label, {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    }));
  const config = loadCasesConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    SMTP_INTAKE_PORT: String(await freePort()),
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_CONSUMER_GROUP: uniqueName(label, '-'),
    GATEWAY_TRUST_SECRET: SECRET,
    ATTACHMENT_URL_SECRET: SECRET,
    ATTACHMENT_STORAGE_DIR: join(workspaceRoot(), 'tmp', 'attachments'),
    // Production names these (their defaults are a developer's); a suite can give its own.
    PORTAL_URL: 'http://localhost:4200',
    MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
    ...settings,
  });
  await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
  const app: INestApplication = await NestFactory.create(CasesAppModule.forRoot(config), { logger: false });
  // A suite that must know its address before the start (a webhook URL in its settings) names the PORT.
  await app.listen(settings['PORT'] ? config.PORT : 0, '127.0.0.1');
  const client = subgraphClient(`${await app.getUrl()}/graphql`, SECRET);
  return {
    database,
    app,
    smtpPort: config.SMTP_INTAKE_PORT,
    graphql: (query, variables, principal) => client(query, variables, principal),
    async reply(caseId, body, principal) {
      const result = await client(
        'mutation($id: ID!, $b: String!) { replyToCase(caseId: $id, body: $b) { id } }',
        { id: caseId, b: body },
        principal,
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data.replyToCase.id;
    },
    async close() {
      await app.close();
      if (!replicaOf) await database.drop();
    },
  };
}

/** The cases service with two-way texts through a loopback Twilio, and the webhook URL Twilio posts to. */
export interface TextingCasesApp {
  cases: CasesTestApp;
  twilio: FakeTwilio;
  webhook: string;
  close(): Promise<void>;
}

/** startCasesApp with texting set up (the district's number +15125550100) and any other settings. */
export async function startTextingCasesApp(
  label: string,
  settings: Record<string, string> = {},
): Promise<TextingCasesApp> {
  const twilio = await startFakeTwilio();
  const port = await freePort();
  const webhook = `http://127.0.0.1:${port}/sms/twilio`;
  const cases = await startCasesApp(label, {
    PORT: String(port),
    SMS_PROVIDER_URL: twilio.url,
    SMS_ACCOUNT_SID: twilio.accountSid,
    SMS_AUTH_TOKEN: twilio.authToken,
    SMS_FROM: DISTRICT_NUMBER,
    SMS_WEBHOOK_URL: webhook,
    // Public links to replies' pictures, which the provider fetches for a picture message.
    ATTACHMENT_DOWNLOAD_BASE_URL: `http://127.0.0.1:${port}`,
    ...settings,
  });
  return {
    cases,
    twilio,
    webhook,
    async close() {
      await cases.close();
      await twilio.close();
    },
  };
}

/** The number the district texts from in these suites. */
export const DISTRICT_NUMBER = '+15125550100';
