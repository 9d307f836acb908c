/**
 * Mail that a machine sent, which must not become a case: auto-replies, delivery reports (bounces), read
 * receipts, abuse reports, mailing lists and bulk mail. Decided from the headers the big mail systems
 * actually send (RFC 3834's Auto-Submitted, Exchange's X-Auto-Response-Suppress, the older X-Autoreply
 * family, Precedence, RFC 2369/2919 list headers, RFC 6522 multipart/report) and from the SMTP envelope:
 * a null reverse path (`MAIL FROM:<>`) is, by RFC 5321, a notification that no one may answer.
 */
export const IGNORE_REASONS = [
  'AUTO_REPLY',
  'DELIVERY_REPORT',
  'READ_RECEIPT',
  'ABUSE_REPORT',
  'MAILING_LIST',
  'BULK',
  'NO_SENDER',
  'EMPTY',
  'UNREADABLE',
] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

export interface MailFacts {
  /** Header names in lower case; the first value of each. */
  headers: ReadonlyMap<string, string>;
  /** The top-level Content-Type, with its parameters. */
  contentType: string;
  /** The From address, lower case; without one, the From header's text (`MAILER-DAEMON`), if any. */
  from: string | undefined;
  /** MAIL FROM: `''` for the null reverse path `<>`, undefined when not known (a released message). */
  envelopeSender: string | undefined;
  subject: string;
}

export interface MachineMail {
  reason: IgnoreReason;
  /** What decided it, for the quarantine list: `Auto-Submitted: auto-replied`, `List-Id: <…>`. */
  detail: string;
}

const REPORT_TYPES: Record<string, IgnoreReason> = {
  'delivery-status': 'DELIVERY_REPORT',
  'disposition-notification': 'READ_RECEIPT',
  'feedback-report': 'ABUSE_REPORT',
};

// What out-of-office systems put before the original subject (Exchange, Gmail, Apple, Zimbra; en, es, fr, de,
// pt, it, nl), and the colon that follows it. A person's own "Out of office next week" has no colon after.
const AUTO_REPLY_SUBJECT =
  /^\s*(automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|out of (?:the )?office(?: reply| autoreply)?|vacation reply|respuesta autom[aá]tica|r[ée]ponse automatique|automatische antwort|abwesenheitsnotiz|resposta autom[aá]tica|risposta automatica|automatisch antwoord|afwezigheidsbericht)\s*:/i;

const EXCHANGE_SUPPRESS = /\b(all|oof|autoreply)\b/i;

const DAEMON = /^(mailer[-_]?daemon|mail[-_]?daemon|postmaster|post_master)$/i;
const LIST_HEADERS = [
  'list-id',
  'list-unsubscribe',
  'list-post',
  'list-subscribe',
  'list-help',
  'list-owner',
  'list-archive',
  'mailing-list',
  'x-mailing-list',
  'x-ml-name',
];
// The addresses list servers send from: majordomo's owner-<list>@, Mailman's <list>-bounces@ and -request@.
const LIST_SENDER = /^(owner-[^@]+|[^@]+-(bounces|owner|request)(\+[^@]*)?)@/i;

export function machineMail({
  headers,
  contentType,
  from,
  envelopeSender,
  subject,
}: MailFacts): MachineMail | undefined {
  const type = contentType.toLowerCase();
  if (type.startsWith('multipart/report')) {
    const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? '';
    return {
      reason: REPORT_TYPES[reportType] ?? 'DELIVERY_REPORT',
      detail: `multipart/report; report-type=${reportType || '?'}`,
    };
  }
  if (type.startsWith('message/delivery-status')) return { reason: 'DELIVERY_REPORT', detail: contentType };
  if (type.startsWith('message/disposition-notification'))
    return { reason: 'READ_RECEIPT', detail: contentType };
  if (type.startsWith('message/feedback-report')) return { reason: 'ABUSE_REPORT', detail: contentType };

  // Hotmail's junk-mail reporting program sends complaints that are not in the ARF format.
  if (from === 'staff@hotmail.com' && /^\s*complaint about message from \S+\s*$/i.test(subject))
    return { reason: 'ABUSE_REPORT', detail: `From: ${from}, Subject: ${subject.trim()}` };

  // Bounces first: Exim marks its own with Auto-Submitted too, but they are delivery reports.
  const local = from?.split('@')[0]?.trim() ?? '';
  if (DAEMON.test(local)) return { reason: 'DELIVERY_REPORT', detail: `From: ${from}` };

  const autoSubmitted = headers.get('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no'))
    return { reason: 'AUTO_REPLY', detail: `Auto-Submitted: ${autoSubmitted}` };
  const suppress = headers.get('x-auto-response-suppress');
  if (suppress && EXCHANGE_SUPPRESS.test(suppress) && AUTO_REPLY_SUBJECT.test(subject))
    return { reason: 'AUTO_REPLY', detail: `X-Auto-Response-Suppress: ${suppress}` };
  for (const name of [
    'x-autoreply',
    'x-autorespond',
    'x-autoresponder',
    'x-autoreply-from',
    'x-mail-autoreply',
  ]) {
    if (headers.has(name)) return { reason: 'AUTO_REPLY', detail: `${name}: ${headers.get(name)}` };
  }
  // iCloud's vacation replies.
  if (headers.get('x-apple-action')?.trim().toUpperCase() === 'VACATION')
    return { reason: 'AUTO_REPLY', detail: 'X-Apple-Action: VACATION' };
  const precedence = headers.get('precedence')?.trim().toLowerCase();
  if (precedence === 'auto_reply') return { reason: 'AUTO_REPLY', detail: 'Precedence: auto_reply' };

  if (envelopeSender === '') {
    return AUTO_REPLY_SUBJECT.test(subject)
      ? { reason: 'AUTO_REPLY', detail: 'null envelope sender, auto-reply subject' }
      : { reason: 'DELIVERY_REPORT', detail: 'null envelope sender (MAIL FROM:<>)' };
  }
  if (AUTO_REPLY_SUBJECT.test(subject) && (suppress || headers.has('x-ms-exchange-generated-message-source')))
    return { reason: 'AUTO_REPLY', detail: `Subject: ${subject.slice(0, 60)}` };

  for (const name of LIST_HEADERS) {
    if (headers.has(name))
      return { reason: 'MAILING_LIST', detail: `${name}: ${headers.get(name)?.slice(0, 120)}` };
  }
  const listSender = [headers.get('sender'), envelopeSender].find(
    (address) => address && LIST_SENDER.test(address.replace(/^.*</, '')),
  );
  if (listSender)
    return { reason: 'MAILING_LIST', detail: `sent by a list server: ${listSender.slice(0, 120)}` };
  if (precedence === 'list') return { reason: 'MAILING_LIST', detail: 'Precedence: list' };
  if (precedence === 'bulk' || precedence === 'junk')
    return { reason: 'BULK', detail: `Precedence: ${precedence}` };
  return undefined;
}
