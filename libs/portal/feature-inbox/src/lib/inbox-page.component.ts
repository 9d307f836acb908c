import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Apollo, gql } from 'apollo-angular';
import { errorMessage, SessionService } from '@homeroom/portal/data-access';

const INBOX = gql`
  query Inbox($filter: CaseFilter, $first: Int) {
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
  protected readonly who = computed(() => {
    const roles = this.session.claims()?.['roles'];
    return Array.isArray(roles) ? roles.join(', ') : '';
  });

  constructor() {
    this.apollo
      .watchQuery<{ cases: { totalCount: number; edges: { node: InboxCase }[] } }>({
        query: INBOX,
        variables: { filter: { status: ['NEW', 'OPEN', 'PENDING'] }, first: 50 },
        pollInterval: REFRESH_MS,
        notifyOnNetworkStatusChange: false,
      })
      .valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe({
        next: (result) => {
          if (result.dataState === 'complete') {
            this.cases.set(result.data.cases.edges.map((edge) => edge.node));
            this.total.set(result.data.cases.totalCount);
          }
          this.loading.set(result.loading);
          this.error.set(result.error ? errorMessage(result.error, 'en') : null);
        },
        error: (error: unknown) => this.error.set(errorMessage(error, 'en')),
      });
  }

  protected signOut(): void {
    this.session.signOut();
    location.assign('/contact');
  }
}
