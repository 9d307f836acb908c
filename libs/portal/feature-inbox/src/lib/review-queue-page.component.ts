import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  injectActions,
  SessionService,
  StaffPresenceService,
  watchQuery,
} from '@homeroom/portal/data-access';
import { FormFeedbackComponent, StaffBarComponent, UntrustedTextComponent } from '@homeroom/portal/ui';
import { languageName } from '@homeroom/shared/contact';
import { VITAL_CATEGORY_NAMES } from './message-review.component';
import {
  ApproveVitalMessageDocument,
  ReturnVitalMessageDocument,
  ReviewQueueDocument,
  type ReviewQueueQuery,
  type ReviewQueueQueryVariables,
} from './operations.generated';

type Held = ReviewQueueQuery['messagesAwaitingReview']['edges'][number]['node'];

const PAGE_SIZE = 50;

/** What a reviewer is told when the API refuses, by its reason. */
const REFUSALS: Readonly<Record<string, string>> = {
  NOT_A_QUALIFIED_TRANSLATOR: 'You are not marked a qualified translator for this language.',
  REVIEWER_IS_AUTHOR: 'You wrote this message: another translator reviews it.',
  ALREADY_REVIEWED: 'Another translator reviewed this message already.',
  REASON_REQUIRED: 'Say why the message goes back, so its author can fix it.',
};

/**
 * The review queue (ADR 32): vital replies held for a qualified translator in the languages the signed-in
 * staff member translates, oldest first. Each shows what its author wrote from (their words before machine
 * translation, or the template's text in English) beside what the family would receive, which the
 * translator may correct before approving it (then it is sent) or return to its author with a reason.
 */
@Component({
  selector: 'hr-review-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    FormFeedbackComponent,
    StaffBarComponent,
    UntrustedTextComponent,
  ],
  styles: `
    main {
      padding: 1rem;
      max-width: 72rem;
    }
    .side-by-side {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
    }
    .held {
      border-top: 1px solid #767676;
      padding: 1rem 0;
    }
    textarea {
      width: 100%;
      min-height: 8rem;
    }
  `,
  template: `
    <hr-staff-bar
      [roles]="session.roles()"
      [presence]="presence.view()"
      (presenceChange)="presence.choose($event)"
      (signOut)="session.leave()"
    />
    <main>
      <h1>Messages awaiting review</h1>
      <p class="hint">
        Replies on discipline, special education, enrollment and other vital matters, in the languages you are
        a qualified translator for. Nothing reaches the family until you approve it.
      </p>
      @if (query.error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      <p role="status" data-testid="review-count">
        @if (loading()) {
          Loading…
        } @else {
          {{ countText() }}
        }
      </p>
      <hr-form-feedback [error]="actions.error()" [done]="actions.done()" />
      @for (item of held(); track item.message.id) {
        <section class="held" data-testid="held-message" [attr.aria-labelledby]="'held-' + item.message.id">
          <h2 [id]="'held-' + item.message.id">
            <a [routerLink]="['/cases', item.case.number]">{{ item.case.number }}</a>
            · <hr-untrusted-text [text]="item.case.subject" />
          </h2>
          <p class="meta">
            {{ category(item) }} · into {{ language(item) }} · written
            {{ item.message.createdAt | date: 'short' }}
          </p>
          <div class="side-by-side">
            <div>
              <h3>{{ originalHeading(item) }}</h3>
              @if (original(item); as original) {
                <p [attr.lang]="original.language" data-testid="held-original">
                  <hr-untrusted-text [text]="original.text" />
                </p>
              } @else {
                <p>The author wrote it in {{ language(item) }}; there is no other text.</p>
              }
            </div>
            <div>
              <h3>To the family, in {{ language(item) }}</h3>
              <p [attr.lang]="item.message.review?.language" data-testid="held-translation">
                <hr-untrusted-text [text]="item.message.body" />
              </p>
            </div>
          </div>
          @if (item.message.review?.authorId === session.personId()) {
            <p>You wrote this message: another qualified translator reviews it.</p>
          } @else {
            <form (ngSubmit)="approve(item)">
              <label [for]="'correction-' + item.message.id"
                >Text the family receives (correct it if needed)</label
              >
              <textarea
                [id]="'correction-' + item.message.id"
                [name]="'correction-' + item.message.id"
                [attr.lang]="item.message.review?.language"
                [ngModel]="correctionOf(item)"
                (ngModelChange)="correct(item, $event)"
              ></textarea>
              <div class="actions">
                <button type="submit" [disabled]="actions.busy()">Approve and send</button>
              </div>
            </form>
            <form class="inline" (ngSubmit)="sendBack(item)">
              <div>
                <label [for]="'reason-' + item.message.id">Why it goes back to its author</label>
                <input
                  [id]="'reason-' + item.message.id"
                  [name]="'reason-' + item.message.id"
                  [ngModel]="reasonOf(item)"
                  (ngModelChange)="explain(item, $event)"
                />
              </div>
              <button type="submit" class="secondary" [disabled]="actions.busy()">
                Return to the author
              </button>
            </form>
          }
        </section>
      }
    </main>
  `,
})
export class ReviewQueuePageComponent {
  protected readonly session = inject(SessionService);
  protected readonly presence = inject(StaffPresenceService);
  protected readonly query = watchQuery<ReviewQueueQuery, ReviewQueueQueryVariables>(ReviewQueueDocument, {
    first: PAGE_SIZE,
  });
  protected readonly actions = injectActions({ refetch: ['ReviewQueue'] });
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly held = computed(() =>
    (this.query.data()?.messagesAwaitingReview.edges ?? []).map((edge) => edge.node),
  );
  protected readonly countText = computed(() => {
    const total = this.query.data()?.messagesAwaitingReview.totalCount ?? 0;
    if (total === 0) return 'No messages are waiting for you.';
    const shown = this.held().length;
    return `${total} ${total === 1 ? 'message is' : 'messages are'} waiting${shown < total ? `; the oldest ${shown} are shown` : ''}.`;
  });
  /** The reviewer's corrections and reasons, by message, as typed. */
  private readonly corrections = signal<ReadonlyMap<string, string>>(new Map());
  private readonly reasons = signal<ReadonlyMap<string, string>>(new Map());

