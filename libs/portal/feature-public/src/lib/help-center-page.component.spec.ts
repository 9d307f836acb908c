/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { type Language, LanguageService } from '@homeroom/portal/data-access';
import { axeViolations, configureApolloTesting, setField, settle } from '@homeroom/portal/ui/testing';
import { HelpCenterPageComponent } from './help-center-page.component';
import { HelpCenterDocument, type HelpCenterQuery } from './operations.generated';
import { answerCorrections } from './public-text.testing';

const answer = (articles: { id: string; title: string; language?: string }[]) =>
  ({
    helpCategories: [{ __typename: 'KnowledgeCategory', id: 'c1', name: 'Transporte' }],
    helpArticles: articles.map(({ id, title, language = 'es' }) => ({
      __typename: 'HelpArticleSummary',
      id,
      slug: `slug-${id}`,
      language,
      title,
      summary: `${title}: resumen.`,
    })),
  }) as unknown as HelpCenterQuery;

describe('the help center', () => {
  let fixture: ComponentFixture<HelpCenterPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const titles = () =>
    [...page().querySelectorAll('[data-testid="help-article"] h2')].map((h) => h.textContent!.trim());

  async function open(language: Language): Promise<void> {
    apollo = configureApolloTesting([provideRouter([])]);
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(HelpCenterPageComponent);
    fixture.detectChanges();
    answerCorrections(apollo, language);
    await settle(fixture);
  }

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("lists the articles in the family's language, searches when asked, and browses a category", async () => {
    await open('es');
    const first = apollo.expectOne(HelpCenterDocument);
    expect(first.operation.variables).toEqual({ language: 'es', search: null, categoryId: null });
    first.flushData(
      answer([
        { id: 'a1', title: 'Paradas cerradas' },
        { id: 'a2', title: 'Snow days', language: 'en' },
      ]),
    );
    await settle(fixture);
    expect(page().querySelector('h1')!.textContent).toBe('Centro de ayuda');
    expect(titles()).toEqual(['Paradas cerradas', 'Snow days']);
    // An article only in the district's language says so to assistive technology.
    const englishOnly = page().querySelector('a[href="/help/slug-a2"]')!.closest('li')!;
    expect([englishOnly.getAttribute('lang'), englishOnly.getAttribute('dir')]).toEqual(['en', 'ltr']);
    expect(await axeViolations(page())).toEqual([]);

    setField(page(), 'help-search', '  autobuses  ');
    await settle(fixture);
    apollo.expectNone(HelpCenterDocument);
    page().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
    const searched = apollo.expectOne(HelpCenterDocument);
    expect(searched.operation.variables).toEqual({ language: 'es', search: 'autobuses', categoryId: null });
    searched.flushData(answer([]));
    await settle(fixture);
    expect(page().querySelector('ul.help-articles')!.textContent!.trim()).toBe(
      'Ningún artículo coincide. Puede escribirnos.',
    );

    setField(page(), 'help-category', 'c1');
    await settle(fixture);
    const browsed = apollo.expectOne(HelpCenterDocument);
    expect(browsed.operation.variables).toEqual({ language: 'es', search: 'autobuses', categoryId: 'c1' });
    browsed.flushData(answer([{ id: 'a1', title: 'Paradas cerradas' }]));
    await settle(fixture);
    expect(titles()).toEqual(['Paradas cerradas']);
  });

  it('asks again in the language the family switches to', async () => {
    await open('en');
    apollo.expectOne(HelpCenterDocument).flushData(answer([]));
    await settle(fixture);
    expect(page().querySelector('label[for="help-search"]')!.textContent).toBe('Search the help center');
    TestBed.inject(LanguageService).use('es');
    await settle(fixture);
    // The district's corrections of the Spanish words are asked for once the page is in Spanish.
    answerCorrections(apollo, 'es');
    expect(apollo.expectOne(HelpCenterDocument).operation.variables['language']).toBe('es');
  });
});
