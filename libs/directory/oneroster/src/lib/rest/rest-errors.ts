import { DomainException, ERROR_CODES, type ErrorCode } from '@homeroom/shared/errors';
import { IMPORT_REASONS } from '../import-report';

/**
 * A SIS's OneRoster REST API could not be read. `endpoint` says which request, as an administrator would
 * try it (`GET https://sis.example.org/…/users`); `status` is the HTTP status when there was one. Messages
 * never carry the client secret nor a token.
 */
export class OneRosterRestException extends DomainException {
  constructor(
    code: ErrorCode,
    reason: string,
    message: string,
    readonly endpoint: string,
    readonly status: number | null = null,
  ) {
    super(code, message, reason, [{ path: endpoint, message }]);
  }
}

/**
 * The SIS refused the client credentials (or the scope), or a fresh token: the connection's settings are
 * wrong, which an administrator fixes; retrying does not help, so it is bad input, not an outage.
 */
export function sisUnauthorized(endpoint: string, status: number | null, message: string) {
  return new OneRosterRestException(
    ERROR_CODES.BAD_USER_INPUT,
    IMPORT_REASONS.sisUnauthorized,
    message,
    endpoint,
    status,
  );
}

/** A 4xx other than 401 and 429: the request itself is wrong for this SIS (base URL, filter support). */
export function sisRequestRefused(endpoint: string, status: number, message: string) {
  return new OneRosterRestException(
    ERROR_CODES.BAD_USER_INPUT,
    IMPORT_REASONS.sisRequestRefused,
    message,
    endpoint,
    status,
  );
}

export function sisUnavailable(endpoint: string, status: number | null, message: string) {
  return new OneRosterRestException(
    ERROR_CODES.UPSTREAM_UNAVAILABLE,
    IMPORT_REASONS.sisUnavailable,
    message,
    endpoint,
    status,
  );
}

export function sisMalformedResponse(endpoint: string, status: number | null, message: string) {
  return new OneRosterRestException(
    ERROR_CODES.UPSTREAM_UNAVAILABLE,
    IMPORT_REASONS.sisMalformedResponse,
    message,
    endpoint,
    status,
  );
}
