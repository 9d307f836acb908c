import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { fetchTwilioMedia, type InboundSms, MediaRefusedError } from '@homeroom/platform/sms';
import { contactKey } from '@homeroom/directory/contracts';
import { SmsConsentChanged } from '@homeroom/cases/contracts';
import {
  ATTACHMENT_REFUSALS,
  type AttachmentCandidate,
  MAX_MESSAGE_LENGTH,
  smsKeyword,
  type SmsKeyword,
} from '@homeroom/cases/domain';
import { CaseEntity } from '../entities';
import { AttachmentService } from '../attachments/attachment.service';
import type { AttachmentRefusal } from '../attachments/attachment-types';
import { REQUESTER, SYSTEM } from '../services/case-actor';
import { ConversationIntakeService } from '../services/conversation-intake.service';
import { currentConversation } from '../services/conversations';
import { CaseWriter } from '../services/case-writer';
import { TEXT_MESSAGING_SETTINGS, type TextMessagingSettings } from './text-messaging.settings';

/** The body of a text that came with files and no words. */
const FILES_ONLY = '(no text: see the attachments)';

export type TextOutcome =
  | { kind: 'created'; caseNumber: string }
  | { kind: 'threaded'; caseNumber: string; followUpNumber?: string }
  /** The provider retrying a webhook it thinks failed: nothing new. */
  | { kind: 'duplicate'; caseNumber: string | null }
  /** STOP, START or HELP; `reply` is what to answer, if anything. */
  | { kind: 'keyword'; keyword: SmsKeyword; reply: string | null }
  /** No words and no files (a failed MMS): nothing to keep. */
  | { kind: 'empty' };

/**
 * A text to the district's number joins the sender's current text conversation (their latest case that came
 * by text, unless it was resolved more than the reopen window ago or closed) or opens a new case (channel
 * SMS). STOP and START change the number's consent (kept here for replies, and raised as SmsConsentChanged
 * for the directory); HELP is answered. A retried webhook is recognised by the text's provider id. Files of
 * an MMS are fetched from the provider and kept under the attachment policy, as an email's are; one that
 * cannot be fetched is named on the timeline, and the text is kept without it.
 */
