import type { ErrorCode } from '@homeroom/shared/errors';
import type { Language } from './language.service';

/**
 * The API's error codes (docs/api/errors.md) in plain words, for people, in their language. Typed by the
 * shared list of codes, so a code added there does not compile here until it has its words.
 */
const MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  BAD_USER_INPUT: { en: 'Please check what you entered.', es: 'Revise lo que escribió, por favor.' },
  GRAPHQL_VALIDATION_FAILED: {
    en: 'This page asked the server for something it does not know. Reload the page; if it persists, tell your IT team.',
    es: 'Esta página pidió algo que el servidor no conoce. Vuelva a cargar la página.',
  },
  UNAUTHENTICATED: { en: 'Please sign in again.', es: 'Vuelva a iniciar sesión, por favor.' },
  FORBIDDEN: { en: 'You do not have access to this.', es: 'No tiene acceso a esto.' },
  GATEWAY_TRUST_REQUIRED: {
    en: 'The server is misconfigured. Please tell your IT team.',
    es: 'El servidor no está bien configurado. Avise al equipo de informática.',
  },
  NOT_FOUND: { en: 'We could not find that.', es: 'No lo encontramos.' },
  CONFLICT: {
    en: 'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    es: 'Esto cambió mientras tanto o choca con lo que ya existe. Revíselo y vuelva a intentarlo.',
  },
  RATE_LIMITED: {
    en: 'Too many tries in a short time. Please wait a minute and try again.',
    es: 'Demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.',
  },
  QUERY_TOO_DEEP: {
    en: 'This asks for too much at once. Narrow it down and try again.',
    es: 'Esto pide demasiado a la vez. Acótelo y vuelva a intentarlo.',
  },
  QUERY_TOO_COSTLY: {
    en: 'This asks for too much at once. Narrow it down and try again.',
    es: 'Esto pide demasiado a la vez. Acótelo y vuelva a intentarlo.',
  },
  TOO_MANY_ALIASES: {
    en: 'This asks for too much at once. Narrow it down and try again.',
    es: 'Esto pide demasiado a la vez. Acótelo y vuelva a intentarlo.',
  },
  BATCH_TOO_LARGE: {
    en: 'This asks for too much at once. Narrow it down and try again.',
    es: 'Esto pide demasiado a la vez. Acótelo y vuelva a intentarlo.',
  },
  DOCUMENT_TOO_LARGE: {
    en: 'This is too large to send. Send less at once (files up to their size limit).',
    es: 'Esto es demasiado grande para enviarlo. Envíe menos a la vez.',
  },
  GATEWAY_TIMEOUT: {
    en: 'This is taking too long. Look again before retrying: it may have been done.',
    es: 'Esto está tardando demasiado. Revise antes de reintentar: puede que ya se haya hecho.',
  },
  INVALID_CURSOR: {
    en: 'The list changed. Start again from the top.',
    es: 'La lista cambió. Vuelva a empezar desde el principio.',
  },
  FEATURE_DISABLED: {
    en: 'Your district has not turned this on.',
    es: 'Su distrito no ha activado esta función.',
  },
  UPSTREAM_UNAVAILABLE: {
    en: 'The service is busy right now. Please try again in a moment.',
    es: 'El servicio está ocupado. Vuelva a intentarlo en un momento.',
  },
  INTERNAL: {
    en: 'Something went wrong on our side. Please try again; if it persists, tell your IT team.',
    es: 'Algo salió mal de nuestro lado. Vuelva a intentarlo.',
  },
};

const FALLBACK: Record<Language, string> = {
  en: 'Something went wrong. Please try again.',
  es: 'Algo salió mal. Vuelva a intentarlo.',
};

interface ApiError {
  extensions?: { code?: unknown; reason?: unknown; details?: unknown };
}

/**
 * The first error's plain-words message, from its `extensions.code`. Refused input also says which fields
 * and why, in English: the API words its field problems for staff, so the Spanish pages keep the
 * general sentence.
 */
export function errorMessage(error: unknown, language: Language): string {
  const first = firstError(error);
  const code = errorCode(error);
  const message = (code && MESSAGES[code as ErrorCode]?.[language]) || FALLBACK[language];
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
