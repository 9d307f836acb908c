import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, errorReason, injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { languageName } from '@homeroom/shared/contact';
import { ReplyTranslationDocument } from './operations.generated';

/** What staff are told when a translation cannot be made, by the API's reason. */
const REASONS: Readonly<Record<string, string>> = {
  TRANSLATION: 'Machine translation is not turned on for this district.',
  UNSUPPORTED_LANGUAGE: "The district's translation service does not translate into this language.",
  SAME_LANGUAGE: 'The requester reads English; there is nothing to translate.',
  TRANSLATION_FAILED: 'The translation service did not answer; try again in a moment.',
  TRANSLATION_REFUSED: "The translation service refused the request; ask the district's IT team.",
};

/** A reply and what it became in the requester's language. */
export interface TranslatedReply {
  original: string;
  translation: string;
  language: string;
  provider: string;
}

/**
 * Under the reply box of a case whose requester reads another language: the reply as written, machine-
 * translated into theirs, put in the reply box for staff to check (and correct, if they can) before they
 * send it. Nothing is sent by itself; the page sends the translation with the original beside it.
 */
@Component({
  selector: 'hr-reply-translation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent],
  template: `
    <div class="inline">
      <button
        type="button"
        class="secondary"
        [disabled]="actions.busy() || !text().trim()"
        (click)="translate()"
      >
        Translate into {{ name() }}
      </button>
    </div>
    <hr-form-feedback [error]="actions.error()" />
  `,
})
export class ReplyTranslationComponent {
  readonly caseId = input.required<string>();
  /** The requester's language (the case's). */
  readonly language = input.required<string>();
  /** The reply as staff wrote it. */
  readonly text = input.required<string>();
  readonly translated = output<TranslatedReply>();
  protected readonly name = computed(() => languageName(this.language()));
  /** A translation changes nothing, so no query is brought up to date. */
  protected readonly actions = injectActions({ refetch: [] });

  private readonly apollo = inject(Apollo);

  protected async translate(): Promise<void> {
    const original = this.text();
    this.actions.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: ReplyTranslationDocument,
          variables: { caseId: this.caseId(), body: original },
          fetchPolicy: 'network-only',
        }),
      );
      const translation = result.data?.replyTranslation;
      if (!translation) return;
      this.actions.clear();
      this.translated.emit({
        original,
        translation: translation.text,
        language: translation.language,
        provider: translation.provider,
      });
    } catch (error) {
      this.actions.refuse(REASONS[errorReason(error) ?? ''] ?? errorMessage(error, 'en'));
    } finally {
      this.actions.busy.set(false);
    }
  }
}
