/**
 * The cases service's hot reads keep their indexes at district scale (the district-scale issue): a query
 * that quietly stops using its index is fast on a test's hundred rows and slow on a district's three
 * years. Each test runs the service's own code against a seeded database (200,000 cases over 700 schools
 * and three years, 7 % open; 120,000 people; timelines and messages of the 50,000 newest cases; a day of
 * outbox events), captures the SQL it sends, and checks PostgreSQL's plan of each statement (EXPLAIN,
 * not run): the index named here is used, and no seeded table is read from end to end. A failure prints
 * every plan's nodes. Plans only, never timings: tools/bench measures.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import type { CaseSort, CaseStatus } from '@homeroom/cases/domain';
import { createTestDatabase, statementsOf, type TestDatabase } from '@homeroom/platform/database/testing';
import { OutboxRelay, type OutboxRelaySettings, type OutboxWriter } from '@homeroom/platform/messaging';
import { testLogger } from '@homeroom/platform/testing';
import { CASES_ENTITIES } from '../entities';
import { CaseFiguresRollup } from '../figures/case-figures-rollup';
import { CASES_MIGRATIONS } from '../migrations';
import { matchRequester } from '../requesters/requester-matcher';
import type { TriageService } from '../triage/triage.service';
import type { CaseVisibility } from './case-actor';
import type { CaseIntakeService } from './case-intake.service';
import { type CaseFilter, CaseQueryService } from './case-query.service';
import { CaseMetricsService } from './case-metrics.service';
import { AutomationService } from './automation.service';
import type { MessageTranslationService } from '../translation/message-translation.service';
import { CaseService } from './case.service';
import { currentConversation } from './conversations';
import { EmergingIssuesService } from './emerging-issues.service';
import { TopicService } from './topic.service';

const CASES = 200_000;
const SCHOOLS = 700;
const STAFF = 1_500;
const TEAMS = 250;
const PEOPLE = 120_000;
/** The newest cases, with a timeline and messages each. */
const STORIED_CASES = 50_000;
/** A day of events (the relay deletes published ones after a day), the last few not yet published. */
const OUTBOX_EVENTS = 80_000;
const UNPUBLISHED = 40;
/** A Seq Scan on any of these is a failure. */
const SEEDED_TABLES = ['support_case', 'case_timeline', 'case_message', 'known_person', 'outbox_event'];

const OPEN: CaseStatus[] = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'];
/** The seed's ids are md5('<kind><n>')::uuid: 'school1' … 'school700', 'staff1', 'person1', 'case1' (the newest). */
const seeded = (label: string) =>
  createHash('md5')
    .update(label)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
/** An agent at two schools (about 45 open cases between them) with 8 open cases of their own. */
const ME = seeded('staff1');
const MY_SCHOOLS = [seeded('school1'), seeded('school2')];
const DISTRICT_ADMIN: CaseVisibility = { scope: 'all', confidential: true };
const DISTRICT_STAFF: CaseVisibility = { scope: 'all', confidential: false, userId: ME };
const SCHOOL_AGENT: CaseVisibility = { scope: 'schools', schoolIds: MY_SCHOOLS, userId: ME };

const SUBJECTS = [
  'Bus was late this morning',
  'Bus stop change request',
  'Lunch menu question',
  'Free and reduced lunch application',
  'Bullying at recess',
  'Change of address',
  'Report card grades',
  'Enrollment for next year',
  'Late pickup fee',
  'Parking near the gym',
  'Field day volunteers',
  'Homework help',
  'Field trip permission slip',
  'IEP meeting request',
  'Transcript request',
  'Absence excuse note',
  'Wi-Fi hotspot not working',
  'Chromebook broken screen',
  'Question about a teacher',
  'Sports physical form',
  'After-school program fees',
  'Vaccination records',
  'Snow day make-up schedule',
  'Graduation ceremony tickets',
  'Class schedule change',
  'Library book fine',
  'School supplies list',
  'Counselor appointment',
  'Early dismissal',
  'Parent portal login',
];
/** Half the subjects name the family: what staff search for. */
const SURNAMES = [
  'Garcia Nguyen Smith Johnson Okafor Patel Kim Lopez Williams Brown Martinez Hernandez Davis Rodriguez Wilson',
  'Anderson Thomas Moore Jackson Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker',
  'Young Allen King Wright Scott Torres Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter',
  'Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook',
  'Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Cox Ward Richardson Watson Brooks',
  'Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Myers Long Ross Foster',
  'Jimenez Haddad Kowalski Ivanova Tanaka',
].flatMap((line) => line.split(' '));

