import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction, RepeatingTask } from '@homeroom/platform/database';
import { textHeldUntil } from '@homeroom/cases/domain';
import { eventHandler, type EventHandler, OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SmsRejectedError } from '@homeroom/platform/sms';
import { CaseMessageAdded } from '@homeroom/cases/contracts';
import { smsSegments } from '@homeroom/shared/text';
import { AttachmentUrlSigner } from '../attachments/attachment-url';
import { CaseAttachmentEntity, CaseMessageEntity } from '../entities';
import { SYSTEM } from '../services/case-actor';
import { CaseWriter } from '../services/case-writer';
import { lockedReply, sentAt } from '../services/outbound-delivery';
import { TrackingLinks } from '../services/tracking-links';
import { DEFAULT_OUTBOUND_MAX_AGE_MS } from '../email/outbound-email.service';
import { pictureMessageFiles } from './picture-message';
import { KnownCalendars } from '../read-models/known-calendars';
import { hasOptedOut } from './sms-consent';
import { TEXT_MESSAGING_SETTINGS, type TextMessagingSettings } from './text-messaging.settings';

/**
 * Staff replies on a case that came by text go back by text, as replies on other cases go by email
 * (OutboundEmailService, whose delivery rules these follow): driven by CaseMessageAdded in the consumer's
 * transaction, the message locked, texted once (`texted_at`), retried on the provider's transient failures,
 * and never to a number that texted STOP. Each outcome is on the case's timeline: SMS_SENT with the segments
 * it took, or SMS_NOT_SENT with the reason. In quiet hours (a fixed window, or while the case's business
 * calendar is closed: ADR 35) a reply on a case that is not URGENT is held (SMS_DEFERRED,
 * `sms_deferred_until`) and texted by a sweep once they end; replicas share the sweep by locking each held
 * message (SKIP LOCKED), so a held text goes once.
 */
@Injectable()
export class OutboundSmsService implements OnModuleInit, OnModuleDestroy {
  private readonly sweep: RepeatingTask;

  constructor(
    @Inject(TEXT_MESSAGING_SETTINGS) private readonly settings: TextMessagingSettings,
    private readonly outbox: OutboxWriter,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    /** The business calendars texts' quiet hours may follow (ADR 35). */
    private readonly calendars: KnownCalendars,
    private readonly trackingLinks: TrackingLinks,
    /** Public links to a reply's pictures, for the provider to fetch (absent: no picture messages). */
    @Optional() private readonly links?: AttachmentUrlSigner,
  ) {
    this.sweep = new RepeatingTask(
      'held texts',
      (settings.deferredSweepSeconds ?? 60) * 1000,
      () => this.sendHeld(),
      logger,
    );
  }

  onModuleInit(): void {
    if (this.settings.sender.enabled && this.settings.quietHours) this.sweep.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }

