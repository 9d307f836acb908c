import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashLinkToken, newLinkToken } from '@homeroom/platform/auth';
import { inTransaction } from '@homeroom/platform/database';
import { MailSender } from '@homeroom/platform/mail';
import { eventHandler, type EventHandler, OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { ConflictException, NotFoundException } from '@homeroom/shared/errors';
import { CaseOpened } from '@homeroom/cases/contracts';
import { OUTBOUND_EMAIL_SETTINGS, type OutboundEmailSettings } from '../email/outbound-email.service';
import { CaseEntity } from '../entities';
import { CaseWriter } from '../services/case-writer';
import { buildConfirmationEmail } from './requester-confirmation-email';
import { SYSTEM } from '../services/case-actor';

/** How long a confirmation link works: long enough for a family that reads its mail on weekends. */
export const CONFIRMATION_LINK_DAYS = 14;

/**
 * A requester matched by an address typed into the public form (or an email's From) is a candidate, not
 * the requester (ADR 19): anyone can type a guardian's address. The address's owner is mailed a one-time
 * link; following it makes the candidate the case's requester. Until then staff see the match marked
 * unconfirmed, and nothing of the directory's reaches the case.
 */
@Injectable()
export class RequesterConfirmationService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(OUTBOUND_EMAIL_SETTINGS) private readonly settings: OutboundEmailSettings,
    private readonly sender: MailSender,
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The consumer's handlers: none when outbound mail is off (candidates then stay unconfirmed). */
  handlers(): EventHandler[] {
    if (!this.sender.enabled) return [];
    return [
      eventHandler(CaseOpened, ({ data }, manager) => this.ask(data.caseId, manager)),
    ] as EventHandler[];
  }

  /**
   * Mails the candidate's address its link, once per case. The link is committed on its own connection
   * before the mail goes out: the family may follow it before the consumer's batch commits, and when the
   * batch is undone after the mail server took the mail, the mail is sent again with a second link while
   * the first still works. "Sent" and the timeline entry are kept only with the consumer's transaction.
   */
  async ask(caseId: string, manager: EntityManager): Promise<void> {
    // Not FOR UPDATE: the link's foreign key takes a key-share lock on this row from the other connection.
    const supportCase = await manager.findOne(CaseEntity, {
      where: { id: caseId },
      lock: { mode: 'for_no_key_update' },
    });
    // Not ours (services with other databases share the topic), not a candidate, or asked already.
    if (!supportCase?.requesterCandidateId || supportCase.requesterConfirmationSentAt) return;
    const address = supportCase.contact.email;
    if (!address || supportCase.anonymous) return;
    const { token, hash } = newLinkToken();
    await this.dataSource.query(
      'INSERT INTO case_requester_confirmation_link (token_hash, case_id) VALUES ($1, $2)',
      [hash, caseId],
    );
    await this.sender.send(
      buildConfirmationEmail({
        from: this.settings.from,
        to: { name: supportCase.contact.name, address },
        caseNumber: supportCase.number,
        language: supportCase.language,
        link: `${(this.settings.portalUrl ?? '').replace(/\/+$/, '')}/contact/confirm/${token}`,
      }),
    );
    await manager.update(CaseEntity, { id: caseId }, { requesterConfirmationSentAt: new Date() });
    await new CaseWriter(manager, this.outbox).timeline(supportCase, 'REQUESTER_CONFIRMATION_SENT', SYSTEM, {
      personId: supportCase.requesterCandidateId,
    });
    this.logger.info({ caseId }, 'requester asked to confirm');
  }

  /** The link's owner says it was them: the candidate becomes the requester. One use per link. */
  confirm(token: string): Promise<CaseEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const [link] = (await manager.query(
        'SELECT case_id, created_at FROM case_requester_confirmation_link WHERE token_hash = $1',
        [hashLinkToken(token)],
      )) as { case_id: string; created_at: Date }[];
      const supportCase = link
        ? await manager.findOne(CaseEntity, {
            where: { id: link.case_id },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!link || !supportCase?.requesterCandidateId)
        throw new NotFoundException('Confirmation link', 'CONFIRMATION_LINK_NOT_FOUND');
      const age = Date.now() - link.created_at.getTime();
      if (age > CONFIRMATION_LINK_DAYS * 86_400_000)
        throw new ConflictException('This confirmation link has expired', 'CONFIRMATION_LINK_EXPIRED');
      const personId = supportCase.requesterCandidateId;
      Object.assign(supportCase, {
        requesterId: personId,
        requesterCandidateId: null,
        requesterConfirmedAt: new Date(),
      });
      await manager.save(supportCase);
      // One use: every link mailed for the case is spent with it.
      await manager.query('DELETE FROM case_requester_confirmation_link WHERE case_id = $1', [
        supportCase.id,
      ]);
      const writer = new CaseWriter(manager, this.outbox);
      await writer.updated(supportCase);
      await writer.timeline(
        supportCase,
        'REQUESTER_CONFIRMED',
        { kind: 'REQUESTER', id: null },
        { personId },
      );
      return supportCase;
    });
  }
}
