/**
 * The surveys service at district scale:
 * 1. a burst of 10,000 case resolutions published at once: how long until every satisfaction invitation is
 *    on Kafka, with the real surveys deployable consuming;
 * 2. satisfaction results over 1,000,000 responses: the summary and breakdowns the dashboards ask for.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { CASES_TOPIC, CaseResolved } from '@homeroom/cases/contracts';
import { createTestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import {
  startGroupAtEnd,
  testKafka,
  testKafkaBrokers,
  testLogger,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import { SURVEYS_INVITATION_TOPIC, SurveyInvitationIssued } from '@homeroom/surveys/contracts';
import {
  DEFAULT_SURVEY_SETTINGS,
  SatisfactionRollup,
  SatisfactionService,
  seedSurveyDefaults,
  SurveyService,
  SURVEYS_ENTITIES,
  SURVEYS_MIGRATIONS,
} from '@homeroom/surveys/data-access';
import { childProfile, childProfileArgs, monotonicMicros, profileReport } from './cpu-profile';
import { startDeployable, stopDeployable } from './deployable';
import type { BenchmarkReport, BenchmarkRow } from './report';
import { percentile } from './stats';

const RESOLUTIONS = Number(process.env['BENCH_SURVEY_RESOLUTIONS'] ?? 10_000);
const RESPONSES = Number(process.env['BENCH_SURVEY_RESPONSES'] ?? 1_000_000);
const SECRET = 'bench-secret-0123456789abcdef0123456789';
const SCHOOL_COUNT = 700;
const QUERY_RUNS = 30;
const PROFILE = 'survey-invitations-service';

async function invitationBurst(): Promise<BenchmarkReport[]> {
  const database = await createTestDatabase('bench_survey_burst', {
    migrations: SURVEYS_MIGRATIONS,
    entities: SURVEYS_ENTITIES,
    poolSize: 2,
  });
  const kafka = testKafka();
  const producer = kafka.producer();
  const listenerGroup = uniqueName('bench-surveys-listener', '-');
  const listener = kafka.consumer({ groupId: listenerGroup });
  let service: ChildProcess | undefined;
  try {
    await seedSurveyDefaults(database.dataSource, new SurveyService(database.dataSource));
    const group = uniqueName('bench-surveys', '-');
    await startGroupAtEnd(group, [CASES_TOPIC]);
    service = await startDeployable(
      'surveys',
      {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        KAFKA_CONSUMER_GROUP: group,
        GATEWAY_TRUST_SECRET: SECRET,
        PORTAL_URL: 'http://localhost:4200',
        SURVEY_REMINDER_INTERVAL_MS: '0',
      },
      'surveys',
      { nodeArgs: childProfileArgs(PROFILE) },
    );

    const cases: string[] = Array.from({ length: RESOLUTIONS }, () => randomUUID());
    const pending = new Set<string>(cases);
    const arrivals: number[] = [];
    await startGroupAtEnd(listenerGroup, [SURVEYS_INVITATION_TOPIC]);
    await listener.connect();
    await listener.subscribe({ topics: [SURVEYS_INVITATION_TOPIC], fromBeginning: true });
    let started = 0;
    await listener.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value!.toString()) as { type: string; data: { caseId: string } };
        if (event.type === SurveyInvitationIssued.type && pending.delete(event.data.caseId))
          arrivals.push(Date.now() - started);
      },
    });

    await producer.connect();
    const resolvedAt = new Date().toISOString();
    const envelopes = cases.map((caseId, index) =>
      createEnvelope('cases', CaseResolved, {
        aggregateId: caseId,
        data: {
          ...CaseResolved.fixture,
          caseId,
          number: `HR-2026-${String(index).padStart(6, '0')}`,
          requesterId: randomUUID(),
          anonymous: false,
          language: index % 3 === 0 ? 'es' : 'en',
          resolvedAt,
          survey: { reachableBy: ['EMAIL'], requesterKind: 'GUARDIAN', duplicate: false, optedOut: false },
        },
      }),
    );
    started = Date.now();
    const burstStarted = monotonicMicros();
    for (let index = 0; index < envelopes.length; index += 500)
      await producer.send({
        topic: CASES_TOPIC,
        messages: envelopes
          .slice(index, index + 500)
          .map((envelope) => ({ key: envelope.aggregateId, value: JSON.stringify(envelope) })),
      });
    const publishedSeconds = (Date.now() - started) / 1000;
    await waitUntil('every invitation on Kafka', async () => pending.size === 0, {
      timeoutMs: 600_000,
      intervalMs: 100,
    });
    const allSeconds = Math.max(...arrivals) / 1000;
    const burstEnded = monotonicMicros();
    // The service writes its profile when it ends: stopped here, before the rest of the report.
    await stopDeployable(service, 'SIGTERM');
    const profile = childProfile(PROFILE, burstStarted, burstEnded);
    const burst: BenchmarkReport = {
      name: 'survey-invitations',
      description:
        `A burst of ${RESOLUTIONS.toLocaleString('en')} CaseResolved published at once; the real surveys ` +
        'deployable decides each (eligibility, cooling-off), stores the invitation and its link, and writes ' +
        'SurveyInvitationIssued through its outbox; measured until the last invitation arrives on Kafka.',
      command: 'npm run bench -- surveys',
      rows: [
        {
          variant: `${RESOLUTIONS.toLocaleString('en')} resolutions → every invitation on Kafka`,
          seconds: Number(allSeconds.toFixed(1)),
          invitationsPerSecond: Math.round(RESOLUTIONS / allSeconds),
          p50Ms: Math.round(percentile(arrivals, 50)),
          p99Ms: Math.round(percentile(arrivals, 99)),
        },
        { variant: 'publishing the burst (for scale)', seconds: Number(publishedSeconds.toFixed(1)) },
      ],
      ratios: {},
      notes: [
        'One replica of apps/surveys/src/main.ts; the latency of each invitation runs from the start of the burst, so the p50 is about half the drain time.',
        'Sending the mail is the cases service’s (it holds the addresses, ADR 0012), one SMTP transaction per invitation, and is not part of this figure.',
        'PostgreSQL runs with fsync off (the local stack), on the same 2 cores as the service and Kafka.',
      ],
    };
    return [
      burst,
      ...(profile
        ? [
            profileReport(
              PROFILE,
              `Where the surveys service spends its time while it turns the burst of ${RESOLUTIONS.toLocaleString('en')} CaseResolved into invitations (survey-invitations): V8's sampling profiler in the service, cut to the burst.`,
              'BENCH_PROFILE=1 npm run bench -- surveys',
              profile,
              RESOLUTIONS,
            ),
          ]
        : []),
    ];
  } finally {
    if (service) await stopDeployable(service, 'SIGTERM');
    await listener.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await database.drop();
  }
}

/** A year of satisfaction: invitations at a 2:3 response rate, RESPONSES answered, over 40 schools. */
async function loadResponses(dataSource: import('typeorm').DataSource): Promise<void> {
  const [survey] = (await dataSource.query(`SELECT id FROM survey WHERE kind = 'CSAT'`)) as { id: string }[];
  const invitations = Math.round(RESPONSES * 1.5);
  // Scores 1–10 drawn from the invitation's id: about 10 % low (1–4), the rest 5–10.
  await dataSource.query(
    `INSERT INTO survey_invitation (id, survey_id, version, case_id, case_number, person_id, channel, language,
       school_id, topic_id, assignee_id, case_channel, imported, sent_at, expires_at, responded_at, score)
     SELECT id, $1, 1, md5('c' || g)::uuid, 'HR-' || g, md5('p' || (g % 300000))::uuid, 'EMAIL',
            CASE WHEN g % 3 = 0 THEN 'es' ELSE 'en' END,
            md5('s' || (g % ${SCHOOL_COUNT}))::uuid, md5('t' || (g % 30))::uuid, md5('a' || (g % 200))::uuid,
            (ARRAY['WEB_FORM','EMAIL','PHONE','SMS','WALK_IN','CHAT'])[1 + g % 6], true,
            now() - (g % 525600) * interval '1 minute', now() + interval '14 days',
            CASE WHEN answered THEN now() - (g % 525600) * interval '1 minute' + interval '5 hours' END,
            CASE WHEN answered THEN CASE WHEN roll <= 10 THEN 1 + roll % 4 ELSE 5 + roll % 6 END END
       FROM generate_series(1, $2::int) g
      CROSS JOIN LATERAL (SELECT md5('i' || g)::uuid AS id, g % 3 <> 2 AS answered) i
      CROSS JOIN LATERAL (SELECT 1 + (abs(hashtext(i.id::text)) % 100) AS roll) d`,
    [survey!.id, invitations],
  );
  await dataSource.query(
    `INSERT INTO survey_response (id, survey_id, version, invitation_id, language, answers, score, comment, case_id,
       school_id, topic_id, assignee_id, case_channel, low_satisfaction, submitted_at)
     SELECT md5('r' || i.id)::uuid, i.survey_id, 1, i.id, i.language, jsonb_build_object('feeling', i.score),
            i.score, NULL, i.case_id, i.school_id, i.topic_id, i.assignee_id, i.case_channel, i.score <= 4,
            i.responded_at
       FROM survey_invitation i WHERE i.responded_at IS NOT NULL`,
  );
  await dataSource.query('ANALYZE survey_invitation');
  await dataSource.query('ANALYZE survey_response');
}

