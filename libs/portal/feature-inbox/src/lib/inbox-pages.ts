import type { InboxViewId } from './inbox-views';
import type { InboxCountsQuery, InboxQuery, InboxRowFragment } from './operations.generated';

/** A page of the case list as the API gives it. */
type CasePage = InboxQuery['cases'];

/** The rows of a page, and the cursor after it when there are more. */
export function pageRows(page: Pick<CasePage, 'edges' | 'pageInfo'>): {
  rows: InboxRowFragment[];
  nextCursor: string | null;
} {
  return {
    rows: page.edges.map((edge) => edge.node),
    nextCursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
  };
}

/**
 * The list after a refresh brought the first page anew: the first page's rows, then the rows loaded
 * further down that the first page does not now hold, so a refresh every few seconds keeps the reader's
 * place. `keepCursor` is true when such rows remain (the cursor after them still holds).
 */
export function withFirstPage(
  shown: readonly InboxRowFragment[],
  first: readonly InboxRowFragment[],
  pageSize: number,
): { rows: InboxRowFragment[]; keepCursor: boolean } {
  const onFirst = new Set(first.map((row) => row.id));
  const further = shown.slice(pageSize).filter((row) => !onFirst.has(row.id));
  return { rows: [...first, ...further], keepCursor: further.length > 0 };
}

/** The list with a further page after it, without the rows already shown (a case that moved up meanwhile). */
export function withNextPage(
  shown: readonly InboxRowFragment[],
  next: readonly InboxRowFragment[],
): InboxRowFragment[] {
  const known = new Set(shown.map((row) => row.id));
  return [...shown, ...next.filter((row) => !known.has(row.id))];
}

/** Every view's count, from the inbox's counts query. */
export function viewCounts(data: InboxCountsQuery): Record<InboxViewId, number> {
  return {
    mine: data.mine.totalCount,
    myTeams: data.myTeams.totalCount,
    mySchools: data.mySchools.totalCount,
    unassigned: data.unassigned.totalCount,
    breachingSoon: data.breachingSoon.totalCount,
    watching: data.watching.totalCount,
    everything: data.everything.totalCount,
  };
}

export interface SchoolChoice {
  id: string;
  name: string;
}

/**
 * The schools the school picker offers: those already known and those of the rows just listed, by name.
 * The inbox learns the person's schools from their cases rather than asking for them separately.
 */
export function schoolsSeen(
  known: readonly SchoolChoice[],
  rows: readonly InboxRowFragment[],
): SchoolChoice[] {
  const byId = new Map(known.map((school) => [school.id, school]));
  for (const row of rows)
    if (row.school) byId.set(row.school.id, { id: row.school.id, name: row.school.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The deadline that matters now: the first response while it runs, then the resolution. */
export function nextDeadline(row: InboxRowFragment) {
  const firstResponse = row.sla?.firstResponse;
  if (firstResponse && firstResponse.status !== 'MET') return firstResponse;
  return row.sla?.resolution ?? firstResponse;
}
