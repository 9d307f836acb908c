import type { AdminApiClientsQuery } from '../operations.generated';

type ApiClient = AdminApiClientsQuery['apiClients'][number];

/**
 * The scopes createApiClient accepts (docs/api/README.md, "Get a token"), in that order, with what each
 * lets a vendor do.
 */
export const API_SCOPES: readonly { scope: string; what: string }[] = [
  { scope: 'directory:read', what: 'read schools, people, households, teams and departments' },
  { scope: 'directory:write', what: 'change them (create and update people, schools, teams)' },
  { scope: 'cases:read', what: 'read cases and their messages' },
  { scope: 'cases:write', what: 'open, answer, assign and update cases' },
  { scope: 'cases:internal-notes:read', what: 'also read internal notes, written for staff only' },
  { scope: 'slas:read', what: 'read SLA calendars, policies and timers' },
  { scope: 'slas:write', what: 'change SLA calendars and policies' },
  { scope: 'surveys:read', what: 'read surveys and their results' },
  { scope: 'surveys:write', what: 'create, change and send surveys' },
];

export type NewClientResult =
  { name: string; scopes: string[]; problems?: never } | { name?: never; scopes?: never; problems: string[] };

/**
 * The new client's name, trimmed, and its scopes in the documented order (only known ones); or what is
 * missing, before anything is sent.
 */
export function newClient(name: string, chosen: readonly string[]): NewClientResult {
  const problems: string[] = [];
  const trimmed = name.trim();
  if (!trimmed) problems.push('Enter a name that says which vendor or system uses the client.');
  const scopes = API_SCOPES.map((option) => option.scope).filter((scope) => chosen.includes(scope));
  if (scopes.length === 0) problems.push('Choose at least one scope.');
  return problems.length ? { problems } : { name: trimmed, scopes };
}

/** "directory read and write; cases read": a client's scopes, short, grouped by service. */
export function describeScopes(scopes: readonly string[]): string {
  if (scopes.length === 0) return 'None';
  const byService = new Map<string, string[]>();
  for (const scope of scopes) {
    const [service, access] = scope.includes(':') ? scope.split(':', 2) : [scope, ''];
    byService.set(service!, [...(byService.get(service!) ?? []), ...(access ? [access] : [])]);
  }
  return [...byService]
    .map(([service, accesses]) => (accesses.length ? `${service} ${accesses.join(' and ')}` : service))
    .join('; ');
}

/** "Revoked", or "Active" with when its secret last changed: whether a vendor can still get tokens. */
export function clientStatus(client: Pick<ApiClient, 'revokedAt' | 'secretRotatedAt'>): string {
  if (client.revokedAt) return `Revoked ${shortDate(client.revokedAt)}`;
  return client.secretRotatedAt ? `Active (new secret ${shortDate(client.secretRotatedAt)})` : 'Active';
}

/** "Mar 10, 2026" in this browser's time. */
export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
}

/** "Mar 10, 2026, 2:05 PM" in this browser's time, when the client last got a token; "Never" before. */
export function lastUsedText(lastUsedAt: string | null): string {
  return lastUsedAt
    ? new Date(lastUsedAt).toLocaleString('en-US', {
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      })
    : 'Never';
}

/** What an administrator may do to an active client: give it a new secret, or revoke it. */
export type ClientAction = 'rotate' | 'revoke';

/** "Give Bus tracker a new secret", "Revoke Bus tracker": the action on a client, for its buttons. */
export function clientActionName(action: ClientAction, clientName: string): string {
  return action === 'rotate' ? `Give ${clientName} a new secret` : `Revoke ${clientName}`;
}
