import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventHandler, type EventHandler, OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SmsRejectedError } from '@homeroom/platform/sms';
import { CaseMessageAdded } from '@homeroom/cases/contracts';
import { smsSegments } from '@homeroom/shared/text';
import { CaseEntity, CaseMessageEntity } from '../entities';
import { SYSTEM } from '../services/case-actor';
import { CaseWriter } from '../services/case-writer';
import { DEFAULT_OUTBOUND_MAX_AGE_MS } from '../email/outbound-email.service';
import { hasOptedOut } from './sms-consent';
import { TEXT_MESSAGING_SETTINGS, type TextMessagingSettings } from './text-messaging.settings';

/**
 * Staff replies on a case that came by text go back by text, as replies on other cases go by email
 * (OutboundEmailService, whose delivery rules these follow): driven by CaseMessageAdded in the consumer's
 * transaction, the message locked, texted once (`texted_at`), retried on the provider's transient failures,
 * and never to a number that texted STOP. Each outcome is on the case's timeline: SMS_SENT with the segments
 * it took, or SMS_NOT_SENT with the reason.
 */
@Injectable()
export class OutboundSmsService {
  constructor(
    @Inject(TEXT_MESSAGING_SETTINGS) private readonly settings: TextMessagingSettings,
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

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
  ): Promise<void> {
    if (data.direction !== 'OUTBOUND') return;
    const message = await manager.findOne(CaseMessageEntity, {
      where: { id: data.messageId },
      lock: { mode: 'pessimistic_write' },
    });
    // Not ours: services (and test runs) with other databases share the topic.
    if (!message || message.direction !== 'OUTBOUND') return;
    if (message.textedAt || message.smsSkipped) return;
    const supportCase = await manager.findOneBy(CaseEntity, { id: message.caseId });
    if (!supportCase || supportCase.channel !== 'SMS') return;
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
    if (Date.now() - message.createdAt.getTime() > (this.settings.maxAgeMs ?? DEFAULT_OUTBOUND_MAX_AGE_MS))
      return skip('STALE');
    if (await hasOptedOut(manager, phone)) return skip('OPTED_OUT');
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.settings.sender.send({ to: phone, body: message.body }));
    } catch (error) {
      if (!(error instanceof SmsRejectedError)) throw error;
      return skip('REJECTED', { providerCode: error.providerCode, response: error.message });
    }
    await manager.update(
      CaseMessageEntity,
      { id: message.id },
      { smsMessageSid: providerMessageId, textedAt: new Date() },
    );
    const { segments, encoding } = smsSegments(message.body);
    await writer.timeline(supportCase, 'SMS_SENT', SYSTEM, {
      messageId: message.id,
      providerMessageId,
      segments,
      encoding,
    });
    this.logger.info({ caseId: supportCase.id, messageId: message.id }, 'reply texted');
  }
}
