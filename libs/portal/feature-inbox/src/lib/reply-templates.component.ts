import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  RenderReplyTemplateDocument,
  ReplyTemplatesDocument,
  type ReplyTemplatesQuery,
} from './operations.generated';

type TemplateOption = ReplyTemplatesQuery['replyTemplates']['edges'][number]['node'];

/** A template put in the reply box: its text as it reads on this case, and its id for the send. */
export interface ChosenTemplate {
  templateId: string;
  language: string;
  body: string;
}

/**
 * The reply template picker on a case: the agent types a few letters of a template's name or its shortcut,
 * picks one (arrow keys and Enter, or a click), and its text, in the requester's language with the case's
 * details filled in, goes into the reply box to read and change before sending. Nothing is sent by itself.
 */
@Component({
  selector: 'hr-reply-templates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent],
  template: `
    <section class="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Reply templates</h2>
      <label for="template-search">Find a template by name or shortcut</label>
      <input
        id="template-search"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-controls="template-options"
        [attr.aria-expanded]="options().length > 0"
        [attr.aria-activedescendant]="options()[active()] ? 'template-' + options()[active()]!.id : null"
        [value]="search()"
        (input)="find($any($event.target).value)"
        (keydown)="onKey($event)"
      />
      <ul id="template-options" role="listbox" aria-label="Matching templates" class="plain">
        @for (option of options(); track option.id; let i = $index) {
          <li
            role="option"
            [id]="'template-' + option.id"
            [attr.aria-selected]="i === active()"
            [class.active]="i === active()"
            (click)="choose(option)"
          >
            {{ option.name }}
            @if (option.shortcut) {
              <kbd>{{ option.shortcut }}</kbd>
            }
            <span class="hint"> — {{ languagesOf(option) }}</span>
          </li>
        }
      </ul>
      @if (searched() && options().length === 0) {
        <p class="hint" role="status">No template matches “{{ search() }}”.</p>
      }
      <hr-form-feedback [error]="actions.error()" />
    </section>
  `,
})
export class ReplyTemplatesComponent {
  readonly caseId = input.required<string>();
  /** The chosen template's text for this case, for the page to put in its reply box. */
  readonly chosen = output<ChosenTemplate>();
  private readonly apollo = inject(Apollo);
  /** Rendering changes nothing, so no query is brought up to date. */
  protected readonly actions = injectActions({ refetch: [] });
  protected readonly search = signal('');
  protected readonly searched = signal(false);
  protected readonly options = signal<TemplateOption[]>([]);
  protected readonly active = signal(0);
  /** The newest search wins: an answer to an older one, arriving late, is dropped. */
  private asked = 0;

  protected async find(text: string): Promise<void> {
    this.search.set(text);
    const words = text.trim();
    const ask = ++this.asked;
    if (!words) {
      this.options.set([]);
      this.searched.set(false);
      return;
    }
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: ReplyTemplatesDocument,
          variables: { search: words },
          fetchPolicy: 'network-only',
        }),
      );
      if (ask !== this.asked) return;
      this.options.set(result.data?.replyTemplates.edges.map((edge) => edge.node) ?? []);
      this.active.set(0);
      this.searched.set(true);
      this.actions.clear();
    } catch (error) {
      if (ask === this.asked) this.actions.refuse(errorMessage(error, 'en'));
    }
  }

  protected onKey(event: KeyboardEvent): void {
    const count = this.options().length;
    if (!count) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.active.update((at) => (at + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void this.choose(this.options()[this.active()]!);
    } else if (event.key === 'Escape') {
      this.options.set([]);
    }
  }

  protected async choose(option: TemplateOption): Promise<void> {
    this.actions.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: RenderReplyTemplateDocument,
          variables: { templateId: option.id, caseId: this.caseId() },
          fetchPolicy: 'network-only',
        }),
      );
      const rendered = result.data?.renderReplyTemplate;
      if (!rendered) return;
      this.chosen.emit({ templateId: rendered.templateId, language: rendered.language, body: rendered.body });
      this.options.set([]);
      this.search.set('');
      this.searched.set(false);
      this.actions.clear();
    } catch (error) {
      this.actions.refuse(errorMessage(error, 'en'));
    } finally {
      this.actions.busy.set(false);
    }
  }

  protected languagesOf(option: TemplateOption): string {
    return option.translations.map((translation) => translation.language).join(' · ');
  }
}
