import { z } from 'zod';
import {
  developmentDefault,
  booleanFlag,
  commaSeparated,
  ConfigError,
  type Environment,
  loadConfig,
  logFormat,
  logLevel,
  nodeEnvironment,
  port,
  trustProxy,
} from '@homeroom/platform/config';

const url = z.string().url();
const positive = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const gatewayConfigSchema = z.object({
  NODE_ENV: nodeEnvironment,
  LOG_LEVEL: logLevel,
  LOG_FORMAT: logFormat,
  HOST: z.string().default('0.0.0.0'),
  PORT: port(4000),
  /** Shared with the subgraphs: they refuse any request whose principal the gateway did not sign. */
  GATEWAY_TRUST_SECRET: z.string().min(32, 'must be at least 32 characters'),
  DIRECTORY_SUBGRAPH_URL: developmentDefault(url.default('http://localhost:4001/graphql')),
  CASES_SUBGRAPH_URL: developmentDefault(url.default('http://localhost:4002/graphql')),
  SLAS_SUBGRAPH_URL: developmentDefault(url.default('http://localhost:4003/graphql')),
  SURVEYS_SUBGRAPH_URL: developmentDefault(url.default('http://localhost:4004/graphql')),
  /** The directory's sign-in, which the gateway serves at /auth. */
  SIGN_IN_URL: developmentDefault(url.default('http://localhost:4001/auth')),
  /** The cases service's attachment downloads, which the gateway serves at /attachments. */
  ATTACHMENTS_URL: developmentDefault(url.default('http://localhost:4002/attachments')),
  /** The cases service's text-message webhooks (Twilio's incoming messages), which the gateway serves at /sms. */
  TEXT_MESSAGES_URL: developmentDefault(url.default('http://localhost:4002/sms')),
  /** The cases service's web chat (the widget's script and its live streams), which the gateway serves at /chat. */
  CHAT_URL: developmentDefault(url.default('http://localhost:4002/chat')),
  /** Tokens must be issued by this issuer: the directory's (this origin + /auth) or the district's own. */
  OIDC_ISSUER: developmentDefault(url.default('http://localhost:4000/auth')),
  OIDC_AUDIENCE: z.string().min(1).default('homeroom-api'),
  /** The issuer's keys; the directory's JWKS (SIGN_IN_URL + /jwks) when unset. */
  OIDC_JWKS_URL: url.optional(),
  /**
   * The district's own identity provider for staff (Google Workspace, Microsoft Entra ID), beside the
   * directory's issuer, which vendors keep using. Its tokens are mapped to directory staff by address.
   */
  STAFF_OIDC_ISSUER: url.optional(),
  /** The audience its tokens carry for Homeroom (the client id the district registered there). */
  STAFF_OIDC_AUDIENCE: z.string().min(1).optional(),
  /** Its keys: Google https://www.googleapis.com/oauth2/v3/certs; Entra …/discovery/v2.0/keys. */
  STAFF_OIDC_JWKS_URL: url.optional(),
  /** `email` (email_verified required) or, for Entra ID, `preferred_username`. */
  STAFF_OIDC_EMAIL_CLAIM: z.enum(['email', 'preferred_username', 'upn']).default('email'),
  /**
   * The directory's staff lookup (district identity providers' users, and staff grants before each write);
   * DIRECTORY_SUBGRAPH_URL's origin + /internal/staff-principals when unset.
   */
  STAFF_LOOKUP_URL: url.optional(),
  /** How far the issuer's clock may be from ours when checking expiry. */
  OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Origins whose browser pages may call the API (the portal, a district website), comma-separated. */
  CORS_ORIGINS: developmentDefault(commaSeparated('http://localhost:4200').pipe(z.array(z.string().url()))),
  /** Development only: compose the supergraph from the running subgraphs instead of the committed file. */
  GATEWAY_INTROSPECT_AND_COMPOSE: booleanFlag(false),
  MAX_QUERY_DEPTH: positive(12, 100),
  MAX_QUERY_COST: positive(5_000, 1_000_000),
  MAX_QUERY_ALIASES: positive(30, 1_000),
  MAX_BATCH_SIZE: positive(10, 100),
  /** Characters in one GraphQL document. */
  MAX_DOCUMENT_LENGTH: positive(20_000, 1_000_000),
  /** Tokens graphql-js reads from one document before it stops parsing. */
  MAX_DOCUMENT_TOKENS: positive(5_000, 100_000),
  /** The largest request body: a message's attachments (25 MiB by default) travel inline as base64. */
  MAX_BODY_BYTES: positive(36 * 1024 * 1024, 300 * 1024 * 1024),
  REQUEST_TIMEOUT_MS: positive(15_000, 300_000),
  SUBGRAPH_TIMEOUT_MS: positive(10_000, 300_000),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: positive(120, 10_000_000),
  RATE_LIMIT_CLIENT_PER_MINUTE: positive(1_200, 10_000_000),
  RATE_LIMIT_USER_PER_MINUTE: positive(3_000, 10_000_000),
  QUERY_PLAN_CACHE_MIB: positive(30, 4_096),
  /**
   * After SIGTERM, how long the gateway keeps serving with its readiness failing before it closes: the
   * time a load balancer (Kubernetes' endpoints) takes to stop sending it requests. Keep it below the
   * pod's termination grace period.
   */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  /**
   * Which proxies' X-Forwarded-For to believe for the caller's address (the anonymous rate limit's key):
   * `loopback` locally; in a cluster the ingress's hop count or subnet (Express's `trust proxy` syntax).
   */
  TRUST_PROXY: trustProxy('loopback'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(environment?: Environment): GatewayConfig {
  const config = loadConfig('gateway', gatewayConfigSchema, environment);
  if (config.STAFF_OIDC_ISSUER && (!config.STAFF_OIDC_AUDIENCE || !config.STAFF_OIDC_JWKS_URL))
    throw new ConfigError('gateway', [
      {
        variable: 'STAFF_OIDC_AUDIENCE, STAFF_OIDC_JWKS_URL',
        message: 'are required with STAFF_OIDC_ISSUER',
      },
    ]);
  if (config.STAFF_OIDC_ISSUER === config.OIDC_ISSUER)
    throw new ConfigError('gateway', [
      { variable: 'STAFF_OIDC_ISSUER', message: 'must be another issuer than OIDC_ISSUER (the directory)' },
    ]);
  if (config.NODE_ENV === 'production' && config.GATEWAY_INTROSPECT_AND_COMPOSE)
    throw new ConfigError('gateway', [
      {
        variable: 'GATEWAY_INTROSPECT_AND_COMPOSE',
        message: 'runtime composition is for development; production serves the committed supergraph',
      },
    ]);
  return config;
}
