/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ApolloTestingController } from 'apollo-angular/testing';
import { type Language, LanguageService } from '@homeroom/portal/data-access';
import { axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { LanguagePickerComponent } from './language-picker.component';
import { answerCorrections } from './public-text.testing';

describe('the language picker', () => {
  let fixture: ComponentFixture<LanguagePickerComponent>;
  let apollo: ApolloTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const select = () => element().querySelector('select')!;
  /** The label's own words, without the options' names. */
  const labelText = () => element().querySelector('label')!.firstChild!.textContent!.trim();

  function render(language: Language): void {
    apollo = configureApolloTesting();
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(LanguagePickerComponent);
    fixture.detectChanges();
    answerCorrections(apollo, language);
    fixture.detectChanges();
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('offers the district’s seven languages, each by its own name and tag, the current one chosen', async () => {
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
      ['vi', 'Tiếng Việt', 'vi', false],
      ['zh', '中文（简体）', 'zh-Hans', false],
      ['ar', 'العربية', 'ar', false],
      ['so', 'Soomaali', 'so', false],
      ['ht', 'Kreyòl ayisyen', 'ht', false],
    ]);
    expect(await axeViolations(element())).toEqual([]);
  });

  it.each([
    ['es', 'Idioma'],
    ['vi', 'Ngôn ngữ'],
    ['zh', '语言'],
    ['ar', 'اللغة'],
    ['so', 'Luqadda'],
    ['ht', 'Lang'],
  ] as const)('is labelled in the language chosen (%s)', async (language, label) => {
    render(language);
    expect(labelText()).toBe(label);
    expect(select().value).toBe(language);
    expect(await axeViolations(element())).toEqual([]);
  });

  it('switches the pages to the language chosen, remembers it, and asks for its corrections', async () => {
    render('en');
    select().value = 'ar';
    select().dispatchEvent(new Event('change'));
    fixture.detectChanges();
    answerCorrections(apollo, 'ar', { language: 'لغة الصفحة' });
    await settle(fixture);
    expect(TestBed.inject(LanguageService).current()).toBe('ar');
    expect(localStorage.getItem('homeroom.language')).toBe('ar');
    // The district's correction of the label shows instead of the shipped word.
    expect(labelText()).toBe('لغة الصفحة');
    expect([...select().options].map((option) => option.selected)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(await axeViolations(element())).toEqual([]);
  });
});
