import type { Principal } from '@homeroom/platform/auth';
import type { RequestContext } from '@homeroom/platform/observability';
import type { OperationShape } from '@homeroom/gateway/operation-limits';
import type { RequestRateLimit } from './request-rate-limit';

/** What the gateway knows about one GraphQL request while it plans and runs it. */
export interface GatewayContext {
  principal: Principal;
  /** The request's account with its caller's rate limit, which each operation counts against. */
  rateLimit: RequestRateLimit;
  /** Correlation id and trace of the HTTP request (the subgraph calls are its child spans). */
  request: RequestContext;
  /** When the whole request must be done (epoch ms); subgraph calls get what is left. */
  deadline: number;
  /** The principal signed for the subgraphs, made at the first subgraph call of the request. */
  signedPrincipal?: Record<string, string>;
  /** Filled in once the operation is resolved, for the metrics. */
  shape?: OperationShape;
}
