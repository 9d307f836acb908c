import { nextDeadline, pageRows, schoolsSeen, withFirstPage, withNextPage } from './inbox-pages';
import type { InboxRowFragment } from './operations.generated';

const row = (id: string, school?: { id: string; name: string }): InboxRowFragment =>
  ({ id, number: `HR-${id}`, school: school ?? null, sla: null }) as unknown as InboxRowFragment;
const ids = (rows: readonly InboxRowFragment[]) => rows.map((item) => item.id);

describe('merging the inbox’s pages', () => {
  it('reads a page’s rows and the cursor after it only when there are more', () => {
    const edges = [{ node: row('a') }, { node: row('b') }];
    expect(pageRows({ edges, pageInfo: { hasNextPage: true, endCursor: 'c2' } })).toEqual({
      rows: [row('a'), row('b')],
      nextCursor: 'c2',
    });
    expect(pageRows({ edges, pageInfo: { hasNextPage: false, endCursor: 'c2' } }).nextCursor).toBeNull();
  });

  it('keeps the rows loaded further down when the first page is refreshed, without those it now holds', () => {
    const shown = [row('a'), row('b'), row('c'), row('d')];
    // A new case arrived: the first page (two rows) is now x, a; b moved to the second page.
    const merged = withFirstPage(shown, [row('x'), row('a')], 2);
    expect(ids(merged.rows)).toEqual(['x', 'a', 'c', 'd']);
    expect(merged.keepCursor).toBe(true);
  });

  it('drops the further rows the first page now holds, and says when none are left', () => {
    const merged = withFirstPage([row('a'), row('b'), row('c')], [row('c'), row('a')], 2);
    expect(ids(merged.rows)).toEqual(['c', 'a']);
    expect(merged.keepCursor).toBe(false);
  });

  it('adds a further page without the rows already shown', () => {
    expect(ids(withNextPage([row('a'), row('b')], [row('b'), row('c')]))).toEqual(['a', 'b', 'c']);
  });

  it('learns the schools from the rows, by name, each once', () => {
    const lincoln = { id: 's1', name: 'Lincoln' };
    const adams = { id: 's2', name: 'Adams' };
    expect(schoolsSeen([lincoln], [row('a', adams), row('b', lincoln), row('c')])).toEqual([adams, lincoln]);
  });

  it('takes the first response’s deadline while it runs, then the resolution’s', () => {
    const firstResponse = { status: 'RUNNING', dueAt: '2026-12-07T16:00:00Z', target: 60 };
    const resolution = { status: 'RUNNING', dueAt: '2026-12-09T16:00:00Z', target: 2880 };
    const withSla = (sla: object) => ({ ...row('a'), sla }) as unknown as InboxRowFragment;
    expect(nextDeadline(withSla({ firstResponse, resolution }))).toBe(firstResponse);
    expect(nextDeadline(withSla({ firstResponse: { ...firstResponse, status: 'MET' }, resolution }))).toBe(
      resolution,
    );
    expect(nextDeadline(withSla({ firstResponse: null, resolution }))).toBe(resolution);
    expect(nextDeadline(row('a'))).toBeUndefined();
  });
});
