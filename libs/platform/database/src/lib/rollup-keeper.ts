import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@homeroom/platform/observability';
import { RepeatingTask } from './repeating-task';
import { retryingStartup } from './startup-retry';
import { inTransaction } from './transaction';

/**
 * A reporting rollup kept from a fact table (ADR 26): triggers append each change of a fact's
 * contribution to a change table in the writing transaction (the old contribution with sign −1, the new
 * one with +1); the keeper folds those rows into the rollup tables; readers add the rows not folded yet.
 */
export interface RollupDefinition {
  /** Names the advisory lock and the logs: one folder at a time across replicas. */
  name: string;
  /** The fact table (or tables, comma-separated); writes to them wait while the rollups are rebuilt. */
  factTable: string;
  /** The append-only change table (an identity `id` and the contribution's columns). */
  changeTable: string;
  /** The rollup tables, emptied by a rebuild. */
  rollupTables: readonly string[];
  /** One row: the time zone the rollups' days are in (null until built), and when they were built. */
  basisTable: string;
  /** Every fact as a contribution with sign 1: a SELECT of the change table's columns but `id`. */
  contributions: string;
  /** Adds the contributions `source` (a SELECT) yields to the rollups, `timeZone` being `$1`. */
  add(manager: EntityManager, source: string, timeZone: string): Promise<void>;
}

/** Changes folded per transaction: a bulk load's million changes fold in steps that each commit. */
export const FOLD_BATCH = 50_000;
const FOLD_EVERY_MS = 1_000;

export class RollupKeeper implements OnModuleInit, OnModuleDestroy {
  private readonly task: RepeatingTask;
  private current = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly definition: RollupDefinition,
    private readonly timeZone: string,
    private readonly logger: Logger,
  ) {
    this.task = new RepeatingTask(`${definition.name} fold`, FOLD_EVERY_MS, () => this.foldAll(), logger);
  }

  /**
   * Builds the rollups if they are not for this time zone, then folds every second until stopped. Named
   * for Nest's lifecycle: a service's keeper (an injectable subclass) starts and stops with the service.
   */
  async onModuleInit(): Promise<void> {
    await retryingStartup(
      () => this.ensureBuilt(),
      (error, failed) =>
        this.logger.warn(
          { err: error, failed },
          `${this.definition.name}: database not ready; building again`,
        ),
    );
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  private get lock(): string {
    return `hashtext('homeroom.${this.definition.name}')`;
  }

  /** Whether the rollups hold this district's days; until then readers count from the facts. */
  async isCurrent(): Promise<boolean> {
    if (this.current) return true;
    const [basis] = (await this.dataSource.query(`SELECT time_zone FROM ${this.definition.basisTable}`)) as {
      time_zone: string | null;
    }[];
    this.current = basis?.time_zone === this.timeZone;
    return this.current;
  }

  /** Builds the rollups from the facts unless they were built for this time zone. */
  async ensureBuilt(): Promise<boolean> {
    if (await this.isCurrent()) return false;
    const started = Date.now();
    // Replicas starting together: the first rebuilds, the others find it done once they hold the lock.
    if (!(await this.rebuild({ unlessCurrent: true }))) return false;
    this.logger.info(
      { rollup: this.definition.name, timeZone: this.timeZone, ms: Date.now() - started },
      'rollups rebuilt from the facts',
    );
    return true;
  }

  /**
   * Recomputes the rollups from the facts alone (unless, when asked, they are already for this time zone);
   * true when it did. Writes to the facts wait meanwhile (SHARE lock), so no change falls between the
   * facts read and the changes discarded.
   */
  async rebuild({ unlessCurrent = false } = {}): Promise<boolean> {
    const { factTable, changeTable, rollupTables, basisTable, contributions } = this.definition;
    const rebuilt = await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${this.lock})`);
      if (unlessCurrent) {
        const [basis] = (await manager.query(`SELECT time_zone FROM ${basisTable}`)) as {
          time_zone: string | null;
        }[];
        if (basis?.time_zone === this.timeZone) return false;
      }
      await manager.query(`LOCK TABLE ${factTable} IN SHARE MODE`);
      await manager.query(`TRUNCATE ${[changeTable, ...rollupTables].join(', ')}`);
      await this.definition.add(manager, contributions, this.timeZone);
      await manager.query(`UPDATE ${basisTable} SET time_zone = $1, built_at = now()`, [this.timeZone]);
      return true;
    });
    this.current = true;
    return rebuilt;
  }

  /** Folds every change waiting; returns how many. */
  async foldAll(): Promise<number> {
    if (!(await this.isCurrent())) return 0;
    // Idle most seconds: one cheap look before any transaction.
    const [waiting] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM ${this.definition.changeTable}) AS any`,
    )) as { any: boolean }[];
    if (!waiting?.any) return 0;
    let folded = 0;
    for (;;) {
      const batch = await this.fold(FOLD_BATCH);
      folded += batch;
      if (batch < FOLD_BATCH) return folded;
    }
  }

  /** Folds up to `limit` changes, oldest first, in one transaction; 0 when another replica is folding. */
  fold(limit: number): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const [lock] = (await manager.query(`SELECT pg_try_advisory_xact_lock(${this.lock}) AS held`)) as {
        held: boolean;
      }[];
      if (!lock?.held) return 0;
      return this.foldLocked(manager, limit);
    });
  }

  private async foldLocked(manager: EntityManager, limit: number): Promise<number> {
    const { changeTable } = this.definition;
    const folding = `folding_${changeTable}`;
    // The batch moves into a temporary table first: the rollups are fed from it by separate statements,
    // and a change deleted here is in them when this transaction commits, or nowhere.
    await manager.query(`CREATE TEMPORARY TABLE ${folding} (LIKE ${changeTable}) ON COMMIT DROP`);
    const [{ moved }] = (await manager.query(
      `WITH moved AS (
         DELETE FROM ${changeTable} WHERE id IN (SELECT id FROM ${changeTable} ORDER BY id LIMIT $1)
         RETURNING *),
       kept AS (INSERT INTO ${folding} SELECT * FROM moved RETURNING 1)
       SELECT count(*)::int AS moved FROM kept`,
      [limit],
    )) as [{ moved: number }];
    if (moved > 0) await this.definition.add(manager, `SELECT * FROM ${folding}`, this.timeZone);
    return moved;
  }
}
