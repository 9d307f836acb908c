/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import type { Language } from '@homeroom/portal/data-access';
import { alertTexts, axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { HelpSuggestionsComponent, SUGGEST_AFTER_MS } from './help-suggestions.component';
import { MarkHelpArticleAnsweredDocument, SuggestHelpArticlesDocument } from './operations.generated';
import { answerCorrections } from './public-text.testing';

const STOPS = {
  __typename: 'HelpArticleSummary',
  id: 'a1',
  slug: 'paradas-cerradas',
  language: 'es',
  title: 'Paradas de autobús cerradas por obras',
  summary: 'La parada de la calle Elm está cerrada.',
};

/** The contact form's use of the suggestions: what the family typed, and whether one answered them. */
@Component({
  imports: [HelpSuggestionsComponent],
  template: `<hr-help-suggestions
    [message]="message()"
    [language]="language()"
    [schoolId]="schoolId()"
    (answered)="answered.push($event)"
  />`,
})
class ContactFormComponent {
  readonly message = signal('');
  readonly language = signal<Language>('es');
  readonly schoolId = signal<string | null>('s1');
  readonly answered: string[] = [];
}

const pause = (ms = SUGGEST_AFTER_MS + 50) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the help suggestions beside the contact form', () => {
  let fixture: ComponentFixture<ContactFormComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = () => page().querySelector<HTMLButtonElement>('button')!;

  async function write(message: string): Promise<void> {
    host().message.set(message);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting([provideRouter([])]);
    fixture = TestBed.createComponent(ContactFormComponent);
    fixture.detectChanges();
    answerCorrections(apollo, 'es');
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('looks articles up once the family pauses, with a few words written, and shows them', async () => {
    await write('La parada');
    await pause();
    apollo.expectNone(SuggestHelpArticlesDocument);
    await write('La parada de autobús');
    await write('La parada de autobús está cerrada');
    await pause();
    // One lookup, for what was written when the family paused.
    const lookup = apollo.expectOne(SuggestHelpArticlesDocument);
    expect(lookup.operation.variables).toEqual({
      text: 'La parada de autobús está cerrada',
      language: 'es',
      schoolId: 's1',
    });
    lookup.flushData({ suggestHelpArticles: [STOPS] });
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Estos artículos pueden responder a su pregunta');
    expect(page().querySelector('h3')!.textContent).toBe(STOPS.title);
    expect(page().querySelector('a')!.getAttribute('href')).toBe('/help/paradas-cerradas');
    expect(button().textContent!.trim()).toBe(`Esto respondió mi pregunta: ${STOPS.title}`);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('counts the article that answered the question and tells the form', async () => {
    await write('La parada de autobús está cerrada');
    await pause();
    apollo.expectOne(SuggestHelpArticlesDocument).flushData({ suggestHelpArticles: [STOPS] });
    await settle(fixture);
    button().click();
    await settle(fixture);
    const answered = apollo.expectOne(MarkHelpArticleAnsweredDocument);
    expect(answered.operation.variables).toEqual({ articleId: 'a1', language: 'es' });
    expect(button().disabled).toBe(true);
    answered.flushData({ markHelpArticleAnswered: true });
    await settle(fixture);
    expect(host().answered).toEqual([STOPS.title]);
  });

  it('shows nothing when nothing matches or the lookup fails, and says so when counting fails', async () => {
    await write('Quiero hablar con alguien');
    await pause();
    apollo.expectOne(SuggestHelpArticlesDocument).flushData({ suggestHelpArticles: [] });
    await settle(fixture);
    expect(page().querySelector('section')).toBeNull();

    await write('La parada de autobús está cerrada');
    await pause();
    apollo.expectOne(SuggestHelpArticlesDocument).flushData({ suggestHelpArticles: [STOPS] });
    await settle(fixture);
    button().click();
    await settle(fixture);
    apollo.expectOne(MarkHelpArticleAnsweredDocument).networkError(new Error('offline'));
    await settle(fixture);
    expect(alertTexts(page())).toHaveLength(1);
    expect(host().answered).toEqual([]);

    await write('La parada de autobús sigue cerrada');
    await pause();
    apollo.expectOne(SuggestHelpArticlesDocument).networkError(new Error('offline'));
    await settle(fixture);
    expect(page().querySelector('section')).toBeNull();
  });
});
