import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService, StaffPresenceService } from '@homeroom/portal/data-access';
import {
  InViewDirective,
  injectClock,
  ListWindowDirective,
  revealBidiControls,
  StaffBarComponent,
  UntrustedTextComponent,
  useKeyboardShortcuts,
} from '@homeroom/portal/ui';
import { BulkActionsComponent } from './bulk-actions.component';
import { nextDeadline } from './inbox-pages';
import { INBOX_VIEWS, SORTS } from './inbox-views';
import { InboxStore } from './inbox-store';
import type { CaseSort } from './operations.generated';
import { readSlaTimer } from './sla-countdown';

/** Every row is one line this tall (styles.css keeps cells to one line), so the window can be computed. */
const ROW_HEIGHT_PX = 41;
/** How often the deadlines' countdowns move. */
const CLOCK_MS = 30_000;

/**
 * The staff inbox: the open cases of a view the person picks (mine, my teams, my schools, unassigned,
 * breaching soon, watching, all), with every view's count, narrowed by school and words, in the order they
 * choose; refreshed while open, and loading further pages as they scroll to the end.
 */
@Component({
  selector: 'hr-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BulkActionsComponent,
    DatePipe,
    RouterLink,
    InViewDirective,
    ListWindowDirective,
    StaffBarComponent,
    UntrustedTextComponent,
  ],
  providers: [InboxStore],
  template: `
    <hr-staff-bar
      [roles]="session.roles()"
      [presence]="presence.view()"
      (presenceChange)="presence.choose($event)"
      (signOut)="session.leave()"
    />
    <main class="inbox">
      <h1>
        Inbox <span class="count" data-testid="inbox-count">{{ store.total() }}</span>
      </h1>
      <div class="views" role="group" aria-label="Views">
        @for (option of views; track option.id) {
          <button
            type="button"
            class="view"
            [attr.aria-pressed]="store.view() === option.id"
            (click)="store.show(option.id)"
          >
            {{ option.name }} <span class="count">{{ store.counts()[option.id] ?? '' }}</span>
          </button>
        }
      </div>
      <form class="filters" (submit)="$event.preventDefault(); store.applySearch(searchBox.value)">
        <label for="inbox-search">Search</label>
        <input
          #searchBox
          id="inbox-search"
          type="search"
          [value]="store.search()"
          placeholder="Case number or words"
        />
        <label for="inbox-school">School</label>
        <select id="inbox-school" (change)="store.chooseSchool(schoolPicker.value)" #schoolPicker>
          <option value="" [selected]="store.schoolId() === ''">All my schools</option>
          @for (school of store.schools(); track school.id) {
            <option [value]="school.id" [selected]="store.schoolId() === school.id">{{ school.name }}</option>
          }
        </select>
        <label for="inbox-sort">Order</label>
        <select id="inbox-sort" (change)="chooseSort(sortPicker.value)" #sortPicker>
          @for (option of sorts; track option.id) {
            <option [value]="option.id" [selected]="store.sort() === option.id">{{ option.name }}</option>
          }
        </select>
        <button type="submit">Search</button>
        <button type="button" (click)="store.saveView()">Save this view</button>
      </form>
      @if (store.saved().length > 0) {
        <div class="saved" role="group" aria-label="Saved views">
          @for (item of store.saved(); track item.name) {
            <span class="saved-view">
              <button type="button" class="view" (click)="store.open(item)">{{ item.name }}</button>
              <button
                type="button"
                class="remove"
                [attr.aria-label]="'Remove saved view ' + item.name"
                (click)="store.remove(item)"
              >
                ×
              </button>
            </span>
          }
        </div>
      }
      <p class="hint">
        Keys: <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> next and previous case · <kbd>x</kbd> select it
        · <kbd>Enter</kbd> open
      </p>
      @if (selectedCases().length) {
        <hr-bulk-actions [selected]="selectedCases()" (cleared)="selection.set([])" />
      }
      @if (store.error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      @if (store.loading() && store.cases().length === 0) {
        <p aria-live="polite">Loading cases…</p>
      } @else if (store.cases().length === 0) {
        <p>No open cases in this view. New ones appear here as they arrive.</p>
      } @else {
        <!-- Only the rows on screen are rendered (hrListWindow); the row count tells screen readers the rest. -->
        <table class="inbox-table" [attr.aria-rowcount]="store.cases().length + 1">
          <caption class="visually-hidden">
            {{
              store.viewName()
            }},
            {{
              store.sortName()
            }}
          </caption>
          <colgroup>
            <col class="col-select" />
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
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every case listed"
                  [checked]="allSelected()"
                  (change)="selectAll($any($event.target).checked)"
                />
              </th>
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
          <tbody hrListWindow #list="hrListWindow" [rowCount]="store.cases().length" [rowHeight]="rowHeight">
            @if (list.window().start > 0) {
              <tr class="spacer" aria-hidden="true">
                <td colspan="9" [style.height.px]="list.window().start * rowHeight"></td>
              </tr>
            }
            @for (item of rows(); track item.id) {
              <tr data-testid="inbox-row" [attr.aria-rowindex]="item.index + 2" [style.height.px]="rowHeight">
                <td>
                  <input
                    type="checkbox"
                    [attr.aria-label]="'Select case ' + item.number"
                    [checked]="item.selected"
                    (change)="toggle(item.id)"
                  />
                </td>
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
            @if (list.window().end < store.cases().length) {
              <tr class="spacer" aria-hidden="true">
                <td
                  colspan="9"
                  [style.height.px]="(store.cases().length - list.window().end) * rowHeight"
                ></td>
              </tr>
            }
          </tbody>
        </table>
        @if (store.nextCursor()) {
          <button
            type="button"
            class="more"
            (hrInView)="store.loadMore()"
            (click)="store.loadMore()"
            [disabled]="store.loadingMore()"
          >
            {{ store.loadingMore() ? 'Loading…' : 'Show more cases' }}
          </button>
        }
      }
    </main>
  `,
})
export class InboxPageComponent {
  protected readonly store = inject(InboxStore);
  protected readonly session = inject(SessionService);
  protected readonly presence = inject(StaffPresenceService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly views = INBOX_VIEWS;
  protected readonly sorts = SORTS;
  protected readonly rowHeight = ROW_HEIGHT_PX;
  private readonly now = injectClock(CLOCK_MS);
  private readonly list = viewChild(ListWindowDirective);
  /** The ids of the cases chosen for a bulk action, in the order chosen. */
  protected readonly selection = signal<readonly string[]>([]);
  /** The chosen cases still listed (one that left the view is no longer offered). */
  protected readonly selectedCases = computed(() => {
    const listed = new Map(this.store.cases().map((item) => [item.id, item.number]));
    return this.selection()
      .filter((id) => listed.has(id))
      .map((id) => ({ id, number: listed.get(id)! }));
  });
  protected readonly allSelected = computed(
    () => this.store.cases().length > 0 && this.selectedCases().length === this.store.cases().length,
  );
  /** What each rendered row shows, worked out for the rows in the window only. */
  protected readonly rows = computed(() => {
    const { start, end } = this.list()?.window() ?? { start: 0, end: 0 };
    return this.store
      .cases()
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
        selected: this.selection().includes(item.id),
      }));
  });

  constructor() {
    useKeyboardShortcuts([
      {
        key: '/',
        description: 'Search',
        run: () => this.host.nativeElement.querySelector<HTMLInputElement>('#inbox-search')?.focus(),
      },
      { key: 'j', description: 'Next case', run: () => this.moveFocus(1) },
      { key: 'k', description: 'Previous case', run: () => this.moveFocus(-1) },
      { key: 'x', description: 'Select the case', run: () => this.toggleFocused() },
    ]);
  }

  protected toggle(id: string): void {
    this.selection.update((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  }

  /** Every case listed so far (the loaded pages), or none. */
  protected selectAll(all: boolean): void {
    this.selection.set(all ? this.store.cases().map((item) => item.id) : []);
  }

  /** The focused row's case joins the selection, or leaves it. */
  private toggleFocused(): void {
    const index = (document.activeElement as HTMLElement | null)?.getAttribute('data-index');
    const item = index === null || index === undefined ? undefined : this.store.cases()[Number(index)];
    if (item) this.toggle(item.id);
  }

  protected chooseSort(sort: string): void {
    this.store.chooseSort(sort as CaseSort);
  }

  /** Focuses the next or previous case's link, scrolling it on screen; from the screen's first or last row. */
  private moveFocus(step: number): void {
    const list = this.list();
    const total = this.store.cases().length;
    if (!list || total === 0) return;
    const focused = (document.activeElement as HTMLElement | null)?.getAttribute('data-index');
    const { start, end } = list.window();
    const index =
      focused === null || focused === undefined
        ? step > 0
          ? start
          : Math.max(0, end - 1)
        : Math.min(total - 1, Math.max(0, Number(focused) + step));
    list.reveal(index, (row) =>
      this.host.nativeElement.querySelector<HTMLElement>(`a[data-index="${row}"]`)?.focus(),
    );
  }
}
