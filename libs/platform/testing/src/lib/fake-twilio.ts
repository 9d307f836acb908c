import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
}

export interface FakeTwilio {
  /** The base URL to give a sender in place of https://api.twilio.com. */
  url: string;
  accountSid: string;
  authToken: string;
  /** Messages accepted, oldest first. */
  messages: FakeTwilioMessage[];
  /** The next `count` requests fail as Twilio does when it is down (503). */
  failNext(count: number): void;
  close(): Promise<void>;
}

/**
 * A stand-in for Twilio's Programmable Messaging API on loopback, for tests of code that texts people:
 * the same route, form fields, Basic authentication, status codes and JSON bodies (201 with a message sid;
 * 401 code 20003; 400 code 21211 for a number that is not E.164; 400 code 21614 for `unreachable` numbers;
 * 503 when told to fail). Only what our senders use.
 */
export async function startFakeTwilio(
  options: { unreachable?: readonly string[] } = {},
): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const messages: FakeTwilioMessage[] = [];
  let failures = 0;
  const route = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const server = createServer((request, response) => {
    const reply = (status: number, body: Record<string, unknown>) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== route)
        return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
      if (request.headers.authorization !== expected)
        return reply(401, { code: 20003, message: 'Authentication Error - invalid username', status: 401 });
      if (failures > 0) {
        failures -= 1;
        return reply(503, { code: 20503, message: 'Service unavailable', status: 503 });
      }
      const form = new URLSearchParams(raw);
      const to = form.get('To') ?? '';
      const body = form.get('Body') ?? '';
      if (!/^\+[1-9]\d{6,14}$/.test(to))
        return reply(400, {
          code: 21211,
          message: `The 'To' number ${to} is not a valid phone number.`,
          status: 400,
        });
      if (options.unreachable?.includes(to))
        return reply(400, { code: 21614, message: `'To' number ${to} is not a mobile number`, status: 400 });
      if (!body) return reply(400, { code: 21602, message: 'Message body is required.', status: 400 });
      const message: FakeTwilioMessage = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        to,
        from: form.get('From'),
        messagingServiceSid: form.get('MessagingServiceSid'),
        body,
      };
      messages.push(message);
      reply(201, { ...message, account_sid: accountSid, status: 'queued', num_segments: '1' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    failNext: (count) => {
      failures = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
