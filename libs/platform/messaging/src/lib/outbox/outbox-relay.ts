import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import type { Logger } from '@homeroom/platform/observability';
import type { EventEnvelope } from '@homeroom/platform/event-contracts';
import { HEADERS } from '../kafka/kafka-headers';
import { OUTBOX_CHANNEL } from './outbox-writer';

export interface OutboxRelaySettings {
  dataSource: DataSource;
  kafka: Kafka;
  /** The service's database URL, for the LISTEN connection (kept outside the pool). */
  databaseUrl: string;
  logger: Logger;
  batchSize?: number;
  /** How often to look for events when no NOTIFY arrives (a missed notification costs at most this). */
  pollIntervalMs?: number;
  /** Published rows are deleted after this long; they stay for inspection until then. */
  retentionMs?: number;
}

interface OutboxRow {
  position: string;
  topic: string;
  message_key: string;
  envelope: EventEnvelope;
}

// One relay publishes at a time per database; replicas take over as soon as the holder's transaction ends.
const RELAY_LOCK = 7_305_002;

/**
 * Publishes outbox rows to Kafka in position order, at least once: a batch is marked published only
 * after Kafka acknowledged it (acks=all, idempotent producer), so a crash in between re-sends the batch
 * and consumers drop the duplicates by event id. Only the replica holding the advisory lock publishes,
 * which keeps per-key order across replicas.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private producer: Producer | undefined;
  private listener: Client | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastCleanup = 0;

  constructor(private readonly settings: OutboxRelaySettings) {
    this.batchSize = settings.batchSize ?? 500;
    this.pollIntervalMs = settings.pollIntervalMs ?? 1_000;
    this.retentionMs = settings.retentionMs ?? 24 * 60 * 60 * 1_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.listener = undefined;
    this.producer = undefined;
  }

  /** Publishes one batch if this replica holds the lock; returns how many events it published. */
  async publishBatch(): Promise<number> {
    const runner = this.settings.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RELAY_LOCK,
      ])) as [{ locked: boolean }];
      if (!locked) {
        await runner.rollbackTransaction();
        return 0;
      }
      const rows = (await runner.query(
        `SELECT position, topic, message_key, envelope FROM outbox_event
          WHERE published_at IS NULL ORDER BY position LIMIT $1`,
        [this.batchSize],
      )) as OutboxRow[];
      if (rows.length > 0) {
        await this.send(rows);
        await runner.query(
          'UPDATE outbox_event SET published_at = now() WHERE position = ANY($1::bigint[])',
          [rows.map((row) => row.position)],
        );
      }
      await this.cleanup(runner);
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    await this.listen();
    while (this.running) {
      try {
        const published = await this.publishBatch();
        failures = 0;
        if (published < this.batchSize) await this.idle(this.pollIntervalMs);
      } catch (error) {
        failures += 1;
        // A failed send leaves the producer's sequence state unknown; the next attempt gets a new one.
        await this.resetProducer();
        const backoff = Math.min(5_000, 100 * 2 ** Math.min(failures, 6));
        this.settings.logger.warn({ err: error, failures, backoffMs: backoff }, 'outbox relay: batch failed');
        await this.idle(backoff);
      }
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push(toMessage(row));
      byTopic.set(row.topic, messages);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.settings.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async cleanup(runner: QueryRunner): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await runner.query(`DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => $1)`, [
      this.retentionMs / 1_000,
    ]);
  }

  /** Waits for a NOTIFY, the poll interval, or stop(). */
  private async idle(ms: number): Promise<void> {
    if (!this.running) return;
    const controller = new AbortController();
    this.wake = () => controller.abort();
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
    this.wake = undefined;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.settings.databaseUrl });
    client.on('notification', () => this.wake?.());
    client.on('error', (error) => {
      // The poll interval covers the gap; reconnect so notifications resume after a database restart.
      this.settings.logger.warn({ err: error }, 'outbox relay: LISTEN connection lost');
      this.listener = undefined;
      if (this.running) setTimeout(() => void this.listen(), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (!this.running) {
        await client.end();
        return;
      }
      this.listener = client;
    } catch (error) {
      this.settings.logger.warn({ err: error }, 'outbox relay: LISTEN unavailable, polling only');
      await client.end().catch(() => undefined);
      if (this.running) setTimeout(() => void this.listen(), 5_000).unref();
    }
  }
}

function toMessage(row: OutboxRow): Message {
  const { envelope } = row;
  return {
    key: row.message_key,
    value: JSON.stringify(envelope),
    headers: {
      [HEADERS.eventId]: envelope.id,
      [HEADERS.eventType]: envelope.type,
      [HEADERS.eventVersion]: String(envelope.version),
      [HEADERS.correlationId]: envelope.correlationId,
      ...(envelope.traceparent ? { [HEADERS.traceparent]: envelope.traceparent } : {}),
    },
  };
}
