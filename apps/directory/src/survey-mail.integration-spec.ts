import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import {
  startGroupAtEnd,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import {
  demoSeedServices,
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  seedDemoDistrict,
} from '@homeroom/directory/data-access';
import { SurveyInvitationIssued } from '@homeroom/surveys/contracts';
// The development mail catcher stands in for the district's SMTP relay, as it does on a developer's machine.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  type CaughtMessage,
  type MailCatcher,
  startMailCatcher,
} from '../../../tools/mail-catcher/mail-catcher';
import { loadDirectoryConfig } from './config';
import { DirectoryAppModule } from './directory-app.module';

/**
 * District surveys' personal invitations reach people through the directory, which holds their addresses:
 * SurveyInvitationIssued on Kafka in, a real SMTP delivery (the mail catcher on loopback) out.
 */
describe('survey invitations mailed by the directory', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let catcher: MailCatcher;
  const group = uniqueName('directory-mail-test', '-');
  const producer = testKafka().producer();

  beforeAll(async () => {
    database = await createTestDatabase('directory_mail', {
      migrations: DIRECTORY_MIGRATIONS,
      entities: DIRECTORY_ENTITIES,
    });
    await seedDemoDistrict(demoSeedServices(database.dataSource));
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    const config = loadDirectoryConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: group,
      GATEWAY_TRUST_SECRET: 'directory-mail-secret-0123456789abcdef',
      OIDC_COOKIE_KEYS: 'cookie-key-for-tests-0123456789abcdef',
      SMTP_OUTBOUND_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    });
    await startGroupAtEnd(group);
    app = await NestFactory.create(DirectoryAppModule.forRoot(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await app?.close();
    await catcher?.close();
    await database?.drop();
  });

  async function publish(data: Partial<(typeof SurveyInvitationIssued)['fixture']>): Promise<string> {
    const invitationId = randomUUID();
    const envelope = createEnvelope('surveys', SurveyInvitationIssued, {
      aggregateId: invitationId,
      data: {
        ...SurveyInvitationIssued.fixture,
        invitationId,
        caseId: null,
        subject: 'Your district, your voice',
        body: 'Your district would like to hear from you: https://portal.district.test/s/abc',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        ...data,
      },
    });
    await producer.send({
      topic: SurveyInvitationIssued.topic,
      messages: [{ key: invitationId, value: JSON.stringify(envelope) }],
    });
    await waitUntil(
      `invitation ${invitationId} handled`,
      async () =>
        (
          await database.dataSource.query(
            'SELECT 1 FROM inbox_event WHERE consumer_group = $1 AND event_id = $2',
            [group, envelope.id],
          )
        ).length > 0,
      { timeoutMs: 60_000 },
    );
    return invitationId;
  }

  const mailTo = (address: string): CaughtMessage[] =>
    catcher.messages().filter((message) => message.envelope.to.includes(address));

  it("emails a person's invitation to their primary address, and skips what it cannot send", async () => {
    const [guardian] = await database.dataSource.query(
      `SELECT id, emails FROM person WHERE kind = 'GUARDIAN' AND active AND jsonb_array_length(emails) > 0 LIMIT 1`,
    );
    const address: string = (
      guardian.emails.find((e: { primary: boolean }) => e.primary) ?? guardian.emails[0]
    ).address;

    const invitationId = await publish({ personId: guardian.id, language: 'en' });
    const [mail] = mailTo(address);
    expect(mail).toMatchObject({
      subject: 'Your district, your voice',
      messageId: `<survey-${invitationId}@homeroom.test>`,
    });
    expect(mail!.headers['auto-submitted']).toBe('auto-generated');
    expect(mail!.text).toContain('https://portal.district.test/s/abc');

    const before = catcher.messages().length;
    await publish({ personId: guardian.id, channel: 'SMS' });
    await publish({ personId: randomUUID() });
    await publish({ personId: guardian.id, caseId: randomUUID() }); // a case's requester: the cases service's
    expect(catcher.messages()).toHaveLength(before);
  });
});
