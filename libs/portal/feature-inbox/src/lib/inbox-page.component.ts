import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Apollo, gql, type QueryRef } from 'apollo-angular';
import { errorMessage, SessionService } from '@homeroom/portal/data-access';

const INBOX = gql`
  query Inbox(
    $filter: CaseFilter
    $first: Int
    $everything: CaseFilter
    $mine: CaseFilter
    $watching: CaseFilter
  ) {
    everything: cases(filter: $everything, first: 1) {
      totalCount
    }
    mine: cases(filter: $mine, first: 1) {
      totalCount
    }
    watching: cases(filter: $watching, first: 1) {
      totalCount
    }
    cases(filter: $filter, first: $first, sort: NEWEST) {
      totalCount
      edges {
        node {
          id
          number
          subject
          status
          priority
          channel
          createdAt
          school {
            id
            name
          }
          assignee {
            id
            displayName
          }
          sla {
            firstResponse {
              status
              dueAt
            }
          }
        }
      }
    }
  }
`;

interface InboxData {
  cases: { totalCount: number; edges: { node: InboxCase }[] };
  everything: { totalCount: number };
  mine: { totalCount: number };
  watching: { totalCount: number };
}

interface InboxCase {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  createdAt: string;
  school: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  sla: { firstResponse: { status: string; dueAt: string | null } | null } | null;
}

type View = 'everything' | 'mine' | 'watching';

const VIEWS: readonly { id: View; name: string }[] = [
  { id: 'everything', name: 'All open' },
  { id: 'mine', name: 'Mine' },
  { id: 'watching', name: 'Watching' },
];

/** A view the person saved: which list, which school, which words. Kept in this browser. */
interface SavedView {
  name: string;
  view: View;
  schoolId: string;
  search: string;
}

const SAVED_VIEWS_KEY = 'homeroom.saved-views';
const OPEN: string[] = ['NEW', 'OPEN', 'PENDING'];

/** How often the inbox asks for changes: the gateway has no subscriptions (docs/api/README.md). */
const REFRESH_MS = 5_000;

