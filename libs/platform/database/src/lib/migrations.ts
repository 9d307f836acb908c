import type { DataSource } from 'typeorm';

export interface MigrationOutcome {
  applied: string[];
}

/**
 * Applies pending migrations, each in its own transaction. Several replicas may start at once: a
 * PostgreSQL advisory lock lets one migrate while the others wait, then find nothing left to do.
 */
export async function migrate(dataSource: DataSource): Promise<MigrationOutcome> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { applied: applied.map((migration) => migration.name) };
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Reverts the most recent migration (every migration has a `down`). */
export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: 'each' });
}

// An arbitrary constant shared by every service: each service has its own database, so the lock never
// contends across services.
const MIGRATION_LOCK = 7_305_001;
