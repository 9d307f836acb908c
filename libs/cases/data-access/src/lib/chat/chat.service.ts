import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction, RepeatingTask } from '@homeroom/platform/database';
import { isPermanentRecipientRejection } from '@homeroom/platform/mail';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { NO_ATTACHMENTS } from '../attachments/attachment-types';
import { OutboundEmailService } from '../email/outbound-email.service';
import { CaseEntity } from '../entities';
import { CaseQueryService } from '../services/case-query.service';
import type { CaseActor } from '../services/case-actor';
import { SYSTEM } from '../services/case-actor';
import { CaseIntakeService, type InquiryInput, type OpenedCase } from '../services/case-intake.service';
import { CaseWriter } from '../services/case-writer';
import { CHAT_SETTINGS, type ChatSettings } from './chat.settings';
import type { ChatEndReason } from './chat-session';
import { chatTranscript, transcriptLanguage } from './chat-transcript';
import { TrackingLinks } from '../services/tracking-links';
import { PublicTextService } from '../public-text/public-text.service';

/** The NOTIFY channel open streams listen on (the migration's trigger sends on it too). */
export const CHAT_ACTIVITY_CHANNEL = 'chat_activity';

/**
 * Web chat's conversations (ADR 34): a chat is a case (channel CHAT) opened by the widget, with a session
 * beside it while the family is there. Family and staff write on the case as on any other (replyAsRequester,
 * replyToCase); routing and SLAs apply as to every case. A chat ends when the family leaves, staff end it,
 * the case is resolved, or nobody wrote for `idleMinutes`: then its transcript is mailed to the family's
 * address, when they gave one. Replicas share the sweep that ends idle chats and mails transcripts, each row
 * locked (SKIP LOCKED), so each is done once.
 */