/** The staff inbox: open cases the signed-in person may see, newest first, refreshed while it is open. */
@Component({
  selector: 'hr-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink],
  template: `
    <header class="bar">
      <strong>Homeroom</strong>
      <nav aria-label="Workspace">
        <a routerLink="/inbox" aria-current="page">Inbox</a> <a routerLink="/dashboard">Dashboard</a>
      </nav>
      <span class="who">{{ who() }}</span>
      <button type="button" (click)="signOut()">Sign out</button>
    </header>
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
            {{ option.name }} <span class="count">{{ counts()[option.id] }}</span>
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
      @if (error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      @if (loading() && cases().length === 0) {
        <p aria-live="polite">Loading cases…</p>
      } @else if (cases().length === 0) {
        <p>No open cases. New ones appear here as they arrive.</p>
      } @else {
        <table>
          <caption class="visually-hidden">
            Open cases, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Subject</th>
              <th scope="col">School</th>
              <th scope="col">Priority</th>
              <th scope="col">Assignee</th>
              <th scope="col">First response</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            @for (item of cases(); track item.id) {
              <tr data-testid="inbox-row">
                <td>
                  <a [routerLink]="['/cases', item.number]">{{ item.number }}</a>
                </td>
                <td>{{ item.subject }}</td>
                <td>{{ item.school?.name ?? 'District' }}</td>
                <td>{{ item.priority }}</td>
                <td>{{ item.assignee?.displayName ?? 'Unassigned' }}</td>
                <td [class]="'sla ' + (item.sla?.firstResponse?.status ?? 'NONE').toLowerCase()">
                  {{ item.sla?.firstResponse?.status ?? '—' }}
                </td>
                <td>{{ item.createdAt | date: 'short' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </main>
  `,
})
export class InboxPageComponent {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(SessionService);
  protected readonly cases = signal<InboxCase[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly views = VIEWS;
  protected readonly view = signal<View>('everything');
  protected readonly schoolId = signal('');
  protected readonly search = signal('');
  protected readonly counts = signal<Record<View, number | string>>({
    everything: '',
    mine: '',
    watching: '',
  });
  protected readonly saved = signal<SavedView[]>(readSavedViews());
  /** Schools seen on the cases listed so far: the picker offers the person's own. */
  protected readonly schools = signal<{ id: string; name: string }[]>([]);
  private readonly personId = computed(() => String(this.session.claims()?.['sub'] ?? ''));
  private readonly query: QueryRef<InboxData, ReturnType<InboxPageComponent['variables']>>;
  protected readonly who = computed(() => {
    const roles = this.session.claims()?.['roles'];
    return Array.isArray(roles) ? roles.join(', ') : '';
  });

  constructor() {
    this.query = this.apollo.watchQuery<InboxData, ReturnType<InboxPageComponent['variables']>>({
      query: INBOX,
      variables: this.variables(),
      pollInterval: REFRESH_MS,
      notifyOnNetworkStatusChange: false,
    });
    this.query.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe({
      next: (result) => {
        if (result.dataState === 'complete') {
          const data = result.data as InboxData;
          const listed = data.cases.edges.map((edge) => edge.node);
          this.cases.set(listed);
          this.total.set(data.cases.totalCount);
          this.counts.set({
            everything: data.everything.totalCount,
            mine: data.mine.totalCount,
            watching: data.watching.totalCount,
          });
          const known = new Map(this.schools().map((school) => [school.id, school]));
          for (const item of listed) if (item.school) known.set(item.school.id, item.school);
          this.schools.set([...known.values()].sort((a, b) => a.name.localeCompare(b.name)));
        }
        this.loading.set(result.loading);
        this.error.set(result.error ? errorMessage(result.error, 'en') : null);
      },
      error: (error: unknown) => this.error.set(errorMessage(error, 'en')),
    });
  }

  protected show(view: View): void {
    this.view.set(view);
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

  protected saveView(): void {
    const school = this.schools().find((item) => item.id === this.schoolId())?.name;
    const name = [
      VIEWS.find((item) => item.id === this.view())?.name,
      school,
      this.search() && `“${this.search()}”`,
    ]
      .filter(Boolean)
      .join(' · ');
    const next = [
      ...this.saved().filter((item) => item.name !== name),
      { name, view: this.view(), schoolId: this.schoolId(), search: this.search() },
    ];
    this.saved.set(next);
    localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify(next));
  }

  protected open(saved: SavedView): void {
    this.view.set(saved.view);
    this.schoolId.set(saved.schoolId);
    this.search.set(saved.search);
    this.refresh();
  }

  protected remove(saved: SavedView): void {
    const next = this.saved().filter((item) => item.name !== saved.name);
    this.saved.set(next);
    localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify(next));
  }

  private refresh(): void {
    void this.query.refetch(this.variables());
  }

  /** The listed view, and the same filters for each view's count. */
  private variables() {
    const common = {
      status: OPEN,
      ...(this.schoolId() ? { schoolId: this.schoolId() } : {}),
      ...(this.search() ? { search: this.search() } : {}),
    };
    const byView: Record<View, object> = {
      everything: common,
      mine: { ...common, assigneeId: this.personId() || null },
      watching: { ...common, watchedByMe: true },
    };
    return {
      first: 50,
      filter: byView[this.view()],
      everything: byView.everything,
      mine: byView.mine,
      watching: byView.watching,
    };
  }

  protected signOut(): void {
    this.session.signOut();
    location.assign('/contact');
  }
}

function readSavedViews(): SavedView[] {
  try {
    const stored = JSON.parse(localStorage.getItem(SAVED_VIEWS_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as SavedView[]) : [];
  } catch {
    return [];
  }
}
