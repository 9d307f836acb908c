import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Apollo, type QueryRef } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, SessionService } from '@homeroom/portal/data-access';
import {
  countFilters,
  defaultSort,
  INBOX_VIEWS,
  type InboxViewId,
  readSavedViews,
  type SavedView,
  SORTS,
  viewFilter,
  writeSavedViews,
} from './inbox-views';
import {
  pageRows,
  type SchoolChoice,
  schoolsSeen,
  viewCounts,
  withFirstPage,
  withNextPage,
} from './inbox-pages';
import {
  type CaseSort,
  InboxCountsDocument,
  type InboxCountsQuery,
  type InboxCountsQueryVariables,
  InboxDocument,
  InboxPageDocument,
  type InboxQuery,
  type InboxQueryVariables,
  type InboxRowFragment,
} from './operations.generated';

/** How often the inbox asks for changes: the gateway has no subscriptions (ADR 0014). */
const REFRESH_MS = 5_000;
/**
 * How often the other views' badges are counted again. Seven counts over a school's or the district's
 * cases were most of an inbox poll's cost, and 300 open inboxes polling every 5 s were most of a
 * district's load (docs/benchmarks/district-scale.md); the view on screen keeps its count fresh with its
 * list, and a change of narrowing counts every view at once.
 */
export const COUNTS_REFRESH_MS = 30_000;
/** Rows per request: the API's largest page. */
const PAGE_SIZE = 100;

/**
 * What the inbox lists and how: the view, order and narrowing the person chose, the cases loaded so far
 * (the first page refreshed every few seconds, further pages kept as they scroll), every view's count,
 * and the person's saved views. Provided by the inbox page, so it lives as long as the page.
 */
@Injectable()
export class InboxStore {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(SessionService);

  readonly view = signal<InboxViewId>('everything');
  readonly sort = signal<CaseSort>('NEWEST');
  readonly schoolId = signal('');
  readonly search = signal('');
  readonly cases = signal<InboxRowFragment[]>([]);
  readonly total = signal(0);
  readonly counts = signal<Partial<Record<InboxViewId, number>>>({});
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(true);
  readonly loadingMore = signal(false);
  readonly error = signal<string | null>(null);
  readonly saved = signal<SavedView[]>(readSavedViews());
  /** Schools seen on the cases listed so far: the picker offers the person's own. */
  readonly schools = signal<SchoolChoice[]>([]);
  readonly viewName = computed(() => INBOX_VIEWS.find((item) => item.id === this.view())!.name);
  readonly sortName = computed(() => SORTS.find((item) => item.id === this.sort())!.name);

  private readonly query: QueryRef<InboxQuery, InboxQueryVariables>;
  private readonly countsQuery: QueryRef<InboxCountsQuery, InboxCountsQueryVariables>;

  constructor() {
    const destroyed = inject(DestroyRef);
    this.query = this.apollo.watchQuery({
      query: InboxDocument,
      variables: this.variables(),
      pollInterval: REFRESH_MS,
      notifyOnNetworkStatusChange: false,
    });
    this.query.valueChanges.pipe(takeUntilDestroyed(destroyed)).subscribe({
      next: (result) => {
        if (result.dataState === 'complete') this.showFirstPage(result.data as InboxQuery);
        this.loading.set(result.loading);
        this.error.set(result.error ? errorMessage(result.error, 'en') : null);
      },
      error: (error: unknown) => this.error.set(errorMessage(error, 'en')),
    });
    this.countsQuery = this.apollo.watchQuery({
      query: InboxCountsDocument,
      variables: this.countVariables(),
      pollInterval: COUNTS_REFRESH_MS,
      notifyOnNetworkStatusChange: false,
    });
    // A count that fails leaves the badges as they were: the list's own error says what went wrong.
    this.countsQuery.valueChanges.pipe(takeUntilDestroyed(destroyed)).subscribe({
      next: (result) => {
        // The view on screen is counted again with its list, every few seconds (showFirstPage).
        if (result.dataState === 'complete') this.counts.set(viewCounts(result.data as InboxCountsQuery));
      },
      error: () => undefined,
    });
  }

  show(view: InboxViewId): void {
    this.view.set(view);
    this.sort.set(defaultSort(view));
    this.refresh();
  }

  applySearch(words: string): void {
    this.search.set(words.trim());
    this.refresh();
  }

  chooseSchool(schoolId: string): void {
    this.schoolId.set(schoolId);
    this.refresh();
  }

  chooseSort(sort: CaseSort): void {
    this.sort.set(sort);
    this.refresh();
  }

  /** Saves what is shown now under a name made of it ("My schools · Lincoln · “bus”"), replacing a namesake. */
  saveView(): void {
    const school = this.schools().find((item) => item.id === this.schoolId())?.name;
    const name = [this.viewName(), school, this.search() && `“${this.search()}”`].filter(Boolean).join(' · ');
    this.keepSaved([
      ...this.saved().filter((item) => item.name !== name),
      { name, view: this.view(), sort: this.sort(), schoolId: this.schoolId(), search: this.search() },
    ]);
  }

  open(saved: SavedView): void {
    this.view.set(saved.view);
    this.sort.set(saved.sort);
    this.schoolId.set(saved.schoolId);
    this.search.set(saved.search);
    this.refresh();
  }

  remove(saved: SavedView): void {
    this.keepSaved(this.saved().filter((item) => item.name !== saved.name));
  }

  /** The next page of the same list, after the last row shown. */
  async loadMore(): Promise<void> {
    const after = this.nextCursor();
    if (!after || this.loadingMore()) return;
    this.loadingMore.set(true);
    try {
      const { filter, sort } = this.variables();
      const result = await firstValueFrom(
        this.apollo.query({
          query: InboxPageDocument,
          variables: { filter, sort, first: PAGE_SIZE, after },
          fetchPolicy: 'network-only',
        }),
      );
      if (!result.data) return;
      const page = pageRows(result.data.cases);
      this.cases.update((shown) => withNextPage(shown, page.rows));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(errorMessage(error, 'en'));
    } finally {
      this.loadingMore.set(false);
    }
  }

  private showFirstPage(data: InboxQuery): void {
    const first = pageRows(data.cases);
    const merged = withFirstPage(this.cases(), first.rows, PAGE_SIZE);
    this.cases.set(merged.rows);
    if (!merged.keepCursor) this.nextCursor.set(first.nextCursor);
    this.total.set(data.cases.totalCount);
    this.counts.update((counts) => ({ ...counts, [this.view()]: data.cases.totalCount }));
    this.schools.update((known) => schoolsSeen(known, first.rows));
  }

  /** A new view, order or narrowing starts again at the first page; a new narrowing counts every view anew. */
  private refresh(): void {
    this.cases.set([]);
    this.nextCursor.set(null);
    this.loading.set(true);
    void this.query.refetch(this.variables());
    const counted = this.countsQuery.variables;
    const wanted = this.countVariables();
    if (JSON.stringify(counted) !== JSON.stringify(wanted)) void this.countsQuery.refetch(wanted);
  }

  private keepSaved(views: SavedView[]): void {
    this.saved.set(views);
    writeSavedViews(views);
  }

  private variables(): InboxQueryVariables {
    return {
      filter: viewFilter(this.view(), this.narrowing(), this.session.personId()),
      sort: this.sort(),
      first: PAGE_SIZE,
    };
  }

  private countVariables(): InboxCountsQueryVariables {
    return countFilters(this.narrowing(), this.session.personId());
  }

  private narrowing() {
    return { schoolId: this.schoolId(), search: this.search() };
  }
}
