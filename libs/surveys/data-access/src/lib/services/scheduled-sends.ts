import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RepeatingTask } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { DomainException } from '@homeroom/shared/errors';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { AudienceService, type AudienceFilter } from './audience.service';

/** How long a replica holds a send it is working on before another may take it over. */
const LEASE_MINUTES = 10;

/**
 * Runs the district surveys' scheduled sends when their time comes. A replica claims one send at a time
 * with a lease (`FOR UPDATE SKIP LOCKED`, then `claimed_until`), so replicas never run the same send twice at
 * once and a send whose replica died is taken over when the lease ends; since sending invites each person
 * once, a send resumed after a crash picks up where it stopped. A send refused for a reason no retry fixes
 * (the survey closed meanwhile) is recorded with that reason.
 */
@Injectable()
export class ScheduledSends implements OnModuleInit, OnModuleDestroy {
  private readonly task: RepeatingTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audiences: AudienceService,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new RepeatingTask(
      'scheduled survey sends',
      settings.reminderIntervalMs,
      () => this.runDue(),
      logger,
    );
  }

  onModuleInit(): void {
    if (this.settings.reminderIntervalMs > 0) this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Runs every send due by now; returns how many it ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const [claimed] = (await this.dataSource.query(
        `UPDATE survey_send SET claimed_until = now() + interval '${LEASE_MINUTES} minutes'
          WHERE id = (SELECT id FROM survey_send
                       WHERE sent_at IS NULL AND send_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                       ORDER BY send_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, survey_id, audience`,
      )) as [{ id: string; survey_id: string; audience: AudienceFilter }[], number];
      const send = claimed[0];
      if (!send || this.task.isStopped) return ran;
      try {
        const { invited } = await this.audiences.send(send.survey_id, send.audience);
        await this.dataSource.query('UPDATE survey_send SET sent_at = now(), invited = $2 WHERE id = $1', [
          send.id,
          invited,
        ]);
        this.logger.info({ sendId: send.id, invited }, 'scheduled survey send done');
      } catch (error) {
        if (!(error instanceof DomainException)) {
          await this.dataSource.query('UPDATE survey_send SET claimed_until = NULL WHERE id = $1', [send.id]);
          throw error;
        }
        await this.dataSource.query(
          'UPDATE survey_send SET sent_at = now(), invited = 0, failure = $2 WHERE id = $1',
          [send.id, error.reason ?? error.code],
        );
        this.logger.warn({ sendId: send.id, reason: error.reason }, 'scheduled survey send refused');
      }
      ran += 1;
    }
  }
}
