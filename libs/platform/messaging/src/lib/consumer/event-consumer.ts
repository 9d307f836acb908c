import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import {
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
  Partitioners,
  type Producer,
} from 'kafkajs';
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
  /**
   * Events of one partition applied in one transaction, with their inbox records (one statement for all).
   * Larger batches cost fewer round trips per event; a batch holds the partition's events only, so per-key
   * order holds, and it is never more than Kafka delivered at once.
   */
  batchSize?: number;
}

/** One message of a partition, where the consumer reads it from and how it keeps its group membership. */
interface PartitionMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat(): Promise<void>;
}

/** A message read and checked, ready to apply. */
interface ReadyEvent {
  delivery: PartitionMessage;
  handler: EventHandler;
  event: EventEnvelope;
}

/**
 * What a batch's transaction got to: the events from `index` up to `end` (exclusive) were given to the
 * handler that failed; one event, or a run given to a handler that applies several at once.
 */
class BatchHandlerFailed extends Error {
  constructor(
    readonly index: number,
    readonly end: number,
    readonly failure: unknown,
  ) {
    super('an event handler failed inside a batch');
  }
}

const DEFAULT_BATCH_SIZE = 100;

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
 * Consumes domain events and applies each exactly once: the handlers' writes and the inbox records of the
 * event ids commit in one transaction, so redelivery (a restart, a rebalance, a group reset to the earliest
 * offset) finds the ids and changes nothing. Events are applied a partition's batch at a time (one
 * transaction for up to `batchSize` events, in their order); when a handler fails, the events before it are
 * applied on their own and the failing one is retried alone. A message that cannot be read, or whose
 * handler still fails after bounded retries, goes to `<topic>.dlq` and the partition moves on.
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
      // Several parts of a service may react to one event (a reply is emailed or texted): each runs, in the
      // order given, in the event's one transaction, so the event is still applied once or not at all.
      const earlier = versions.get(handler.contract.version);
      versions.set(handler.contract.version, earlier ? bothHandlers(earlier, handler) : handler);
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
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Lets the message in hand finish, commits its offset, then leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.deadLetters?.disconnect();
    this.consumer = undefined;
    this.deadLetters = undefined;
  }

  /**
   * A partition's batch, in order: events that can be applied go in transactions of up to `batchSize`;
   * a message that cannot be read goes to the dead-letter topic where it stands; an offset is resolved once
   * what precedes it is done, and the batch stops early when the group rebalances.
   */
  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const limit = this.settings.batchSize ?? DEFAULT_BATCH_SIZE;
    let pending: ReadyEvent[] = [];
    // The last message the pending events cover: theirs, or a skipped one among them.
    let coveredTo: string | undefined;
    const flush = async () => {
      if (pending.length === 0) return;
      await this.applyInOrder(pending);
      payload.resolveOffset(coveredTo!);
      pending = [];
      await payload.heartbeat();
      await payload.commitOffsetsIfNecessary();
    };
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale()) break;
      const delivery: PartitionMessage = {
        topic: batch.topic,
        partition: batch.partition,
        message,
        heartbeat: () => payload.heartbeat(),
      };
      const read = await this.read(delivery);
      if (read === 'dead-lettered') await flush();
      if (read === 'ignored' || read === 'dead-lettered') {
        if (pending.length === 0) payload.resolveOffset(message.offset);
        else coveredTo = message.offset;
        continue;
      }
      pending.push(read);
      coveredTo = message.offset;
      if (pending.length >= limit) await flush();
    }
    if (payload.isRunning() && !payload.isStale()) await flush();
  }

  /** The message as an event to apply, or why it is not one (a type this group skips, or unreadable). */
  private async read(delivery: PartitionMessage): Promise<ReadyEvent | 'ignored' | 'dead-lettered'> {
    try {
      const event = this.parse(delivery.message.value);
      const handler = this.handlerFor(event);
      if (!handler) return 'ignored';
      return { delivery, handler, event: { ...event, data: this.validate(handler, event) } };
    } catch (error) {
      if (!(error instanceof UnprocessableEvent)) throw error;
      await this.inContextOf(delivery, () => this.deadLetter(delivery, error.reason, error, 1));
      return 'dead-lettered';
    }
  }

  /**
   * Applies the events in one transaction. When a handler fails, the transaction is undone, the events
   * before the failing one are applied again without it, and the failing one gets its remaining attempts
   * on its own (it has had one); then the rest follow. When a run given to one handler at once fails, which
   * of its events failed is not known: each is applied in a transaction of its own, which finds it.
   */
  private async applyInOrder(events: readonly ReadyEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.applyBatch(events);
    } catch (error) {
      if (!(error instanceof BatchHandlerFailed)) throw error;
      const { index, end, failure } = error;
      await this.applyInOrder(events.slice(0, index));
      if (end - index === 1) await this.applyAlone(events[index]!, failure);
      else for (const event of events.slice(index, end)) await this.applyInOrder([event]);
      await this.applyInOrder(events.slice(end));
    }
  }

  /**
   * One event on its own, after a first failed attempt: bounded retries with backoff, then the dead-letter
   * topic. Only its handler's failures count as attempts; any other error (the database down) propagates,
   * so the batch is not committed and Kafka delivers it again.
   */
  private async applyAlone(ready: ReadyEvent, firstFailure: unknown): Promise<void> {
    const { delivery, event } = ready;
    return this.inContextOf(delivery, async () => {
      let failure = firstFailure;
      for (let attempt = 1; ; attempt += 1) {
        if (attempt >= this.retry.attempts) {
          await this.deadLetter(delivery, 'HANDLER_FAILED', failure, attempt);
          return;
        }
        this.settings.logger.warn(
          { err: failure, eventId: event.id, eventType: event.type, attempt },
          'event handler failed; retrying',
        );
        await this.waitWithHeartbeat(delivery, backoffMs(this.retry, attempt));
        try {
          await this.applyBatch([ready]);
          return;
        } catch (error) {
          if (!(error instanceof BatchHandlerFailed)) throw error;
          failure = error.failure;
        }
      }
    });
  }

  /**
   * Records the events in the inbox (one statement) and runs the handler of each one recorded now, in
   * order, each in its message's trace context, all in one transaction. Consecutive events for a handler
   * that applies several at once go to it together, in the first one's trace context. An event already in
   * the inbox (a redelivery) changes nothing; one delivered twice in the batch is applied once.
   */
  protected applyBatch(events: readonly ReadyEvent[]): Promise<void> {
    return this.settings.dataSource.transaction(async (manager) => {
      const recorded = new Set(
        (
          (await manager.query(
            `INSERT INTO inbox_event (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
             SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[])
             ON CONFLICT (consumer_group, event_id) DO NOTHING
             RETURNING event_id`,
            [
              this.settings.groupId,
              events.map(({ event }) => event.id),
              events.map(({ event }) => event.type),
              events.map(({ delivery }) => delivery.topic),
              events.map(({ delivery }) => delivery.partition),
              events.map(({ delivery }) => delivery.message.offset),
            ],
          )) as { event_id: string }[]
        ).map((row) => row.event_id),
      );
      for (const run of runsOfFreshEvents(events, recorded)) {
        const [first] = run.events;
        try {
          await this.inContextOf(first!.delivery, () =>
            run.events.length > 1
              ? first!.handler.handleAll!(
                  run.events.map(({ event }) => event),
                  manager,
                )
              : first!.handler.handle(first!.event, manager),
          );
        } catch (error) {
          throw new BatchHandlerFailed(run.index, run.end, error);
        }
      }
    });
  }

  /** Runs `work` in the message's trace context: its correlation id, caused by its event, a child span. */
  private inContextOf<T>(delivery: PartitionMessage, work: () => Promise<T>): Promise<T> {
    const { headers } = delivery.message;
    const parent = parseTraceparent(headerText(headers, HEADERS.traceparent));
    const context = newContext({
      ...(headerText(headers, HEADERS.correlationId)
        ? { correlationId: headerText(headers, HEADERS.correlationId)! }
        : {}),
      ...(headerText(headers, HEADERS.eventId) ? { causationId: headerText(headers, HEADERS.eventId)! } : {}),
      trace: childTraceContext(parent),
    });
    return runWithContext(context, work);
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

  private async deadLetter(
    payload: PartitionMessage,
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
  private async waitWithHeartbeat(payload: PartitionMessage, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      await sleep(Math.min(1_000, until - Date.now()));
      await payload.heartbeat();
    }
  }
}

/** Events given to one handler call: at `index` of the batch, up to `end` (exclusive). */
interface Run {
  index: number;
  end: number;
  events: ReadyEvent[];
}

/**
 * The batch's events recorded in the inbox just now (`recorded`, emptied as they are taken, so an event
 * delivered twice is taken once), in order: one to a run, or consecutive ones to a run of their handler's
 * when it applies several at once. Events skipped inside a run are within its bounds and skipped again if
 * the run is retried.
 */
function runsOfFreshEvents(events: readonly ReadyEvent[], recorded: Set<string>): Run[] {
  const runs: Run[] = [];
  for (const [index, ready] of events.entries()) {
    if (!recorded.delete(ready.event.id)) continue;
    const last = runs.at(-1);
    if (last && ready.handler.handleAll && last.events[0]!.handler === ready.handler) {
      last.events.push(ready);
      last.end = index + 1;
    } else runs.push({ index, end: index + 1, events: [ready] });
  }
  return runs;
}

function bothHandlers(first: EventHandler, second: EventHandler): EventHandler {
  return {
    contract: first.contract,
    handle: async (event, manager) => {
      await first.handle(event, manager);
      await second.handle(event, manager);
    },
  };
}
