import type { Server } from 'node:http';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { Counter, type Registry } from 'prom-client';
import { ANONYMOUS, signPrincipal } from '@homeroom/platform/auth';
import {
  checkReadiness,
  currentContext,
  newContext,
  RequestContextMiddleware,
  type Logger,
} from '@homeroom/platform/observability';
import type { CostModel, OperationLimits } from '@homeroom/gateway/operation-limits';
import { ERROR_CODES } from '@homeroom/shared/errors';
import { bearerChallengePlugin } from './bearer-challenge.plugin';
import { BearerTokenVerifier, principalFromClaims } from './bearer-token';
import { currentGrantsFromDirectory, staffFromDirectory } from './directory-staff-lookup';
import { currentGrantsPlugin } from './current-grants.plugin';
import { formatGatewayError } from './format-gateway-error';
import type { GatewayContext } from './gateway-context';
import { corsAllowList, securityHeaders } from './http-policies';
import { operationGuardPlugin } from './operation-guard.plugin';
import { operationMetricsPlugin } from './operation-metrics.plugin';
import { pathProxy } from './path-proxy';
import { MeasuredQueryPlanCache } from './query-plan-cache';
import { FixedWindowRateLimiter } from './rate-limiter';
import { subgraphReadinessChecks } from './readiness';
import {
  authenticate,
  bodyRefusals,
  documentLimits,
  dropForgedPrincipal,
  principalOfResponse,
  refuse,
  type DocumentLimits,
} from './request-guards';
import { rateLimit, rateLimitOf } from './request-rate-limit';
import { SubgraphDataSource } from './subgraph-data-source';

/** The plans the gateway's query planner caches, as its `queryPlannerConfig.cache` option types them. */
type QueryPlan = NonNullable<
  Awaited<
    ReturnType<
      NonNullable<
        NonNullable<
          NonNullable<ConstructorParameters<typeof ApolloGateway>[0]>['queryPlannerConfig']
        >['cache']
      >['get']
    >
  >
>;

export interface GatewaySettings {
  production: boolean;
  /** The composed supergraph (apps/gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Development only: compose from the running subgraphs instead, and recompose as they change. */
  introspectAndCompose: boolean;
  /** Every subgraph by the name the supergraph gives it, and where it answers. */
  subgraphUrls: Readonly<Record<string, string>>;
  trustSecret: string;
  tokens: TokenSettings;
  /** The directory's sign-in, served at /auth. */
  signInUrl: URL;
  /** The cases service's signed attachment downloads, served at /attachments. */
  attachmentsUrl: URL;
  /** The cases service's text-message webhooks (signed by the provider), served at /sms. */
  textMessagesUrl: URL;
  /** The cases service's web chat (widget script, live streams), served at /chat. */
  chatUrl: URL;
  corsOrigins: readonly string[];
  operationLimits: OperationLimits;
  costModel: CostModel;
  documentLimits: DocumentLimits;
  /** Tokens graphql-js may read from one document before it gives up parsing. */
  maxTokens: number;
  /** The largest request body (inquiries carry attachments inline). */
  maxBodyBytes: number;
  requestTimeoutMs: number;
  subgraphTimeoutMs: number;
  rateLimitsPerMinute: { anonymous: number; client: number; user: number };
  queryPlanCacheMiB: number;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | number | string;
  logger: Logger;
  registry: Registry;
}

/** Whose access tokens the gateway accepts. */
export interface TokenSettings {
  /** How far an issuer's clock may be from ours when checking `exp`, `nbf` and `iat`. */
  clockToleranceSeconds: number;
  /** The directory's issuer: its own staff sign-in and every vendor's client credentials. */
  directory: { issuer: string; audience: string; jwksUrl: URL };
  /**
   * The directory's staff lookup (`/internal/staff-principals`): who a district identity provider's user
   * is, and every staff member's grants as they are now, asked before each of their writes.
   */
  staffLookupUrl: URL;
  /** The district's own identity provider (Google, Entra ID), for staff, when it has one. */
  staffProvider?: {
    issuer: string;
    audience: string;
    jwksUrl: URL;
    /** `email` (with `email_verified`) or `preferred_username`. */
    emailClaim: string;
  };
}

export interface Gateway {
  app: Express;
  /** Subgraph calls made, by subgraph (tests check that refused requests made none). */
  subgraphRequests: Counter<'subgraph'>;
  /**
   * Starts shutting down: readiness answers 503 from now on (the load balancer stops sending new requests
   * once it sees that), while every request keeps being served until `stop`.
   */
  drain(): void;
  stop(): Promise<void>;
}

/**
 * The one public origin: `/graphql` (the federated API), `/auth` (sign-in), `/attachments` (downloads),
 * health and metrics. Every GraphQL request passes, in order: the caller's token, its rate limit (the
 * request's arrival), the body and document limits, then (in Apollo, for each operation of a batch)
 * parsing with a token limit, validation, the operation guard (the operation's count against the rate
 * limit, public operations, depth, aliases, cost, public mutations) and only then the query plan and the
 * subgraphs.
 */
