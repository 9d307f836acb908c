/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormsModule } from '@angular/forms';
import { axeViolations } from '@homeroom/portal/ui/testing';
import type { Texts } from './survey-input';
import { TranslatedTextComponent } from './translated-text.component';

/** The survey builder's use of it: a title in each language, inside the form's fieldset. */
@Component({
  imports: [FormsModule, TranslatedTextComponent],
  template: `
    <form>
      <fieldset>
        <legend>Title</legend>
        <hr-translated-text
          [languages]="languages()"
          idPrefix="survey-title-"
          [maxLength]="200"
          [required]="required()"
          [placeholder]="placeholder()"
          [(texts)]="texts"
        />
      </fieldset>
    </form>
  `,
})
class SurveyFormComponent {
  readonly languages = signal(['en', 'es']);
  readonly required = signal(true);
  readonly placeholder = signal<string | null>(null);
  readonly texts = signal<Texts>({ en: 'How are we doing?' });
}

describe('a survey text in each of its languages', () => {
  let fixture: ComponentFixture<SurveyFormComponent>;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const inputs = () => [...page().querySelectorAll<HTMLInputElement>('input')];
  const labelled = () =>
    inputs().map((input) => [input.id, input.labels![0]!.textContent!.trim(), input.value]);

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(input: HTMLInputElement, text: string): void {
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(SurveyFormComponent);
    await settle();
  });

  afterEach(() => fixture.destroy());

  it('gives each language a field labelled by its name, the default one required', async () => {
    expect(labelled()).toEqual([
      ['survey-title-en', 'English (en), required', 'How are we doing?'],
      ['survey-title-es', 'Spanish (es)', ''],
    ]);
    expect(inputs().map((input) => input.maxLength)).toEqual([200, 200]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('keeps the other languages as they are when one is typed', async () => {
    type(inputs()[1]!, '¿Cómo lo estamos haciendo?');
    expect(host().texts()).toEqual({ en: 'How are we doing?', es: '¿Cómo lo estamos haciendo?' });
    type(inputs()[0]!, 'How did we do?');
    expect(host().texts()).toEqual({ en: 'How did we do?', es: '¿Cómo lo estamos haciendo?' });
  });

  it('shows the standard words in the default field of an optional text, and no more', async () => {
    host().required.set(false);
    host().placeholder.set('Not at all satisfied');
    await settle();
    expect(labelled().map(([, label]) => label)).toEqual(['English (en)', 'Spanish (es)']);
    expect(inputs().map((input) => input.getAttribute('placeholder'))).toEqual(['Not at all satisfied', '']);
    host().placeholder.set(null);
    await settle();
    expect(inputs().map((input) => input.hasAttribute('placeholder'))).toEqual([false, false]);
  });

  it('follows the languages and texts it is given', async () => {
    host().languages.set(['es', 'vi']);
    host().texts.set({ es: 'Hola', vi: 'Xin chào' });
    await settle();
    expect(labelled()).toEqual([
      ['survey-title-es', 'Spanish (es), required', 'Hola'],
      ['survey-title-vi', 'Vietnamese (vi)', 'Xin chào'],
    ]);
  });
});