  protected category(item: Held): string {
    const name = VITAL_CATEGORY_NAMES[item.message.review?.category ?? 'OTHER'];
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  protected language(item: Held): string {
    return languageName(item.message.review?.language ?? '');
  }

  /** What the author wrote from: their words before translation, or the template's in the staff's language. */
  protected original(item: Held) {
    return item.message.translations.find((translation) => translation.sourceLanguage === null) ?? null;
  }

  protected originalHeading(item: Held): string {
    const original = this.original(item);
    if (!original) return 'As written';
    const language = languageName(original.language);
    return original.provider === 'TEMPLATE'
      ? `The template, in ${language}`
      : `As the author wrote it, in ${language} (machine-translated by ${original.provider})`;
  }

  protected correctionOf(item: Held): string {
    return this.corrections().get(item.message.id) ?? item.message.body;
  }

  protected correct(item: Held, text: string): void {
    this.corrections.update((all) => new Map(all).set(item.message.id, text));
  }

  protected reasonOf(item: Held): string {
    return this.reasons().get(item.message.id) ?? '';
  }

  protected explain(item: Held, reason: string): void {
    this.reasons.update((all) => new Map(all).set(item.message.id, reason));
  }

  protected async approve(item: Held): Promise<void> {
    const body = this.correctionOf(item);
    await this.actions.run(
      ApproveVitalMessageDocument,
      { messageId: item.message.id, body: body === item.message.body ? null : body },
      { reasons: REFUSALS, done: `The reply on ${item.case.number} was approved and is on its way.` },
    );
  }

  protected async sendBack(item: Held): Promise<void> {
    const reason = this.reasonOf(item).trim();
    if (!reason) {
      this.actions.refuse(REFUSALS['REASON_REQUIRED']!);
      return;
    }
    await this.actions.run(
      ReturnVitalMessageDocument,
      { messageId: item.message.id, reason },
      { reasons: REFUSALS, done: `The reply on ${item.case.number} went back to its author.` },
    );
  }
}
