import { Inject, Injectable } from '@nestjs/common';
import { type ParsedMail, simpleParser } from 'mailparser';
import { DataSource, In } from 'typeorm';
import { automatedReason, caseNumberInSubject, newPartOfReply, subjectOf } from '@homeroom/cases/domain';
import { CaseEntity } from '../entities';
import { REQUESTER } from '../services/case-actor';
import { CaseIntakeService, INTAKE_SETTINGS, type IntakeSettings } from '../services/case-intake.service';
import { CaseService } from '../services/case.service';
import { AttachmentService } from '../attachments/attachment.service';
import { replyTokensIn } from './reply-address';
import { normalizeMessageId } from './reply-email';
import { SMTP_INTAKE_SETTINGS, type SmtpIntakeSettings } from './smtp-intake.settings';

/** The body of a message that came with files and no words. */
const ATTACHMENTS_ONLY = '(no text: see the attachments)';

export type EmailOutcome =
  | { kind: 'created'; caseNumber: string }
  | { kind: 'threaded'; caseNumber: string; followUpNumber?: string }
  | { kind: 'ignored'; reason: string };

/**
 * A message to the district's intake address becomes a case, or joins the case it answers: mail to the
 * case's reply address (talk+<reply token>@…, the Reply-To of our replies), or else a reply whose subject
 * names a case number, from the address that case answers to. Machine mail (auto-replies,
 * bounces, lists) is dropped; only the new part of a reply is kept (quoted history and signature go).
 * HTML-only mail is read as its text; HTML itself is never stored, so it can never be shown unsanitized.
 */
@Injectable()
export class EmailIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly cases: CaseService,
    private readonly attachments: AttachmentService,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(SMTP_INTAKE_SETTINGS) private readonly smtp: SmtpIntakeSettings,
  ) {}

  /** `envelope.recipients`: the RCPT TO addresses, which a Bcc or a forwarding hop leaves out of the headers. */
  async receive(raw: Buffer, envelope: { recipients?: string[] } = {}): Promise<EmailOutcome> {
    const mail = await simpleParser(raw, {
      skipHtmlToText: false,
      skipImageLinks: true,
      skipTextToHtml: true,
    });
    const from = mail.from?.value[0]?.address?.toLowerCase();
    if (!from) return { kind: 'ignored', reason: 'no sender address' };
    const headers = new Map(
      [...mail.headers].map(([name, value]) => [
        name.toLowerCase(),
        String(typeof value === 'object' && value && 'value' in value ? value.value : value),
      ]),
    );
    const automated = automatedReason(headers, from);
    if (automated) return { kind: 'ignored', reason: automated };
    const text = (mail.text ?? '').trim();
    const subject = (mail.subject ?? '').trim();
    // Kept with the message they came with; those the attachment policy refuses are left out, and the
    // case's timeline says which and why (the mail itself is never lost over an attachment).
    const files = mail.attachments.map((file) => ({
      fileName: file.filename ?? 'attachment',
      contentType: file.contentType,
      content: file.content,
    }));
    const messageId = normalizeMessageId(mail.messageId);
    // First the case's reply address (talk+<token>@…) among the recipients, then the number in the subject.
    const byToken = await this.caseByReplyToken(mail, envelope.recipients ?? []);
    const number = caseNumberInSubject(subject);
    if (byToken || number) {
      const existing = byToken ?? (await this.dataSource.getRepository(CaseEntity).findOneBy({ number }));
      // Only the address the case answers to may add to it by number; anyone else quoting a number starts a
      // new case. A reply token is proof by itself, whoever sends it: it is unguessable and only ever in mail
      // to the requester, so its sender is the requester writing from another account, or someone they
      // forwarded the thread to (a spouse, a counselor). That person can only add a requester message, as
      // the tracking link (just as shareable) already allows; they can read nothing of the case.
      if (existing && (byToken || existing.contact.email === from)) {
        const body = newPartOfReply(text) || text || (files.length ? ATTACHMENTS_ONLY : '');
        if (!body) return { kind: 'ignored', reason: 'empty reply' };
        const { supportCase, followUp } = await this.attachments.withEmailAttachments(files, (attachments) =>
          this.cases.requesterReply(existing.id, body, attachments),
        );
        await this.recordMessageId(followUp?.supportCase ?? supportCase, messageId);
        return {
          kind: 'threaded',
          caseNumber: supportCase.number,
          ...(followUp ? { followUpNumber: followUp.supportCase.number } : {}),
        };
      }
    }
    if (!text && !subject && !files.length) return { kind: 'ignored', reason: 'empty message' };
    const body = text || subject || ATTACHMENTS_ONLY;
    const { supportCase } = await this.attachments.withEmailAttachments(files, (attachments) =>
      this.intake.open(
        {
          subject: subjectOf(subject || null, body),
          channel: 'EMAIL',
          priority: 'NORMAL',
          type: null,
          schoolId: null,
          topicId: null,
          requesterId: null,
          contact: { name: mail.from?.value[0]?.name?.trim() || null, email: from, phone: null },
          anonymous: false,
          confidential: false,
          language: this.settings.defaultLanguage,
        },
        body.slice(0, 20_000),
        REQUESTER,
        undefined,
        attachments,
      ),
    );
    await this.recordMessageId(supportCase, messageId);
    return { kind: 'created', caseNumber: supportCase.number };
  }

  /** The case whose reply token is the sub-address of a recipient: envelope, To, Cc, Delivered-To. */
  private async caseByReplyToken(mail: ParsedMail, envelope: string[]): Promise<CaseEntity | null> {
    const headerAddresses = [mail.to, mail.cc]
      .flat()
      .flatMap((group) => group?.value ?? [])
      .map((address) => address.address ?? '');
    const deliveredTo = mail.headerLines
      .filter((header) => ['delivered-to', 'x-original-to'].includes(header.key))
      .flatMap(
        (header) => header.line.slice(header.line.indexOf(':') + 1).match(/[^\s<>,;:"]+@[^\s<>,;"]+/g) ?? [],
      );
    const tokens = replyTokensIn([...envelope, ...headerAddresses, ...deliveredTo], this.smtp.addresses);
    if (tokens.length === 0) return null;
    return this.dataSource.getRepository(CaseEntity).findOneBy({ replyToken: In(tokens) });
  }

  /**
   * The requester's Message-ID on the message their mail became (the case's latest inbound one), so that
   * our replies answer it (In-Reply-To). After the case's commit and best effort: failing here must not
   * make the sender retry a mail that was taken.
   */
  private async recordMessageId(supportCase: CaseEntity, messageId: string | undefined): Promise<void> {
    if (!messageId) return;
    await this.dataSource
      .query(
        `UPDATE case_message SET email_message_id = $2
          WHERE id = (SELECT id FROM case_message
                       WHERE case_id = $1 AND direction = 'INBOUND' AND email_message_id IS NULL
                       ORDER BY created_at DESC, id DESC LIMIT 1)`,
        [supportCase.id, messageId],
      )
      .catch(() => undefined);
  }
}
