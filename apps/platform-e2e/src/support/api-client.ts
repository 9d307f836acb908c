// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read GraphQL results field by field
export type Json = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Json;
}

/** Calls the public GraphQL endpoint as a portal, a vendor or a family's browser would. */
export function apiClient(origin: string) {
  return async (
    query: string,
    variables: Record<string, unknown> = {},
    { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
}

/** The sum of `gateway_subgraph_requests_total` over every subgraph, from the gateway's metrics. */
export function subgraphCallsIn(metrics: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('gateway_subgraph_requests_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}
