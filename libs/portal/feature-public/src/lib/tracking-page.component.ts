import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, publicPageLanguage } from '@homeroom/portal/data-access';
import { LanguagePickerComponent } from './language-picker.component';
import { ReplyAsRequesterDocument, TrackCaseDocument, type TrackCaseQuery } from './operations.generated';
import { publicText, STATUS_KEYS } from './public-text';

type TrackedCase = NonNullable<TrackCaseQuery['trackCase']>;

/** A family's view of its case by the tracking token: the public conversation and a reply box. */
@Component({
  selector: 'hr-tracking-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, LanguagePickerComponent],
  template: `
    <main class="public" [attr.lang]="language.tag()" [attr.dir]="language.dir()">
      <hr-language-picker />
      <h1>{{ text().trackTitle }}</h1>
      @if (loading()) {
        <p aria-live="polite">{{ text().loading }}</p>
      } @else if (tracked(); as tracked) {
        <p>
          <strong data-testid="tracked-number" dir="ltr">{{ tracked.number }}</strong> ·
          <bdi>{{ tracked.subject }}</bdi>
        </p>
        <p>
          {{ text().status }}:
          <span data-testid="tracked-status">{{ statusText(tracked.status) }}</span>
        </p>
        <h2>{{ text().conversation }}</h2>
        <ol class="conversation">
          @for (message of tracked.messages; track message.id) {
            <li [class.staff]="message.direction === 'OUTBOUND'">
              <span class="who">{{ message.direction === 'OUTBOUND' ? text().district : text().you }}</span>
              <!-- A message reads in its own direction: an English reply on an Arabic page, too. -->
              <p dir="auto">{{ message.body }}</p>
            </li>
          }
        </ol>
        <form (ngSubmit)="reply()">
          <label for="reply">{{ text().reply }}</label>
          <textarea id="reply" name="reply" rows="4" dir="auto" [(ngModel)]="replyBody"></textarea>
          @if (error(); as error) {
            <p role="alert">{{ error }}</p>
          }
          <button type="submit" [disabled]="sending() || !replyBody.trim()">{{ text().sendReply }}</button>
        </form>
      } @else {
        <p role="alert">{{ error() ?? text().unknownCase }}</p>
      }
    </main>
  `,
})
export class TrackingPageComponent implements OnInit {
  readonly token = input.required<string>();
  private readonly apollo = inject(Apollo);
  protected readonly language = publicPageLanguage();
  protected readonly text = publicText();
  protected readonly tracked = signal<TrackedCase | null>(null);
  protected readonly loading = signal(true);
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected replyBody = '';

  /** A status in the page's words; one the page has no words for, as the API names it. */
  protected statusText(status: string): string {
    const key = STATUS_KEYS[status];
    return key ? this.text()[key] : status;
  }

  ngOnInit(): void {
    this.apollo
      .query({
        query: TrackCaseDocument,
        variables: { token: this.token() },
        fetchPolicy: 'network-only',
      })
      .subscribe({
        next: ({ data }) => {
          this.tracked.set(data?.trackCase ?? null);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.error.set(errorMessage(error, this.language.current()));
          this.loading.set(false);
        },
      });
  }

  protected async reply(): Promise<void> {
    this.sending.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: ReplyAsRequesterDocument,
          variables: { token: this.token(), body: this.replyBody },
        }),
      );
      const updated = result.data?.replyAsRequester;
      if (updated) this.tracked.update((current) => (current ? { ...current, ...updated } : current));
      this.replyBody = '';
    } catch (error) {
      this.error.set(errorMessage(error, this.language.current()));
    } finally {
      this.sending.set(false);
    }
  }
}
