import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { LanguageService, watchQueryWhen } from '@homeroom/portal/data-access';
import { LanguagePickerComponent } from './language-picker.component';
import { HelpCenterDocument } from './operations.generated';
import { PUBLIC_TEXT } from './public-text';

/**
 * The public help center: search (each language with its own stemmer, server-side), a category to
 * browse, and the articles found, in the family's language where written in it. No sign-in.
 */
@Component({
  selector: 'hr-help-center-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, LanguagePickerComponent],
  template: `
    <main class="public" [attr.lang]="language.current()">
      <hr-language-picker />
      <h1>{{ text().helpTitle }}</h1>
      <p>{{ text().helpIntro }}</p>
      <form role="search" (ngSubmit)="search.set(typed.trim())">
        <label for="help-search">{{ text().helpSearch }}</label>
        <input id="help-search" name="search" type="search" [(ngModel)]="typed" />
        <label for="help-category">{{ text().category }}</label>
        <select
          id="help-category"
          name="category"
          [ngModel]="categoryId()"
          (ngModelChange)="categoryId.set($event)"
        >
          <option value="">{{ text().allCategories }}</option>
          @for (category of categories(); track category.id) {
            <option [value]="category.id">{{ category.name }}</option>
          }
        </select>
        <button type="submit">{{ text().search }}</button>
      </form>
      @if (query.error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      @if (query.loading()) {
        <p aria-live="polite">{{ text().loading }}</p>
      } @else {
        <ul class="plain help-articles" aria-live="polite" [attr.aria-label]="text().helpTitle">
          @for (article of articles(); track article.id) {
            <li data-testid="help-article">
              <h2>
                <a [routerLink]="['/help', article.slug]" [attr.lang]="article.language">{{
                  article.title
                }}</a>
              </h2>
              <p [attr.lang]="article.language">{{ article.summary }}</p>
            </li>
          } @empty {
            <li>{{ text().noArticles }}</li>
          }
        </ul>
      }
      <p>
        <a routerLink="/contact">{{ text().stillNeedHelp }}</a>
      </p>
    </main>
  `,
})
export class HelpCenterPageComponent {
  protected readonly language = inject(LanguageService);
  protected readonly text = computed(() => PUBLIC_TEXT[this.language.current()]);
  protected typed = '';
  /** The words searched for: set when the family submits, so each keystroke is not a request. */
  protected readonly search = signal('');
  protected readonly categoryId = signal('');
  protected readonly query = watchQueryWhen(HelpCenterDocument, () => ({
    language: this.language.current(),
    search: this.search() || null,
    categoryId: this.categoryId() || null,
  }));
  protected readonly categories = computed(() => this.query.data()?.helpCategories ?? []);
  protected readonly articles = computed(() => this.query.data()?.helpArticles ?? []);
}
