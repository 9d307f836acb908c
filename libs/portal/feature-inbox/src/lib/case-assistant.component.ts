import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { CaseSummaryDocument, type ReplyTone, SuggestReplyDocument } from './operations.generated';

const TONES: readonly { id: ReplyTone; name: string }[] = [
  { id: 'NEUTRAL', name: 'Neutral' },
  { id: 'WARM', name: 'Warm' },
  { id: 'FORMAL', name: 'Formal' },
  { id: 'BRIEF', name: 'Brief' },
];

/**
 * The writing assistant, when the district has turned it on: a summary of the case for staff, and a
 * draft reply put in the reply box for the agent to read, change and send (nothing is sent by itself).
 * Asked for on demand only; a district without the assistant gets the plain "not turned on" message.
 */
@Component({
  selector: 'hr-case-assistant',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <section class="panel" aria-labelledby="assistant-heading">
      <h2 id="assistant-heading">Assistant</h2>
      <div class="actions">
        <button type="button" class="secondary" [disabled]="actions.busy()" (click)="summarize()">
          Summarize the case
        </button>
      </div>
      @if (summary(); as text) {
        <p role="status" data-testid="case-summary">{{ text }}</p>
      }
      <div class="inline">
        <div>
          <label for="reply-tone">Tone</label>
          <select id="reply-tone" name="tone" [(ngModel)]="tone">
            @for (option of tones; track option.id) {
              <option [value]="option.id">{{ option.name }}</option>
            }
          </select>
        </div>
        <button type="button" class="secondary" [disabled]="actions.busy()" (click)="suggest()">
          Draft a reply
        </button>
      </div>
      <p class="hint">
        A draft goes into the reply box for you to read and change; nothing is sent by itself.
      </p>
      <hr-form-feedback [error]="actions.error()" />
    </section>
  `,
})
export class CaseAssistantComponent {
  readonly caseId = input.required<string>();
  /** A draft reply, for the page to put in its reply box. */
  readonly drafted = output<string>();
  private readonly apollo = inject(Apollo);
  protected readonly tones = TONES;
  protected readonly tone = signal<ReplyTone>('NEUTRAL');
  /** A draft and a summary, one at a time; a draft changes nothing, so no query is brought up to date. */
  protected readonly actions = injectActions({ refetch: [] });
  protected readonly summary = signal<string | null>(null);

  protected async summarize(): Promise<void> {
    this.actions.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: CaseSummaryDocument,
          variables: { caseId: this.caseId() },
          fetchPolicy: 'network-only',
        }),
      );
      this.summary.set(result.data?.caseSummary ?? null);
      this.actions.clear();
    } catch (error) {
      this.actions.refuse(errorMessage(error, 'en'));
    } finally {
      this.actions.busy.set(false);
    }
  }

  protected async suggest(): Promise<void> {
    const result = await this.actions.run(SuggestReplyDocument, { caseId: this.caseId(), tone: this.tone() });
    if (result) this.drafted.emit(result.suggestReply);
  }
}
