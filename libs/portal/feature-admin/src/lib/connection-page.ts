/** The parts of a Relay connection a "Show more" button needs. */
export interface ConnectionPage<Node extends { id: string }> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: readonly { node: Node }[];
}

/** Where the next page starts; null when the last page is shown, or nothing is loaded yet. */
export function nextPageCursor(
  connection: Pick<ConnectionPage<{ id: string }>, 'pageInfo'> | undefined,
): string | null {
  return connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
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
