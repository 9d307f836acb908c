import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, isErrorCode, REQUEST_ERROR_CODES } from '@homeroom/shared/errors';

/** The extensions a client may rely on (docs/api/errors.md); everything else stays inside. */
const PUBLIC_EXTENSIONS = ['code', 'reason', 'details', 'limit', 'actual', 'retryAfterSeconds'] as const;

/**
 * Errors as clients see them. Subgraph errors arrive formatted by their subgraph (a stable code, and
 * perhaps a reason and field details) and keep exactly that; a subgraph call that timed out or could not
 * connect says so with its code; anything else is a bug and becomes INTERNAL, with no message in
 * production. Which subgraph answered, stack traces and subgraph responses never leave the gateway.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  { production }: { production: boolean },
): GraphQLFormattedError {
  const chain = causes(error);
  const where = {
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
  };
  if (chain.some((cause) => (cause as { name?: unknown }).name === 'TimeoutError'))
    return {
      message: 'The request took too long; check whether a change took effect before retrying it',
      ...where,
      extensions: { code: ERROR_CODES.GATEWAY_TIMEOUT },
    };
  if (chain.some((cause) => (cause as { name?: unknown }).name === 'SubgraphUnreachableError'))
    return {
      message: 'A service is unavailable; try again shortly',
      ...where,
      extensions: { code: ERROR_CODES.UPSTREAM_UNAVAILABLE },
    };
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && (isErrorCode(code) || REQUEST_ERROR_CODES.has(code))) {
    const extensions: Record<string, unknown> = {};
    for (const key of PUBLIC_EXTENSIONS)
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    return { message: formatted.message, ...where, extensions };
  }
  return {
    message: production ? 'Internal server error' : formatted.message,
    ...where,
    extensions: { code: ERROR_CODES.INTERNAL },
  };
}

/** The error and what caused it, outermost first (Apollo wraps what a data source threw). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current && typeof current === 'object' && chain.length < 6 && !chain.includes(current)) {
    chain.push(current);
    current =
      (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return chain;
}
