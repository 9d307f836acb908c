import type { DataSource, EntityManager } from 'typeorm';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * Runs `work` in one transaction and hands it the transaction's EntityManager: every write the work makes
 * through it (state change, outbox event, inbox record) commits or rolls back together. Without an
 * isolation level it is READ COMMITTED, which every connection starts with (data-source.ts): naming it
 * would cost a round trip per transaction (`SET TRANSACTION`), a tenth of an inquiry's.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  return isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work);
}
