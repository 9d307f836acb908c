import { ChangeDetectionStrategy, Component, computed, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import { formatWhen } from '../formats';
import {
  type AdminHelpArticleFragment,
  AdminHelpArticlesDocument,
  ArchiveHelpArticleDocument,
  type ArticleStatus,
  CreateHelpCategoryDocument,
  PublishHelpArticleDocument,
  SubmitHelpArticleDocument,
} from '../operations.generated';
import { HelpArticleFormComponent } from './help-article-form.component';

type ArticleAction = 'edit' | 'submit' | 'publish' | 'archive';

const STATUS_WORDS: Record<ArticleStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

/**
 * The help center's articles as staff keep them: each with its status (a draft of a published article
 * says the published version is still live), whose it is, and what families said of it; written and
 * edited in the form, sent for review, published or archived from the list. Categories are added here.
 */
@Component({
  selector: 'hr-help-articles-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, HelpArticleFormComponent, RowActionsComponent],
  template: `
    <h1>Help center articles</h1>
    <p class="hint">
      Families find these in the help center and beside the contact form. A draft is published after review.
    </p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading articles…</p>
    } @else if (articles().length === 0) {
      @if (!loadError()) {
        <p>No articles yet.</p>
      }
    } @else {
      <table>
        <caption class="visually-hidden">
          Articles, most recently changed first
        </caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Status</th>
            <th scope="col">Whose</th>
            <th scope="col">Families said</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (article of articles(); track article.id) {
            <tr data-testid="help-article-row">
              <td>
                {{ article.title }}<br /><span class="hint"
                  >{{ article.languages }} · changed {{ article.changed }}</span
                >
              </td>
              <td>{{ article.state }}</td>
              <td>{{ article.whose }}</td>
              <td>{{ article.feedback }}</td>
              <td>
                <hr-row-actions
                  [label]="'Actions for article ' + article.title"
                  [actions]="article.actions"
                  [busy]="busy()"
                  (chosen)="act(article, $event)"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
    <hr-form-feedback [error]="changing.error()" [done]="changing.done() ?? saved()" />

    <hr-help-article-form
      [choices]="choices()"
      [articles]="articleNodes()"
      [(busy)]="busy"
      (saved)="onSaved($event)"
    />

    <h2>Add a category</h2>
    <form class="admin-form" (ngSubmit)="addCategory()">
      <label for="category-en">Name in English</label>
      <input id="category-en" name="en" [(ngModel)]="categoryEn" />
      <label for="category-es">Name in Spanish</label>
      <input id="category-es" name="es" [(ngModel)]="categoryEs" />
      <button type="submit" [disabled]="busy() || !categoryEn().trim()">Add category</button>
    </form>
  `,
})
export class HelpArticlesPageComponent {
  private readonly query = watchQuery(AdminHelpArticlesDocument);
  private readonly data = this.query.data;
  protected readonly loadError = this.query.error;
  protected readonly loading = computed(() => this.query.loading() && !this.data());
  protected readonly form = viewChild.required(HelpArticleFormComponent);
  protected readonly busy = signal(false);
  protected readonly changing = injectActions({ refetch: ['AdminHelpArticles'], busy: this.busy });
  protected readonly saved = signal<string | null>(null);
  protected readonly categoryEn = signal('');
  protected readonly categoryEs = signal('');
  protected readonly choices = computed(() => ({
    schools: this.data()?.schools.edges.map((edge) => edge.node) ?? [],
    categories: this.data()?.helpCategories ?? [],
    topics: this.data()?.topics ?? [],
  }));
  protected readonly articleNodes = computed(() =>
    (this.data()?.knowledgeArticles.edges ?? []).map(({ node }) => node),
  );
  protected readonly articles = computed(() => {
    const schools = new Map(this.choices().schools.map((school) => [school.id, school.name]));
    return this.articleNodes().map((node) => ({
      ...node,
      title: node.translations[0]?.title ?? node.slug,
      languages: node.translations.map((t) => t.language).join(', '),
      changed: formatWhen(node.updatedAt),
      state: stateOf(node),
      whose: node.schoolId ? (schools.get(node.schoolId) ?? 'A school') : 'District-wide',
      feedback: `${node.answeredCount} answered, ${node.helpfulCount} helpful, ${node.notHelpfulCount} not`,
      actions: actionsFor(node),
    }));
  });

  protected onSaved(message: string): void {
    this.changing.clear();
    this.saved.set(message);
  }

  protected async act(article: AdminHelpArticleFragment, action: ArticleAction): Promise<void> {
    if (action === 'edit') {
      this.form().edit(article);
      return;
    }
    this.saved.set(null);
    const title = article.translations[0]?.title ?? article.slug;
    if (action === 'submit')
      await this.changing.run(
        SubmitHelpArticleDocument,
        { id: article.id },
        { done: `Article ${title} was sent for review.` },
      );
    if (action === 'publish')
      await this.changing.run(
        PublishHelpArticleDocument,
        { id: article.id },
        {
          done: ({ publishKnowledgeArticle: published }) =>
            `Article ${title} is live in the help center (version ${published.publishedVersion}).`,
        },
      );
    if (action === 'archive') {
      const archived = await this.changing.run(
        ArchiveHelpArticleDocument,
        { id: article.id },
        { done: `Article ${title} was archived: it is out of the help center.` },
      );
      if (archived) this.form().forget(article.id);
    }
  }

  protected async addCategory(): Promise<void> {
    this.saved.set(null);
    const names = [
      { language: 'en', name: this.categoryEn().trim() },
      ...(this.categoryEs().trim() ? [{ language: 'es', name: this.categoryEs().trim() }] : []),
    ];
    const added = await this.changing.run(
      CreateHelpCategoryDocument,
      { names },
      { done: `Category ${names[0]!.name} was added.` },
    );
    if (added) {
      this.categoryEn.set('');
      this.categoryEs.set('');
    }
  }
}

/** "Published (version 2)", or "Draft (version 1 is live)" for a changed published article. */
function stateOf(article: AdminHelpArticleFragment): string {
  const words = STATUS_WORDS[article.status];
  if (article.status === 'PUBLISHED') return `${words} (version ${article.publishedVersion})`;
  if (article.status !== 'ARCHIVED' && article.publishedVersion)
    return `${words} (version ${article.publishedVersion} is live)`;
  return words;
}

/** What the list offers for an article, by its status. */
function actionsFor(article: AdminHelpArticleFragment): RowAction<ArticleAction>[] {
  const title = article.translations[0]?.title ?? article.slug;
  const actions: RowAction<ArticleAction>[] = [];
  if (article.status !== 'ARCHIVED')
    actions.push({ id: 'edit', label: 'Edit', name: `Edit article ${title}`, waitsForChanges: false });
  if (article.status === 'DRAFT')
    actions.push({ id: 'submit', label: 'Send for review', name: `Send article ${title} for review` });
  if (article.status === 'DRAFT' || article.status === 'IN_REVIEW')
    actions.push({ id: 'publish', label: 'Publish', name: `Publish article ${title}` });
  if (article.status !== 'ARCHIVED')
    actions.push({ id: 'archive', label: 'Archive', name: `Archive article ${title}` });
  return actions;
}