async function satisfactionResults(): Promise<BenchmarkReport> {
  const database = await createTestDatabase('bench_satisfaction', {
    migrations: SURVEYS_MIGRATIONS,
    entities: SURVEYS_ENTITIES,
    poolSize: 2,
  });
  try {
    const { dataSource } = database;
    await seedSurveyDefaults(dataSource, new SurveyService(dataSource));
    const rollup = new SatisfactionRollup(dataSource, DEFAULT_SURVEY_SETTINGS, testLogger());
    await rollup.ensureBuilt();
    const loadStarted = Date.now();
    await loadResponses(dataSource);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const foldStarted = Date.now();
    await rollup.foldAll();
    const foldSeconds = (Date.now() - foldStarted) / 1000;
    const rebuildStarted = Date.now();
    await rollup.rebuild();
    const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
    await dataSource.query('ANALYZE satisfaction_figures');
    const [{ n: rollupRows }] = (await dataSource.query(
      'SELECT count(*)::int AS n FROM satisfaction_figures',
    )) as [{ n: number }];
    const [{ n: responses }] = (await dataSource.query('SELECT count(*)::int AS n FROM survey_response')) as [
      { n: number },
    ];
    const results = new SatisfactionService(dataSource, DEFAULT_SURVEY_SETTINGS, rollup);
    // The same service counting from the invitations: its rollups are for another time zone, so unused.
    const counting = new SatisfactionService(
      dataSource,
      DEFAULT_SURVEY_SETTINGS,
      new SatisfactionRollup(dataSource, { ...DEFAULT_SURVEY_SETTINGS, timeZone: 'UTC' }, testLogger()),
    );
    const year = { from: new Date(Date.now() - 366 * 86_400_000), to: new Date(Date.now() + 60_000) };
    const quarter = { from: new Date(Date.now() - 92 * 86_400_000), to: year.to };
    const [{ id: schoolId }] = (await dataSource.query(`SELECT md5('s1')::uuid AS id`)) as [{ id: string }];
    const [{ id: topicId }] = (await dataSource.query(`SELECT md5('t1')::uuid AS id`)) as [{ id: string }];
    const variantsOf = (service: SatisfactionService): [string, () => Promise<unknown>][] => [
      ['satisfaction, district, one year', () => service.summary(year)],
      ['satisfaction, one school, one year', () => service.summary({ ...year, schoolId })],
      [
        'satisfaction, one school and topic, one quarter',
        () => service.summary({ ...quarter, schoolId, topicId }),
      ],
      ['breakdown by school, one year', () => service.breakdown(year, 'SCHOOL')],
      ['breakdown by month, one year', () => service.breakdown(year, 'MONTH')],
      ['breakdown by staff member, one year', () => service.breakdown(year, 'ASSIGNEE')],
      ['breakdown by week, one quarter', () => service.breakdown(quarter, 'WEEK')],
    ];
    const variants: [string, () => Promise<unknown>][] = [
      ...variantsOf(results),
      ...variantsOf(counting).map(([name, run]): [string, () => Promise<unknown>] => [
        `${name}, counted from the invitations`,
        run,
      ]),
    ];
    const rows: BenchmarkRow[] = [];
    for (const [variant, query] of variants) {
      for (let warm = 0; warm < 3; warm += 1) await query();
      const times: number[] = [];
      for (let run = 0; run < QUERY_RUNS; run += 1) {
        const started = process.hrtime.bigint();
        await query();
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      rows.push({
        variant,
        runs: QUERY_RUNS,
        p50Ms: Math.round(percentile(times, 50)),
        p95Ms: Math.round(percentile(times, 95)),
      });
    }
    rows.push({
      variant: `loading ${responses.toLocaleString('en')} responses (set-up, the triggers writing each invitation's change)`,
      seconds: Number(loadSeconds.toFixed(1)),
    });
    rows.push({ variant: 'folding those changes into the rollups', seconds: Number(foldSeconds.toFixed(1)) });
    rows.push({
      variant: 'rebuilding the rollups from the invitations',
      seconds: Number(rebuildSeconds.toFixed(1)),
    });
    const p95 = (variant: string) => Number(rows.find((row) => row.variant === variant)?.p95Ms ?? NaN);
    return {
      name: 'satisfaction-results',
      description:
        `satisfaction(range, schoolId, topicId) and its breakdowns over ${responses.toLocaleString('en')} ` +
        `responses to ${Math.round(RESPONSES * 1.5).toLocaleString('en')} invitations spread over a year, ` +
        `${SCHOOL_COUNT} schools, 30 topics, 200 staff, 6 channels; ranges ending now.`,
      command: 'npm run bench -- surveys',
      rows,
      ratios: {
        'district year, counted ÷ rollups (p95)':
          p95('satisfaction, district, one year, counted from the invitations') /
          p95('satisfaction, district, one year'),
        'by month, counted ÷ rollups (p95)':
          p95('breakdown by month, one year, counted from the invitations') /
          p95('breakdown by month, one year'),
      },
      notes: [
        `${QUERY_RUNS} timed runs after 3 warm-up runs per variant, one at a time, through SatisfactionService (the resolvers add nothing but the response).`,
        `From the reporting rollups (ADR 26; ${rollupRows.toLocaleString('en')} rows), the ends of each range from the invitations; "counted from the invitations" is the same service without its rollups.`,
        'PostgreSQL runs with fsync off (the local stack), default settings otherwise, on the same 2 cores.',
      ],
    };
  } finally {
    await database.drop();
  }
}

export async function surveysBenchmarks(): Promise<BenchmarkReport[]> {
  return [...(await invitationBurst()), await satisfactionResults()];
}
