/**
 * Outbox → Kafka → consumer, against a bare kafkajs producer and consumer, in one run on one broker:
 * throughput for a burst, and end-to-end latency (write to effect) under a steady load.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import { z } from 'zod';
import { createTestDatabase } from '@homeroom/platform/database/testing';
import { insertRows, inTransaction, type InsertColumn } from '@homeroom/platform/database';
import {
  batchEventHandler,
  CreateMessagingTables1764150000000,
  EventConsumer,
  eventHandler,
  OutboxRelay,
  OutboxWriter,
} from '@homeroom/platform/messaging';
import { defineEventContract } from '@homeroom/platform/event-contracts';
import { createTestTopic, testKafka, testLogger, uniqueName } from '@homeroom/platform/testing';
import { type CpuProfile, profiledPhase, profileReport } from './cpu-profile';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

/** The benchmark's effect of an event: a row with its id and when it was written. */
const EFFECT_COLUMNS: InsertColumn<{ id: string; data: { writtenAt: number } }>[] = [
  { name: 'event_id', type: 'uuid', value: (event) => event.id },
  { name: 'written_at', type: 'bigint', value: (event) => event.data.writtenAt },
];

const BURST = Number(process.env['BENCH_BURST'] ?? 10_000);
const PACED_SECONDS = Number(process.env['BENCH_PACED_SECONDS'] ?? 8);
const PACED_TICK_MS = 20;
const PACED_PER_TICK = 5; // 250 events/s

interface Measurement {
  burstSeconds: number;
  latencies: number[];
  /** The platform burst's CPU profile, when profiling is requested (writer, relay and consumer share this process). */
  profile?: CpuProfile;
}

export async function outboxPipelineBenchmark(): Promise<BenchmarkReport[]> {
  const kafka = testKafka(uniqueName('bench', '-'));
  const bare = await measureBare(kafka);
  const platform = await measurePlatform(kafka, 'one at a time');
  const batched = await measurePlatform(kafka, 'a run at once');
  const row = (variant: string, m: Measurement): BenchmarkRow => ({
    variant,
    'burst events': BURST,
    'burst events/s': Math.round(BURST / m.burstSeconds),
    'paced events': m.latencies.length,
    'latency p50 ms': percentile(m.latencies, 50),
    'latency p99 ms': percentile(m.latencies, 99),
  });
  const pipeline: BenchmarkReport = {
    name: 'outbox-pipeline',
    description:
      'Events from a write to their effect. *bare*: a kafkajs producer (idempotent, acks=all) and consumer, no database. ' +
      '*platform*: OutboxWriter in the writing transaction → OutboxRelay (NOTIFY-woken) → Kafka → EventConsumer, ' +
      'whose handler inserts a row in the same transaction as its inbox record: a statement per event ' +
      '(`eventHandler`), or one for each run of events the consumer hands it (`batchEventHandler`).',
    command: 'npm run bench',
    rows: [
      row('bare kafkajs', bare),
      row('platform outbox + inbox, handler one event at a time', platform),
      row('platform outbox + inbox, handler a run at once', batched),
    ],
    ratios: {
      'burst throughput, one at a time': bare.burstSeconds / platform.burstSeconds,
      'burst throughput, a run at once': bare.burstSeconds / batched.burstSeconds,
      'latency p50, one at a time': percentile(platform.latencies, 50) / percentile(bare.latencies, 50),
      'latency p99, one at a time': percentile(platform.latencies, 99) / percentile(bare.latencies, 99),
      'latency p50, a run at once': percentile(batched.latencies, 50) / percentile(bare.latencies, 50),
      'latency p99, a run at once': percentile(batched.latencies, 99) / percentile(bare.latencies, 99),
    },
    notes: [
      `Burst: ${BURST} events written as fast as possible (platform: transactions of 500), timed until the last is consumed.`,
      `Paced: ${PACED_PER_TICK} events every ${PACED_TICK_MS} ms for ${PACED_SECONDS} s; latency = effect time − write time.`,
      'Broker and PostgreSQL are the local stack on the same machine as the benchmark (2 cores shared by all).',
    ],
  };
  return [
    pipeline,
    ...(batched.profile
      ? [
          profileReport(
            'outbox-pipeline-burst',
            `Where the platform's burst of ${BURST} events spends its time (outbox-pipeline, the handler a run at once): the writer, the relay, the kafkajs producer and consumer and the inbox share this one process; V8's sampling profiler over the burst only.`,
            'BENCH_PROFILE=1 npm run bench -- outbox-pipeline',
            batched.profile,
            BURST,
          ),
        ]
      : []),
  ];
}

