/**
 * An outbox relay in a process of its own, so the reliability test can SIGKILL it. It announces on stdout
 * each batch Kafka has acknowledged and then holds the transaction briefly, so that a kill at that moment
 * lands between Kafka's ack and the commit that marks the batch published: the worst case for duplicates.
 */
import { Kafka, type Producer } from 'kafkajs';
import { createServiceDataSource } from '@homeroom/platform/database';
import { createLogger } from '@homeroom/platform/observability';
import { OutboxRelay } from '../lib/outbox/outbox-relay';
import { createKafka } from '../lib/kafka/kafka-client';

const databaseUrl = process.env['DATABASE_URL']!;
const brokers = process.env['KAFKA_BROKERS']!.split(',');
const holdAfterSendMs = Number(process.env['HOLD_AFTER_SEND_MS'] ?? '0');
const logger = createLogger({ service: 'relay-child', level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

function announcingKafka(kafka: Kafka): Kafka {
  return new Proxy(kafka, {
    get(target, property, receiver) {
      if (property !== 'producer') return Reflect.get(target, property, receiver);
      return (...args: Parameters<Kafka['producer']>): Producer => {
        const producer = target.producer(...args);
        const sendBatch = producer.sendBatch.bind(producer);
        producer.sendBatch = async (batch) => {
          const result = await sendBatch(batch);
          const count = batch.topicMessages?.reduce((sum, t) => sum + t.messages.length, 0) ?? 0;
          process.stdout.write(`SENT ${count}\n`);
          if (holdAfterSendMs > 0) await new Promise((resolve) => setTimeout(resolve, holdAfterSendMs));
          return result;
        };
        return producer;
      };
    },
  });
}

async function main(): Promise<void> {
  const dataSource = createServiceDataSource({
    url: databaseUrl,
    applicationName: 'relay-child',
    entities: [],
    migrations: [],
  });
  await dataSource.initialize();
  const kafka = announcingKafka(
    createKafka(
      { brokers, clientId: 'relay-child', logger },
      { retry: { retries: 3, initialRetryTime: 100 } },
    ),
  );
  const relay = new OutboxRelay({
    dataSource,
    kafka,
    databaseUrl,
    logger,
    batchSize: Number(process.env['BATCH_SIZE'] ?? '250'),
    pollIntervalMs: 200,
  });
  relay.start();
  process.stdout.write('READY\n');
  const shutdown = async () => {
    await relay.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
