import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventData } from '@homeroom/platform/event-contracts';
import { isPermanentRecipientRejection, MailSender, smtpResponseOf } from '@homeroom/platform/mail';
import { eventHandler, type EventHandler } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SmsRejectedError, type SmsSender } from '@homeroom/platform/sms';
import { SurveyInvitationIssued } from '@homeroom/surveys/contracts';
import { PersonEntity } from '../entities/person.entity';
import { textMessageConsentOf } from '../services/sms-consent.service';

export const DIRECTORY_MAIL_SETTINGS = Symbol('DIRECTORY_MAIL_SETTINGS');

export interface DirectoryMailSettings {
  /** SMTP URL; '' turns the directory's mail off. */
  smtpUrl: string;
  /** The district's sender, `Name <address>`. */
  from: string;
  /** Text messages (a person who prefers them); NO_SMS when no provider is configured. */
  sms: SmsSender;
}

/**
 * District surveys' personal invitations reach people through the directory, which holds their addresses
 * (the surveys service keeps none: ADR 0012). Driven by SurveyInvitationIssued for a person (a case's
 * requester is the cases service's): by email to the person's primary address (Auto-Submitted), or by
 * text message to their primary number, unless that number texted STOP (SmsConsentChanged, until it
 * texts START). A retired or merged person, a missing address or number, a number that opted out, or a
 * permanent refusal is logged and skipped; anything else is thrown, so the event is retried and then
 * parked on the dead-letter topic. At least once: the same Message-ID on a resend.
 */
@Injectable()
export class SurveyInvitationDelivery implements OnApplicationShutdown {
  private readonly sender: MailSender;

  constructor(
    @Inject(DIRECTORY_MAIL_SETTINGS) private readonly settings: DirectoryMailSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.sender = new MailSender(settings.smtpUrl);
  }

  handlers(): EventHandler[] {
    if (!this.sender.enabled && !this.settings.sms.enabled) return [];
    return [
      eventHandler(SurveyInvitationIssued, ({ data }, manager) => this.deliver(data, manager)),
    ] as EventHandler[];
  }

  async deliver(data: EventData<typeof SurveyInvitationIssued>, manager: EntityManager): Promise<void> {
    if (data.caseId || !data.personId) return;
    // Not ours: services (and test runs) with other databases share the topic.
    const person = await manager.findOneBy(PersonEntity, { id: data.personId });
    if (!person) return;
    const skip = (reason: string) =>
      this.logger.info({ invitationId: data.invitationId, reason }, 'survey invitation not emailed');
    if (!person.active || person.mergedIntoId) return skip('INACTIVE');
    if (data.channel === 'SMS') return this.text(data, person, manager, skip);
    if (!this.sender.enabled) return skip('EMAIL_UNAVAILABLE');
    const email = person.emails.find((candidate) => candidate.primary) ?? person.emails[0];
    if (!email) return skip('NO_EMAIL');
    const name = `${person.preferredName ?? person.givenName} ${person.familyName}`.trim();
    try {
      await this.sender.send({
        from: this.settings.from,
        to: { name, address: email.address },
        subject: data.subject,
        text: data.body,
        messageId: `<survey-${data.invitationId}${data.reminder ? '-reminder' : ''}@${domainOf(this.settings.from)}>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': data.language },
      });
    } catch (error) {
      if (!isPermanentRecipientRejection(error)) throw error;
      this.logger.warn(
        { invitationId: data.invitationId, response: smtpResponseOf(error) },
        'address refused',
      );
      return;
    }
    this.logger.info(
      { invitationId: data.invitationId, reminder: data.reminder },
      'survey invitation emailed',
    );
  }

  private async text(
    data: EventData<typeof SurveyInvitationIssued>,
    person: PersonEntity,
    manager: EntityManager,
    skip: (reason: string) => void,
  ): Promise<void> {
    if (!this.settings.sms.enabled) return skip('SMS_UNAVAILABLE');
    const phone = person.phones.find((candidate) => candidate.primary) ?? person.phones[0];
    if (!phone) return skip('NO_PHONE');
    // The number said STOP: not another of the person's numbers either, which they did not offer.
    const [consent] = await textMessageConsentOf(manager, [phone.number]);
    if (consent === 'OPTED_OUT') return skip('OPTED_OUT');
    try {
      await this.settings.sms.send({ to: phone.number, body: data.body });
    } catch (error) {
      if (!(error instanceof SmsRejectedError)) throw error;
      return skip('REJECTED');
    }
    this.logger.info(
      { invitationId: data.invitationId, reminder: data.reminder },
      'survey invitation texted',
    );
  }

  onApplicationShutdown(): void {
    this.sender.close();
  }
}

/** The domain of the sender's address (`Name <talk@district.org>` → district.org), for Message-IDs. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from.trim())?.[1] ?? 'localhost';
}
