import { DatePipe } from '@angular/common';
import {
  afterNextRender,
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Apollo, type QueryRef } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, SessionService } from '@homeroom/portal/data-access';
import {
  revealBidiControls,
  StaffBarComponent,
  UntrustedTextComponent,
  useKeyboardShortcuts,
} from '@homeroom/portal/ui';
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
  type CaseSort,
  InboxDocument,
  InboxPageDocument,
  type InboxQuery,
  type InboxQueryVariables,
  type InboxRowFragment,
} from './operations.generated';
import { listWindow, scrollToShow } from './list-window';
import { readSlaTimer } from './sla-countdown';

/** How often the inbox asks for changes: the gateway has no subscriptions (ADR 0014). */
const REFRESH_MS = 5_000;
/** Rows per request: the API's largest page. */
const PAGE_SIZE = 100;
/** Every row is one line this tall (styles.css keeps cells to one line), so the window can be computed. */
const ROW_HEIGHT_PX = 41;
/** Rows rendered beyond each edge of the screen. */
const OVERSCAN_ROWS = 10;

/**
 * The staff inbox: the open cases of a view the person picks (mine, my teams, my schools, unassigned,
 * breaching soon, watching, all), with every view's count, narrowed by school and words, in the order they
 * choose; refreshed while open, and loading further pages as they scroll to the end.
 */
