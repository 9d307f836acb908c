import { ChangeDetectionStrategy, Component, inject, input, model, output, signal } from '@angular/core';
import {
  attachmentInput,
  FILE_ACCEPT,
  type FileProblem,
  fileProblem,
  formatFileSize,
  injectActions,
  onApiOrigin,
  PORTAL_CONFIG,
} from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  AddHelpArticleFileDocument,
  type AdminArticleFileFragment,
  RemoveHelpArticleFileDocument,
} from '../operations.generated';

const FILE_PROBLEMS: Record<FileProblem, string> = {
  TOO_LARGE: 'The file is larger than 10 MB.',
  TYPE_NOT_ACCEPTED: 'Images (PNG, JPEG, GIF, WebP) and documents (PDF, Word, Excel, text, CSV, RTF) only.',
  EMPTY: 'The file is empty.',
  UNREADABLE: 'The file could not be read.',
};

/** What the API's refusals mean here (`extensions.reason`). */
const REASONS: Readonly<Record<string, string>> = {
  FILE_IN_USE: 'The published article shows this file: publish a version without it first.',
  TOO_MANY_ARTICLE_FILES: 'An article keeps at most 30 files.',
  ATTACHMENT_TYPE_NOT_ALLOWED: FILE_PROBLEMS.TYPE_NOT_ACCEPTED,
  ATTACHMENT_TOO_LARGE: FILE_PROBLEMS.TOO_LARGE,
};

/**
 * The images and documents of the article being edited: added from a file picker, each offered to the
 * text (an image as `<img>`, a document as a link, by its lasting address) and removable. Families see
 * them once the article is next published.
 */
@Component({
  selector: 'hr-article-files',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent],
  template: `
    <fieldset>
      <legend>Images and files</legend>
      <p class="hint" id="article-files-hint">
        Images (PNG, JPEG, GIF, WebP) show in the text where you insert them; other files (PDF, Word…) are
        offered to download. Families see them once the article is published.
      </p>
      @if (files().length) {
        <ul class="article-files">
          @for (file of files(); track file.id) {
            <li data-testid="article-file">
              @if (file.image) {
                <img [src]="link(file)" alt="" width="48" height="48" />
              }
              <a [href]="link(file)" target="_blank" rel="noopener">{{ file.fileName }}</a>
              <span class="hint">
                {{ size(file.sizeBytes) }} ·
                {{ file.published ? 'in the help center' : 'shown once published' }}
              </span>
              <button
                type="button"
                class="secondary"
                [attr.aria-label]="'Insert ' + file.fileName + ' into the text'"
                (click)="insert(file)"
              >
                Insert into the text
              </button>
              <button
                type="button"
                class="secondary"
                [disabled]="busy()"
                [attr.aria-label]="'Remove ' + file.fileName"
                (click)="remove(file)"
              >
                Remove
              </button>
            </li>
          }
        </ul>
      }
      <label for="article-file-input">Add an image or a file</label>
      <input
        id="article-file-input"
        type="file"
        [accept]="accept"
        [disabled]="busy()"
        aria-describedby="article-files-hint"
        (change)="add($event)"
      />
      <hr-form-feedback [problem]="problem()" [error]="actions.error()" [done]="actions.done()" />
    </fieldset>
  `,
})
export class ArticleFilesComponent {
  readonly articleId = input.required<string>();
  readonly files = input<readonly AdminArticleFileFragment[]>([]);
  /** Shared with the article's page: one change at a time. */
  readonly busy = model(false);
  /** Markup for the text: where the form puts it is the form's business. */
  readonly inserted = output<string>();
  protected readonly actions = injectActions({ refetch: ['AdminHelpArticles'], busy: this.busy });
  protected readonly problem = signal<string | null>(null);
  protected readonly accept = FILE_ACCEPT;
  private readonly config = inject(PORTAL_CONFIG);

  /** Where staff open it: a draft's file by its signed link, on the gateway's origin. */
  protected link(file: AdminArticleFileFragment): string {
    return onApiOrigin(this.config, file.url);
  }

  protected size(bytes: number): string {
    return formatFileSize(bytes, 'en');
  }

  protected async add(event: Event): Promise<void> {
    const picker = event.target as HTMLInputElement;
    const file = picker.files?.[0];
    if (!file) return;
    const problem = fileProblem(file);
    this.problem.set(problem ? FILE_PROBLEMS[problem] : null);
    if (!problem)
      await this.actions.run(
        AddHelpArticleFileDocument,
        { articleId: this.articleId(), file: await attachmentInput(file) },
        { reasons: REASONS, done: `${file.name} was added.` },
      );
    // The same file may be chosen again (after a refusal, or to add it twice).
    picker.value = '';
  }

  protected async remove(file: AdminArticleFileFragment): Promise<void> {
    this.problem.set(null);
    await this.actions.run(
      RemoveHelpArticleFileDocument,
      { articleId: this.articleId(), fileId: file.id },
      { reasons: REASONS, done: `${file.fileName} was removed.` },
    );
  }

  protected insert(file: AdminArticleFileFragment): void {
    this.inserted.emit(articleFileMarkup(file));
  }
}

/** The file as the article's HTML names it: by its lasting path, which the help center serves on the API's origin. */
export function articleFileMarkup(
  file: Pick<AdminArticleFileFragment, 'path' | 'fileName' | 'image'>,
): string {
  const path = escapeHtml(file.path);
  const text = escapeHtml(file.fileName);
  if (!file.image) return `<a href="${path}">${text}</a>`;
  const alt = escapeHtml(file.fileName.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' '));
  return `<img src="${path}" alt="${alt}">`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
