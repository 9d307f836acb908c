/** What a vendor's API client may be granted; `<service>:read` and `<service>:write` per service. */
export const API_SCOPES = [
  'directory:read',
  'directory:write',
  'cases:read',
  'cases:write',
  'slas:read',
  'slas:write',
  'surveys:read',
  'surveys:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
