import { ChangeDetectionStrategy, Component, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import { canonicalLanguageTag, languageName } from '@homeroom/shared/contact';
import { type AdminStaffQuery, SetTranslatorLanguagesDocument } from '../operations.generated';

type Staff = AdminStaffQuery['people']['edges'][number]['node'];

/**
 * Marking a staff member a qualified translator (ADR 32): the languages in which they review vital
 * messages (discipline, special education, enrollment) before those go to families. Typed as language
 * tags, checked by the same rule the services use, saved all at once.
 */
@Component({
  selector: 'hr-translator-languages-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, TakesFocusDirective],
  template: `
    @if (person(); as person) {
      <section class="panel" aria-labelledby="translator-heading" tabindex="-1" hrTakesFocus>
        <h3 id="translator-heading">{{ person.displayName }} as a qualified translator</h3>
        <form (ngSubmit)="save(person)">
          <label for="translator-languages"
            >Languages they review vital messages in (comma-separated tags)</label
          >
          <input
            id="translator-languages"
            name="languages"
            aria-describedby="translator-hint"
            [(ngModel)]="languages"
          />
          <p class="hint" id="translator-hint">
            For example <code>es, vi</code>. Leave it empty when they are not a qualified translator.
          </p>
          <div class="actions">
            <button type="submit" [disabled]="busy()">Save {{ person.displayName }}'s languages</button>
            <button type="button" class="secondary" (click)="close()">Cancel</button>
          </div>
        </form>
        <hr-form-feedback [error]="actions.error()" />
      </section>
    }
  `,
})
export class TranslatorLanguagesEditorComponent {
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminStaff'], busy: this.busy });
  /** What was saved, in words, once the editor has closed. */
  readonly saved = output<string>();
  protected readonly person = signal<Staff | null>(null);
  protected readonly languages = signal('');

  /** Opens the editor on the person's languages as they are now. */
  edit(person: Staff): void {
    this.languages.set(person.translatorLanguages.join(', '));
    this.actions.clear();
    this.person.set(person);
  }

  close(): void {
    this.person.set(null);
  }

  protected async save(person: Staff): Promise<void> {
    const typed = this.languages()
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const unknown = typed.filter((tag) => !canonicalLanguageTag(tag));
    if (unknown.length) {
      this.actions.refuse(`Not a language tag: ${unknown.join(', ')} (use tags such as es, vi, so).`);
      return;
    }
    const done = await this.actions.run(SetTranslatorLanguagesDocument, {
      personId: person.id,
      languages: typed,
    });
    if (!done) return;
    this.close();
    const languages = done.setTranslatorLanguages;
    this.saved.emit(
      languages.length
        ? `${person.displayName} reviews vital messages in ${languages.map(languageName).join(', ')}.`
        : `${person.displayName} is no longer a qualified translator.`,
    );
  }
}
