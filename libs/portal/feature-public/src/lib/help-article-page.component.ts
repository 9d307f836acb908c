import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  errorMessage,
  formatFileSize,
  htmlOnApiOrigin,
  onApiOrigin,
  PORTAL_CONFIG,
  publicPageLanguage,
  watchQueryWhen,
} from '@homeroom/portal/data-access';
import { directionOf } from '@homeroom/shared/public-text';
import { LanguagePickerComponent } from './language-picker.component';
import { HelpArticleDocument, RateHelpArticleDocument } from './operations.generated';
import { publicText } from './public-text';

/**
 * One help-center article, in the family's language where it is written in it, with the documents it offers
 * and "Was this helpful?".
 * Its HTML was sanitized when saved (ADR 28); Angular sanitizes it again as it is shown.
 */
@Component({
  selector: 'hr-help-article-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LanguagePickerComponent],
  template: `
    <main class="public" [attr.lang]="language.tag()" [attr.dir]="language.dir()">
      <hr-language-picker />
      <p>
        <a routerLink="/help">{{ text().backToHelp }}</a>
      </p>
      @if (query.loading()) {
        <p aria-live="polite">{{ text().loading }}</p>
      } @else if (article(); as article) {
        <article [attr.lang]="article.language" [attr.dir]="directionOf(article.language)">
          <h1>{{ article.title }}</h1>
          <div class="article-body" data-testid="help-article-body" [innerHTML]="body()"></div>
          @if (documents().length) {
            <section aria-labelledby="article-files-heading">
              <h2 id="article-files-heading">{{ text().articleFiles }}</h2>
              <ul>
                @for (file of documents(); track file.id) {
                  <li>
                    <a [href]="file.href" download>{{ file.fileName }}</a>
                    <span class="hint"> ({{ size(file.sizeBytes) }})</span>
                  </li>
                }
              </ul>
            </section>
          }
        </article>
        <section class="panel" aria-labelledby="helpful-heading">
          <h2 id="helpful-heading">{{ text().wasHelpful }}</h2>
          @if (rated()) {
            <p role="status">{{ text().thanksForFeedback }}</p>
          } @else {
            <p class="actions">
              <button type="button" class="secondary" [disabled]="busy()" (click)="rate(article.id, true)">
                {{ text().yes }}
              </button>
              <button type="button" class="secondary" [disabled]="busy()" (click)="rate(article.id, false)">
                {{ text().no }}
              </button>
            </p>
          }
          @if (error(); as error) {
            <p role="alert">{{ error }}</p>
          }
        </section>
        <p>
          <a routerLink="/contact">{{ text().stillNeedHelp }}</a>
        </p>
      } @else {
        <p role="alert">{{ text().unknownArticle }}</p>
      }
    </main>
  `,
})
export class HelpArticlePageComponent {
  readonly slug = input.required<string>();
  private readonly apollo = inject(Apollo);
  protected readonly language = publicPageLanguage();
  protected readonly text = publicText();
  protected readonly directionOf = directionOf;
  protected readonly query = watchQueryWhen(HelpArticleDocument, () => ({
    slug: this.slug(),
    language: this.language.current(),
  }));
  private readonly config = inject(PORTAL_CONFIG);
  protected readonly article = computed(() => this.query.data()?.helpArticle ?? null);
  /** Its HTML, its own images and documents served by the gateway. */
  protected readonly body = computed(() => htmlOnApiOrigin(this.config, this.article()?.bodyHtml ?? ''));
  /** The documents it offers to download; its images are in its text. */
  protected readonly documents = computed(() =>
    (this.article()?.files ?? [])
      .filter((file) => !file.image)
      .map((file) => ({ ...file, href: onApiOrigin(this.config, file.url) })),
  );
  protected readonly busy = signal(false);
  protected readonly rated = signal(false);
  protected readonly error = signal<string | null>(null);

  protected size(bytes: number): string {
    return formatFileSize(bytes, this.language.current());
  }

  protected async rate(articleId: string, helpful: boolean): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: RateHelpArticleDocument,
          variables: { articleId, helpful, language: this.language.current() },
        }),
      );
      this.rated.set(true);
    } catch (error) {
      this.error.set(errorMessage(error, this.language.current()));
    } finally {
      this.busy.set(false);
    }
  }
}
