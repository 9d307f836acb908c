/**
 * @jest-environment jsdom
 */
import { PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { Component, signal, ViewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  type AdminHelpArticleFragment,
  CreateHelpArticleDocument,
  UpdateHelpArticleDocument,
} from '../operations.generated';
import { type ArticleChoices, HelpArticleFormComponent } from './help-article-form.component';

const CHOICES: ArticleChoices = {
  schools: [{ id: 's1', name: 'Lincoln Elementary' }],
  categories: [{ id: 'c1', name: 'Transportation' }],
  topics: [{ id: 't1', name: 'Bus delay' }],
};

const snowDays: AdminHelpArticleFragment = {
  id: 'a1',
  slug: 'snow-days',
  status: 'PUBLISHED',
  schoolId: 's1',
  categoryId: 'c1',
  topicId: null,
  translations: [{ language: 'en', title: 'Snow days', body: '<p>We close by 5:30 a.m.</p>' }],
  publishedVersion: 1,
  helpfulCount: 0,
  notHelpfulCount: 0,
  answeredCount: 0,
  updatedAt: '2026-12-07T09:00:00Z',
  files: [],
};

@Component({
  imports: [HelpArticleFormComponent],
  template: `<hr-help-article-form [choices]="choices" [(busy)]="busy" (saved)="saved.push($event)" />`,
})
class ArticlesPageComponent {
  readonly choices = CHOICES;
  readonly busy = signal(false);
  readonly saved: string[] = [];
  // A decorator query: the spec's own classes get no signal-query metadata in JIT.
  @ViewChild(HelpArticleFormComponent) form!: HelpArticleFormComponent;
}

describe('the help article form', () => {
  let fixture: ComponentFixture<ArticlesPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const set = async (id: string, value: string) => {
    setField(page(), id, value);
    await settle(fixture);
  };

  beforeEach(async () => {
    apollo = configureApolloTesting([
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.district.test' } },
    ]);
    fixture = TestBed.createComponent(ArticlesPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('writes a school article in English and Spanish as a draft, then starts afresh', async () => {
    expect(page().querySelector('h2')!.textContent).toBe('Write an article');
    expect(await axeViolations(page())).toEqual([]);
    await set('article-school', 's1');
    await set('article-category', 'c1');
    await set('article-topic', 't1');
    await set('article-title-0', 'Bus stops moved');
    await set('article-body-0', '<p>During construction, buses stop on Oak Street.</p>');
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Add a language')!.click();
    await settle(fixture);
    await set('article-language-1', 'es');
    await set('article-title-1', 'Paradas movidas');
    await set('article-body-1', '<p>Durante las obras, los autobuses paran en la calle Oak.</p>');
    expect(field<HTMLTextAreaElement>('article-body-1').labels![0]!.textContent!.trim()).toBe(
      'Text 2 (Spanish (es))',
    );
    submit().click();
    await settle(fixture);
    const create = apollo.expectOne(CreateHelpArticleDocument);
    expect(create.operation.variables).toEqual({
      input: {
        schoolId: 's1',
        categoryId: 'c1',
        topicId: 't1',
        translations: [
          {
            language: 'en',
            title: 'Bus stops moved',
            body: '<p>During construction, buses stop on Oak Street.</p>',
          },
          {
            language: 'es',
            title: 'Paradas movidas',
            body: '<p>Durante las obras, los autobuses paran en la calle Oak.</p>',
          },
        ],
      },
    });
    expect(host().busy()).toBe(true);
    create.flushData({ createKnowledgeArticle: { __typename: 'KnowledgeArticle', ...snowDays } } as never);
    await settle(fixture);
    expect(host().saved).toEqual(['Article Bus stops moved was saved as a draft.']);
    expect(field<HTMLInputElement>('article-title-0').value).toBe('');
    expect(field('article-title-1')).toBeNull();
  });

  it('says what to fix before sending, and the API refusal in words, keeping what was typed', async () => {
    submit().click();
    await settle(fixture);
    expect(alertTexts(page(), 'p, li')).toEqual([
      'The article was not saved: The English (en) title is empty. The English (en) text is empty.',
    ]);
    apollo.expectNone(CreateHelpArticleDocument);
    await set('article-title-0', 'Only a script');
    await set('article-body-0', '<script>alert(1)</script>');
    submit().click();
    await settle(fixture);
    apollo.expectOne(CreateHelpArticleDocument).graphqlErrors([
      new GraphQLError('An article needs words once its HTML is made safe', {
        extensions: {
          code: 'BAD_USER_INPUT',
          details: [{ path: 'translations.0.body', message: 'no text left after sanitizing' }],
        },
      }),
    ]);
    await settle(fixture);
    expect(alertTexts(page(), 'p, li')).toEqual([
      'Please check what you entered. body: no text left after sanitizing.',
    ]);
    expect(field<HTMLTextAreaElement>('article-body-0').value).toBe('<script>alert(1)</script>');
  });

  it('offers the files of the article being edited, an inserted one going into the text last in focus', async () => {
    expect(page().textContent).toContain('Images and files are added once the draft is saved.');
    const map = {
      __typename: 'ArticleFile' as const,
      id: 'f1',
      fileName: 'snow-routes.png',
      contentType: 'image/png',
      sizeBytes: 2048,
      image: true,
      published: false,
      path: '/attachments/articles/f1/snow-routes.png',
      url: '/attachments/articles/f1/snow-routes.png?expires=1&signature=x',
    };
    host().form.edit({
      ...snowDays,
      translations: [
        ...snowDays.translations,
        { language: 'es', title: 'Días de nieve', body: '<p>Cerramos.</p>' },
      ],
      files: [map],
    });
    await settle(fixture);
    field<HTMLTextAreaElement>('article-body-1').dispatchEvent(new Event('focus'));
    buttonNamed(page(), 'Insert snow-routes.png into the text')!.click();
    await settle(fixture);
    expect(field<HTMLTextAreaElement>('article-body-1').value).toBe(
      '<p>Cerramos.</p>\n<img src="/attachments/articles/f1/snow-routes.png" alt="snow routes">',
    );
    expect(field<HTMLTextAreaElement>('article-body-0').value).toBe('<p>We close by 5:30 a.m.</p>');
    expect(await axeViolations(page())).toEqual([]);
  });

  it("edits a saved article's draft: its school fixed, the focus on its category, the draft sent", async () => {
    host().form.edit(snowDays);
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Edit article Snow days');
    expect(field<HTMLSelectElement>('article-school').disabled).toBe(true);
    expect(document.activeElement).toBe(field('article-category'));
    await set('article-body-0', '<p>We close by 5:00 a.m.</p>');
    submit().click();
    await settle(fixture);
    const update = apollo.expectOne(UpdateHelpArticleDocument);
    expect(update.operation.variables).toEqual({
      id: 'a1',
      input: {
        categoryId: 'c1',
        topicId: null,
        translations: [{ language: 'en', title: 'Snow days', body: '<p>We close by 5:00 a.m.</p>' }],
      },
    });
    update.flushData({
      updateKnowledgeArticle: { __typename: 'KnowledgeArticle', ...snowDays, status: 'DRAFT' },
    } as never);
    await settle(fixture);
    expect(host().saved).toEqual(['Article Snow days was saved as a draft.']);
    expect(page().querySelector('h2')!.textContent).toBe('Write an article');
    host().form.edit(snowDays);
    host().form.forget('a1');
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Write an article');
  });
});
