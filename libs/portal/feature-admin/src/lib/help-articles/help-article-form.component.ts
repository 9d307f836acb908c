import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  input,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { ArticleFilesComponent } from './article-files.component';
import {
  type AdminHelpArticleFragment,
  CreateHelpArticleDocument,
  UpdateHelpArticleDocument,
} from '../operations.generated';
import { languageName } from '@homeroom/shared/contact';
import {
  type ArticleForm,
  articleFormOf,
  articleInput,
  type ArticleTextDraft,
  newArticleForm,
} from './help-article-form';

/** What the form's pickers offer. */
export interface ArticleChoices {
  schools: readonly { id: string; name: string }[];
  categories: readonly { id: string; name: string }[];
  topics: readonly { id: string; name: string }[];
}

/** The language a new article starts with: the district's, which the service requires of every article. */
const FIRST_LANGUAGE = 'en';

/**
 * The article form: a new draft, or the draft of the saved article `edit` is given (its school fixed once
 * made). One title and HTML text per language; saving keeps it a draft (a published article stays live
 * as published until it is published again).
 */
@Component({
  selector: 'hr-help-article-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, ArticleFilesComponent],
  template: `
    @if (editing(); as article) {
      <h2>Edit article {{ article.translations[0]?.title }}</h2>
    } @else {
      <h2>Write an article</h2>
    }
    <form class="admin-form" (ngSubmit)="save()">
      <label for="article-school">Whose families see it</label>
      <select id="article-school" name="school" [disabled]="!!editing()" [(ngModel)]="schoolId">
        <option value="">The whole district</option>
        @for (school of choices().schools; track school.id) {
          <option [value]="school.id">{{ school.name }}</option>
        }
      </select>
      <label for="article-category">Category</label>
      <select #categoryInput id="article-category" name="category" [(ngModel)]="categoryId">
        <option value="">None</option>
        @for (category of choices().categories; track category.id) {
          <option [value]="category.id">{{ category.name }}</option>
        }
      </select>
      <label for="article-topic">The topic whose questions it answers</label>
      <select id="article-topic" name="topic" [(ngModel)]="topicId">
        <option value="">None</option>
        @for (topic of choices().topics; track topic.id) {
          <option [value]="topic.id">{{ topic.name }}</option>
        }
      </select>
      <fieldset>
        <legend>Text, one per language (families read theirs, else the district's)</legend>
        <p class="hint" id="article-html-hint">
          HTML: headings, paragraphs, lists, links, https images, the article's own images and tables are
          kept; anything else is removed.
        </p>
        @for (translation of translations(); track $index; let i = $index) {
          <label [for]="'article-language-' + i">Language of text {{ i + 1 }} (en, es, zh-TW)</label>
          <input
            [id]="'article-language-' + i"
            [name]="'language-' + i"
            [ngModel]="translation.language"
            (ngModelChange)="change(i, { language: $event })"
          />
          <label [for]="'article-title-' + i">Title {{ i + 1 }}{{ nameOf(translation.language) }}</label>
          <input
            [id]="'article-title-' + i"
            [name]="'title-' + i"
            [ngModel]="translation.title"
            (ngModelChange)="change(i, { title: $event })"
          />
          <label [for]="'article-body-' + i">Text {{ i + 1 }}{{ nameOf(translation.language) }}</label>
          <textarea
            [id]="'article-body-' + i"
            [name]="'body-' + i"
            rows="8"
            aria-describedby="article-html-hint"
            [ngModel]="translation.body"
            (ngModelChange)="change(i, { body: $event })"
            (focus)="focusedText = i"
          ></textarea>
          @if (translations().length > 1) {
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="'Remove text ' + (i + 1) + nameOf(translation.language)"
              (click)="remove(i)"
            >
              Remove this text
            </button>
          }
        }
        <button type="button" class="secondary" (click)="add()">Add a language</button>
      </fieldset>
      @if (editing(); as article) {
        <hr-article-files
          [articleId]="article.id"
          [files]="files()"
          [(busy)]="busy"
          (inserted)="insertIntoText($event)"
        />
      } @else {
        <p class="hint">Images and files are added once the draft is saved.</p>
      }
      <div class="actions">
        <button type="submit" [disabled]="actions.busy()">
          {{ editing() ? 'Save draft' : 'Save as draft' }}
        </button>
        @if (editing()) {
          <button type="button" class="secondary" (click)="reset()">Cancel editing</button>
        }
      </div>
      <hr-form-feedback [problems]="problems()" lead="The article was not saved:" [error]="actions.error()" />
    </form>
  `,
})
export class HelpArticleFormComponent {
  readonly choices = input<ArticleChoices>({ schools: [], categories: [], topics: [] });
  /** The articles as the page last read them: the edited one's files are taken from here, kept current. */
  readonly articles = input<readonly AdminHelpArticleFragment[]>([]);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** What was saved, in words. */
  readonly saved = output<string>();
  protected readonly actions = injectActions({ refetch: ['AdminHelpArticles'], busy: this.busy });
  protected readonly editing = signal<AdminHelpArticleFragment | null>(null);
  protected readonly schoolId = signal('');
  protected readonly categoryId = signal('');
  protected readonly topicId = signal('');
  protected readonly translations = signal<readonly ArticleTextDraft[]>([]);
  protected readonly problems = signal<string[]>([]);
  private readonly categoryInput = viewChild.required<ElementRef<HTMLSelectElement>>('categoryInput');
  /** The text an inserted image or link goes into: the one last in focus. */
  protected focusedText = 0;
  protected readonly files = computed(() => {
    const editing = this.editing();
    if (!editing) return [];
    return (this.articles().find((article) => article.id === editing.id) ?? editing).files;
  });

