import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Producer } from 'kafkajs';
import { type Principal, staffPrincipal, type UserPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import type { EventContract, EventData, EventEnvelope } from '@homeroom/platform/event-contracts';
import {
  readTopic,
  startGroupAtEnd,
  subgraphClient,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import { CASES_TOPIC, CaseResolved } from '@homeroom/cases/contracts';
import { SURVEYS_INVITATION_TOPIC, SurveyInvitationIssued } from '@homeroom/surveys/contracts';
import {
  seedSurveyDefaults,
  SurveyService,
  SURVEYS_ENTITIES,
  SURVEYS_MIGRATIONS,
} from '@homeroom/surveys/data-access';
import { loadSurveysConfig, type SurveysConfig } from '../config';
import { SurveysAppModule } from '../surveys-app.module';

const SECRET = 'surveys-test-secret-0123456789abcdef0123';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;
export type Invitation = EventData<typeof SurveyInvitationIssued>;

export const SURVEY_LINK = `query ($token: String!, $language: String) {
  surveyByToken(token: $token, language: $language) {
    state expiresAt caseNumber language title
    questions { id kind text required min max lowLabel highLabel maxLength }
  }
}`;
export const SUBMIT = `mutation ($token: String!, $answers: [SurveyAnswerInput!]!) {
  submitSurveyResponse(token: $token, answers: $answers) { id score submittedAt }
}`;
const CASE_SATISFACTION = `query ($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Case { id satisfaction { status skippedReason score comment commentSentiment invitedAt respondedAt } }
  }
}`;

/**
 * One use case's suite of the surveys service, as production runs it (reminders sent on demand, groups of
 * two shown): its own database with the default surveys, the real broker, a producer to play the other
 * services' events, and the calls every suite makes. Call `useSurveysSuite` at the top of a `describe`: it
 * starts the service before the suite's tests and stops it after them.
 */
export interface SurveysSuite {
  admin: UserPrincipal;
  /** A school the agent works at, where resolutions happen by default. */
  schoolId: string;
  agent: UserPrincipal;
  /** Available once the suite has started (in tests, not at collection). */
  readonly database: TestDatabase;
  readonly app: INestApplication;
  readonly producer: Producer;
  /** The subgraph as the gateway calls it, by default for the district administrator. */
  graphql(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<Json>;
  /** The subgraph for someone not signed in (a survey link's holder). */
  anonymous(query: string, variables?: Record<string, unknown>): Promise<Json>;
  /** Publishes a cases event and waits until this service has taken it. */
  send(envelope: EventEnvelope<unknown>): Promise<void>;
  /**
   * Publishes cases events at once, in order, under one key (so to one partition, where the service takes
   * them a batch at a time as it takes a burst), and waits until it has taken each.
   */
  sendAtOnce(envelopes: readonly EventEnvelope<unknown>[]): Promise<void>;
  casesEvent<Contract extends EventContract>(
    contract: Contract,
    caseId: string,
    data: EventData<Contract>,
    imported?: boolean,
  ): EventEnvelope<EventData<Contract>>;
  /** A resolution the cases service would publish: a known guardian, reachable by email, in Spanish. */
  resolution(
    caseId: string,
    overrides?: Partial<EventData<typeof CaseResolved>>,
  ): EventData<typeof CaseResolved>;
  resolve(
    caseId: string,
    overrides?: Partial<EventData<typeof CaseResolved>>,
  ): Promise<EventEnvelope<EventData<typeof CaseResolved>>>;
  /**
   * The invitations (and reminders) this service published for a case (or a person), in order. By the
   * invitation ids in this suite's database: another surveys service on the same Kafka (a developer's
   * `npm start`) may invite the same test case too.
   */
  invitationsFor(caseOrPersonId: string, count: number): Promise<Invitation[]>;
  tokenOf(invitation: Invitation): string;
  /** A case's satisfaction as the gateway resolves `Case.satisfaction`. */
  caseSatisfaction(caseId: string): Promise<Json>;
}

interface Started {
  database: TestDatabase;
  app: INestApplication;
  producer: Producer;
  graphql: ReturnType<typeof subgraphClient>;
}

/**
 * The surveys service's settings for a test: production mode on the test's database and the test broker,
 * its own consumer group, no reminder sweep, groups of two reported.
 */
export function testSurveysConfig(database: TestDatabase, label: string): SurveysConfig {
  return loadSurveysConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_CONSUMER_GROUP: uniqueName(label, '-'),
    GATEWAY_TRUST_SECRET: SECRET,
    PORTAL_URL: 'https://portal.district.test',
    SURVEY_REMINDER_INTERVAL_MS: '0',
    SURVEY_MINIMUM_GROUP_SIZE: '2',
  });
}

export function useSurveysSuite(label: string): SurveysSuite {
  const admin = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const schoolId = randomUUID();
  let started: Started | undefined;
  const running = (): Started => {
    if (!started) throw new Error('the surveys suite is used before it started (use it inside a test)');
    return started;
  };

  beforeAll(async () => {
    const database = await createTestDatabase(label, {
      migrations: SURVEYS_MIGRATIONS,
      entities: SURVEYS_ENTITIES,
    });
    await seedSurveyDefaults(database.dataSource, new SurveyService(database.dataSource));
    const config = testSurveysConfig(database, label);
    // Start with what this suite publishes, not with every earlier run's cases and people.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
    const app = await NestFactory.create(SurveysAppModule.forRoot(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    const producer = testKafka().producer();
    await producer.connect();
    started = { database, app, producer, graphql: subgraphClient(`${await app.getUrl()}/graphql`, SECRET) };
  });

  afterAll(async () => {
    await started?.producer.disconnect();
    await started?.app.close();
    await started?.database.drop();
  });

  const graphql = (query: string, variables: Record<string, unknown> = {}, principal: Principal = admin) =>
    running().graphql(query, variables, principal) as Promise<Json>;

  const suite: SurveysSuite = {
    admin,
    schoolId,
    agent: staffPrincipal(randomUUID(), { role: 'AGENT', schoolId }),
    get database() {
      return running().database;
    },
    get app() {
      return running().app;
    },
    get producer() {
      return running().producer;
    },
    graphql,
    anonymous: (query, variables = {}) => graphql(query, variables, { kind: 'anonymous' }),
    send: (envelope) => suite.sendAtOnce([envelope]),
    async sendAtOnce(envelopes) {
      const { producer, database } = running();
      const key = envelopes[0]!.aggregateId;
      await producer.send({
        topic: CASES_TOPIC,
        messages: envelopes.map((envelope) => ({ key, value: JSON.stringify(envelope) })),
      });
      const ids = [...new Set(envelopes.map(({ id }) => id))];
      await waitUntil(
        `${ids.length} events in the inbox`,
        async () => {
          const [{ taken }] = await database.dataSource.query(
            'SELECT count(*)::int AS taken FROM inbox_event WHERE event_id = ANY($1::uuid[])',
            [ids],
          );
          return taken === ids.length;
        },
        { timeoutMs: 60_000 },
      );
    },
    casesEvent(contract, caseId, data, imported = false) {
      return createEnvelope('cases', contract, {
        aggregateId: caseId,
        data,
        ...(imported ? { imported } : {}),
      });
    },
    resolution(caseId, overrides = {}) {
      return {
        ...CaseResolved.fixture,
        caseId,
        number: `HR-2026-${caseId.slice(0, 6)}`,
        requesterId: randomUUID(),
        anonymous: false,
        schoolId,
        resolvedAt: new Date().toISOString(),
        survey: { reachableBy: ['EMAIL'], requesterKind: 'GUARDIAN', duplicate: false, optedOut: false },
        ...overrides,
      };
    },
    async resolve(caseId, overrides = {}) {
      const envelope = suite.casesEvent(CaseResolved, caseId, suite.resolution(caseId, overrides));
      await suite.send(envelope);
      return envelope;
    },
    async invitationsFor(caseOrPersonId, count) {
      const ours = new Set(
        (
          (await running().database.dataSource.query(
            'SELECT id FROM survey_invitation WHERE case_id = $1 OR person_id = $1',
            [caseOrPersonId],
          )) as { id: string }[]
        ).map((row) => row.id),
      );
      const messages = await readTopic(SURVEYS_INVITATION_TOPIC, count, {
        filter: (message) => {
          const text = message.value!.toString();
          return text.includes(caseOrPersonId) && ours.has(JSON.parse(text).data.invitationId);
        },
      });
      return messages.map((message) =>
        SurveyInvitationIssued.schema.parse(JSON.parse(message.value!.toString()).data),
      );
    },
    tokenOf: (invitation) => invitation.link.split('/s/')[1]!,
    async caseSatisfaction(caseId) {
      const result = await graphql(CASE_SATISFACTION, { r: [{ __typename: 'Case', id: caseId }] });
      expect(result.errors).toBeUndefined();
      return result.data._entities[0].satisfaction;
    },
  };
  return suite;
}