@Injectable()
export class ChatService implements OnModuleInit, OnModuleDestroy {
  private readonly sweep: RepeatingTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly outbox: OutboxWriter,
    private readonly mail: OutboundEmailService,
    private readonly query: CaseQueryService,
    private readonly trackingLinks: TrackingLinks,
    private readonly publicText: PublicTextService,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.sweep = new RepeatingTask(
      'chat sweep',
      settings.sweepSeconds * 1000,
      async () => {
        await this.endIdle();
        await this.mailTranscripts();
      },
      logger,
    );
  }

  onModuleInit(): void {
    this.sweep.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }

  /** The widget's first message: the case (channel CHAT) and its open session, together or not at all. */
  start(input: InquiryInput): Promise<OpenedCase> {
    return inTransaction(this.dataSource, async (manager) => {
      const opened = await this.intake.submitInquiry(input, NO_ATTACHMENTS, { channel: 'CHAT', manager });
      await manager.query('INSERT INTO chat_session (case_id) VALUES ($1)', [opened.supportCase.id]);
      return opened;
    });
  }

  /** Ends the chat of a case (on its timeline, and on every open stream); false when it had already ended. */
  end(caseId: string, reason: ChatEndReason, actor: CaseActor): Promise<boolean> {
    return inTransaction(this.dataSource, (manager) => this.endIn(manager, caseId, reason, actor));
  }

  /**
   * Ends the chats nobody wrote in for `idleMinutes`, and those whose case staff resolved or closed; returns
   * how many. A batch per call: the sweep comes back for the rest.
   */
  async endIdle(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const due = (await manager.query(
        `SELECT s.case_id AS "caseId", c.status IN ('RESOLVED', 'CLOSED') AS "caseEnded"
           FROM chat_session s JOIN support_case c ON c.id = s.case_id
          WHERE s.closed_at IS NULL
            AND (s.last_activity_at < now() - make_interval(mins => $1) OR c.status IN ('RESOLVED', 'CLOSED'))
          ORDER BY s.last_activity_at LIMIT 200
          FOR UPDATE OF s SKIP LOCKED`,
        [this.settings.idleMinutes],
      )) as { caseId: string; caseEnded: boolean }[];
      for (const chat of due)
        await this.endIn(manager, chat.caseId, chat.caseEnded ? 'CASE_CLOSED' : 'IDLE', SYSTEM);
      return due.length;
    });
  }

  /**
   * Mails the transcripts of ended chats not yet mailed, a batch per call; returns how many were sent.
   * Delivery is at least once: a failed send is tried again by the next sweep.
   */
  async mailTranscripts(): Promise<number> {
    let sent = 0;
    for (;;) {
      const done = await inTransaction(this.dataSource, async (manager) => {
        const [due] = (await manager.query(
          `SELECT case_id AS "caseId" FROM chat_session
            WHERE closed_at IS NOT NULL AND transcript_sent_at IS NULL AND transcript_skipped IS NULL
            ORDER BY closed_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        )) as { caseId: string }[];
        if (!due) return undefined;
        return this.mailTranscript(manager, due.caseId);
      });
      if (done === undefined) return sent;
      if (done) sent += 1;
    }
  }

  private async mailTranscript(manager: EntityManager, caseId: string): Promise<boolean> {
    const supportCase = await manager.findOneByOrFail(CaseEntity, { id: caseId });
    const skipped = supportCase.anonymous
      ? 'ANONYMOUS'
      : !supportCase.contact.email
        ? 'NO_EMAIL'
        : !this.mail.enabled
          ? 'MAIL_OFF'
          : undefined;
    if (skipped) {
      await manager.query('UPDATE chat_session SET transcript_skipped = $2 WHERE case_id = $1', [
        caseId,
        skipped,
      ]);
      return false;
    }
    // What the family saw: no internal notes, no reply still held for review.
    const messages = await this.query.messages(caseId, false, { requester: true });
    const language = transcriptLanguage(supportCase.language);
    const corrected = Object.fromEntries(
      (await this.publicText.corrections(language)).map((correction) => [correction.key, correction.text]),
    );
    const transcript = chatTranscript({
      caseNumber: supportCase.number,
      language,
      corrected,
      timeZone: this.settings.timeZone,
      messages: messages.map((message) => ({
        at: message.createdAt,
        fromRequester: message.direction === 'INBOUND',
        body: message.body,
      })),
    });
    // One link for the whole transcript, should staff have sent the tracking link in the chat.
    const text = await this.trackingLinks.forDelivery(transcript.text, {
      caseId,
      messageId: null,
      channel: 'CHAT_TRANSCRIPT',
    });
    try {
      await this.mail.mailTranscript(supportCase, transcript.subject, text);
    } catch (error) {
      // A refused address stays refused; anything else is tried again by the next sweep.
      if (!isPermanentRecipientRejection(error)) throw error;
      await manager.query("UPDATE chat_session SET transcript_skipped = 'REJECTED' WHERE case_id = $1", [
        caseId,
      ]);
      return false;
    }
    await manager.query('UPDATE chat_session SET transcript_sent_at = now() WHERE case_id = $1', [caseId]);
    await new CaseWriter(manager, this.outbox).timeline(supportCase, 'CHAT_TRANSCRIPT_SENT', SYSTEM, {
      messages: messages.length,
    });
    this.logger.info({ caseId }, 'chat transcript mailed');
    return true;
  }

  private async endIn(
    manager: EntityManager,
    caseId: string,
    reason: ChatEndReason,
    actor: CaseActor,
  ): Promise<boolean> {
    const ended = (await manager.query(
      `UPDATE chat_session SET closed_at = now(), closed_reason = $2
        WHERE case_id = $1 AND closed_at IS NULL RETURNING case_id`,
      [caseId, reason],
    )) as [unknown[], number];
    if (!ended[1]) return false;
    const supportCase = await manager.findOneByOrFail(CaseEntity, { id: caseId });
    await new CaseWriter(manager, this.outbox).timeline(supportCase, 'CHAT_ENDED', actor, { reason });
    // Open streams say so to the family at once (delivered on commit, like the trigger's).
    await manager.query('SELECT pg_notify($1, $2)', [CHAT_ACTIVITY_CHANNEL, caseId]);
    return true;
  }
}
