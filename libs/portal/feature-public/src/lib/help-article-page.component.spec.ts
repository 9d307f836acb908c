/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { type Language, LanguageService, PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { alertTexts, axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { HelpArticlePageComponent } from './help-article-page.component';
import { HelpArticleDocument, RateHelpArticleDocument } from './operations.generated';
import { answerCorrections } from './public-text.testing';

const ARTICLE = {
  __typename: 'HelpArticle',
  id: 'a1',
  slug: 'snow-days',
  language: 'en',
  title: 'Snow days',
  bodyHtml:
    '<h2>Closures</h2><p>We announce closures by 5:30 a.m.</p><img src="https://district.example/x.png" onerror="alert(1)" alt="Map">',
  files: [],
};

describe('a help-center article', () => {
  let fixture: ComponentFixture<HelpArticlePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = (text: string) =>
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

  async function open(language: Language = 'en'): Promise<ReturnType<ApolloTestingController['expectOne']>> {
    apollo = configureApolloTesting([
      provideRouter([]),
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.district.test' } },
    ]);
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(HelpArticlePageComponent);
    fixture.componentRef.setInput('slug', 'snow-days');
    fixture.detectChanges();
    answerCorrections(apollo, language);
    await settle(fixture);
    const operation = apollo.expectOne(HelpArticleDocument);
    expect(operation.operation.variables).toEqual({ slug: 'snow-days', language });
    return operation;
  }

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('shows the article in the language it is written in, its markup safe, and asks whether it helped', async () => {
    (await open('es')).flushData({ helpArticle: ARTICLE });
    await settle(fixture);
    expect(page().querySelector('main')!.lang).toBe('es');
    expect(page().querySelector('article')!.getAttribute('lang')).toBe('en');
    expect(page().querySelector('h1')!.textContent).toBe('Snow days');
    const body = page().querySelector('[data-testid="help-article-body"]')!;
    expect(body.querySelector('h2')!.textContent).toBe('Closures');
    expect(body.querySelector('img')!.hasAttribute('onerror')).toBe(false);
    expect(page().querySelector('#helpful-heading')!.textContent).toBe('¿Le fue útil este artículo?');
    expect(await axeViolations(page())).toEqual([]);

    button('Sí').click();
    await settle(fixture);
    const rated = apollo.expectOne(RateHelpArticleDocument);
    expect(rated.operation.variables).toEqual({ articleId: 'a1', helpful: true, language: 'es' });
    rated.flushData({ rateHelpArticle: true });
    await settle(fixture);
    expect(page().querySelector('[role="status"]')!.textContent).toBe('Gracias por decírnoslo.');
    expect(page().querySelectorAll('section button')).toHaveLength(0);
  });

  it('offers the documents of the article to download, in the family’s words, its images left to its text', async () => {
    const file = (id: string, fileName: string, image: boolean, sizeBytes: number) => ({
      __typename: 'ArticleFile',
      id,
      fileName,
      sizeBytes,
      image,
      url: `/attachments/articles/${id}/${encodeURIComponent(fileName)}`,
    });
    (await open('es')).flushData({
      helpArticle: {
        ...ARTICLE,
        files: [file('f1', 'mapa.png', true, 2048), file('f2', 'permiso de salida.pdf', false, 2_621_440)],
      },
    });
    await settle(fixture);
    expect(page().querySelector('#article-files-heading')!.textContent).toBe('Archivos de este artículo');
    const links = [
      ...page().querySelectorAll<HTMLAnchorElement>('section[aria-labelledby="article-files-heading"] a'),
    ];
    expect(
      links.map((link) => [link.textContent, link.getAttribute('href'), link.hasAttribute('download')]),
    ).toEqual([
      [
        'permiso de salida.pdf',
        'https://api.district.test/attachments/articles/f2/permiso%20de%20salida.pdf',
        true,
      ],
    ]);
    expect(links[0]!.parentElement!.textContent).toContain('2,5 MB');
    expect(page().querySelector('[data-testid="help-article-body"] img')!.getAttribute('src')).toBe(
      'https://district.example/x.png',
    );
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says plainly when there is no such article', async () => {
    (await open()).graphqlErrors([
      new GraphQLError('Article not found', { extensions: { code: 'NOT_FOUND' } }),
    ]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['We could not find this article. It may have been removed.']);
    expect(page().querySelector('a[href="/help"]')!.textContent).toBe('Back to the help center');
  });

  it('keeps the buttons when the answer cannot be counted, and says why', async () => {
    (await open()).flushData({ helpArticle: ARTICLE });
    await settle(fixture);
    button('No').click();
    await settle(fixture);
    apollo.expectOne(RateHelpArticleDocument).networkError(new Error('offline'));
    await settle(fixture);
    expect(alertTexts(page())).toHaveLength(1);
    expect(button('No').disabled).toBe(false);
  });
});
