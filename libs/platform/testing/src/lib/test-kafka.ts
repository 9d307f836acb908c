import { type Admin, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { createLogger, type Logger } from '@homeroom/platform/observability';
import { testKafkaBrokers } from './test-environment';
import { uniqueName } from './unique-name';

/** A logger for tests: silent unless TEST_LOG_LEVEL asks for more. */
export function testLogger(service = 'test'): Logger {
  return createLogger({ service, level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
}

/**
 * A plain kafkajs client for tests. (Deliberately not the messaging library's factory: the harness sits
 * below every library it tests.)
 */
export function testKafka(clientId = uniqueName('test-client', '-'), brokers = testKafkaBrokers()): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: process.env['TEST_LOG_LEVEL'] === 'debug' ? logLevel.INFO : logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
  });
}

/** A topic (and its dead-letter topic) that belongs to this suite alone: `test.<label>-<random>.v1`. */
export async function createTestTopic(
  label: string,
  partitions = 3,
  kafka: Kafka = testKafka(),
): Promise<string> {
  // The platform's naming, <service>.<aggregate>.v<major>, with the suite's own aggregate name.
  const topic = `test.${uniqueName(label, '-')}.v1`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [topic, `${topic}.dlq`].map((name) => ({
        topic: name,
        numPartitions: partitions,
        replicationFactor: 1,
      })),
    });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

/**
 * Reads a topic from the beginning until `count` messages (those `filter` accepts, when given) have
 * arrived or the time is up.
 */
export async function readTopic(
  topic: string,
  count: number,
  {
    timeoutMs = 30_000,
    kafka = testKafka(),
    filter = () => true,
  }: { timeoutMs?: number; kafka?: Kafka; filter?: (message: KafkaMessage) => boolean } = {},
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('reader', '-') });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`Only ${messages.length} of ${count} messages on ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (!filter(message)) return;
          messages.push(message);
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/**
 * A topic's partition ends. A topic just created (by another suite, or by this one's first service on a
 * worker's fresh broker) can briefly have no leader the broker knows of ("not the leader for that
 * topic-partition", retriable), or metadata without its partitions yet, on which kafkajs 2.2.4 fails with a
 * TypeError of its own: ask again, a few times, before failing.
 */
async function endsOf(admin: Admin, topic: string, attempts = 20) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      const retriable =
        (error as { retriable?: boolean }).retriable === true || (error as Error).name === 'TypeError';
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
      // Fresh metadata: the leader the broker now reports.
      await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    }
  }
}

/**
 * Commits a new consumer group's offsets at the current end of these topics (all of them when none are
 * named), so that it starts with what arrives next. A new group would otherwise start at the beginning of
 * topics holding every earlier run's events (after `npm start` or on a long-lived machine, tens or hundreds
 * of thousands): benchmarks use this so replay is not measured, integration tests so they do not wait on it.
 */
export async function startGroupAtEnd(
  groupId: string,
  topics?: readonly string[],
  kafka: Kafka = testKafka(),
) {
  const admin = kafka.admin();
  await admin.connect();
  let ends: { topic: string; partition: number; offset: string }[];
  try {
    const existing = new Set(await admin.listTopics());
    const chosen = (topics ?? [...existing].filter((topic) => !topic.startsWith('__'))).filter((topic) =>
      existing.has(topic),
    );
    ends = (
      await Promise.all(
        chosen.map(async (topic) =>
          (await endsOf(admin, topic)).map((end) => ({
            topic,
            partition: end.partition,
            offset: end.high,
          })),
        ),
      )
    ).flat();
  } finally {
    await admin.disconnect();
  }
  if (ends.length === 0) return;
  // One member joins the group once for every topic and commits the ends (kafkajs' admin.setOffsets joins
  // the group once per topic, seconds each), then leaves; it never processes a message.
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    const topicsToCommit = [...new Set(ends.map((end) => end.topic))];
    await consumer.subscribe({ topics: topicsToCommit, fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    // It handles nothing (and commits nothing itself), so it need not pause: pausing before the group is
    // initialized fails now and then ("consumer#run must be called first").
    await consumer.run({ eachBatchAutoResolve: false, autoCommit: false, eachBatch: async () => undefined });
    await joined;
    await consumer.commitOffsets(ends);
  } finally {
    await consumer.disconnect();
  }
}
