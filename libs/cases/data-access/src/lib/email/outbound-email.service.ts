import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventHandler, type EventHandler, OutboxWriter } from '@homeroom/platform/messaging';
import { isPermanentRecipientRejection, MailSender, smtpResponseOf } from '@homeroom/platform/mail';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { CaseMessageAdded } from '@homeroom/cases/contracts';
import { CaseMessageEntity, type CaseEntity } from '../entities';
import { CaseWriter } from '../services/case-writer';
import { lockedReply, sentAt } from '../services/outbound-delivery';
import { isChatOpen } from '../chat/chat-session';
import { buildReplyEmail, type ThreadMessageId } from './reply-email';
import { replyAddressFor } from './reply-address';
import { SYSTEM } from '../services/case-actor';
import { TrackingLinks } from '../services/tracking-links';

export interface OutboundEmailSettings {
  /** `smtp://host:port` (STARTTLS when offered), `smtps://…`, credentials in the URL; '' turns mail off. */
  smtpUrl: string;
  /** The district's sender, `Name <address>`. */
  from: string;
  /** The intake address replies come back to (the first of INTAKE_ADDRESSES); the token is its sub-address. */
  intakeAddress: string;
  /**
   * A reply older than this when its event is first handled is not mailed (STALE): a consumer group that
   * starts at the beginning of the topic (mail just turned on, a new group) must not send last week's
   * replies. Outages shorter than this lose nothing.
   */
  maxAgeMs?: number;
  /** Where families open the links we mail them (requester confirmation): `<portalUrl>/contact/confirm/…`. */
  portalUrl?: string;
}

export const OUTBOUND_EMAIL_SETTINGS = Symbol('OUTBOUND_EMAIL_SETTINGS');

export const DEFAULT_OUTBOUND_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Staff replies reach the requester by email. Driven by CaseMessageAdded (OUTBOUND) on the cases topic
 * through the service's own consumer, so a reply is mailed even if the service stops right after the
 * staff member pressed send, and a failure is retried (bounded, then the dead-letter topic) by the
 * platform consumer. The handler runs in the consumer's transaction: it locks the message, sends, and
 * records `delivered_at` with an EMAIL_SENT timeline entry; a message already delivered (or skipped) is
 * never sent again, whatever redelivers its event. Delivery is at least once: should the commit fail after
 * the server accepted the mail, the retry sends it again with the same Message-ID (which mail clients use
 * to drop duplicates).
 */
@Injectable()
export class OutboundEmailService implements OnApplicationShutdown {
  constructor(
    @Inject(OUTBOUND_EMAIL_SETTINGS) private readonly settings: OutboundEmailSettings,
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sender: MailSender,
    private readonly trackingLinks: TrackingLinks,
  ) {}

  get enabled(): boolean {
    return this.sender.enabled;
  }

  /** The consumer's handlers: none when outbound mail is off (the cases topic is then not consumed). */
  handlers(): EventHandler[] {
    if (!this.enabled) return [];
    return [
      eventHandler(CaseMessageAdded, ({ data }, manager) => this.deliver(data, manager)),
    ] as EventHandler[];
  }

  async deliver(
    data: { caseId: string; messageId: string; direction: string },
    manager: EntityManager,
  ): Promise<void> {
    const reply = await lockedReply(manager, data);
    if (!reply) return;
    const { message, supportCase } = reply;
    if (message.deliveredAt || message.emailSkipped) return;

    // A case that came by text is answered by text (OutboundSmsService).
    const skipped = supportCase.anonymous
      ? 'ANONYMOUS'
      : supportCase.channel === 'SMS' && supportCase.contact.phone
        ? 'BY_TEXT'
        : supportCase.channel === 'CHAT' && (await isChatOpen(manager, supportCase.id))
          ? 'IN_CHAT'
          : !supportCase.contact.email
            ? 'NO_EMAIL'
            : Date.now() - sentAt(message).getTime() > (this.settings.maxAgeMs ?? DEFAULT_OUTBOUND_MAX_AGE_MS)
              ? 'STALE'
              : undefined;
    if (skipped) {
      await manager.update(CaseMessageEntity, { id: message.id }, { emailSkipped: skipped });
      if (skipped === 'STALE')
        this.logger.warn(
          { caseId: supportCase.id, messageId: message.id },
          'reply too old to email; not sent',
        );
      return;
    }

    const earlier = await manager
      .createQueryBuilder(CaseMessageEntity, 'm')
      .select(['m.emailMessageId', 'm.direction'])
      .where('m.caseId = :caseId', { caseId: supportCase.id })
      .andWhere('m.emailMessageId IS NOT NULL')
      .andWhere('m.id <> :id', { id: message.id })
      .andWhere('m.createdAt <= :at', { at: message.createdAt })
      .orderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    const thread: ThreadMessageId[] = earlier.map((m) => ({
      emailMessageId: m.emailMessageId!,
      fromRequester: m.direction === 'INBOUND',
    }));
    const { emailMessageId, mail } = buildReplyEmail({
      from: this.settings.from,
      intakeAddress: this.settings.intakeAddress,
      replyToken: supportCase.replyToken,
      to: { name: supportCase.contact.name, address: supportCase.contact.email! },
      caseNumber: supportCase.number,
      caseSubject: supportCase.subject,
      messageId: message.id,
      body: await this.trackingLinks.forDelivery(message.body, {
        caseId: supportCase.id,
        messageId: message.id,
        channel: 'EMAIL',
      }),
      thread,
    });

    const writer = new CaseWriter(manager, this.outbox);
    try {
      await this.sender.send(mail);
    } catch (error) {
      if (!isPermanentRecipientRejection(error)) throw error;
      const response = smtpResponseOf(error);
      await manager.update(CaseMessageEntity, { id: message.id }, { emailSkipped: 'REJECTED' });
      await writer.timeline(supportCase, 'EMAIL_REJECTED', SYSTEM, { messageId: message.id, response });
      this.logger.warn(
        { caseId: supportCase.id, messageId: message.id },
        'requester address refused; reply not emailed',
      );
      return;
    }
    await manager.update(CaseMessageEntity, { id: message.id }, { emailMessageId, deliveredAt: new Date() });
    await writer.timeline(supportCase, 'EMAIL_SENT', SYSTEM, { messageId: message.id, emailMessageId });
    this.logger.info({ caseId: supportCase.id, messageId: message.id }, 'reply emailed');
  }

  /**
   * A chat's transcript (ChatService), mailed to the case's requester: from the district, answered into the
   * case by its reply address like every reply. Throws when mail is off or the server refuses it.
   */
  async mailTranscript(supportCase: CaseEntity, subject: string, text: string): Promise<void> {
    const address = supportCase.contact.email;
    if (!address) throw new Error('The case has no address to mail');
    await this.sender.send({
      from: this.settings.from,
      to: supportCase.contact.name ? { name: supportCase.contact.name, address } : address,
      replyTo: replyAddressFor(this.settings.intakeAddress, supportCase.replyToken),
      subject,
      text,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  onApplicationShutdown(): void {
    this.sender.close();
  }
}
