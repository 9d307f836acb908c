import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { type Consumer, type EachMessagePayload, type Kafka, Partitioners, type Producer } from 'kafkajs';
import {
  type Logger,
  childTraceContext,
  newContext,
  parseTraceparent,
  runWithContext,
} from '@homeroom/platform/observability';
import { eventEnvelopeSchema, type EventEnvelope } from '@homeroom/platform/event-contracts';
import { deadLetterTopic } from '@homeroom/platform/event-contracts';
import { HEADERS, headerText } from '../kafka/kafka-headers';
import { deadLetterMessage, type DeadLetterReason } from './dead-letter';
import type { EventHandler } from './event-handler';
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface EventConsumerSettings {
  kafka: Kafka;
  dataSource: DataSource;
  groupId: string;
  handlers: readonly EventHandler[];
  logger: Logger;
  retry?: RetryPolicy;
  /** Start a new group at the beginning of its topics (the default) or only at new messages. */
  fromBeginning?: boolean;
  /**
   * Partitions worked on at once (each still strictly in order, so per-key order holds). The default keeps
   * a small database pool busy without starving the service's own requests.
   */
  partitionsConsumedConcurrently?: number;
}

type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

class UnprocessableEvent extends Error {
  constructor(
    readonly reason: Exclude<DeadLetterReason, 'HANDLER_FAILED'>,
    message: string,
  ) {
    super(message);
    this.name = 'UnprocessableEvent';
  }
}

