import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { DataSource, In } from 'typeorm';
import {
  caseNumberInSubject,
  machineMail,
  MAX_MESSAGE_LENGTH,
  MAX_SUBJECT_LENGTH,
  newPartOfReply,
  subjectOf,
  type IgnoreReason,
} from '@homeroom/cases/domain';
import { DomainException } from '@homeroom/shared/errors';
import { isUniqueViolation } from '@homeroom/platform/database';
import { CaseEntity } from '../entities';
import { REQUESTER } from '../services/case-actor';
import { CaseIntakeService, INTAKE_SETTINGS, type IntakeSettings } from '../services/case-intake.service';
import { CaseService } from '../services/case.service';
import type { InboundDelivery } from '../services/case-writer';
import { AttachmentService } from '../attachments/attachment.service';
import { replyTokensIn } from './reply-address';
import { normalizeMessageId } from './reply-email';
import { SMTP_INTAKE_SETTINGS, type SmtpIntakeSettings } from './smtp-intake.settings';
import { parseInboundMail, senderOf, type InboundEnvelope } from './inbound-mail';
import { EmailQuarantine } from './email-quarantine';
import { readableContent } from './readable-content';

/** The body of a message that came with files and no words. */
const ATTACHMENTS_ONLY = '(no text: see the attachments)';

export type EmailOutcome =
  | { kind: 'created'; caseNumber: string }
  | { kind: 'threaded'; caseNumber: string; followUpNumber?: string }
  /** A message delivered again (the sender retrying after a lost answer): nothing new. */
  | { kind: 'duplicate'; caseNumber: string }
  | { kind: 'quarantined'; id: string; reason: IgnoreReason; detail: string };

/** A message that became a case or joined one. */
export type TakenEmail = Extract<EmailOutcome, { kind: 'created' } | { kind: 'threaded' }>;

/**
 * A message to the district's intake address becomes a case, or joins the case it answers: mail to the
 * case's reply address (talk+<reply token>@…, the Reply-To of our replies), or else a reply whose subject
 * names a case number, from the address that case answers to. Every message taken is one of those, a
 * second delivery of one (recognised by its Message-ID and sender, in the same transaction), or kept whole
 * in the quarantine with the reason (machine mail, no sender, content the case rules refuse), where staff
 * can release it. Only the new part of a reply is kept (quoted history and signature go). HTML-only mail is
 * read as its text; HTML itself is never stored, so it can never be shown unsanitized.
 */
