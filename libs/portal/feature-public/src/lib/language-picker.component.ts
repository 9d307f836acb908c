import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LANGUAGES, LanguageService, type Language } from '@homeroom/portal/data-access';
import { publicText } from './public-text';

@Component({
  selector: 'hr-language-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="language">
      {{ text().language }}
      <select (change)="choose($event)">
        @for (option of languages; track option.code) {
          <option
            [value]="option.code"
            [attr.lang]="option.tag"
            [selected]="option.code === language.current()"
          >
            {{ option.name }}
          </option>
        }
      </select>
    </label>
  `,
})
export class LanguagePickerComponent {
  protected readonly language = inject(LanguageService);
  protected readonly languages = LANGUAGES;
  protected readonly text = publicText();

  protected choose(event: Event): void {
    this.language.use((event.target as HTMLSelectElement).value as Language);
  }
}
