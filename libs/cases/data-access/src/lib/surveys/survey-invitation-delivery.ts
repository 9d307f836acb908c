import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventData } from '@homeroom/platform/event-contracts';
import { isPermanentRecipientRejection, MailSender } from '@homeroom/platform/mail';
import { eventHandler, type EventHandler, OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SmsRejectedError, type SmsSender } from '@homeroom/platform/sms';
import { SurveyInvitationIssued } from '@homeroom/surveys/contracts';
import { domainOf } from '../email/reply-address';
import { OUTBOUND_EMAIL_SETTINGS, type OutboundEmailSettings } from '../email/outbound-email.service';
import { CaseEntity } from '../entities';
import { CaseWriter } from '../services/case-writer';
import { SYSTEM } from '../services/case-actor';
import { hasOptedOut } from '../sms/sms-consent';

export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * The satisfaction survey's invitation (or reminder) to a case's requester: the surveys service writes it
 * and keeps no address (ADR 0012); this service holds the contact and sends it, by email on the outbound
 * mail path (Auto-Submitted, so auto-responders stay quiet) or by text message through the SMS provider.
 * Recorded on the case's timeline as SURVEY_SENT, or SURVEY_NOT_SENT with why. A permanent refusal is
 * recorded; anything else is thrown, so the event is retried and then parked on the dead-letter topic.
 */
@Injectable()
export class SurveyInvitationDelivery {
  constructor(
    @Inject(OUTBOUND_EMAIL_SETTINGS) private readonly settings: OutboundEmailSettings,
    private readonly mail: MailSender,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** None when neither mail nor SMS is configured. */
  handlers(): EventHandler[] {
    if (!this.mail.enabled && !this.sms.enabled) return [];
    return [
      eventHandler(SurveyInvitationIssued, ({ data }, manager) => this.deliver(data, manager)),
    ] as EventHandler[];
  }

  async deliver(data: EventData<typeof SurveyInvitationIssued>, manager: EntityManager): Promise<void> {
    if (!data.caseId) return;
    // Not ours: services (and test runs) with other databases share the topic.
    const supportCase = await manager.findOneBy(CaseEntity, { id: data.caseId });
    if (!supportCase) return;
    const writer = new CaseWriter(manager, this.outbox);
    const details = { invitationId: data.invitationId, reminder: data.reminder, channel: data.channel };
    const notSent = (reason: string) =>
      writer.timeline(supportCase, 'SURVEY_NOT_SENT', SYSTEM, { ...details, reason });
    if (supportCase.anonymous) return notSent('ANONYMOUS');
    if (Date.parse(data.expiresAt) <= Date.now()) return notSent('EXPIRED');

    if (data.channel === 'SMS') {
      if (!this.sms.enabled) return notSent('SMS_UNAVAILABLE');
      if (!supportCase.contact.phone) return notSent('NO_PHONE');
      if (await hasOptedOut(manager, supportCase.contact.phone)) return notSent('OPTED_OUT');
      try {
        const { providerMessageId } = await this.sms.send({ to: supportCase.contact.phone, body: data.body });
        await writer.timeline(supportCase, 'SURVEY_SENT', SYSTEM, { ...details, providerMessageId });
      } catch (error) {
        if (!(error instanceof SmsRejectedError)) throw error;
        return notSent('REJECTED');
      }
      return;
    }

    if (!this.mail.enabled) return notSent('EMAIL_UNAVAILABLE');
    if (!supportCase.contact.email) return notSent('NO_EMAIL');
    const emailMessageId = `survey-${data.invitationId}${data.reminder ? '-reminder' : ''}@${domainOf(this.settings.intakeAddress)}`;
    try {
      await this.mail.send({
        from: this.settings.from,
        to: supportCase.contact.name
          ? { name: supportCase.contact.name, address: supportCase.contact.email }
          : supportCase.contact.email,
        subject: data.subject,
        text: data.body,
        messageId: `<${emailMessageId}>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': data.language },
      });
    } catch (error) {
      if (!isPermanentRecipientRejection(error)) throw error;
      return notSent('REJECTED');
    }
    await writer.timeline(supportCase, 'SURVEY_SENT', SYSTEM, { ...details, emailMessageId });
    this.logger.info(
      { caseId: supportCase.id, invitationId: data.invitationId },
      'survey invitation emailed',
    );
  }
}
