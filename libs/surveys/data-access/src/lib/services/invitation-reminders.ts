import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SurveyInvitationEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { CsatInvitationService } from './csat-invitation.service';

const BATCH_SIZE = 200;

/**
 * Sends each unanswered invitation's one reminder when it falls due. Each batch locks its invitations
 * (`FOR UPDATE SKIP LOCKED`, so replicas share the work), marks them reminded and writes the reminders to
 * the outbox in one transaction: a reminder is sent once, whichever replica takes it.
 */
@Injectable()
export class InvitationReminders implements OnModuleInit, OnModuleDestroy {
  private handle: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: CsatInvitationService,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    if (this.settings.reminderIntervalMs > 0) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
    await this.current;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.handle = setTimeout(() => {
      this.current = this.sendDue()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, 'survey reminders failed'))
        .finally(() => this.schedule());
    }, this.settings.reminderIntervalMs);
    this.handle.unref();
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
          await this.invitations.issue(manager, invitation, true);
        }
        return due.length;
      });
      total += sent;
      if (sent < BATCH_SIZE || this.stopped) return total;
    }
  }
}
