/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
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
import { CaseFollowingComponent } from './case-following.component';
import {
  CasePageDocument,
  type CasePageQuery,
  UnwatchCaseDocument,
  UpdateCaseTagsDocument,
  WatchCaseDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;

const ME = { id: 'p1', displayName: 'Jordan Park' };
const ANA = { id: 'p2', displayName: 'Ana Ruiz' };

function pageCase(fields: Partial<PageCase> = {}): PageCase {
  return { id: 'c1', number: 'HR-2026-000123', watchers: [], tags: [], ...fields } as PageCase;
}

/** The case page, which hands the panel its case and the signed-in person. */
@Component({
  imports: [CaseFollowingComponent],
  template: `<hr-case-following [supportCase]="supportCase()" [personId]="personId" />`,
})
class CasePageComponent {
  readonly supportCase = signal(pageCase());
  readonly personId = ME.id;
}

describe("the case's watchers and tags", () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());
  const tagInput = () => page().querySelector<HTMLInputElement>('#case-tag')!;

  async function show(supportCase: PageCase): Promise<void> {
    fixture.componentInstance.supportCase.set(supportCase);
    await settle(fixture);
  }

  async function typeTag(text: string): Promise<void> {
    setField(page(), 'case-tag', text);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CasePageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says when no one watches and there are no tags, and adds no empty tag', async () => {
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Watchers and tags');
    expect(page().querySelector('p')!.textContent!.trim()).toBe('No one watches this case.');
    expect(button('Watch this case').disabled).toBe(false);
    expect(page().querySelector('.hint')!.textContent).toBe('No tags.');
    expect(button('Add tag').disabled).toBe(true);
    await typeTag('   ');
    expect(button('Add tag').disabled).toBe(true);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('names the watchers, the signed-in person as "you", and each tag with a button to remove it', async () => {
    await show(pageCase({ watchers: [ANA, ME], tags: ['bus-14', 'late'] }));
    expect(page().querySelector('p')!.textContent!.trim()).toBe('Watched by Ana Ruiz, you.');
    expect(button('Stop watching')).toBeDefined();
    const tags = [...page().querySelectorAll('ul[aria-label="Tags"] li')];
    expect(tags.map((tag) => tag.querySelector('.tag')!.textContent)).toEqual(['bus-14', 'late']);
    expect(tags.map((tag) => tag.querySelector('button')!.getAttribute('aria-label'))).toEqual([
      'Remove tag bus-14',
      'Remove tag late',
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('watches the case, waiting until the case page is brought up to date', async () => {
    // The page watches its case, so Apollo has it to refetch by name.
    const casePage = TestBed.inject(Apollo)
      .watchQuery({ query: CasePageDocument, variables: { number: 'HR-2026-000123' } })
      .valueChanges.subscribe();
    apollo.expectOne(CasePageDocument).flushData({ case: null, topics: [], teams: [] });
    await settle(fixture);

    button('Watch this case').click();
    await settle(fixture);
    const watch = apollo.expectOne(WatchCaseDocument);
    expect(watch.operation.variables).toEqual({ caseId: 'c1' });
    expect(button('Watch this case').disabled).toBe(true);
    watch.flushData({ watchCase: { id: 'c1' } });
    await settle(fixture);
    expect(button('Watch this case').disabled).toBe(true);
    apollo.expectOne(CasePageDocument).flushData({ case: null, topics: [], teams: [] });
    await settle(fixture);
    expect(button('Watch this case').disabled).toBe(false);
    casePage.unsubscribe();
  });

  it('stops watching when the signed-in person watches already', async () => {
    await show(pageCase({ watchers: [ME] }));
    button('Stop watching').click();
    const unwatch = apollo.expectOne(UnwatchCaseDocument);
    expect(unwatch.operation.variables).toEqual({ caseId: 'c1' });
    unwatch.flushData({ unwatchCase: { id: 'c1' } });
    await settle(fixture);
    apollo.expectNone(WatchCaseDocument);
    expect(alerts()).toEqual([]);
  });

  it('adds the tag as typed, without the spaces around it, and empties the box', async () => {
    await typeTag('  bus-14 ');
    button('Add tag').click();
    await settle(fixture);
    const update = apollo.expectOne(UpdateCaseTagsDocument);
    expect(update.operation.variables).toEqual({ caseId: 'c1', add: ['bus-14'], remove: null });
    expect(button('Add tag').disabled).toBe(true);
    update.flushData({ updateCaseTags: { id: 'c1', tags: ['bus-14'] } });
    await settle(fixture);
    expect(tagInput().value).toBe('');
  });

  it('keeps the tag typed and says why when the API refuses it', async () => {
    await typeTag('bus-14');
    button('Add tag').click();
    apollo
      .expectOne(UpdateCaseTagsDocument)
      .graphqlErrors([new GraphQLError('Tag too long', { extensions: { code: 'BAD_USER_INPUT' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['Please check what you entered.']);
    expect(tagInput().value).toBe('bus-14');
    expect(button('Add tag').disabled).toBe(false);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('removes the tag whose button was pressed', async () => {
    await show(pageCase({ tags: ['bus-14', 'late'] }));
    button('Remove tag late').click();
    await settle(fixture);
    const update = apollo.expectOne(UpdateCaseTagsDocument);
    expect(update.operation.variables).toEqual({ caseId: 'c1', add: null, remove: ['late'] });
    expect(button('Remove tag bus-14').disabled).toBe(true);
    update.flushData({ updateCaseTags: { id: 'c1', tags: ['bus-14'] } });
    await settle(fixture);
    expect(button('Remove tag bus-14').disabled).toBe(false);
  });
});
