/**
 * The SLA service at district scale, with the real deployable run as separate processes (replicas):
 * 1. breach detection: 1,000,000 running timers, two replicas sweeping, a set of probe timers falling due
 *    during the run; the delay from each deadline to its SlaBreached arriving on Kafka, duplicates and
 *    misses, with one replica killed (SIGKILL) half-way;
 * 2. event to timer: CaseOpened published at a steady rate, the delay until its timers are committed
 *    (visible to a reader), on the surviving replica with the million timers still in place;
 * 3. a snow day declared on the district calendar: every running timer on it recomputed.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CASES_TOPIC, CaseOpened } from '@homeroom/cases/contracts';
import { createTestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import {
  startGroupAtEnd,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import { SLAS_TIMER_TOPIC, SlaBreached } from '@homeroom/slas/contracts';
import {
  CalendarService,
  PolicyService,
  SLAS_ENTITIES,
  SLAS_MIGRATIONS,
  seedSlaDefaults,
} from '@homeroom/slas/data-access';
import type { DataSource } from 'typeorm';
import { startDeployable, stopDeployable } from './deployable';
import { percentile } from './stats';
import type { BenchmarkReport } from './report';

const TIMERS = Number(process.env['BENCH_SLA_TIMERS'] ?? 1_000_000);
/** Probe timers fall due 10 ms apart during the run (100 a second, for 20 seconds). */
const PROBES = Number(process.env['BENCH_SLA_PROBES'] ?? 2_000);
const PROBE_SPACING_MS = 10;
const EVENTS_PER_SECOND = 300;
const EVENT_SECONDS = Number(process.env['BENCH_SLA_EVENT_SECONDS'] ?? 20);
const SECRET = 'bench-secret-0123456789abcdef0123456789';

/**
 * The bench's case ids, from a row number `g`: an md5 shaped as a version-4 UUID (the event contracts accept
 * RFC 4122 ids only, so a bare md5 would make every SlaBreached fail validation).
 */
const CASE_ID_SQL = `(substr(md5('bench-' || g), 1, 12) || '4' || substr(md5('bench-' || g), 14, 3) || '8' || substr(md5('bench-' || g), 18, 15))::uuid`;

/** 1,000,000 running timers (a first response and a resolution per case) due over the coming month. */
async function loadRunningTimers(dataSource: DataSource, calendarId: string, policyId: string) {
  const cases = Math.ceil(TIMERS / 2);
  await dataSource.query(
    `INSERT INTO sla_case (case_id, priority, topic_id, school_id, channel, status, requester_id, policy_id,
       opened_at, last_inbound_at, awaiting_reply, merged, last_event_at)
     SELECT ${CASE_ID_SQL}, 'NORMAL', NULL, NULL, 'EMAIL', 'NEW', NULL, $1,
            now() - interval '1 hour', now() - interval '1 hour', true, false, now() - interval '1 hour'
       FROM generate_series(1, $2::int) g`,
    [policyId, cases],
  );
  await dataSource.query(
    `INSERT INTO sla_timer (case_id, kind, target_minutes, clock, warn_at_percent, status, started_at,
       consumed_minutes, running_since, due_at, warn_at, warned_at, met_at, breached_at, last_event_at,
       policy_id, calendar_id, version)
     SELECT ${CASE_ID_SQL}, k.kind, k.target, 'BUSINESS', 75, 'RUNNING', now() - interval '1 hour',
            0, now() - interval '1 hour', due, due - interval '2 hours', NULL, NULL, NULL, now() - interval '1 hour',
            $1, $2, 1
       FROM generate_series(1, $3::int) g
      CROSS JOIN (VALUES ('FIRST_RESPONSE', 480), ('RESOLUTION', 2400)) AS k(kind, target)
      CROSS JOIN LATERAL (SELECT now() + interval '3 hours' + (g % 43200) * interval '1 minute' AS due) d`,
    [policyId, calendarId, cases],
  );
  await dataSource.query('ANALYZE sla_timer');
  await dataSource.query('ANALYZE sla_case');
}

/** One replica of the slas deployable, in the consumer group the replicas share. */
function startReplica(databaseUrl: string, group: string, name: string): Promise<ChildProcess> {
  return startDeployable(
    'slas',
    {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: group,
      GATEWAY_TRUST_SECRET: SECRET,
    },
    `replica ${name}`,
  );
}

