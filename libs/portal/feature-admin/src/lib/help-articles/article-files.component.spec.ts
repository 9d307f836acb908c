/**
 * @jest-environment jsdom
 */
import { PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  browserFileApis,
  buttonNamed,
  configureApolloTesting,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AddHelpArticleFileDocument,
  type AdminArticleFileFragment,
  RemoveHelpArticleFileDocument,
} from '../operations.generated';
import { ArticleFilesComponent, articleFileMarkup } from './article-files.component';

const MAP: AdminArticleFileFragment = {
  id: 'f1',
  fileName: 'bus map.png',
  contentType: 'image/png',
  sizeBytes: 20_480,
  image: true,
  published: true,
  path: '/attachments/articles/f1/bus%20map.png',
  url: '/attachments/articles/f1/bus%20map.png',
};
const FORM: AdminArticleFileFragment = {
  id: 'f2',
  fileName: 'permission "slip".pdf',
  contentType: 'application/pdf',
  sizeBytes: 3_000_000,
  image: false,
  published: false,
  path: '/attachments/articles/f2/permission%20%22slip%22.pdf',
  url: '/attachments/articles/f2/permission%20%22slip%22.pdf?expires=1&signature=abc',
};

@Component({
  imports: [ArticleFilesComponent],
  template: `<hr-article-files
    articleId="a1"
    [files]="files()"
    [(busy)]="busy"
    (inserted)="inserted.push($event)"
  />`,
})
class HostComponent {
  readonly files = signal<readonly AdminArticleFileFragment[]>([MAP, FORM]);
  readonly busy = signal(false);
  readonly inserted: string[] = [];
}

describe("a help article's images and files", () => {
  let fixture: ComponentFixture<HostComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const picker = () => page().querySelector<HTMLInputElement>('#article-file-input')!;

  async function choose(file: File): Promise<void> {
    Object.defineProperty(picker(), 'files', { value: [file], configurable: true });
    picker().dispatchEvent(new Event('change'));
    await settle(fixture, 3);
  }

  beforeAll(browserFileApis);

  beforeEach(async () => {
    apollo = configureApolloTesting([
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.district.test' } },
    ]);
    fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('lists each file with whether families see it yet, and inserts it into the text by its lasting address', async () => {
    const items = [...page().querySelectorAll('[data-testid="article-file"]')].map((item) =>
      item.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(items[0]).toContain('bus map.png 20 kB · in the help center');
    expect(items[1]).toContain('permission "slip".pdf 2.9 MB · shown once published');
    expect(page().querySelector('img')!.getAttribute('src')).toBe(
      'https://api.district.test/attachments/articles/f1/bus%20map.png',
    );
    expect(await axeViolations(page())).toEqual([]);
    buttonNamed(page(), 'Insert bus map.png into the text')!.click();
    buttonNamed(page(), 'Insert permission "slip".pdf into the text')!.click();
    expect(fixture.componentInstance.inserted).toEqual([
      '<img src="/attachments/articles/f1/bus%20map.png" alt="bus map">',
      '<a href="/attachments/articles/f2/permission%20%22slip%22.pdf">permission &quot;slip&quot;.pdf</a>',
    ]);
  });

  it('adds a chosen file as base64, and refuses one of a type the district does not take before sending it', async () => {
    await choose(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'stops.png', { type: 'image/png' }));
    const add = apollo.expectOne(AddHelpArticleFileDocument);
    expect(add.operation.variables).toEqual({
      articleId: 'a1',
      file: { fileName: 'stops.png', contentType: 'image/png', contentBase64: 'iVBORw==' },
    });
    expect(fixture.componentInstance.busy()).toBe(true);
    add.flushData({
      addKnowledgeArticleFile: { __typename: 'ArticleFile', ...MAP, id: 'f3', fileName: 'stops.png' },
    } as never);
    await settle(fixture, 3);
    expect(page().textContent).toContain('stops.png was added.');
    expect(picker().value).toBe('');

    await choose(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    apollo.expectNone(AddHelpArticleFileDocument);
    expect(page().textContent).toContain('Images (PNG, JPEG, GIF, WebP) and documents');
  });

  it('says why a file the published article shows cannot be removed', async () => {
    buttonNamed(page(), 'Remove bus map.png')!.click();
    await settle(fixture);
    const remove = apollo.expectOne(RemoveHelpArticleFileDocument);
    expect(remove.operation.variables).toEqual({ articleId: 'a1', fileId: 'f1' });
    remove.graphqlErrors([
      new GraphQLError('in use', { extensions: { code: 'CONFLICT', reason: 'FILE_IN_USE' } }),
    ]);
    await settle(fixture, 3);
    expect(alertTexts(page())).toEqual([
      'The published article shows this file: publish a version without it first.',
    ]);
  });

  it('writes markup that cannot break out of its attribute or text', () => {
    expect(
      articleFileMarkup({
        path: '/attachments/articles/x/a"b.png',
        fileName: '"><script>.png',
        image: true,
      }),
    ).toBe('<img src="/attachments/articles/x/a&quot;b.png" alt="&quot;&gt;&lt;script&gt;">');
  });
});
