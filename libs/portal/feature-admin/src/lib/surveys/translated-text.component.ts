import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { languageName } from '@homeroom/shared/contact';
import { type Texts } from './survey-input';

/**
 * One text of a survey in each of its languages, a field a language, each labelled by the language's
 * name. The default language comes first; respondents see it wherever a translation is missing.
 */
@Component({
  selector: 'hr-translated-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  styles: `
    .translations {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
      gap: 0.3rem 0.6rem;
      align-items: center;
    }
    .translations label {
      margin: 0;
      font-weight: 500;
    }
  `,
  template: `
    <div class="translations">
      @for (language of languages(); track language) {
        <label [for]="idPrefix() + language">{{ label(language) }}</label>
        <input
          [id]="idPrefix() + language"
          [name]="idPrefix() + language"
          [maxlength]="maxLength()"
          [attr.placeholder]="placeholderIn(language)"
          [ngModel]="texts()[language] ?? ''"
          [ngModelOptions]="standalone"
          (ngModelChange)="write(language, $event)"
        />
      }
    </div>
  `,
})
export class TranslatedTextComponent {
  /** The survey's languages, its default first. */
  readonly languages = input.required<readonly string[]>();
  /** Starts each field's id; the language tag ends it. Unique on the page. */
  readonly idPrefix = input.required<string>();
  readonly maxLength = input.required<number>();
  /** Whether the text is required in the default language, as that field's label then says. */
  readonly required = input(true);
  /** Shown in the default language's empty field: the words that apply when it is left empty. */
  readonly placeholder = input<string | null>(null);
  readonly texts = model.required<Texts>();
  /**
   * The fields are this component's own, not the controls of the form around it (which cannot reach
   * into a component), as Angular asks to be told.
   */
  protected readonly standalone = { standalone: true };

  protected label(language: string): string {
    return this.required() && language === this.languages()[0]
      ? `${languageName(language)}, required`
      : languageName(language);
  }

  protected placeholderIn(language: string): string | null {
    const placeholder = this.placeholder();
    if (placeholder === null) return null;
    return language === this.languages()[0] ? placeholder : '';
  }

  protected write(language: string, text: string): void {
    this.texts.set({ ...this.texts(), [language]: text });
  }
}
