import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Producer } from 'kafkajs';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import type { EventContract, EventData, EventEnvelope } from '@homeroom/platform/event-contracts';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import {
  readTopic,
  startGroupAtEnd,
  subgraphClient,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import { CASES_TOPIC, CaseMerged, CaseResolved } from '@homeroom/cases/contracts';
import { PersonCreated, PersonDeactivated, StaffRolesChanged } from '@homeroom/directory/contracts';
import {
  LowSatisfactionReported,
  SURVEYS_INVITATION_TOPIC,
  SURVEYS_RESPONSE_TOPIC,
  SurveyInvitationIssued,
  SurveySafetyConcernRaised,
} from '@homeroom/surveys/contracts';
import {
  answerDemoInvitations,
  InvitationReminders,
  ScheduledSends,
  seedFamilyPulse,
  seedSurveyDefaults,
  SurveyService,
  SURVEYS_ENTITIES,
  SURVEYS_MIGRATIONS,
} from '@homeroom/surveys/data-access';
import { loadSurveysConfig } from './config';
import { SurveysAppModule } from './surveys-app.module';

const SECRET = 'surveys-test-secret-0123456789abcdef0123';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;
type Invitation = EventData<typeof SurveyInvitationIssued>;

const SURVEY_LINK = `query ($token: String!, $language: String) {
  surveyByToken(token: $token, language: $language) {
    state expiresAt caseNumber language title
    questions { id kind text required min max lowLabel highLabel maxLength }
  }
}`;
const SUBMIT = `mutation ($token: String!, $answers: [SurveyAnswerInput!]!) {
  submitSurveyResponse(token: $token, answers: $answers) { id score submittedAt }
}`;
const CASE_SATISFACTION = `query ($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Case { id satisfaction { status skippedReason score comment commentSentiment invitedAt respondedAt } }
  }
}`;

describe('surveys subgraph', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  let producer: Producer;
  const admin: Principal = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const schoolId = randomUUID();
  const agent: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolId });

  beforeAll(async () => {
    database = await createTestDatabase('surveys', {
      migrations: SURVEYS_MIGRATIONS,
      entities: SURVEYS_ENTITIES,
    });
    await seedSurveyDefaults(database.dataSource, new SurveyService(database.dataSource));
    const config = loadSurveysConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('surveys-test', '-'),
      GATEWAY_TRUST_SECRET: SECRET,
      PORTAL_URL: 'https://portal.district.test',
      SURVEY_REMINDER_INTERVAL_MS: '0',
      SURVEY_MINIMUM_GROUP_SIZE: '2',
    });
    // Start with what this test publishes, not with every earlier run's cases and people.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
    app = await NestFactory.create(SurveysAppModule.forRoot(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await database?.drop();
  });

  const graphql = (query: string, variables: Record<string, unknown> = {}, principal: Principal = admin) =>
    subgraphClient(url, SECRET)(query, variables, principal) as Promise<Json>;
  const anonymous = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(query, variables, { kind: 'anonymous' } as Principal);

  async function send(envelope: EventEnvelope<unknown>): Promise<void> {
    await producer.send({
      topic: CASES_TOPIC,
      messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
    });
    await waitUntil(
      `event ${envelope.id} in the inbox`,
      async () =>
        (await database.dataSource.query('SELECT 1 FROM inbox_event WHERE event_id = $1', [envelope.id]))
          .length > 0,
      { timeoutMs: 60_000 },
    );
  }

  function casesEvent<Contract extends EventContract>(
    contract: Contract,
    caseId: string,
    data: EventData<Contract>,
    imported = false,
  ): EventEnvelope<EventData<Contract>> {
    return createEnvelope('cases', contract, {
      aggregateId: caseId,
      data,
      ...(imported ? { imported } : {}),
    });
  }

  /** A resolution the cases service would publish: a known guardian, reachable by email, in Spanish. */
  function resolution(
    caseId: string,
    overrides: Partial<EventData<typeof CaseResolved>> = {},
  ): EventData<typeof CaseResolved> {
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
  }

  async function resolve(caseId: string, overrides: Partial<EventData<typeof CaseResolved>> = {}) {
    const envelope = casesEvent(CaseResolved, caseId, resolution(caseId, overrides));
    await send(envelope);
    return envelope;
  }

  /** The invitations (and reminders) published on Kafka for a case, in order. */
  /**
   * The invitations (and reminders) this service published for a case (or a person), in order. By the
   * invitation ids in this test's database: another surveys service on the same Kafka (a developer's
   * `npm start`) may invite the same test case too.
   */
  async function invitationsFor(caseOrPersonId: string, count: number): Promise<Invitation[]> {
    const ours = new Set(
      (
        (await database.dataSource.query(
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
  }

  const tokenOf = (invitation: Invitation) => invitation.link.split('/s/')[1]!;

  async function caseSatisfaction(caseId: string): Promise<Json> {
    const result = await graphql(CASE_SATISFACTION, { r: [{ __typename: 'Case', id: caseId }] });
    expect(result.errors).toBeUndefined();
    return result.data._entities[0].satisfaction;
  }

  it('serves the committed SDL that composition reads (set UPDATE_SCHEMAS=1 to rewrite it)', async () => {
    const committed = join(workspaceRoot(), 'apps', 'surveys', 'schema.graphql');
    const generated: string = (await graphql('{ _service { sdl } }')).data._service.sdl;
    if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed)) writeFileSync(committed, generated);
    expect(generated).toBe(readFileSync(committed, 'utf8'));
    expect(generated).toMatch(/type Case\s+@key\(fields: "id"\)/);
    expect(generated).toMatch(
      /satisfaction\(range: DateRangeInput!, schoolId: ID, topicId: ID\): SatisfactionSummary!/,
    );
    expect(generated).toMatch(/\bnps\(range: DateRangeInput!\): NpsResult!/);
  });

  it('invites the requester of a resolved case once, in their language, with a one-time link', async () => {
    const caseId = randomUUID();
    const first = await resolve(caseId, { language: 'es' });
    await send(first); // redelivered: the inbox drops it
    await resolve(caseId, { language: 'es' }); // resolved again after a reopen: already decided

    const [invitation] = await invitationsFor(caseId, 1);
    expect(invitation).toMatchObject({ caseId, channel: 'EMAIL', language: 'es', reminder: false });
    expect(invitation!.subject).toBe(`¿Cómo lo hicimos? (caso HR-2026-${caseId.slice(0, 6)})`);
    expect(invitation!.link).toMatch(/^https:\/\/portal\.district\.test\/s\/[A-Za-z0-9_-]{43}$/);
    expect(invitation!.body).toContain(invitation!.link);
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM survey_invitation WHERE case_id = $1',
      [caseId],
    );
    expect(n).toBe(1);
    // Only the link's hash is kept.
    const stored: { token_hash: string }[] = await database.dataSource.query(
      'SELECT token_hash FROM survey_link WHERE invitation_id = $1',
      [invitation!.invitationId],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(tokenOf(invitation!));

    const opened = await anonymous(SURVEY_LINK, { token: tokenOf(invitation!) });
    expect(opened.errors).toBeUndefined();
    expect(opened.data.surveyByToken).toMatchObject({
      state: 'OPEN',
      caseNumber: `HR-2026-${caseId.slice(0, 6)}`,
      language: 'es',
      title: '¿Cómo lo hicimos?',
    });
    expect(opened.data.surveyByToken.questions[0]).toMatchObject({
      id: 'feeling',
      kind: 'SCALE',
      text: '¿Cómo se sintió después de esta interacción con su distrito?',
      min: 1,
      max: 10,
    });
    expect((await caseSatisfaction(caseId)).status).toBe('INVITED');
    expect((await anonymous(SURVEY_LINK, { token: 'not-a-link-we-issued' })).data.surveyByToken).toBeNull();
  });

  it.each<[string, Partial<EventData<typeof CaseResolved>>, string]>([
    ['an anonymous requester', { anonymous: true, requesterId: null }, 'ANONYMOUS'],
    ['a confidential case', { confidential: true }, 'CONFIDENTIAL'],
    [
      'a duplicate',
      { survey: { reachableBy: ['EMAIL'], requesterKind: null, duplicate: true, optedOut: false } },
      'DUPLICATE',
    ],
    [
      'a staff requester',
      { survey: { reachableBy: ['EMAIL'], requesterKind: 'STAFF', duplicate: false, optedOut: false } },
      'STAFF_INTERNAL',
    ],
    [
      'a case resolved without a survey',
      { survey: { reachableBy: ['EMAIL'], requesterKind: null, duplicate: false, optedOut: true } },
      'OPTED_OUT',
    ],
    [
      'a requester with no address',
      { survey: { reachableBy: [], requesterKind: null, duplicate: false, optedOut: false } },
      'UNREACHABLE',
    ],
    ['an event from before the survey facts', { survey: undefined }, 'UNREACHABLE'],
  ])('does not invite %s, and says why on the case', async (_, overrides, reason) => {
    const caseId = randomUUID();
    await resolve(caseId, overrides);
    expect(await caseSatisfaction(caseId)).toMatchObject({ status: 'NOT_INVITED', skippedReason: reason });
  });

  it('skips merged cases, and a requester already asked within the cooling-off period', async () => {
    const merged = randomUUID();
    await send(
      casesEvent(CaseMerged, merged, {
        mergedCaseId: merged,
        survivorCaseId: randomUUID(),
        at: new Date().toISOString(),
      }),
    );
    await resolve(merged);
    expect(await caseSatisfaction(merged)).toMatchObject({ skippedReason: 'MERGED' });

    const requesterId = randomUUID();
    const [earlier, later] = [randomUUID(), randomUUID()];
    await resolve(earlier, { requesterId });
    await resolve(later, { requesterId });
    expect((await caseSatisfaction(earlier)).status).toBe('INVITED');
    expect(await caseSatisfaction(later)).toMatchObject({
      status: 'NOT_INVITED',
      skippedReason: 'COOLING_OFF',
    });
  });

  it('records imported history without sending anything', async () => {
    const caseId = randomUUID();
    const resolvedAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await send(casesEvent(CaseResolved, caseId, resolution(caseId, { resolvedAt }), true));
    const [row] = await database.dataSource.query(
      'SELECT imported, sent_at, remind_at FROM survey_invitation WHERE case_id = $1',
      [caseId],
    );
    expect(row).toMatchObject({ imported: true, remind_at: null });
    expect(new Date(row.sent_at).toISOString()).toBe(resolvedAt);
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE envelope::text LIKE '%' || $1 || '%'`,
      [caseId],
    );
    expect(n).toBe(0);

    // The demo's answers to history: the same every run, a share of the invitations, no follow-ups.
    for (let index = 0; index < 40; index += 1) {
      const historic = randomUUID();
      await send(casesEvent(CaseResolved, historic, resolution(historic, { resolvedAt }), true));
    }
    const answered = await answerDemoInvitations(database.dataSource);
    expect(answered).toBeGreaterThan(3);
    expect(answered).toBeLessThan(30);
    expect(await answerDemoInvitations(database.dataSource)).toBe(0);
    const [demo] = await database.dataSource.query(
      `SELECT count(*)::int AS responses, min(r.score) AS low, max(r.score) AS high,
              bool_and(r.submitted_at > i.sent_at AND r.submitted_at < i.expires_at) AS in_time
         FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.imported`,
    );
    expect(demo).toMatchObject({ responses: answered, in_time: true });
    expect(demo.low).toBeGreaterThanOrEqual(1);
    expect(demo.high).toBeLessThanOrEqual(10);
    const [{ low }] = await database.dataSource.query(
      `SELECT count(*)::int AS low FROM outbox_event WHERE envelope->>'type' = $1`,
      [LowSatisfactionReported.type],
    );
    expect(low).toBe(0);
  });

  it('takes one response per link, refuses answers that do not fit, and reports a low score', async () => {
    const caseId = randomUUID();
    await resolve(caseId, { language: 'en' });
    const [invitation] = await invitationsFor(caseId, 1);
    const token = tokenOf(invitation!);

    const offScale = await anonymous(SUBMIT, { token, answers: [{ questionId: 'feeling', number: 11 }] });
    expect(offScale.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ANSWER_DOES_NOT_FIT',
    });
    expect(offScale.errors[0].extensions.details[0].path).toBe('answers.feeling');
    const malformed = await anonymous(SUBMIT, {
      token,
      answers: [{ questionId: 'feeling', number: 3, text: 'three' }],
    });
    expect(malformed.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ANSWER_MALFORMED',
    });
    const forged = await anonymous(SUBMIT, {
      token: `${token}x`,
      answers: [{ questionId: 'feeling', number: 3 }],
    });
    expect(forged.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SURVEY_LINK_NOT_FOUND' });
    // PostgreSQL cannot store U+0000: the comment is refused by name, not with an INTERNAL error.
    const withNul = await anonymous(SUBMIT, {
      token,
      answers: [
        { questionId: 'feeling', number: 3 },
        { questionId: 'comment', text: 'Fine\u0000' },
      ],
    });
    expect(withNul.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NUL_CHARACTER',
      details: [{ path: 'answers.1.text' }],
    });

    const answers = [
      { questionId: 'feeling', number: 2 },
      { questionId: 'comment', text: 'Nobody called me back about the bus.' },
    ];
    const submitted = await anonymous(SUBMIT, { token, answers });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitSurveyResponse.score).toBe(2);
    const again = await anonymous(SUBMIT, { token, answers });
    expect(again.data.submitSurveyResponse.id).toBe(submitted.data.submitSurveyResponse.id);
    const changed = await anonymous(SUBMIT, { token, answers: [{ questionId: 'feeling', number: 9 }] });
    expect(changed.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_ALREADY_ANSWERED',
    });
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM survey_response WHERE case_id = $1',
      [caseId],
    );
    expect(n).toBe(1);

    const [low] = await readTopic(SURVEYS_RESPONSE_TOPIC, 1, {
      filter: (message) => message.value!.toString().includes(caseId),
    });
    const event = JSON.parse(low!.value!.toString());
    expect(event.type).toBe(LowSatisfactionReported.type);
    expect(event.data).toMatchObject({
      caseId,
      responseId: submitted.data.submitSurveyResponse.id,
      score: 2,
      threshold: 4,
      hasComment: true,
    });
    expect(JSON.stringify(event)).not.toContain('bus'); // the comment stays here
    expect((await anonymous(SURVEY_LINK, { token })).data.surveyByToken.state).toBe('ANSWERED');
    expect(await caseSatisfaction(caseId)).toMatchObject({
      status: 'ANSWERED',
      score: 2,
      comment: 'Nobody called me back about the bus.',
      commentSentiment: expect.stringMatching(/^(NEGATIVE|NEUTRAL)$/),
    });
  });

  it('sends a comment that signals danger to the cases service as a safety concern, whatever the score', async () => {
    const caseId = randomUUID();
    await resolve(caseId, { language: 'es' });
    const [invitation] = await invitationsFor(caseId, 1);
    const submitted = await anonymous(SUBMIT, {
      token: tokenOf(invitation!),
      answers: [
        { questionId: 'feeling', number: 8 },
        { questionId: 'comment', text: 'Gracias. Mi hijo habla de suicidarse, ¿con quién hablo?' },
      ],
    });
    expect(submitted.errors).toBeUndefined();
    const [message] = await readTopic(SURVEYS_RESPONSE_TOPIC, 1, {
      filter: (m) => m.value!.toString().includes(caseId),
    });
    const event = JSON.parse(message!.value!.toString());
    expect(event.type).toBe(SurveySafetyConcernRaised.type);
    expect(SurveySafetyConcernRaised.schema.parse(event.data)).toMatchObject({
      caseId,
      schoolId,
      language: 'es',
      categories: ['SELF_HARM'],
      comment: 'Gracias. Mi hijo habla de suicidarse, ¿con quién hablo?',
    });
  });

  it('reminds once with a second link that answers the same invitation, and refuses expired links', async () => {
    const caseId = randomUUID();
    await resolve(caseId, { language: 'en' });
    await database.dataSource.query(
      `UPDATE survey_invitation SET remind_at = now() - interval '1 minute' WHERE case_id = $1`,
      [caseId],
    );
    const reminders = app.get(InvitationReminders);
    expect(await reminders.sendDue()).toBeGreaterThanOrEqual(1);
    expect(await reminders.sendDue()).toBe(0);
    const [invitation, reminder] = await invitationsFor(caseId, 2);
    expect(reminder).toMatchObject({ reminder: true, invitationId: invitation!.invitationId });
    expect(reminder!.body).toMatch(/^A reminder/);
    expect(tokenOf(reminder!)).not.toBe(tokenOf(invitation!));

    const answers = [{ questionId: 'feeling', number: 8 }];
    const viaReminder = await anonymous(SUBMIT, { token: tokenOf(reminder!), answers });
    const viaFirst = await anonymous(SUBMIT, { token: tokenOf(invitation!), answers });
    expect(viaFirst.data.submitSurveyResponse.id).toBe(viaReminder.data.submitSurveyResponse.id);

    const lapsed = randomUUID();
    await resolve(lapsed);
    const [late] = await invitationsFor(lapsed, 1);
    await database.dataSource.query(
      `UPDATE survey_invitation SET expires_at = now() - interval '1 second' WHERE case_id = $1`,
      [lapsed],
    );
    expect((await anonymous(SURVEY_LINK, { token: tokenOf(late!) })).data.surveyByToken.state).toBe(
      'EXPIRED',
    );
    const refused = await anonymous(SUBMIT, { token: tokenOf(late!), answers });
    expect(refused.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_LINK_EXPIRED' });
  });

  it('sums satisfaction for the district and a school, withholding groups below the minimum', async () => {
    const otherSchool = randomUUID();
    for (const [school, score] of [
      [otherSchool, 9],
      [otherSchool, 7],
    ] as const) {
      const caseId = randomUUID();
      await resolve(caseId, { schoolId: school });
      const [invitation] = await invitationsFor(caseId, 1);
      await anonymous(SUBMIT, {
        token: tokenOf(invitation!),
        answers: [{ questionId: 'feeling', number: score }],
      });
    }
    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const query = `query ($range: DateRangeInput!, $schoolId: ID) {
      satisfaction(range: $range, schoolId: $schoolId) {
        invitations responses responseRate suppressed csatMean distribution lowScores
      }
    }`;
    const school = (await graphql(query, { range, schoolId: otherSchool })).data.satisfaction;
    expect(school).toEqual({
      invitations: 2,
      responses: 2,
      responseRate: 1,
      suppressed: false,
      csatMean: 8,
      distribution: [0, 0, 0, 0, 0, 0, 1, 0, 1, 0],
      lowScores: 0,
    });
    const district = (await graphql(query, { range })).data.satisfaction;
    expect(district.invitations).toBeGreaterThan(district.responses);
    expect(district.lowScores).toBeGreaterThanOrEqual(1);

    // One response in the range at this school: too few to show.
    const lonely = randomUUID();
    const caseId = randomUUID();
    await resolve(caseId, { schoolId: lonely });
    const [invitation] = await invitationsFor(caseId, 1);
    await anonymous(SUBMIT, {
      token: tokenOf(invitation!),
      answers: [{ questionId: 'feeling', number: 10 }],
    });
    const small = (await graphql(query, { range, schoolId: lonely })).data.satisfaction;
    expect(small).toMatchObject({ responses: 1, suppressed: true, csatMean: null, distribution: null });

    // By school: the one-response school withheld, and one more with it so subtraction cannot recover it.
    const bySchool = (
      await graphql(
        `
          query ($range: DateRangeInput!) {
            satisfaction(range: $range) {
              breakdown(by: SCHOOL) {
                key
                responses
                suppressed
                suppression
                csatMean
              }
              csv(by: SCHOOL)
              byWeek: breakdown(by: WEEK) {
                key
                invitations
              }
            }
          }
        `,
        { range },
      )
    ).data.satisfaction;
    expect(bySchool.byWeek.length).toBeGreaterThan(0);
    expect(bySchool.byWeek.every((group: Json) => /^\d{4}-W\d{2}$/.test(group.key))).toBe(true);
    const groups = new Map(bySchool.breakdown.map((group: Json) => [group.key, group]));
    expect(groups.get(lonely)).toEqual({
      key: lonely,
      responses: 1,
      suppressed: true,
      suppression: 'SMALL_GROUP',
      csatMean: null,
    });
    expect(bySchool.breakdown.filter((group: Json) => group.suppression === 'COMPLEMENTARY')).toHaveLength(1);
    const visible = bySchool.breakdown.filter((group: Json) => !group.suppressed);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((group: Json) => group.csatMean >= 1 && group.csatMean <= 10)).toBe(true);
    const csv: string[] = bySchool.csv.trimEnd().split('\r\n');
    expect(csv[0]).toBe('group,invitations,responses,response_rate,csat_mean,low_scores,withheld');
    expect(csv).toContain(`${lonely},1,1,1,,,SMALL_GROUP`);
    expect(csv).toHaveLength(bySchool.breakdown.length + 1);

    const viaSchool = await graphql(
      `
        query ($r: [_Any!]!, $range: DateRangeInput!) {
          _entities(representations: $r) {
            ... on School {
              satisfaction(range: $range) {
                responses
                csatMean
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'School', id: otherSchool }], range },
    );
    expect(viaSchool.data._entities[0].satisfaction).toEqual({ responses: 2, csatMean: 8 });

    // The comments behind the figures, each with how it came across; filtered by sentiment when asked.
    const commentsQuery = `query ($range: DateRangeInput!, $sentiment: Sentiment) {
      satisfaction(range: $range) { comments(first: 50, sentiment: $sentiment) { comment score sentiment sentimentScore } }
    }`;
    const comments = (await graphql(commentsQuery, { range })).data.satisfaction.comments;
    expect(comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ comment: 'Nobody called me back about the bus.', score: 2 }),
      ]),
    );
    expect(comments.every((c: Json) => ['NEGATIVE', 'NEUTRAL', 'POSITIVE'].includes(c.sentiment))).toBe(true);
    const label = comments[0].sentiment;
    const filtered = (await graphql(commentsQuery, { range, sentiment: label })).data.satisfaction.comments;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((c: Json) => c.sentiment === label)).toBe(true);

    const refused = await graphql(query, { range }, agent);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const ownSchool = await graphql(
      query,
      { range, schoolId },
      { ...agent, grants: [{ role: 'SCHOOL_ADMIN', schoolId }] },
    );
    expect(ownSchool.errors).toBeUndefined();
  });

  it('lists the district’s surveys with their questions in the language asked for', async () => {
    const result = await graphql(`
      {
        surveys(first: 10) {
          totalCount
          edges {
            node {
              kind
              name
              status
              version
              languages
              title(language: "es")
              questions {
                id
                kind
              }
            }
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.surveys.edges.map((edge: Json) => edge.node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'CSAT',
          status: 'OPEN',
          title: '¿Cómo lo hicimos?',
          languages: ['en', 'es'],
        }),
        expect.objectContaining({
          kind: 'DISTRICT',
          name: 'Customer service self-assessment',
          status: 'DRAFT',
        }),
      ]),
    );
    expect((await graphql('{ surveys { totalCount } }', {}, agent)).errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
  });
  it('gives one survey by id in the language asked for, null for an unknown id, to those who may list them', async () => {
    const SURVEY = `query ($id: ID!, $language: String) {
      survey(id: $id, language: $language) {
        id kind title english: title(language: "en")
        questions { id text }
        results { questions { questionId text } }
      }
    }`;
    const [csat] = await database.dataSource.query(`SELECT id FROM survey WHERE kind = 'CSAT'`);
    const spanish = await graphql(SURVEY, { id: csat.id, language: 'es-MX' });
    expect(spanish.errors).toBeUndefined();
    expect(spanish.data.survey).toMatchObject({
      id: csat.id,
      kind: 'CSAT',
      title: '¿Cómo lo hicimos?',
      english: 'How did we do?',
    });
    const feeling = '¿Cómo se sintió después de esta interacción con su distrito?';
    expect(spanish.data.survey.questions[0]).toEqual({ id: 'feeling', text: feeling });
    // Its results (answered by the history above) follow the language asked for too.
    expect(spanish.data.survey.results.questions[0]).toEqual({ questionId: 'feeling', text: feeling });
    const byDefault = await graphql(SURVEY, { id: csat.id });
    expect(byDefault.data.survey.title).toBe('How did we do?');

    const unknown = await graphql(SURVEY, { id: randomUUID() });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.survey).toBeNull();
    // An id that is not one is malformed input, not an unknown survey (nor an INTERNAL database error).
    const malformed = await graphql(SURVEY, { id: 'not-a-survey-id' });
    expect(malformed.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id' }],
    });
    const viewer = await graphql(
      SURVEY,
      { id: csat.id },
      { ...agent, grants: [{ role: 'VIEWER', schoolId: null }] },
    );
    expect(viewer.data.survey.id).toBe(csat.id);
    const refused = await graphql(SURVEY, { id: csat.id }, agent);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(refused.data?.survey ?? null).toBeNull();
    expect((await anonymous(SURVEY, { id: csat.id })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the audiences a survey is written for, and gives every translation as written to edit it', async () => {
    const created = await graphql(
      `
        mutation ($input: SurveyInput!) {
          createSurvey(input: $input) {
            survey {
              id
              audiences
            }
          }
        }
      `,
      {
        input: {
          name: 'Family and community pulse',
          defaultLanguage: 'en',
          audiences: ['COMMUNITY', 'FAMILIES', 'COMMUNITY'],
          title: [
            { language: 'en', text: 'How are we doing?' },
            { language: 'es', text: '¿Cómo lo estamos haciendo?' },
          ],
          questions: [
            {
              id: 'visit',
              kind: 'SCALE',
              max: 5,
              text: [
                { language: 'en', text: 'How was your last visit?' },
                { language: 'es', text: '¿Cómo fue su última visita?' },
              ],
              lowLabel: [
                { language: 'en', text: 'Poor' },
                { language: 'es', text: 'Mala' },
              ],
            },
            {
              id: 'reach',
              kind: 'SINGLE_CHOICE',
              text: [{ language: 'en', text: 'How do you reach us?' }],
              choices: [
                {
                  id: 'phone',
                  text: [
                    { language: 'en', text: 'Phone' },
                    { language: 'es', text: 'Teléfono' },
                  ],
                },
                { id: 'email', text: [{ language: 'en', text: 'Email' }] },
              ],
            },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const { id, audiences } = created.data.createSurvey.survey;
    expect(audiences).toEqual(['COMMUNITY', 'FAMILIES']);

    const read = await graphql(
      `
        query ($id: ID!) {
          survey(id: $id, language: "es") {
            audiences
            languages
            title
            questions {
              id
              text
              choices {
                id
                text
              }
            }
            translations {
              language
              title
              questions {
                questionId
                text
                lowLabel
                highLabel
                choices {
                  choiceId
                  text
                }
              }
            }
          }
        }
      `,
      { id },
    );
    expect(read.errors).toBeUndefined();
    const survey = read.data.survey;
    expect(survey).toMatchObject({
      audiences: ['COMMUNITY', 'FAMILIES'],
      languages: ['en', 'es'],
      title: '¿Cómo lo estamos haciendo?',
    });
    // Asked in Spanish: missing translations fall back to English; the translations do not.
    expect(survey.questions[1]).toEqual({
      id: 'reach',
      text: 'How do you reach us?',
      choices: [
        { id: 'phone', text: 'Teléfono' },
        { id: 'email', text: 'Email' },
      ],
    });
    expect(survey.translations).toEqual([
      {
        language: 'en',
        title: 'How are we doing?',
        questions: [
          {
            questionId: 'visit',
            text: 'How was your last visit?',
            lowLabel: 'Poor',
            highLabel: null,
            choices: null,
          },
          {
            questionId: 'reach',
            text: 'How do you reach us?',
            lowLabel: null,
            highLabel: null,
            choices: [
              { choiceId: 'phone', text: 'Phone' },
              { choiceId: 'email', text: 'Email' },
            ],
          },
        ],
      },
      {
        language: 'es',
        title: '¿Cómo lo estamos haciendo?',
        questions: [
          {
            questionId: 'visit',
            text: '¿Cómo fue su última visita?',
            lowLabel: 'Mala',
            highLabel: null,
            choices: null,
          },
          {
            questionId: 'reach',
            text: null,
            lowLabel: null,
            highLabel: null,
            choices: [
              { choiceId: 'phone', text: 'Teléfono' },
              { choiceId: 'email', text: null },
            ],
          },
        ],
      },
    ]);

    // The draft edited from what it gives back, with new audiences: saved in place, read back the same.
    const edited = await graphql(
      `
        mutation ($id: ID!, $input: SurveyInput!) {
          updateSurvey(id: $id, input: $input) {
            versionAction
            survey {
              version
              audiences
              translations {
                language
                title
              }
            }
          }
        }
      `,
      {
        id,
        input: {
          name: 'Family and community pulse',
          defaultLanguage: 'en',
          audiences: ['FAMILIES'],
          title: [
            { language: 'en', text: 'How are we doing?' },
            { language: 'es', text: '¿Qué tal lo hacemos?' },
          ],
          questions: [
            {
              id: 'visit',
              kind: 'SCALE',
              max: 5,
              text: [
                { language: 'en', text: 'How was your last visit?' },
                { language: 'es', text: '¿Cómo fue su última visita?' },
              ],
              lowLabel: [
                { language: 'en', text: 'Poor' },
                { language: 'es', text: 'Mala' },
              ],
            },
          ],
        },
      },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateSurvey).toEqual({
      versionAction: 'EDIT_IN_PLACE',
      survey: {
        version: 1,
        audiences: ['FAMILIES'],
        translations: [
          { language: 'en', title: 'How are we doing?' },
          { language: 'es', title: '¿Qué tal lo hacemos?' },
        ],
      },
    });
  });

  it('lets administrators write surveys: PPRA warnings, versions once answered, closing stops invitations and answers', async () => {
    const SAVE = `mutation ($id: ID!, $input: SurveyInput!) {
      updateSurvey(id: $id, input: $input) { versionAction survey { version title questions { id text } } ppraWarnings { area } }
    }`;
    const created = await graphql(
      `
        mutation ($input: SurveyInput!) {
          createSurvey(input: $input) {
            survey {
              id
              kind
              status
              version
            }
            versionAction
            ppraWarnings {
              questionId
              area
              evidence
            }
          }
        }
      `,
      {
        input: {
          name: 'Student climate, spring',
          defaultLanguage: 'en',
          audiences: ['STUDENTS'],
          title: [{ language: 'en', text: 'How is school going?' }],
          questions: [
            {
              id: 'safe',
              kind: 'SCALE',
              text: [{ language: 'en', text: 'How safe do you feel at school?' }],
            },
            {
              id: 'home',
              kind: 'SINGLE_CHOICE',
              text: [{ language: 'en', text: 'Which political party do your parents vote for?' }],
              choices: [
                { id: 'a', text: [{ language: 'en', text: 'One' }] },
                { id: 'b', text: [{ language: 'en', text: 'Another' }] },
              ],
            },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const survey = created.data.createSurvey;
    expect(survey.survey).toMatchObject({ kind: 'DISTRICT', status: 'DRAFT', version: 1 });
    expect(survey.ppraWarnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: 'home', area: 'POLITICAL_AFFILIATIONS' }),
      ]),
    );
    expect(survey.ppraWarnings.every((warning: Json) => warning.questionId === 'home')).toBe(true);

    const missing = await graphql(
      `
        mutation ($input: SurveyInput!) {
          createSurvey(input: $input) {
            survey {
              id
            }
          }
        }
      `,
      {
        input: {
          name: 'Broken',
          defaultLanguage: 'en',
          audiences: ['FAMILIES'],
          title: [{ language: 'es', text: 'Solo en español' }],
          questions: [{ id: 'q', kind: 'TEXT', text: [{ language: 'en', text: 'Anything?' }] }],
        },
      },
    );
    expect(missing.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MISSING_TRANSLATION',
    });
    const [{ n: surveys }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM survey WHERE name = 'Broken'`,
    );
    expect(surveys).toBe(0);
    const refused = await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: OPEN) {
            status
          }
        }
      `,
      { id: survey.survey.id },
      agent,
    );
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');

    // The satisfaction survey has answers: rewording it makes version 2; earlier links keep version 1.
    const waiting = randomUUID();
    await resolve(waiting, { language: 'en' });
    const [earlier] = await invitationsFor(waiting, 1);
    const [csat] = await database.dataSource.query(`SELECT id FROM survey WHERE kind = 'CSAT'`);
    const reworded = {
      name: 'Satisfaction after a case',
      defaultLanguage: 'en',
      audiences: ['FAMILIES', 'STUDENTS', 'COMMUNITY'],
      title: [{ language: 'en', text: 'How did we do?' }],
      questions: [
        { id: 'feeling', kind: 'SCALE', text: [{ language: 'en', text: 'How did we leave you feeling?' }] },
        { id: 'comment', kind: 'TEXT', required: false, text: [{ language: 'en', text: 'Tell us more' }] },
      ],
    };
    const saved = (await graphql(SAVE, { id: csat.id, input: reworded })).data.updateSurvey;
    expect(saved).toMatchObject({ versionAction: 'NEW_VERSION', survey: { version: 2 }, ppraWarnings: [] });
    expect((await graphql(SAVE, { id: csat.id, input: reworded })).data.updateSurvey.versionAction).toBe(
      'UNCHANGED',
    );
    const old = (await anonymous(SURVEY_LINK, { token: tokenOf(earlier!) })).data.surveyByToken;
    expect(old.questions[0].text).toBe(
      'How were you left feeling after this interaction with your district?',
    );
    const fresh = randomUUID();
    await resolve(fresh, { language: 'en' });
    const [current] = await invitationsFor(fresh, 1);
    const now = (await anonymous(SURVEY_LINK, { token: tokenOf(current!) })).data.surveyByToken;
    expect(now.questions[0].text).toBe('How did we leave you feeling?');

    // Closed: no invitations, and open links stop taking answers.
    await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: CLOSED) {
            status
          }
        }
      `,
      { id: csat.id },
    );
    const afterClosing = randomUUID();
    await resolve(afterClosing);
    expect(await caseSatisfaction(afterClosing)).toMatchObject({ skippedReason: 'SURVEY_CLOSED' });
    const closed = await anonymous(SUBMIT, {
      token: tokenOf(current!),
      answers: [{ questionId: 'feeling', number: 7 }],
    });
    expect(closed.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_CLOSED' });
    const reopened = await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: OPEN) {
            status
          }
        }
      `,
      { id: csat.id },
    );
    expect(reopened.data.setSurveyStatus.status).toBe('OPEN');
    const answered = await anonymous(SUBMIT, {
      token: tokenOf(current!),
      answers: [{ questionId: 'feeling', number: 7 }],
    });
    expect(answered.errors).toBeUndefined();
    const [version] = await database.dataSource.query(
      'SELECT r.version FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.case_id = $1',
      [fresh],
    );
    expect(version.version).toBe(2);
  });
  describe('district surveys', () => {
    const schoolA = randomUUID();
    const schoolB = randomUUID();
    const people = {
      rosa: randomUUID(),
      ben: randomUUID(),
      elsewhere: randomUUID(),
      gone: randomUUID(),
      teacher: randomUUID(),
      student: randomUUID(),
    };
    const QUESTIONS = [
      {
        id: 'recommend',
        kind: 'NPS',
        text: [
          { language: 'en', text: 'How likely are you to recommend our schools to a friend?' },
          { language: 'es', text: '¿Qué tan probable es que recomiende nuestras escuelas?' },
        ],
      },
      {
        id: 'reach',
        kind: 'SINGLE_CHOICE',
        text: [{ language: 'en', text: 'How do you usually reach us?' }],
        choices: [
          { id: 'phone', text: [{ language: 'en', text: 'Phone' }] },
          { id: 'email', text: [{ language: 'en', text: 'Email' }] },
        ],
      },
      {
        id: 'improve',
        kind: 'MULTI_CHOICE',
        required: false,
        text: [{ language: 'en', text: 'What should we improve?' }],
        choices: [
          { id: 'speed', text: [{ language: 'en', text: 'Speed' }] },
          { id: 'clarity', text: [{ language: 'en', text: 'Clarity' }] },
          { id: 'tone', text: [{ language: 'en', text: 'Tone' }] },
        ],
      },
    ];
    const SEND = `mutation ($id: ID!, $audience: SurveyAudienceInput!) {
      sendSurvey(id: $id, audience: $audience) { invited alreadyInvited }
    }`;
    const RESULTS = `query {
      surveys(first: 50) { edges { node { id name results {
        invitations responses suppressed
        questions { questionId answered mean distribution nps { promoters passives detractors nps } choices { choiceId count } }
        assessment { stage score weakestAreas }
      } } } }
    }`;
    let surveyId: string;

    async function directoryEvent<Contract extends EventContract>(
      contract: Contract,
      data: EventData<Contract>,
    ) {
      const envelope = createEnvelope('directory', contract, {
        aggregateId: (data as { personId: string }).personId,
        data,
      });
      await producer.send({
        topic: contract.topic,
        messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
      });
      await waitUntil(
        `event ${envelope.id} in the inbox`,
        async () =>
          (await database.dataSource.query('SELECT 1 FROM inbox_event WHERE event_id = $1', [envelope.id]))
            .length > 0,
        { timeoutMs: 60_000 },
      );
    }
    const person = (personId: string, kind: string, language: string, schoolIds = [schoolA]) => ({
      ...PersonCreated.fixture,
      personId,
      kind: kind as 'GUARDIAN',
      schoolIds,
      preferredLanguage: language,
      preferredChannel: 'EMAIL' as const,
      contactKeys: [],
    });
    const results = async (id: string) =>
      (await graphql(RESULTS)).data.surveys.edges
        .map((edge: Json) => edge.node)
        .find((node: Json) => node.id === id).results;

    beforeAll(async () => {
      await directoryEvent(PersonCreated, person(people.rosa, 'GUARDIAN', 'es-MX'));
      await directoryEvent(PersonCreated, person(people.ben, 'GUARDIAN', 'en'));
      await directoryEvent(PersonCreated, person(people.elsewhere, 'GUARDIAN', 'en', [schoolB]));
      await directoryEvent(PersonCreated, person(people.gone, 'GUARDIAN', 'en'));
      await directoryEvent(PersonDeactivated, { personId: people.gone });
      await directoryEvent(PersonCreated, person(people.teacher, 'STAFF', 'en'));
      await directoryEvent(StaffRolesChanged, {
        personId: people.teacher,
        roles: [{ role: 'AGENT', schoolId: schoolA }],
      });
      await directoryEvent(PersonCreated, person(people.student, 'STUDENT', 'en'));
      const created = await graphql(
        `
          mutation ($input: SurveyInput!) {
            createSurvey(input: $input) {
              survey {
                id
              }
            }
          }
        `,
        {
          input: {
            name: 'Family and staff pulse',
            defaultLanguage: 'en',
            audiences: ['FAMILIES', 'STAFF'],
            title: [
              { language: 'en', text: 'Your district, your voice' },
              { language: 'es', text: 'Su distrito, su voz' },
            ],
            questions: QUESTIONS,
          },
        },
      );
      surveyId = created.data.createSurvey.survey.id;
    });

    it('sends an open survey to its audience once per person, by school, kind and role', async () => {
      const closed = await graphql(SEND, { id: surveyId, audience: { kinds: ['GUARDIAN'] } });
      expect(closed.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_NOT_OPEN' });
      await graphql(
        `
          mutation ($id: ID!) {
            setSurveyStatus(id: $id, status: OPEN) {
              status
            }
          }
        `,
        { id: surveyId },
      );
      const outside = await graphql(SEND, { id: surveyId, audience: { kinds: ['STUDENT'] } });
      expect(outside.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'AUDIENCE_OUTSIDE_SURVEY',
      });

      const families = { kinds: ['GUARDIAN'], schoolIds: [schoolA] };
      expect((await graphql(SEND, { id: surveyId, audience: families })).data.sendSurvey).toEqual({
        invited: 2,
        alreadyInvited: 0,
      });
      expect((await graphql(SEND, { id: surveyId, audience: families })).data.sendSurvey).toEqual({
        invited: 0,
        alreadyInvited: 2,
      });
      const staff = await graphql(SEND, { id: surveyId, audience: { kinds: ['STAFF'], roles: ['AGENT'] } });
      expect(staff.data.sendSurvey.invited).toBe(1);

      // A send planned for later goes when its time comes, once.
      const at = new Date(Date.now() + 1_500).toISOString();
      const planned = await graphql(
        `
          mutation ($id: ID!, $audience: SurveyAudienceInput!, $at: DateTime) {
            sendSurvey(id: $id, audience: $audience, at: $at) {
              invited
              scheduledFor
            }
          }
        `,
        { id: surveyId, audience: { kinds: ['GUARDIAN'], schoolIds: [schoolB] }, at },
      );
      expect(planned.data.sendSurvey).toEqual({ invited: 0, scheduledFor: at });
      const scheduler = app.get(ScheduledSends);
      expect(await scheduler.runDue()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect(await scheduler.runDue()).toBe(1);
      expect(await scheduler.runDue()).toBe(0);
      const [done] = await database.dataSource.query(
        'SELECT invited, failure FROM survey_send WHERE survey_id = $1',
        [surveyId],
      );
      expect(done).toEqual({ invited: 1, failure: null });

      // Planned sends are listed, and one not made yet can be cancelled.
      const later = await graphql(
        `
          mutation ($id: ID!, $audience: SurveyAudienceInput!, $at: DateTime) {
            sendSurvey(id: $id, audience: $audience, at: $at) {
              scheduledFor
            }
          }
        `,
        { id: surveyId, audience: { kinds: ['STAFF'] }, at: new Date(Date.now() + 3_600_000).toISOString() },
      );
      expect(later.errors).toBeUndefined();
      const sends = async () =>
        (
          await graphql(`
            {
              surveys(first: 50) {
                edges {
                  node {
                    id
                    scheduledSends {
                      id
                      sentAt
                      invited
                      kinds
                      schoolIds
                    }
                  }
                }
              }
            }
          `)
        ).data.surveys.edges.find((edge: Json) => edge.node.id === surveyId).node.scheduledSends;
      const [next, made] = await sends();
      expect(next).toMatchObject({ sentAt: null, invited: null, kinds: ['STAFF'] });
      expect(made).toMatchObject({ invited: 1, schoolIds: [schoolB] });
      const cancel = `mutation ($id: ID!) { cancelScheduledSurveySend(id: $id) }`;
      expect((await graphql(cancel, { id: next.id })).data.cancelScheduledSurveySend).toBe(true);
      expect((await graphql(cancel, { id: next.id })).data.cancelScheduledSurveySend).toBe(false);
      expect((await graphql(cancel, { id: made.id })).data.cancelScheduledSurveySend).toBe(false);
      expect(await sends()).toHaveLength(1);

      const invitation = (await invitationsFor(people.rosa, 1))[0]!;
      expect(invitation).toMatchObject({
        personId: people.rosa,
        caseId: null,
        language: 'es-MX',
        subject: 'Su distrito, su voz',
      });
      expect(invitation.body).toContain(invitation.link);
      const opened = (await anonymous(SURVEY_LINK, { token: tokenOf(invitation) })).data.surveyByToken;
      expect(opened).toMatchObject({ state: 'OPEN', title: 'Su distrito, su voz', caseNumber: null });
      expect(opened.questions[0].text).toBe('¿Qué tan probable es que recomiende nuestras escuelas?');
      const answered = await anonymous(SUBMIT, {
        token: tokenOf(invitation),
        answers: [
          { questionId: 'recommend', number: 10 },
          { questionId: 'reach', choice: 'phone' },
          { questionId: 'improve', choices: ['speed', 'tone'] },
        ],
      });
      expect(answered.errors).toBeUndefined();
    });

    it('takes anonymous answers through an open link, and shows results with NPS, withheld below the minimum', async () => {
      const link: string = (
        await graphql(
          `
            mutation ($id: ID!) {
              openSurveyLink(id: $id)
            }
          `,
          { id: surveyId },
        )
      ).data.openSurveyLink;
      const token = link.split('/s/')[1]!;
      expect((await anonymous(SURVEY_LINK, { token, language: 'es' })).data.surveyByToken).toMatchObject({
        state: 'OPEN',
        title: 'Su distrito, su voz',
        language: 'es',
      });
      const before = await results(surveyId);
      expect(before).toMatchObject({ responses: 1, suppressed: true, questions: null });
      for (const [score, reach] of [
        [3, 'email'],
        [8, 'phone'],
      ] as const)
        expect(
          (
            await anonymous(SUBMIT, {
              token,
              answers: [
                { questionId: 'recommend', number: score },
                { questionId: 'reach', choice: reach },
              ],
            })
          ).errors,
        ).toBeUndefined();
      const after = await results(surveyId);
      expect(after).toMatchObject({ invitations: 4, responses: 3, suppressed: false, assessment: null });
      const [recommend, reach, improve] = after.questions;
      expect(recommend).toMatchObject({
        questionId: 'recommend',
        answered: 3,
        mean: 7,
        nps: { promoters: 1, passives: 1, detractors: 1, nps: 0 },
      });
      expect(recommend.distribution).toHaveLength(11);
      expect(reach.choices).toEqual([
        { choiceId: 'phone', count: 2 },
        { choiceId: 'email', count: 1 },
      ]);
      expect(improve).toMatchObject({ answered: 1, choices: [{ count: 1 }, { count: 0 }, { count: 1 }] });

      await graphql(
        `
          mutation ($id: ID!) {
            setSurveyStatus(id: $id, status: CLOSED) {
              status
            }
          }
        `,
        { id: surveyId },
      );
      const late = await anonymous(SUBMIT, {
        token,
        answers: [
          { questionId: 'recommend', number: 9 },
          { questionId: 'reach', choice: 'phone' },
        ],
      });
      expect(late.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_CLOSED' });
    });

    it('places the district on the path from Reactive to Customer-centric from the staff self-assessment', async () => {
      const [assessment] = await database.dataSource.query(
        `SELECT id FROM survey WHERE name = 'Customer service self-assessment'`,
      );
      await graphql(
        `
          mutation ($id: ID!) {
            setSurveyStatus(id: $id, status: OPEN) {
              status
            }
          }
        `,
        { id: assessment.id },
      );
      const link: string = (
        await graphql(
          `
            mutation ($id: ID!) {
              openSurveyLink(id: $id)
            }
          `,
          { id: assessment.id },
        )
      ).data.openSurveyLink;
      const token = link.split('/s/')[1]!;
      const questions = (await anonymous(SURVEY_LINK, { token })).data.surveyByToken.questions;
      for (const choice of ['proactive', 'responsive'])
        await anonymous(SUBMIT, {
          token,
          answers: questions.map((q: Json) => ({ questionId: q.id, choice })),
        });
      expect((await results(assessment.id)).assessment).toMatchObject({ stage: 'RESPONSIVE', score: 2.5 });
    });
  });

  it('gives the district’s NPS over a range from district surveys’ NPS answers, withheld below the minimum', async () => {
    const NPS = `query ($range: DateRangeInput!) {
      nps(range: $range) { count promoters passives detractors nps suppression }
    }`;
    const SAVE = `mutation ($id: ID!, $input: SurveyInput!) {
      updateSurvey(id: $id, input: $input) { versionAction survey { version } }
    }`;
    const question = (id: string, kind: string, required = true) => ({
      id,
      kind,
      required,
      text: [{ language: 'en', text: `Question ${id}` }],
    });
    const input = (rating: string) => ({
      name: 'Family pulse, spring',
      defaultLanguage: 'en',
      audiences: ['FAMILIES'],
      title: [{ language: 'en', text: 'How are we doing?' }],
      questions: [
        question('recommend', 'NPS'),
        question('office', 'NPS', false),
        question('rating', rating, false),
      ],
    });
    const surveyId: string = (
      await graphql(
        `
          mutation ($input: SurveyInput!) {
            createSurvey(input: $input) {
              survey {
                id
              }
            }
          }
        `,
        { input: input('SCALE') },
      )
    ).data.createSurvey.survey.id;
    await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: OPEN) {
            status
          }
        }
      `,
      { id: surveyId },
    );
    const token = (
      await graphql(
        `
          mutation ($id: ID!) {
            openSurveyLink(id: $id)
          }
        `,
        { id: surveyId },
      )
    ).data.openSurveyLink.split('/s/')[1]!;
    /** Answers through the open link, then dated `at` (the service dates a response when it arrives). */
    const answer = async (at: string, numbers: Record<string, number>) => {
      const submitted = await anonymous(SUBMIT, {
        token,
        answers: Object.entries(numbers).map(([questionId, number]) => ({ questionId, number })),
      });
      expect(submitted.errors).toBeUndefined();
      await database.dataSource.query('UPDATE survey_response SET submitted_at = $2 WHERE id = $1', [
        submitted.data.submitSurveyResponse.id,
        at,
      ]);
    };
    // March 2020: five people, eight NPS answers (the 1–10 scale's answers are not NPS answers).
    await answer('2020-03-01T00:00:00Z', { recommend: 10, office: 9, rating: 1 });
    await answer('2020-03-05T12:00:00Z', { recommend: 9 });
    await answer('2020-03-10T12:00:00Z', { recommend: 7, office: 8, rating: 10 });
    await answer('2020-03-15T12:00:00Z', { recommend: 3, office: 0 });
    await answer('2020-03-31T23:59:59Z', { recommend: 9 });
    // Just outside it, on either side (the range's end is exclusive).
    await answer('2020-02-29T23:59:59Z', { recommend: 0, office: 0 });
    await answer('2020-04-01T00:00:00Z', { recommend: 0 });
    // Version 2 asks the rating as an NPS question: its answers count from then on, version 1's never.
    const saved = (await graphql(SAVE, { id: surveyId, input: input('NPS') })).data.updateSurvey;
    expect(saved).toMatchObject({ versionAction: 'NEW_VERSION', survey: { version: 2 } });
    // May 2020: one person, two answers: one respondent, below the minimum of two.
    await answer('2020-05-10T12:00:00Z', { recommend: 10, rating: 10 });

    const nps = async (from: string, to: string, principal: Principal = admin) =>
      graphql(NPS, { range: { from, to } }, principal);
    expect((await nps('2020-03-01T00:00:00Z', '2020-04-01T00:00:00Z')).data.nps).toEqual({
      count: 8,
      promoters: 4,
      passives: 2,
      detractors: 2,
      nps: 25,
      suppression: null,
    });
    expect((await nps('2020-05-01T00:00:00Z', '2020-06-01T00:00:00Z')).data.nps).toEqual({
      count: 2,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      suppression: 'SMALL_GROUP',
    });
    // All of it: version 1's 1–10 ratings stay out, version 2's NPS rating counts.
    expect((await nps('2020-02-01T00:00:00Z', '2020-06-01T00:00:00Z')).data.nps).toEqual({
      count: 13,
      promoters: 6,
      passives: 2,
      detractors: 5,
      nps: 7.7,
      suppression: null,
    });
    expect((await nps('2019-01-01T00:00:00Z', '2019-02-01T00:00:00Z')).data.nps).toEqual({
      count: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      suppression: null,
    });

    // District-wide figures, as for satisfaction: not for agents, nor a school's administrators.
    const range = ['2020-03-01T00:00:00Z', '2020-04-01T00:00:00Z'] as const;
    expect((await nps(...range, agent)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await nps(...range, { ...agent, grants: [{ role: 'SCHOOL_ADMIN', schoolId }] })).errors[0].extensions
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await nps(...range, { ...agent, grants: [{ role: 'VIEWER', schoolId: null }] })).data.nps.nps,
    ).toBe(25);

    // The demo's Family pulse: 300 answers over the 90 days before its date, once; the same NPS as its
    // question's result, which counts every answer.
    const seededAt = new Date('2021-01-01T00:00:00Z');
    const surveyService = new SurveyService(database.dataSource);
    expect(await seedFamilyPulse(database.dataSource, surveyService, seededAt)).toBe(300);
    expect(await seedFamilyPulse(database.dataSource, surveyService, seededAt)).toBe(0);
    const pulse = (await nps('2020-10-01T00:00:00Z', '2021-01-01T00:00:00Z')).data.nps;
    expect(pulse).toMatchObject({ count: 300, suppression: null });
    expect(pulse.promoters + pulse.passives + pulse.detractors).toBe(300);
    expect(pulse.nps).toBeGreaterThan(0);
    expect(pulse.nps).toBeLessThan(40);
    const [pulseSurvey] = await database.dataSource.query(
      `SELECT id FROM survey WHERE name = 'Family pulse'`,
    );
    const recommend = (
      await graphql(`
        query {
          surveys(first: 50) {
            edges {
              node {
                id
                results {
                  questions {
                    questionId
                    nps {
                      count
                      promoters
                      passives
                      detractors
                      nps
                      suppression
                    }
                  }
                }
              }
            }
          }
        }
      `)
    ).data.surveys.edges.find((edge: Json) => edge.node.id === pulseSurvey.id).node.results.questions[0];
    expect(recommend).toEqual({ questionId: 'recommend', nps: pulse });
    const lastMonth = (await nps('2020-12-01T00:00:00Z', '2021-01-01T00:00:00Z')).data.nps;
    expect(lastMonth.count).toBeGreaterThan(60);
    expect(lastMonth.count).toBeLessThan(140);
  });
});
