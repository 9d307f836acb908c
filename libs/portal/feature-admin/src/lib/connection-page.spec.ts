import { appendPage, nextPageCursor } from './connection-page';

const page = (ids: string[], endCursor: string | null, totalCount = 5) => ({
  totalCount,
  pageInfo: { hasNextPage: endCursor !== null, endCursor },
  edges: ids.map((id) => ({ node: { id, name: `Person ${id}` } })),
});

describe('appending a page', () => {
  it('keeps the rows shown and adds the next page after them, with its cursor', () => {
    const merged = appendPage(page(['a', 'b'], 'c2'), page(['c', 'd'], 'c4'));
    expect(merged.edges.map((edge) => edge.node.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.pageInfo).toEqual({ hasNextPage: true, endCursor: 'c4' });
  });

  it('shows a record that moved onto the next page once, and ends when the last page comes', () => {
    const merged = appendPage(page(['a', 'b'], 'c2'), page(['b', 'e'], null, 4));
    expect(merged.edges.map((edge) => edge.node.id)).toEqual(['a', 'b', 'e']);
    expect(merged.pageInfo.hasNextPage).toBe(false);
    expect(merged.totalCount).toBe(4);
  });
});

describe('the next page', () => {
  it('starts at the end cursor while there are more pages', () => {
    expect(nextPageCursor(page(['a', 'b'], 'c2'))).toBe('c2');
  });

  it('is none once the last page is shown, or before anything is loaded', () => {
    expect(nextPageCursor(page(['a', 'b'], null))).toBeNull();
    expect(nextPageCursor(undefined)).toBeNull();
  });
});
