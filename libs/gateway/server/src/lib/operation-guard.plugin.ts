import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  isPublicOperation,
  limitViolation,
  operationShape,
  publicMutationViolation,
  rateUnits,
  type CostModel,
  type LimitViolation,
  type OperationLimits,
} from '@homeroom/gateway/operation-limits';
import { ERROR_CODES } from '@homeroom/shared/errors';
import type { GatewayContext } from './gateway-context';
import { rateLimitMessage } from './request-rate-limit';

/**
 * Runs once the operation is parsed and validated and before the gateway plans it, so nothing it refuses
 * reaches a subgraph: the operation counts against its caller's rate limit (each operation of a batch,
 * each root field of a mutation), anonymous callers may run only the public operations, every caller
 * stays within the depth, alias and cost limits and runs at most one public mutation per operation.
 */
export function operationGuardPlugin(
  limits: OperationLimits,
  costModel: CostModel,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue }) {
          const shape = operationShape(schema, document, {
            operationName: request.operationName ?? null,
            variables: request.variables ?? {},
            costModel,
          });
          if (!shape) return;
          contextValue.shape = shape;
          // Counted as asked, before any other check: a refused operation costs its caller as one that runs.
          const rate = contextValue.rateLimit.chargeOperation(rateUnits(shape));
          if (contextValue.principal.kind === 'anonymous' && !isPublicOperation(shape))
            throw new GraphQLError('Sign in, or send an access token, to run this operation', {
              extensions: { code: ERROR_CODES.UNAUTHENTICATED, http: { status: 401 } },
            });
          const violation = limitViolation(shape, limits);
          if (violation) throw limitError(violation, 400);
          const publicMutations = publicMutationViolation(shape);
          if (publicMutations) throw limitError(publicMutations, 429);
          if (!rate.allowed)
            throw new GraphQLError(rateLimitMessage(rate), {
              extensions: {
                code: ERROR_CODES.RATE_LIMITED,
                retryAfterSeconds: rate.resetSeconds,
                http: { status: 429 },
              },
            });
        },
      };
    },
  };
}

function limitError(violation: LimitViolation, status: number): GraphQLError {
  return new GraphQLError(violation.message, {
    extensions: {
      code: violation.code,
      ...(violation.reason ? { reason: violation.reason } : {}),
      limit: violation.limit,
      actual: violation.actual,
      http: { status },
    },
  });
}
