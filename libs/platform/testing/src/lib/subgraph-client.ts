import { ANONYMOUS, signPrincipal, type Principal } from '@homeroom/platform/auth';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests check GraphQL results field by field
export type GraphQLResult = { data?: any; errors?: any[] };

/**
 * Calls a subgraph as the gateway would: the principal signed with the shared trust secret. Tests use it
 * to act as any staff member, vendor or anonymous family.
 */
export function subgraphClient(url: string, secret: string) {
  return async (
    query: string,
    variables: Record<string, unknown> = {},
    principal: Principal = ANONYMOUS,
  ): Promise<GraphQLResult> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(principal, secret) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult;
  };
}
