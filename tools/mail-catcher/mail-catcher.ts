import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { type CaughtMessage, PAGE_SECURITY_HEADERS, renderList, renderMessage, renderNotFound } from './web';

export type { CaughtMessage } from './web';

/**
 * The development mail catcher: an SMTP server that takes every message for every recipient (no auth, any
 * credentials accepted, a size limit) and keeps the latest in memory, and an HTTP server to read them:
 *
 *   GET    /                         the list (HTML)          GET /messages/:id     one message (HTML)
 *   GET    /api/messages             JSON, newest first       GET /api/messages/:id one message (JSON)
 *   GET    /api/messages/:id/raw     the message as received  DELETE /api/messages  forget them all
 *
 * Nothing is relayed: mail sent here never reaches anyone. Listens on loopback unless told otherwise.
 */
export interface MailCatcherOptions {
  /** 1025 by default; 0 lets the system pick (tests). */
  smtpPort?: number;
  /** 1080 by default; 0 lets the system pick (tests). */
  httpPort?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** Messages kept, newest first (500). */
  limit?: number;
  /** The largest message taken, in bytes (10 MiB); larger ones are refused with 552. */
  maxMessageBytes?: number;
  /** All kept messages together, in bytes (256 MiB); the oldest go first. */
  maxTotalBytes?: number;
}

export interface MailCatcher {
  host: string;
  smtpPort: number;
  httpPort: number;
  /** `http://<host>:<httpPort>` */
  url: string;
  /** Newest first. */
  messages(): CaughtMessage[];
  clear(): void;
  close(): Promise<void>;
}

interface Stored {
  message: CaughtMessage;
  raw: Buffer;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []]
    .flat()
    .flatMap((group) => group.value)
    .map((address) => address.address ?? '')
    .filter(Boolean);
}

function headerMap(mail: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
}

