import type { EntityManager } from 'typeorm';
import { copyRows } from '@homeroom/platform/database';
import { createEnvelope, type NewEvent } from '../contracts/envelope-factory';
import type { EventContract, EventData } from '@homeroom/platform/event-contracts';
import type { EventEnvelope } from '@homeroom/platform/event-contracts';

export const OUTBOX_CHANNEL = 'outbox_event';
/** From this many events in one call, they are written with COPY. */
const COPY_FROM = 500;

/**
 * Appends events to the outbox inside the caller's transaction: they are published if and only if the
 * state change that produced them commits. The NOTIFY is delivered at commit and wakes the relay at once.
 */
export class OutboxWriter {
  constructor(private readonly producer: string) {}

  async append<Contract extends EventContract>(
    manager: EntityManager,
    contract: Contract,
    event: NewEvent<Contract>,
  ): Promise<EventEnvelope<EventData<Contract>>> {
    const [envelope] = await this.appendAll(manager, contract, [event]);
    return envelope!;
  }

  async appendAll<Contract extends EventContract>(
    manager: EntityManager,
    contract: Contract,
    events: readonly NewEvent<Contract>[],
  ): Promise<EventEnvelope<EventData<Contract>>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append needs the EntityManager of an open transaction');
    }
    const envelopes = events.map((event) => createEnvelope(this.producer, contract, event));
    if (envelopes.length === 0) return envelopes;
    if (envelopes.length >= COPY_FROM) {
      // A bulk import's thousands of events: COPY writes them several times faster, in the same order.
      await copyRows(
        manager,
        'outbox_event',
        ['event_id', 'topic', 'message_key', 'envelope'],
        envelopes.map((e) => [e.id, contract.topic, e.aggregateId, e]),
      );
      await manager.query("SELECT pg_notify($1, '')", [OUTBOX_CHANNEL]);
    } else
      // The relay's wake-up call goes in the same statement: one round trip for the events and the NOTIFY
      // (which PostgreSQL delivers at commit, once however often a transaction sends it).
      await manager.query(
        `WITH written AS (
           INSERT INTO outbox_event (event_id, topic, message_key, envelope)
           SELECT event_id, topic, message_key, envelope
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
                  WITH ORDINALITY AS e(event_id, topic, message_key, envelope, n)
            ORDER BY n
         )
         SELECT pg_notify($5, '')`,
        [
          envelopes.map((e) => e.id),
          envelopes.map(() => contract.topic),
          envelopes.map((e) => e.aggregateId),
          envelopes.map((e) => JSON.stringify(e)),
          OUTBOX_CHANNEL,
        ],
      );
    return envelopes;
  }
}
