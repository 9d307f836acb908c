import { ConfigError } from './config-error';
import { z } from 'zod';

/** Building blocks for app schemas; each app composes the ones it needs with z.object({...}). */

const DEVELOPMENT_DEFAULTS = new WeakSet<z.ZodType>();

/**
 * Marks a variable whose default suits only a developer's machine (a localhost URL, the demo district's
 * sender): with NODE_ENV=production, loadConfig refuses to start unless the environment sets it.
 */
export function developmentDefault<Schema extends z.ZodType>(schema: Schema): Schema {
  DEVELOPMENT_DEFAULTS.add(schema);
  return schema;
}

export function hasDevelopmentDefault(schema: z.ZodType): boolean {
  return DEVELOPMENT_DEFAULTS.has(schema);
}

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');

/** A comma-separated list (spaces around items ignored, empty items dropped), with a default. */
export const commaSeparated = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

/**
 * Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the caller's address. A hop
 * count (`1`), `true`/`false`, or addresses and subnets (`loopback`, `uniquelocal`, `10.0.0.0/8`, …).
 */
export const trustProxy = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value): boolean | number | string =>
      /^\d+$/.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : value,
    );

/** Comma-separated host:port list. */
export const brokerList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
  )
  .refine(
    (brokers) => brokers.length > 0 && brokers.every((b) => /^[^:\s]+:\d+$/.test(b)),
    'must be a comma-separated list of host:port',
  );

/**
 * Where Kafka is and how to reach it: TLS (with the brokers' CA when it is not a public one) and SASL, as
 * managed services and Strimzi listeners require. checkKafkaConfig adds the checks across variables;
 * kafkaConnection turns them into the client's settings.
 */
export const kafkaConfigShape = {
  KAFKA_BROKERS: brokerList,
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_SSL: booleanFlag(false),
  /** A PEM file of the CA(s) that signed the brokers' certificates; unset: the system's CAs. */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
} as const;

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

/** JSON lines for a log shipper (the default, what production runs), or lines people read (`npm start`). */
export const logFormat = z.enum(['json', 'lines']).default('json');

export const nodeEnvironment = z.enum(['development', 'test', 'production']).default('development');

/** Variables every service shares: where it listens, what it logs, and where its data lives. */
export const serviceConfigShape = {
  NODE_ENV: nodeEnvironment,
  LOG_LEVEL: logLevel,
  LOG_FORMAT: logFormat,
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  ...kafkaConfigShape,
  /**
   * After SIGTERM, how long the service keeps serving with readiness failed, so that the gateway's requests
   * stop arriving before it closes (Kubernetes' endpoints take a moment). Below the pod's grace period.
   */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  /** Shared with the gateway; subgraphs refuse requests whose principal it did not sign. */
  GATEWAY_TRUST_SECRET: z.string().min(32, 'must be at least 32 characters'),
} as const;

/** A service that sends mail: where (an SMTP URL; empty turns mail off) and as whom. */
export const outboundMailConfigShape = {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://…`, credentials in the URL; empty: no mail. */
  SMTP_OUTBOUND_URL: z
    .string()
    .default('')
    .refine(
      (value) => value === '' || /^smtps?:\/\/[^/\s]+/.test(value),
      'must be an smtp:// or smtps:// URL, or empty',
    ),
  /** The district's sender: `Name <address>` or an address. */
  MAIL_FROM: developmentDefault(
    z
      .string()
      .default('Riverside Unified <talk@homeroom.test>')
      .refine(
        (value) => /^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value.trim()),
        'must be an address or Name <address>',
      ),
  ),
} as const;

/** A service that sends text messages: a Twilio-compatible endpoint (empty turns SMS off) and its account. */
export const outboundSmsConfigShape = {
  /** https://api.twilio.com, or a compatible endpoint; empty: no text messages. */
  SMS_PROVIDER_URL: z.union([z.literal(''), z.url()]).default(''),
  SMS_ACCOUNT_SID: z.string().default(''),
  SMS_AUTH_TOKEN: z.string().default(''),
  /** The sending number (E.164) or a messaging service sid (MG…). */
  SMS_FROM: z.string().default(''),
} as const;

/** The SMS settings as a sender takes them, or null when SMS is off; refuses a half-configured provider. */
export function smsSettingsOf(
  app: string,
  config: { SMS_PROVIDER_URL: string; SMS_ACCOUNT_SID: string; SMS_AUTH_TOKEN: string; SMS_FROM: string },
): { baseUrl: string; accountSid: string; authToken: string; from: string } | null {
  if (!config.SMS_PROVIDER_URL) return null;
  const missing = (['SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM'] as const).filter((key) => !config[key]);
  if (missing.length)
    throw new ConfigError(
      app,
      missing.map((variable) => ({ variable, message: 'is required when SMS_PROVIDER_URL is set' })),
    );
  return {
    baseUrl: config.SMS_PROVIDER_URL,
    accountSid: config.SMS_ACCOUNT_SID,
    authToken: config.SMS_AUTH_TOKEN,
    from: config.SMS_FROM,
  };
}
