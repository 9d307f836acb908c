import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, RepeatingTask } from '@homeroom/platform/database';
import { InvalidEventPayloadError, OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SlaBreached, SlaWarning } from '@homeroom/slas/contracts';
import { markBreached, markWarned } from '@homeroom/slas/domain';
import { saveTimers, timerFromRow, type SlaTimerRow, type StoredTimer } from './timer-rows';

export const SLA_SCHEDULER_SETTINGS = Symbol('SLA_SCHEDULER_SETTINGS');

export interface SlaSchedulerSettings {
  /** Between sweeps, in milliseconds; 0 turns the scheduler off (tests that drive `sweep` themselves). */
  intervalMs: number;
  /** Timers locked and handled per transaction. */
  batchSize: number;
}

/**
 * Sends the warnings and breaches as their times come. Each sweep takes, in one transaction, the running
 * timers whose warning or deadline has passed (`FOR UPDATE SKIP LOCKED`: replicas share the work and never
 * take the same timer), marks them with the domain's `markWarned`/`markBreached` and writes `SlaWarning`/
 * `SlaBreached` to the outbox in that same transaction. A replica that dies mid-batch rolls back, and its
 * timers are taken on the next sweep; a marked timer is never selected again, so nothing is sent twice.
 */
@Injectable()
export class SlaScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly task: RepeatingTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(SLA_SCHEDULER_SETTINGS) private readonly settings: SlaSchedulerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new RepeatingTask('SLA sweep', this.settings.intervalMs, () => this.sweep(), logger);
  }

  onModuleInit(): void {
    if (this.settings.intervalMs > 0) this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Handles every timer due now, a batch per transaction; returns how many it marked. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const { taken, marked } = await inTransaction(this.dataSource, (manager) => this.batch(manager));
      total += marked;
      // A full batch that changed nothing (events stamped ahead of this clock) is left for the next sweep.
      if (taken < this.settings.batchSize || marked === 0 || this.task.isStopped) return total;
    }
  }

  private async batch(manager: import('typeorm').EntityManager): Promise<{ taken: number; marked: number }> {
    const rows = (await manager.query(
      `SELECT t.*, now() AS swept_at FROM sla_timer t
        WHERE t.status = 'RUNNING'
          AND ((t.warned_at IS NULL AND t.warn_at <= now()) OR t.due_at <= now())
        ORDER BY least(CASE WHEN t.warned_at IS NULL THEN t.warn_at END, t.due_at), t.case_id, t.kind
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [this.settings.batchSize],
    )) as (SlaTimerRow & { swept_at: Date })[];
    const changed: StoredTimer[] = [];
    for (const row of rows) {
      const stored = timerFromRow(row);
      const at = row.swept_at;
      const warned = markWarned(stored.timer, at);
      const breached = markBreached(warned, at);
      try {
        if (warned !== stored.timer && stored.timer.dueAt) {
          await this.outbox.append(manager, SlaWarning, {
            aggregateId: stored.caseId,
            data: {
              caseId: stored.caseId,
              timerKind: stored.timer.kind,
              policyId: stored.policyId,
              dueAt: stored.timer.dueAt.toISOString(),
              thresholdPercent: stored.timer.warnAtPercent,
              at: at.toISOString(),
            },
          });
        }
        if (breached !== warned && breached.dueAt) {
          await this.outbox.append(manager, SlaBreached, {
            aggregateId: stored.caseId,
            data: {
              caseId: stored.caseId,
              timerKind: breached.kind,
              policyId: stored.policyId,
              dueAt: breached.dueAt.toISOString(),
              breachedAt: at.toISOString(),
            },
          });
        }
      } catch (error) {
        if (!(error instanceof InvalidEventPayloadError)) throw error;
        // A timer no event can describe (a case id the contract refuses) would otherwise come first in every
        // sweep and hold back everyone's breaches: it is marked all the same, and an operator is told.
        this.logger.error(
          { err: error, caseId: stored.caseId, timerKind: stored.timer.kind },
          'SLA timer cannot be announced; marked without an event',
        );
      }
      if (breached !== stored.timer) changed.push({ ...stored, timer: breached });
    }
    await saveTimers(manager, changed);
    return { taken: rows.length, marked: changed.length };
  }
}
