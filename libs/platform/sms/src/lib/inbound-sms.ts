/** A file sent with a text message (MMS), held by the provider until fetched. */
export interface InboundSmsMedia {
  url: string;
  contentType: string;
}

/** A text message to the district's number, as its provider's webhook described it. */
export interface InboundSms {
  /** The provider's id of the message (Twilio's SM… or MM… sid): the same on every retry of the webhook. */
  providerMessageId: string;
  /** E.164. */
  from: string;
  to: string;
  body: string;
  media: InboundSmsMedia[];
}

/** A webhook request that does not describe a text message: answered 400, never retried into a case. */
export class InvalidInboundSmsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInboundSmsError';
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;
const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/;
/** Twilio accepts at most ten media files on one message. */
const MAX_MEDIA = 10;

/**
 * Twilio's incoming-message webhook parameters (`MessageSid`, `From`, `To`, `Body`, `NumMedia`,
 * `MediaUrl{n}`, `MediaContentType{n}`) as an InboundSms; anything malformed is InvalidInboundSmsError.
 * Short codes and alphanumeric senders are not people to answer: only E.164 senders are taken.
 */
export function parseTwilioInbound(params: Readonly<Record<string, string>>): InboundSms {
  const providerMessageId = params['MessageSid'] ?? params['SmsMessageSid'] ?? '';
  if (!MESSAGE_SID.test(providerMessageId))
    throw new InvalidInboundSmsError('MessageSid is missing or malformed');
  const from = params['From'] ?? '';
  if (!E164.test(from)) throw new InvalidInboundSmsError('From is not an E.164 phone number');
  const to = params['To'] ?? '';
  const count = Number(params['NumMedia'] ?? '0');
  if (!Number.isInteger(count) || count < 0 || count > MAX_MEDIA)
    throw new InvalidInboundSmsError(`NumMedia must be a whole number from 0 to ${MAX_MEDIA}`);
  const media: InboundSmsMedia[] = [];
  for (let index = 0; index < count; index += 1) {
    const url = params[`MediaUrl${index}`];
    const contentType = params[`MediaContentType${index}`] ?? 'application/octet-stream';
    if (!url) throw new InvalidInboundSmsError(`MediaUrl${index} is missing`);
    media.push({ url, contentType });
  }
  // Twilio sends the body as the person wrote it; NUL cannot be stored in PostgreSQL text.
  const body = (params['Body'] ?? '').replace(/\u0000/g, '');
  return { providerMessageId, from, to, body, media };
}

/**
 * A form body as flat parameters, as Twilio sends them: one value each. A repeated or nested parameter
 * (what a body parser makes of `a=1&a=2` or `a[b]=1`) is refused.
 */
export function flatFormParameters(body: unknown): Record<string, string> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new InvalidInboundSmsError('The request body is not a form');
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value !== 'string')
      throw new InvalidInboundSmsError(`Parameter ${name} is repeated or nested`);
    params[name] = value;
  }
  return params;
}
