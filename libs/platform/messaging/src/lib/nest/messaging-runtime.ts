import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import type { KafkaConnection } from '@homeroom/platform/config';
import { DataSource } from 'typeorm';
import { HealthRegistry, LOGGER, type Logger } from '@homeroom/platform/observability';
import { EventConsumer } from '../consumer/event-consumer';
import type { EventHandler } from '../consumer/event-handler';
import { provisionTopics, type TopicSpec } from '../kafka/topic-provisioner';
import { OutboxRelay } from '../outbox/outbox-relay';
import { KAFKA, MESSAGING_OPTIONS } from './messaging.tokens';
import { backoffMs, type RetryPolicy } from '../consumer/retry-policy';
import { isTransientConnectionError } from '@homeroom/platform/database';

/** Up to about a minute of retries while a new broker or new topics settle. */
const STARTUP_RETRY: RetryPolicy = { attempts: 15, initialBackoffMs: 500, maxBackoffMs: 5_000 };

export interface MessagingOptions {
  service: string;
  /** Brokers, TLS and SASL (kafkaConnection of the service's config). */
  kafka: KafkaConnection;
  /** The service's database, for the relay's LISTEN connection. */
  databaseUrl: string;
  /** Topics this service publishes to; created (with their .dlq) at start when missing. */
  topics: TopicSpec[];
  /** Handlers for other services' events; a consumer group `<service>` runs them. */
  handlers?: EventHandler[];
  /** The consumer group; the service's name unless a deployment (or a test) needs another. */
  consumerGroup?: string;
}

/**
 * Runs a service's messaging for the life of the app: provisions its topics, starts the outbox relay and
 * the consumer once the app is up, stops both (finishing the batch in hand) on shutdown, and reports Kafka
 * in readiness.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay: OutboxRelay | undefined;
  private consumer: EventConsumer | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  /**
   * On a broker that has just started, or topics another service has just created, Kafka answers for a
   * few seconds with retriable errors (coordinator loading, partition not yet hosted): the start is
   * retried on those, for up to a minute, rather than the service exiting.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.health.register({ name: 'kafka', check: () => this.checkKafka() });
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.start();
        return;
      } catch (error) {
        // The relay and the consumer's inbox also need a first database connection, which a busy start
        // can be slow to give.
        const retriable = isRetriable(error) || isTransientConnectionError(error);
        if (!retriable || attempt >= STARTUP_RETRY.attempts) throw error;
        this.logger.warn(
          { err: error, attempt },
          'Kafka or the database not ready yet; starting messaging again',
        );
        await this.consumer?.stop().catch(() => undefined);
        await this.relay?.stop().catch(() => undefined);
        await sleep(backoffMs(STARTUP_RETRY, attempt));
      }
    }
  }

  private async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // The topics it consumes too: a service may start before the one that publishes them.
      const consumed = [...new Set((this.options.handlers ?? []).map((handler) => handler.contract.topic))]
        .filter((topic) => !this.options.topics.some((spec) => spec.topic === topic))
        .map((topic) => ({ topic, partitions: 6 }));
      const created = await provisionTopics(admin, [...this.options.topics, ...consumed]);
      if (created.length) this.logger.info({ topics: created }, 'created topics');
    } finally {
      await admin.disconnect();
    }
    this.relay = new OutboxRelay({
      dataSource: this.dataSource,
      kafka: this.kafka,
      databaseUrl: this.options.databaseUrl,
      logger: this.logger.child({ component: 'outbox-relay' }),
    });
    this.relay.start();
    if (this.options.handlers?.length) {
      this.consumer = new EventConsumer({
        kafka: this.kafka,
        dataSource: this.dataSource,
        groupId: this.options.consumerGroup ?? this.options.service,
        handlers: this.options.handlers,
        logger: this.logger.child({ component: 'event-consumer' }),
      });
      await this.consumer.start();
    }
  }

  /**
   * Before the shutdown hooks, where TypeORM closes the pool: the batch in hand commits (or the relay marks
   * what Kafka took) on a live connection, instead of failing with "Connection terminated" at its COMMIT
   * and the relay retrying against a closed pool until it stops.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
  }

  private async checkKafka(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }
}

/** kafkajs marks transient errors `retriable`; once its own retries run out it wraps the last one. */
function isRetriable(error: unknown): boolean {
  const { retriable, originalError, cause } = (error ?? {}) as {
    retriable?: boolean;
    originalError?: unknown;
    cause?: unknown;
  };
  return (
    retriable === true ||
    (originalError ? isRetriable(originalError) : false) ||
    (cause ? isRetriable(cause) : false)
  );
}
