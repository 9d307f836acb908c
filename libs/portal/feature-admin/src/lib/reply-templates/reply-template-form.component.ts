import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  input,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { caseStatusName, FormFeedbackComponent, priorityName } from '@homeroom/portal/ui';
import { choicesOf, PRIORITIES } from '../case-choices';
import {
  type AdminReplyTemplateFragment,
  type CaseStatus,
  CreateReplyTemplateDocument,
  type Priority,
  UpdateReplyTemplateDocument,
  type VitalCategory,
} from '../operations.generated';
import { languageName } from '@homeroom/shared/contact';
import {
  newTemplateForm,
  PLACEHOLDER_HINTS,
  type TemplateForm,
  templateFormOf,
  templateInput,
  type TranslationDraft,
  VITAL_CATEGORY_CHOICES,
} from './reply-template-form';

/** What the form's pickers offer. */
export interface TemplateChoices {
  topics: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
}

/** The statuses a reply may move a case to (a new case is opened by any reply anyway). */
const STATUSES: readonly CaseStatus[] = ['OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'];

/** The language a new template starts with: the district's, which the service requires of every template. */
const FIRST_LANGUAGE = 'en';

/**
 * The reply template form: a new template, or the saved one `edit` is given. Its name and shortcut, whose
 * it is (district-wide or a team's, fixed once made), one text per language with the placeholders the
 * service fills, and what sending it changes on the case.
 */