  constructor() {
    this.fill(newArticleForm(FIRST_LANGUAGE));
  }

  /** Fills the form from the saved article's draft, and takes the focus to its first field it may change. */
  edit(article: AdminHelpArticleFragment): void {
    this.fill(articleFormOf(article));
    this.editing.set(article);
    this.categoryInput().nativeElement.focus();
  }

  reset(): void {
    this.fill(newArticleForm(FIRST_LANGUAGE));
    this.editing.set(null);
  }

  /** An article was archived: if it is the one being edited, there is nothing left to edit. */
  forget(id: string): void {
    if (this.editing()?.id === id) this.reset();
  }

  /** " (Spanish (es))" after a text's label, once its language reads as one. */
  protected nameOf(language: string): string {
    const named = languageName(language.trim());
    return named === language.trim() ? '' : ` (${named})`;
  }

  protected change(index: number, change: Partial<ArticleTextDraft>): void {
    this.translations.update((all) => all.map((t, i) => (i === index ? { ...t, ...change } : t)));
  }

  /** An image or a link from the article's files, on its own line at the end of the text last in focus. */
  protected insertIntoText(markup: string): void {
    const index = Math.min(this.focusedText, this.translations().length - 1);
    const body = this.translations()[index]?.body.trimEnd() ?? '';
    this.change(index, { body: body ? `${body}\n${markup}` : markup });
  }

  protected add(): void {
    this.translations.update((all) => [...all, { language: '', title: '', body: '' }]);
  }

  protected remove(index: number): void {
    this.translations.update((all) => all.filter((_, i) => i !== index));
  }

  protected async save(): Promise<void> {
    const article = this.editing();
    const result = articleInput(this.current());
    this.problems.set(result.problems ?? []);
    if (!result.input) return;
    const done = article
      ? await this.actions.run(UpdateHelpArticleDocument, { id: article.id, input: result.input })
      : await this.actions.run(CreateHelpArticleDocument, {
          input: { ...result.input, schoolId: result.schoolId },
        });
    if (!done) return;
    this.reset();
    const title = result.input.translations[0]!.title;
    this.saved.emit(`Article ${title} was saved as a draft.`);
  }

  private current(): ArticleForm {
    return {
      schoolId: this.schoolId(),
      categoryId: this.categoryId(),
      topicId: this.topicId(),
      translations: this.translations(),
    };
  }

  private fill(form: ArticleForm): void {
    this.schoolId.set(form.schoolId);
    this.categoryId.set(form.categoryId);
    this.topicId.set(form.topicId);
    this.translations.set(form.translations);
    this.problems.set([]);
    this.actions.clear();
  }
}
