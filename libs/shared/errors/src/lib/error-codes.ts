/**
 * Every `extensions.code` the API can return. Vendors and the portal switch on these strings, so they are
 * a contract: add freely, never rename or remove without a deprecation.
 */
export const ERROR_CODES = {
  /** The input is malformed or breaks a rule (a field-level `details` list says which). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The GraphQL document itself is invalid for the schema. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** No principal, or the principal could not be verified. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The principal is known but may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** A subgraph was called without the gateway's signed principal. */
  GATEWAY_TRUST_REQUIRED: 'GATEWAY_TRUST_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  /** The change conflicts with the current state (a stale version, a duplicate). */
  CONFLICT: 'CONFLICT',
  /** Too many requests; retry after the time the response names. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The operation nests fields deeper than the gateway allows (`extensions.limit`, `.actual`). */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** The operation's estimated cost (field weights × list sizes) is over the gateway's limit. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** The operation uses more aliases than the gateway allows. */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** More operations in one batched HTTP request than the gateway allows. */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** The GraphQL document (or the whole request body) is larger than the gateway accepts. */
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  /** The request took longer than the gateway waits; it may still have taken effect, so re-read first. */
  GATEWAY_TIMEOUT: 'GATEWAY_TIMEOUT',
  /** A pagination cursor that this API did not issue or that no longer applies. */
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** An optional feature this deployment has not turned on (the reason names which). */
  FEATURE_DISABLED: 'FEATURE_DISABLED',
  /** A service this one relies on failed, timed out or answered nonsense; retrying later may work. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** Something unexpected; details are logged with the correlation id, never sent to the client. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.values<string>(ERROR_CODES).includes(value);
}

/**
 * Codes graphql-js and Apollo give a request that fails before it runs (it does not parse, does not
 * validate, names no operation); they reach clients unchanged beside ours.
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