async function measureBare(kafka: Kafka): Promise<Measurement> {
  const topic = await createTestTopic('bench-bare', 3, kafka);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: uniqueName('bench-bare', '-') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const latencies: number[] = [];
  let consumed = 0;
  let measuring = false;
  await consumer.run({
    eachMessage: async ({ message }) => {
      consumed += 1;
      if (measuring) latencies.push(Date.now() - Number(message.value!.toString()));
    },
  });
  await sleep(3_000); // let the group settle before timing

  const burstStart = Date.now();
  for (let sent = 0; sent < BURST; sent += 500) {
    const messages = Array.from({ length: Math.min(500, BURST - sent) }, (_, i) => ({
      key: `k-${(sent + i) % 100}`,
      value: String(Date.now()),
    }));
    await producer.send({ topic, acks: -1, messages });
  }
  await waitUntil(() => consumed >= BURST);
  const burstSeconds = (Date.now() - burstStart) / 1_000;

  measuring = true;
  const target = consumed + (PACED_SECONDS * 1_000 * PACED_PER_TICK) / PACED_TICK_MS;
  await paced(async (tick) => {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: PACED_PER_TICK }, (_, i) => ({
        key: `k-${(tick * PACED_PER_TICK + i) % 100}`,
        value: String(Date.now()),
      })),
    });
  });
  await waitUntil(() => consumed >= target);
  await consumer.disconnect();
  await producer.disconnect();
  return { burstSeconds, latencies };
}

async function measurePlatform(
  kafka: Kafka,
  handling: 'one at a time' | 'a run at once',
): Promise<Measurement> {
  const database = await createTestDatabase('bench', {
    migrations: [CreateMessagingTables1764150000000],
    poolSize: 10,
  });
  const { dataSource } = database;
  await dataSource.query('CREATE TABLE bench_effect (event_id uuid NOT NULL, written_at bigint NOT NULL)');
  const topic = await createTestTopic('bench-platform', 3, kafka);
  const contract = defineEventContract({
    type: 'bench.EventWritten',
    version: 1,
    topic,
    schema: z.object({ writtenAt: z.number() }),
    fixture: { writtenAt: 0 },
  });
  const writer = new OutboxWriter('bench');
  const latencies: number[] = [];
  let applied = 0;
  let measuring = false;
  const consumer = new EventConsumer({
    kafka,
    dataSource,
    groupId: uniqueName('bench-platform', '-'),
    logger: testLogger(),
    handlers: [
      handling === 'one at a time'
        ? eventHandler(contract, async (event, manager) => {
            await manager.query('INSERT INTO bench_effect (event_id, written_at) VALUES ($1, $2)', [
              event.id,
              event.data.writtenAt,
            ]);
          })
        : batchEventHandler(contract, (events, manager) =>
            insertRows(manager, 'bench_effect', EFFECT_COLUMNS, events),
          ),
    ],
  });
  // Latency is taken after the handlers' transaction commits, so it includes the inbox write.
  type Ready = { event: { data: { writtenAt: number } } };
  const applyBatch = (
    consumer as unknown as { applyBatch: (events: Ready[]) => Promise<void> }
  ).applyBatch.bind(consumer);
  (consumer as unknown as { applyBatch: typeof applyBatch }).applyBatch = async (events) => {
    await applyBatch(events);
    applied += events.length;
    const now = Date.now();
    if (measuring) for (const { event } of events) latencies.push(now - event.data.writtenAt);
  };
  const relay = new OutboxRelay({
    dataSource,
    kafka,
    databaseUrl: database.url,
    logger: testLogger(),
    batchSize: 500,
  });
  await consumer.start();
  relay.start();
  await sleep(3_000);

  const write = (count: number, offset: number) =>
    inTransaction(dataSource, (manager) =>
      writer.appendAll(
        manager,
        contract,
        Array.from({ length: count }, (_, i) => ({
          aggregateId: `k-${(offset + i) % 100}`,
          data: { writtenAt: Date.now() },
        })),
      ),
    );
  const burstStart = Date.now();
  const burst = async () => {
    for (let written = 0; written < BURST; written += 500)
      await write(Math.min(500, BURST - written), written);
    await waitUntil(() => applied >= BURST);
  };
  // The profile is of the variant the services use for bursts (one profiler session at a time).
  const profile =
    handling === 'a run at once'
      ? (await profiledPhase('outbox-pipeline-burst', burst)).profile
      : await burst().then(() => undefined);
  const burstSeconds = (Date.now() - burstStart) / 1_000;

  measuring = true;
  const target = applied + (PACED_SECONDS * 1_000 * PACED_PER_TICK) / PACED_TICK_MS;
  await paced((tick) => write(PACED_PER_TICK, tick * PACED_PER_TICK));
  await waitUntil(() => applied >= target);
  await relay.stop();
  await consumer.stop();
  await database.drop();
  return { burstSeconds, latencies, profile };
}

/** Calls `send` every PACED_TICK_MS for PACED_SECONDS, on a fixed schedule (late ticks do not shift it). */
async function paced(send: (tick: number) => Promise<unknown>): Promise<void> {
  const ticks = (PACED_SECONDS * 1_000) / PACED_TICK_MS;
  const start = Date.now();
  const inFlight: Promise<unknown>[] = [];
  for (let tick = 0; tick < ticks; tick += 1) {
    const due = start + tick * PACED_TICK_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    inFlight.push(send(tick));
  }
  await Promise.all(inFlight);
}

async function waitUntil(condition: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await sleep(5);
  }
}
