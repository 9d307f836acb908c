import { z } from 'zod';
import {
  commaSeparated,
  type Environment,
  loadConfig,
  outboundMailConfigShape,
  outboundSmsConfigShape,
  port,
  serviceConfigShape,
} from '@homeroom/platform/config';

export const directoryConfigSchema = z.object({
  ...serviceConfigShape,
  PORT: port(4001),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('directory'),
  /** District surveys' invitations go out by email (SMTP_OUTBOUND_URL, MAIL_FROM); empty: no mail. */
  ...outboundMailConfigShape,
  /** …and by text message to people who prefer it (SMS_PROVIDER_URL, …; empty: none). */
  ...outboundSmsConfigShape,
  /** The demo administrator's first password (npm start's seed); the environment can override it. */
  DEMO_ADMIN_PASSWORD: z.string().default('homeroom-demo'),
  /** The public issuer: the gateway's origin + /auth, where the gateway serves the directory's sign-in. */
  OIDC_ISSUER: z.string().url().default('http://localhost:4000/auth'),
  PORTAL_REDIRECT_URIS: commaSeparated('http://localhost:4200/auth/callback').pipe(
    z.array(z.string().url()).min(1),
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
});

export type DirectoryConfig = z.infer<typeof directoryConfigSchema>;

export function loadDirectoryConfig(environment?: Environment): DirectoryConfig {
  return loadConfig('directory', directoryConfigSchema, environment);
}
