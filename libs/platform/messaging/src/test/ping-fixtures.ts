import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import type { EventEnvelope } from '@homeroom/platform/event-contracts';
import { eventHandler } from '../lib/consumer/event-handler';
import type { OutboxWriter } from '../lib/outbox/outbox-writer';
import type { pingContract } from './ping.contract';

type PingContract = ReturnType<typeof pingContract>;

/**
 * Writes `keys × perKey` pings to the outbox, round-robin over the keys with a rising sequence per key,
 * `perTransaction` to a transaction, as a busy service would.
 */
export async function appendPings(
  dataSource: DataSource,
  writer: OutboxWriter,
  contract: PingContract,
  { keys, perKey, perTransaction }: { keys: number; perKey: number; perTransaction: number },
): Promise<void> {
  const all = Array.from({ length: keys * perKey }, (_, i) => ({
    key: `k-${i % keys}`,
    seq: Math.floor(i / keys),
  }));
  for (let start = 0; start < all.length; start += perTransaction) {
    const slice = all.slice(start, start + perTransaction);
    await inTransaction(dataSource, (manager) =>
      writer.appendAll(
        manager,
        contract,
        slice.map((data) => ({ aggregateId: data.key, data })),
      ),
    );
  }
}

/** The consumer's effect: one ping_effect row per applied event. */
export function recordPing(
  contract: PingContract,
  onApply?: (event: EventEnvelope<{ key: string; seq: number }>) => void,
) {
  return eventHandler(contract, async (event, manager: EntityManager) => {
    onApply?.(event);
    await manager.query('INSERT INTO ping_effect (event_id, message_key, seq) VALUES ($1, $2, $3)', [
      event.id,
      event.data.key,
      event.data.seq,
    ]);
  });
}

export interface EffectSummary {
  rows: number;
  distinctEvents: number;
  /** Keys whose sequence numbers were not applied in rising order. */
  outOfOrderKeys: string[];
}

export async function summariseEffects(dataSource: DataSource): Promise<EffectSummary> {
  const [counts] = (await dataSource.query(
    'SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct_events FROM ping_effect',
  )) as [{ rows: number; distinct_events: number }];
  const disorder = (await dataSource.query(`
    SELECT DISTINCT message_key FROM (
      SELECT message_key, seq, lag(seq) OVER (PARTITION BY message_key ORDER BY applied_order) AS previous
        FROM ping_effect) ordered
     WHERE previous IS NOT NULL AND seq <= previous`)) as { message_key: string }[];
  return {
    rows: counts.rows,
    distinctEvents: counts.distinct_events,
    outOfOrderKeys: disorder.map((row) => row.message_key),
  };
}
