import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { inTransaction } from '@homeroom/platform/database';
import {
  createTestTopic,
  readTopic,
  testKafka,
  testLogger,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { deadLetterTopic } from '@homeroom/platform/event-contracts';
import { HEADERS, headerText } from '../kafka/kafka-headers';
import { CreateMessagingTables1764150000000 } from '../outbox/messaging-tables.migration';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { EventConsumer } from './event-consumer';
import { batchEventHandler, eventHandler } from './event-handler';
import { pingContract } from '../../test/ping.contract';
import { CreatePingEffectTable1764150000001 } from '../../test/effect-table.migration';
import { recordPing, summariseEffects } from '../../test/ping-fixtures';

describe('EventConsumer', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const writer = new OutboxWriter('messaging-test');

  beforeAll(async () => {
    database = await createTestDatabase('consumer', {
      migrations: [CreateMessagingTables1764150000000, CreatePingEffectTable1764150000001],
    });
    dataSource = database.dataSource;
  });

  afterAll(async () => {
    await database.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE ping_effect, inbox_event, outbox_event');
  });

  async function publish(contract: ReturnType<typeof pingContract>, pings: { key: string; seq: number }[]) {
    await inTransaction(dataSource, (manager) =>
      writer.appendAll(
        manager,
        contract,
        pings.map((data) => ({ aggregateId: data.key, data })),
      ),
    );
    const relay = new OutboxRelay({
      dataSource,
      kafka: testKafka(),
      databaseUrl: database.url,
      logger: testLogger(),
    });
    while ((await relay.publishBatch()) > 0);
    await relay.stop();
  }

  async function effectCount(): Promise<number> {
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM ping_effect');
    return count;
  }

  it('applies each event once, however often it is delivered', async () => {
    const topic = await createTestTopic('once', 2);
    const contract = pingContract(topic);
    await publish(
      contract,
      Array.from({ length: 50 }, (_, seq) => ({ key: `k-${seq % 5}`, seq: Math.floor(seq / 5) })),
    );
    // Deliver every message a second time, as a relay that crashed before marking its batch would.
    const copies = await readTopic(topic, 50);
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: copies.map(({ key, value, headers }) => ({ key, value, headers })),
    });
    await producer.disconnect();

    const consumer = new EventConsumer({
      kafka: testKafka(),
      dataSource,
      groupId: uniqueName('once', '-'),
      handlers: [recordPing(contract)],
      logger: testLogger(),
    });
    await consumer.start();
    await waitUntil('50 effects', async () => (await effectCount()) >= 50, { timeoutMs: 30_000 });
    await waitForGroupCaughtUp(consumer, topic);
    await consumer.stop();

    expect(await summariseEffects(dataSource)).toEqual({ rows: 50, distinctEvents: 50, outOfOrderKeys: [] });
  });

  it('runs every handler given for one type, each once per event, in the order given', async () => {
    const topic = await createTestTopic('several', 1);
    const contract = pingContract(topic);
    await publish(
      contract,
      Array.from({ length: 10 }, (_, seq) => ({ key: 'k', seq })),
    );
    const calls: string[] = [];
    const consumer = new EventConsumer({
      kafka: testKafka(),
      dataSource,
      groupId: uniqueName('several', '-'),
      handlers: [
        recordPing(contract),
        eventHandler(contract, async (event) => {
          calls.push(`second ${event.data.seq}`);
        }),
      ],
      logger: testLogger(),
    });
    await consumer.start();
    await waitUntil('10 effects', async () => (await effectCount()) >= 10, { timeoutMs: 30_000 });
    await waitForGroupCaughtUp(consumer, topic);
    await consumer.stop();
    expect(await summariseEffects(dataSource)).toEqual({ rows: 10, distinctEvents: 10, outOfOrderKeys: [] });
    expect(calls).toEqual(Array.from({ length: 10 }, (_, seq) => `second ${seq}`));
  });

  it('applies a partition’s events a batch to a transaction, in order, skipping types it does not handle', async () => {
    const topic = await createTestTopic('batches', 1);
    const contract = pingContract(topic);
    const other = { ...pingContract(topic), type: 'test.SomethingElse' };
    await publish(
      contract,
      Array.from({ length: 120 }, (_, seq) => ({ key: 'k', seq })),
    );
    await publish(other, [{ key: 'k', seq: 999 }]);
    await publish(
      contract,
      Array.from({ length: 130 }, (_, seq) => ({ key: 'k', seq: 120 + seq })),
    );
    await publish(other, [{ key: 'k', seq: 1000 }]);

    const transactions = new Set<string>();
    const handler = recordPing(contract);
    const consumer = new EventConsumer({
      kafka: testKafka(),
      dataSource,
      groupId: uniqueName('batches', '-'),
      handlers: [
        eventHandler(contract, async (event, manager) => {
          const [{ id }] = await manager.query('SELECT txid_current()::text AS id');
          transactions.add(id);
          await handler.handle(event, manager);
        }),
      ],
      logger: testLogger(),
      batchSize: 100,
    });
    await consumer.start();
    await waitUntil('250 effects', async () => (await effectCount()) >= 250, { timeoutMs: 30_000 });
    // A skipped event is the partition's last: the group's offset passes it all the same.
    await waitForGroupCaughtUp(consumer, topic);
    await consumer.stop();

    expect(await summariseEffects(dataSource)).toEqual({
      rows: 250,
      distinctEvents: 250,
      outOfOrderKeys: [],
    });
    // Kafka may hand over the partition in smaller pieces, never more than 100 events to a transaction.
    expect(transactions.size).toBeGreaterThanOrEqual(3);
    expect(transactions.size).toBeLessThan(250 / 10);
  });

  it('parks a poison message on the dead-letter topic after bounded retries and goes on with the partition', async () => {
    const topic = await createTestTopic('poison', 1);
    const contract = pingContract(topic);
    const v2 = pingContract(topic, 2);
    await publish(contract, [
      { key: 'a', seq: 0 },
      { key: 'poison', seq: 0 },
      { key: 'a', seq: 1 },
    ]);
    // Behind the poison pill on the same partition: bytes that are not JSON, and an unknown major version.
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'b', value: '{not json' }] });
    await producer.send({
      topic,
      messages: [
        {
          key: 'c',
          value: JSON.stringify({
            id: randomUUID(),
            type: v2.type,
            version: 2,
            occurredAt: new Date().toISOString(),
            aggregateId: 'c',
            correlationId: 'corr',
            causationId: null,
            producer: 'messaging-test',
            traceparent: null,
            data: { key: 'c', seq: 0 },
          }),
        },
      ],
    });
    await producer.disconnect();
    await publish(contract, [{ key: 'a', seq: 2 }]);

    let poisonAttempts = 0;
    const handler = recordPing(contract, (event) => {
      if (event.data.key === 'poison') {
        poisonAttempts += 1;
        throw new Error('the handler cannot apply this event');
      }
    });
    const consumer = new EventConsumer({
      kafka: testKafka(),
      dataSource,
      groupId: uniqueName('poison', '-'),
      handlers: [handler],
      logger: testLogger(),
      retry: { attempts: 3, initialBackoffMs: 20, maxBackoffMs: 100 },
    });
    await consumer.start();
    const parked = await readTopic(deadLetterTopic(topic), 3);
    await waitUntil('the messages behind the poison pill', async () => (await effectCount()) >= 3, {
      timeoutMs: 30_000,
    });
    await consumer.stop();

    const applied = await dataSource.query('SELECT message_key, seq FROM ping_effect ORDER BY applied_order');
    expect(applied).toEqual([
      { message_key: 'a', seq: 0 },
      { message_key: 'a', seq: 1 },
      { message_key: 'a', seq: 2 },
    ]);
    expect(poisonAttempts).toBe(3);

    const byReason = Object.fromEntries(parked.map((m) => [headerText(m.headers, HEADERS.dlqReason), m]));
    expect(Object.keys(byReason).sort()).toEqual([
      'HANDLER_FAILED',
      'MALFORMED_ENVELOPE',
      'UNSUPPORTED_VERSION',
    ]);
    const poison = byReason['HANDLER_FAILED']!;
    expect(poison.key!.toString()).toBe('poison');
    expect(JSON.parse(poison.value!.toString()).data).toEqual({ key: 'poison', seq: 0 });
    expect(headerText(poison.headers, HEADERS.dlqOriginalTopic)).toBe(topic);
    expect(headerText(poison.headers, HEADERS.dlqOriginalPartition)).toBe('0');
    expect(headerText(poison.headers, HEADERS.dlqOriginalOffset)).toBe('1');
    expect(headerText(poison.headers, HEADERS.dlqAttempts)).toBe('3');
    expect(headerText(poison.headers, HEADERS.dlqError)).toBe('Error: the handler cannot apply this event');
    expect(headerText(byReason['MALFORMED_ENVELOPE']!.headers, HEADERS.dlqOriginalOffset)).toBe('3');
    expect(headerText(byReason['UNSUPPORTED_VERSION']!.headers, HEADERS.dlqError)).toMatch(
      /test.PingRecorded v2 is not supported .* \(handles v1\)/,
    );
  });

  it('gives a handler that applies several at once the runs of its events, and finds a failing one alone', async () => {
    const topic = await createTestTopic('runs', 1);
    const contract = pingContract(topic);
    const other = { ...pingContract(topic), type: 'test.SomethingElse' };
    await publish(
      contract,
      Array.from({ length: 40 }, (_, seq) => ({ key: 'k', seq })),
    );
    // A type this group does not handle sits inside the run; one it handles one at a time ends it.
    await publish(other, [{ key: 'k', seq: 999 }]);
    await publish(
      contract,
      Array.from({ length: 20 }, (_, seq) => ({ key: 'k', seq: 40 + seq })),
    );
    const counted = { ...pingContract(topic), type: 'test.PingCounted' };
    await publish(counted, [{ key: 'k', seq: 60 }]);
    await publish(
      contract,
      Array.from({ length: 30 }, (_, seq) => ({ key: seq === 12 ? 'poison' : 'k', seq: 61 + seq })),
    );

    const runSizes: number[] = [];
    const singles: string[] = [];
    const consumer = new EventConsumer({
      kafka: testKafka(),
      dataSource,
      groupId: uniqueName('runs', '-'),
      handlers: [
        batchEventHandler(contract, async (events, manager) => {
          if (events.length > 1) runSizes.push(events.length);
          if (events.some((event) => event.data.key === 'poison'))
            throw new Error('the handler cannot apply this event');
          await manager.query(
            `INSERT INTO ping_effect (event_id, message_key, seq)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])`,
            [events.map((e) => e.id), events.map((e) => e.data.key), events.map((e) => e.data.seq)],
          );
        }),
        recordPing(counted, (event) => singles.push(`${event.data.seq}`)),
      ],
      logger: testLogger(),
      retry: { attempts: 2, initialBackoffMs: 20, maxBackoffMs: 50 },
      batchSize: 100,
    });
    await consumer.start();
    const parked = await readTopic(deadLetterTopic(topic), 1);
    await waitForGroupCaughtUp(consumer, topic);
    await consumer.stop();

    // Every event but the poison one, once each and in order; the poison one parked after its attempts.
    expect(await summariseEffects(dataSource)).toEqual({ rows: 90, distinctEvents: 90, outOfOrderKeys: [] });
    const applied = await dataSource.query('SELECT seq FROM ping_effect ORDER BY applied_order');
    expect(applied.map((row: { seq: number }) => row.seq)).toEqual(
      Array.from({ length: 91 }, (_, seq) => seq).filter((seq) => seq !== 73),
    );
    expect(JSON.parse(parked[0]!.value!.toString()).data).toEqual({ key: 'poison', seq: 73 });
    // Its handler takes one at a time (it ran again when the poison run undid their transaction).
    expect(new Set(singles)).toEqual(new Set(['60']));
    // Runs, not events one by one (Kafka may hand the partition over in pieces).
    expect(runSizes.length).toBeGreaterThan(0);
    expect(runSizes.reduce((sum, size) => sum + size, 0)).toBeGreaterThanOrEqual(60);
  });

  it('re-applies nothing when the group is reset to the earliest offset', async () => {
    const topic = await createTestTopic('reset', 3);
    const contract = pingContract(topic);
    await publish(
      contract,
      Array.from({ length: 300 }, (_, i) => ({ key: `k-${i % 10}`, seq: Math.floor(i / 10) })),
    );
    const groupId = uniqueName('reset', '-');
    const settings = {
      kafka: testKafka(),
      dataSource,
      groupId,
      handlers: [recordPing(contract)],
      logger: testLogger(),
    };

    const first = new EventConsumer(settings);
    await first.start();
    await waitUntil('300 effects', async () => (await effectCount()) >= 300, { timeoutMs: 30_000 });
    await waitForGroupCaughtUp(first, topic);
    await first.stop();

    const admin = testKafka().admin();
    await admin.connect();
    // As `kafka-consumer-groups --reset-offsets --to-earliest` does: commit each partition's low watermark.
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.low })),
    });
    const reset = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    expect(reset[0]!.partitions.map((p) => p.offset)).toEqual(ends.map(() => '0'));

    const second = new EventConsumer(settings);
    await second.start();
    await waitForGroupCaughtUp(second, topic);
    await second.stop();

    expect(await summariseEffects(dataSource)).toEqual({
      rows: 300,
      distinctEvents: 300,
      outOfOrderKeys: [],
    });
  });
});

/** Waits until the group's committed offsets reach the end of every partition of the topic. */
async function waitForGroupCaughtUp(
  consumer: EventConsumer,
  topic: string,
  timeoutMs = 30_000,
): Promise<void> {
  const groupId = (consumer as unknown as { settings: { groupId: string } }).settings.groupId;
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [ends, committed] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId, topics: [topic] }),
      ]);
      const done = ends.every(
        (end) =>
          end.high === '0' ||
          committed[0]!.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
      );
      if (done) return;
      if (Date.now() > deadline) throw new Error(`group ${groupId} did not catch up on ${topic}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await admin.disconnect();
  }
}
