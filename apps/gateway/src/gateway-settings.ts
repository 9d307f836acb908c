import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from 'prom-client';
import type { Logger } from '@homeroom/platform/observability';
import { DEFAULT_COST_MODEL } from '@homeroom/gateway/operation-limits';
import type { GatewaySettings } from '@homeroom/gateway/server';
import type { GatewayConfig } from './config';

/**
 * The committed supergraph: beside the built gateway (dist/apps/gateway/supergraph.graphql, copied there
 * by `npm run build`), or beside this app's sources (apps/gateway/supergraph.graphql).
 */
export const SUPERGRAPH_PATH = existsSync(join(__dirname, 'supergraph.graphql'))
  ? join(__dirname, 'supergraph.graphql')
  : join(__dirname, '..', 'supergraph.graphql');

/** The gateway's settings from its validated configuration. */
export function gatewaySettings(
  config: GatewayConfig,
  { logger, registry }: { logger: Logger; registry: Registry },
): GatewaySettings {
  const signInUrl = new URL(config.SIGN_IN_URL);
  return {
    production: config.NODE_ENV === 'production',
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    introspectAndCompose: config.GATEWAY_INTROSPECT_AND_COMPOSE,
    subgraphUrls: {
      directory: config.DIRECTORY_SUBGRAPH_URL,
      cases: config.CASES_SUBGRAPH_URL,
      slas: config.SLAS_SUBGRAPH_URL,
      surveys: config.SURVEYS_SUBGRAPH_URL,
    },
    trustSecret: config.GATEWAY_TRUST_SECRET,
    tokens: {
      clockToleranceSeconds: config.OIDC_CLOCK_TOLERANCE_SECONDS,
      directory: {
        issuer: config.OIDC_ISSUER,
        audience: config.OIDC_AUDIENCE,
        jwksUrl: new URL(config.OIDC_JWKS_URL ?? `${signInUrl.toString().replace(/\/$/, '')}/jwks`),
      },
      staffLookupUrl: new URL(
        config.STAFF_LOOKUP_URL ??
          new URL('/internal/staff-principals', config.DIRECTORY_SUBGRAPH_URL).toString(),
      ),
      ...(config.STAFF_OIDC_ISSUER
        ? {
            staffProvider: {
              issuer: config.STAFF_OIDC_ISSUER,
              audience: config.STAFF_OIDC_AUDIENCE!,
              jwksUrl: new URL(config.STAFF_OIDC_JWKS_URL!),
              emailClaim: config.STAFF_OIDC_EMAIL_CLAIM,
            },
          }
        : {}),
    },
    signInUrl,
    attachmentsUrl: new URL(config.ATTACHMENTS_URL),
    textMessagesUrl: new URL(config.TEXT_MESSAGES_URL),
    chatUrl: new URL(config.CHAT_URL),
    corsOrigins: config.CORS_ORIGINS,
    operationLimits: {
      maxDepth: config.MAX_QUERY_DEPTH,
      maxCost: config.MAX_QUERY_COST,
      maxAliases: config.MAX_QUERY_ALIASES,
    },
    costModel: DEFAULT_COST_MODEL,
    documentLimits: { maxBatchSize: config.MAX_BATCH_SIZE, maxDocumentLength: config.MAX_DOCUMENT_LENGTH },
    maxTokens: config.MAX_DOCUMENT_TOKENS,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    rateLimitsPerMinute: {
      anonymous: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      client: config.RATE_LIMIT_CLIENT_PER_MINUTE,
      user: config.RATE_LIMIT_USER_PER_MINUTE,
    },
    queryPlanCacheMiB: config.QUERY_PLAN_CACHE_MIB,
    trustProxy: config.TRUST_PROXY,
    logger,
    registry,
  };
}
