import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import type { EventEnvelope } from '@homeroom/platform/event-contracts';
import { createEnvelope } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import {
  type FakeTwilio,
  startFakeTwilio,
  startGroupAtEnd,
  subgraphClient,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import { SmsConsentChanged } from '@homeroom/cases/contracts';
import { contactKey } from '@homeroom/directory/contracts';
import {
  demoSeedServices,
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  seedDemoDistrict,
  SmsConsentService,
} from '@homeroom/directory/data-access';
import { SurveyInvitationIssued } from '@homeroom/surveys/contracts';
import { loadDirectoryConfig } from './config';
import { DirectoryAppModule } from './directory-app.module';

const SECRET = 'directory-sms-consent-secret-0123456789';
const admin: Principal = staffPrincipal('admin-1', { role: 'DISTRICT_ADMIN', schoolId: null });
const vendor: Principal = { kind: 'client', subject: 'consent-vendor', scopes: ['directory:read'] };
const outsider: Principal = { kind: 'client', subject: 'cases-only-vendor', scopes: ['cases:read'] };
// Numbers of the person this suite makes: outside the demo district's (+1512555 01xx and 02xx).
const MOBILE = '+15125550987';
const WORK = '+15125550988';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results and rows are checked field by field
type Json = any;

/**
 * A number's STOP and START, raised by the cases service as SmsConsentChanged on Kafka, recorded by the
 * directory (the newest by the event's own time, whatever order they arrive in), shown on the person's
 * phones, and honoured by the survey invitations it texts (the loopback Twilio stand-in receives them).
 */
describe('SMS consent in the directory', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let twilio: FakeTwilio;
  let graphqlUrl: string;
  let personId: string;
  const group = uniqueName('directory-sms-consent-test', '-');
  const producer = testKafka().producer();
  const key = contactKey(MOBILE);

  beforeAll(async () => {
    database = await createTestDatabase('directory_sms_consent', {
      migrations: DIRECTORY_MIGRATIONS,
      entities: DIRECTORY_ENTITIES,
    });
    await seedDemoDistrict(demoSeedServices(database.dataSource));
    twilio = await startFakeTwilio();
    const config = loadDirectoryConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: group,
      GATEWAY_TRUST_SECRET: SECRET,
      OIDC_COOKIE_KEYS: 'cookie-key-for-tests-0123456789abcdef',
      SMS_PROVIDER_URL: twilio.url,
      SMS_ACCOUNT_SID: twilio.accountSid,
      SMS_AUTH_TOKEN: twilio.authToken,
      SMS_FROM: '+15125550100',
    });
    await startGroupAtEnd(group);
    app = await NestFactory.create(DirectoryAppModule.forRoot(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    graphqlUrl = `${await app.getUrl()}/graphql`;
    await producer.connect();
    personId = (
      await graphql(
        `
          mutation ($phones: [PhoneNumberInput!]!) {
            createPerson(
              input: {
                kind: GUARDIAN
                givenName: "Rosa"
                familyName: "Texter"
                preferredChannel: SMS
                phones: $phones
              }
            ) {
              id
            }
          }
        `,
        {
          phones: [
            { number: '(512) 555-0987', primary: true, type: 'MOBILE' },
            { number: WORK, primary: false, type: 'WORK' },
          ],
        },
      )
    ).createPerson.id;
  });

  afterAll(async () => {
    await producer.disconnect();
    await app?.close();
    await twilio?.close();
    await database?.drop();
  });

  async function graphql(
    query: string,
    variables: Record<string, unknown> = {},
    principal: Principal = admin,
  ): Promise<Json> {
    const result = await subgraphClient(graphqlUrl, SECRET)(query, variables, principal);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  /** Sends an envelope as a relay would (keyed by its aggregate) and waits until it is applied. */
  async function deliver(envelope: EventEnvelope, topic: string): Promise<void> {
    await producer.send({
      topic,
      messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
    });
    await waitUntil(
      `${envelope.type} ${envelope.id} handled`,
      async () =>
        (
          await database.dataSource.query(
            'SELECT 1 FROM inbox_event WHERE consumer_group = $1 AND event_id = $2',
            [group, envelope.id],
          )
        ).length > 0,
      { timeoutMs: 60_000 },
    );
  }

  const consentChange = (consent: 'OPTED_OUT' | 'OPTED_IN', keyword: string, at: string) =>
    createEnvelope('cases', SmsConsentChanged, {
      aggregateId: key,
      data: {
        contactKey: key,
        consent,
        keyword,
        providerMessageId: `SM${randomUUID().replace(/-/g, '')}`,
        at,
      },
    });

  const phones = async (principal: Principal = admin): Promise<Json[]> =>
    (
      await graphql(
        'query($id: ID!) { person(id: $id) { phones { number textMessages } } }',
        { id: personId },
        principal,
      )
    ).person.phones;

  const recorded = async (): Promise<Json> =>
    (
      await database.dataSource.query(
        'SELECT opted_out, keyword, provider_message_id, changed_at FROM sms_consent WHERE contact_key = $1',
        [key],
      )
    )[0];

  /** A district survey's invitation to the person by text; what the directory did about it. */
  async function inviteByText(): Promise<{ texted: number; skipped: string[] }> {
    const logged = jest.spyOn(app.get<Logger>(LOGGER), 'info');
    const before = twilio.messages.length;
    const invitationId = randomUUID();
    try {
      await deliver(
        createEnvelope('surveys', SurveyInvitationIssued, {
          aggregateId: invitationId,
          data: {
            ...SurveyInvitationIssued.fixture,
            invitationId,
            caseId: null,
            personId,
            channel: 'SMS',
            subject: 'Your district, your voice',
            body: 'Your district would like to hear from you: https://portal.district.test/s/abc',
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        }),
        SurveyInvitationIssued.topic,
      );
      const skipped = logged.mock.calls.flatMap(([fields]) => {
        const { invitationId: id, reason } = (fields ?? {}) as { invitationId?: string; reason?: string };
        return id === invitationId && reason ? [reason] : [];
      });
      return { texted: twilio.messages.slice(before).filter((m) => m.to === MOBILE).length, skipped };
    } finally {
      logged.mockRestore();
    }
  }

  it('shows UNKNOWN on numbers that never said STOP or START', async () => {
    expect(await phones()).toEqual([
      { number: MOBILE, textMessages: 'UNKNOWN' },
      { number: WORK, textMessages: 'UNKNOWN' },
    ]);
  });

  it('records STOP, shows it on the phone, and texts the number no survey invitation', async () => {
    const stop = consentChange('OPTED_OUT', 'STOP', '2026-12-07T15:00:00.000Z');
    await deliver(stop, SmsConsentChanged.topic);

    expect(await recorded()).toEqual({
      opted_out: true,
      keyword: 'STOP',
      provider_message_id: stop.data.providerMessageId,
      changed_at: new Date('2026-12-07T15:00:00.000Z'),
    });
    // Only the number that said it; the phone is seen as the person is (staff, directory:read).
    expect(await phones()).toEqual([
      { number: MOBILE, textMessages: 'OPTED_OUT' },
      { number: WORK, textMessages: 'UNKNOWN' },
    ]);
    expect(await phones(vendor)).toEqual(await phones());
    const refused = await subgraphClient(graphqlUrl, SECRET)(
      'query($id: ID!) { person(id: $id) { phones { textMessages } } }',
      { id: personId },
      outsider,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect(await inviteByText()).toEqual({ texted: 0, skipped: ['OPTED_OUT'] });
    expect(twilio.messages.filter((m) => m.to === MOBILE)).toEqual([]);
  });

  it('keeps STOP when an older START arrives after it, and takes the newer START', async () => {
    await deliver(consentChange('OPTED_IN', 'START', '2026-12-07T14:59:59.000Z'), SmsConsentChanged.topic);
    expect(await recorded()).toMatchObject({ opted_out: true, keyword: 'STOP' });
    expect((await phones())[0].textMessages).toBe('OPTED_OUT');

    const start = consentChange('OPTED_IN', 'UNSTOP', '2026-12-07T16:00:00.000Z');
    await deliver(start, SmsConsentChanged.topic);
    expect(await recorded()).toEqual({
      opted_out: false,
      keyword: 'UNSTOP',
      provider_message_id: start.data.providerMessageId,
      changed_at: new Date('2026-12-07T16:00:00.000Z'),
    });
    expect((await phones())[0].textMessages).toBe('OPTED_IN');

    expect(await inviteByText()).toEqual({ texted: 1, skipped: [] });
  });

  it('changes nothing when an event is delivered again, or published again under a new id', async () => {
    const stop = consentChange('OPTED_OUT', 'STOP', '2026-12-07T17:00:00.000Z');
    await deliver(stop, SmsConsentChanged.topic);
    const start = consentChange('OPTED_IN', 'START', '2026-12-07T18:00:00.000Z');
    await deliver(start, SmsConsentChanged.topic);

    // The same event again (the inbox knows it), then its copy under a new id (its time is older than
    // what is recorded): same key, same partition, so once the copy is applied the redelivery was too.
    await producer.send({
      topic: SmsConsentChanged.topic,
      messages: [{ key, value: JSON.stringify(stop) }],
    });
    await deliver({ ...stop, id: randomUUID() }, SmsConsentChanged.topic);

    expect(await recorded()).toEqual({
      opted_out: false,
      keyword: 'START',
      provider_message_id: start.data.providerMessageId,
      changed_at: new Date('2026-12-07T18:00:00.000Z'),
    });
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM sms_consent WHERE contact_key = $1',
      [key],
    );
    expect(n).toBe(1);
  });

  it("reads a page of people's phones in one query", async () => {
    const lookups = jest.spyOn(app.get(SmsConsentService), 'consentOf');
    try {
      const page = await graphql(
        '{ people(first: 50, filter: { kind: GUARDIAN }) { edges { node { phones { number textMessages } } } } }',
      );
      const numbers = page.people.edges.flatMap((edge: Json) => edge.node.phones);
      expect(numbers.length).toBeGreaterThan(10);
      expect(lookups).toHaveBeenCalledTimes(1);
    } finally {
      lookups.mockRestore();
    }
  });
});
