import { smsSettingsOf } from '@homeroom/platform/config';
import { NO_SMS, SmsRejectedError, type SmsMessage, type SmsSender } from './sms-sender';

export interface TwilioSettings {
  /** https://api.twilio.com, or a compatible endpoint (a regional edge, a test double on loopback). */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The district's sending number (E.164) or messaging service sid (MG…). */
  from: string;
  /** Per request; a hung provider fails the attempt, not the consumer group. */
  timeoutMs?: number;
}

/**
 * Twilio's error codes that no retry can fix: invalid or unreachable numbers, landlines, numbers that
 * replied STOP, numbers barred for the region.
 */
const PERMANENT_CODES = new Set([21211, 21408, 21610, 21612, 21614]);

/**
 * Text messages through Twilio's Programmable Messaging REST API (`POST /2010-04-01/Accounts/{sid}/
 * Messages.json`, form-encoded To, From or MessagingServiceSid, Body; HTTP Basic with the account sid and
 * auth token). A 201 carries the message sid; a 4xx with a permanent code is `SmsRejectedError`; anything
 * else (429, 5xx, the network) is thrown as is, to be retried.
 */
export class TwilioSmsSender implements SmsSender {
  readonly enabled = true;

  constructor(private readonly settings: TwilioSettings) {}

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const { baseUrl, accountSid, authToken, from } = this.settings;
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    form.set(from.startsWith('MG') ? 'MessagingServiceSid' : 'From', from);
    // One MediaUrl parameter per file: Twilio fetches each and sends them as one picture message.
    for (const mediaUrl of message.mediaUrls ?? []) form.append('MediaUrl', mediaUrl);
    const response = await fetch(
      `${baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      },
    );
    const payload = (await response.json().catch(() => ({}))) as {
      sid?: string;
      code?: number;
      message?: string;
    };
    if (response.status === 201 && payload.sid) return { providerMessageId: payload.sid };
    const description = `Twilio answered ${response.status}${payload.code ? ` (${payload.code})` : ''}: ${payload.message ?? ''}`;
    if (response.status >= 400 && response.status < 500 && payload.code && PERMANENT_CODES.has(payload.code))
      throw new SmsRejectedError(payload.code, description);
    throw new Error(description);
  }
}

/** The configured sender: Twilio (or a compatible endpoint) when SMS_PROVIDER_URL is set, else `NO_SMS`. */
export function smsSenderFromConfig(app: string, config: Parameters<typeof smsSettingsOf>[1]): SmsSender {
  const settings = smsSettingsOf(app, config);
  return settings ? new TwilioSmsSender(settings) : NO_SMS;
}
