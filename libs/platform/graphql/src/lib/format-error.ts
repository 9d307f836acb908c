import type { GraphQLFormattedError } from 'graphql';
import { DomainException, ERROR_CODES, isErrorCode, REQUEST_ERROR_CODES } from '@homeroom/shared/errors';

/**
 * The one mapper at the GraphQL edge. A DomainException keeps its message and code (and its reason and
 * field details); errors Apollo raised about the request keep theirs; anything else is a bug, and in
 * production becomes `INTERNAL` with no message, stack or detail.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  { production }: { production: boolean },
): GraphQLFormattedError {
  const original = originalError(error);
  if (original instanceof DomainException) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: original.code,
        ...(original.reason ? { reason: original.reason } : {}),
        ...(original.details?.length ? { details: original.details } : {}),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || isErrorCode(code))) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: production ? { code } : extensions };
  }
  return {
    message: production ? 'Internal server error' : formatted.message,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ERROR_CODES.INTERNAL },
  };
}

function originalError(error: unknown): unknown {
  let current = error;
  for (
    let depth = 0;
    depth < 5 && current && typeof current === 'object' && 'originalError' in current;
    depth += 1
  ) {
    const next = (current as { originalError?: unknown }).originalError;
    if (!next) break;
    current = next;
  }
  return current;
}
