import type { QuietHoursRule } from '@homeroom/cases/domain';
import { NO_SMS, type SmsSender, type TwilioSettings } from '@homeroom/platform/sms';

/** Two-way text messages (issue 22): the provider, and where it posts the texts people send the district. */
export interface TextMessagingSettings {
  sender: SmsSender;
  /** The provider's API (MMS files are fetched from it, its signatures checked); null: no text messages. */
  provider: TwilioSettings | null;
  /**
   * The public URL the provider posts incoming texts to, exactly as configured in its console: what it signs.
   * Null: incoming texts are not taken (the webhook answers 404).
   */
  webhookUrl: string | null;
  /** The district's answer to a text that says HELP; '' leaves it to the provider's own. */
  helpText: string;
  /**
   * A reply older than this when its event is first handled is not texted (STALE), as for email: a new
   * consumer group must not text last week's replies.
   */
  maxAgeMs?: number;
  /**
   * When replies on non-urgent cases wait to be texted: a fixed window (district time), or while the case's
   * business calendar is closed (ADR 35); null: never. Held texts go when it ends (`OutboundSmsService`'s
   * sweep).
   */
  quietHours?: QuietHoursRule | null;
  /** The district's time zone, which a window (and the calendar rule's night without a calendar) is in. */
  timeZone?: string;
  /** How often held texts are looked for once their quiet hours end; a minute unless configured. */
  deferredSweepSeconds?: number;
}

export const TEXT_MESSAGING_SETTINGS = Symbol('TEXT_MESSAGING_SETTINGS');

export const NO_TEXT_MESSAGING: TextMessagingSettings = Object.freeze({
  sender: NO_SMS,
  provider: null,
  webhookUrl: null,
  helpText: '',
});
