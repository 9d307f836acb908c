import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { injectActions, LANGUAGES, type Language, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  directionOf,
  documentLanguageOf,
  LANGUAGE_NAMES,
  PUBLIC_TEXT,
  PUBLIC_TEXT_KEYS,
  PUBLIC_TEXT_MAX_LENGTH,
  PUBLIC_TEXT_REASONS,
  PUBLIC_TEXT_REVIEW,
  type PublicTextKey,
  publicTextProblem,
} from '@homeroom/shared/public-text';
import {
  AdminPublicTextCorrectionsDocument,
  CorrectPublicTextDocument,
  ResetPublicTextDocument,
} from '../operations.generated';

/** The API's refusals, in the editor's words (the editor checks the same rules before sending). */
const REASONS: Readonly<Record<string, string>> = {
  [PUBLIC_TEXT_REASONS.placeholders]: 'Keep the placeholders in braces exactly as in the English.',
  [PUBLIC_TEXT_REASONS.tooLong]: `Keep it to ${PUBLIC_TEXT_MAX_LENGTH} characters.`,
  [PUBLIC_TEXT_REASONS.empty]: 'Write the words, or reset to the shipped ones.',
};

/**
 * The words of the public pages (contact form, tracking, surveys, help center) in each language beside
 * the English: a district administrator corrects a translation, or resets it to the shipped words
 * (ADR 33). Families see a correction the next time they open a page.
 */
@Component({
  selector: 'hr-public-texts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent],
  template: `
    <h1>Public pages’ words</h1>
    <p>
      What families read on the contact form, the tracking page, surveys and the help center. Correct a
      translation where it reads wrong to the families you serve; reset goes back to the shipped words.
      Placeholders in braces, such as {{ '{name}' }}, are filled in by the page: keep them as they are.
    </p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    <label for="public-text-language">Language</label>
    <select id="public-text-language" (change)="choose($event)">
      @for (option of languages; track option.code) {
        <option [value]="option.code" [selected]="option.code === language()">
          {{ option.name }} ({{ option.code }})
        </option>
      }
    </select>
    <p class="hint" data-testid="review-status">{{ review() }}</p>
    <hr-form-feedback [error]="actions.error()" [done]="actions.done()" />
    <!-- The words are editable only once the district's corrections are in: a field showing the shipped
         words over a correction not yet loaded would save over it. -->
    @if (loading()) {
      <p role="status">Loading the district’s corrections…</p>
    } @else {
      <table class="public-texts">
        <caption class="visually-hidden">
          Each string in English and in
          {{
            languageName()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">English</th>
            <th scope="col">{{ languageName() }}</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <tr [attr.data-key]="row.key">
              <td lang="en">{{ row.english }}</td>
              <td>
                <label class="visually-hidden" [for]="'text-' + row.key">
                  {{ languageName() }}: {{ row.english }}
                </label>
                <textarea
                  [id]="'text-' + row.key"
                  rows="2"
                  [attr.lang]="tag()"
                  [attr.dir]="dir()"
                  [attr.maxlength]="maxLength"
                  [value]="row.draft"
                  (input)="type(row.key, $event)"
                ></textarea>
                @if (row.corrected) {
                  <p class="hint">
                    Corrected by the district. Shipped: <span [attr.lang]="tag()">{{ row.shipped }}</span>
                  </p>
                }
              </td>
              <td class="actions">
                <button
                  type="button"
                  [disabled]="actions.busy() || row.draft === row.current"
                  (click)="save(row.key, row.draft)"
                >
                  Save<span class="visually-hidden">: {{ row.english }}</span>
                </button>
                @if (row.corrected) {
                  <button
                    type="button"
                    class="secondary"
                    [disabled]="actions.busy()"
                    (click)="reset(row.key)"
                  >
                    Reset<span class="visually-hidden">: {{ row.english }}</span>
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class PublicTextsPageComponent {
  private readonly query = watchQuery(AdminPublicTextCorrectionsDocument);
  protected readonly loadError = this.query.error;
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly actions = injectActions({ refetch: ['AdminPublicTextCorrections'] });
  /** English is the source: the district corrects the other languages. */
  protected readonly languages = LANGUAGES.filter((option) => option.code !== 'en');
  protected readonly language = signal<Exclude<Language, 'en'>>('es');
  protected readonly languageName = computed(() => LANGUAGE_NAMES[this.language()]);
  protected readonly tag = computed(() => documentLanguageOf(this.language()));
  protected readonly dir = computed(() => directionOf(this.language()));
  protected readonly review = computed(() => PUBLIC_TEXT_REVIEW[this.language()].note);
  protected readonly maxLength = PUBLIC_TEXT_MAX_LENGTH;
  /** What the administrator typed and has not saved, by language and key. */
  private readonly drafts = signal<Readonly<Record<string, string>>>({});

  protected readonly rows = computed(() => {
    const language = this.language();
    const corrections = new Map(
      (this.query.data()?.publicTextCorrections ?? [])
        .filter((correction) => correction.language === language)
        .map((correction) => [correction.key, correction.text]),
    );
    return PUBLIC_TEXT_KEYS.map((key) => {
      const shipped = PUBLIC_TEXT[language][key];
      const current = corrections.get(key) ?? shipped;
      return {
        key,
        english: PUBLIC_TEXT.en[key],
        shipped,
        current,
        corrected: corrections.has(key),
        draft: this.drafts()[`${language}.${key}`] ?? current,
      };
    });
  });

  protected choose(event: Event): void {
    this.language.set((event.target as HTMLSelectElement).value as Exclude<Language, 'en'>);
    this.actions.clear();
  }

  protected type(key: PublicTextKey, event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    this.drafts.update((drafts) => ({ ...drafts, [`${this.language()}.${key}`]: text }));
  }

  protected async save(key: PublicTextKey, text: string): Promise<void> {
    const language = this.language();
    const problem = publicTextProblem(language, key, text);
    if (problem) {
      this.actions.refuse(REASONS[problem.reason] ?? problem.message);
      return;
    }
    const saved = await this.actions.run(
      CorrectPublicTextDocument,
      { language, key, text },
      { reasons: REASONS, done: `Saved: “${PUBLIC_TEXT.en[key]}” in ${LANGUAGE_NAMES[language]}.` },
    );
    if (saved) this.forgetDraft(language, key);
  }

  protected async reset(key: PublicTextKey): Promise<void> {
    const language = this.language();
    const reset = await this.actions.run(
      ResetPublicTextDocument,
      { language, key },
      { done: `Back to the shipped words: “${PUBLIC_TEXT.en[key]}” in ${LANGUAGE_NAMES[language]}.` },
    );
    if (reset) this.forgetDraft(language, key);
  }

  private forgetDraft(language: Language, key: PublicTextKey): void {
    this.drafts.update(({ [`${language}.${key}`]: _saved, ...rest }) => rest);
  }
}
