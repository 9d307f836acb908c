import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventData } from '@homeroom/platform/event-contracts';
import { isPermanentRecipientRejection, MailSender, smtpResponseOf } from '@homeroom/platform/mail';
import { eventHandler, type EventHandler } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SurveyInvitationIssued } from '@homeroom/surveys/contracts';
import { PersonEntity } from '../entities/person.entity';

export const DIRECTORY_MAIL_SETTINGS = Symbol('DIRECTORY_MAIL_SETTINGS');

export interface DirectoryMailSettings {
  /** SMTP URL; '' turns the directory's mail off (the person topic is then all it consumes). */
  smtpUrl: string;
  /** The district's sender, `Name <address>`. */
  from: string;
}

/**
 * District surveys' personal invitations reach people through the directory, which holds their addresses
 * (the surveys service keeps none: ADR 0012). Driven by SurveyInvitationIssued for a person (a case's
 * requester is the cases service's to mail); sent to the person's primary email, marked Auto-Submitted.
 * A retired or merged person, one without an email, a text-message invitation (no SMS path yet) or a
 * permanent refusal by their server is logged and skipped; anything else is thrown, so the event is
 * retried and then parked on the dead-letter topic. At least once: the same Message-ID on a resend.
 */
@Injectable()
export class SurveyInvitationMailer implements OnApplicationShutdown {
  private readonly sender: MailSender;

  constructor(
    @Inject(DIRECTORY_MAIL_SETTINGS) private readonly settings: DirectoryMailSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.sender = new MailSender(settings.smtpUrl);
  }

  handlers(): EventHandler[] {
    if (!this.sender.enabled) return [];
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
    if (data.channel !== 'EMAIL') return skip('SMS_UNAVAILABLE');
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

  onApplicationShutdown(): void {
    this.sender.close();
  }
}

/** The domain of the sender's address (`Name <talk@district.org>` → district.org), for Message-IDs. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from.trim())?.[1] ?? 'localhost';
}