@Component({
  selector: 'hr-reply-template-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    @if (editing(); as template) {
      <h2>Edit template {{ template.name }}</h2>
    } @else {
      <h2>Add a template</h2>
    }
    <form class="admin-form" (ngSubmit)="save()">
      <label for="template-name">Name</label>
      <input #nameInput id="template-name" name="name" required [(ngModel)]="name" />
      <label for="template-shortcut">Shortcut (what staff type to find it: late-bus)</label>
      <input id="template-shortcut" name="shortcut" [(ngModel)]="shortcut" />
      <label for="template-team">Whose</label>
      <select id="template-team" name="team" [disabled]="!!editing()" [(ngModel)]="teamId">
        <option value="">The whole district</option>
        @for (team of choices().teams; track team.id) {
          <option [value]="team.id">Team {{ team.name }}</option>
        }
      </select>
      <fieldset>
        <legend>Text, one per language (the requester's language is chosen, else the district's)</legend>
        <p class="hint" id="template-placeholders">
          Filled from the case:
          @for (hint of placeholderHints; track hint.placeholder; let last = $last) {
            <code>{{ hint.placeholder }}</code> {{ hint.means }}{{ last ? '.' : ';' }}
          }
        </p>
        @for (translation of translations(); track $index; let i = $index) {
          <label [for]="'template-language-' + i">Language of text {{ i + 1 }} (en, es, zh-TW)</label>
          <input
            [id]="'template-language-' + i"
            [name]="'language-' + i"
            [ngModel]="translation.language"
            (ngModelChange)="changeTranslation(i, { language: $event })"
          />
          <label [for]="'template-body-' + i">Text {{ i + 1 }}{{ nameOf(translation.language) }}</label>
          <textarea
            [id]="'template-body-' + i"
            [name]="'body-' + i"
            rows="5"
            aria-describedby="template-placeholders"
            [ngModel]="translation.body"
            (ngModelChange)="changeTranslation(i, { body: $event })"
          ></textarea>
          @if (translations().length > 1) {
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="'Remove text ' + (i + 1) + nameOf(translation.language)"
              (click)="removeTranslation(i)"
            >
              Remove this text
            </button>
          }
        }
        <button type="button" class="secondary" (click)="addTranslation()">Add a language</button>
      </fieldset>
      <fieldset>
        <legend>When it is sent</legend>
        <label for="template-status">move the case to</label>
        <select id="template-status" name="status" [(ngModel)]="setStatus">
          <option value="">Keep its status</option>
          @for (option of statusOptions; track option.value) {
            <option [value]="option.value">{{ option.name }}</option>
          }
        </select>
        <label for="template-priority">set its priority</label>
        <select id="template-priority" name="priority" [(ngModel)]="setPriority">
          <option value="">Keep it</option>
          @for (option of priorityOptions; track option.value) {
            <option [value]="option.value">{{ option.name }}</option>
          }
        </select>
        <label for="template-topic">set its topic</label>
        <select id="template-topic" name="topic" [(ngModel)]="setTopicId">
          <option value="">Keep it</option>
          @for (topic of choices().topics; track topic.id) {
            <option [value]="topic.id">{{ topic.name }}</option>
          }
        </select>
        <label for="template-tags">tag it (comma-separated)</label>
        <input id="template-tags" name="tags" [(ngModel)]="addTags" />
      </fieldset>
      <fieldset>
        <legend>Vital message</legend>
        <label for="template-vital">This template is about</label>
        <select
          id="template-vital"
          name="vital"
          [(ngModel)]="vitalCategory"
          aria-describedby="template-vital-hint"
        >
          <option value="">Nothing vital</option>
          @for (option of vitalOptions; track option.value) {
            <option [value]="option.value">{{ option.name }}</option>
          }
        </select>
        <p class="hint" id="template-vital-hint">
          A vital template's reply in another language than English waits until a qualified translator has
          approved it; the family receives nothing before.
        </p>
      </fieldset>
      <div class="actions">
        <button type="submit" [disabled]="actions.busy()">
          {{ editing() ? 'Save template' : 'Add template' }}
        </button>
        @if (editing()) {
          <button type="button" class="secondary" (click)="reset()">Cancel editing</button>
        }
      </div>
      <hr-form-feedback
        [problems]="problems()"
        lead="The template was not saved:"
        [error]="actions.error()"
      />
    </form>
  `,
})
export class ReplyTemplateFormComponent {
  readonly choices = input<TemplateChoices>({ topics: [], teams: [] });
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** What was saved, in words. */
  readonly saved = output<string>();
  protected readonly actions = injectActions({ refetch: ['AdminReplyTemplates'], busy: this.busy });

  protected readonly placeholderHints = PLACEHOLDER_HINTS;
  protected readonly statusOptions = choicesOf(STATUSES, caseStatusName);
  protected readonly priorityOptions = choicesOf(PRIORITIES, priorityName);
  protected readonly editing = signal<AdminReplyTemplateFragment | null>(null);
  protected readonly name = signal('');
  protected readonly shortcut = signal('');
  protected readonly teamId = signal('');
  protected readonly translations = signal<readonly TranslationDraft[]>([]);
  protected readonly setStatus = signal<CaseStatus | ''>('');
  protected readonly setPriority = signal<Priority | ''>('');
  protected readonly setTopicId = signal('');
  protected readonly addTags = signal('');
  protected readonly vitalCategory = signal<VitalCategory | ''>('');
  protected readonly vitalOptions = VITAL_CATEGORY_CHOICES;
  protected readonly problems = signal<string[]>([]);
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  constructor() {
    this.fill(newTemplateForm(FIRST_LANGUAGE));
  }

  /** Fills the form from the saved template, and takes the focus to its name. */
  edit(template: AdminReplyTemplateFragment): void {
    this.fill(templateFormOf(template));
    this.editing.set(template);
    this.nameInput().nativeElement.focus();
  }

  /** Starts a new template. */
  reset(): void {
    this.fill(newTemplateForm(FIRST_LANGUAGE));
    this.editing.set(null);
  }

  /** A template was archived: if it is the one being edited, there is nothing left to edit. */
  forget(id: string): void {
    if (this.editing()?.id === id) this.reset();
  }

  /** " (Spanish (es))" after a text's label, once its language reads as one. */
  protected nameOf(language: string): string {
    const named = languageName(language.trim());
    return named === language.trim() ? '' : ` (${named})`;
  }

  protected changeTranslation(index: number, change: Partial<TranslationDraft>): void {
    this.translations.update((all) => all.map((t, i) => (i === index ? { ...t, ...change } : t)));
  }

  protected addTranslation(): void {
    this.translations.update((all) => [...all, { language: '', body: '' }]);
  }

  protected removeTranslation(index: number): void {
    this.translations.update((all) => all.filter((_, i) => i !== index));
  }

  protected async save(): Promise<void> {
    const template = this.editing();
    const form = this.current();
    const result = templateInput(form);
    this.problems.set(result.problems ?? []);
    if (!result.input) return;
    const words = {
      reasons: {
        SHORTCUT_TAKEN: `Another template in use has the shortcut ${result.input.shortcut}: choose another.`,
      },
    };
    const done = template
      ? await this.actions.run(UpdateReplyTemplateDocument, { id: template.id, input: result.input }, words)
      : await this.actions.run(CreateReplyTemplateDocument, { input: result.input }, words);
    if (!done) return;
    this.reset();
    this.saved.emit(`Template ${result.input.name} was ${template ? 'saved' : 'added'}.`);
  }

  private current(): TemplateForm {
    return {
      name: this.name(),
      shortcut: this.shortcut(),
      teamId: this.teamId(),
      translations: this.translations(),
      setStatus: this.setStatus(),
      setPriority: this.setPriority(),
      setTopicId: this.setTopicId(),
      addTags: this.addTags(),
      vitalCategory: this.vitalCategory(),
    };
  }

  private fill(form: TemplateForm): void {
    this.name.set(form.name);
    this.shortcut.set(form.shortcut);
    this.teamId.set(form.teamId);
    this.translations.set(form.translations);
    this.setStatus.set(form.setStatus);
    this.setPriority.set(form.setPriority);
    this.setTopicId.set(form.setTopicId);
    this.addTags.set(form.addTags);
    this.vitalCategory.set(form.vitalCategory);
    this.problems.set([]);
    this.actions.clear();
  }
}
