/** A text message to one number (E.164, e.g. +15125550142). */
export interface SmsMessage {
  to: string;
  body: string;
  /**
   * Files to send with it as a picture message (MMS): URLs the provider fetches from the public internet,
   * at most 10 (Twilio's limit).
   */
  mediaUrls?: readonly string[];
}

/** Refused for good (an invalid or unsubscribed number): record it, do not retry. */
export class SmsRejectedError extends Error {
  constructor(
    readonly providerCode: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'SmsRejectedError';
  }
}

/**
 * Where text messages go out. An implementation throws `SmsRejectedError` for a refusal that retrying cannot
 * fix, and any other error for one that it may (the provider down, rate limits), so the event is retried.
 */
export interface SmsSender {
  readonly enabled: boolean;
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
}

/** No provider configured: nothing can be sent, and callers say so. */
export const NO_SMS: SmsSender = {
  enabled: false,
  send: () => Promise.reject(new Error('No SMS provider is configured (SMS_PROVIDER_URL is empty)')),
};