export function describeMail(
  id: string,
  raw: Buffer,
  mail: ParsedMail,
  envelope: CaughtMessage['envelope'],
  receivedAt: Date = new Date(),
): CaughtMessage {
  const references = mail.references === undefined ? [] : [mail.references].flat();
  return {
    id,
    receivedAt: receivedAt.toISOString(),
    envelope,
    from: mail.from?.text ?? '',
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    replyTo: mail.replyTo?.text ?? null,
    subject: mail.subject ?? '',
    date: mail.date ? mail.date.toISOString() : null,
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references,
    headers: headerMap(mail),
    text: mail.text ?? '',
    hasHtml: mail.html !== false && mail.html !== undefined,
    attachments: mail.attachments.map((file) => ({
      filename: file.filename ?? null,
      contentType: file.contentType,
      size: file.size,
    })),
    size: raw.length,
  };
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

function listening(server: NetServer, listen: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.once('error', () => undefined);
      resolve();
    });
    listen();
  });
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.limit ?? 500;
  const maxMessageBytes = options.maxMessageBytes ?? 10 * 1024 * 1024;
  const maxTotalBytes = options.maxTotalBytes ?? 256 * 1024 * 1024;
  const stored: Stored[] = [];
  let totalBytes = 0;
  let sequence = 0;

  const keep = (entry: Stored): void => {
    stored.unshift(entry);
    totalBytes += entry.raw.length;
    while (stored.length > limit || (totalBytes > maxTotalBytes && stored.length > 1)) {
      totalBytes -= stored.pop()!.raw.length;
    }
  };
  const find = (id: string): Stored | undefined => stored.find((entry) => entry.message.id === id);
  const clear = (): void => {
    stored.length = 0;
    totalBytes = 0;
  };

  const smtp = new SMTPServer({
    name: 'mail-catcher.homeroom.test',
    banner: 'Homeroom mail catcher (development only; nothing is relayed)',
    authOptional: true,
    allowInsecureAuth: true,
    // Any credentials will do: an app configured with a user and password still delivers here.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
    disabledCommands: ['STARTTLS'],
    size: maxMessageBytes,
    logger: false,
    // close() waits this long for clients still connected before it cuts them off.
    closeTimeout: 2_000,
    onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded)
          return callback(smtpError(552, `Messages are limited to ${maxMessageBytes} bytes`));
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        };
        const id = String((sequence += 1));
        simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true }).then(
          (mail) => {
            keep({ message: describeMail(id, raw, mail, envelope), raw });
            callback();
          },
          () => {
            // Unparseable mail is still caught, raw, so whoever sent it can see what they sent.
            keep({
              message: {
                ...describeMail(
                  id,
                  raw,
                  { headerLines: [], attachments: [], html: false } as unknown as ParsedMail,
                  envelope,
                ),
                subject: '(unparseable message)',
              },
              raw,
            });
            callback();
          },
        );
      });
    },
  });
  smtp.on('error', () => undefined);

  const send = (
    response: ServerResponse,
    status: number,
    body: string | Buffer,
    headers: Record<string, string>,
  ): void => {
    response.writeHead(status, {
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    response.end(body);
  };
  const json = (response: ServerResponse, status: number, value: unknown): void =>
    send(response, status, `${JSON.stringify(value, null, 2)}\n`, {
      'content-type': 'application/json; charset=utf-8',
    });
  const html = (response: ServerResponse, status: number, body: string): void =>
    send(response, status, body, { 'content-type': 'text/html; charset=utf-8', ...PAGE_SECURITY_HEADERS });

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://catcher').pathname.replace(/\/+$/, '') || '/';
    const method = request.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';
    const api = /^\/api\/messages(?:\/([^/]+)(\/raw)?)?$/.exec(path);
    if (api) {
      const id = api[1] ? decodeURIComponent(api[1]) : undefined;
      if (!id) {
        if (read)
          return json(
            response,
            200,
            stored.map((entry) => entry.message),
          );
        if (method === 'DELETE') {
          clear();
          return send(response, 204, '', {});
        }
        return json(response, 405, { error: 'use GET or DELETE' });
      }
      if (!read) return json(response, 405, { error: 'use GET' });
      const entry = find(id);
      if (!entry) return json(response, 404, { error: 'no such message' });
      if (api[2])
        return send(response, 200, entry.raw, {
          'content-type': 'text/plain; charset=utf-8',
          'content-disposition': `inline; filename="message-${entry.message.id}.eml"`,
          'content-security-policy': "default-src 'none'",
        });
      return json(response, 200, entry.message);
    }
    if (path === '/' && read)
      return html(
        response,
        200,
        renderList(
          stored.map((entry) => entry.message),
          { smtp: `${host}:${smtpAddress.port}`, limit },
        ),
      );
    const page = /^\/messages\/([^/]+)$/.exec(path);
    if (page && read) {
      const entry = find(decodeURIComponent(page[1]!));
      return entry
        ? html(response, 200, renderMessage(entry.message))
        : html(response, 404, renderNotFound());
    }
    if (path === '/clear' && method === 'POST') {
      clear();
      return send(response, 303, '', { location: '/' });
    }
    return html(response, 404, renderNotFound());
  };

  const http = createServer((request, response) => {
    // Drain any request body (DELETE or POST); none is read.
    request.resume();
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) json(response, 500, { error: 'internal error' });
      else response.destroy();
    }
  });

  await listening(smtp.server, () => smtp.listen(options.smtpPort ?? 1025, host));
  const smtpAddress = smtp.server.address() as AddressInfo;
  try {
    await listening(http, () => http.listen(options.httpPort ?? 1080, host));
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const httpAddress = http.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    host,
    smtpPort: smtpAddress.port,
    httpPort: httpAddress.port,
    url: `http://${urlHost}:${httpAddress.port}`,
    messages: () => stored.map((entry) => entry.message),
    clear,
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
      ]);
    },
  };
}
