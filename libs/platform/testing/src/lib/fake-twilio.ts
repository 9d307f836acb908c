import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  /** The files of a picture message, as this fake fetched them from their MediaUrl (as Twilio does). */
  media: FakeTwilioMedia[];
}

export interface FakeTwilioMedia {
  url: string;
  /** The HTTP status the URL answered with (0: it could not be reached). */
  status: number;
  contentType: string | null;
  bytes: number;
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
  /**
   * A person texts the district: the incoming-message webhook Twilio would POST to `webhookUrl`, signed
   * with the auth token (`X-Twilio-Signature`), its media served here under the account. Returns what the
   * webhook answered. `signature` replaces the real one (tests of forged requests).
   */
  text(webhookUrl: string, message: FakeInboundText): Promise<FakeWebhookAnswer>;
  /** The webhook request `text` would send, to replay or alter. */
  inboundRequest(message: FakeInboundText): { sid: string; params: Record<string, string> };
  /** POSTs form parameters to a webhook as Twilio does, signed for `signedUrl` (default: the URL posted to). */
  post(
    webhookUrl: string,
    params: Record<string, string>,
    options?: { signature?: string; signedUrl?: string },
  ): Promise<FakeWebhookAnswer>;
  close(): Promise<void>;
}

export interface FakeInboundText {
  from: string;
  /** Default: the district's number the tests send from, +15125550100. */
  to?: string;
  body: string;
  media?: { contentType: string; bytes: Buffer }[];
  /** Reuse a sid: Twilio retrying a webhook that failed sends the same one. */
  sid?: string;
}

export interface FakeWebhookAnswer {
  status: number;
  contentType: string;
  body: string;
  sid: string;
}

/**
 * A stand-in for Twilio's Programmable Messaging API on loopback, for tests of code that texts people:
 * the same route, form fields, Basic authentication, status codes and JSON bodies (201 with a message sid;
 * 401 code 20003; 400 code 21211 for a number that is not E.164; 400 code 21614 for `unreachable` numbers;
 * 503 when told to fail). Only what our senders use. It also plays a person texting the district: the
 * incoming-message webhook with Twilio's parameters and signature, its MMS files served under the account
 * behind Basic authentication. The signature is computed here, not by the code under test, so a mistake
 * there cannot agree with itself.
 */
export async function startFakeTwilio(
  options: { unreachable?: readonly string[] } = {},
): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const messages: FakeTwilioMessage[] = [];
  const media = new Map<string, { contentType: string; bytes: Buffer }>();
  let failures = 0;
  const route = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const basic = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const server = createServer((request, response) => {
    const file = request.method === 'GET' ? media.get(request.url ?? '') : undefined;
    if (file) {
      if (request.headers.authorization !== basic) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }));
      } else {
        response.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length });
        response.end(file.bytes);
      }
      return;
    }
    const reply = (status: number, body: Record<string, unknown>) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== route)
        return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      if (request.headers.authorization !== basic)
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
      const mediaUrls = form.getAll('MediaUrl');
      if (!body && !mediaUrls.length)
        return reply(400, { code: 21602, message: 'Message body is required.', status: 400 });
      if (mediaUrls.length > 10)
        return reply(400, { code: 21623, message: 'Too many media URLs (at most 10)', status: 400 });
      if (mediaUrls.some((mediaUrl) => !/^https?:\/\//.test(mediaUrl)))
        return reply(400, { code: 21620, message: 'Invalid media URL(s)', status: 400 });
      void fetchMedia(mediaUrls).then((media) => {
        const message: FakeTwilioMessage = {
          sid: `SM${randomBytes(16).toString('hex')}`,
          to,
          from: form.get('From'),
          messagingServiceSid: form.get('MessagingServiceSid'),
          body,
          media,
        };
        messages.push(message);
        const { media: _fetched, ...answer } = message;
        reply(201, {
          ...answer,
          account_sid: accountSid,
          status: 'queued',
          num_segments: '1',
          num_media: String(media.length),
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const sign = (target: string, params: Record<string, string>) =>
    createHmac('sha1', authToken)
      .update(
        Object.keys(params)
          .sort()
          .reduce((text, name) => text + name + params[name], target),
      )
      .digest('base64');
  const inboundRequest = (message: FakeInboundText) => {
    const files = message.media ?? [];
    const sid = message.sid ?? `${files.length ? 'MM' : 'SM'}${randomBytes(16).toString('hex')}`;
    const params: Record<string, string> = {
      ToCountry: 'US',
      SmsMessageSid: sid,
      NumMedia: String(files.length),
      SmsSid: sid,
      SmsStatus: 'received',
      Body: message.body,
      To: message.to ?? '+15125550100',
      NumSegments: '1',
      MessageSid: sid,
      AccountSid: accountSid,
      From: message.from,
      ApiVersion: '2010-04-01',
    };
    files.forEach((file, index) => {
      const path = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/ME${randomBytes(16).toString('hex')}`;
      media.set(path, file);
      params[`MediaUrl${index}`] = `${url}${path}`;
      params[`MediaContentType${index}`] = file.contentType;
    });
    return { sid, params };
  };
  const post = async (
    webhookUrl: string,
    params: Record<string, string>,
    options: { signature?: string; signedUrl?: string } = {},
  ): Promise<FakeWebhookAnswer> => {
    const answer = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-twilio-signature': options.signature ?? sign(options.signedUrl ?? webhookUrl, params),
        'user-agent': 'TwilioProxy/1.1',
      },
      body: new URLSearchParams(params).toString(),
    });
    return {
      status: answer.status,
      contentType: answer.headers.get('content-type') ?? '',
      body: await answer.text(),
      sid: params['MessageSid'] ?? '',
    };
  };
  return {
    url,
    inboundRequest,
    post,
    text: (webhookUrl, message) => {
      const { params } = inboundRequest(message);
      return post(webhookUrl, params);
    },
    accountSid,
    authToken,
    messages,
    failNext: (count) => {
      failures = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Each picture message's files, fetched as Twilio fetches them before sending: status, type and size. */
async function fetchMedia(urls: readonly string[]): Promise<FakeTwilioMedia[]> {
  return Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url);
        const bytes = (await response.arrayBuffer()).byteLength;
        return { url, status: response.status, contentType: response.headers.get('content-type'), bytes };
      } catch {
        return { url, status: 0, contentType: null, bytes: 0 };
      }
    }),
  );
}
