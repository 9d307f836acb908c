import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import {
  ConfirmPanelComponent,
  FormFeedbackComponent,
  ShowMoreComponent,
  TakesFocusDirective,
} from '@homeroom/portal/ui';
import { appendPage, nextPageCursor } from '../connection-page';
import {
  DiscardQuarantinedEmailDocument,
  EmailQuarantineDocument,
  type EmailQuarantineQuery,
  type EmailQuarantineQueryVariables,
  type QuarantineState,
  ReleaseQuarantinedEmailDocument,
} from '../operations.generated';
import {
  emptyText,
  messageActionName,
  QUARANTINE_REFUSALS,
  QUARANTINE_STATES,
  totalText,
} from './email-quarantine-text';
import { type KeptEmail, KeptEmailTableComponent } from './kept-email-table.component';

const PAGE_SIZE = 25;

/**
 * Kept email: the messages the intake took and did not turn into a case (automatic replies, bounces,
 * receipts, abuse reports, list and bulk mail, mail without a sender or words, mail the case rules
 * refused). Administrators read why each was kept, make a case of one a person sent, or discard it; the
 * released and discarded ones stay listed under their own state.
 */
@Component({
  selector: 'hr-email-quarantine-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    ConfirmPanelComponent,
    FormFeedbackComponent,
    KeptEmailTableComponent,
    ShowMoreComponent,
    TakesFocusDirective,
  ],
  styles: `
    .filter {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin: 0.5rem 0;
    }
  `,
  template: `
    <h1>Kept email</h1>
    <p class="hint">
      Mail that did not become a case: automatic replies, bounces, receipts, mailing lists, bulk mail and
      messages that could not be taken. Make a case of one a person wrote; discard the rest.
    </p>
    <div class="filter">
      <label for="quarantine-state">Show</label>
      <select id="quarantine-state" [ngModel]="state()" (ngModelChange)="show($event)">
        @for (option of states; track option.state) {
          <option [value]="option.state">{{ option.name }}</option>
        }
      </select>
    </div>

    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    <p role="status">
      @if (loading()) {
        Loading kept email…
      } @else if (data(); as data) {
        {{ total(data.quarantinedEmails.totalCount, state())
        }}{{ emails().length < data.quarantinedEmails.totalCount ? '; showing ' + emails().length : '' }}.
      }
    </p>
    <div role="status">
      @if (released(); as number) {
        <p tabindex="-1" hrTakesFocus>
          Case <a [routerLink]="['/cases', number]">{{ number }}</a> opened.
        </p>
      }
    </div>
    <hr-form-feedback [error]="releases.error()" [done]="discards.done()" />

    @if (!loading() && data() && emails().length === 0) {
      <p>{{ empty(state()) }}</p>
    } @else if (!loading() && emails().length) {
      <hr-kept-email-table
        [emails]="emails()"
        [state]="state()"
        [busy]="busy()"
        (release)="release($event)"
        (discard)="confirmDiscard($event)"
      />
      @if (nextCursor()) {
        <hr-show-more label="Show more messages" [loading]="loadingMore()" (more)="showMore()" />
      }
    }
    <hr-form-feedback [error]="moreError()" />

    @if (discarding(); as row) {
      <hr-confirm-panel
        questionId="discard-question"
        [confirmLabel]="actionName('discard', row.label)"
        [busy]="busy()"
        [error]="discards.error()"
        (confirmed)="discard(row)"
        (cancelled)="discarding.set(null)"
      >
        <strong>Discard {{ row.label }}?</strong> It will not become a case; it stays listed under Discarded.
      </hr-confirm-panel>
    }
  `,
})
export class EmailQuarantinePageComponent {
  private readonly query = watchQuery<EmailQuarantineQuery, EmailQuarantineQueryVariables>(
    EmailQuarantineDocument,
    { state: 'OPEN', first: PAGE_SIZE },
  );
  protected readonly data = this.query.data;
  protected readonly loadError = this.query.error;
  protected readonly states = QUARANTINE_STATES;
  protected readonly total = totalText;
  protected readonly empty = emptyText;
  protected readonly actionName = messageActionName;

  protected readonly state = signal<QuarantineState>('OPEN');
  /** True while another state's messages load. */
  private readonly switching = signal(false);
  protected readonly loading = computed(() => this.switching() || (this.query.loading() && !this.data()));
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<string | null>(null);
  /** True while a release or a discard runs: every button waits for it. */
  protected readonly busy = signal(false);
  /** Making a case of a message (refused on the page), and discarding one (refused in its question). */
  protected readonly releases = injectActions({ refetch: ['EmailQuarantine'], busy: this.busy });
  protected readonly discards = injectActions({ refetch: ['EmailQuarantine'], busy: this.busy });
  /** The case the last released message became. */
  protected readonly released = signal<string | null>(null);
  protected readonly discarding = signal<KeptEmail | null>(null);

  protected readonly nextCursor = computed(() => nextPageCursor(this.data()?.quarantinedEmails));
  protected readonly emails = computed(() =>
    (this.data()?.quarantinedEmails.edges ?? []).map((edge) => edge.node),
  );

  protected async show(state: QuarantineState): Promise<void> {
    this.state.set(state);
    this.clearNotices();
    this.switching.set(true);
    try {
      await this.query.ref.refetch({ state, first: PAGE_SIZE });
    } catch {
      // The query's own error signal says what went wrong.
    } finally {
      this.switching.set(false);
    }
  }

  protected async showMore(): Promise<void> {
    const after = this.nextCursor();
    if (!after || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      await this.query.ref.fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) => ({
          ...shown,
          quarantinedEmails: appendPage(shown.quarantinedEmails, fetchMoreResult.quarantinedEmails),
        }),
      });
    } catch {
      this.moreError.set('More messages could not be loaded. Please try again.');
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async release(row: KeptEmail): Promise<void> {
    this.clearNotices();
    const released = await this.releases.run(
      ReleaseQuarantinedEmailDocument,
      { id: row.email.id },
      { reasons: QUARANTINE_REFUSALS },
    );
    if (released) this.released.set(released.releaseQuarantinedEmail.caseNumber);
  }

  protected confirmDiscard(row: KeptEmail): void {
    this.clearNotices();
    this.discarding.set(row);
  }

  protected async discard(row: KeptEmail): Promise<void> {
    const discarded = await this.discards.run(
      DiscardQuarantinedEmailDocument,
      { id: row.email.id },
      { reasons: QUARANTINE_REFUSALS, done: `The message ${row.label} was discarded.` },
    );
    if (discarded) this.discarding.set(null);
  }

  private clearNotices(): void {
    this.releases.clear();
    this.discards.clear();
    this.released.set(null);
    this.discarding.set(null);
  }
}
