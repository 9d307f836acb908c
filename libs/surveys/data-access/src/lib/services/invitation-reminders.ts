import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, RepeatingTask } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SurveyInvitationEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { InvitationIssuer } from './invitation-issuer';

const BATCH_SIZE = 200;

/**
 * Sends each unanswered invitation's one reminder when it falls due. Each batch locks its invitations
 * (`FOR UPDATE SKIP LOCKED`, so replicas share the work), marks them reminded and writes the reminders to
 * the outbox in one transaction: a reminder is sent once, whichever replica takes it.
 */
@Injectable()
export class InvitationReminders implements OnModuleInit, OnModuleDestroy {
  private readonly task: RepeatingTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: InvitationIssuer,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.task = new RepeatingTask(
      'survey reminders',
      this.settings.reminderIntervalMs,
      () => this.sendDue(),
      logger,
    );
  }

  onModuleInit(): void {
    if (this.settings.reminderIntervalMs > 0) this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Sends every reminder due by `now`; returns how many. */
  async sendDue(now: Date = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await inTransaction(this.dataSource, async (manager) => {
        const due = await manager
          .createQueryBuilder(SurveyInvitationEntity, 'i')
          .where('i.remindAt <= :now AND i.remindedAt IS NULL AND i.respondedAt IS NULL', { now })
          .andWhere('i.expiresAt > :now AND NOT i.imported', { now })
          .orderBy('i.remindAt')
          .limit(BATCH_SIZE)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const invitation of due) {
          await manager.update(SurveyInvitationEntity, { id: invitation.id }, { remindedAt: now });
          await this.issuer.issue(manager, invitation, true);
        }
        return due.length;
      });
      total += sent;
      if (sent < BATCH_SIZE || this.task.isStopped) return total;
    }
  }
}
