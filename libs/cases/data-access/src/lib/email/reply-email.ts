import type { SendMailOptions } from 'nodemailer';
import { domainOf, replyAddressFor } from './reply-address';

/** A message id known on the case's thread, oldest first: mail the requester sent us, or mail we sent. */
export interface ThreadMessageId {
  /** Without angle brackets: `CAF…@mail.example.org`. */
  emailMessageId: string;
  fromRequester: boolean;
}

export interface ReplyEmailInput {
  /** The district's sender, `Name <address>` (MAIL_FROM). */
  from: string;
  /** The intake address replies go to; the reply token becomes its sub-address. */
  intakeAddress: string;
  replyToken: string;
  to: { name: string | null; address: string };
  caseNumber: string;
  caseSubject: string;
  /** The case message's id: the Message-ID is derived from it, so a resend carries the same one. */
  messageId: string;
  body: string;
  /** Earlier messages of the thread with a known Message-ID, oldest first. */
  thread: readonly ThreadMessageId[];
}

export interface ReplyEmail {
  /** The Message-ID without angle brackets, as stored on the case message. */
  emailMessageId: string;
  mail: SendMailOptions;
}

/** References keeps the first message of the thread and the latest ones (RFC 5322 §3.6.4 allows trimming). */
const MAX_REFERENCES = 10;

/** A Message-ID as we store it: without brackets, no whitespace, of sane length; undefined otherwise. */
export function normalizeMessageId(value: string | null | undefined): string | undefined {
  const bare = value?.trim().replace(/^<|>$/g, '');
  return bare && bare.length <= 250 && /^[^\s<>]+@[^\s<>]+$/.test(bare) ? bare : undefined;
}

/** `Re: [HR-2026-000042] Bus 14 keeps missing our stop`, without piling up Re:/Fwd: or case numbers. */
export function replySubject(caseNumber: string, caseSubject: string): string {
  let subject = caseSubject.replace(/\s+/g, ' ').trim();
  for (;;) {
    const stripped = subject
      .replace(/^(re|aw|sv|fwd?|wg)\s*:\s*/i, '')
      .replace(/^\[[A-Z]{2,6}-\d{4}-\d{6,}\]\s*/i, '');
    if (stripped === subject) break;
    subject = stripped;
  }
  return `Re: [${caseNumber}] ${subject}`.slice(0, 250).trim();
}

/**
 * A staff member's reply as an email to the requester: from the district's address, answered to the case's
 * reply address, threaded to what the requester wrote (In-Reply-To: their latest message, References: the
 * thread). A human reply, so no Auto-Submitted header: the requester's auto-responder may answer it, and
 * our intake drops such answers by their own headers.
 */
export function buildReplyEmail(input: ReplyEmailInput): ReplyEmail {
  const emailMessageId = `${input.messageId}@${domainOf(input.intakeAddress)}`;
  const ids = input.thread.map((message) => message.emailMessageId);
  const references = ids.length > MAX_REFERENCES ? [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
  const requesterIds = input.thread.filter((message) => message.fromRequester);
  const inReplyTo = (requesterIds.at(-1) ?? input.thread.at(-1))?.emailMessageId;
  const footer = [
    '-- ',
    `Case ${input.caseNumber}. Reply to this email to add to your case.`,
    'To see where your case stands, open the tracking link from the confirmation you received.',
  ].join('\n');
  return {
    emailMessageId,
    mail: {
      from: input.from,
      to: input.to.name ? { name: input.to.name, address: input.to.address } : input.to.address,
      replyTo: replyAddressFor(input.intakeAddress, input.replyToken),
      subject: replySubject(input.caseNumber, input.caseSubject),
      messageId: `<${emailMessageId}>`,
      ...(inReplyTo ? { inReplyTo: `<${inReplyTo}>` } : {}),
      ...(references.length ? { references: references.map((id) => `<${id}>`) } : {}),
      text: `${input.body.trim()}\n\n${footer}\n`,
    },
  };
}