@Component({
  selector: 'hr-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, StaffBarComponent, UntrustedTextComponent],
  template: `
    <hr-staff-bar [roles]="session.roles()" (signOut)="session.leave()" />
    <main class="inbox">
      <h1>
        Inbox <span class="count" data-testid="inbox-count">{{ total() }}</span>
      </h1>
      <div class="views" role="group" aria-label="Views">
        @for (option of views; track option.id) {
          <button
            type="button"
            class="view"
            [attr.aria-pressed]="view() === option.id"
            (click)="show(option.id)"
          >
            {{ option.name }} <span class="count">{{ counts()[option.id] ?? '' }}</span>
          </button>
        }
      </div>
      <form class="filters" (submit)="$event.preventDefault(); applySearch(searchBox.value)">
        <label for="inbox-search">Search</label>
        <input
          #searchBox
          id="inbox-search"
          type="search"
          [value]="search()"
          placeholder="Case number or words"
        />
        <label for="inbox-school">School</label>
        <select id="inbox-school" (change)="chooseSchool($event)">
          <option value="" [selected]="schoolId() === ''">All my schools</option>
          @for (school of schools(); track school.id) {
            <option [value]="school.id" [selected]="schoolId() === school.id">{{ school.name }}</option>
          }
        </select>
        <label for="inbox-sort">Order</label>
        <select id="inbox-sort" (change)="chooseSort($event)">
          @for (option of sorts; track option.id) {
            <option [value]="option.id" [selected]="sort() === option.id">{{ option.name }}</option>
          }
        </select>
        <button type="submit">Search</button>
        <button type="button" (click)="saveView()">Save this view</button>
      </form>
      @if (saved().length > 0) {
        <div class="saved" role="group" aria-label="Saved views">
          @for (item of saved(); track item.name) {
            <span class="saved-view">
              <button type="button" class="view" (click)="open(item)">{{ item.name }}</button>
              <button
                type="button"
                class="remove"
                [attr.aria-label]="'Remove saved view ' + item.name"
                (click)="remove(item)"
              >
                ×
              </button>
            </span>
          }
        </div>
      }
      <p class="hint">
        Keys: <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> next and previous case · <kbd>Enter</kbd> open
      </p>
      @if (error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      @if (loading() && cases().length === 0) {
        <p aria-live="polite">Loading cases…</p>
      } @else if (cases().length === 0) {
        <p>No open cases in this view. New ones appear here as they arrive.</p>
      } @else {
        <!-- Only the rows on screen are rendered (list-window.ts); the row count tells screen readers the rest. -->
        <table #table class="inbox-table" [attr.aria-rowcount]="cases().length + 1">
          <caption class="visually-hidden">
            {{
              viewName()
            }},
            {{
              sortName()
            }}
          </caption>
          <colgroup>
            <col class="col-number" />
            <col class="col-subject" />
            <col class="col-school" />
            <col class="col-topic" />
            <col class="col-priority" />
            <col class="col-assignee" />
            <col class="col-deadline" />
            <col class="col-received" />
          </colgroup>
          <thead>
            <tr aria-rowindex="1">
              <th scope="col">Case</th>
              <th scope="col">Subject</th>
              <th scope="col">School</th>
              <th scope="col">Topic</th>
              <th scope="col">Priority</th>
              <th scope="col">Assignee</th>
              <th scope="col">Next deadline</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody #body>
            @if (window().start > 0) {
              <tr class="spacer" aria-hidden="true">
                <td colspan="8" [style.height.px]="window().start * rowHeight"></td>
              </tr>
            }
            @for (item of rows(); track item.id) {
              <tr data-testid="inbox-row" [attr.aria-rowindex]="item.index + 2" [style.height.px]="rowHeight">
                <td>
                  <a data-row-link [attr.data-index]="item.index" [routerLink]="['/cases', item.number]">{{
                    item.number
                  }}</a>
                </td>
                <td [title]="item.subjectTitle"><hr-untrusted-text [text]="item.subject" /></td>
                <td>{{ item.school }}</td>
                <td>{{ item.topic }}</td>
                <td [class]="'priority ' + item.priority.toLowerCase()">{{ item.priority }}</td>
                <td>{{ item.assignee }}</td>
                <td [class]="'sla tone-' + item.deadline.tone">{{ item.deadline.text }}</td>
                <td>{{ item.createdAt | date: 'short' }}</td>
              </tr>
            }
            @if (window().end < cases().length) {
              <tr class="spacer" aria-hidden="true">
                <td colspan="8" [style.height.px]="(cases().length - window().end) * rowHeight"></td>
              </tr>
            }
          </tbody>
        </table>
        @if (nextCursor()) {
          <button type="button" class="more" #more (click)="loadMore()" [disabled]="loadingMore()">
            {{ loadingMore() ? 'Loading…' : 'Show more cases' }}
          </button>
        }
      }
    </main>
  `,
})
export class InboxPageComponent {
  private readonly apollo = inject(Apollo);
  protected readonly session = inject(SessionService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly views = INBOX_VIEWS;
  protected readonly sorts = SORTS;
  protected readonly view = signal<InboxViewId>('everything');
  protected readonly sort = signal<CaseSort>('NEWEST');
  protected readonly schoolId = signal('');
  protected readonly search = signal('');
  protected readonly cases = signal<InboxRowFragment[]>([]);
  protected readonly total = signal(0);
  protected readonly counts = signal<Partial<Record<InboxViewId, number>>>({});
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal<SavedView[]>(readSavedViews());
  /** Schools seen on the cases listed so far: the picker offers the person's own. */
  protected readonly schools = signal<{ id: string; name: string }[]>([]);
  private readonly now = signal(Date.now());
  protected readonly viewName = computed(() => INBOX_VIEWS.find((item) => item.id === this.view())!.name);
  protected readonly sortName = computed(() => SORTS.find((item) => item.id === this.sort())!.name);
  /** What each row shows, worked out once per change rather than in the template. */
  protected readonly rowHeight = ROW_HEIGHT_PX;
  /** Where the page is scrolled to and how tall the screen is: what decides the rows rendered. */
  private readonly viewport = signal({ scrollTop: 0, height: 900, listTop: 0 });
  protected readonly window = computed(() =>
    listWindow({
      scrollTop: this.viewport().scrollTop,
      viewportHeight: this.viewport().height,
      listTop: this.viewport().listTop,
      rowHeight: ROW_HEIGHT_PX,
      total: this.cases().length,
      overscan: OVERSCAN_ROWS,
    }),
  );
  /** What each rendered row shows, worked out for the rows in the window only. */
  protected readonly rows = computed(() => {
    const { start, end } = this.window();
    return this.cases()
      .slice(start, end)
      .map((item, offset) => ({
        index: start + offset,
        id: item.id,
        number: item.number,
        subject: item.subject,
        subjectTitle: revealBidiControls(item.subject),
        school: item.school?.name ?? 'District',
        topic: item.topic?.name ?? '—',
        priority: item.priority,
        assignee: item.assignee?.displayName ?? (item.team ? `${item.team.name} (unassigned)` : 'Unassigned'),
        deadline: readSlaTimer(nextDeadline(item), this.now()),
        createdAt: item.createdAt,
      }));
  });
  private readonly table = viewChild<ElementRef<HTMLTableElement>>('table');
  private readonly body = viewChild<ElementRef<HTMLTableSectionElement>>('body');
  private readonly moreButton = viewChild<ElementRef<HTMLButtonElement>>('more');
  private readonly query: QueryRef<InboxQuery, InboxQueryVariables>;

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.query = this.apollo.watchQuery({
      query: InboxDocument,
      variables: this.variables(),
      pollInterval: REFRESH_MS,
      notifyOnNetworkStatusChange: false,
    });
    this.query.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe({
      next: (result) => {
        if (result.dataState === 'complete') this.showFirstPage(result.data as InboxQuery);
        this.loading.set(result.loading);
        this.error.set(result.error ? errorMessage(result.error, 'en') : null);
      },
      error: (error: unknown) => this.error.set(errorMessage(error, 'en')),
    });
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        this.measure();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    destroyRef.onDestroy(() => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      cancelAnimationFrame(frame);
    });
    // The list's top moves when the saved views or an error appear above it: measure after each render.
    afterRenderEffect({ read: () => this.measureIfMoved() });
    const clock = setInterval(() => this.now.set(Date.now()), 30_000);
    destroyRef.onDestroy(() => clearInterval(clock));
    // Further pages load as the end of the list scrolls into view; the button stays for keyboard users.
    const endOfList = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void this.loadMore();
    });
    destroyRef.onDestroy(() => endOfList.disconnect());
    effect((onCleanup) => {
      const button = this.moreButton()?.nativeElement;
      if (!button) return;
      endOfList.observe(button);
      onCleanup(() => endOfList.unobserve(button));
    });
    useKeyboardShortcuts([
      {
        key: '/',
        description: 'Search',
        run: () => this.host.nativeElement.querySelector<HTMLInputElement>('#inbox-search')?.focus(),
      },
      { key: 'j', description: 'Next case', run: () => this.moveFocus(1) },
      { key: 'k', description: 'Previous case', run: () => this.moveFocus(-1) },
    ]);
  }

  protected show(view: InboxViewId): void {
    this.view.set(view);
    this.sort.set(defaultSort(view));
    this.refresh();
  }

  protected applySearch(words: string): void {
    this.search.set(words.trim());
    this.refresh();
  }

  protected chooseSchool(event: Event): void {
    this.schoolId.set((event.target as HTMLSelectElement).value);
    this.refresh();
  }

  protected chooseSort(event: Event): void {
    this.sort.set((event.target as HTMLSelectElement).value as CaseSort);
    this.refresh();
  }

  protected saveView(): void {
    const school = this.schools().find((item) => item.id === this.schoolId())?.name;
    const name = [this.viewName(), school, this.search() && `“${this.search()}”`].filter(Boolean).join(' · ');
    const next = [
      ...this.saved().filter((item) => item.name !== name),
      { name, view: this.view(), sort: this.sort(), schoolId: this.schoolId(), search: this.search() },
    ];
    this.saved.set(next);
    writeSavedViews(next);
  }

  protected open(saved: SavedView): void {
    this.view.set(saved.view);
    this.sort.set(saved.sort);
    this.schoolId.set(saved.schoolId);
    this.search.set(saved.search);
    this.refresh();
  }

  protected remove(saved: SavedView): void {
    const next = this.saved().filter((item) => item.name !== saved.name);
    this.saved.set(next);
    writeSavedViews(next);
  }

  /** The next page of the same list, after the last row shown. */
  protected async loadMore(): Promise<void> {
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
      const known = new Set(this.cases().map((item) => item.id));
      this.cases.update((rows) => [
        ...rows,
        ...result.data!.cases.edges.map((edge) => edge.node).filter((item) => !known.has(item.id)),
      ]);
      this.nextCursor.set(
        result.data.cases.pageInfo.hasNextPage ? result.data.cases.pageInfo.endCursor : null,
      );
    } catch (error) {
      this.error.set(errorMessage(error, 'en'));
    } finally {
      this.loadingMore.set(false);
    }
  }

  /**
   * A refresh brings the first page anew; pages loaded further down stay (without the rows the first
   * page now holds), so scrolling is not lost every five seconds.
   */
  private showFirstPage(data: InboxQuery): void {
    const first = data.cases.edges.map((edge) => edge.node);
    const onFirst = new Set(first.map((item) => item.id));
    const further = this.cases()
      .slice(PAGE_SIZE)
      .filter((item) => !onFirst.has(item.id));
    this.cases.set([...first, ...further]);
    if (further.length === 0)
      this.nextCursor.set(data.cases.pageInfo.hasNextPage ? data.cases.pageInfo.endCursor : null);
    this.total.set(data.cases.totalCount);
    this.counts.set({
      mine: data.mine.totalCount,
      myTeams: data.myTeams.totalCount,
      mySchools: data.mySchools.totalCount,
      unassigned: data.unassigned.totalCount,
      breachingSoon: data.breachingSoon.totalCount,
      watching: data.watching.totalCount,
      everything: data.everything.totalCount,
    });
    const known = new Map(this.schools().map((school) => [school.id, school]));
    for (const item of first) if (item.school) known.set(item.school.id, item.school);
    this.schools.set([...known.values()].sort((a, b) => a.name.localeCompare(b.name)));
  }

  /** A new view, order or narrowing starts again at the first page. */
  private refresh(): void {
    this.cases.set([]);
    this.nextCursor.set(null);
    this.loading.set(true);
    void this.query.refetch(this.variables());
  }

  private variables(): InboxQueryVariables {
    const narrowing = { schoolId: this.schoolId(), search: this.search() };
    return {
      ...countFilters(narrowing, this.session.personId()),
      filter: viewFilter(this.view(), narrowing, this.session.personId()),
      sort: this.sort(),
      first: PAGE_SIZE,
    };
  }

  private moveFocus(step: number): void {
    const total = this.cases().length;
    if (total === 0) return;
    const focused = (document.activeElement as HTMLElement | null)?.getAttribute('data-index');
    const index =
      focused === null || focused === undefined
        ? step > 0
          ? this.window().start
          : Math.max(0, this.window().end - 1)
        : Math.min(total - 1, Math.max(0, Number(focused) + step));
    const target = scrollToShow(index, {
      scrollTop: window.scrollY,
      viewportHeight: window.innerHeight,
      listTop: this.viewport().listTop,
      rowHeight: ROW_HEIGHT_PX,
    });
    if (target !== null) {
      window.scrollTo({ top: target });
      this.measure();
    }
    // The row may only be rendered after the scroll: focus it once it is.
    afterNextRender(
      () => this.table()?.nativeElement.querySelector<HTMLElement>(`a[data-index="${index}"]`)?.focus(),
      { injector: this.injector },
    );
  }

  private measureIfMoved(): void {
    const body = this.body()?.nativeElement;
    const listTop = body ? body.getBoundingClientRect().top + window.scrollY : 0;
    const current = this.viewport();
    if (listTop !== current.listTop || window.innerHeight !== current.height) this.measure();
  }

  /** Reads the scroll position, the screen's height and where the list starts; at most once a frame. */
  private measure(): void {
    const body = this.body()?.nativeElement;
    this.viewport.set({
      scrollTop: window.scrollY,
      height: window.innerHeight,
      listTop: body ? body.getBoundingClientRect().top + window.scrollY : 0,
    });
  }
}

/** The deadline that matters now: the first response while it runs, then the resolution. */
function nextDeadline(item: InboxRowFragment) {
  const firstResponse = item.sla?.firstResponse;
  if (firstResponse && firstResponse.status !== 'MET') return firstResponse;
  return item.sla?.resolution ?? firstResponse;
}
