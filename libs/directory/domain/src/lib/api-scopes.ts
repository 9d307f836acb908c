/**
 * What a vendor's API client may be granted: `<service>:read` and `<service>:write` per service, and one
 * narrower scope for what staff alone see by default (docs/security.md).
 */
export const API_SCOPES = [
  'directory:read',
  'directory:write',
  'cases:read',
  'cases:write',
  // Internal notes are written for staff; a district grants this only to an integration it trusts with them.
  'cases:internal-notes:read',
  'slas:read',
  'slas:write',
  'surveys:read',
  'surveys:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
