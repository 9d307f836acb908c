import type { ApolloServerPlugin } from '@apollo/server';
import { Histogram, type Registry } from 'prom-client';
import type { GatewayContext } from './gateway-context';

/** Operation names are the client's to choose: past this many distinct ones, new names count as `other`. */
const MAX_OPERATION_NAMES = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * `graphql_operation_duration_seconds{operation, type, outcome}`: how long each named operation takes at
 * the gateway and how it ended (`ok` or the first error's code). Dashboards and alerts key on the
 * portal's and vendors' operation names, so name your operations.
 */
export function operationMetricsPlugin(registry: Registry): ApolloServerPlugin<GatewayContext> {
  const duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations at the gateway, by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const names = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };

  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, response, operation, errors, contextValue }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const firstError = errors?.[0] ?? body?.errors?.[0];
          const code = firstError?.extensions?.['code'];
          duration.observe(
            {
              operation: label(operation?.name?.value ?? request.operationName),
              type: operation?.operation ?? contextValue.shape?.operationType ?? 'unknown',
              outcome: firstError ? (typeof code === 'string' ? code : 'error') : 'ok',
            },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}
