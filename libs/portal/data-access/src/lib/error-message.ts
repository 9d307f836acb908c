import type { ErrorCode } from '@homeroom/shared/errors';
import { ERROR_WORDS, FALLBACK_WORDS } from './error-words';
import type { Language } from './language.service';

interface ApiError {
  extensions?: { code?: unknown; reason?: unknown; details?: unknown };
}

/**
 * The first error's plain-words message, from its `extensions.code`. Refused input also says which fields
 * and why, in English: the API words its field problems for staff, so the pages in other languages keep
 * the general sentence.
 */
export function errorMessage(error: unknown, language: Language): string {
  const first = firstError(error);
  const code = errorCode(error);
  const message = (code && ERROR_WORDS[code as ErrorCode]?.[language]) || FALLBACK_WORDS[language];
  if (code !== 'BAD_USER_INPUT' || language !== 'en') return message;
  const problems = fieldProblems(first?.extensions?.details);
  return problems.length ? `${message} ${problems.join('; ')}.` : message;
}

/** The first error's `extensions.code`, for the few screens whose words depend on it (a used link). */
export function errorCode(error: unknown): string | undefined {
  const code = firstError(error)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The first error's `extensions.reason`, the finer code some refusals add (docs/api/errors.md), for the
 * screens that have their own words for it.
 */
export function errorReason(error: unknown): string | undefined {
  const reason = firstError(error)?.extensions?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

function firstError(error: unknown): ApiError | undefined {
  const candidate = error as { errors?: ApiError[]; graphQLErrors?: ApiError[] } | null;
  return (candidate?.errors ?? candidate?.graphQLErrors)?.[0];
}

/** "email: not an email address", naming each field by the last part of its path. */
function fieldProblems(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail: { path?: unknown; message?: unknown }) => {
    if (typeof detail?.message !== 'string') return [];
    const field = typeof detail.path === 'string' ? detail.path.split('.').filter(Boolean).at(-1) : undefined;
    return [field ? `${field}: ${detail.message}` : detail.message];
  });
}
