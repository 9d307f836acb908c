import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';

/** What the SMTP client throws; `rejected` lists recipients the server refused. */
interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  rejected?: unknown[];
}

/**
 * A permanent refusal of the recipient (5xx to RCPT TO): retrying cannot help, so the caller records it
 * and moves on. Anything else (the server down, refusing us, a 4xx) should be thrown, so the event is
 * retried and then parked on the dead-letter topic to replay.
 */
export function isPermanentRecipientRejection(error: unknown): boolean {
  const smtp = (typeof error === 'object' && error ? error : {}) as SmtpError;
  return (
    smtp.code === 'EENVELOPE' &&
    (smtp.rejected?.length ?? 0) > 0 &&
    (smtp.responseCode ?? 0) >= 500 &&
    (smtp.responseCode ?? 0) < 600
  );
}

/** The server's words on a refusal, shortened for a log line or a timeline entry. */
export function smtpResponseOf(error: unknown): string {
  return String((error as SmtpError | undefined)?.response ?? '').slice(0, 300);
}

/**
 * A service's way out by SMTP (`smtp://host:port`, STARTTLS when offered, or `smtps://`, credentials in the
 * URL; '' turns mail off). One pooled transport, opened on first use; timeouts well under a Kafka
 * consumer's session, so a hung server fails the attempt, not the consumer group.
 */
export class MailSender {
  private transport: Transporter | undefined;

  constructor(private readonly smtpUrl: string) {}

  get enabled(): boolean {
    return this.smtpUrl !== '';
  }

  async send(mail: SendMailOptions): Promise<void> {
    if (!this.enabled) throw new Error('Outbound mail is off (SMTP_OUTBOUND_URL is empty)');
    this.transport ??= createTransport({
      url: this.smtpUrl,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
    });
    await this.transport.sendMail(mail);
  }

  close(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}
