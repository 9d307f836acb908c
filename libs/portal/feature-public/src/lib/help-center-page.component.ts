import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { publicPageLanguage, watchQueryWhen } from '@homeroom/portal/data-access';
import { directionOf } from '@homeroom/shared/public-text';
import { LanguagePickerComponent } from './language-picker.component';
import { HelpCenterDocument } from './operations.generated';
import { publicText } from './public-text';

/**
 * The public help center: search (each language with its own stemmer, server-side), a category to
 * browse, and the articles found, in the family's language where written in it. No sign-in.
 */
@Component({
  selector: 'hr-help-center-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, LanguagePickerComponent],
  template: `
    <main class="public" [attr.lang]="language.tag()" [attr.dir]="language.dir()">
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
            <!-- An article not written in the family's language shows in the one it has, in its direction. -->
            <li
              data-testid="help-article"
              [attr.lang]="article.language"
              [attr.dir]="directionOf(article.language)"
            >
              <h2>
                <a [routerLink]="['/help', article.slug]">{{ article.title }}</a>
              </h2>
              <p>{{ article.summary }}</p>
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
  protected readonly language = publicPageLanguage();
  protected readonly text = publicText();
  protected readonly directionOf = directionOf;
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