export async function createGateway(settings: GatewaySettings): Promise<Gateway> {
  const { logger, registry, production } = settings;
  // @apollo/gateway otherwise reports usage to Apollo's servers on a timer; a district's API does not.
  // eslint-disable-next-line no-restricted-properties -- the library reads this switch nowhere else
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const subgraphRequests = new Counter({
    name: 'gateway_subgraph_requests_total',
    help: 'Requests the gateway sent to each subgraph',
    labelNames: ['subgraph'] as const,
    registers: [registry],
  });

  const gateway = new ApolloGateway({
    ...(settings.introspectAndCompose
      ? {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(settings.subgraphUrls).map(([name, url]) => ({ name, url })),
            introspectionHeaders: () => signPrincipal(ANONYMOUS, settings.trustSecret),
            pollIntervalInMs: 10_000,
          }),
        }
      : { supergraphSdl: settings.supergraphSdl }),
    buildService: ({ name, url }) => {
      const configured = settings.subgraphUrls[name];
      if (!configured) throw new Error(`The supergraph names subgraph ${name}, which is not configured`);
      if (url && url !== configured)
        logger.debug({ subgraph: name, url: configured }, 'subgraph URL overridden');
      return new SubgraphDataSource({
        name,
        url: configured,
        trustSecret: settings.trustSecret,
        timeoutMs: settings.subgraphTimeoutMs,
        subgraphRequests,
        logger,
      });
    },
    queryPlannerConfig: {
      cache: new MeasuredQueryPlanCache<QueryPlan>(settings.queryPlanCacheMiB, registry),
    },
    logger,
  });

  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // No "did you mean …" suggestions: they would map the schema for someone who may not introspect it.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: true,
    parseOptions: { maxTokens: settings.maxTokens },
    formatError: (formatted, error) => {
      const mapped = formatGatewayError(formatted, error, { production });
      if (mapped.extensions?.['code'] === 'INTERNAL')
        logger.error({ err: error, path: formatted.path }, 'unexpected error at the gateway');
      return mapped;
    },
    plugins: [
      operationGuardPlugin(settings.operationLimits, settings.costModel),
      currentGrantsPlugin(
        currentGrantsFromDirectory({
          lookupUrl: settings.tokens.staffLookupUrl,
          trustSecret: settings.trustSecret,
        }),
      ),
      bearerChallengePlugin(),
      operationMetricsPlugin(registry),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    logger,
  });
  await server.start();

  const { tokens } = settings;
  const verifier = new BearerTokenVerifier(
    [
      { ...tokens.directory, principalOf: principalFromClaims },
      ...(tokens.staffProvider
        ? [
            {
              ...tokens.staffProvider,
              principalOf: staffFromDirectory({
                lookupUrl: tokens.staffLookupUrl,
                trustSecret: settings.trustSecret,
                emailClaim: tokens.staffProvider.emailClaim,
              }),
            },
          ]
        : []),
    ],
    tokens.clockToleranceSeconds,
  );
  const perMinute = (limit: number) => new FixedWindowRateLimiter(limit, 60_000);
  const limiters = {
    anonymous: perMinute(settings.rateLimitsPerMinute.anonymous),
    client: perMinute(settings.rateLimitsPerMinute.client),
    user: perMinute(settings.rateLimitsPerMinute.user),
  };
  const readinessChecks = subgraphReadinessChecks(settings.subgraphUrls);
  let draining = false;
  const requestContext = new RequestContextMiddleware();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxy);
  app.use((request, response, next) => requestContext.use(request, response, next));
  app.use(securityHeaders({ production }));
  app.get('/health/live', (_request: Request, response: Response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request: Request, response: Response) => {
    if (draining) {
      response.status(503).json({ status: 'draining' });
      return;
    }
    const report = await checkReadiness(readinessChecks);
    response.status(report.ready ? 200 : 503).json(report);
  });
  app.get('/metrics', async (_request: Request, response: Response) => {
    response.setHeader('Content-Type', registry.contentType);
    response.send(await registry.metrics());
  });
  app.use(corsAllowList(settings.corsOrigins));
  app.use(dropForgedPrincipal());
  app.use('/auth', pathProxy('/auth', settings.signInUrl, logger));
  app.use('/attachments', pathProxy('/attachments', settings.attachmentsUrl, logger));
  app.use('/sms', pathProxy('/sms', settings.textMessagesUrl, logger));
  // A chat's stream stays open; its keep-alive comment every 15 s keeps it under the proxy's idle timeout.
  app.use('/chat', pathProxy('/chat', settings.chatUrl, logger));
  app.use(
    '/graphql',
    authenticate(verifier),
    rateLimit(limiters),
    express.json({ limit: settings.maxBodyBytes }),
    bodyRefusals(),
    documentLimits(settings.documentLimits),
    expressMiddleware(server, {
      context: async ({ res }) => ({
        principal: principalOfResponse(res),
        rateLimit: rateLimitOf(res),
        request: currentContext() ?? newContext(),
        deadline: Date.now() + settings.requestTimeoutMs,
      }),
    }),
  );

  // Last: anything a middleware threw is logged with the correlation id and answered in the API's shape.
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    logger.error({ err: error }, 'unexpected error at the gateway');
    refuse(response, 500, ERROR_CODES.INTERNAL, 'Internal server error');
  });

  return {
    app,
    subgraphRequests,
    drain() {
      draining = true;
    },
    async stop() {
      await server.stop();
    },
  };
}

/** Listens, and resolves once the port is open. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