@Injectable()
export class SmsIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationIntakeService,
    private readonly attachments: AttachmentService,
    private readonly outbox: OutboxWriter,
    @Inject(TEXT_MESSAGING_SETTINGS) private readonly texting: TextMessagingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** What the webhook's signature is checked against; null when incoming texts are not taken. */
  get webhook(): { url: string; authToken: string } | null {
    const { provider, webhookUrl } = this.texting;
    return provider && webhookUrl ? { url: webhookUrl, authToken: provider.authToken } : null;
  }

  async receive(text: InboundSms): Promise<TextOutcome> {
    const earlier = await this.caseOfText(text.providerMessageId);
    if (earlier !== undefined) return { kind: 'duplicate', caseNumber: earlier };
    const keyword = text.media.length ? null : smsKeyword(text.body);
    if (keyword) return this.keyword(text, keyword);
    try {
      return await this.take(text);
    } catch (error) {
      // Two deliveries of one text at once: the second one's insert meets the first one's id.
      if (isUniqueViolation(error, 'uq_case_message_sms_message_sid'))
        return { kind: 'duplicate', caseNumber: (await this.caseOfText(text.providerMessageId)) ?? null };
      throw error;
    }
  }

  private async take(text: InboundSms): Promise<TextOutcome> {
    const { files, unreceived } = await this.fetchMedia(text);
    const body = (text.body.trim() || (text.media.length ? FILES_ONLY : '')).slice(0, MAX_MESSAGE_LENGTH);
    if (!body) return { kind: 'empty' };
    const taken = await this.attachments.withReceivedAttachments(
      files,
      (attachments) =>
        this.conversations.take(
          { channel: 'SMS', contact: { name: null, email: null, phone: text.from }, body },
          REQUESTER,
          { attachments, delivery: { smsMessageSid: text.providerMessageId } },
        ),
      unreceived,
    );
    if (taken.kind === 'CREATED') return { kind: 'created', caseNumber: taken.supportCase.number };
    return {
      kind: 'threaded',
      caseNumber: taken.supportCase.number,
      ...(taken.followUp ? { followUpNumber: taken.followUp.supportCase.number } : {}),
    };
  }

  private async keyword(text: InboundSms, keyword: SmsKeyword): Promise<TextOutcome> {
    if (keyword.kind === 'HELP') return { kind: 'keyword', keyword, reply: this.texting.helpText || null };
    const optedOut = keyword.kind === 'STOP';
    await inTransaction(this.dataSource, async (manager) => {
      // A retried webhook of the same text changes nothing and raises nothing.
      const changed = (await manager.query(
        `INSERT INTO sms_consent (phone, opted_out, keyword, provider_message_id, changed_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (phone) DO UPDATE
            SET opted_out = excluded.opted_out, keyword = excluded.keyword,
                provider_message_id = excluded.provider_message_id, changed_at = excluded.changed_at
          WHERE sms_consent.provider_message_id <> excluded.provider_message_id
         RETURNING changed_at`,
        [text.from, optedOut, keyword.word, text.providerMessageId],
      )) as { changed_at: Date }[];
      if (!changed.length) return;
      await this.outbox.append(manager, SmsConsentChanged, {
        aggregateId: contactKey(text.from),
        data: {
          contactKey: contactKey(text.from),
          consent: optedOut ? 'OPTED_OUT' : 'OPTED_IN',
          keyword: keyword.word,
          providerMessageId: text.providerMessageId,
          at: changed[0]!.changed_at.toISOString(),
        },
      });
      // Staff on the conversation see why their replies stop (or start again) going out.
      const conversation = await currentConversation(manager, 'SMS', { phone: text.from, email: null });
      if (conversation) {
        const supportCase = await manager.findOneByOrFail(CaseEntity, { id: conversation.id });
        await new CaseWriter(manager, this.outbox).timeline(
          supportCase,
          optedOut ? 'SMS_OPTED_OUT' : 'SMS_OPTED_IN',
          SYSTEM,
          { keyword: keyword.word },
        );
      }
    });
    this.logger.info({ keyword: keyword.word }, 'text message consent recorded');
    return { kind: 'keyword', keyword, reply: null };
  }

  /** The files of an MMS, each fetched from the provider; those that cannot be are named, not lost quietly. */
  private async fetchMedia(
    text: InboundSms,
  ): Promise<{ files: AttachmentCandidate[]; unreceived: AttachmentRefusal[] }> {
    const files: AttachmentCandidate[] = [];
    const unreceived: AttachmentRefusal[] = [];
    const provider = this.texting.provider;
    for (const [index, media] of text.media.entries()) {
      // No extension: the attachment policy names the file's type from what the provider says and its bytes.
      const fileName = `text-message-file-${index + 1}`;
      try {
        if (!provider) throw new MediaRefusedError('no provider is configured to fetch it from');
        const fetched = await fetchTwilioMedia(provider, media.url, this.attachments.policy.maxBytes);
        files.push({
          fileName,
          contentType: fetched.contentType || media.contentType,
          content: fetched.bytes,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          { providerMessageId: text.providerMessageId, reason },
          'a text message file was not fetched',
        );
        unreceived.push({
          fileName,
          reason: ATTACHMENT_REFUSALS.NOT_RECEIVED,
          message: `The file (${media.contentType}) could not be fetched from the text message provider: ${reason}`,
        });
      }
    }
    return { files, unreceived };
  }

  /** The number of the case an earlier delivery of this text joined; null for a keyword; undefined: new. */
  private async caseOfText(providerMessageId: string): Promise<string | null | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT c.number FROM case_message m JOIN support_case c ON c.id = m.case_id WHERE m.sms_message_sid = $1
       UNION ALL SELECT NULL FROM sms_consent WHERE provider_message_id = $1
       LIMIT 1`,
      [providerMessageId],
    )) as { number: string | null }[];
    return row ? row.number : undefined;
  }
}