  /** Texts the held replies whose quiet hours have ended, a batch at a time; returns how many were due. */
  async sendHeld(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const due = (await manager.query(
        `SELECT id, case_id, sms_deferred_until FROM case_message
          WHERE sms_deferred_until <= now() AND texted_at IS NULL AND sms_skipped IS NULL
          ORDER BY sms_deferred_until LIMIT 100 FOR UPDATE SKIP LOCKED`,
      )) as { id: string; case_id: string; sms_deferred_until: Date }[];
      for (const held of due)
        await this.deliver({ caseId: held.case_id, messageId: held.id, direction: 'OUTBOUND' }, manager, {
          heldUntil: held.sms_deferred_until,
        });
      return due.length;
    });
  }

  /** The consumer's handlers: none when no provider is configured. */
  handlers(): EventHandler[] {
    if (!this.settings.sender.enabled) return [];
    return [
      eventHandler(CaseMessageAdded, ({ data }, manager) => this.deliver(data, manager)),
    ] as EventHandler[];
  }

  async deliver(
    data: { caseId: string; messageId: string; direction: string },
    manager: EntityManager,
    /** The sweep's call for a held text whose time (this) has come. */
    { heldUntil }: { heldUntil?: Date } = {},
  ): Promise<void> {
    const reply = await lockedReply(manager, data);
    if (!reply || reply.supportCase.channel !== 'SMS') return;
    const { message, supportCase } = reply;
    if (message.textedAt || message.smsSkipped) return;
    const writer = new CaseWriter(manager, this.outbox);
    const skip = async (reason: string, details: Record<string, unknown> = {}) => {
      await manager.update(CaseMessageEntity, { id: message.id }, { smsSkipped: reason });
      await writer.timeline(supportCase, 'SMS_NOT_SENT', SYSTEM, {
        messageId: message.id,
        reason,
        ...details,
      });
      this.logger.info({ caseId: supportCase.id, messageId: message.id, reason }, 'reply not texted');
    };
    const phone = supportCase.contact.phone;
    if (!phone) return skip('NO_PHONE');
    if (Date.now() - sentAt(message).getTime() > (this.settings.maxAgeMs ?? DEFAULT_OUTBOUND_MAX_AGE_MS))
      return skip('STALE');
    if (await hasOptedOut(manager, phone)) return skip('OPTED_OUT');
    const holdUntil = await this.holdUntil(manager, supportCase, heldUntil);
    if (holdUntil) {
      if (message.smsDeferredUntil?.getTime() === holdUntil.getTime()) return;
      await manager.update(CaseMessageEntity, { id: message.id }, { smsDeferredUntil: holdUntil });
      await writer.timeline(supportCase, 'SMS_DEFERRED', SYSTEM, {
        messageId: message.id,
        until: holdUntil.toISOString(),
      });
      return;
    }
    const files = await manager.find(CaseAttachmentEntity, {
      where: { messageId: message.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const pictures = pictureMessageFiles(files, { to: phone, publicLinks: this.links?.absolute ?? false });
    const body = await this.trackingLinks.forDelivery(message.body, {
      caseId: supportCase.id,
      messageId: message.id,
      channel: 'SMS',
    });
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.settings.sender.send({
        to: phone,
        body,
        // Links made now, so they are fresh when the provider fetches them a moment later.
        mediaUrls: pictures.sent.map((file) => this.links!.url(file.id)),
      }));
    } catch (error) {
      if (!(error instanceof SmsRejectedError)) throw error;
      return skip('REJECTED', { providerCode: error.providerCode, response: error.message });
    }
    await manager.update(
      CaseMessageEntity,
      { id: message.id },
      { smsMessageSid: providerMessageId, textedAt: new Date() },
    );
    const { segments, encoding } = smsSegments(body);
    await writer.timeline(supportCase, 'SMS_SENT', SYSTEM, {
      messageId: message.id,
      providerMessageId,
      segments,
      encoding,
      ...(pictures.sent.length ? { pictures: pictures.sent.map((file) => file.fileName) } : {}),
      // Files that stay in the case: staff see which, and why, to send them another way.
      ...(pictures.notSent.length ? { filesNotTexted: pictures.notSent } : {}),
    });
    this.logger.info({ caseId: supportCase.id, messageId: message.id }, 'reply texted');
  }

  /** Until when this reply waits, or null when it goes now. */
  private async holdUntil(
    manager: EntityManager,
    supportCase: { priority: string; schoolId: string | null },
    heldUntil: Date | undefined,
  ): Promise<Date | null> {
    const { quietHours, timeZone = 'UTC' } = this.settings;
    if (!quietHours || supportCase.priority === 'URGENT') return null;
    // A fixed window was decided when the text was held: it goes now.
    if (quietHours.kind === 'WINDOW')
      return heldUntil ? null : textHeldUntil(new Date(), quietHours, null, timeZone);
    // A calendar may have changed since (a snow day declared, a school's own calendar saved): asked again,
    // at the time the text was held until at the earliest, as this clock may run a little behind the
    // database's that found it due.
    const at = new Date(Math.max(Date.now(), heldUntil?.getTime() ?? 0));
    const calendar = await this.calendars.calendarFor(manager, supportCase.schoolId);
    return textHeldUntil(at, quietHours, calendar, timeZone);
  }
}
