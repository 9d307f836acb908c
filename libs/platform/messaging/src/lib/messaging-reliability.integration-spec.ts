import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import {
  createTestTopic,
  startDisposableBroker,
  testKafka,
  testLogger,
  uniqueName,
  type DisposableBroker,
  waitUntil,
} from '@homeroom/platform/testing';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { EventConsumer } from './consumer/event-consumer';
import { CreateMessagingTables1764150000000 } from './outbox/messaging-tables.migration';
import { OutboxWriter } from './outbox/outbox-writer';
import { pingContract } from '../test/ping.contract';
import { CreatePingEffectTable1764150000001 } from '../test/effect-table.migration';
import { appendPings, recordPing, summariseEffects } from '../test/ping-fixtures';
import { RelayProcess } from '../test/relay-process';

const KEYS = 100;
const PER_KEY = 100;
const TOTAL = KEYS * PER_KEY;

/**
 * The promise of the messaging platform, on a real broker of this suite's own: 10,000 events go through
 * the outbox while the relay is killed with SIGKILL between Kafka's acknowledgement and its commit, and
 * the broker is stopped and started again; every event is applied exactly once, in order per key.
 */
describe('messaging under failure', () => {
  let broker: DisposableBroker;
  let kafka: Kafka;
  let database: TestDatabase;

  beforeAll(async () => {
    broker = await startDisposableBroker();
    kafka = testKafka(uniqueName('reliability', '-'), [broker.bootstrap]);
    database = await createTestDatabase('reliability', {
      migrations: [CreateMessagingTables1764150000000, CreatePingEffectTable1764150000001],
      poolSize: 20,
    });
  });

  afterAll(async () => {
    await database?.drop();
    await broker?.destroy();
  });

  it('delivers 10,000 events exactly once, in per-key order, through a relay crash and a broker restart', async () => {
    const topic = await createTestTopic('reliability', 6, kafka);
    const contract = pingContract(topic);
    const writer = new OutboxWriter('messaging-test');
    const dataSource = database.dataSource;
    const relayEnv = { DATABASE_URL: database.url, KAFKA_BROKERS: broker.bootstrap, BATCH_SIZE: '250' };

    const consumer = new EventConsumer({
      kafka,
      dataSource,
      groupId: uniqueName('reliability', '-'),
      handlers: [recordPing(contract)],
      logger: testLogger(),
      retry: { attempts: 10, initialBackoffMs: 100, maxBackoffMs: 2_000 },
    });
    await consumer.start();

    // Producers keep writing while the relay runs, as a busy service does.
    const writing = appendPings(dataSource, writer, contract, {
      keys: KEYS,
      perKey: PER_KEY,
      perTransaction: 100,
    });

    // 1. SIGKILL the relay while it holds a batch that Kafka has acknowledged but the outbox has not marked.
    const doomed = new RelayProcess({ ...relayEnv, HOLD_AFTER_SEND_MS: '2000' });
    await doomed.afterSentBatches(3);
    expect(await doomed.kill()).toBe('SIGKILL');
    const acknowledgedBeforeCrash = doomed.sentBatches;

    // 2. A new relay takes over; stop the broker under it halfway, then start it again.
    const relay = new RelayProcess(relayEnv);
    await waitUntil('half the events to be published', async () => (await published(database)) >= TOTAL / 2, {
      timeoutMs: 120_000,
    });
    await broker.stop();
    await sleep(3_000);
    await broker.start();

    await writing;
    await waitUntil('every event to be published', async () => (await published(database)) === TOTAL, {
      timeoutMs: 180_000,
    });
    await waitUntil(
      'every event to be applied',
      async () => (await summariseEffects(dataSource)).rows >= TOTAL,
      { timeoutMs: 180_000 },
    );
    const delivered = await messagesOnTopic(kafka, topic);
    // Give any late duplicate time to arrive before judging.
    await waitForConsumerToReachEnd(kafka, consumer, topic);
    await relay.stop();
    await consumer.stop();

    expect(acknowledgedBeforeCrash).toBeGreaterThanOrEqual(3);
    // The crash re-sent the batch it held: Kafka holds more messages than there are events.
    expect(delivered).toBeGreaterThan(TOTAL);
    expect(await summariseEffects(dataSource)).toEqual({
      rows: TOTAL,
      distinctEvents: TOTAL,
      outOfOrderKeys: [],
    });
    const [{ inbox }] = await dataSource.query('SELECT count(*)::int AS inbox FROM inbox_event');
    expect(inbox).toBe(TOTAL);
  });
});

async function published(database: TestDatabase): Promise<number> {
  const [{ count }] = await database.dataSource.query(
    'SELECT count(*)::int AS count FROM outbox_event WHERE published_at IS NOT NULL',
  );
  return count;
}

async function messagesOnTopic(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

async function waitForConsumerToReachEnd(
  kafka: Kafka,
  consumer: EventConsumer,
  topic: string,
): Promise<void> {
  const groupId = (consumer as unknown as { settings: { groupId: string } }).settings.groupId;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitUntil(
      'the consumer to reach the end of the topic',
      async () => {
        const [ends, committed] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId, topics: [topic] }),
        ]);
        return ends.every(
          (end) => committed[0]!.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
        );
      },
      { timeoutMs: 120_000 },
    );
  } finally {
    await admin.disconnect();
  }
}
