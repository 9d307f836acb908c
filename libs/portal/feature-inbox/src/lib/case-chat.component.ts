import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  InjectionToken,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { injectActions } from '@homeroom/portal/data-access';
import { ConfirmPanelComponent, FormFeedbackComponent } from '@homeroom/portal/ui';
import { Apollo } from 'apollo-angular';
import { EMPTY, exhaustMap, firstValueFrom, from, interval, map, type Observable, switchMap } from 'rxjs';
import { chatEndedBecause, transcriptNotSent } from './case-chat-words';
import {
  type CasePageQuery,
  EndCaseChatDocument,
  LiveChatConversationDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;

/**
 * How often the page asks for a live chat's new messages: a family waiting in the widget expects an
 * answer within seconds, sooner than the page's own 5 s refresh (ADR 14: the portal polls).
 */
export const LIVE_CHAT_POLL_MS = 3_000;

/** The ticks on which the page asks; tests give their own, to poll when they say. */
export const LIVE_CHAT_POLL = new InjectionToken<Observable<unknown>>('LIVE_CHAT_POLL', {
  providedIn: 'root',
  factory: () => interval(LIVE_CHAT_POLL_MS),
});

/**
 * A case's web chat: whether the family is in it, or why it ended and what became of its transcript; the
 * way to end it; and, while it is live, its conversation asked for every few seconds (the page shows what
 * arrives, through the cache), until it ends or the page closes.
 */
@Component({
  selector: 'hr-case-chat',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ConfirmPanelComponent, FormFeedbackComponent],
  template: `
    @let chat = supportCase().chat;
    @if (chat) {
      <section class="panel" aria-labelledby="live-chat-heading" data-testid="live-chat">
        <h2 id="live-chat-heading">Live chat</h2>
        <!-- Only the state is announced: the family leaving is news, each new message time is not. -->
        <p role="status">
          @if (chat.endedAt) {
            <strong>Ended</strong>: {{ endedBecause() }}.
          } @else {
            <strong>In progress</strong>: the family is in the chat; your replies reach them at once.
          }
        </p>
        <p class="hint">
          Started {{ chat.startedAt | date: 'short' }} · last message
          {{ chat.lastActivityAt | date: 'short' }}
          @if (chat.endedAt) {
            · ended {{ chat.endedAt | date: 'short' }}
          }
        </p>
        @if (chat.endedAt) {
          <p data-testid="chat-transcript">
            @if (chat.transcriptSentAt) {
              Transcript mailed to the family {{ chat.transcriptSentAt | date: 'short' }}.
            } @else {
              {{ transcriptNotSent() }}
            }
          </p>
        } @else if (confirming()) {
          <hr-confirm-panel
            questionId="end-chat-question"
            confirmLabel="End chat"
            [busy]="actions.busy()"
            [error]="actions.error()"
            (confirmed)="end()"
            (cancelled)="cancel()"
          >
            <strong>End this chat?</strong> The family is told at once, and their transcript is mailed to them
            if they gave an email address. The case stays open.
          </hr-confirm-panel>
        } @else {
          <button type="button" class="secondary" (click)="confirming.set(true)">End chat</button>
        }
        <hr-form-feedback [done]="actions.done()" />
      </section>
    }
  `,
})
export class CaseChatComponent {
  readonly supportCase = input.required<Pick<PageCase, 'id' | 'anonymous' | 'contact' | 'chat'>>();
  protected readonly actions = injectActions({ refetch: ['CasePage'] });
  protected readonly confirming = signal(false);
  protected readonly endedBecause = computed(() =>
    chatEndedBecause(this.supportCase().chat?.endReason ?? null),
  );
  protected readonly transcriptNotSent = computed(() => {
    const chat = this.supportCase().chat;
    return chat ? transcriptNotSent(chat) : '';
  });
  /** The case to ask about on each tick: this one, while its chat is live. */
  private readonly liveCaseId = computed(() => {
    const supportCase = this.supportCase();
    return supportCase.chat && !supportCase.chat.endedAt ? supportCase.id : null;
  });

  constructor() {
    const apollo = inject(Apollo);
    const ticks = inject(LIVE_CHAT_POLL);
    // One question at a time (a slow answer is not overtaken by the next tick); none once the chat ends.
    // A failed one is left to the next tick and to the page's own refresh, which shows the error.
    toObservable(this.liveCaseId)
      .pipe(
        switchMap((id) => (id ? ticks.pipe(map(() => id)) : EMPTY)),
        exhaustMap((id) =>
          from(
            firstValueFrom(
              apollo.query({
                query: LiveChatConversationDocument,
                variables: { id },
                fetchPolicy: 'network-only',
              }),
            ).catch(() => undefined),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected async end(): Promise<void> {
    const ended = await this.actions.run(
      EndCaseChatDocument,
      { caseId: this.supportCase().id },
      { done: (result) => (result.endCaseChat ? 'Chat ended.' : 'The chat had already ended.') },
    );
    if (ended) this.confirming.set(false);
  }

  protected cancel(): void {
    this.actions.clear();
    this.confirming.set(false);
  }
}
