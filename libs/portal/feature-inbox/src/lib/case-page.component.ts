import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo, gql } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '@homeroom/portal/data-access';
import { readSlaTimer } from './sla-countdown';

const CASE_PAGE = gql`
  query CasePage($number: String!) {
    case(number: $number) {
      id
      number
      subject
      status
      priority
      channel
      language
      createdAt
      school {
        id
        name
      }
      assignee {
        id
        displayName
      }
      contact {
        name
        email
        phone
      }
      messages {
        id
        direction
        authorKind
        body
        createdAt
      }
      sla {
        firstResponse {
          status
          dueAt
          target
        }
        resolution {
          status
          dueAt
          target
        }
      }
    }
  }
`;

const REPLY = gql`
  mutation ReplyToCase($caseId: ID!, $body: String!) {
    replyToCase(caseId: $caseId, body: $body) {
      id
    }
  }
`;

const NOTE = gql`
  mutation AddInternalNote($caseId: ID!, $body: String!) {
    addInternalNote(caseId: $caseId, body: $body) {
      id
    }
  }
`;

const SET_STATUS = gql`
  mutation SetCaseStatus($caseId: ID!, $status: CaseStatus!) {
    setCaseStatus(caseId: $caseId, status: $status) {
      id
      status
    }
  }
`;

type Timer = { status: string; dueAt: string | null; target: number } | null;

interface CaseView {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  language: string;
  createdAt: string;
  school: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  messages: { id: string; direction: string; authorKind: string; body: string; createdAt: string }[];
  sla: { firstResponse: Timer; resolution: Timer } | null;
}

const STATUSES = ['OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED'] as const;

/** One case: its conversation, SLA countdowns, reply and internal note, and status; kept current. */
@Component({
  selector: 'hr-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, RouterLink],
  template: `
    <header class="bar">
      <a routerLink="/inbox" class="back">← Inbox</a>
    </header>
    <main class="case-page">
      @if (view(); as item) {
        <h1>{{ item.number }} · {{ item.subject }}</h1>
        <p class="meta">
          {{ item.school?.name ?? 'District' }} · {{ item.priority }} · {{ item.channel }} ·
          {{ item.assignee?.displayName ?? 'Unassigned' }} ·
          <span data-testid="case-status">{{ item.status }}</span>
        </p>
        <section class="sla" aria-label="Service levels">
          <p>
            First response:
            <strong data-testid="sla-first-response" [class]="'tone-' + firstResponse().tone">{{
              firstResponse().text
            }}</strong>
          </p>
          <p>
            Resolution:
            <strong data-testid="sla-resolution" [class]="'tone-' + resolution().tone">{{
              resolution().text
            }}</strong>
          </p>
        </section>
        <section aria-label="Requester">
          <h2>Requester</h2>
          <p>
            {{ item.contact.name ?? 'Anonymous' }} {{ item.contact.email ?? '' }}
            {{ item.contact.phone ?? '' }}
          </p>
        </section>
        <h2>Conversation</h2>
        <ol class="conversation">
          @for (message of item.messages; track message.id) {
            <li
              [class.staff]="message.direction === 'OUTBOUND'"
              [class.note]="message.direction === 'INTERNAL_NOTE'"
            >
              <span class="who">{{ message.authorKind }} · {{ message.createdAt | date: 'short' }}</span>
              <p>{{ message.body }}</p>
            </li>
          }
        </ol>
        <form (ngSubmit)="send()" class="reply">
          <label for="reply-body">{{
            internal ? 'Internal note (staff only)' : 'Reply to the requester'
          }}</label>
          <textarea id="reply-body" name="body" rows="4" [(ngModel)]="body"></textarea>
          <label class="check">
            <input type="checkbox" name="internal" [(ngModel)]="internal" /> Internal note
          </label>
          <button type="submit" [disabled]="busy() || !body.trim()">
            {{ internal ? 'Add note' : 'Send reply' }}
          </button>
        </form>
        <label for="status">Status</label>
        <select id="status" [value]="item.status" (change)="setStatus($event)">
          <option [value]="item.status" disabled>{{ item.status }}</option>
          @for (status of statuses; track status) {
            <option [value]="status">{{ status }}</option>
          }
        </select>
      } @else if (error(); as error) {
        <p role="alert">{{ error }}</p>
      } @else {
        <p aria-live="polite">Loading…</p>
      }
    </main>
  `,
})
export class CasePageComponent implements OnInit {
  readonly number = input.required<string>();
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly view = signal<CaseView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly statuses = STATUSES;
  private readonly now = signal(Date.now());
  protected readonly firstResponse = computed(() =>
    readSlaTimer(this.view()?.sla?.firstResponse, this.now()),
  );
  protected readonly resolution = computed(() => readSlaTimer(this.view()?.sla?.resolution, this.now()));
  protected body = '';
  protected internal = false;

  ngOnInit(): void {
    const clock = setInterval(() => this.now.set(Date.now()), 1_000);
    this.destroyRef.onDestroy(() => clearInterval(clock));
    this.apollo
      .watchQuery<{ case: CaseView | null }>({
        query: CASE_PAGE,
        variables: { number: this.number() },
        pollInterval: 5_000,
      })
      .valueChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          if (result.dataState === 'complete') {
            this.view.set(result.data.case);
            if (!result.data.case) this.error.set('No such case, or not one you may see.');
          }
          if (result.error) this.error.set(errorMessage(result.error, 'en'));
        },
        error: (error: unknown) => this.error.set(errorMessage(error, 'en')),
      });
  }

  protected async send(): Promise<void> {
    const current = this.view();
    if (!current) return;
    await this.run(this.internal ? NOTE : REPLY, { caseId: current.id, body: this.body });
    this.body = '';
  }

  protected async setStatus(event: Event): Promise<void> {
    const current = this.view();
    if (!current) return;
    await this.run(SET_STATUS, { caseId: current.id, status: (event.target as HTMLSelectElement).value });
  }

  private async run(mutation: typeof REPLY, variables: Record<string, unknown>): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.apollo.mutate({ mutation, variables, refetchQueries: ['CasePage'], awaitRefetchQueries: true }),
      );
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessage(error, 'en'));
    } finally {
      this.busy.set(false);
    }
  }
}