/** contactKey() (@homeroom/directory/contracts) in SQL: base64url of SHA-256, unpadded. */
const CONTACT_KEY_SQL = (value: string) =>
  `translate(rtrim(encode(sha256(convert_to('homeroom-contact:v1:' || ${value}, 'UTF8')), 'base64'), '='), '+/', '-_')`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Subplan Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

interface Statement {
  text: string;
  values: unknown[];
}

/** The index a statement must use, or several when PostgreSQL may rightly take any of them. */
type Expected = string | readonly string[];

describe('hot query plans at district scale', () => {
  let database: TestDatabase;
  let query: CaseQueryService;

  beforeAll(async () => {
    database = await createTestDatabase('hot-query-plans', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    await seed();
    // As autovacuum would have: statistics gathered, visibility map set, GIN pending lists merged.
    await database.dataSource.query(`VACUUM ANALYZE ${SEEDED_TABLES.join(', ')}`);
    query = new CaseQueryService(database.dataSource);
  });

  afterAll(() => database?.drop());

  /**
   * One INSERT … SELECT per table. Case g is g × (3 years / CASES) old; u1…u12 are its stable pseudo-random
   * draws. Open: three in four of the newest 8 %, and one in a hundred older ones (forgotten); 1 in 8
   * open cases has a warned SLA deadline; NEW ones are unassigned.
   */
  async function seed(): Promise<void> {
    const draws = Array.from(
      { length: 12 },
      (_, i) => `(hashint4extended(g, ${i + 1}) & 2147483647)::int AS u${i + 1}`,
    ).join(', ');
    // The district's taxonomy: every case in one of its 30 topics.
    await new TopicService(database.dataSource).seedStarterTaxonomy();
    const topics = (
      (await database.dataSource.query('SELECT id FROM topic WHERE parent_id IS NOT NULL')) as {
        id: string;
      }[]
    ).map((topic) => topic.id);
    await database.dataSource.query(
      `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, requester_id, contact,
         anonymous, confidential, language, assignee_id, team_id, tracking_token_hash, tags, sentiment,
         created_at, updated_at, first_responded_at, resolved_at, sla_due_at, version)
       SELECT md5('case' || g)::uuid,
              'HR-' || extract(year FROM t)::int || '-' || lpad(g::text, 6, '0'),
              ($1::text[])[1 + u1 % array_length($1::text[], 1)] || CASE WHEN u2 % 2 = 0
                THEN ' (' || ($2::text[])[1 + u3 % array_length($2::text[], 1)] || ')' ELSE '' END,
              (ARRAY['WEB_FORM', 'EMAIL', 'EMAIL', 'PHONE', 'PHONE', 'WALK_IN', 'CHAT'])[1 + u2 % 7],
              status,
              (ARRAY['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'NORMAL', 'LOW', 'HIGH', 'URGENT'])[1 + u3 % 10],
              ($8::uuid[])[1 + (u10 / 7) % array_length($8::uuid[], 1)],
              CASE WHEN u9 % 20 <> 0 THEN md5('school' || (1 + u4 % $3::int))::uuid END,
              CASE WHEN u10 % 5 < 2 THEN md5('person' || (1 + u5 % $6::int))::uuid END,
              jsonb_build_object('name', NULL, 'email', 'guardian' || (1 + u5 % $6::int) || '@example.org', 'phone', NULL),
              u11 % 20 = 0, u12 % 70 = 0,
              (ARRAY['en', 'en', 'en', 'en', 'en', 'en', 'es', 'es', 'vi', 'zh'])[1 + u6 % 10],
              CASE WHEN status <> 'NEW' AND u11 % 10 <> 1 THEN md5('staff' || (1 + u7 % $4::int))::uuid END,
              CASE WHEN u12 % 5 < 3 THEN md5('team' || (1 + u8 % $5::int))::uuid END,
              encode(sha256(convert_to('token' || g, 'UTF8')), 'hex'),
              CASE u8 % 50 WHEN 0 THEN '{bus}'::text[] WHEN 1 THEN '{follow-up,board}'::text[] ELSE '{}'::text[] END,
              (ARRAY['NEGATIVE', 'NEUTRAL', 'NEUTRAL', 'POSITIVE'])[1 + u1 % 4],
              t,
              t + make_interval(hours => u2 % 200),
              CASE WHEN status <> 'NEW' THEN t + make_interval(mins => 10 + u3 % 900) END,
              CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN t + make_interval(hours => 1 + u4 % 300) END,
              CASE WHEN status NOT IN ('RESOLVED', 'CLOSED') AND u7 % 8 = 0
                THEN now() + make_interval(mins => u2 % 5760 - 2880) END,
              1
         FROM generate_series(1, $7::int) AS g,
              LATERAL (SELECT now() - make_interval(secs => (g::bigint * 94608000 / $7::int)::int) AS t, ${draws}) r,
              LATERAL (SELECT CASE WHEN (g <= $7::int * 8 / 100 AND u6 % 4 < 3) OR u6 % 100 = 1
                THEN (ARRAY['NEW', 'OPEN', 'OPEN', 'OPEN', 'PENDING', 'PENDING', 'ON_HOLD', 'NEW'])[1 + u1 % 8]
                ELSE (ARRAY['RESOLVED', 'RESOLVED', 'RESOLVED', 'CLOSED'])[1 + u1 % 4] END AS status) s`,
      [SUBJECTS, SURNAMES, SCHOOLS, STAFF, TEAMS, PEOPLE, CASES, topics],
    );
    // Students (one in three) have no contact; guardians an email and a phone, one phone in ten shared.
    await database.dataSource.query(
      `INSERT INTO known_person (id, kind, school_ids, active, contact_keys)
       SELECT md5('person' || p)::uuid,
              CASE WHEN p % 3 = 0 THEN 'STUDENT' WHEN p % 50 = 1 THEN 'STAFF' ELSE 'GUARDIAN' END,
              ARRAY[md5('school' || (1 + p % $2::int))::uuid], p % 40 <> 0,
              CASE WHEN p % 3 = 0 THEN '{}'::text[] ELSE ARRAY[
                ${CONTACT_KEY_SQL(`'guardian' || p || '@example.org'`)},
                ${CONTACT_KEY_SQL(`'+1555' || lpad((p - p % 10 / 9)::text, 7, '0')`)}] END
         FROM generate_series(1, $1::int) AS p`,
      [PEOPLE, SCHOOLS],
    );
    await database.dataSource.query(
      `INSERT INTO case_timeline (case_id, kind, actor, details, at)
       SELECT c.id, k.kind, 'system', '{}'::jsonb, c.created_at + make_interval(mins => k.n * 37)
         FROM (SELECT id, created_at FROM support_case ORDER BY created_at DESC LIMIT $1) c,
              (VALUES (0, 'OPENED'), (1, 'TOPIC_CLASSIFIED'), (2, 'ASSIGNED'), (3, 'STATUS_CHANGED'),
                      (4, 'MESSAGE_ADDED')) AS k(n, kind)
        ORDER BY 5`,
      [STORIED_CASES],
    );
    await database.dataSource.query(
      `INSERT INTO case_message (id, case_id, direction, author_kind, body, created_at)
       SELECT gen_random_uuid(), c.id, k.direction, k.author, 'Message ' || k.n, c.created_at + make_interval(mins => k.n * 53)
         FROM (SELECT id, created_at FROM support_case ORDER BY created_at DESC LIMIT $1) c,
              (VALUES (0, 'INBOUND', 'REQUESTER'), (1, 'OUTBOUND', 'STAFF'), (2, 'INTERNAL_NOTE', 'STAFF'))
                AS k(n, direction, author)
        ORDER BY 6`,
      [STORIED_CASES],
    );
    await database.dataSource.query(
      `INSERT INTO outbox_event (event_id, topic, message_key, envelope, created_at, published_at)
       SELECT gen_random_uuid(), 'cases.case.v1', md5('case' || o)::uuid::text,
              jsonb_build_object('type', 'CaseUpdated', 'data', jsonb_build_object('n', o)), at,
              CASE WHEN o <= $1::int - $2::int THEN at + interval '1 second' END
         FROM generate_series(1, $1::int) AS o,
              LATERAL (SELECT now() - make_interval(secs => 86400 - o::bigint * 86400 / $1::int) AS at) a`,
      [OUTBOX_EVENTS, UNPUBLISHED],
    );
  }

  /** The statements `work` sends that read a seeded table, in order. */
  async function captured(work: () => Promise<unknown>): Promise<Statement[]> {
    const sent = await statementsOf(work);
    return sent.filter(({ text }) => SEEDED_TABLES.some((table) => text.includes(table)));
  }

  async function plan({ text, values }: Statement, runner?: QueryRunner): Promise<PlanNode> {
    const [row] = (await (runner ?? database.dataSource).query(`EXPLAIN (FORMAT JSON) ${text}`, values)) as {
      'QUERY PLAN': [{ Plan: PlanNode }];
    }[];
    return row!['QUERY PLAN'][0].Plan;
  }

  /**
   * Each statement's plan uses (one of) its expected index(es) and reads no seeded table sequentially;
   * the statements are the ones expected, one for one. Otherwise fails with every plan, node by node.
   */
  function expectPlans(statements: Statement[], plans: PlanNode[], expected: readonly Expected[]): void {
    const problems: string[] = [];
    if (statements.length !== expected.length)
      problems.push(
        `${statements.length} statements read the seeded tables where this test expects ${expected.length}: ` +
          'the code changed, so say here which index each one should use',
      );
    plans.forEach((root, i) => {
      const nodes = flatten(root);
      const indexes = nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : []));
      const wanted = [expected[i] ?? []].flat();
      if (wanted.length && !wanted.some((index) => indexes.includes(index)))
        problems.push(
          `statement ${i + 1} does not use ${wanted.join(' or ')} (it uses ${indexes.join(', ') || 'no index'})`,
        );
      for (const node of nodes)
        if (node['Node Type'] === 'Seq Scan' && SEEDED_TABLES.includes(node['Relation Name'] ?? ''))
          problems.push(`statement ${i + 1} reads all of ${node['Relation Name']} (Seq Scan)`);
    });
    if (problems.length)
      throw new Error(
        [
          ...problems,
          '',
          ...statements.flatMap((statement, i) => [
            `statement ${i + 1}: ${shortened(statement.text)}`,
            ...(plans[i] ? render(plans[i], 1) : []),
          ]),
        ].join('\n'),
      );
  }

  /** Runs `work` (the service's code) and checks the plans of the statements it sent. */
  async function expectIndexes(work: () => Promise<unknown>, expected: readonly Expected[]): Promise<void> {
    const statements = await captured(work);
    const plans: PlanNode[] = [];
    for (const statement of statements) plans.push(await plan(statement));
    expectPlans(statements, plans, expected);
  }

  /** The inbox's `cases(filter, sort, first: 50)`: its count (totalCount), then its page. */
  const inbox = (filter: CaseFilter, visibility: CaseVisibility, sort: CaseSort = 'NEWEST') =>
    query.page(filter, 50, undefined, visibility, sort);

  /** A school's open cases: by school and date, or from the open cases alone (the backlog's index). */
  const SCHOOL_OPEN = ['ix_support_case_school', 'ix_support_case_backlog'];

  describe('the inbox: cases(filter: { status: open, … }, first: 50), its count then its page', () => {
    it('All open, newest first (a district administrator)', () =>
      expectIndexes(
        () => inbox({ status: OPEN }, DISTRICT_ADMIN),
        ['ix_support_case_status', 'ix_support_case_created'],
      ));

    it('My schools (an agent at two schools)', () =>
      expectIndexes(
        () => inbox({ status: OPEN, schoolIds: MY_SCHOOLS }, SCHOOL_AGENT),
        [SCHOOL_OPEN, SCHOOL_OPEN],
      ));

    it('narrowed to one school (district staff)', () =>
      expectIndexes(
        () => inbox({ status: OPEN, schoolId: MY_SCHOOLS[0] }, DISTRICT_STAFF),
        [SCHOOL_OPEN, SCHOOL_OPEN],
      ));

    it('Mine (assigneeId)', () =>
      expectIndexes(
        () => inbox({ status: OPEN, assigneeId: ME }, SCHOOL_AGENT),
        ['ix_support_case_assignee', 'ix_support_case_assignee'],
      ));

    it('Breaching soon (slaAtRisk, SLA_DUE order)', () =>
      expectIndexes(
        () => inbox({ status: OPEN, slaAtRisk: true }, DISTRICT_STAFF, 'SLA_DUE'),
        ['ix_support_case_sla_at_risk', 'ix_support_case_sla_at_risk'],
      ));

    it('All open in SLA_DUE order', () =>
      expectIndexes(
        () => inbox({ status: OPEN }, DISTRICT_ADMIN, 'SLA_DUE'),
        ['ix_support_case_status', 'ix_support_case_sla_due'],
      ));

    it('searched for a family name (the subject trigram index)', () =>
      expectIndexes(
        () => inbox({ status: OPEN, search: 'okafor' }, DISTRICT_STAFF),
        ['ix_support_case_subject_trgm', 'ix_support_case_subject_trgm'],
      ));

    // The inbox's default view for every school-level agent: the watcher arm of the visibility rule is an
    // array computed once (case-query.service.ts), so the planner combines the school and assignee indexes;
    // a correlated EXISTS there made it read every open case.
    it('All open for an agent at two schools (their schools, their cases, their watches)', () =>
      expectIndexes(() => inbox({ status: OPEN }, SCHOOL_AGENT), [SCHOOL_OPEN, SCHOOL_OPEN]));
  });

  describe("the dashboard's figures (caseMetrics, a year)", () => {
    const settings = { numberPrefix: 'HR', timeZone: 'America/Chicago', defaultLanguage: 'en' };
    let metrics: CaseMetricsService;
    const year = () => ({ from: new Date(Date.now() - 365 * 86_400_000), to: new Date() });

    beforeAll(async () => {
      const rollup = new CaseFiguresRollup(database.dataSource, settings, testLogger());
      await rollup.rebuild();
      metrics = new CaseMetricsService(database.dataSource, settings, rollup);
    });

    // Three statements at once (contacts, durations, backlog), sent in whichever order the pool serves them.
    const eachOf = (...indexes: string[]) => [indexes, indexes, indexes];

    // The district's figures come from the rollups (not seeded tables); the cases are read for the hours at
    // the range's ends and for the backlog only.
    it('of the district: the ends of the range and the backlog', () =>
      expectIndexes(
        () => metrics.metrics(year(), DISTRICT_STAFF),
        eachOf('ix_support_case_created', 'ix_support_case_backlog'),
      ));

    it('of one school', () =>
      expectIndexes(
        () => metrics.metrics({ ...year(), schoolId: MY_SCHOOLS[0] }, DISTRICT_ADMIN),
        eachOf(...SCHOOL_OPEN),
      ));

    it('of one topic', async () => {
      const [{ id: topicId }] = (await database.dataSource.query(
        `SELECT id FROM topic WHERE name = 'Bus stop or route'`,
      )) as [{ id: string }];
      await expectIndexes(
        () => metrics.metrics({ ...year(), topicId }, DISTRICT_ADMIN),
        eachOf('ix_support_case_topic', 'ix_support_case_backlog'),
      );
    });
  });

  describe("the dashboard's emerging issues (a surge on one topic at one school today)", () => {
    const settings = { numberPrefix: 'HR', timeZone: 'America/Chicago', defaultLanguage: 'en' };
    let emerging: EmergingIssuesService;
    let surgeTopic = '';

    beforeAll(async () => {
      const rollup = new CaseFiguresRollup(database.dataSource, settings, testLogger());
      await rollup.rebuild();
      emerging = new EmergingIssuesService(database.dataSource, settings, rollup);
      [{ id: surgeTopic }] = (await database.dataSource.query(
        `SELECT id FROM topic WHERE name = 'Bus stop or route'`,
      )) as [{ id: string }];
      await database.dataSource.query(
        `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, contact,
           language, tracking_token_hash, version, created_at)
         SELECT gen_random_uuid(), 'SURGE-' || g, 'Bus stop moved', 'WEB_FORM', 'NEW', 'NORMAL', $1, $2,
                '{"name": null, "email": null, "phone": null}', 'en', md5('surge' || g), 1,
                now() - make_interval(mins => g)
           FROM generate_series(1, 200) g`,
        [surgeTopic, MY_SCHOOLS[0]],
      );
    });

    // The district's series come from the rollups: only the surging topic's last days are read from the cases.
    it("of the district: the rollups, then the signal's schools", async () => {
      await expectIndexes(() => emerging.detect(DISTRICT_STAFF), ['ix_support_case_topic']);
      expect((await emerging.detect(DISTRICT_STAFF)).map((issue) => issue.topicId)).toContain(surgeTopic);
    });

    it("of an agent at two schools: their schools' month, then the signal's schools", async () => {
      await expectIndexes(
        () => emerging.detect(SCHOOL_AGENT),
        ['ix_support_case_school', ['ix_support_case_topic', 'ix_support_case_school']],
      );
      expect((await emerging.detect(SCHOOL_AGENT)).map((issue) => issue.topicId)).toContain(surgeTopic);
    });
  });

  describe('the automation sweep (a rule on quiet pending cases)', () => {
    const QUIET = ['ix_support_case_quiet', 'ix_support_case_status'];
    it('finds the quiet cases of a status through the open cases by last change', () =>
      expectIndexes(
        () =>
          new AutomationService(
            database.dataSource,
            null as never,
            { numberPrefix: 'HR', timeZone: 'America/Chicago', defaultLanguage: 'en' },
            testLogger(),
          ).preview({ statuses: ['PENDING'], idleBusinessDays: 3 }),
        // The count and the 20 quietest: by status and last change, or the status's cases (few are open).
        [QUIET, QUIET],
      ));

    it("chooses a sweep's cases of several statuses a branch a status, each through the quiet index", async () => {
      const ruleId = randomUUID();
      await database.dataSource.query(
        `INSERT INTO automation_rule (id, name, conditions, actions) VALUES ($1, 'Plans: waiting cases', $2, $3)`,
        [
          ruleId,
          JSON.stringify({ statuses: ['PENDING', 'ON_HOLD'], idleBusinessDays: 3 }),
          JSON.stringify([{ kind: 'ADD_TAG', tag: 'plans' }]),
        ],
      );
      const sweep = new AutomationService(
        database.dataSource,
        // No case is acted on: the plan of the quiet cases is what is checked.
        { applyAutomation: async () => false } as never,
        { numberPrefix: 'HR', timeZone: 'America/Chicago', defaultLanguage: 'en' },
        testLogger(),
      );
      try {
        await expectIndexes(() => sweep.sweep(), ['ix_support_case_quiet']);
        // Both statuses' branches read the index in order (neither reads and sorts all its matches).
        const [selection] = await captured(() => sweep.sweep());
        const nodes = flatten(await plan(selection!));
        expect(nodes.filter((node) => node['Index Name'] === 'ix_support_case_quiet')).toHaveLength(2);
      } finally {
        await database.dataSource.query('DELETE FROM automation_rule WHERE id = $1', [ruleId]);
      }
    });
  });

  describe('one case', () => {
    it('by number: case(number:)', async () => {
      const [{ number }] = (await database.dataSource.query('SELECT number FROM support_case WHERE id = $1', [
        seeded('case123'),
      ])) as [{ number: string }];
      await expectIndexes(() => query.findVisible({ number }, SCHOOL_AGENT), ['uq_support_case_number']);
    });

    it("by the requester's tracking token", () => {
      // findByToken needs nothing but the database.
      const cases = new CaseService(
        database.dataSource,
        {} as OutboxWriter,
        {} as CaseIntakeService,
        {} as TriageService,
        {} as MessageTranslationService,
      );
      return expectIndexes(() => cases.findByToken('token123'), ['uq_support_case_tracking']);
    });

    it("a requester's current conversation on a channel, by phone and by email", async () => {
      const manager = database.dataSource.manager;
      await expectIndexes(
        () => currentConversation(manager, 'SMS', { phone: '+15125550100', email: null }),
        ['ix_support_case_conversation_phone'],
      );
      await expectIndexes(
        () => currentConversation(manager, 'PHONE', { phone: null, email: 'someone@family.test' }),
        ['ix_support_case_conversation_email'],
      );
    });

    it('its timeline', () =>
      expectIndexes(() => query.timeline(seeded('case123')), ['ix_case_timeline_case']));

    it('its messages', () =>
      expectIndexes(() => query.messages(seeded('case123'), true), ['ix_case_message_case']));
  });

  describe('intake', () => {
    // Every contact key is rare, but PostgreSQL has no statistics for one: with a LIMIT beside it, it read the
    // whole table in order to find the one match. The matcher finds the matches whole first.
    it('the requester matched by email (contact key)', () =>
      expectIndexes(
        () =>
          matchRequester(database.dataSource.manager, {
            name: null,
            email: 'guardian41@example.org',
            phone: null,
          }),
        ['ix_known_person_contact_keys'],
      ));
  });

  describe('the outbox relay', () => {
    let relayStatements: Statement[];

    beforeAll(async () => {
      // The relay as it runs, minus Kafka (not what is measured here): a producer that accepts anything.
      const producer = {
        connect: async () => undefined,
        sendBatch: async () => [],
        disconnect: async () => undefined,
      };
      const relay = new OutboxRelay({
        dataSource: database.dataSource,
        kafka: { producer: () => producer } as unknown as OutboxRelaySettings['kafka'],
        databaseUrl: database.url,
        logger: testLogger(),
      });
      relayStatements = await captured(async () => expect(await relay.publishBatch()).toBe(UNPUBLISHED));
    });

    it('publishes a batch: the unpublished rows in order, marks them, deletes the expired', async () => {
      const plans: PlanNode[] = [];
      for (const statement of relayStatements) plans.push(await plan(statement));
      // Either index finds the few unpublished rows in a couple of pages; which one is a coin toss.
      expectPlans(relayStatements, plans, [
        ['ix_outbox_event_unpublished', 'ix_outbox_event_published_at'],
        'pk_outbox_event',
        'ix_outbox_event_published_at',
      ]);
    });

    it('reads its next batch in order through the unpublished index after a Kafka outage', async () => {
      // 20,000 events waiting: the batch must be the first 500 in position order, not all of them sorted.
      const runner = database.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(
          'UPDATE outbox_event SET published_at = NULL WHERE position > (SELECT max(position) - 20000 FROM outbox_event)',
        );
        await runner.query('ANALYZE outbox_event');
        const select = relayStatements.slice(0, 1);
        expectPlans(select, [await plan(select[0]!, runner)], ['ix_outbox_event_unpublished']);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });
});

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

/** `Limit (rows≈51)` / `  Index Scan Backward using ix_support_case_created on support_case (rows≈13780)` … */
function render(node: PlanNode, depth: number): string[] {
  const line = [
    node['Subplan Name'] ? `${node['Subplan Name']}: ` : '',
    node['Node Type'],
    node['Scan Direction'] === 'Backward' ? ' Backward' : '',
    node['Index Name'] ? ` using ${node['Index Name']}` : '',
    node['Relation Name'] ? ` on ${node['Relation Name']}` : '',
    ` (rows≈${node['Plan Rows']})`,
  ].join('');
  return [`${'  '.repeat(depth)}${line}`, ...(node.Plans ?? []).flatMap((child) => render(child, depth + 1))];
}

/** The statement on one line, without TypeORM's long column lists. */
function shortened(sql: string): string {
  const text = sql
    .replace(/\s+/g, ' ')
    .replace(/^SELECT (.*?) FROM /, (all, columns: string) => (columns.length > 80 ? 'SELECT … FROM ' : all));
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