/**
 * Consumes domain events and applies each exactly once: the handler's writes and the inbox record of the
 * event id commit in one transaction, so redelivery (a restart, a rebalance, a group reset to the earliest
 * offset) finds the id and changes nothing. A message that cannot be read, or whose handler still fails
 * after bounded retries, goes to `<topic>.dlq` and the partition moves on.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, Map<number, EventHandler>>();
  private readonly retry: RetryPolicy;
  private consumer: Consumer | undefined;
  private deadLetters: Producer | undefined;

  constructor(private readonly settings: EventConsumerSettings) {
    this.retry = settings.retry ?? DEFAULT_RETRY_POLICY;
    for (const handler of settings.handlers) {
      const versions = this.handlers.get(handler.contract.type) ?? new Map<number, EventHandler>();
      versions.set(handler.contract.version, handler);
      this.handlers.set(handler.contract.type, versions);
    }
  }

  get topics(): string[] {
    return [...new Set(this.settings.handlers.map((handler) => handler.contract.topic))];
  }

  async start(): Promise<void> {
    const { kafka, groupId } = this.settings;
    this.deadLetters = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    await this.deadLetters.connect();
    this.consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    // kafkajs restarts the consumer after a retriable error (kafka-client.ts logs those as warnings); one it
    // does not restart after leaves the service without its events, which is an error someone must see.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart)
        this.settings.logger.error(
          { err: payload.error, groupId },
          'The consumer stopped after an error it cannot retry; events wait in Kafka until the service restarts',
        );
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.topics,
      fromBeginning: this.settings.fromBeginning ?? true,
    });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.onMessage(payload),
    });
  }

  /** Lets the message in hand finish, commits its offset, then leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.deadLetters?.disconnect();
    this.consumer = undefined;
    this.deadLetters = undefined;
  }

  private async onMessage(payload: EachMessagePayload): Promise<void> {
    const { message } = payload;
    const parent = parseTraceparent(headerText(message.headers, HEADERS.traceparent));
    const context = newContext({
      ...(headerText(message.headers, HEADERS.correlationId)
        ? { correlationId: headerText(message.headers, HEADERS.correlationId)! }
        : {}),
      ...(headerText(message.headers, HEADERS.eventId)
        ? { causationId: headerText(message.headers, HEADERS.eventId)! }
        : {}),
      trace: childTraceContext(parent),
    });
    await runWithContext(context, () => this.process(payload));
  }

  private async process(payload: EachMessagePayload): Promise<Outcome> {
    let event: EventEnvelope;
    let handler: EventHandler | undefined;
    try {
      event = this.parse(payload.message.value);
      handler = this.handlerFor(event);
      if (!handler) return 'ignored';
      event = { ...event, data: this.validate(handler, event) };
    } catch (error) {
      if (!(error instanceof UnprocessableEvent)) throw error;
      await this.deadLetter(payload, error.reason, error, 1);
      return 'dead-lettered';
    }

    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.apply(payload, handler, event);
      } catch (error) {
        if (attempt >= this.retry.attempts) {
          await this.deadLetter(payload, 'HANDLER_FAILED', error, attempt);
          return 'dead-lettered';
        }
        this.settings.logger.warn(
          { err: error, eventId: event.id, eventType: event.type, attempt },
          'event handler failed; retrying',
        );
        await this.waitWithHeartbeat(payload, backoffMs(this.retry, attempt));
      }
    }
  }

  private parse(value: Buffer | null): EventEnvelope {
    let json: unknown;
    try {
      json = JSON.parse(value?.toString('utf8') ?? '');
    } catch {
      throw new UnprocessableEvent('MALFORMED_ENVELOPE', 'The message is not JSON');
    }
    const parsed = eventEnvelopeSchema.safeParse(json);
    if (!parsed.success) {
      throw new UnprocessableEvent('MALFORMED_ENVELOPE', `Not an event envelope: ${parsed.error.message}`);
    }
    return parsed.data as EventEnvelope;
  }

  /** Types this group does not handle are skipped; a handled type at an unknown version is refused. */
  private handlerFor(event: EventEnvelope): EventHandler | undefined {
    const versions = this.handlers.get(event.type);
    if (!versions) return undefined;
    const handler = versions.get(event.version);
    if (!handler) {
      const known = [...versions.keys()].join(', ');
      throw new UnprocessableEvent(
        'UNSUPPORTED_VERSION',
        `${event.type} v${event.version} is not supported by ${this.settings.groupId} (handles v${known})`,
      );
    }
    return handler;
  }

  private validate(handler: EventHandler, event: EventEnvelope): unknown {
    const parsed = handler.contract.schema.safeParse(event.data);
    if (!parsed.success) {
      throw new UnprocessableEvent('INVALID_PAYLOAD', `${event.type} payload: ${parsed.error.message}`);
    }
    return parsed.data;
  }

  private apply(payload: EachMessagePayload, handler: EventHandler, event: EventEnvelope): Promise<Outcome> {
    return this.settings.dataSource.transaction(async (manager) => {
      const recorded = (await manager.query(
        `INSERT INTO inbox_event (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (consumer_group, event_id) DO NOTHING
         RETURNING event_id`,
        [
          this.settings.groupId,
          event.id,
          event.type,
          payload.topic,
          payload.partition,
          payload.message.offset,
        ],
      )) as unknown[];
      if (recorded.length === 0) return 'duplicate';
      await handler.handle(event, manager);
      return 'applied';
    });
  }

  private async deadLetter(
    payload: EachMessagePayload,
    reason: DeadLetterReason,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const { topic, partition, message } = payload;
    this.settings.logger.error(
      { err: error, topic, partition, offset: message.offset, reason, attempts },
      'event sent to the dead-letter topic',
    );
    // If this send fails, the error propagates: the offset is not committed and the message comes back.
    await this.deadLetters!.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        deadLetterMessage(
          { topic, partition, offset: message.offset, consumerGroup: this.settings.groupId, message },
          reason,
          error,
          attempts,
        ),
      ],
    });
  }

  /** Sleeps in slices, heartbeating so the group does not evict this member during a long backoff. */
  private async waitWithHeartbeat(payload: EachMessagePayload, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      await sleep(Math.min(1_000, until - Date.now()));
      await payload.heartbeat();
    }
  }
}
