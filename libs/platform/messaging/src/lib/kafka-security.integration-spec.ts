import { z } from 'zod';
import { checkKafkaConfig, kafkaConfigShape, kafkaConnection, loadConfig } from '@homeroom/platform/config';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { inTransaction } from '@homeroom/platform/database';
import {
  startDisposableBroker,
  testLogger,
  uniqueName,
  waitUntil,
  type DisposableBroker,
} from '@homeroom/platform/testing';
import { EventConsumer } from './consumer/event-consumer';
import { createKafka } from './kafka/kafka-client';
import { provisionTopics } from './kafka/topic-provisioner';
import { CreateMessagingTables1764150000000 } from './outbox/messaging-tables.migration';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { pingContract } from '../test/ping.contract';
import { CreatePingEffectTable1764150000001 } from '../test/effect-table.migration';
import { recordPing } from '../test/ping-fixtures';

const USER = { username: 'homeroom-cases', password: 'scram secret for the test broker' };
const kafkaSchema = z.object(kafkaConfigShape).superRefine(checkKafkaConfig);

/**
 * Kafka as districts' managed services and Strimzi's TLS listeners offer it, on a real broker: TLS with a
 * private CA and SASL (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512). The services' configuration (KAFKA_SSL*,
 * KAFKA_SASL_*) reaches the client the apps use, and an event goes outbox → relay → broker → consumer.
 */
describe('Kafka with TLS and SASL', () => {
  let broker: DisposableBroker;
  let secure: NonNullable<DisposableBroker['secure']>;
  let database: TestDatabase;

  const environment = (overrides: Record<string, string> = {}) => ({
    KAFKA_BROKERS: secure.bootstrap,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: secure.caFile,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: USER.username,
    KAFKA_SASL_PASSWORD: USER.password,
    ...overrides,
  });
  /** The client the services make from their configuration; sign-in checks fail at once, without retries. */
  const clientFor = (overrides: Record<string, string> = {}, { retries }: { retries?: number } = {}) =>
    createKafka(
      {
        clientId: uniqueName('secure-client', '-'),
        ...kafkaConnection(loadConfig('test', kafkaSchema, environment(overrides))),
        logger: testLogger(),
      },
      retries === undefined ? {} : { retry: { retries } },
    );

  beforeAll(async () => {
    broker = await startDisposableBroker({ secureUsers: [USER] });
    secure = broker.secure!;
    database = await createTestDatabase('kafka-security', {
      migrations: [CreateMessagingTables1764150000000, CreatePingEffectTable1764150000001],
    });
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
    await broker?.destroy();
  });

  it.each(['plain', 'scram-sha-256', 'scram-sha-512'])('signs in with %s over TLS', async (mechanism) => {
    const admin = clientFor({ KAFKA_SASL_MECHANISM: mechanism }, { retries: 0 }).admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers.map(({ port }) => `127.0.0.1:${port}`)).toEqual([secure.bootstrap]);
    } finally {
      await admin.disconnect();
    }
  });

  it('delivers an event from the outbox to a consumer through the secured listener', async () => {
    const kafka = clientFor();
    const topic = `test.${uniqueName('secured', '-')}.v1`;
    const admin = kafka.admin();
    await admin.connect();
    await provisionTopics(admin, [{ topic, partitions: 1 }]);
    await admin.disconnect();

    const contract = pingContract(topic);
    const relay = new OutboxRelay({
      dataSource: database.dataSource,
      kafka,
      databaseUrl: database.url,
      logger: testLogger(),
      pollIntervalMs: 100,
    });
    const consumer = new EventConsumer({
      kafka,
      dataSource: database.dataSource,
      groupId: uniqueName('secured', '-'),
      handlers: [recordPing(contract)],
      logger: testLogger(),
    });
    await consumer.start();
    relay.start();
    try {
      await inTransaction(database.dataSource, (manager) =>
        new OutboxWriter('messaging-test').appendAll(manager, contract, [
          { aggregateId: 'k-1', data: { key: 'k-1', seq: 0 } },
        ]),
      );
      await waitUntil(
        'the event to be applied',
        async () =>
          Number((await database.dataSource.query('SELECT count(*) AS n FROM ping_effect'))[0].n) === 1,
        { timeoutMs: 60_000 },
      );
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('is refused with a wrong password, and without the CA the broker is not trusted', async () => {
    const wrongPassword = clientFor({ KAFKA_SASL_PASSWORD: 'not the password' }, { retries: 0 }).admin();
    await expect(wrongPassword.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });

    const noCa = clientFor({ KAFKA_SSL_CA_FILE: '' }, { retries: 0 }).admin();
    await expect(noCa.connect()).rejects.toThrow(/self[- ]signed certificate/);
  });

  it('refuses at start-up, naming the variable, a SASL user without a password or an unreadable CA', () => {
    expect(() => loadConfig('cases', kafkaSchema, environment({ KAFKA_SASL_PASSWORD: '' }))).toThrow(
      /KAFKA_SASL_PASSWORD: is required with KAFKA_SASL_MECHANISM/,
    );
    expect(() =>
      loadConfig('cases', kafkaSchema, environment({ KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' })),
    ).toThrow(/KAFKA_SSL_CA_FILE: cannot be read \(ENOENT\)/);
    expect(() => loadConfig('cases', kafkaSchema, environment({ KAFKA_SSL: 'false' }))).toThrow(
      /KAFKA_SSL_CA_FILE: needs KAFKA_SSL=true/,
    );
  });
});
