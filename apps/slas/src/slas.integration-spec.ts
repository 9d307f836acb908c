import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Producer } from 'kafkajs';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope, OutboxWriter } from '@homeroom/platform/messaging';
import { createLogger } from '@homeroom/platform/observability';
import type { EventContract, EventData, EventEnvelope } from '@homeroom/platform/event-contracts';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { BusinessCalendarChanged, SLAS_CALENDAR_TOPIC, SlaBreached } from '@homeroom/slas/contracts';
import {
  startGroupAtEnd,
  subgraphClient,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import {
  CaseMerged,
  CaseMessageAdded,
  CaseOpened,
  CaseStatusChanged,
  CaseUpdated,
} from '@homeroom/cases/contracts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  startTimer,
  validateCalendar,
} from '@homeroom/slas/domain';
import {
  CalendarAnnouncements,
  CalendarService,
  DISTRICT_CALENDAR_2026_27,
  PolicyService,
  saveTimers,
  seedSlaDefaults,
  SlaScheduler,
  SLAS_ENTITIES,
  SLAS_MIGRATIONS,
} from '@homeroom/slas/data-access';
import { loadSlasConfig } from './config';
import { SlasAppModule } from './slas-app.module';

const SECRET = 'slas-test-secret-0123456789abcdef01234';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('slas subgraph', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  let producer: Producer;
  const district = validateCalendar(DISTRICT_CALENDAR_2026_27);
  const admin: Principal = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const agent: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: null });

  beforeAll(async () => {
    database = await createTestDatabase('slas', { migrations: SLAS_MIGRATIONS, entities: SLAS_ENTITIES });
    await seedSlaDefaults(new CalendarService(database.dataSource), new PolicyService(database.dataSource));
    const config = loadSlasConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('slas-test', '-'),
      GATEWAY_TRUST_SECRET: SECRET,
      SLA_SCHEDULER_INTERVAL_MS: '200',
    });
    // Start with what this test publishes, not with every earlier run's events.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
    app = await NestFactory.create(SlasAppModule.forRoot(config), { logger: false });
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

  async function send(envelope: EventEnvelope<unknown>): Promise<void> {
    await producer.send({
      topic: CaseOpened.topic,
      messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
    });
  }

  /** Publishes a cases event as the cases service would, and waits until this service has taken it. */
  async function publish<Contract extends EventContract>(
    contract: Contract,
    caseId: string,
    data: EventData<Contract>,
  ): Promise<EventEnvelope<EventData<Contract>>> {
    const envelope = createEnvelope('cases', contract, { aggregateId: caseId, data });
    await send(envelope);
    await processed(envelope.id);
    return envelope;
  }

  async function processed(eventId: string): Promise<void> {
    await waitUntil(
      `event ${eventId} in the inbox`,
      async () =>
        (await database.dataSource.query('SELECT 1 FROM inbox_event WHERE event_id = $1', [eventId])).length >
        0,
      { timeoutMs: 60_000 },
    );
  }

  async function timers(caseId: string): Promise<Record<string, Json>> {
    const rows: Json[] = await database.dataSource.query('SELECT * FROM sla_timer WHERE case_id = $1', [
      caseId,
    ]);
    return Object.fromEntries(rows.map((row) => [row.kind, row]));
  }

  function open(caseId: string, openedAt: string, overrides: Partial<EventData<typeof CaseOpened>> = {}) {
    return publish(CaseOpened, caseId, { ...CaseOpened.fixture, caseId, openedAt, ...overrides });
  }

  const status = (caseId: string, from: string, to: string, at: string) =>
    publish(CaseStatusChanged, caseId, { caseId, from, to, at } as EventData<typeof CaseStatusChanged>);

  it('serves the committed SDL that composition reads (set UPDATE_SCHEMAS=1 to rewrite it)', async () => {
    const committed = join(workspaceRoot(), 'apps', 'slas', 'schema.graphql');
    const generated: string = (await graphql('{ _service { sdl } }')).data._service.sdl;
    if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed)) writeFileSync(committed, generated);
    expect(generated).toBe(readFileSync(committed, 'utf8'));
    expect(generated).toMatch(/type Case\s+@key\(fields: "id"\)/);
  });

  // One case through its life, on the district calendar (dates in the future, so nothing warns meanwhile).
  const caseId = randomUUID();
  // Its own school: the topic keeps earlier runs' events, which every new consumer group reads again.
  const lifecycleSchool = randomUUID();
  const openedAt = '2027-02-02T15:00:00.000Z'; // Tuesday 09:00 Central
  const pausedAt = '2027-02-02T18:00:00.000Z'; // 12:00 Central: 180 business minutes used
  const resumedAt = '2027-02-04T15:00:00.000Z'; // Thursday 09:00 Central
  let pending: EventEnvelope<unknown>;

  it('starts the first-response and resolution timers on the business calendar when a case opens', async () => {
    await open(caseId, openedAt, { schoolId: lifecycleSchool });
    const { FIRST_RESPONSE, RESOLUTION, NEXT_RESPONSE } = await timers(caseId);
    expect(NEXT_RESPONSE).toBeUndefined();
    expect(FIRST_RESPONSE).toMatchObject({ status: 'RUNNING', target_minutes: 480, clock: 'BUSINESS' });
    expect(RESOLUTION).toMatchObject({ status: 'RUNNING', target_minutes: 2_400 });
    expect(FIRST_RESPONSE.due_at).toEqual(addBusinessMinutes(district, new Date(openedAt), 480));
    expect(FIRST_RESPONSE.due_at.toISOString()).toBe('2027-02-03T14:00:00.000Z'); // Wednesday 08:00 Central
    expect(RESOLUTION.due_at).toEqual(addBusinessMinutes(district, new Date(openedAt), 2_400));

    const result = await graphql(
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Case {
              id
              sla {
                policy {
                  name
                }
                firstResponse {
                  kind
                  target
                  status
                  dueAt
                  remainingBusinessMinutes
                  breachedAt
                }
                nextResponse {
                  status
                }
                resolution {
                  status
                  target
                }
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'Case', id: caseId }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].sla).toEqual({
      policy: { name: 'Standard' },
      firstResponse: {
        kind: 'FIRST_RESPONSE',
        target: 480,
        status: 'RUNNING',
        dueAt: '2027-02-03T14:00:00.000Z',
        remainingBusinessMinutes: 480,
        breachedAt: null,
      },
      nextResponse: null,
      resolution: { status: 'RUNNING', target: 2_400 },
    });
  });

  it('meets the first response on a staff reply and ignores internal notes', async () => {
    const messageId = randomUUID();
    await publish(CaseMessageAdded, caseId, {
      caseId,
      messageId,
      direction: 'INTERNAL_NOTE',
      at: '2027-02-02T16:00:00.000Z',
    });
    expect((await timers(caseId))['FIRST_RESPONSE'].status).toBe('RUNNING');
    await publish(CaseMessageAdded, caseId, {
      caseId,
      messageId: randomUUID(),
      direction: 'OUTBOUND',
      at: '2027-02-02T17:00:00.000Z',
    });
    const { FIRST_RESPONSE, RESOLUTION } = await timers(caseId);
    expect(FIRST_RESPONSE).toMatchObject({ status: 'MET', consumed_minutes: 120 });
    expect(FIRST_RESPONSE.met_at.toISOString()).toBe('2027-02-02T17:00:00.000Z');
    expect(RESOLUTION.status).toBe('RUNNING');
  });

  it('pauses resolution while PENDING and resumes it with the time that was left', async () => {
    pending = await status(caseId, 'OPEN', 'PENDING', pausedAt);
    const paused = (await timers(caseId))['RESOLUTION'];
    expect(paused).toMatchObject({ status: 'PAUSED', consumed_minutes: 180, due_at: null });

    await status(caseId, 'PENDING', 'OPEN', resumedAt);
    const resumed = (await timers(caseId))['RESOLUTION'];
    expect(resumed.status).toBe('RUNNING');
    expect(resumed.due_at).toEqual(addBusinessMinutes(district, new Date(resumedAt), 2_400 - 180));
  });

  it('changes nothing on a duplicated or an out-of-order event', async () => {
    const before = await timers(caseId);
    const [factsBefore] = await database.dataSource.query('SELECT * FROM sla_case WHERE case_id = $1', [
      caseId,
    ]);
    await send(pending); // the same event again: the inbox drops it
    // An older change delivered late (same key, so taken after the duplicate).
    await status(caseId, 'OPEN', 'PENDING', '2027-02-03T15:00:00.000Z');
    expect(await timers(caseId)).toEqual(before);
    const [factsAfter] = await database.dataSource.query('SELECT * FROM sla_case WHERE case_id = $1', [
      caseId,
    ]);
    expect(factsAfter).toEqual(factsBefore);
    expect(factsAfter.status).toBe('OPEN');
  });

  it('moves running deadlines at once when an emergency closure is declared', async () => {
    const [{ id: calendarId }] = await database.dataSource.query(
      `SELECT id FROM business_calendar WHERE scope = 'DISTRICT'`,
    );
    const closure = { date: '2027-02-04', from: '11:00', reason: 'Snow', kind: 'EMERGENCY' };
    const result = await graphql(
      `
        mutation ($id: ID!, $c: ClosureInput!) {
          addClosure(calendarId: $id, closure: $c) {
            version
            closures {
              date
              from
              kind
            }
          }
        }
      `,
      { id: calendarId, c: closure },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.addClosure.version).toBe(2);
    expect(result.data.addClosure.closures).toContainEqual({
      date: '2027-02-04',
      from: '11:00',
      kind: 'EMERGENCY',
    });
    const snowy = validateCalendar({
      ...DISTRICT_CALENDAR_2026_27,
      closures: [...(DISTRICT_CALENDAR_2026_27.closures ?? []), { ...closure, kind: 'EMERGENCY' as const }],
    });
    const resolution = (await timers(caseId))['RESOLUTION'];
    expect(resolution.due_at).toEqual(addBusinessMinutes(snowy, new Date(resumedAt), 2_400 - 180));
    expect(resolution.due_at).not.toEqual(addBusinessMinutes(district, new Date(resumedAt), 2_400 - 180));
  });

  it('owes a next response when the family writes after a reply, and restarts resolution on a reopen', async () => {
    const snowy = validateCalendar({
      ...DISTRICT_CALENDAR_2026_27,
      closures: [
        ...(DISTRICT_CALENDAR_2026_27.closures ?? []),
        { date: '2027-02-04', from: '11:00', reason: 'Snow', kind: 'EMERGENCY' as const },
      ],
    });
    const inbound = '2027-02-05T15:00:00.000Z'; // Friday 09:00 Central
    await publish(CaseMessageAdded, caseId, {
      caseId,
      messageId: randomUUID(),
      direction: 'INBOUND',
      at: inbound,
    });
    const next = (await timers(caseId))['NEXT_RESPONSE'];
    expect(next).toMatchObject({ status: 'RUNNING', target_minutes: 480 });
    expect(next.due_at).toEqual(addBusinessMinutes(snowy, new Date(inbound), 480));
    // A second message from the family does not restart it.
    await publish(CaseMessageAdded, caseId, {
      caseId,
      messageId: randomUUID(),
      direction: 'INBOUND',
      at: '2027-02-05T15:30:00.000Z',
    });
    expect((await timers(caseId))['NEXT_RESPONSE'].due_at).toEqual(next.due_at);
    await publish(CaseMessageAdded, caseId, {
      caseId,
      messageId: randomUUID(),
      direction: 'OUTBOUND',
      at: '2027-02-05T16:00:00.000Z',
    });
    expect((await timers(caseId))['NEXT_RESPONSE']).toMatchObject({ status: 'MET', consumed_minutes: 60 });

    const resolvedAt = '2027-02-05T17:00:00.000Z';
    await status(caseId, 'OPEN', 'RESOLVED', resolvedAt);
    const met = (await timers(caseId))['RESOLUTION'];
    expect(met.status).toBe('MET');
    expect(met.consumed_minutes).toBeCloseTo(
      180 + businessMinutesBetween(snowy, new Date(resumedAt), new Date(resolvedAt)),
    );

    const reopenedAt = '2027-02-08T15:00:00.000Z'; // Monday 09:00 Central
    await status(caseId, 'RESOLVED', 'OPEN', reopenedAt);
    const reopened = (await timers(caseId))['RESOLUTION'];
    expect(reopened).toMatchObject({
      status: 'RUNNING',
      met_at: null,
      consumed_minutes: met.consumed_minutes,
    });
    expect(reopened.due_at).toEqual(
      addBusinessMinutes(snowy, new Date(reopenedAt), 2_400 - met.consumed_minutes),
    );
  });

  it('re-evaluates the policy when a case is updated, keeping the time used', async () => {
    const updatedCase = randomUUID();
    await open(updatedCase, '2027-02-09T15:00:00.000Z'); // Tuesday 09:00 Central
    const at = '2027-02-09T16:00:00.000Z'; // an hour later it turns out to be urgent
    await publish(CaseUpdated, updatedCase, {
      ...CaseUpdated.fixture,
      caseId: updatedCase,
      priority: 'URGENT',
      at,
    });
    const [{ policy_id: policyId }] = await database.dataSource.query(
      'SELECT policy_id FROM sla_case WHERE case_id = $1',
      [updatedCase],
    );
    const [{ name }] = await database.dataSource.query('SELECT name FROM sla_policy WHERE id = $1', [
      policyId,
    ]);
    expect(name).toBe('Urgent safety concern');
    const { FIRST_RESPONSE, RESOLUTION } = await timers(updatedCase);
    // 60 minutes used of the new 60-minute target: due now; the resolution has 1,380 of its 1,440 left.
    expect(FIRST_RESPONSE).toMatchObject({
      status: 'RUNNING',
      target_minutes: 60,
      clock: 'CALENDAR',
      policy_id: policyId,
    });
    expect(FIRST_RESPONSE.due_at.toISOString()).toBe(at);
    expect(RESOLUTION).toMatchObject({ target_minutes: 1_440, clock: 'CALENDAR' });
    expect(RESOLUTION.due_at).toEqual(new Date(Date.parse(at) + 1_380 * 60_000));
  });

  it('stops the timers of a case merged into another and ignores its later events', async () => {
    const duplicate = randomUUID();
    await open(duplicate, '2027-02-09T15:00:00.000Z');
    await publish(CaseMerged, duplicate, {
      mergedCaseId: duplicate,
      survivorCaseId: caseId,
      at: '2027-02-09T16:00:00.000Z',
    });
    const stopped = await timers(duplicate);
    expect(stopped['FIRST_RESPONSE']).toMatchObject({ status: 'PAUSED', due_at: null, consumed_minutes: 60 });
    expect(stopped['RESOLUTION']).toMatchObject({ status: 'PAUSED', due_at: null });
    await status(duplicate, 'PENDING', 'OPEN', '2027-02-09T17:00:00.000Z');
    expect(await timers(duplicate)).toEqual(stopped);
  });

  it("follows a school's own calendar once saved, and the district's again once it is deleted", async () => {
    const schoolId = randomUUID();
    const schoolCase = randomUUID();
    const openedOn = new Date('2027-02-10T15:00:00.000Z'); // Wednesday 09:00 Central
    await open(schoolCase, openedOn.toISOString(), { schoolId });
    const hours = {
      timeZone: 'America/Chicago',
      openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '15:00' })),
    };
    const saved = await graphql(
      'mutation($input: BusinessCalendarInput!) { saveBusinessCalendar(input: $input) { id scope schoolId version } }',
      { input: { name: 'Lincoln Elementary', scope: 'SCHOOL', schoolId, ...hours } },
    );
    expect(saved.errors).toBeUndefined();
    const calendarId = saved.data.saveBusinessCalendar.id;
    const school = validateCalendar(hours as Parameters<typeof validateCalendar>[0]);
    const onSchool = (await timers(schoolCase))['FIRST_RESPONSE'];
    expect(onSchool.calendar_id).toBe(calendarId);
    expect(onSchool.due_at).toEqual(addBusinessMinutes(school, openedOn, 480));

    const deleted = await graphql('mutation($id: ID!) { deleteBusinessCalendar(id: $id) }', {
      id: calendarId,
    });
    expect(deleted.data.deleteBusinessCalendar).toBe(true);
    const back = (await timers(schoolCase))['FIRST_RESPONSE'];
    expect(back.calendar_id).not.toBe(calendarId);
    const current = await database.dataSource.query(
      `SELECT definition FROM business_calendar WHERE scope = 'DISTRICT'`,
    );
    expect(back.due_at).toEqual(addBusinessMinutes(validateCalendar(current[0].definition), openedOn, 480));
  });

  it('announces every calendar to other services through the outbox: saved, closed, deleted, and at start-up', async () => {
    // What another service's consumer receives from the broker, after the outbox relay published it.
    const listenerGroup = uniqueName('slas-calendar-listener', '-');
    await startGroupAtEnd(listenerGroup, [SLAS_CALENDAR_TOPIC]);
    const listener = testKafka().consumer({ groupId: listenerGroup });
    const received: EventEnvelope<EventData<typeof BusinessCalendarChanged>>[] = [];
    await listener.connect();
    try {
      await listener.subscribe({ topics: [SLAS_CALENDAR_TOPIC], fromBeginning: true });
      await listener.run({
        eachMessage: async ({ message }) => {
          received.push(JSON.parse(message.value!.toString()));
        },
      });
      const of = (calendarId: string) => received.filter((e) => e.data.calendarId === calendarId);

      const schoolId = randomUUID();
      const hours = {
        timeZone: 'US/Central', // the zone's old name: the event carries the canonical one
        openingHours: [5, 1].map((weekday) => ({ weekday, opens: '07:30', closes: '16:00' })),
      };
      const saved = await graphql(
        'mutation($input: BusinessCalendarInput!) { saveBusinessCalendar(input: $input) { id } }',
        { input: { name: 'Roosevelt Middle', scope: 'SCHOOL', schoolId, ...hours } },
      );
      expect(saved.errors).toBeUndefined();
      const calendarId: string = saved.data.saveBusinessCalendar.id;
      const closed = await graphql(
        'mutation($id: ID!, $closure: ClosureInput!) { addClosure(calendarId: $id, closure: $closure) { version } }',
        {
          id: calendarId,
          closure: { date: '2027-01-18', reason: 'Martin Luther King Jr. Day', kind: 'HOLIDAY' },
        },
      );
      expect(closed.data.addClosure.version).toBe(2);
      const deleted = await graphql('mutation($id: ID!) { deleteBusinessCalendar(id: $id) }', {
        id: calendarId,
      });
      expect(deleted.data.deleteBusinessCalendar).toBe(true);

      await waitUntil('the three snapshots on the broker', async () => of(calendarId).length === 3, {
        timeoutMs: 30_000,
      });
      const [first, second, gone] = of(calendarId);
      expect(first).toMatchObject({
        type: BusinessCalendarChanged.type,
        aggregateId: calendarId,
        producer: 'slas',
      });
      expect(first!.data).toEqual({
        calendarId,
        scope: 'SCHOOL',
        schoolId,
        definition: {
          timeZone: 'America/Chicago',
          openingHours: [
            { weekday: 1, opens: '07:30', closes: '16:00' },
            { weekday: 5, opens: '07:30', closes: '16:00' },
          ],
          closures: [],
        },
        version: 1,
        deleted: false,
      });
      expect(second!.data.version).toBe(2);
      expect(second!.data.definition!.closures).toEqual([
        { date: '2027-01-18', reason: 'Martin Luther King Jr. Day', kind: 'HOLIDAY' },
      ]);
      // Past the last save, so a consumer's copy (or a snapshot still in flight) gives way to it.
      expect(gone!.data).toEqual({
        calendarId,
        scope: 'SCHOOL',
        schoolId,
        definition: null,
        version: 3,
        deleted: true,
      });

      // At start-up every calendar still there is announced again (here: the district's, as saved).
      const [district] = await database.dataSource.query(
        `SELECT id, version, definition FROM business_calendar WHERE scope = 'DISTRICT'`,
      );
      const before = of(district.id).length;
      expect(await app.get(CalendarAnnouncements).announceAll()).toBe(
        (await database.dataSource.query('SELECT count(*)::int AS n FROM business_calendar'))[0].n,
      );
      await waitUntil('the district calendar announced', async () => of(district.id).length > before, {
        timeoutMs: 30_000,
      });
      expect(of(district.id).at(-1)!.data).toMatchObject({
        scope: 'DISTRICT',
        schoolId: null,
        version: district.version,
        definition: district.definition,
        deleted: false,
      });
      expect(of(calendarId)).toHaveLength(3);
    } finally {
      await listener.disconnect();
    }
  });

  it('reports attainment over the cases opened in a range', async () => {
    const query = `query($range: DateRangeInput!, $schoolId: ID) { slaAttainment(range: $range, schoolId: $schoolId) {
      cases breaches medianFirstResponseBusinessMinutes byKind { kind total met breached open metShare } } }`;
    const range = { from: '2027-02-02T00:00:00.000Z', to: '2027-02-03T00:00:00.000Z' };
    const result = await graphql(query, { range, schoolId: lifecycleSchool });
    expect(result.errors).toBeUndefined();
    // The median is read from the rollups' histogram (ADR 26): exact below an hour, within 2 % above.
    const { medianFirstResponseBusinessMinutes: median, ...figures } = result.data.slaAttainment;
    expect(Math.abs(median - 120) / 120).toBeLessThanOrEqual(0.02);
    expect(figures).toEqual({
      cases: 1,
      breaches: 0,
      byKind: [
        { kind: 'FIRST_RESPONSE', total: 1, met: 1, breached: 0, open: 0, metShare: 1 },
        { kind: 'NEXT_RESPONSE', total: 1, met: 1, breached: 0, open: 0, metShare: 1 },
        { kind: 'RESOLUTION', total: 1, met: 0, breached: 0, open: 1, metShare: null },
      ],
    });
    const elsewhere = await graphql(query, { range, schoolId: randomUUID() });
    expect(elsewhere.data.slaAttainment.cases).toBe(0);
    expect((await graphql(query, { range }, agent)).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('breaks attainment down by school in one aggregate, each school as its own figures say', async () => {
    const figures =
      'cases breaches medianFirstResponseBusinessMinutes byKind { kind total met breached open metShare }';
    const query = `query($range: DateRangeInput!, $schoolId: ID) { slaAttainment(range: $range, schoolId: $schoolId) {
      cases bySchool { schoolId school { id } ${figures} } } }`;
    const range = { from: '2027-01-01T00:00:00.000Z', to: '2027-03-01T00:00:00.000Z' };
    const district = await graphql(query, { range });
    expect(district.errors).toBeUndefined();
    const { cases, bySchool } = district.data.slaAttainment;
    expect(bySchool.length).toBeGreaterThanOrEqual(2);
    expect(bySchool.reduce((sum: number, row: { cases: number }) => sum + row.cases, 0)).toBe(cases);
    for (const row of bySchool) {
      expect(row.school).toEqual(row.schoolId ? { id: row.schoolId } : null);
      if (!row.schoolId) continue;
      const own = await graphql(
        `query($range: DateRangeInput!, $schoolId: ID) {
        slaAttainment(range: $range, schoolId: $schoolId) { ${figures} } }`,
        { range, schoolId: row.schoolId },
      );
      const { schoolId: _id, school: _school, ...rowFigures } = row;
      expect(rowFigures).toEqual(own.data.slaAttainment);
    }
    // Filtered to one school, the breakdown is that school's row alone.
    const one = await graphql(query, { range, schoolId: lifecycleSchool });
    expect(one.data.slaAttainment.bySchool.map((row: { schoolId: string }) => row.schoolId)).toEqual([
      lifecycleSchool,
    ]);
  });

  it("answers School.slaAttainment for the gateway, to the school's administrators only", async () => {
    const query = `query($representations: [_Any!]!, $range: DateRangeInput!) {
      _entities(representations: $representations) { ... on School { slaAttainment(range: $range) { cases breaches } } } }`;
    const variables = {
      representations: [{ __typename: 'School', id: lifecycleSchool }],
      range: { from: '2027-02-02T00:00:00.000Z', to: '2027-02-03T00:00:00.000Z' },
    };
    const own: Principal = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId: lifecycleSchool });
    const result = await graphql(query, variables, own);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].slaAttainment).toEqual({ cases: 1, breaches: 0 });
    const other: Principal = { ...own, grants: [{ role: 'SCHOOL_ADMIN', schoolId: randomUUID() }] };
    expect((await graphql(query, variables, other)).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("applies a policy on the requester's kind, as the case opened says it", async () => {
    const saved = await graphql(
      `
        mutation ($input: SlaPolicyInput!) {
          saveSlaPolicy(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          name: 'Staff questions',
          position: 0,
          conditions: { requesterKinds: ['STAFF'] },
          targets: { firstResponse: 240 },
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    const policyId = saved.data.saveSlaPolicy.id;
    try {
      const staffCase = randomUUID();
      const guardianCase = randomUUID();
      const requesterId = randomUUID();
      await open(staffCase, '2027-02-11T15:00:00.000Z', {
        requesterId,
        requesterKind: 'STAFF',
        anonymous: false,
      });
      await open(guardianCase, '2027-02-11T15:00:00.000Z', {
        requesterId,
        requesterKind: 'GUARDIAN',
        anonymous: false,
      });
      expect((await timers(staffCase))['FIRST_RESPONSE']).toMatchObject({
        policy_id: policyId,
        target_minutes: 240,
      });
      expect((await timers(guardianCase))['FIRST_RESPONSE'].policy_id).not.toBe(policyId);
      const refused = await graphql(
        `
          mutation ($input: SlaPolicyInput!) {
            saveSlaPolicy(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            name: 'Parents',
            conditions: { requesterKinds: ['PARENT'] },
            targets: { firstResponse: 60 },
          },
        },
      );
      expect(refused.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CONDITION',
      });
    } finally {
      await graphql('mutation($id: ID!) { deleteSlaPolicy(id: $id) }', { id: policyId });
    }
  });

  it('publishes SlaWarning and then SlaBreached, once each, when a deadline passes', async () => {
    const saved = await graphql(
      `
        mutation ($input: SlaPolicyInput!) {
          saveSlaPolicy(input: $input) {
            id
            position
            clock
          }
        }
      `,
      {
        input: {
          name: 'Text messages (test)',
          position: -1,
          conditions: { channels: ['SMS'] },
          clock: 'CALENDAR',
          targets: { firstResponse: 1 },
          warnAtPercent: 90,
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    const smsCase = randomUUID();
    // Due 3 seconds from now; the warning point (54 s in) has already passed.
    await open(smsCase, new Date(Date.now() - 57_000).toISOString(), { channel: 'SMS' });
    const events = async (): Promise<Json[]> =>
      (
        await database.dataSource.query(
          `SELECT envelope FROM outbox_event WHERE message_key = $1 ORDER BY position`,
          [smsCase],
        )
      ).map((row: Json) => row.envelope);
    await waitUntil('the breach', async () => (await events()).some((e) => e.type === 'slas.SlaBreached'), {
      timeoutMs: 20_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a few more sweeps
    const sent = await events();
    expect(sent.map((e) => e.type)).toEqual(['slas.SlaWarning', 'slas.SlaBreached']);
    const { FIRST_RESPONSE } = await timers(smsCase);
    expect(sent[0].data).toMatchObject({
      caseId: smsCase,
      timerKind: 'FIRST_RESPONSE',
      policyId: saved.data.saveSlaPolicy.id,
      thresholdPercent: 90,
      dueAt: FIRST_RESPONSE.due_at.toISOString(),
    });
    expect(sent[1].data).toMatchObject({ caseId: smsCase, dueAt: FIRST_RESPONSE.due_at.toISOString() });
    expect(FIRST_RESPONSE.status).toBe('BREACHED');
    expect(FIRST_RESPONSE.warned_at).not.toBeNull();
  });

  it('shares due timers between replicas: each breach is sent once', async () => {
    const [{ id: policyId }] = await database.dataSource.query(
      `SELECT id FROM sla_policy WHERE name = 'Standard'`,
    );
    const caseIds = Array.from({ length: 60 }, () => randomUUID());
    const startedAt = new Date(Date.now() - 10 * 60_000);
    await database.dataSource.query(
      `INSERT INTO sla_case (case_id, priority, channel, status, policy_id, opened_at, awaiting_reply, last_event_at)
       SELECT id, 'NORMAL', 'PHONE', 'OPEN', $2, $3, true, $3 FROM unnest($1::uuid[]) AS id`,
      [caseIds, policyId, startedAt.toISOString()],
    );
    const timer = startTimer(
      { kind: 'FIRST_RESPONSE', targetMinutes: 1, clock: 'CALENDAR' },
      startedAt,
      district,
    );
    await saveTimers(
      database.dataSource.manager,
      caseIds.map((id) => ({ caseId: id, policyId, calendarId: null, timer, responseBusinessMinutes: null })),
    );
    // Two more replicas, small batches, alongside the app's own scheduler.
    const logger = createLogger({ service: 'slas-test', level: 'silent' });
    const replicas = [1, 2].map(
      () =>
        new SlaScheduler(
          database.dataSource,
          new OutboxWriter('slas'),
          { intervalMs: 0, batchSize: 7 },
          logger,
        ),
    );
    await Promise.all(replicas.map((replica) => replica.sweep()));
    await waitUntil(
      'every timer breached',
      async () =>
        (
          await database.dataSource.query(
            `SELECT count(*)::int AS n FROM sla_timer WHERE case_id = ANY($1) AND status = 'RUNNING'`,
            [caseIds],
          )
        )[0].n === 0,
      { timeoutMs: 10_000 },
    );
    const sent = await database.dataSource.query(
      `SELECT envelope->>'type' AS type, count(*)::int AS n FROM outbox_event WHERE message_key = ANY($1)
        GROUP BY message_key, envelope->>'type'`,
      [caseIds],
    );
    expect(sent).toHaveLength(120);
    expect(sent.every((row: Json) => row.n === 1)).toBe(true);
  });

  it('keeps sweeping past a timer no event can describe: it is marked, logged, and the others are sent', async () => {
    const [{ id: policyId }] = await database.dataSource.query(
      `SELECT id FROM sla_policy WHERE name = 'Standard'`,
    );
    // A UUID PostgreSQL takes but the event contract refuses (no RFC 9562 version).
    const unannounceable = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
    const fine = randomUUID();
    const startedAt = new Date(Date.now() - 10 * 60_000);
    await database.dataSource.query(
      `INSERT INTO sla_case (case_id, priority, channel, status, policy_id, opened_at, awaiting_reply, last_event_at)
       SELECT id, 'NORMAL', 'PHONE', 'OPEN', $2, $3, true, $3 FROM unnest($1::uuid[]) AS id`,
      [[unannounceable, fine], policyId, startedAt.toISOString()],
    );
    const timer = startTimer(
      { kind: 'FIRST_RESPONSE', targetMinutes: 1, clock: 'CALENDAR' },
      startedAt,
      district,
    );
    await saveTimers(
      database.dataSource.manager,
      [unannounceable, fine].map((id) => ({
        caseId: id,
        policyId,
        calendarId: null,
        timer,
        responseBusinessMinutes: null,
      })),
    );
    const scheduler = new SlaScheduler(
      database.dataSource,
      new OutboxWriter('slas'),
      { intervalMs: 0, batchSize: 1 },
      createLogger({ service: 'slas-test', level: 'silent' }),
    );
    await scheduler.sweep();
    await waitUntil(
      'both timers marked',
      async () =>
        (
          await database.dataSource.query(
            `SELECT count(*)::int AS n FROM sla_timer WHERE case_id = ANY($1) AND status = 'BREACHED'`,
            [[unannounceable, fine]],
          )
        )[0].n === 2,
      { timeoutMs: 10_000 },
    );
    const sent = await database.dataSource.query(
      `SELECT message_key FROM outbox_event WHERE message_key = ANY($1) AND envelope->>'type' = $2`,
      [[unannounceable, fine], SlaBreached.type],
    );
    expect(sent).toEqual([{ message_key: fine }]);
  });

  it('refuses bad calendars and policies with the domain reasons and writes nothing', async () => {
    const count = async () =>
      (
        await database.dataSource.query(
          `SELECT (SELECT count(*) FROM business_calendar) + (SELECT count(*) FROM sla_policy)
                + (SELECT sum(version) FROM business_calendar) AS n`,
        )
      )[0].n;
    const before = await count();
    const calendar = async (input: Record<string, unknown>) =>
      (
        await graphql(
          'mutation($input: BusinessCalendarInput!) { saveBusinessCalendar(input: $input) { id } }',
          {
            input: {
              name: 'Lincoln Elementary',
              scope: 'SCHOOL',
              schoolId: randomUUID(),
              timeZone: 'America/Chicago',
              openingHours: [{ weekday: 1, opens: '08:00', closes: '15:00' }],
              ...input,
            },
          },
        )
      ).errors[0].extensions;
    expect(await calendar({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_TIME_ZONE',
    });
    expect((await calendar({ openingHours: [{ weekday: 1, opens: '15:00', closes: '08:00' }] })).reason).toBe(
      'INVERTED_HOURS',
    );
    expect((await calendar({ openingHours: [] })).reason).toBe('NO_OPENING_HOURS');
    expect((await calendar({ scope: 'DISTRICT', schoolId: null })).reason).toBe('DUPLICATE_CALENDAR');
    const policy = async (input: Record<string, unknown>, principal: Principal = admin) =>
      (
        await graphql(
          'mutation($input: SlaPolicyInput!) { saveSlaPolicy(input: $input) { id } }',
          { input: { name: 'Broken', targets: { firstResponse: 60 }, ...input } },
          principal,
        )
      ).errors[0].extensions;
    expect(await policy({ targets: {} })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_TARGETS' });
    expect((await policy({ targets: { resolution: -5 } })).reason).toBe('INVALID_TARGET');
    expect((await policy({ warnAtPercent: 150 })).reason).toBe('INVALID_WARNING_THRESHOLD');
    expect((await policy({}, agent)).code).toBe('FORBIDDEN');
    // A NUL character or an id that is not one is refused by name, before the database could fail on it.
    expect(await calendar({ name: 'Lincoln\u0000' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NUL_CHARACTER',
      details: [{ path: 'name' }],
    });
    expect(await calendar({ schoolId: 'lincoln' })).toMatchObject({
      reason: 'INVALID_ID',
      details: [{ path: 'schoolId' }],
    });
    expect(await policy({ conditions: { topicIds: [randomUUID(), 'bus'] } })).toMatchObject({
      reason: 'INVALID_ID',
      details: [{ path: 'conditions.topicIds.1' }],
    });
    const deleted = await graphql('mutation { deleteSlaPolicy(id: "standard") }');
    expect(deleted.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    expect(await count()).toBe(before);
  });
});
