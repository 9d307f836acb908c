/**
 * @jest-environment jsdom
 */
import { PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { axeViolations, configureApolloTesting, setField, settle } from '@homeroom/portal/ui/testing';
import {
  type AdminHelpArticleFragment,
  AdminHelpArticlesDocument,
  type AdminHelpArticlesQuery,
  CreateHelpCategoryDocument,
  PublishHelpArticleDocument,
  SubmitHelpArticleDocument,
} from '../operations.generated';
import { HelpArticlesPageComponent } from './help-articles-page.component';

const article = (
  id: string,
  title: string,
  changes: Partial<AdminHelpArticleFragment> = {},
): AdminHelpArticleFragment => ({
  id,
  slug: id,
  status: 'DRAFT',
  schoolId: null,
  categoryId: null,
  topicId: null,
  translations: [{ language: 'en', title, body: '<p>x</p>' }],
  publishedVersion: null,
  helpfulCount: 0,
  notHelpfulCount: 0,
  answeredCount: 0,
  updatedAt: '2026-12-07T09:00:00Z',
  files: [],
  ...changes,
});

const answer = (articles: AdminHelpArticleFragment[]) =>
  ({
    knowledgeArticles: {
      __typename: 'KnowledgeArticleConnection',
      edges: articles.map((node) => ({
        __typename: 'KnowledgeArticleEdge',
        node: {
          __typename: 'KnowledgeArticle',
          ...node,
          translations: node.translations.map((t) => ({ __typename: 'ArticleTranslation', ...t })),
        },
      })),
      totalCount: articles.length,
    },
    helpCategories: [{ __typename: 'KnowledgeCategory', id: 'c1', name: 'Transportation' }],
    topics: [],
    schools: {
      __typename: 'SchoolConnection',
      edges: [
        { __typename: 'SchoolEdge', node: { __typename: 'School', id: 's1', name: 'Lincoln Elementary' } },
      ],
    },
  }) as unknown as AdminHelpArticlesQuery;

const draft = article('a1', 'Bus stops moved', { schoolId: 's1' });
const live = article('a2', 'Snow days', {
  status: 'PUBLISHED',
  publishedVersion: 2,
  answeredCount: 4,
  helpfulCount: 3,
  notHelpfulCount: 1,
});
const changed = article('a3', 'Lunch accounts', { status: 'IN_REVIEW', publishedVersion: 1 });

describe('the help center articles page', () => {
  let fixture: ComponentFixture<HelpArticlesPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () =>
    [...page().querySelectorAll('tr[data-testid="help-article-row"]')].map((row) =>
      [...row.querySelectorAll('td')].slice(1, 4).map((cell) => cell.textContent!.trim()),
    );
  const button = (name: string) => page().querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);

  async function articles(list: AdminHelpArticleFragment[]): Promise<void> {
    apollo.expectOne(AdminHelpArticlesDocument).flushData(answer(list));
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting([
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.district.test' } },
    ]);
    fixture = TestBed.createComponent(HelpArticlesPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('lists each article with its status, whose it is and what families said, and what may be done with it', async () => {
    await articles([draft, live, changed]);
    expect(rows()).toEqual([
      ['Draft', 'Lincoln Elementary', '0 answered, 0 helpful, 0 not'],
      ['Published (version 2)', 'District-wide', '4 answered, 3 helpful, 1 not'],
      ['In review (version 1 is live)', 'District-wide', '0 answered, 0 helpful, 0 not'],
    ]);
    expect(button('Send article Bus stops moved for review')).not.toBeNull();
    expect(button('Publish article Snow days')).toBeNull();
    expect(button('Publish article Lunch accounts')).not.toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('sends a draft for review and publishes it, saying what each did', async () => {
    await articles([draft]);
    button('Send article Bus stops moved for review')!.click();
    await settle(fixture);
    apollo.expectOne(SubmitHelpArticleDocument).flushData({
      submitKnowledgeArticle: { __typename: 'KnowledgeArticle', id: 'a1', status: 'IN_REVIEW' },
    } as never);
    await settle(fixture);
    await articles([{ ...draft, status: 'IN_REVIEW' }]);
    expect(page().querySelector('[role="status"]')!.textContent).toBe(
      'Article Bus stops moved was sent for review.',
    );
    button('Publish article Bus stops moved')!.click();
    await settle(fixture);
    apollo.expectOne(PublishHelpArticleDocument).flushData({
      publishKnowledgeArticle: {
        __typename: 'KnowledgeArticle',
        id: 'a1',
        status: 'PUBLISHED',
        publishedVersion: 1,
      },
    } as never);
    await settle(fixture);
    await articles([{ ...draft, status: 'PUBLISHED', publishedVersion: 1 }]);
    expect(page().querySelector('[role="status"]')!.textContent).toBe(
      'Article Bus stops moved is live in the help center (version 1).',
    );
  });

  it('adds a category named in English and Spanish', async () => {
    await articles([]);
    expect(page().textContent).toContain('No articles yet.');
    setField(page(), 'category-en', 'Transportation');
    setField(page(), 'category-es', 'Transporte');
    await settle(fixture);
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Add category')!.click();
    await settle(fixture);
    const created = apollo.expectOne(CreateHelpCategoryDocument);
    expect(created.operation.variables).toEqual({
      names: [
        { language: 'en', name: 'Transportation' },
        { language: 'es', name: 'Transporte' },
      ],
    });
    created.flushData({
      createKnowledgeCategory: { __typename: 'KnowledgeCategory', id: 'c2', name: 'Transportation' },
    } as never);
    await settle(fixture);
    await articles([]);
    expect(page().querySelector('[role="status"]')!.textContent).toBe('Category Transportation was added.');
  });
});
