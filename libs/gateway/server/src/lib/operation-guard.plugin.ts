import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  isPublicOperation,
  limitViolation,
  operationShape,
  type CostModel,
  type OperationLimits,
} from '@homeroom/gateway/operation-limits';
import { ERROR_CODES } from '@homeroom/shared/errors';
import type { GatewayContext } from './gateway-context';

/**
 * Runs once the operation is parsed and validated and before the gateway plans it, so nothing it refuses
 * reaches a subgraph: anonymous callers may run only the public operations, and every caller stays
 * within the depth, alias and cost limits.
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
          if (contextValue.principal.kind === 'anonymous' && !isPublicOperation(shape))
            throw new GraphQLError('Sign in, or send an access token, to run this operation', {
              extensions: { code: ERROR_CODES.UNAUTHENTICATED, http: { status: 401 } },
            });
          const violation = limitViolation(shape, limits);
          if (violation)
            throw new GraphQLError(violation.message, {
              extensions: {
                code: violation.code,
                limit: violation.limit,
                actual: violation.actual,
                http: { status: 400 },
              },
            });
        },
      };
    },
  };
}
