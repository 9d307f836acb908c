/**
 * Cases at district scale: submitInquiry over HTTP on the subgraph (throughput and latency), the outbox's
 * share of the intake transaction (the same intake with and without the outbox write), caseMetrics at
 * 1,000,000 cases.
 */
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { CASES_TOPIC } from '@homeroom/cases/contracts';
import { DIRECTORY_TOPICS } from '@homeroom/directory/contracts';
import { SLAS_TIMER_TOPIC } from '@homeroom/slas/contracts';
import { SURVEYS_RESPONSE_TOPIC } from '@homeroom/surveys/contracts';
import type { INestApplication } from '@nestjs/common';
import { type Principal, signPrincipal, staffPrincipal } from '@homeroom/platform/auth';
import { inTransaction } from '@homeroom/platform/database';
import { createTestDatabase, statementsOf } from '@homeroom/platform/database/testing';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { freePort, startGroupAtEnd, testKafkaBrokers, uniqueName } from '@homeroom/platform/testing';
import {
  AlertService,
  CASES_ENTITIES,
  CASES_MIGRATIONS,
  CaseIntakeService,
  CaseFiguresRollup,
  CaseMetricsService,
  countedFigures,
  figureFilter,
  RoutingService,
  TopicService,
  TriageService,
} from '@homeroom/cases/data-access';
// The benchmark boots the real deployable, root module and config as they are: nothing else imports an app.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadCasesConfig } from '../../apps/cases/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CasesAppModule } from '../../apps/cases/src/cases-app.module';
import { profiledPhase, profileReport } from './cpu-profile';
import { percentile } from './stats';
import type { BenchmarkReport } from './report';

const SECRET = 'bench-secret-0123456789abcdef0123456789';
const REQUESTS = Number(process.env['BENCH_INQUIRIES'] ?? 2_000);
const CONCURRENCY = 8;
const METRICS_CASES = Number(process.env['BENCH_METRICS_CASES'] ?? 1_000_000);
const SCHOOLS = Array.from({ length: 20 }, () => randomUUID());
const METRICS_SCHOOLS = 700;

/** Every topic the cases service consumes. */
const CONSUMED_TOPICS = [
  CASES_TOPIC,
  DIRECTORY_TOPICS.school,
  DIRECTORY_TOPICS.person,
  DIRECTORY_TOPICS.team,
  SLAS_TIMER_TOPIC,
  SURVEYS_RESPONSE_TOPIC,
];

const INBOX_PAGE = `{ cases(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node {
  id number subject status priority channel createdAt sentiment tags topic { name } school { id } assignee { id }
  watchers { id } links { kind caseId } } } } }`;

/** Statements sent through any pg client while `work` runs. */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  return (await statementsOf(work)).length;
}

/** An outbox that writes nothing: the same intake, minus the event, to show what the event costs. */
class NoOutbox extends OutboxWriter {
  override async appendAll(): Promise<never[]> {
    return [];
  }
}

