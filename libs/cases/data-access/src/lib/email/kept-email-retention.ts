import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RepeatingTask } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { EmailQuarantine } from './email-quarantine';
import { SMTP_INTAKE_SETTINGS, type SmtpIntakeSettings } from './smtp-intake.settings';

/** Kept mail is personal data with no case to justify it: after this many days it goes, unless configured. */
export const KEPT_EMAIL_RETENTION_DAYS = 90;
const SWEEP_EVERY_MS = 60 * 60 * 1_000;

/** Deletes kept mail past its retention period, hourly, on every replica (a deletion is idempotent). */
@Injectable()
export class KeptEmailRetention implements OnModuleInit, OnModuleDestroy {
  private readonly task: RepeatingTask;

  constructor(
    private readonly quarantine: EmailQuarantine,
    @Inject(SMTP_INTAKE_SETTINGS) private readonly settings: SmtpIntakeSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new RepeatingTask('kept email retention', SWEEP_EVERY_MS, () => this.sweep(), logger);
  }

  onModuleInit(): void {
    // No listener, no mail to keep: a deployment that takes mail elsewhere (and tests) sweep nothing.
    if (this.settings.port > 0) this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async sweep(): Promise<number> {
    const forgotten = await this.quarantine.forgetOlderThan(
      this.settings.keptEmailRetentionDays ?? KEPT_EMAIL_RETENTION_DAYS,
    );
    if (forgotten) this.logger.info({ forgotten }, 'kept email past its retention period deleted');
    return forgotten;
  }
}
