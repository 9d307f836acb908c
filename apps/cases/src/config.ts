import { z } from 'zod';
import {
  checkKafkaConfig,
  developmentDefault,
  commaSeparated,
  type Environment,
  loadConfig,
  outboundMailConfigShape,
  outboundSmsConfigShape,
  port,
  translationConfigShape,
  serviceConfigShape,
} from '@homeroom/platform/config';
import { MAX_CONFIGURABLE_ATTACHMENT_BYTES, parseQuietHoursRule } from '@homeroom/cases/domain';
import { crossCheckCasesConfig } from './extensions-config';

export const casesConfigSchema = z.object({
  ...serviceConfigShape,
  PORT: port(4002),
  CASE_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,6}$/, 'must be 2–6 capital letters')
    .default('HR'),
  DISTRICT_TIME_ZONE: z.string().default('America/Chicago'),
  DEFAULT_LANGUAGE: z.string().default('en'),
  /**
   * The languages the district's families write in (BCP 47, comma-separated): each inbound message's
   * language is detected among them. The default is a large district's usual top seven.
   */
  DISTRICT_LANGUAGES: commaSeparated('en,es,vi,zh,ar,so,ht'),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('cases'),
  /** The inbound mail listener; 0 turns it off. */
  SMTP_INTAKE_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
  /** Comma-separated addresses that take mail. */
  INTAKE_ADDRESSES: commaSeparated('talk@homeroom.test').transform((addresses) =>
    addresses.map((address) => address.toLowerCase()),
  ),
  EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(10 * 1024 * 1024),
  /** How often the time-based automations are swept (one replica at a time, ADR 29). */
  AUTOMATION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** Mail the intake keeps (auto-replies, bounces, list mail) is deleted this many days after it arrived. */
  KEPT_EMAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  /**
   * Staff replies and survey invitations go out by email (SMTP_OUTBOUND_URL, MAIL_FROM). Empty (the default)
   * turns outbound mail off; npm start and .env.example point it at the development mail catcher.
   */
  ...outboundMailConfigShape,
  /** The portal families open mailed links in: requester confirmation at `<PORTAL_URL>/contact/confirm/…`. */
  PORTAL_URL: developmentDefault(z.url().default('http://localhost:4200')),
  /** Text messages (replies, survey invitations): a Twilio-compatible provider (SMS_PROVIDER_URL, …); empty: none. */
  ...outboundSmsConfigShape,
  /**
   * The public URL of the incoming-message webhook, exactly as set on the number in Twilio's console
   * (`https://<public host>/sms/twilio`): Twilio signs it. Empty: incoming texts are not taken.
   */
  SMS_WEBHOOK_URL: z.union([z.literal(''), z.url()]).default(''),
  /** The district's answer to a text that says HELP (who it is, how to reach a person, "Reply STOP to stop"). */
  SMS_HELP_TEXT: z.string().max(640).default(''),
  /**
   * When replies on cases that are not URGENT are held, and texted once it ends: `calendar` (the chart's
   * default), while the case's business calendar (its school's, else the district's) is closed, and
   * 21:00-08:00 in the district's time while no calendar is known; or a fixed "21:00-08:00" in the
   * district's time. Empty (the default here): never.
   */
  SMS_QUIET_HOURS: z
    .string()
    .default('')
    .refine((value) => {
      try {
        parseQuietHoursRule(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be "calendar", "HH:MM-HH:MM" in the district\'s time, or empty')
    .transform(parseQuietHoursRule),
  /** How often texts held through the quiet hours are looked for once they end. */
  SMS_HELD_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** A web chat nobody wrote in for this long ends, and its transcript is mailed to the family (ADR 34). */
  CHAT_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** How often idle chats and transcripts to mail are looked for. */
  CHAT_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** Staff are present this long after their portal last said so (it says so every minute). */
  CHAT_PRESENCE_SECONDS: z.coerce.number().int().min(30).max(3_600).default(150),
  /** Open chat streams one replica serves at most (each is a connection held open). */
  CHAT_MAX_STREAMS: z.coerce.number().int().min(1).max(100_000).default(5_000),
  /**
   * Machine translation of conversations (TRANSLATION_PROVIDER: deepl, google, azure or libretranslate;
   * TRANSLATION_URL, TRANSLATION_API_KEY, TRANSLATION_REGION). Empty (the default): none.
   */
  ...translationConfigShape,
  /** The language staff read and write: requesters' messages in other languages are translated into it. */
  STAFF_LANGUAGE: z.string().min(2).default('en'),
  /**
   * Where attachment bytes are kept (ADR 20): `database` (the default, in production too), this service's
   * own PostgreSQL, which every replica reads; `filesystem`, one directory (ATTACHMENT_STORAGE_DIR), for a
   * single-machine install only, since another replica cannot see a pod's disk.
   */
  ATTACHMENT_STORAGE: z
    .enum(['database', 'filesystem'], { error: 'must be database or filesystem' })
    .default('database'),
  /**
   * `filesystem`: the directory of the files (required in production). `database`: optional, the directory
   * an earlier filesystem install wrote, read (never written) for files not yet copied into the database.
   */
  ATTACHMENT_STORAGE_DIR: z.string().min(1).optional(),
  /** The largest attachment, in bytes. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(MAX_CONFIGURABLE_ATTACHMENT_BYTES)
    .default(10 * 1024 * 1024),
  /** All of one message's attachments together, in bytes; it also sizes the GraphQL request limit. */
  ATTACHMENT_MAX_TOTAL_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(200 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** Signs attachment download links; required in production (development makes one per start). */
  ATTACHMENT_URL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where clients reach this service's /attachments route; unset for same-origin paths. */
  ATTACHMENT_DOWNLOAD_BASE_URL: z.string().url().optional(),
  /** An OpenAI-compatible chat-completions API (…/v1); unset (the default) turns the assist off. */
  LLM_BASE_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http(s) URL')
    .optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
});

export type CasesConfig = z.infer<typeof casesConfigSchema>;

export function loadCasesConfig(environment?: Environment): CasesConfig {
  return loadConfig(
    'cases',
    casesConfigSchema.superRefine(checkKafkaConfig).superRefine(crossCheckCasesConfig),
    environment,
  );
}
