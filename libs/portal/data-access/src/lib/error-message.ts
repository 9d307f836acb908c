import type { Language } from './language.service';

/** The API's error codes (docs/api/errors.md) in plain words, for people, in their language. */
const MESSAGES: Record<string, Record<Language, string>> = {
  BAD_USER_INPUT: { en: 'Please check what you entered.', es: 'Revise lo que escribió, por favor.' },
  UNAUTHENTICATED: { en: 'Please sign in again.', es: 'Vuelva a iniciar sesión, por favor.' },
  FORBIDDEN: { en: 'You do not have access to this.', es: 'No tiene acceso a esto.' },
  NOT_FOUND: { en: 'We could not find that.', es: 'No lo encontramos.' },
  RATE_LIMITED: {
    en: 'Too many tries in a short time. Please wait a minute and try again.',
    es: 'Demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.',
  },
  UPSTREAM_UNAVAILABLE: {
    en: 'The service is busy right now. Please try again in a moment.',
    es: 'El servicio está ocupado. Vuelva a intentarlo en un momento.',
  },
  GATEWAY_TIMEOUT: {
    en: 'This is taking too long. Please try again.',
    es: 'Esto está tardando demasiado. Vuelva a intentarlo.',
  },
};

const FALLBACK: Record<Language, string> = {
  en: 'Something went wrong. Please try again.',
  es: 'Algo salió mal. Vuelva a intentarlo.',
};

/** The first error's plain-words message, from its `extensions.code`. */
export function errorMessage(error: unknown, language: Language): string {
  const code = errorCode(error);
  return (code && MESSAGES[code]?.[language]) || FALLBACK[language];
}

function errorCode(error: unknown): string | undefined {
  const candidate = error as {
    errors?: { extensions?: { code?: unknown } }[];
    graphQLErrors?: { extensions?: { code?: unknown } }[];
  } | null;
  const code = (candidate?.errors ?? candidate?.graphQLErrors)?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
