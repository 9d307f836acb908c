import { randomUUID } from 'node:crypto';
import { type Principal, staffPrincipal, type UserPrincipal } from '@homeroom/platform/auth';
import type { TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import { testKafka, waitUntil } from '@homeroom/platform/testing';
import { SchoolCreated } from '@homeroom/directory/contracts';
import { TopicService } from '@homeroom/cases/data-access';
import { startCasesApp, type CasesTestApp } from './cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

export const SUBMIT =
  'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber trackingToken } }';
export const TRACK =
  'query($t: String!) { trackCase(token: $t) { number status messages { direction body } followUpNumber } }';

/**
 * One use case's suite of the cases service: the service with its starter topics and two schools the
 * directory announced, the people who call it, and the calls every suite makes. Call `useCasesSuite` at
 * the top of a `describe`: it starts the service before the suite's tests and stops it after them.
 */
export interface CasesSuite {
  /** A school the agent works at, and one they do not. */
  schoolId: string;
  otherSchoolId: string;
  agent: UserPrincipal;
  /** An agent at the other school. */
  outsider: UserPrincipal;
  viewer: UserPrincipal;
  admin: UserPrincipal;
  anonymous: Principal;
  /** Available once the suite has started (in tests, not at collection). */
  readonly database: TestDatabase;
  /** The running Nest app, for a suite that drives a service directly (the automation sweep). */
  readonly nest: CasesTestApp['app'];
  /** The starter taxonomy's "Bus delay". */
  readonly topicId: string;
  readonly smtpPort: number;
  graphql(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<Json>;
  /** An anonymous inquiry about a bus at the agent's school, with any fields changed; fails on refusal. */
  submit(input?: Record<string, unknown>): Promise<{ caseNumber: string; trackingToken: string }>;
  /** The events a case's transactions wrote to the outbox, of one type, oldest first. */
  eventsOf(id: string, type: string): Promise<Json[]>;
  caseId(number: string): Promise<string>;
}

export function useCasesSuite(label: string): CasesSuite {
  const schoolId = randomUUID();
  const otherSchoolId = randomUUID();
  const anonymous: Principal = { kind: 'anonymous' };
  let started: CasesTestApp | undefined;
  let topicId = '';
  const app = (): CasesTestApp => {
    if (!started) throw new Error('the cases suite is used before it started (use it inside a test)');
    return started;
  };

  beforeAll(async () => {
    started = await startCasesApp(label);
    const { dataSource } = started.database;
    await new TopicService(dataSource).seedStarterTaxonomy();
    [{ id: topicId }] = await dataSource.query(`SELECT id FROM topic WHERE name = 'Bus delay'`);
    await announceSchools(started.database, [schoolId, otherSchoolId]);
  });
  afterAll(() => started?.close());

  const graphql = (query: string, variables: Record<string, unknown> = {}, principal = anonymous) =>
    app().graphql(query, variables, principal);

  return {
    schoolId,
    otherSchoolId,
    agent: staffPrincipal(randomUUID(), { role: 'AGENT', schoolId }),
    outsider: staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: otherSchoolId }),
    viewer: staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: null }),
    admin: staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null }),
    anonymous,
    get database() {
      return app().database;
    },
    get nest() {
      return app().app;
    },
    get topicId() {
      return topicId;
    },
    get smtpPort() {
      return app().smtpPort;
    },
    graphql,
    async submit(input = {}) {
      const result = await graphql(SUBMIT, {
        input: {
          message: 'Bus 14 was 40 minutes late this morning.',
          schoolId,
          topicId,
          anonymous: true,
          ...input,
        },
      });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data.submitInquiry;
    },
    async eventsOf(id, type) {
      const rows = await app().database.dataSource.query(
        `SELECT envelope FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2 ORDER BY position`,
        [id, type],
      );
      return rows.map((row: Json) => row.envelope);
    },
    async caseId(number) {
      return (
        await app().database.dataSource.query('SELECT id FROM support_case WHERE number = $1', [number])
      )[0].id;
    },
  };
}

/** The directory announces the schools; the cases service learns them from the events alone. */
async function announceSchools(database: TestDatabase, ids: string[]): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  try {
    for (const id of ids) {
      const envelope = createEnvelope('directory', SchoolCreated, {
        aggregateId: id,
        data: { ...SchoolCreated.fixture, schoolId: id },
      });
      await producer.send({
        topic: SchoolCreated.topic,
        messages: [{ key: id, value: JSON.stringify(envelope) }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  await waitUntil(
    'the directory schools in the read model',
    async () =>
      (
        await database.dataSource.query('SELECT count(*)::int AS n FROM known_school WHERE id = ANY($1)', [
          ids,
        ])
      )[0].n === ids.length,
    { timeoutMs: 60_000 },
  );
}
