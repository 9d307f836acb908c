import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Counter } from 'prom-client';
import { signPrincipal } from '@homeroom/platform/auth';
import {
  childTraceContext,
  CORRELATION_HEADER,
  formatTraceparent,
  type Logger,
} from '@homeroom/platform/observability';
import { ERROR_CODES } from '@homeroom/shared/errors';
import type { GatewayContext } from './gateway-context';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/** Carries the request's deadline from `willSendRequest` to the fetcher, which never sends it on. */
const DEADLINE_HEADER = 'x-homeroom-deadline';

export interface SubgraphDataSourceSettings {
  name: string;
  url: string;
  trustSecret: string;
  /** The longest one subgraph call may take, however much of the request's deadline is left. */
  timeoutMs: number;
  subgraphRequests: Counter<'subgraph'>;
  logger: Logger;
}

/**
 * One subgraph, called over the trusted channel (docs/adr/0005): every call carries the principal the
 * gateway verified, signed with the shared secret, and the trace and correlation ids of the request. The
 * client's own headers never reach a subgraph (this data source builds each request from nothing), so a
 * forged principal header goes no further than the gateway. Calls end at the request's deadline.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly settings: SubgraphDataSourceSettings;

  constructor(settings: SubgraphDataSourceSettings) {
    super({ url: settings.url, fetcher: deadlineFetcher(settings.timeoutMs) });
    this.settings = settings;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    for (const [name, value] of Object.entries(signPrincipal(context.principal, this.settings.trustSecret)))
      headers.set(name, value);
    headers.set('traceparent', formatTraceparent(childTraceContext(context.request.trace)));
    headers.set(CORRELATION_HEADER, context.request.correlationId);
    headers.set(DEADLINE_HEADER, String(context.deadline));
    this.settings.subgraphRequests.inc({ subgraph: this.settings.name });
  }

  /**
   * A subgraph that answers with an HTTP error (it refused the gateway's signature, or it is failing) is
   * the platform's problem, not the caller's: the client gets UPSTREAM_UNAVAILABLE, operators the log line.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    this.settings.logger.error(
      { subgraph: this.settings.name, status: response.status },
      response.status === 401
        ? 'subgraph refused the gateway: check that both hold the same GATEWAY_TRUST_SECRET'
        : 'subgraph answered with an HTTP error',
    );
    return new GraphQLError(`The ${this.settings.name} service is unavailable; try again shortly`, {
      extensions: { code: ERROR_CODES.UPSTREAM_UNAVAILABLE, serviceName: this.settings.name },
    });
  }
}

/** Node's fetch (keep-alive pooled), bounded by the smaller of the per-call timeout and the request's deadline. */
function deadlineFetcher(timeoutMs: number): Fetcher {
  return (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const headers = { ...(init.headers ?? {}) };
    const deadline = Number(headers[DEADLINE_HEADER]);
    delete headers[DEADLINE_HEADER];
    const left = Number.isFinite(deadline) ? Math.min(timeoutMs, deadline - Date.now()) : timeoutMs;
    if (left <= 0) throw new DOMException('The request deadline passed', 'TimeoutError');
    return fetch(url, {
      method: init.method ?? 'POST',
      headers,
      body: init.body ?? null,
      signal: AbortSignal.timeout(left),
    });
  }) as unknown as Fetcher;
}
