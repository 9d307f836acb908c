/** The parts of a Relay connection a "Show more" button needs. */
export interface ConnectionPage<Node extends { id: string }> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: readonly { node: Node }[];
}

/**
 * The rows shown so far followed by the next page's, each record once (a record can move between pages
 * while an administrator reads), with the next page's cursor and count: Apollo's `updateQuery` for
 * `fetchMore`.
 */
export function appendPage<Page extends ConnectionPage<{ id: string }>>(shown: Page, next: Page): Page {
  const known = new Set(shown.edges.map((edge) => edge.node.id));
  return {
    ...next,
    edges: [...shown.edges, ...next.edges.filter((edge) => !known.has(edge.node.id))],
  };
}