@Injectable()
export class EmailIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly cases: CaseService,
    private readonly attachments: AttachmentService,
    private readonly quarantine: EmailQuarantine,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(SMTP_INTAKE_SETTINGS) private readonly smtp: SmtpIntakeSettings,
  ) {}

  /** A message as the SMTP listener took it. Rejects only for what a retry can fix (the database away). */
  async receive(raw: Buffer, envelope: InboundEnvelope = {}): Promise<EmailOutcome> {
    const mail = await parseInboundMail(raw);
    const from = senderOf(mail, envelope);
    const dedupeKey = dedupeKeyOf(mail, from);
    const keep = (reason: IgnoreReason, detail: string) =>
      this.quarantine.keep(raw, envelope, { reason, detail, dedupeKey, from, subject: mail.subject ?? '' });
    // Machine mail first: a bounce's From is often a bare `MAILER-DAEMON`, which is no address.
    const machine = machineMail({
      headers: headerMap(mail),
      contentType: contentTypeOf(mail),
      from: from ?? fromText(mail),
      envelopeSender: envelope.sender,
      subject: mail.subject ?? '',
    });
    if (machine) return keep(machine.reason, machine.detail);
    if (!from) return keep('NO_SENDER', 'no From address mail can be sent to, and no envelope sender');
    const earlier = dedupeKey ? await this.caseOfDelivery(dedupeKey) : undefined;
    if (earlier) return { kind: 'duplicate', caseNumber: earlier };
    try {
      return await this.takeFromPerson(mail, from, envelope, dedupeKey);
    } catch (error) {
      // Two deliveries of one message at once: the second one's insert meets the first one's key.
      if (dedupeKey && isUniqueViolation(error, 'uq_case_message_email_dedupe_key')) {
        const first = await this.caseOfDelivery(dedupeKey);
        if (first) return { kind: 'duplicate', caseNumber: first };
      }
      // The case rules refused what the message says (an address they cannot use, a body they refuse):
      // that will not change on retry, so keep it for staff rather than answer 451 for days.
      if (error instanceof EmptyMessage) return keep('EMPTY', error.message);
      if (error instanceof DomainException)
        return keep('UNREADABLE', `${error.reason ?? error.code}: ${error.message}`);
      throw error;
    }
  }

  /**
   * A quarantined message, released by staff: taken as if a person sent it (the machine-mail rules are
   * what staff overrule). Returns the case it became or joined.
   */
  async release(id: string, staffId: string): Promise<TakenEmail> {
    return this.quarantine.release(id, staffId, async ({ raw, envelope }) => {
      const mail = await parseInboundMail(raw);
      const from = senderOf(mail, envelope);
      if (!from) return undefined;
      return this.takeFromPerson(mail, from, envelope, dedupeKeyOf(mail, from));
    });
  }

  private async takeFromPerson(
    mail: ParsedMail,
    from: string,
    envelope: InboundEnvelope,
    dedupeKey: string | undefined,
  ): Promise<TakenEmail> {
    // Files are kept with the message they came with; those the attachment policy refuses are left out, and
    // the case's timeline says which and why (the mail itself is never lost over an attachment).
    const { text, files } = await readableContent(mail);
    const subject = cutSubject((mail.subject ?? '').trim());
    const messageId = normalizeMessageId(mail.messageId);
    const email: InboundDelivery = {
      ...(messageId ? { messageId } : {}),
      ...(dedupeKey ? { dedupeKey } : {}),
    };
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
        if (!body) throw new EmptyMessage();
        const { supportCase, followUp } = await this.attachments.withReceivedAttachments(
          files,
          (attachments) =>
            this.cases.requesterReply(existing.id, body.slice(0, MAX_MESSAGE_LENGTH), attachments, email),
        );
        return {
          kind: 'threaded',
          caseNumber: supportCase.number,
          ...(followUp ? { followUpNumber: followUp.supportCase.number } : {}),
        };
      }
    }
    const body = text || subject || (files.length ? ATTACHMENTS_ONLY : '');
    if (!body) throw new EmptyMessage();
    const { supportCase } = await this.attachments.withReceivedAttachments(files, (attachments) =>
      this.intake.open(
        {
          subject: subjectOf(subject || null, body),
          channel: 'EMAIL',
          priority: 'NORMAL',
          type: null,
          schoolId: null,
          topicId: null,
          requesterId: null,
          contact: {
            name: mail.from?.value[0]?.name?.trim().slice(0, 200) || null,
            email: from,
            phone: null,
          },
          anonymous: false,
          confidential: false,
          // What the sender wrote in, as far as it can be told; they chose no language anywhere.
          language: this.intake.messageLanguage(`${subject}\n${body}`) ?? this.settings.defaultLanguage,
        },
        body.slice(0, MAX_MESSAGE_LENGTH),
        REQUESTER,
        { attachments, delivery: email },
      ),
    );
    return { kind: 'created', caseNumber: supportCase.number };
  }

  /** The number of the case whose message an earlier delivery of this email became. */
  private async caseOfDelivery(dedupeKey: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT c.number FROM case_message m JOIN support_case c ON c.id = m.case_id WHERE m.email_dedupe_key = $1`,
      [dedupeKey],
    )) as { number: string }[];
    return row?.number;
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
}

/** A message with no words, no subject and no files: nothing to open a case with. */
class EmptyMessage extends DomainException {
  constructor() {
    super('BAD_USER_INPUT', 'The message has no text, subject or attachment', 'EMPTY_MESSAGE');
  }
}

/** A subject longer than a case's is cut (on one line), not refused: a 451 for it would be forever. */
function cutSubject(subject: string): string {
  const oneLine = subject.replace(/\s+/g, ' ');
  return oneLine.length > MAX_SUBJECT_LENGTH ? `${oneLine.slice(0, MAX_SUBJECT_LENGTH - 1)}…` : oneLine;
}

/** The From header's first address or text as written, lower case (`mailer-daemon`), when not an address. */
function fromText(mail: ParsedMail): string | undefined {
  const first = mail.from?.value[0];
  return (first?.address || first?.name || mail.from?.text)?.trim().toLowerCase() || undefined;
}

/**
 * What makes two deliveries one message: its Message-ID and sender, and a digest of its date, subject and
 * text (the relays on the way add headers, never change these). Senders that reuse a Message-ID for
 * different messages (seen in published mail) so still get a case each.
 */
function dedupeKeyOf(mail: ParsedMail, from: string | undefined): string | undefined {
  const messageId = normalizeMessageId(mail.messageId);
  if (!messageId || !from) return undefined;
  const digest = createHash('sha256')
    .update(`${mail.date?.toISOString() ?? ''}\n${mail.subject ?? ''}\n${mail.text ?? ''}`)
    .digest('base64url')
    .slice(0, 22);
  return `${messageId.toLowerCase()} ${from} ${digest}`;
}

/**
 * Each header's first value as sent (unfolded), by lower-case name. From the raw lines, not mailparser's
 * parsed map, which folds List-* headers into one `list` object and others into structures.
 */
function headerMap(mail: ParsedMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (headers.has(key)) continue;
    headers.set(
      key,
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  return headers;
}

function paramsText(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `; ${key}=${value}`)
    .join('');
}

function contentTypeOf(mail: ParsedMail): string {
  const header = mail.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  return header?.value ? `${header.value}${paramsText(header.params ?? {})}` : 'text/plain';
}