export async function slaBenchmarks(): Promise<BenchmarkReport[]> {
  const database = await createTestDatabase('bench_slas', {
    migrations: SLAS_MIGRATIONS,
    entities: SLAS_ENTITIES,
    poolSize: 4,
  });
  const replicas: ChildProcess[] = [];
  const kafka = testKafka();
  const listenerGroup = uniqueName('bench-slas-listener', '-');
  const listener = kafka.consumer({ groupId: listenerGroup });
  const producer = kafka.producer();
  try {
    const { dataSource } = database;
    const calendars = new CalendarService(dataSource);
    await seedSlaDefaults(calendars, new PolicyService(dataSource));
    const [calendar] = (await dataSource.query(
      `SELECT id FROM business_calendar WHERE scope = 'DISTRICT'`,
    )) as { id: string }[];
    const [policy] = (await dataSource.query(`SELECT id FROM sla_policy WHERE name = 'Standard'`)) as {
      id: string;
    }[];
    const loadStarted = Date.now();
    await loadRunningTimers(dataSource, calendar!.id, policy!.id);
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    const group = uniqueName('bench-slas', '-');
    await startGroupAtEnd(group, [CASES_TOPIC]);
    replicas.push(await startReplica(database.url, group, 'a'), await startReplica(database.url, group, 'b'));

    // Listening once the replicas have created their topic (a consumer would not see it appear for minutes).
    // Every SlaBreached of a probe, as it arrives on Kafka.
    const probeIds = (
      (await dataSource.query(
        `SELECT ${CASE_ID_SQL}::text AS id FROM generate_series(1, $1::int) g ORDER BY g`,
        [PROBES],
      )) as { id: string }[]
    ).map((row) => row.id);
    const probes = new Set(probeIds);
    const arrivals = new Map<string, number[]>();
    await startGroupAtEnd(listenerGroup, [SLAS_TIMER_TOPIC]);
    await listener.connect();
    await listener.subscribe({ topics: [SLAS_TIMER_TOPIC], fromBeginning: true });
    await listener.run({
      eachMessage: async ({ message }) => {
        const received = Date.now();
        const event = JSON.parse(message.value!.toString()) as {
          type: string;
          data: { caseId: string; timerKind: string; dueAt: string };
        };
        if (event.type !== SlaBreached.type || !probes.has(event.data.caseId)) return;
        if (event.data.timerKind !== 'FIRST_RESPONSE') return;
        const delays = arrivals.get(event.data.caseId) ?? [];
        delays.push(received - Date.parse(event.data.dueAt));
        arrivals.set(event.data.caseId, delays);
      },
    });

    // 1. Probes fall due from 3 s from now, 10 ms apart; replica b is killed half-way through them.
    const firstDue = Date.now() + 3_000;
    await dataSource.query(
      `UPDATE sla_timer t SET due_at = to_timestamp(($2::float8 + (p.n - 1) * $3) / 1000), warned_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS p(case_id, n)
        WHERE t.case_id = p.case_id AND t.kind = 'FIRST_RESPONSE'`,
      [probeIds, firstDue, PROBE_SPACING_MS],
    );
    const lastDue = firstDue + (PROBES - 1) * PROBE_SPACING_MS;
    await sleep(Math.max(0, (firstDue + lastDue) / 2 - Date.now()));
    await stopDeployable(replicas[1]!, 'SIGKILL');
    const killedAt = Date.now();
    await waitUntil('every probe breach on Kafka', async () => arrivals.size === probes.size, {
      timeoutMs: Math.max(60_000, lastDue - Date.now() + 60_000),
      intervalMs: 200,
    }).catch(() => undefined);
    await sleep(2_000); // any duplicate would arrive by now
    const firstArrivals = [...arrivals.values()].map((delays) => Math.min(...delays));
    const duplicates = [...arrivals.values()].reduce((sum, delays) => sum + delays.length - 1, 0);
    const missed = probes.size - arrivals.size;

    // The killed replica's partitions stay with it until its Kafka session times out; phase 2 measures the
    // steady state after that, and the takeover time is reported on its own.
    const admin = kafka.admin();
    await admin.connect();
    await waitUntil(
      'the surviving replica owns every partition',
      async () => {
        const [description] = (await admin.describeGroups([group])).groups;
        return description?.state === 'Stable' && description.members.length === 1;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    ).finally(() => admin.disconnect());
    const takeoverSeconds = (Date.now() - killedAt) / 1000;

    // 2. CaseOpened at 300 a second to the surviving replica; when is each case's pair of timers visible?
    await producer.connect();
    const sent = new Map<string, number>();
    const visible: number[] = [];
    let sending = true;
    const watcher = (async () => {
      while (sending || sent.size > 0) {
        const pending = [...sent.keys()];
        if (pending.length > 0) {
          const rows = (await dataSource.query(
            `SELECT case_id FROM sla_timer WHERE case_id = ANY($1::uuid[]) AND kind = 'RESOLUTION'`,
            [pending],
          )) as { case_id: string }[];
          const now = Date.now();
          for (const { case_id: id } of rows) {
            visible.push(now - sent.get(id)!);
            sent.delete(id);
          }
        }
        await sleep(10);
      }
    })();
    const eventsStarted = Date.now();
    const total = EVENTS_PER_SECOND * EVENT_SECONDS;
    for (let i = 0; i < total; i += 1) {
      const due = eventsStarted + (i * 1000) / EVENTS_PER_SECOND;
      if (due > Date.now()) await sleep(due - Date.now());
      const caseId = randomUUID();
      const envelope = createEnvelope('cases', CaseOpened, {
        aggregateId: caseId,
        data: { ...CaseOpened.fixture, caseId, openedAt: new Date().toISOString() },
      });
      sent.set(caseId, Date.now());
      void producer.send({
        topic: CASES_TOPIC,
        messages: [{ key: caseId, value: JSON.stringify(envelope) }],
      });
    }
    const sendSeconds = (Date.now() - eventsStarted) / 1000;
    sending = false;
    await Promise.race([watcher, sleep(120_000)]);
    const unseen = sent.size;
    sent.clear();

    for (const replica of replicas) await stopDeployable(replica, 'SIGTERM');

    // 3. A snow day tomorrow on the district calendar: every running timer on it gets new deadlines.
    const [{ n: running }] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM sla_timer WHERE status = 'RUNNING'`,
    )) as [{ n: number }];
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const recomputeStarted = Date.now();
    await calendars.addClosure(calendar!.id, { date: tomorrow, reason: 'Snow day', kind: 'EMERGENCY' });
    const recomputeSeconds = (Date.now() - recomputeStarted) / 1000;

    const ms = (value: number) => Math.round(value);
    return [
      {
        name: 'sla-scheduler',
        description:
          `Breach detection with ${TIMERS.toLocaleString('en')} running timers and two replicas of the real ` +
          `slas deployable (one killed with SIGKILL half-way); event-to-timer latency at ${EVENTS_PER_SECOND} ` +
          'CaseOpened a second; recomputing every running timer after a snow day is declared.',
        command: 'npm run bench -- sla-scheduler',
        rows: [
          {
            variant: `deadline → SlaBreached on Kafka (${probes.size} probes, 100 due a second)`,
            p50Ms: ms(percentile(firstArrivals, 50)),
            p99Ms: ms(percentile(firstArrivals, 99)),
            maxMs: ms(Math.max(...firstArrivals)),
            duplicates,
            missed,
          },
          {
            variant: `CaseOpened sent → its timers committed (${total} events in ${sendSeconds.toFixed(1)} s)`,
            p50Ms: ms(percentile(visible, 50)),
            p99Ms: ms(percentile(visible, 99)),
            maxMs: ms(Math.max(...visible)),
            missed: unseen,
          },
          {
            variant: `snow day declared: ${running.toLocaleString('en')} running timers recomputed`,
            seconds: Number(recomputeSeconds.toFixed(1)),
            timersPerSecond: Math.round(running / recomputeSeconds),
          },
          {
            variant: 'replica killed → its Kafka partitions consumed by the survivor (session timeout)',
            seconds: Number(takeoverSeconds.toFixed(1)),
          },
          {
            variant: `loading ${TIMERS.toLocaleString('en')} timers (set-up, for scale)`,
            seconds: Number(loadSeconds.toFixed(1)),
          },
        ],
        ratios: {
          'breach p99 / 2,000 ms target': percentile(firstArrivals, 99) / 2_000,
          'recompute time / 60 s target': recomputeSeconds / 60,
        },
        notes: [
          'Replicas are separate processes of apps/slas/src/main.ts (scheduler every 500 ms, 500 timers a transaction, FOR UPDATE SKIP LOCKED), sharing one consumer group.',
          'The delay runs from a timer’s dueAt to the moment this process receives the SlaBreached from Kafka: the sweep interval, the transaction, the outbox relay and Kafka are all inside it.',
          'Event-to-timer: from the producer call to the first poll (every 10 ms) that sees the case’s timers, so it includes up to ~10 ms of polling.',
          'PostgreSQL runs with fsync off (the local stack), on the same 2 cores as the replicas and Kafka.',
        ],
      },
    ];
  } finally {
    for (const replica of replicas) await stopDeployable(replica, 'SIGKILL');
    await listener.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await database.drop();
  }
}
