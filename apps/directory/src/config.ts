import { z } from 'zod';
import {
  developmentDefault,
  checkKafkaConfig,
  commaSeparated,
  type Environment,
  loadConfig,
  outboundMailConfigShape,
  outboundSmsConfigShape,
  port,
  serviceConfigShape,
  trustProxy,
} from '@homeroom/platform/config';
import { SIGN_IN_THROTTLES } from '@homeroom/directory/domain';

const optionalUrl = z
  .string()
  .default('')
  .refine((value) => value === '' || URL.canParse(value), 'must be a URL, or empty');

export const directoryConfigSchema = z.object({
  ...serviceConfigShape,
  PORT: port(4001),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('directory'),
  /** District surveys' invitations go out by email (SMTP_OUTBOUND_URL, MAIL_FROM); empty: no mail. */
  ...outboundMailConfigShape,
  /** …and by text message to people who prefer it (SMS_PROVIDER_URL, …; empty: none). */
  ...outboundSmsConfigShape,
  /** The public issuer: the gateway's origin + /auth, where the gateway serves the directory's sign-in. */
  OIDC_ISSUER: developmentDefault(z.string().url().default('http://localhost:4000/auth')),
  PORTAL_REDIRECT_URIS: developmentDefault(
    commaSeparated('http://localhost:4200/auth/callback').pipe(z.array(z.string().url()).min(1)),
  ),
  /** Signs sign-in cookies; comma-separated, newest first, so that keys rotate without signing everyone out. */
  OIDC_COOKIE_KEYS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(32, 'each key must be at least 32 characters')).min(1)),
  /**
   * Whose X-Forwarded-For names the caller at /auth (the address sign-in failures are counted by): the
   * gateway, which passes on the one address it determined. Its loopback or private address by default;
   * a hop count or subnet otherwise (Express's `trust proxy` syntax).
   */
  TRUST_PROXY: trustProxy('loopback, uniquelocal'),
  /** Failed sign-ins one client address may have before its attempts wait; raise it when many staff share one. */
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(SIGN_IN_THROTTLES.ADDRESS.failuresBeforeDelay),
  /** How often a replica looks for queued OneRoster import jobs, in milliseconds. */
  ONEROSTER_JOB_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  /**
   * The SIS's OneRoster 1.2 rostering API (…/ims/oneroster/rostering/v1p2), synced from on a schedule with
   * OAuth 2 client credentials; empty: rosters come by upload only.
   */
  ONEROSTER_SYNC_URL: optionalUrl,
  ONEROSTER_SYNC_TOKEN_URL: optionalUrl,
  ONEROSTER_SYNC_CLIENT_ID: z.string().default(''),
  ONEROSTER_SYNC_CLIENT_SECRET: z.string().default(''),
  /** Between scheduled syncs (a delta since the last); 0: only when an administrator starts one. */
  ONEROSTER_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
});

/** A SIS sync needs all four of its settings or none. */
function checkSisSync(config: z.infer<typeof directoryConfigSchema>, context: z.RefinementCtx): void {
  if (!config.ONEROSTER_SYNC_URL) return;
  for (const key of [
    'ONEROSTER_SYNC_TOKEN_URL',
    'ONEROSTER_SYNC_CLIENT_ID',
    'ONEROSTER_SYNC_CLIENT_SECRET',
  ] as const)
    if (!config[key])
      context.addIssue({ code: 'custom', path: [key], message: 'required when ONEROSTER_SYNC_URL is set' });
}

export type DirectoryConfig = z.infer<typeof directoryConfigSchema>;

export function loadDirectoryConfig(environment?: Environment): DirectoryConfig {
  return loadConfig(
    'directory',
    directoryConfigSchema.superRefine(checkKafkaConfig).superRefine(checkSisSync),
    environment,
  );
}

/**
 * The seed's own setting: the demo administrator's first password. npm start's well-known one in
 * development; production (trying Homeroom out on a cluster) must choose one.
 */
export const directorySeedConfigSchema = directoryConfigSchema.extend({
  DEMO_ADMIN_PASSWORD: developmentDefault(z.string().min(1).default('homeroom-demo')),
});

export function loadDirectorySeedConfig(
  environment?: Environment,
): z.infer<typeof directorySeedConfigSchema> {
  return loadConfig('directory seed', directorySeedConfigSchema, environment);
}
