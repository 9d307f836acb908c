import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { EmailIntakeService } from './email-intake.service';
import { parseIntakeRecipient } from './reply-address';
import { SMTP_INTAKE_SETTINGS, type SmtpIntakeSettings } from './smtp-intake.settings';

// In their own file so that EmailIntakeService can read the addresses without an import cycle.
export { SMTP_INTAKE_SETTINGS, type SmtpIntakeSettings };

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The district's inbound mail listener (SMTP, a real server library). It refuses mail to other addresses
 * and mail over the size limit at the protocol (5xx, permanent, saying why). Every message it answers 250
 * is a case, a reply on one, a second delivery of one, or kept in the quarantine with the reason; only a
 * failure a retry can cure (the database away) is a temporary 451. No message crashes it.
 */
@Injectable()
export class SmtpIntakeServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: SMTPServer | undefined;

  constructor(
    @Inject(SMTP_INTAKE_SETTINGS) private readonly settings: SmtpIntakeSettings,
    private readonly email: EmailIntakeService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.port === 0) return;
    const server = new SMTPServer({
      name: 'homeroom',
      banner: 'Homeroom intake',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: this.settings.maxBytes,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        // An intake address, or its sub-address local+token@domain (a case's reply address).
        if (!parseIntakeRecipient(address.address, this.settings.addresses))
          return callback(smtpError(550, `No mailbox ${address.address} here`));
        callback();
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (stream.sizeExceeded)
            return callback(smtpError(552, `Messages are limited to ${this.settings.maxBytes} bytes`));
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          // `<>` arrives as an empty address: a notification (bounce, auto-reply) by RFC 5321.
          const mailFrom = session.envelope.mailFrom;
          const sender = mailFrom ? mailFrom.address : undefined;
          this.email
            .receive(Buffer.concat(chunks), { recipients, ...(sender !== undefined ? { sender } : {}) })
            .then(
              (outcome) => {
                this.logger.info(
                  {
                    outcome: outcome.kind,
                    ...(outcome.kind === 'quarantined'
                      ? { reason: outcome.reason, detail: outcome.detail, quarantineId: outcome.id }
                      : { caseNumber: outcome.caseNumber }),
                  },
                  'email received',
                );
                callback();
              },
              (error: unknown) => {
                this.logger.error({ err: error }, 'email intake failed; the sender will retry');
                callback(smtpError(451, 'Temporary failure, please retry'));
              },
            );
        });
      },
    });
    server.on('error', (error) => this.logger.warn({ err: error }, 'SMTP connection error'));
    await new Promise<void>((resolve) =>
      server.listen(this.settings.port, this.settings.host, () => resolve()),
    );
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
