import type { CaseFilter, CaseSort, CaseStatus } from './operations.generated';

/** The inbox's views, each a filter over the open cases the person may see. */
export const INBOX_VIEWS = [
  { id: 'mine', name: 'Mine', filter: { assignedToMe: true } },
  { id: 'myTeams', name: 'My teams', filter: { myTeams: true } },
  { id: 'mySchools', name: 'My schools', filter: { mySchools: true } },
  { id: 'unassigned', name: 'Unassigned', filter: { unassigned: true } },
  { id: 'breachingSoon', name: 'Breaching soon', filter: { slaAtRisk: true }, sort: 'SLA_DUE' },
  { id: 'watching', name: 'Watching', filter: { watchedByMe: true } },
  { id: 'everything', name: 'All open', filter: {} },
] as const satisfies readonly InboxViewDefinition[];

interface InboxViewDefinition {
  id: string;
  name: string;
  filter: Omit<CaseFilter, 'assigneeId'> & { assignedToMe?: true };
  /** The order the view opens in; the person may pick another. */
  sort?: CaseSort;
}

export type InboxViewId = (typeof INBOX_VIEWS)[number]['id'];

export const SORTS: readonly { id: CaseSort; name: string }[] = [
  { id: 'NEWEST', name: 'Newest first' },
  { id: 'OLDEST', name: 'Oldest first' },
  { id: 'PRIORITY', name: 'Most urgent first' },
  { id: 'SLA_DUE', name: 'Nearest SLA deadline' },
  { id: 'RECENTLY_UPDATED', name: 'Recently updated' },
];

export const OPEN_STATUSES: CaseStatus[] = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'];

/** What narrows every view alike: a school, words or a case number. */
export interface InboxNarrowing {
  schoolId: string;
  search: string;
}

/** A view's filter with the narrowing applied; "mine" is the signed-in person's id. */
export function viewFilter(view: InboxViewId, narrowing: InboxNarrowing, personId: string): CaseFilter {
  const { assignedToMe, ...filter }: InboxViewDefinition['filter'] = INBOX_VIEWS.find(
    (candidate) => candidate.id === view,
  )!.filter;
  return {
    status: OPEN_STATUSES,
    ...filter,
    ...(assignedToMe ? { assigneeId: personId } : {}),
    ...(narrowing.schoolId ? { schoolId: narrowing.schoolId } : {}),
    ...(narrowing.search.trim() ? { search: narrowing.search.trim() } : {}),
  };
}

/** Every view's filter, for the counts shown beside their names. */
export function countFilters(narrowing: InboxNarrowing, personId: string): Record<InboxViewId, CaseFilter> {
  return Object.fromEntries(
    INBOX_VIEWS.map((view) => [view.id, viewFilter(view.id, narrowing, personId)]),
  ) as Record<InboxViewId, CaseFilter>;
}

export function defaultSort(view: InboxViewId): CaseSort {
  const definition: InboxViewDefinition = INBOX_VIEWS.find((candidate) => candidate.id === view)!;
  return definition.sort ?? 'NEWEST';
}

/** A view the person saved: which list, in which order, narrowed how. Kept in this browser. */
export interface SavedView extends InboxNarrowing {
  name: string;
  view: InboxViewId;
  sort: CaseSort;
}

const SAVED_VIEWS_KEY = 'homeroom.saved-views';

export function readSavedViews(storage: Storage = localStorage): SavedView[] {
  try {
    const stored = JSON.parse(storage.getItem(SAVED_VIEWS_KEY) ?? '[]') as unknown;
    if (!Array.isArray(stored)) return [];
    // Views saved before a view or order was renamed fall back to the defaults rather than break the page.
    return stored
      .filter((item): item is SavedView => typeof item?.name === 'string')
      .map((item) => ({
        ...item,
        view: INBOX_VIEWS.some((view) => view.id === item.view) ? item.view : 'everything',
        sort: SORTS.some((sort) => sort.id === item.sort) ? item.sort : 'NEWEST',
        schoolId: item.schoolId ?? '',
        search: item.search ?? '',
      }));
  } catch {
    return [];
  }
}

export function writeSavedViews(views: readonly SavedView[], storage: Storage = localStorage): void {
  storage.setItem(SAVED_VIEWS_KEY, JSON.stringify(views));
}
