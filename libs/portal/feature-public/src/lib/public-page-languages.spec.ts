/**
 * @jest-environment jsdom
 */
import type { Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ApolloTestingController } from 'apollo-angular/testing';
import { LanguageService, PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import {
  directionOf,
  documentLanguageOf,
  PUBLIC_LANGUAGES,
  PUBLIC_TEXT,
  type PublicLanguage,
  type PublicTextKey,
} from '@homeroom/shared/public-text';
import { ConfirmRequesterPageComponent } from './confirm-requester-page.component';
import { HelpArticlePageComponent } from './help-article-page.component';
import { HelpCenterPageComponent } from './help-center-page.component';
import { InquiryPageComponent } from './inquiry-page.component';
import {
  ConfirmRequesterDocument,
  HelpArticleDocument,
  HelpCenterDocument,
  InquiryFormChoicesDocument,
  SurveyByTokenDocument,
} from './operations.generated';
import { answerCorrections } from './public-text.testing';
import { SurveyPageComponent } from './survey-page.component';

/** Each public page, opened and answered as the API would, and a string of its own it must show. */
interface PageCase {
  component: Type<unknown>;
  inputs?: Record<string, string>;
  answer(apollo: ApolloTestingController): void;
  shows: PublicTextKey;
}

const PAGES: Record<string, PageCase> = {
  'the contact form': {
    component: InquiryPageComponent,
    answer: (apollo) =>
      apollo.expectOne(InquiryFormChoicesDocument).flushData({
        schools: { edges: [{ node: { id: 's1', name: 'Lincoln Elementary' } }] },
        topics: [{ id: 't1', name: 'Transportation', parentId: null }],
      }),
    shows: 'contactTitle',
  },
  'a survey': {
    component: SurveyPageComponent,
    inputs: { token: 'survey-token' },
    answer: (apollo) =>
      apollo.expectOne(SurveyByTokenDocument).flushData({
        surveyByToken: {
          state: 'OPEN',
          caseNumber: 'HR-2026-000042',
          // A survey written in English only: its words keep their language inside the family's page.
          language: 'en',
          title: 'How did we do?',
          questions: [
            {
              id: 'q1',
              kind: 'SCALE',
              text: 'How satisfied are you?',
              required: true,
              min: 1,
              max: 5,
              lowLabel: 'Not at all',
              highLabel: 'Very',
              choices: null,
              maxLength: null,
            },
          ],
        },
      }),
    shows: 'send',
  },
  'the help center': {
    component: HelpCenterPageComponent,
    answer: (apollo) =>
      apollo.expectOne(HelpCenterDocument).flushData({
        helpCategories: [{ id: 'c1', name: 'Transportation' }],
        helpArticles: [
          { id: 'a1', slug: 'snow-days', language: 'ar', title: 'أيام الثلج', summary: 'متى تُغلق المدارس.' },
        ],
      }),
    shows: 'helpTitle',
  },
  'a help article': {
    component: HelpArticlePageComponent,
    inputs: { slug: 'snow-days' },
    answer: (apollo) =>
      apollo.expectOne(HelpArticleDocument).flushData({
        helpArticle: {
          id: 'a1',
          slug: 'snow-days',
          language: 'en',
          title: 'Snow days',
          bodyHtml: '<p>Schools close when the roads are unsafe.</p>',
          files: [],
        },
      }),
    shows: 'wasHelpful',
  },
  'the confirmation link': {
    component: ConfirmRequesterPageComponent,
    inputs: { token: 'link-token' },
    answer: (apollo) =>
      apollo.expectOne(ConfirmRequesterDocument).flushData({
        confirmRequester: { caseNumber: 'HR-2026-000042' },
      }),
    shows: 'confirmTitle',
  },
};

const CASES = Object.keys(PAGES).flatMap((page) =>
  PUBLIC_LANGUAGES.map((language) => [page, language] as [string, PublicLanguage]),
);

describe('every public page in each of the district’s seven languages', () => {
  let fixture: ComponentFixture<unknown>;
  let apollo: ApolloTestingController;

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it.each(CASES)('%s in %s: its words, lang and direction, and no axe violations', async (name, language) => {
    const page = PAGES[name]!;
    apollo = configureApolloTesting([
      provideRouter([]),
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.district.test' } },
    ]);
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(page.component);
    for (const [input, value] of Object.entries(page.inputs ?? {}))
      fixture.componentRef.setInput(input, value);
    fixture.detectChanges();
    answerCorrections(apollo, language);
    await settle(fixture);
    page.answer(apollo);
    await settle(fixture, 2);
    const root = fixture.nativeElement as HTMLElement;
    const main = root.querySelector('main')!;
    expect([main.lang, main.dir]).toEqual([documentLanguageOf(language), directionOf(language)]);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual([
      documentLanguageOf(language),
      directionOf(language),
    ]);
    expect(main.textContent).toContain(PUBLIC_TEXT[language][page.shows]);
    expect(await axeViolations(root)).toEqual([]);
  });
});
