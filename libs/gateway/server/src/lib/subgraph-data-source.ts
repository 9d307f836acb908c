import { Agent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Counter } from 'prom-client';
import { ANONYMOUS, signPrincipal } from '@homeroom/platform/auth';
import {
  childTraceContext,
  CORRELATION_HEADER,
  formatTraceparent,
  type Logger,
} from '@homeroom/platform/observability';
import { ERROR_CODES } from '@homeroom/shared/errors';
import type { GatewayContext } from './gateway-context';

export interface SubgraphDataSourceSettings {
  name: string;
  url: string;
  trustSecret: string;
  /** The longest one subgraph call may take, however much of the request's deadline is left. */
  timeoutMs: number;
  subgraphRequests: Counter<'subgraph'>;
  logger: Logger;
}

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * One subgraph, called over the trusted channel (docs/adr/0005): every call carries the principal the
 * gateway verified, signed with the shared secret, and the trace and correlation ids of the request. Each
 * request is built from nothing, so no header a client sent (a forged principal, its token) reaches a
 * subgraph. Calls end at the request's deadline. Plain `node:http` over keep-alive connections: the
 * subgraph calls are the gateway's hot path, and fetch's streams cost it more than the JSON it carries.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly target: URL;
  private readonly agent: Agent;
  private readonly send: typeof httpRequest;

  constructor(private readonly settings: SubgraphDataSourceSettings) {
    this.target = new URL(settings.url);
    const https = this.target.protocol === 'https:';
    this.agent = https
      ? new HttpsAgent({ keepAlive: true, maxSockets: 256 })
      : new Agent({ keepAlive: true, maxSockets: 256 });
    this.send = https ? httpsRequest : httpRequest;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    const { query, variables, operationName, extensions } = options.request;
    // Client operations carry our context; the development composer's schema loads carry none.
    const incoming = 'incomingRequestContext' in options ? options.context : undefined;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      // Signed once per request: a query plan calling several subgraphs sends the same signature to each.
      ...(incoming
        ? (incoming.signedPrincipal ??= signPrincipal(incoming.principal, this.settings.trustSecret))
        : signPrincipal(ANONYMOUS, this.settings.trustSecret)),
    };
    if (incoming) {
      headers['traceparent'] = formatTraceparent(childTraceContext(incoming.request.trace));
      headers[CORRELATION_HEADER] = incoming.request.correlationId;
    }
    const timeoutMs = Math.min(
      this.settings.timeoutMs,
      incoming ? incoming.deadline - Date.now() : this.settings.timeoutMs,
    );
    this.settings.subgraphRequests.inc({ subgraph: this.settings.name });
    const answer = await this.post(
      JSON.stringify({ query, variables, operationName, extensions }),
      headers,
      timeoutMs,
    );
    if (answer.status !== 200 && !answer.contentType.startsWith('application/json'))
      throw this.unavailable(answer.status);
    let body: GatewayResponse;
    try {
      body = JSON.parse(answer.body) as GatewayResponse;
    } catch {
      throw this.unavailable(answer.status);
    }
    // A subgraph refuses a request it cannot run with a GraphQL body and a 4xx; anything else is a failure.
    if (
      answer.status !== 200 &&
      !(answer.status < 500 && Array.isArray(body.errors) && answer.status !== 401)
    )
      throw this.unavailable(answer.status);
    return body;
  }

  private post(
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<{ status: number; contentType: string; body: string }> {
    if (timeoutMs <= 0) return Promise.reject(new SubgraphTimeoutError());
    return new Promise((resolve, reject) => {
      const outgoing = this.send(
        {
          agent: this.agent,
          protocol: this.target.protocol,
          hostname: this.target.hostname,
          port: this.target.port,
          path: `${this.target.pathname}${this.target.search}`,
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              contentType: String(response.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      const timer = setTimeout(() => outgoing.destroy(new SubgraphTimeoutError()), timeoutMs);
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        reject(error.name === 'TimeoutError' ? error : new SubgraphUnreachableError(error));
      });
      outgoing.end(body);
    });
  }

  /**
   * A subgraph that answers with an HTTP error (it refused the gateway's signature, or it is failing) is
   * the platform's problem, not the caller's: the client gets UPSTREAM_UNAVAILABLE, operators the log line.
   */
  private unavailable(status: number): GraphQLError {
    this.settings.logger.error(
      { subgraph: this.settings.name, status },
      status === 401
        ? 'subgraph refused the gateway: check that both hold the same GATEWAY_TRUST_SECRET'
        : 'subgraph answered with an HTTP error',
    );
    return new GraphQLError(`The ${this.settings.name} service is unavailable; try again shortly`, {
      extensions: { code: ERROR_CODES.UPSTREAM_UNAVAILABLE },
    });
  }
}

/** The subgraph did not answer in time (named as the platform's own timeouts are: `TimeoutError`). */
export class SubgraphTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor() {
    super('The subgraph did not answer before the deadline');
  }
}

/** No connection to the subgraph: refused, reset, or its name did not resolve. */
export class SubgraphUnreachableError extends Error {
  override readonly name = 'SubgraphUnreachableError';
  constructor(cause: Error) {
    super(`The subgraph could not be reached: ${cause.message}`, { cause });
  }
}
