import type { DataSource } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import { newContext, runWithContext, formatTraceparent } from '@homeroom/platform/observability';
import { createTestTopic, readTopic, testKafka, testLogger } from '@homeroom/platform/testing';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { HEADERS, headerText } from '../kafka/kafka-headers';
import { CreateMessagingTables1764150000000 } from './messaging-tables.migration';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { pingContract } from '../../test/ping.contract';
import { appendPings } from '../../test/ping-fixtures';

describe('outbox → relay → Kafka', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const writer = new OutboxWriter('messaging-test');

  beforeAll(async () => {
    database = await createTestDatabase('outbox', { migrations: [CreateMessagingTables1764150000000] });
    dataSource = database.dataSource;
  });

  afterAll(async () => {
    await database.drop();
  });

  function relay(batchSize = 100) {
    return new OutboxRelay({
      dataSource,
      kafka: testKafka(),
      databaseUrl: database.url,
      logger: testLogger(),
      batchSize,
      pollIntervalMs: 5_000,
    });
  }

  it('publishes nothing from a transaction that rolls back', async () => {
    const contract = pingContract(await createTestTopic('rollback', 1));
    await expect(
      inTransaction(dataSource, async (manager) => {
        await writer.append(manager, contract, { aggregateId: 'k', data: { key: 'k', seq: 0 } });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM outbox_event');
    expect(count).toBe(0);
  });

  it('refuses a payload that breaks its contract, and writing outside a transaction', async () => {
    const contract = pingContract(await createTestTopic('invalid', 1));
    await expect(
      inTransaction(dataSource, (manager) =>
        writer.append(manager, contract, { aggregateId: 'k', data: { key: 'k', seq: -1 } }),
      ),
    ).rejects.toThrow(/does not match its contract: seq/);
    await expect(
      writer.append(dataSource.manager, contract, { aggregateId: 'k', data: { key: 'k', seq: 1 } }),
    ).rejects.toThrow(/open transaction/);
  });

  it('publishes committed events keyed by aggregate, with envelope, correlation and trace headers', async () => {
    const topic = await createTestTopic('headers', 1);
    const contract = pingContract(topic);
    const context = newContext({ correlationId: 'corr-relay-test-1', causationId: 'cause-1' });
    const envelope = await runWithContext(context, () =>
      inTransaction(dataSource, (manager) =>
        writer.append(manager, contract, { aggregateId: 'case-42', data: { key: 'case-42', seq: 7 } }),
      ),
    );
    const subject = relay();
    subject.start(); // woken by NOTIFY: the 5 s poll interval would be too slow for readTopic's wait
    const [message] = await readTopic(topic, 1, { timeoutMs: 4_000 });
    await subject.stop();

    expect(message!.key!.toString()).toBe('case-42');
    expect(JSON.parse(message!.value!.toString())).toEqual(envelope);
    expect(envelope).toMatchObject({
      type: 'test.PingRecorded',
      version: 1,
      aggregateId: 'case-42',
      correlationId: 'corr-relay-test-1',
      causationId: 'cause-1',
      producer: 'messaging-test',
      traceparent: formatTraceparent(context.trace),
      data: { key: 'case-42', seq: 7 },
    });
    expect(headerText(message!.headers, HEADERS.eventId)).toBe(envelope.id);
    expect(headerText(message!.headers, HEADERS.eventType)).toBe('test.PingRecorded');
    expect(headerText(message!.headers, HEADERS.traceparent)).toBe(envelope.traceparent);
  });

  it('publishes each event once and in per-key order with two relay replicas running', async () => {
    const topic = await createTestTopic('replicas', 4);
    const contract = pingContract(topic);
    await appendPings(dataSource, writer, contract, { keys: 20, perKey: 100, perTransaction: 50 });
    const replicas = [relay(50), relay(50)];
    replicas.forEach((replica) => replica.start());
    const messages = await readTopic(topic, 2_000, { timeoutMs: 60_000 });
    // Anything published twice would have arrived by the time the outbox is empty.
    await waitForEmptyOutbox(dataSource);
    await Promise.all(replicas.map((replica) => replica.stop()));
    const extra = await readTopic(topic, 2_000, { timeoutMs: 10_000 });

    expect(messages).toHaveLength(2_000);
    expect(extra).toHaveLength(2_000);
    const ids = new Set(messages.map((m) => JSON.parse(m.value!.toString()).id));
    expect(ids.size).toBe(2_000);
    const lastSeq = new Map<string, number>();
    for (const message of messages) {
      const { data } = JSON.parse(message.value!.toString()) as { data: { key: string; seq: number } };
      expect(data.seq).toBe((lastSeq.get(data.key) ?? -1) + 1);
      lastSeq.set(data.key, data.seq);
    }
  });
});

async function waitForEmptyOutbox(dataSource: DataSource): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM outbox_event WHERE published_at IS NULL',
    );
    if (count === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the outbox did not drain');
}
