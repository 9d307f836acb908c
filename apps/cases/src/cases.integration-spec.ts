import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import {
  freePort,
  readTopic,
  startGroupAtEnd,
  subgraphClient,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import {
  contactKey,
  PeopleMerged,
  PersonCreated,
  SchoolCreated,
  TeamChanged,
} from '@homeroom/directory/contracts';
import { SlaBreached, SlaWarning } from '@homeroom/slas/contracts';
import { LowSatisfactionReported, SurveySafetyConcernRaised } from '@homeroom/surveys/contracts';
import {
  CASES_TOPIC,
  CaseAlertRaised,
  CaseMerged,
  CaseOpened,
  CaseResolved,
} from '@homeroom/cases/contracts';
import { CASES_ENTITIES, CASES_MIGRATIONS, TopicService } from '@homeroom/cases/data-access';
import { loadCasesConfig } from './config';
import { CasesAppModule } from './cases-app.module';

const SECRET = 'cases-test-secret-0123456789abcdef0123';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('cases subgraph', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  const schoolId = randomUUID();
  const otherSchoolId = randomUUID();
  let topicId: string;
  let smtpPort: number;

  const agent: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolId });
  const outsider: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: otherSchoolId });
  const viewer: Principal = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: null });
  const admin: Principal = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const anonymous: Principal = { kind: 'anonymous' };

  beforeAll(async () => {
    database = await createTestDatabase('cases', { migrations: CASES_MIGRATIONS, entities: CASES_ENTITIES });
    await new TopicService(database.dataSource).seedStarterTaxonomy();
    [{ id: topicId }] = await database.dataSource.query(`SELECT id FROM topic WHERE name = 'Bus delay'`);
    smtpPort = await freePort();
    const config = loadCasesConfig({
      SMTP_INTAKE_PORT: String(smtpPort),
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('cases-test', '-'),
      GATEWAY_TRUST_SECRET: SECRET,
      ATTACHMENT_URL_SECRET: SECRET,
      ATTACHMENT_STORAGE_DIR: join(workspaceRoot(), 'tmp', 'attachments'),
      PORTAL_URL: 'http://localhost:4200',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
    });
    // Start with what this test publishes, not with every earlier run's events.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
    app = await NestFactory.create(CasesAppModule.forRoot(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;

    // The directory announces a school; the cases service learns it from the event alone.
    const producer = testKafka().producer();
    await producer.connect();
    for (const id of [schoolId, otherSchoolId]) {
      const envelope = createEnvelope('directory', SchoolCreated, {
        aggregateId: id,
        data: { ...SchoolCreated.fixture, schoolId: id },
      });
      await producer.send({
        topic: SchoolCreated.topic,
        messages: [{ key: id, value: JSON.stringify(envelope) }],
      });
    }
    await producer.disconnect();
    await waitUntil(
      'the directory schools in the read model',
      async () =>
        (
          await database.dataSource.query('SELECT count(*)::int AS n FROM known_school WHERE id = ANY($1)', [
            [schoolId, otherSchoolId],
          ])
        )[0].n === 2,
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const graphql = (
    query: string,
    variables: Record<string, unknown> = {},
    principal: Principal = anonymous,
  ): Promise<Json> => subgraphClient(url, SECRET)(query, variables, principal);

  const SUBMIT =
    'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber trackingToken } }';
  const TRACK =
    'query($t: String!) { trackCase(token: $t) { number status messages { direction body } followUpNumber } }';

  async function submit(input: Record<string, unknown> = {}) {
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
    return result.data.submitInquiry as { caseNumber: string; trackingToken: string };
  }

  /** The events a case's transactions wrote to the outbox, of one type, oldest first. */
  async function eventsOf(id: string, type: string): Promise<Json[]> {
    const rows = await database.dataSource.query(
      `SELECT envelope FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2 ORDER BY position`,
      [id, type],
    );
    return rows.map((row: Json) => row.envelope);
  }

  async function caseId(number: string): Promise<string> {
    return (await database.dataSource.query('SELECT id FROM support_case WHERE number = $1', [number]))[0].id;
  }

  it('serves the committed SDL that composition reads (set UPDATE_SCHEMAS=1 to rewrite it)', async () => {
    const committed = join(workspaceRoot(), 'apps', 'cases', 'schema.graphql');
    const generated: string = (await graphql('{ _service { sdl } }')).data._service.sdl;
    if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed)) writeFileSync(committed, generated);
    expect(generated).toBe(readFileSync(committed, 'utf8'));
    expect(generated).toMatch(/type Case\s+@key\(fields: "id"\)/);
  });

  it('takes an anonymous inquiry from the public form and lets the family track it', async () => {
    const { caseNumber, trackingToken } = await submit();
    expect(caseNumber).toMatch(/^HR-\d{4}-\d{6}$/);
    expect(trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tracked = (await graphql(TRACK, { t: trackingToken })).data.trackCase;
    expect(tracked).toEqual({
      number: caseNumber,
      status: 'NEW',
      messages: [{ direction: 'INBOUND', body: 'Bus 14 was 40 minutes late this morning.' }],
      followUpNumber: null,
    });
    const [stored] = await database.dataSource.query(
      'SELECT contact, tracking_token_hash FROM support_case WHERE number = $1',
      [caseNumber],
    );
    expect(stored.contact).toEqual({ name: null, email: null, phone: null });
    expect(stored.tracking_token_hash).not.toContain(trackingToken);
    expect((await graphql(TRACK, { t: 'not-a-token' })).data.trackCase).toBeNull();
  });

  it('refuses bad inquiries with typed errors and writes nothing', async () => {
    const count = async () =>
      (
        await database.dataSource.query(
          'SELECT (SELECT count(*) FROM support_case) + (SELECT count(*) FROM outbox_event) AS n',
        )
      )[0].n;
    const before = await count();
    const reasons = async (input: Record<string, unknown>) =>
      (await graphql(SUBMIT, { input: { message: 'Hello', ...input } })).errors[0].extensions.reason;
    expect(await reasons({ schoolId: randomUUID(), anonymous: true })).toBe('UNKNOWN_SCHOOL');
    expect(await reasons({ topicId: randomUUID(), anonymous: true })).toBe('UNKNOWN_TOPIC');
    expect(await reasons({ requester: { name: 'Rosa' } })).toBe('CONTACT_REQUIRED');
    expect(await reasons({ requester: { email: 'rosa@' } })).toBe('INVALID_EMAIL');
    expect(await reasons({ message: '   ', anonymous: true })).toBe('EMPTY_MESSAGE');
    expect(await reasons({ message: 'x'.repeat(20_001), anonymous: true })).toBe('MESSAGE_TOO_LONG');
    expect(await reasons({ language: 'klingonese', anonymous: true })).toBe('INVALID_LANGUAGE_TAG');
    expect(await count()).toBe(before);
  });

  it('refuses oversized text, NUL characters and ids that are not ids with BAD_USER_INPUT naming the field', async () => {
    const { caseNumber, trackingToken } = await submit();
    const id = await caseId(caseNumber);
    const written = async () =>
      (
        await database.dataSource.query(
          'SELECT (SELECT count(*) FROM case_message) + (SELECT count(*) FROM outbox_event) AS n',
        )
      )[0].n;
    const before = await written();
    const refusal = async (
      query: string,
      variables: Record<string, unknown>,
      principal: Principal = admin,
    ) => {
      const { errors } = await graphql(query, variables, principal);
      expect(errors).toHaveLength(1);
      return errors[0].extensions;
    };
    const CASES_SEARCH = 'query($s: String) { cases(filter: { search: $s }) { totalCount } }';
    // A search of 100 KB once held the database for seconds (twice: the count and the page).
    expect(await refusal(CASES_SEARCH, { s: 'late bus '.repeat(11_112) })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'STRING_TOO_LONG',
      details: [{ path: 'filter.search', message: 'at most 200 characters' }],
    });
    expect((await graphql(CASES_SEARCH, { s: 'late bus '.repeat(22) }, admin)).errors).toBeUndefined();
    // PostgreSQL text cannot hold U+0000: refused by name, not an INTERNAL error from the database.
    expect(
      await refusal(SUBMIT, { input: { message: 'Hello\u0000', anonymous: true } }, anonymous),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NUL_CHARACTER',
      details: [{ path: 'message' }],
    });
    expect(
      await refusal(
        'mutation($t: String!, $b: String!) { replyAsRequester(token: $t, body: $b) { number } }',
        {
          t: trackingToken,
          b: 'Thanks\u0000',
        },
        anonymous,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'body' }] });
    expect(
      await refusal(CASES_SEARCH.replace('search: $s', 'search: $s, tags: ["ok", "b\\u0000d"]'), {
        s: 'bus',
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'filter.tags.1' }] });
    // Every ID this subgraph takes is a UUID; anything else never reaches a query.
    expect(await refusal('query($id: ID) { case(id: $id) { id } }', { id: 'HR-2026-000001' })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id', message: 'not a valid id' }],
    });
    expect(
      await refusal('mutation($c: ID!, $b: String!) { replyToCase(caseId: $c, body: $b) { id } }', {
        c: '42',
        b: 'Hi',
      }),
    ).toMatchObject({ reason: 'INVALID_ID', details: [{ path: 'caseId' }] });
    expect(
      await refusal('mutation($c: ID!, $a: ID) { assignCase(caseId: $c, assigneeId: $a) { id } }', {
        c: id,
        a: 'me',
      }),
    ).toMatchObject({ reason: 'INVALID_ID', details: [{ path: 'assigneeId' }] });
    expect(
      await refusal(CASES_SEARCH.replace('search: $s', 'search: $s, schoolId: "lincoln"'), { s: 'bus' }),
    ).toMatchObject({
      reason: 'INVALID_ID',
      details: [{ path: 'filter.schoolId' }],
    });
    // A body up to its own, larger limit still reaches the domain, which keeps its finer reason.
    expect(
      await refusal('mutation($c: ID!, $b: String!) { addInternalNote(caseId: $c, body: $b) { id } }', {
        c: id,
        b: 'x'.repeat(20_001),
      }),
    ).toMatchObject({ reason: 'MESSAGE_TOO_LONG' });
    expect(await written()).toBe(before);
  });

  it('runs a case from reply to resolution, keeps notes internal, reopens on a reply and follows up after closing', async () => {
    const { caseNumber, trackingToken } = await submit({
      anonymous: false,
      requester: { name: 'Rosa', email: 'Rosa@Example.org' },
    });
    const id = await caseId(caseNumber);
    await graphql(
      'mutation($id: ID!) { replyToCase(caseId: $id, body: "We are sorry. The route is being fixed.") { direction } }',
      { id },
      agent,
    );
    await graphql(
      'mutation($id: ID!) { addInternalNote(caseId: $id, body: "Driver shortage on route 14.") { direction } }',
      { id },
      agent,
    );
    let tracked = (await graphql(TRACK, { t: trackingToken })).data.trackCase;
    expect(tracked.status).toBe('OPEN');
    expect(tracked.messages.map((m: Json) => m.direction)).toEqual(['INBOUND', 'OUTBOUND']);

    const staffView = (
      await graphql(
        'query($n: String) { case(number: $n) { status firstRespondedAt contact { email } messages { direction } timeline { kind } } }',
        { n: caseNumber },
        agent,
      )
    ).data.case;
    expect(staffView.contact.email).toBe('rosa@example.org');
    expect(staffView.firstRespondedAt).not.toBeNull();
    expect(staffView.messages.map((m: Json) => m.direction)).toEqual([
      'INBOUND',
      'OUTBOUND',
      'INTERNAL_NOTE',
    ]);
    expect(staffView.timeline.map((t: Json) => t.kind)).toEqual([
      'OPENED',
      'MESSAGE_RECEIVED',
      'UNROUTED',
      'REPLIED',
      'STATUS_CHANGED',
      'NOTE_ADDED',
    ]);

    await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
      { id },
      agent,
    );
    const resolved = await database.dataSource.query(
      `SELECT envelope FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2`,
      [id, CaseResolved.type],
    );
    expect(CaseResolved.schema.parse(resolved[0].envelope.data)).toMatchObject({
      caseId: id,
      number: caseNumber,
      anonymous: false,
      schoolId,
      // What the satisfaction survey decides on; the address itself stays here.
      survey: { reachableBy: ['EMAIL'], duplicate: false, optedOut: false },
    });
    expect(JSON.stringify(resolved[0].envelope)).not.toContain('rosa@example.org');

    tracked = (
      await graphql(
        'mutation($t: String!) { replyAsRequester(token: $t, body: "It happened again today.") { status } }',
        { t: trackingToken },
      )
    ).data.replyAsRequester;
    expect(tracked.status).toBe('OPEN');
    // Resolved again, this time without a survey (the agent's call).
    await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED, sendSurvey: false) { status } }',
      { id },
      agent,
    );
    const [again] = await database.dataSource.query(
      `SELECT envelope FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2
        ORDER BY position DESC LIMIT 1`,
      [id, CaseResolved.type],
    );
    expect(again.envelope.data.survey).toMatchObject({ optedOut: true });
    await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: CLOSED) { status } }',
      { id },
      agent,
    );
    const invalid = await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: OPEN) { status } }',
      { id },
      agent,
    );
    expect(invalid.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_STATUS_TRANSITION',
    });

    const followUp = (
      await graphql(
        'mutation($t: String!) { replyAsRequester(token: $t, body: "And again.") { status followUpNumber } }',
        { t: trackingToken },
      )
    ).data.replyAsRequester;
    expect(followUp.status).toBe('CLOSED');
    expect(followUp.followUpNumber).toMatch(/^HR-/);
    const [linked] = await database.dataSource.query(
      'SELECT follow_up_of_id, status FROM support_case WHERE number = $1',
      [followUp.followUpNumber],
    );
    expect(linked).toEqual({ follow_up_of_id: id, status: 'NEW' });
  });

  it("keeps cases to their schools' staff, and confidential cases from viewers", async () => {
    const { caseNumber } = await submit();
    const id = await caseId(caseNumber);
    const refused = await graphql(
      'mutation($id: ID!) { replyToCase(caseId: $id, body: "Hi") { id } }',
      { id },
      outsider,
    );
    expect(refused.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: caseNumber }, outsider)).data.case,
    ).toBeNull();
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: caseNumber }, viewer)).data.case
        .id,
    ).toBe(id);
    expect(
      (await graphql('mutation($id: ID!) { replyToCase(caseId: $id, body: "Hi") { id } }', { id }, viewer))
        .errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await graphql('{ cases(first: 5) { totalCount } }')).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );

    const confidential = (
      await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "A personnel matter.", schoolId: $s, confidential: true, contact: { phone: "512-555-0101" } }) { id number } }',
        { s: schoolId },
        admin,
      )
    ).data.createCase;
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: confidential.number }, viewer))
        .data.case,
    ).toBeNull();
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: confidential.number }, agent)).data
        .case,
    ).toBeNull();
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: confidential.number }, admin)).data
        .case.id,
    ).toBe(confidential.id);
    // The gateway fetches cases by reference too: the same visibility applies there.
    const ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id } } }';
    const representation = { r: [{ __typename: 'Case', id: confidential.id }] };
    expect((await graphql(ENTITY, representation, viewer)).data._entities).toEqual([null]);
    expect((await graphql(ENTITY, representation, agent)).data._entities).toEqual([null]);
    expect((await graphql(ENTITY, representation, admin)).data._entities).toEqual([{ id: confidential.id }]);
    expect((await graphql(ENTITY, { r: [{ __typename: 'Case', id }] }, outsider)).data._entities).toEqual([
      null,
    ]);
    expect((await graphql(ENTITY, { r: [{ __typename: 'Case', id }] }, agent)).data._entities).toEqual([
      { id },
    ]);
    const mine = await graphql(
      '{ cases(first: 100) { totalCount edges { node { school { id } } } } }',
      {},
      agent,
    );
    expect(mine.data.cases.edges.every((e: Json) => e.node.school?.id === schoolId)).toBe(true);
  });

  it('routes new cases by the first matching rule, round-robin within the team, skipping the unavailable', async () => {
    const teamId = randomUUID();
    const members = [randomUUID(), randomUUID(), randomUUID()].sort();
    const envelope = createEnvelope('directory', TeamChanged, {
      aggregateId: teamId,
      data: {
        teamId,
        name: 'Transportation desk',
        schoolId: null,
        active: true,
        members: members.map((personId, i) => ({ personId, available: i !== 1 })),
      },
    });
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: TeamChanged.topic,
      messages: [{ key: teamId, value: JSON.stringify(envelope) }],
    });
    await producer.disconnect();
    await waitUntil(
      'the team in the read model',
      async () =>
        (
          await database.dataSource.query(
            'SELECT count(*)::int AS n FROM known_team_member WHERE team_id = $1',
            [teamId],
          )
        )[0].n === 3,
      { timeoutMs: 60_000 },
    );

    const rule = async (name: string, conditions: Json, actions: Json, position?: number) =>
      (
        await graphql(
          'mutation($n: String!, $c: RoutingConditionsInput!, $a: RoutingActionsInput!, $p: Int) { createRoutingRule(name: $n, conditions: $c, actions: $a, position: $p) { id position } }',
          { n: name, c: conditions, a: actions, p: position },
          admin,
        )
      ).data.createRoutingRule;
    await rule('Buses to the transportation desk', { topicIds: [topicId] }, { teamId });
    await rule('Weapons are urgent', { keywords: ['gun', 'knife'] }, { priority: 'URGENT', teamId }, 1);
    const rules = (await graphql('{ routingRules { name position } }', {}, admin)).data.routingRules;
    expect(rules).toEqual([
      { name: 'Weapons are urgent', position: 1 },
      { name: 'Buses to the transportation desk', position: 2 },
    ]);

    const assigned: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { caseNumber } = await submit({ message: `The bus was late, day ${i}.` });
      const [row] = await database.dataSource.query(
        'SELECT team_id, assignee_id, priority FROM support_case WHERE number = $1',
        [caseNumber],
      );
      expect(row.team_id).toBe(teamId);
      expect(row.priority).toBe('NORMAL');
      assigned.push(row.assignee_id);
    }
    // The unavailable member (members[1]) is skipped; the two others alternate.
    expect(new Set(assigned)).toEqual(new Set([members[0], members[2]]));
    expect(assigned[0]).not.toBe(assigned[1]);
    expect(assigned[0]).toBe(assigned[2]);

    const { caseNumber } = await submit({
      message: 'A student said he has a knife in his backpack.',
      topicId: null,
    });
    const [urgent] = await database.dataSource.query(
      'SELECT id, priority, team_id FROM support_case WHERE number = $1',
      [caseNumber],
    );
    expect(urgent).toMatchObject({ priority: 'URGENT', team_id: teamId });
    const timeline = (
      await graphql(
        'query($n: String) { case(number: $n) { timeline { kind details } } }',
        { n: caseNumber },
        admin,
      )
    ).data.case.timeline;
    const routed = timeline.find((t: Json) => t.kind === 'ROUTED');
    expect(JSON.parse(routed.details).rule).toMatchObject({ name: 'Weapons are urgent', position: 1 });

    const { caseNumber: unrouted } = await submit({
      message: 'A question about the lunch menu.',
      topicId: null,
    });
    const unroutedTimeline = (
      await graphql('query($n: String) { case(number: $n) { timeline { kind } } }', { n: unrouted }, admin)
    ).data.case.timeline;
    expect(unroutedTimeline.map((t: Json) => t.kind)).toContain('UNROUTED');

    // The directory deactivates the team: its rules are passed over until it is back.
    const teamState = async (active: boolean) => {
      const producer = testKafka().producer();
      await producer.connect();
      const changed = createEnvelope('directory', TeamChanged, {
        aggregateId: teamId,
        data: {
          teamId,
          name: 'Transportation desk',
          schoolId: null,
          active,
          members: active ? [{ personId: members[0]!, available: true }] : [],
        },
      });
      await producer.send({
        topic: TeamChanged.topic,
        messages: [{ key: teamId, value: JSON.stringify(changed) }],
      });
      await producer.disconnect();
      await waitUntil(
        `the team ${active ? 'back' : 'retired'} in the read model`,
        async () =>
          (await database.dataSource.query('SELECT 1 FROM retired_team WHERE team_id = $1', [teamId]))
            .length === (active ? 0 : 1),
        { timeoutMs: 60_000 },
      );
    };
    const teamOf = async (message: string) => {
      const { caseNumber: number } = await submit({ message });
      const [row] = await database.dataSource.query('SELECT team_id FROM support_case WHERE number = $1', [
        number,
      ]);
      return row.team_id as string | null;
    };
    await teamState(false);
    expect(await teamOf('The bus was late again.')).toBeNull();
    await teamState(true);
    expect(await teamOf('The bus was late once more.')).toBe(teamId);

    for (const r of (await graphql('{ routingRules { id } }', {}, admin)).data.routingRules) {
      await graphql('mutation($id: ID!) { deleteRoutingRule(id: $id) }', { id: r.id }, admin);
    }
  });

  it('edits, switches off and on, and reorders routing rules, and the next case follows them', async () => {
    const RULE = 'id name position active conditions { keywords } actions { tags }';
    const create = async (name: string, keywords: string[], tags: string[]) =>
      (
        await graphql(
          'mutation($n: String!, $c: RoutingConditionsInput!, $a: RoutingActionsInput!) { createRoutingRule(name: $n, conditions: $c, actions: $a) { id } }',
          { n: name, c: { keywords }, a: { tags } },
          admin,
        )
      ).data.createRoutingRule.id as string;
    const update = (id: string, input: Json, principal: Principal = admin) =>
      graphql(
        `mutation($id: ID!, $input: UpdateRoutingRuleInput!) { updateRoutingRule(id: $id, input: $input) { ${RULE} } }`,
        { id, input },
        principal,
      );
    const move = (id: string, position: number, principal: Principal = admin) =>
      graphql(
        'mutation($id: ID!, $p: Int!) { moveRoutingRule(id: $id, position: $p) { name position } }',
        { id, p: position },
        principal,
      );
    const listed = async () => (await graphql(`{ routingRules { ${RULE} } }`, {}, admin)).data.routingRules;
    /** The name of the rule that routed a new case with this message, or null when none did. */
    const routedBy = async (message: string): Promise<string | null> => {
      const { caseNumber } = await submit({ message, topicId: null });
      const timeline = (
        await graphql(
          'query($n: String) { case(number: $n) { timeline { kind details } } }',
          { n: caseNumber },
          admin,
        )
      ).data.case.timeline;
      const routed = timeline.find((t: Json) => t.kind === 'ROUTED');
      return routed ? JSON.parse(routed.details).rule.name : null;
    };

    const trips = await create('Field trips', ['field trip'], ['trips']);
    const slips = await create('Permission slips', ['permission slip'], ['slips']);
    const lunch = await create('Lunch', ['lunch'], ['lunch']);
    expect(await routedBy('When does the field trip leave?')).toBe('Field trips');

    // New conditions: the next case follows them, and what the edit omits stays.
    const edited = await update(trips, { conditions: { keywords: ['excursion'] } });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateRoutingRule).toEqual({
      id: trips,
      name: 'Field trips',
      position: 1,
      active: true,
      conditions: { keywords: ['excursion'] },
      actions: { tags: ['trips'] },
    });
    expect(await routedBy('When does the field trip leave?')).toBeNull();
    expect(await routedBy('Is the museum excursion on Friday?')).toBe('Field trips');

    // Switched off, the rule is kept where it was but routes nothing; switched on, it routes again.
    expect((await update(trips, { active: false })).data.updateRoutingRule).toMatchObject({
      active: false,
      position: 1,
      conditions: { keywords: ['excursion'] },
    });
    expect((await listed()).map((r: Json) => [r.name, r.active])).toEqual([
      ['Field trips', false],
      ['Permission slips', true],
      ['Lunch', true],
    ]);
    expect(await routedBy('Is the museum excursion on Friday?')).toBeNull();
    await update(trips, { active: true });
    expect(await routedBy('Is the museum excursion on Friday?')).toBe('Field trips');

    // Moved above another, a rule is the first match; positions stay 1..n, and beyond the ends clamps.
    const both = 'I lost the permission slip for the excursion.';
    expect(await routedBy(both)).toBe('Field trips');
    expect((await move(slips, 1)).data.moveRoutingRule).toEqual([
      { name: 'Permission slips', position: 1 },
      { name: 'Field trips', position: 2 },
      { name: 'Lunch', position: 3 },
    ]);
    expect(await routedBy(both)).toBe('Permission slips');
    expect((await move(slips, 99)).data.moveRoutingRule).toEqual([
      { name: 'Field trips', position: 1 },
      { name: 'Lunch', position: 2 },
      { name: 'Permission slips', position: 3 },
    ]);
    expect((await move(lunch, -5)).data.moveRoutingRule).toEqual([
      { name: 'Lunch', position: 1 },
      { name: 'Field trips', position: 2 },
      { name: 'Permission slips', position: 3 },
    ]);
    expect(await routedBy(both)).toBe('Field trips');

    // Bad input, unknown ids and other roles are refused with typed errors, and change nothing.
    const before = await listed();
    const refusal = async (pending: Promise<Json>) => {
      const { data, errors } = await pending;
      expect(data).toBeNull();
      return errors[0].extensions;
    };
    expect(await refusal(update(trips, { name: '  ', active: false }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ path: 'name', message: 'required' }],
    });
    expect(await refusal(update(trips, { actions: { tags: [] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'EMPTY_RULE_ACTIONS',
      details: [{ path: 'actions' }],
    });
    expect(await refusal(update(trips, { actions: { tags: ['trips', '#!'] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TAG',
      details: [{ path: 'actions.tags.1' }],
    });
    const unknown = randomUUID();
    expect(await refusal(update(unknown, { active: false }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ROUTING_RULE_NOT_FOUND',
    });
    expect(await refusal(move(unknown, 1))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ROUTING_RULE_NOT_FOUND',
    });
    // An id that is not one is malformed input, refused before any rule is looked up.
    expect(await refusal(update('not-an-id', { active: false }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id' }],
    });
    expect(await refusal(move('not-an-id', 1))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
    });
    expect((await refusal(update(trips, { active: false }, agent))).code).toBe('FORBIDDEN');
    expect((await refusal(move(trips, 3, agent))).code).toBe('FORBIDDEN');
    expect(await listed()).toEqual(before);

    for (const id of [trips, slips, lunch]) {
      await graphql('mutation($id: ID!) { deleteRoutingRule(id: $id) }', { id }, admin);
    }
  });

  it('makes a case that raises a safety concern URGENT and says why', async () => {
    const { caseNumber } = await submit({
      message: 'A boy on the bus said he will bring a gun to school tomorrow.',
      topicId: null,
    });
    const flagged = (
      await graphql(
        'query($n: String) { case(number: $n) { priority timeline { kind details } } }',
        { n: caseNumber },
        admin,
      )
    ).data.case;
    expect(flagged.priority).toBe('URGENT');
    const entry = flagged.timeline.find((t: Json) => t.kind === 'SAFETY_CONCERN');
    expect(JSON.parse(entry.details).concerns).toEqual([{ category: 'WEAPON', evidence: 'bring a gun' }]);
    // The school's administrators are told, by an event that carries no words of the requester.
    const id = await caseId(caseNumber);
    const [alert] = await eventsOf(id, CaseAlertRaised.type);
    expect(alert!.data).toMatchObject({
      kind: 'SAFETY_CONCERN',
      categories: ['WEAPON'],
      audience: { kind: 'SCHOOL_ADMINISTRATORS', schoolId },
    });
    expect(JSON.stringify(alert)).not.toContain('gun');
  });

  it('classifies the topic and sentiment of a new case, and learns from the topic staff correct', async () => {
    const CASE =
      'query($n: String) { case(number: $n) { id topic { name } sentiment sentimentScore timeline { kind details } } }';
    const first = (
      await graphql(
        CASE,
        {
          n: (
            await submit({
              message: 'My daughter cannot log in to the Zentrix homework hub again',
              topicId: null,
            })
          ).caseNumber,
        },
        admin,
      )
    ).data.case;
    expect(first.topic.name).toBe('Homework');
    const classified = JSON.parse(first.timeline.find((t: Json) => t.kind === 'TOPIC_CLASSIFIED').details);
    expect(classified).toMatchObject({ topic: 'Homework', confidence: expect.any(Number) });
    expect(classified.evidence.length).toBeGreaterThan(0);
    const praise = (
      await graphql(
        CASE,
        { n: (await submit({ message: 'Thank you so much, Ms. Lopez is wonderful!' })).caseNumber },
        admin,
      )
    ).data.case;
    expect(praise.sentiment).toBe('POSITIVE');
    expect(praise.sentimentScore).toBeGreaterThan(0.3);

    const [technology] = await database.dataSource.query(`SELECT id FROM topic WHERE name = 'Technology'`);
    const UPDATE =
      'mutation($id: ID!, $input: UpdateCaseInput!) { updateCase(caseId: $id, input: $input) { topic { name } priority } }';
    const unknown = await graphql(UPDATE, { id: first.id, input: { topicId: randomUUID() } }, agent);
    expect(unknown.errors[0].extensions.reason).toBe('UNKNOWN_TOPIC');
    const corrected = await graphql(
      UPDATE,
      { id: first.id, input: { topicId: technology.id, priority: 'HIGH' } },
      agent,
    );
    expect(corrected.data.updateCase).toEqual({ topic: { name: 'Technology' }, priority: 'HIGH' });
    const [entry] = await database.dataSource.query(
      `SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'UPDATED'`,
      [first.id],
    );
    expect(entry.details.to).toEqual({ topicId: technology.id, priority: 'HIGH' });
    // The district's own correction now decides similar messages.
    const next = (
      await graphql(
        CASE,
        {
          n: (await submit({ message: 'Zentrix hub will not let my son log in', topicId: null })).caseNumber,
        },
        admin,
      )
    ).data.case;
    expect(next.topic.name).toBe('Technology');
  });

  it('alerts the team of an administrator-managed keyword category, and only on whole words', async () => {
    const teamId = randomUUID();
    const SAVE =
      'mutation($id: ID, $input: AlertCategoryInput!) { saveAlertCategory(id: $id, input: $input) { id name keywords teamId } }';
    const refused = await graphql(SAVE, { input: { name: 'Gas', keywords: ['gas leak'], teamId } }, agent);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await graphql(SAVE, { input: { name: 'Gas', keywords: ['ok'] } }, admin);
    expect(bad.errors[0].extensions.reason).toBe('INVALID_KEYWORD');
    const category = (
      await graphql(
        SAVE,
        { input: { name: `Building emergency ${teamId}`, keywords: ['Gas leak', 'fuga de gas'], teamId } },
        admin,
      )
    ).data.saveAlertCategory;
    expect(category.keywords).toEqual(['gas leak', 'fuga de gas']);

    const quiet = await caseId(
      (await submit({ message: 'The gasoline smell from the buses is leaking in.' })).caseNumber,
    );
    const loud = await caseId((await submit({ message: 'Hay una FUGA de gas en la cafetería!' })).caseNumber);
    const timelineOf = async (id: string) =>
      (await graphql('query($id: ID) { case(id: $id) { timeline { kind details } } }', { id }, admin)).data
        .case.timeline;
    expect((await timelineOf(quiet)).some((t: Json) => t.kind === 'CRITICAL_ALERT')).toBe(false);
    const fired = (await timelineOf(loud)).find((t: Json) => t.kind === 'CRITICAL_ALERT');
    expect(JSON.parse(fired.details)).toEqual({ category: category.name, matched: ['fuga de gas'], teamId });
    const [alert] = await eventsOf(loud, CaseAlertRaised.type);
    expect(alert!.data).toMatchObject({ kind: 'CRITICAL_KEYWORD', audience: { kind: 'TEAM', teamId } });
    await graphql('mutation($id: ID!) { deleteAlertCategory(id: $id) }', { id: category.id }, admin);
  });

  it('tags, watches and links cases, and a watcher named on a confidential case may open it', async () => {
    const a = await caseId((await submit()).caseNumber);
    const b = await caseId((await submit()).caseNumber);
    const tagged = await graphql(
      'mutation($id: ID!) { updateCaseTags(caseId: $id, add: ["Bus 14", "late"], remove: []) { tags } }',
      { id: a },
      agent,
    );
    expect(tagged.data.updateCaseTags.tags).toEqual(['bus-14', 'late']);
    const badTag = await graphql(
      'mutation($id: ID!) { updateCaseTags(caseId: $id, add: ["#x"]) { tags } }',
      { id: a },
      agent,
    );
    expect(badTag.errors[0].extensions.reason).toBe('INVALID_TAG');
    const byTag = await graphql(
      '{ cases(filter: { tags: ["BUS 14"] }, first: 50) { edges { node { id } } } }',
      {},
      agent,
    );
    expect(byTag.data.cases.edges.map((e: Json) => e.node.id)).toEqual([a]);

    await graphql('mutation($id: ID!) { watchCase(caseId: $id) { id } }', { id: a }, agent);
    const someoneElse = await graphql(
      'mutation($id: ID!, $u: ID) { watchCase(caseId: $id, userId: $u) { id } }',
      { id: a, u: randomUUID() },
      agent,
    );
    expect(someoneElse.errors[0].extensions.reason).toBe('WATCHER_NOT_SELF');
    const watched = await graphql(
      '{ cases(filter: { watchedByMe: true }, first: 10) { edges { node { id watchers { id } } } } }',
      {},
      agent,
    );
    expect(watched.data.cases.edges.map((e: Json) => e.node)).toEqual([
      { id: a, watchers: [{ id: agent.subject }] },
    ]);

    await graphql(
      'mutation($a: ID!, $b: ID!) { linkCases(caseId: $a, otherCaseId: $b, kind: RELATED) { id } }',
      { a, b },
      agent,
    );
    const linked = await graphql(
      'query($id: ID) { case(id: $id) { links { kind direction caseId } } }',
      { id: b },
      agent,
    );
    expect(linked.data.case.links).toEqual([{ kind: 'RELATED', direction: 'INCOMING', caseId: a }]);
    const self = await graphql(
      'mutation($a: ID!) { linkCases(caseId: $a, otherCaseId: $a, kind: RELATED) { id } }',
      { a },
      agent,
    );
    expect(self.errors[0].extensions.reason).toBe('LINK_TO_SELF');

    // A confidential case at another school: the agent cannot open it until an administrator names them.
    const secret = (
      await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "A personnel matter.", schoolId: $s, confidential: true, contact: { phone: "512-555-0102" } }) { id } }',
        { s: otherSchoolId },
        admin,
      )
    ).data.createCase.id;
    const open = () => graphql('query($id: ID) { case(id: $id) { id } }', { id: secret }, agent);
    expect((await open()).data.case).toBeNull();
    await graphql(
      'mutation($id: ID!, $u: ID) { watchCase(caseId: $id, userId: $u) { id } }',
      { id: secret, u: agent.subject },
      admin,
    );
    expect((await open()).data.case).toEqual({ id: secret });
  });

  it('merges a duplicate into the case that leads: messages, tags and watchers move, the requester follows', async () => {
    const lead = await submit({ message: 'Bus 7 never came today.' });
    const duplicate = await submit({ message: 'Where was bus 7 this morning?' });
    const [leadId, duplicateId] = [await caseId(lead.caseNumber), await caseId(duplicate.caseNumber)];
    await graphql(
      'mutation($id: ID!) { updateCaseTags(caseId: $id, add: ["bus-7"]) { id } }',
      { id: duplicateId },
      agent,
    );
    await graphql('mutation($id: ID!) { watchCase(caseId: $id) { id } }', { id: duplicateId }, agent);
    const MERGE =
      'mutation($a: ID!, $b: ID!) { mergeCases(caseId: $a, intoCaseId: $b, reason: "same bus, same morning") { id tags watchers { id } messages { body } } }';
    const merged = (await graphql(MERGE, { a: duplicateId, b: leadId }, agent)).data.mergeCases;
    expect(merged.id).toBe(leadId);
    expect(merged.tags).toEqual(['bus-7']);
    expect(merged.watchers).toEqual([{ id: agent.subject }]);
    expect(merged.messages.map((m: Json) => m.body)).toEqual([
      'Bus 7 never came today.',
      'Where was bus 7 this morning?',
    ]);
    const gone = (
      await graphql(
        'query($id: ID) { case(id: $id) { status mergedIntoId links { kind direction caseId } } }',
        { id: duplicateId },
        agent,
      )
    ).data.case;
    expect(gone).toEqual({
      status: 'CLOSED',
      mergedIntoId: leadId,
      links: [{ kind: 'DUPLICATE_OF', direction: 'OUTGOING', caseId: leadId }],
    });
    expect((await graphql(MERGE, { a: duplicateId, b: leadId }, agent)).errors[0].extensions.reason).toBe(
      'ALREADY_MERGED',
    );
    // The duplicate's requester answers through their old link: the reply reaches the surviving case.
    await graphql('mutation($t: String!) { replyAsRequester(token: $t, body: "Any news?") { number } }', {
      t: duplicate.trackingToken,
    });
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM case_message WHERE case_id = $1 AND body = 'Any news?'`,
      [leadId],
    );
    expect(n).toBe(1);
    const [event] = await eventsOf(leadId, CaseMerged.type);
    expect(event!.data.mergedCaseId).toBe(duplicateId);
    expect(event!.data.survivorCaseId).toBe(leadId);
  });

  it('recognises a requester by email or phone from the directory, and follows its merges', async () => {
    const [guardian, duplicate, sharedA, sharedB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const email = `${uniqueName('parent', '.')}@example.org`;
    const person = (personId: string, keys: string[]) =>
      createEnvelope('directory', PersonCreated, {
        aggregateId: personId,
        data: { ...PersonCreated.fixture, personId, schoolIds: [schoolId], contactKeys: keys },
      });
    const producer = testKafka().producer();
    await producer.connect();
    for (const [id, keys] of [
      [guardian, [contactKey(email)]],
      [duplicate, []],
      [sharedA, [contactKey('+15125550199')]],
      [sharedB, [contactKey('+15125550199')]],
    ] as const) {
      await producer.send({
        topic: PersonCreated.topic,
        messages: [{ key: id, value: JSON.stringify(person(id, [...keys])) }],
      });
    }
    await waitUntil(
      'the people in the read model',
      async () =>
        (
          await database.dataSource.query('SELECT count(*)::int AS n FROM known_person WHERE id = ANY($1)', [
            [guardian, duplicate, sharedA, sharedB],
          ])
        )[0].n === 4,
      { timeoutMs: 60_000 },
    );
    const REQUESTER =
      'query($n: String) { case(number: $n) { requester { id } requesterCandidate { id } timeline { kind } } }';
    // Anyone can type a guardian's address into the public form: the match is a candidate until confirmed.
    const byEmail = (await submit({ anonymous: false, requester: { email: email.toUpperCase() } }))
      .caseNumber;
    const typed = (await graphql(REQUESTER, { n: byEmail }, admin)).data.case;
    expect([typed.requester, typed.requesterCandidate]).toEqual([null, { id: guardian }]);
    expect((await eventsOf(await caseId(byEmail), CaseOpened.type))[0]!.data).toMatchObject({
      requesterId: null,
    });
    // Staff who took the call match at once; SLA policies may depend on who wrote: the event says it.
    const byCall = (
      await graphql(
        'mutation($e: String) { createCase(input: { channel: PHONE, description: "Called about the bus.", contact: { email: $e } }) { number } }',
        { e: email },
        admin,
      )
    ).data.createCase.number;
    expect((await graphql(REQUESTER, { n: byCall }, admin)).data.case.requester).toEqual({ id: guardian });
    const [opened] = await eventsOf(await caseId(byCall), CaseOpened.type);
    expect(opened!.data).toMatchObject({ requesterId: guardian, requesterKind: 'GUARDIAN' });
    // A family phone shared by two guardians names nobody rather than the wrong one.
    const byPhone = (await submit({ anonymous: false, requester: { phone: '(512) 555-0199' } })).caseNumber;
    const ambiguous = (await graphql(REQUESTER, { n: byPhone }, admin)).data.case;
    expect(ambiguous.requester).toBeNull();
    expect(ambiguous.timeline.map((t: Json) => t.kind)).toContain('REQUESTER_AMBIGUOUS');
    // Staff may only name people the directory told us about.
    const unknown = await graphql(
      'mutation($p: ID) { createCase(input: { channel: PHONE, description: "Call back", requesterId: $p }) { id } }',
      { p: randomUUID() },
      agent,
    );
    expect(unknown.errors[0].extensions.reason).toBe('UNKNOWN_REQUESTER');

    // The directory merges the guardian into another record: their cases follow, without a call to it.
    const producer2 = testKafka().producer();
    await producer2.connect();
    await producer2.send({
      topic: PeopleMerged.topic,
      messages: [
        {
          key: duplicate,
          value: JSON.stringify(
            createEnvelope('directory', PeopleMerged, {
              aggregateId: duplicate,
              data: { survivorId: duplicate, mergedId: guardian },
            }),
          ),
        },
      ],
    });
    await producer2.disconnect();
    await producer.disconnect();
    await waitUntil(
      'the case relinked to the surviving person',
      async () => (await graphql(REQUESTER, { n: byCall }, admin)).data.case.requester?.id === duplicate,
      { timeoutMs: 60_000 },
    );
    const timeline = (await graphql(REQUESTER, { n: byCall }, admin)).data.case.timeline.map(
      (t: Json) => t.kind,
    );
    expect(timeline).toContain('REQUESTER_RELINKED');
    // A candidate not yet confirmed follows the merge too.
    expect((await graphql(REQUESTER, { n: byEmail }, admin)).data.case.requesterCandidate).toEqual({
      id: duplicate,
    });
  });

  it('sorts the inbox newest, oldest, by priority or by last change, and pages each with its own cursor', async () => {
    const school = randomUUID();
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Sorting Middle', 'America/Chicago', true)`,
      [school],
    );
    const ids: string[] = [];
    for (const priority of ['LOW', 'URGENT', 'NORMAL', 'URGENT']) {
      const created = await graphql(
        'mutation($s: ID, $p: Priority) { createCase(input: { channel: PHONE, description: "Sorting", schoolId: $s, priority: $p, contact: { phone: "512-555-0110" } }) { id } }',
        { s: school, p: priority },
        admin,
      );
      ids.push(created.data.createCase.id);
    }
    // Creation times a minute apart, oldest first; the third case changed last.
    for (const [i, id] of ids.entries()) {
      await database.dataSource.query(
        'UPDATE support_case SET created_at = $2, updated_at = $3 WHERE id = $1',
        [id, new Date(Date.UTC(2026, 9, 1, 12, i)), new Date(Date.UTC(2026, 9, 1, 13, i === 2 ? 30 : i))],
      );
    }
    const PAGE =
      'query($s: ID, $sort: CaseSort, $after: String) { cases(filter: { schoolId: $s }, first: 2, sort: $sort, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const all = async (sort: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Json = (await graphql(PAGE, { s: school, sort, after }, admin)).data.cases;
        seen.push(...page.edges.map((e: Json) => e.node.id));
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor;
      }
    };
    const [low, urgent1, normal, urgent2] = ids as [string, string, string, string];
    expect(await all('NEWEST')).toEqual([urgent2, normal, urgent1, low]);
    expect(await all('OLDEST')).toEqual([low, urgent1, normal, urgent2]);
    expect(await all('PRIORITY')).toEqual([urgent1, urgent2, normal, low]);
    expect(await all('RECENTLY_UPDATED')).toEqual([normal, urgent2, urgent1, low]);
    const first = (await graphql(PAGE, { s: school, sort: 'OLDEST', after: null }, admin)).data.cases;
    const mixed = await graphql(PAGE, { s: school, sort: 'NEWEST', after: first.pageInfo.endCursor }, admin);
    expect(mixed.errors[0].extensions.reason).toBe('CURSOR_SORT_MISMATCH');
  });

  it('lists the inbox views: my teams, my schools, unassigned, and breaching soon, nearest deadline first, until met', async () => {
    const school = randomUUID();
    const team = randomUUID();
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Views Elementary', 'America/Chicago', true)`,
      [school],
    );
    const member: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: school });
    await database.dataSource.query(
      'INSERT INTO known_team_member (team_id, person_id, available) VALUES ($1, $2, true)',
      [team, member.kind === 'user' ? member.subject : ''],
    );
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const created = await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "Views", schoolId: $s, contact: { phone: "512-555-0111" } }) { id } }',
        { s: school },
        admin,
      );
      ids.push(created.data.createCase.id);
    }
    const [teamCase, assigned, resolving, unanswered] = ids as [string, string, string, string];
    await database.dataSource.query(
      'UPDATE support_case SET team_id = $2, assignee_id = NULL WHERE id = $1',
      [teamCase, team],
    );
    await database.dataSource.query('UPDATE support_case SET assignee_id = $2 WHERE id = $1', [
      assigned,
      randomUUID(),
    ]);
    const LIST =
      'query($f: CaseFilter, $sort: CaseSort, $after: String) { cases(filter: $f, first: 2, sort: $sort, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const list = async (filter: Json, principal: Principal = member, sort = 'NEWEST') => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const result: Json = await graphql(LIST, { f: filter, sort, after }, principal);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        seen.push(...result.data.cases.edges.map((e: Json) => e.node.id));
        if (!result.data.cases.pageInfo.hasNextPage) return seen;
        after = result.data.cases.pageInfo.endCursor;
      }
    };
    expect(await list({ myTeams: true })).toEqual([teamCase]);
    expect((await list({ mySchools: true })).sort()).toEqual([...ids].sort());
    expect(await list({ mySchools: true }, outsider)).toEqual([]);
    expect(await list({ schoolId: school, myTeams: true }, admin)).toEqual([]);
    expect((await list({ schoolId: school, unassigned: true })).sort()).toEqual(
      [teamCase, resolving, unanswered].sort(),
    );

    // The SLA service warns about two cases and sees a third breach.
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const producer = testKafka().producer();
    await producer.connect();
    const send = async (contract: typeof SlaWarning | typeof SlaBreached, data: Json) =>
      producer.send({
        topic: contract.topic,
        messages: [
          {
            key: data.caseId,
            value: JSON.stringify(createEnvelope('slas', contract, { aggregateId: data.caseId, data })),
          },
        ],
      });
    await send(SlaWarning, {
      ...SlaWarning.fixture,
      caseId: resolving,
      timerKind: 'RESOLUTION',
      dueAt: at(120),
    });
    await send(SlaWarning, { ...SlaWarning.fixture, caseId: unanswered, dueAt: at(60) });
    await send(SlaBreached, { ...SlaBreached.fixture, caseId: teamCase, dueAt: at(-10), breachedAt: at(-9) });
    const warnings = (id: string) =>
      database.dataSource
        .query(`SELECT count(*)::int AS n FROM case_timeline WHERE case_id = $1 AND kind LIKE 'SLA_%'`, [id])
        .then((rows: Json) => rows[0].n as number);
    await waitUntil(
      'the three SLA events handled',
      async () =>
        (await warnings(resolving)) + (await warnings(unanswered)) + (await warnings(teamCase)) === 3,
      { timeoutMs: 60_000 },
    );
    const atRisk = { schoolId: school, slaAtRisk: true };
    expect(await list(atRisk, member, 'SLA_DUE')).toEqual([teamCase, unanswered, resolving]);
    // Cases without a warned deadline come after every dated one, in the same order across pages.
    const everything = await list({ schoolId: school }, member, 'SLA_DUE');
    expect(everything.slice(0, 3)).toEqual([teamCase, unanswered, resolving]);
    expect(everything.slice(3)).toEqual([assigned]);

    // A reply meets the response timer, resolving meets the resolution timer.
    const replied = await graphql(
      'mutation($c: ID!) { replyToCase(caseId: $c, body: "We are on it.") { id } }',
      { c: unanswered },
      admin,
    );
    expect(replied.errors).toBeUndefined();
    const resolved = await graphql(
      'mutation($c: ID!) { setCaseStatus(caseId: $c, status: RESOLVED) { status } }',
      { c: resolving },
      admin,
    );
    expect(resolved.errors).toBeUndefined();
    expect(await list(atRisk, member, 'SLA_DUE')).toEqual([teamCase]);

    // A warning that a reply overtook on its way here lists nothing.
    await send(SlaWarning, { ...SlaWarning.fixture, caseId: unanswered, dueAt: at(60) });
    await producer.disconnect();
    await waitUntil('the late warning handled', async () => (await warnings(unanswered)) === 2, {
      timeoutMs: 60_000,
    });
    expect(await list(atRisk, member, 'SLA_DUE')).toEqual([teamCase]);
  });

  it('measures contacts per day, response and resolution times, backlog and reopen rate', async () => {
    // A fresh school, so that only this test's cases count.
    const school = randomUUID();
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Metrics Elementary', 'America/Chicago', true)`,
      [school],
    );
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(await caseId((await submit({ schoolId: school, message: `Metrics case ${i}` })).caseNumber));
    const day = (offset: number, minutes = 0) => new Date(Date.UTC(2026, 10, 2 + offset, 15, minutes));
    // Backdate: opened on two days, answered after 30 and 90 minutes, one resolved after 4 hours.
    await database.dataSource.query(
      'UPDATE support_case SET created_at = $2, first_responded_at = $3 WHERE id = $1',
      [ids[0], day(0), day(0, 30)],
    );
    await database.dataSource.query(
      'UPDATE support_case SET created_at = $2, first_responded_at = $3, resolved_at = $4, status = $5 WHERE id = $1',
      [ids[1], day(0), day(0, 90), new Date(day(0).getTime() + 4 * 3_600_000), 'RESOLVED'],
    );
    await database.dataSource.query(
      `UPDATE support_case SET created_at = $2, channel = 'PHONE' WHERE id = $1`,
      [ids[2], day(1)],
    );
    await database.dataSource.query(
      `INSERT INTO case_timeline (case_id, kind, actor, details) VALUES ($1, 'STATUS_CHANGED', 'staff', '{"from": "OPEN", "to": "RESOLVED"}'), ($1, 'STATUS_CHANGED', 'staff', '{"from": "RESOLVED", "to": "OPEN"}')`,
      [ids[1]],
    );
    const query =
      'query($s: ID, $f: DateTime!, $t: DateTime!) { caseMetrics(range: { from: $f, to: $t }, schoolId: $s) { total perDay { day total byChannel { channel count } } byTopic { topicId count } bySchool { schoolId count } firstResponse { count meanMinutes medianMinutes p90Minutes } resolution { count medianMinutes } backlog resolved reopened reopenRate } }';
    const metrics = (
      await graphql(query, { s: school, f: '2026-11-01T00:00:00Z', t: '2026-11-10T00:00:00Z' }, viewer)
    ).data.caseMetrics;
    expect(metrics).toEqual({
      total: 3,
      perDay: [
        { day: '2026-11-02', total: 2, byChannel: [{ channel: 'WEB_FORM', count: 2 }] },
        { day: '2026-11-03', total: 1, byChannel: [{ channel: 'PHONE', count: 1 }] },
      ],
      byTopic: [{ topicId, count: 3 }],
      bySchool: [{ schoolId: school, count: 3 }],
      firstResponse: { count: 2, meanMinutes: 60, medianMinutes: 60, p90Minutes: 84 },
      resolution: { count: 1, medianMinutes: 240 },
      backlog: 2,
      resolved: 1,
      reopened: 1,
      reopenRate: 1,
    });
    // Another school's figures are its own staff's (ADR 17).
    const outside = await graphql(
      query,
      { s: school, f: '2026-11-01T00:00:00Z', t: '2026-11-10T00:00:00Z' },
      outsider,
    );
    expect(outside.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await graphql(
      query,
      { s: school, f: '2026-11-10T00:00:00Z', t: '2026-11-01T00:00:00Z' },
      viewer,
    );
    expect(bad.errors[0].extensions.reason).toBe('INVALID_RANGE');
  });

  it('finds the topic whose contacts jump above its own baseline', async () => {
    const [{ id: routeTopic }] = await database.dataSource.query(
      `SELECT id FROM topic WHERE name = 'Bus stop or route'`,
    );
    const [{ id: steadyTopic }] = await database.dataSource.query(
      `SELECT id FROM topic WHERE name = 'Menu and allergies'`,
    );
    // Four weeks of history: one route complaint a day, then 9 and 8 in the last two days; menus steady at 3.
    const insert = (topic: string, daysAgo: number, count: number) =>
      database.dataSource.query(
        `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, contact, language, tracking_token_hash, version, created_at)
         SELECT gen_random_uuid(), 'EI-' || md5(random()::text), 'history', 'WEB_FORM', 'RESOLVED', 'NORMAL', $1, $2,
                '{"name": null, "email": null, "phone": null}', 'en', md5(random()::text), 1, now() - make_interval(days => $3) - interval '1 minute'
           FROM generate_series(1, $4)`,
        [topic, schoolId, daysAgo, count],
      );
    for (let day = 2; day < 30; day += 1) {
      await insert(routeTopic, day, 1);
      await insert(steadyTopic, day, 3);
    }
    await insert(routeTopic, 1, 9);
    await insert(routeTopic, 0, 8);
    await insert(steadyTopic, 1, 3);
    await insert(steadyTopic, 0, 4);
    const issues = (
      await graphql(
        '{ emergingIssues { topic { name } observed expected zScore daily topSchools { schoolId count } } }',
        {},
        viewer,
      )
    ).data.emergingIssues;
    const route = issues.find((i: Json) => i.topic.name === 'Bus stop or route');
    expect(route).toMatchObject({ observed: 17, expected: 2, topSchools: [{ schoolId, count: 17 }] });
    expect(route.zScore).toBeGreaterThan(3);
    expect(route.daily.slice(-2)).toEqual([9, 8]);
    expect(issues.some((i: Json) => i.topic.name === 'Menu and allergies')).toBe(false);
  });

  it('escalates on SLA events and opens one follow-up for a low satisfaction score, however often it arrives', async () => {
    const id = await caseId(
      (await submit({ message: 'Nobody has answered about the bus.', topicId: null })).caseNumber,
    );
    const resolvedId = await caseId(
      (await submit({ message: 'Thanks for nothing.', topicId: null })).caseNumber,
    );
    const producer = testKafka().producer();
    await producer.connect();
    const send = async (
      contract: typeof SlaWarning | typeof SlaBreached | typeof LowSatisfactionReported,
      data: Json,
      times = 1,
    ) => {
      const envelope = createEnvelope(contract.topic.split('.')[0]!, contract, {
        aggregateId: data.caseId,
        data,
      });
      for (let i = 0; i < times; i += 1)
        await producer.send({
          topic: contract.topic,
          messages: [{ key: data.caseId, value: JSON.stringify(envelope) }],
        });
    };
    const policy = await graphql(
      'mutation($p: [ID!]!) { setEscalationPolicy(trigger: SLA_WARNING, raisePriority: false, notifyPersonIds: $p) { trigger notifyPersonIds } }',
      { p: [admin.kind === 'user' ? admin.subject : ''] },
      admin,
    );
    expect(policy.data.setEscalationPolicy.notifyPersonIds).toHaveLength(1);
    await send(SlaWarning, { ...SlaWarning.fixture, caseId: id });
    await send(SlaBreached, { ...SlaBreached.fixture, caseId: id });
    await send(
      LowSatisfactionReported,
      { ...LowSatisfactionReported.fixture, caseId: resolvedId, score: 2 },
      2,
    );
    await producer.disconnect();

    await waitUntil(
      'the SLA breach on the timeline',
      async () =>
        (
          await database.dataSource.query(
            `SELECT count(*)::int AS n FROM case_timeline WHERE case_id = $1 AND kind = 'SLA_BREACHED'`,
            [id],
          )
        )[0].n === 1,
      { timeoutMs: 60_000 },
    );
    const [escalated] = await database.dataSource.query('SELECT priority FROM support_case WHERE id = $1', [
      id,
    ]);
    expect(escalated.priority).toBe('HIGH');
    const kinds = (
      await database.dataSource.query('SELECT kind FROM case_timeline WHERE case_id = $1 ORDER BY id', [id])
    ).map((r: Json) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['SLA_WARNING', 'SLA_BREACHED']));
    const events = await database.dataSource.query(
      `SELECT envelope->'data'->>'trigger' AS t FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = 'cases.CaseEscalated' ORDER BY position`,
      [id],
    );
    expect(events.map((e: Json) => e.t)).toEqual(['SLA_WARNING', 'SLA_BREACHED']);
    const [warned] = await database.dataSource.query(
      `SELECT envelope->'data'->'notifyPersonIds' AS n FROM outbox_event WHERE message_key = $1 AND envelope->'data'->>'trigger' = 'SLA_WARNING'`,
      [id],
    );
    expect(warned.n).toEqual([admin.kind === 'user' ? admin.subject : '']);

    await waitUntil(
      'the follow-up case',
      async () =>
        (
          await database.dataSource.query(
            'SELECT count(*)::int AS n FROM support_case WHERE follow_up_of_id = $1',
            [resolvedId],
          )
        )[0].n > 0,
      { timeoutMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const followUps = await database.dataSource.query(
      'SELECT subject, priority, channel, school_id FROM support_case WHERE follow_up_of_id = $1',
      [resolvedId],
    );
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ priority: 'HIGH', channel: 'STAFF', school_id: schoolId });
    expect(followUps[0].subject).toMatch(/^Follow-up: 2\/10 satisfaction on HR-/);
  });

  it('opens an URGENT case, once, for a survey comment that signals danger', async () => {
    const surveyedId = await caseId(
      (await submit({ message: 'When does the bus come back to our stop?', topicId: null })).caseNumber,
    );
    const envelope = createEnvelope('surveys', SurveySafetyConcernRaised, {
      aggregateId: randomUUID(),
      data: {
        ...SurveySafetyConcernRaised.fixture,
        responseId: randomUUID(),
        caseId: surveyedId,
        comment: 'A boy on the bus said he has a knife in his backpack.',
      },
    });
    const producer = testKafka().producer();
    await producer.connect();
    for (let i = 0; i < 2; i += 1)
      await producer.send({
        topic: SurveySafetyConcernRaised.topic,
        messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
      });
    await producer.disconnect();
    await waitUntil(
      'the concern on the surveyed case',
      async () =>
        (
          await database.dataSource.query(
            `SELECT 1 FROM case_timeline WHERE case_id = $1 AND kind = 'SURVEY_SAFETY_CONCERN'`,
            [surveyedId],
          )
        ).length > 0,
      { timeoutMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const opened = await database.dataSource.query(
      `SELECT c.id, c.subject, c.priority, c.school_id, m.body FROM support_case c
         JOIN case_message m ON m.case_id = c.id WHERE c.follow_up_of_id = $1`,
      [surveyedId],
    );
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      priority: 'URGENT',
      school_id: schoolId,
      body: 'A boy on the bus said he has a knife in his backpack.',
    });
    expect(opened[0].subject).toMatch(/^Safety concern in the satisfaction survey on HR-/);
    const [alert] = await database.dataSource.query(
      `SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SAFETY_CONCERN'`,
      [opened[0].id],
    );
    expect(JSON.stringify(alert?.details ?? {})).toContain('WEAPON');
  });

  describe('email intake', () => {
    const mailer = () =>
      createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const casesFrom = async (email: string) =>
      database.dataSource.query(
        `SELECT number, channel, subject, contact FROM support_case WHERE contact->>'email' = $1 ORDER BY created_at`,
        [email],
      );
    const messagesOf = async (number: string) =>
      (
        await database.dataSource.query(
          'SELECT m.body FROM case_message m JOIN support_case c ON c.id = m.case_id WHERE c.number = $1 ORDER BY m.created_at',
          [number],
        )
      ).map((r: Json) => r.body);

    it('turns a message into a case and threads the reply, keeping only what is new', async () => {
      await mailer().sendMail({
        from: 'Rosa Parks <Rosa.Parks@Example.org>',
        to: 'talk@homeroom.test',
        subject: 'Bus 14 keeps missing our stop',
        text: 'The bus skipped our stop on Elm Street twice this week.\n\n-- \nRosa',
      });
      const [opened] = await casesFrom('rosa.parks@example.org');
      expect(opened).toMatchObject({
        channel: 'EMAIL',
        subject: 'Bus 14 keeps missing our stop',
        contact: { name: 'Rosa Parks', email: 'rosa.parks@example.org' },
      });

      await mailer().sendMail({
        from: 'rosa.parks@example.org',
        to: 'talk@homeroom.test',
        subject: `Re: [${opened.number}] Bus 14 keeps missing our stop`,
        text: `It happened again today.\n\nOn Tue, Nov 24, 2026 at 9:14 AM Homeroom <talk@homeroom.test> wrote:\n> We are looking into it.`,
      });
      expect(await casesFrom('rosa.parks@example.org')).toHaveLength(1);
      const messages = await messagesOf(opened.number);
      expect(messages[messages.length - 1]).toBe('It happened again today.');
    });

    it('reads HTML-only mail as text, and starts a new case when a stranger quotes a case number', async () => {
      const [{ number }] = await casesFrom('rosa.parks@example.org');
      await mailer().sendMail({
        from: 'someone@example.net',
        to: 'talk@homeroom.test',
        subject: `About ${number}`,
        html: '<p>Hello,<br>my son <b>lost</b> his bus pass.</p><script>alert(1)</script>',
      });
      const [stranger] = await casesFrom('someone@example.net');
      expect(stranger.number).not.toBe(number);
      const [body] = await messagesOf(stranger.number);
      expect(body).toBe('Hello,\nmy son lost his bus pass.');
      expect(body).not.toContain('alert');
      expect(body).not.toContain('<');
    });

    it('ignores auto-replies and bounces, and refuses other mailboxes and oversized mail', async () => {
      await mailer().sendMail({
        from: 'away@example.org',
        to: 'talk@homeroom.test',
        subject: 'Out of office',
        text: 'I am away.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      await mailer().sendMail({
        from: 'MAILER-DAEMON@mx.example.org',
        to: 'talk@homeroom.test',
        subject: 'Undeliverable',
        text: 'Delivery failed.',
      });
      expect(await casesFrom('away@example.org')).toHaveLength(0);
      expect(await casesFrom('mailer-daemon@mx.example.org')).toHaveLength(0);
      await expect(
        mailer().sendMail({
          from: 'rosa.parks@example.org',
          to: 'principal@homeroom.test',
          subject: 'Hi',
          text: 'x',
        }),
      ).rejects.toMatchObject({ responseCode: 550 });
      await expect(
        mailer().sendMail({
          from: 'rosa.parks@example.org',
          to: 'talk@homeroom.test',
          subject: 'Huge',
          text: 'x'.repeat(11 * 1024 * 1024),
        }),
      ).rejects.toMatchObject({ responseCode: 552 });
    });
  });

  it('never gives two cases the same number, however many arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => submit({ message: `Parallel inquiry ${i}` })),
    );
    const numbers = results.map((r) => r.caseNumber);
    expect(new Set(numbers).size).toBe(40);
    const sequences = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(39);
  });

  it("publishes CaseOpened through the outbox, without the requester's words or contact", async () => {
    const { caseNumber } = await submit({ anonymous: false, requester: { email: 'parent@example.org' } });
    const id = await caseId(caseNumber);
    const [message] = await readTopic(CASES_TOPIC, 1, {
      timeoutMs: 30_000,
      filter: (m) => m.key?.toString() === id && JSON.parse(m.value!.toString()).type === CaseOpened.type,
    });
    const event = JSON.parse(message!.value!.toString());
    expect(CaseOpened.schema.parse(event.data)).toMatchObject({
      caseId: id,
      number: caseNumber,
      channel: 'WEB_FORM',
      schoolId,
      topicId,
    });
    expect(JSON.stringify(event)).not.toContain('parent@example.org');
    expect(JSON.stringify(event)).not.toContain('Bus 14');
  });
});