export async function casesBenchmarks(): Promise<BenchmarkReport[]> {
  const database = await createTestDatabase('bench_cases', {
    migrations: CASES_MIGRATIONS,
    entities: CASES_ENTITIES,
    poolSize: 12,
  });
  let app: INestApplication | undefined;
  try {
    const { dataSource } = database;
    await new TopicService(dataSource).seedStarterTaxonomy();
    await dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) SELECT unnest($1::uuid[]), 'School', 'America/Chicago', true`,
      [SCHOOLS],
    );
    const topics = (
      (await dataSource.query('SELECT id FROM topic WHERE parent_id IS NOT NULL')) as { id: string }[]
    ).map((t) => t.id);

    const port = await freePort();
    const config = loadCasesConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('bench-cases', '-'),
      GATEWAY_TRUST_SECRET: SECRET,
      ATTACHMENT_URL_SECRET: SECRET,
      ATTACHMENT_STORAGE_DIR: 'tmp/attachments-bench',
      PORTAL_URL: 'http://localhost:4200',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
    });
    // A new consumer group would first replay every earlier run's events: start it at the end instead.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP, CONSUMED_TOPICS);
    app = await NestFactory.create(CasesAppModule.forRoot(config), { logger: false });
    await app.listen(port, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    const graphql = async (
      query: string,
      variables: Record<string, unknown>,
      principal: Principal = { kind: 'anonymous' },
    ) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signPrincipal(principal, SECRET) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };
    const submit = (i: number) =>
      graphql('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }', {
        input: {
          message: `The bus to school was late again today (${i}).`,
          schoolId: SCHOOLS[i % SCHOOLS.length],
          topicId: topics[i % topics.length],
          requester: { email: `parent${i}@example.org` },
        },
      });

    // 1. submitInquiry over HTTP, 8 at a time.
    for (let i = 0; i < 50; i += 1) await submit(i);
    const latencies: number[] = [];
    let next = 0;
    const started = Date.now();
    const { profile: httpProfile } = await profiledPhase('cases-intake-http', () =>
      Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < REQUESTS) {
            const i = next++;
            const t = process.hrtime.bigint();
            await submit(i);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          }
        }),
      ),
    );
    const httpSeconds = (Date.now() - started) / 1000;

    // 2. The outbox's share: the intake service alone, with and without the outbox write (sequential).
    const settings = { numberPrefix: 'HR', timeZone: 'America/Chicago', defaultLanguage: 'en' };
    const routing = new RoutingService(dataSource);
    const alerts = new AlertService(dataSource);
    const triage = new TriageService(dataSource);
    await triage.retrain();
    const timeIntake = async (intake: CaseIntakeService) => {
      const times: number[] = [];
      for (let i = 0; i < 500; i += 1) {
        const t = process.hrtime.bigint();
        await intake.submitInquiry({
          message: `Intake timing ${i}`,
          schoolId: SCHOOLS[i % SCHOOLS.length],
          anonymous: true,
        });
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return times;
    };
    const { result: withOutbox, profile: serviceProfile } = await profiledPhase('cases-intake-service', () =>
      timeIntake(
        new CaseIntakeService(dataSource, new OutboxWriter('cases'), settings, routing, alerts, triage),
      ),
    );
    const withoutOutbox = await timeIntake(
      new CaseIntakeService(dataSource, new NoOutbox('cases'), settings, routing, alerts, triage),
    );
    // The parts, measured apart: triage (topic and sentiment, in process) on the same texts, and the
    // statements one inquiry sends to PostgreSQL (each a round trip inside the intake's transaction).
    const triageTimes: number[] = [];
    await inTransaction(dataSource, async (manager) => {
      for (let i = 0; i < 500; i += 1) {
        const t = process.hrtime.bigint();
        await triage.triage(manager, `Intake timing ${i}`, false);
        triageTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    });
    const intake = new CaseIntakeService(
      dataSource,
      new OutboxWriter('cases'),
      settings,
      routing,
      alerts,
      triage,
    );
    const intakeStatements = await countStatements(() =>
      intake.submitInquiry({
        message: 'The bus to school was late again today.',
        schoolId: SCHOOLS[0],
        requester: { email: 'counted@example.org' },
      }),
    );

    // 3. What one 50-case inbox page costs the database: statements the app sends while serving it (the
    // fewest of five runs, so a background poll of the outbox relay that happens to coincide is not counted).
    const inboxStatements: number[] = [];
    const admin: Principal = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
    for (let run = 0; run < 5; run += 1) {
      const counted = await countStatements(() => graphql(INBOX_PAGE, {}, admin));
      inboxStatements.push(counted);
    }

    // 4. caseMetrics at scale: a year of generated history over a district's schools. The triggers write
    // each generated case's contribution as the insert runs; the service folds them as it would after an
    // import, timed here to the last one.
    const metricsSchools = Array.from({ length: METRICS_SCHOOLS }, () => randomUUID());
    const generateStarted = process.hrtime.bigint();
    await dataSource.query(
      `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, contact, language, tracking_token_hash, version, created_at, first_responded_at, resolved_at, was_resolved)
       SELECT gen_random_uuid(), 'GEN-' || g, 'generated', (ARRAY['WEB_FORM','EMAIL','PHONE','WALK_IN','CHAT'])[1 + g % 5],
              CASE WHEN g % 10 = 0 THEN 'OPEN' ELSE 'RESOLVED' END, 'NORMAL',
              ($1::uuid[])[1 + g % array_length($1::uuid[], 1)], ($2::uuid[])[1 + (g::bigint * 7919) % array_length($2::uuid[], 1)],
              '{"name": null, "email": null, "phone": null}', 'en', md5(g::text), 1,
              t, t + make_interval(mins => 5 + g % 600), CASE WHEN g % 10 = 0 THEN NULL ELSE t + make_interval(hours => 1 + g % 96) END,
              g % 10 <> 0
         FROM generate_series(1, $3::int) AS g, LATERAL (SELECT now() - make_interval(secs => (g::bigint * 31536000 / $3::int)::int) AS t) times`,
      [topics, metricsSchools, METRICS_CASES],
    );
    const generateSeconds = Number(process.hrtime.bigint() - generateStarted) / 1e9;
    const rollup = app.get(CaseFiguresRollup);
    const foldStarted = process.hrtime.bigint();
    await rollup.foldAll();
    const foldSeconds = Number(process.hrtime.bigint() - foldStarted) / 1e9;
    const rebuildStarted = process.hrtime.bigint();
    await rollup.rebuild();
    const rebuildSeconds = Number(process.hrtime.bigint() - rebuildStarted) / 1e9;
    // As autovacuum would have by the time anyone reads them (and so that it does not start mid-measurement).
    await dataSource.query('VACUUM ANALYZE support_case, case_figures, case_duration_figures');
    const rollupRows = (await dataSource.query(
      `SELECT (SELECT count(*) FROM case_figures)::int AS counts, (SELECT count(*) FROM case_duration_figures)::int AS durations`,
    )) as [{ counts: number; durations: number }];

    const metrics = app.get(CaseMetricsService);
    const everyone = { scope: 'all' as const, confidential: true };
    const metricsTimes: number[] = [];
    const countedTimes: number[] = [];
    let worstMedianError = 0;
    for (let i = 0; i < 24; i += 1) {
      const days = [7, 30, 90, 365][i % 4]!;
      const to = new Date();
      const from = new Date(to.getTime() - days * 86_400_000);
      const schoolId = i % 3 === 0 ? metricsSchools[i % metricsSchools.length]! : null;
      let t = process.hrtime.bigint();
      const figures = await metrics.metrics({ from, to, schoolId }, everyone);
      metricsTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
      // The same figures counted from the cases alone (what every call did before the rollups).
      t = process.hrtime.bigint();
      await countedFigures(
        dataSource.manager,
        [{ from, to }],
        figureFilter({ from, to, schoolId }, everyone),
        config.DISTRICT_TIME_ZONE,
      );
      countedTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
      const [exact] = (await dataSource.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY round(extract(epoch FROM resolved_at - created_at) / 60)) AS median
           FROM support_case WHERE created_at >= $1 AND created_at < $2 AND resolved_at IS NOT NULL
            AND ($3::uuid IS NULL OR school_id = $3)`,
        [from, to, schoolId],
      )) as { median: number | null }[];
      if (exact?.median && figures.resolution.medianMinutes !== null) {
        const error = Math.abs(figures.resolution.medianMinutes - exact.median) / exact.median;
        worstMedianError = Math.max(worstMedianError, error);
      }
    }

    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    return [
      {
        name: 'cases-intake',
        description:
          'submitInquiry over HTTP on the cases subgraph (validation, case number, case row, first message, timeline, routing, CaseOpened and CaseMessageAdded in the outbox, one transaction), 8 requests at a time; and the intake service alone, sequentially, with and without the outbox write.',
        command: 'npm run bench -- cases',
        rows: [
          {
            variant: `submitInquiry over HTTP (${REQUESTS} requests, ${CONCURRENCY} concurrent)`,
            'per second': Math.round(REQUESTS / httpSeconds),
            'p50 ms': percentile(latencies, 50),
            'p99 ms': percentile(latencies, 99),
          },
          {
            variant: 'intake service, with the outbox (500, sequential)',
            'per second': Math.round(1000 / mean(withOutbox)),
            'p50 ms': percentile(withOutbox, 50),
            'p99 ms': percentile(withOutbox, 99),
          },
          {
            variant: 'intake service, outbox write removed (500, sequential)',
            'per second': Math.round(1000 / mean(withoutOutbox)),
            'p50 ms': percentile(withoutOutbox, 50),
            'p99 ms': percentile(withoutOutbox, 99),
          },
          {
            variant: 'triage alone (topic and sentiment, 500, sequential)',
            'per second': Math.round(1000 / mean(triageTimes)),
            'p50 ms': percentile(triageTimes, 50),
            'p99 ms': percentile(triageTimes, 99),
          },
        ],
        ratios: { 'intake time with outbox ÷ without (mean)': mean(withOutbox) / mean(withoutOutbox) },
        notes: [
          'Case numbers come from one row per year, taken by a statement of its own before the transaction (ADR 27): concurrent intakes no longer queue behind the commits of the others.',
          `One inquiry with a requester's address sends ${intakeStatements} statements to PostgreSQL (BEGIN and COMMIT included), each a round trip inside the transaction: the intake is bound by round trips, not by the CPU (triage above).`,
        ],
      },
      {
        name: 'inbox-page-statements',
        description:
          'SQL statements the cases subgraph sends to PostgreSQL to serve one 50-case inbox page (number, subject, status, priority, channel, sentiment, tags, topic, school, assignee, watchers, links, total count), counted at the pg driver.',
        command: 'npm run bench -- cases',
        rows: [
          {
            variant: 'cases(first: 50) with inbox fields',
            'statements (fewest of 5)': Math.min(...inboxStatements),
            'statements (most of 5)': Math.max(...inboxStatements),
          },
        ],
        ratios: {},
        notes: [
          'Per-request loaders batch watchers and links, and the topic taxonomy is read once per request, so the count does not grow with the page size.',
        ],
      },
      {
        name: 'case-metrics',
        description: `caseMetrics (per-day counts by channel, by topic and school, response and resolution percentiles, backlog, reopen rate) over ${METRICS_CASES.toLocaleString('en')} generated cases spread across a year, ${METRICS_SCHOOLS} schools; ranges of 7, 30, 90 and 365 days ending now, a third filtered to one school. From the reporting rollups (ADR 26), against the same figures counted from the cases.`,
        command: 'npm run bench -- cases',
        rows: [
          {
            variant: 'caseMetrics (rollups, the ends of the range from the cases)',
            cases: METRICS_CASES,
            queries: metricsTimes.length,
            'p50 ms': percentile(metricsTimes, 50),
            'p95 ms': percentile(metricsTimes, 95),
            'max ms': Math.max(...metricsTimes),
          },
          {
            variant: 'the same figures counted from the cases (no backlog)',
            cases: METRICS_CASES,
            queries: countedTimes.length,
            'p50 ms': percentile(countedTimes, 50),
            'p95 ms': percentile(countedTimes, 95),
            'max ms': Math.max(...countedTimes),
          },
        ],
        ratios: {
          'counted ÷ rollups (p95)': percentile(countedTimes, 95) / percentile(metricsTimes, 95),
        },
        notes: [
          `Generating the cases (one INSERT … SELECT, the triggers writing each one's contribution) took ${generateSeconds.toFixed(1)} s; folding the ${METRICS_CASES.toLocaleString('en')} contributions into the rollups ${foldSeconds.toFixed(1)} s; rebuilding the rollups from the cases ${rebuildSeconds.toFixed(1)} s.`,
          `The rollups hold ${rollupRows[0].counts.toLocaleString('en')} count rows and ${rollupRows[0].durations.toLocaleString('en')} histogram rows.`,
          `Largest difference of a resolution median from percentile_cont over the cases: ${(worstMedianError * 100).toFixed(2)} % (durations over an hour are read as 4 %-wide buckets).`,
        ],
      },
      ...(httpProfile
        ? [
            profileReport(
              'cases-intake-http',
              `Where the cases process spends its time while it serves submitInquiry over HTTP, ${CONCURRENCY} at a time (the first row of cases-intake): V8's sampling profiler over that phase only. The benchmark's client (fetch) runs in the same process: its work is part of "Node.js" and "(native)".`,
              'BENCH_PROFILE=1 npm run bench -- cases',
              httpProfile,
              REQUESTS,
            ),
          ]
        : []),
      ...(serviceProfile
        ? [
            profileReport(
              'cases-intake-service',
              "Where the intake service alone spends its time (triage, requester matching, routing, the writes and the outbox; sequential, no HTTP): V8's sampling profiler over that phase only.",
              'BENCH_PROFILE=1 npm run bench -- cases',
              serviceProfile,
              withOutbox.length,
            ),
          ]
        : []),
    ];
  } finally {
    await app?.close();
    await database.drop();
  }
}
