/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { LanguageService } from '@homeroom/portal/data-access';
import { axeViolations } from '@homeroom/portal/ui/testing';
import { LanguagePickerComponent } from './language-picker.component';

describe('the language picker', () => {
  let fixture: ComponentFixture<LanguagePickerComponent>;
  const element = () => fixture.nativeElement as HTMLElement;
  const select = () => element().querySelector('select')!;
  /** The label's own words, without the options' names. */
  const labelText = () => element().querySelector('label')!.firstChild!.textContent!.trim();

  function render(language: 'en' | 'es'): void {
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(LanguagePickerComponent);
    fixture.detectChanges();
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => fixture.destroy());

  it('offers each language by its own name, in its own language, the current one chosen', async () => {
    render('en');
    expect(labelText()).toBe('Language');
    expect(select().closest('label')).toBe(element().querySelector('label'));
    expect(
      [...select().options].map((option) => [
        option.value,
        option.textContent!.trim(),
        option.lang,
        option.selected,
      ]),
    ).toEqual([
      ['en', 'English', 'en', true],
      ['es', 'Español', 'es', false],
    ]);
    expect(await axeViolations(element())).toEqual([]);
  });

  it('starts on Spanish for a family that chose it, labelled in Spanish', () => {
    render('es');
    expect(labelText()).toBe('Idioma');
    expect(select().value).toBe('es');
  });

  it('switches the pages to the language chosen, and remembers it', async () => {
    render('en');
    select().value = 'es';
    select().dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(TestBed.inject(LanguageService).current()).toBe('es');
    expect(localStorage.getItem('homeroom.language')).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(labelText()).toBe('Idioma');
    expect([...select().options].map((option) => option.selected)).toEqual([false, true]);
    expect(await axeViolations(element())).toEqual([]);
  });
});
