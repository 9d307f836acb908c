import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, type Language } from '@homeroom/portal/data-access';
import {
  MarkHelpArticleAnsweredDocument,
  SuggestHelpArticlesDocument,
  type SuggestHelpArticlesQuery,
} from './operations.generated';
import { directionOf } from '@homeroom/shared/public-text';
import { publicText } from './public-text';

type Suggestion = SuggestHelpArticlesQuery['suggestHelpArticles'][number];

/** How long the family pauses before articles are looked up, and how much they must have written. */
export const SUGGEST_AFTER_MS = 500;
const MIN_WORDS = 3;

/**
 * Articles that may answer what a family is writing on the contact form (deflection): looked up once they
 * pause, each with its summary, a link to read it, and "This answered my question", which the page takes
 * to mean the message need not be sent.
 */
@Component({
  selector: 'hr-help-suggestions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (suggestions().length) {
      <section class="panel suggestions" aria-labelledby="suggestions-heading" data-testid="help-suggestions">
        <h2 id="suggestions-heading">{{ text().suggestionsTitle }}</h2>
        <ul class="plain">
          @for (article of suggestions(); track article.id) {
            <li>
              <!-- The article's words in its language; the buttons in the page's. -->
              <div [attr.lang]="article.language" [attr.dir]="directionOf(article.language)">
                <h3>{{ article.title }}</h3>
                <p>{{ article.summary }}</p>
              </div>
              <p class="actions">
                <a [routerLink]="['/help', article.slug]" target="_blank" rel="noopener"
                  >{{ text().readArticle }}<span class="visually-hidden">: {{ article.title }}</span></a
                >
                <button type="button" class="secondary" [disabled]="busy()" (click)="answer(article)">
                  {{ text().answeredMyQuestion }}<span class="visually-hidden">: {{ article.title }}</span>
                </button>
              </p>
            </li>
          }
        </ul>
        @if (error(); as error) {
          <p role="alert" class="error">{{ error }}</p>
        }
      </section>
    }
  `,
})
export class HelpSuggestionsComponent {
  private readonly apollo = inject(Apollo);
  /** What the family has written so far. */
  readonly message = input.required<string>();
  readonly language = input.required<Language>();
  readonly schoolId = input<string | null>(null);
  /** The family said this article answered their question. */
  readonly answered = output<string>();
  protected readonly text = publicText(() => this.language());
  protected readonly directionOf = directionOf;
  protected readonly suggestions = signal<Suggestion[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The latest lookup: an older answer arriving late is dropped. */
  private asked = 0;

  constructor() {
    effect((onCleanup) => {
      const message = this.message().trim();
      const language = this.language();
      const schoolId = this.schoolId();
      if ((message.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_WORDS) {
        this.suggestions.set([]);
        return;
      }
      const timer = setTimeout(() => void this.lookUp(message, language, schoolId), SUGGEST_AFTER_MS);
      onCleanup(() => clearTimeout(timer));
    });
  }

  private async lookUp(text: string, language: Language, schoolId: string | null): Promise<void> {
    const asked = ++this.asked;
    try {
      const { data } = await firstValueFrom(
        this.apollo.query({ query: SuggestHelpArticlesDocument, variables: { text, language, schoolId } }),
      );
      if (asked === this.asked) this.suggestions.set(data?.suggestHelpArticles ?? []);
    } catch {
      // Suggestions are a help, not a step: the form works without them.
      if (asked === this.asked) this.suggestions.set([]);
    }
  }

  protected async answer(article: Suggestion): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: MarkHelpArticleAnsweredDocument,
          variables: { articleId: article.id, language: this.language() },
        }),
      );
      this.answered.emit(article.title);
    } catch (error) {
      this.error.set(errorMessage(error, this.language()));
    } finally {
      this.busy.set(false);
    }
  }
}
