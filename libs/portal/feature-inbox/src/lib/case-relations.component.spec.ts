/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import { CaseRelationsComponent } from './case-relations.component';
import {
  CaseByNumberDocument,
  type CaseByNumberQuery,
  type CasePageQuery,
  LinkCasesDocument,
  MergeCasesDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;

const OTHER: CaseByNumberQuery = {
  case: { id: 'c2', number: 'HR-2026-000200', subject: 'Bus 14 late again' },
};

function pageCase(fields: Partial<PageCase> = {}): PageCase {
  return { id: 'c1', number: 'HR-2026-000123', mergedIntoId: null, links: [], ...fields } as PageCase;
}

/** The case page, which hands the panel its case. */
@Component({
  imports: [CaseRelationsComponent],
  template: `<hr-case-relations [supportCase]="supportCase()" />`,
})
class CasePageComponent {
  readonly supportCase = signal(pageCase());
}

describe("the case's linked cases", () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let apollo: ApolloTestingController;
  let navigate: jest.SpyInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const numberBox = () => page().querySelector<HTMLInputElement>('#relation-number')!;
  const alerts = () => alertTexts(page());

  /** Fills in the form: the relation and the other case's number. */
  async function relate(relation: string, number: string): Promise<void> {
    setField(page(), 'relation-kind', relation);
    setField(page(), 'relation-number', number);
    await settle(fixture);
  }

  /** The other case looked up by its number, and found. */
  async function found(): Promise<void> {
    const lookup = apollo.expectOne(CaseByNumberDocument);
    expect(lookup.operation.variables).toEqual({ number: 'HR-2026-000200' });
    lookup.flushData(OTHER);
    await settle(fixture);
  }

  beforeEach(async () => {
    apollo = configureApolloTesting([provideRouter([])]);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(CasePageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says there are no links, and offers each relation; Link waits for a number', async () => {
    expect(page().querySelector('.hint')!.textContent).toBe('No links.');
    const relations = [...page().querySelectorAll('#relation-kind option')].map((o) => o.textContent);
    expect(relations).toEqual(['Related to', 'Follows up', 'Duplicate of', 'Merge into (closes this case)']);
    expect(submit().textContent!.trim()).toBe('Link');
    expect(submit().disabled).toBe(true);
    await relate('RELATED', '   ');
    expect(submit().disabled).toBe(true);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('names each link from this case’s side, links to the other case, and says when it was merged', async () => {
    fixture.componentInstance.supportCase.set(
      pageCase({
        mergedIntoId: 'c9',
        links: [
          { caseId: 'c2', kind: 'FOLLOW_UP', direction: 'OUTGOING' },
          { caseId: 'c3', kind: 'FOLLOW_UP', direction: 'INCOMING' },
          { caseId: 'c4', kind: 'DUPLICATE_OF', direction: 'INCOMING' },
        ],
      }),
    );
    await settle(fixture);
    expect(page().textContent).toContain('This case was merged into another; replies go there.');
    const links = [...page().querySelectorAll('ul a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Follows up case', '/cases/c2'],
      ['Followed up by case', '/cases/c3'],
      ['Has duplicate case', '/cases/c4'],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('looks up the other case by its number, links them, and empties the box', async () => {
    await relate('FOLLOW_UP', ' HR-2026-000200 ');
    submit().click();
    await found();
    const link = apollo.expectOne(LinkCasesDocument);
    expect(link.operation.variables).toEqual({ caseId: 'c1', otherCaseId: 'c2', kind: 'FOLLOW_UP' });
    expect(submit().disabled).toBe(true);
    link.flushData({ linkCases: { id: 'c1' } });
    await settle(fixture);
    expect(numberBox().value).toBe('');
    expect(alerts()).toEqual([]);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('waits while the other case is looked up, so a second press cannot link it twice', async () => {
    await relate('RELATED', 'HR-2026-000200');
    submit().click();
    await settle(fixture);
    expect(submit().disabled).toBe(true);
    page().querySelector('form')!.dispatchEvent(new Event('submit'));
    await found();
    apollo.expectOne(LinkCasesDocument).flushData({ linkCases: { id: 'c1' } });
    await settle(fixture);
    apollo.expectNone(CaseByNumberDocument);
  });

  it('says so when there is no such case, and links nothing', async () => {
    await relate('RELATED', 'HR-2026-999999');
    submit().click();
    apollo.expectOne(CaseByNumberDocument).flushData({ case: null });
    await settle(fixture);
    apollo.expectNone(LinkCasesDocument);
    expect(alerts()).toEqual(['No case HR-2026-999999, or not one you may see.']);
    expect(numberBox().value).toBe('HR-2026-999999');
    expect(submit().disabled).toBe(false);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('merges this case into the other and goes to it', async () => {
    await relate('MERGE_INTO', 'HR-2026-000200');
    expect(submit().textContent!.trim()).toBe('Merge');
    submit().click();
    await found();
    const merge = apollo.expectOne(MergeCasesDocument);
    expect(merge.operation.variables).toEqual({ caseId: 'c1', intoCaseId: 'c2', reason: null });
    merge.flushData({ mergeCases: { id: 'c2', number: 'HR-2026-000200' } });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/cases', 'HR-2026-000200']);
  });

  it('says in words why a link was refused, keeping the number typed', async () => {
    await relate('DUPLICATE_OF', 'HR-2026-000200');
    submit().click();
    await found();
    apollo
      .expectOne(LinkCasesDocument)
      .graphqlErrors([new GraphQLError('Already linked', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(alerts()).toEqual([
      'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    ]);
    expect(numberBox().value).toBe('HR-2026-000200');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says in words why the other case could not be looked up', async () => {
    await relate('RELATED', 'HR-2026-000200');
    submit().click();
    apollo
      .expectOne(CaseByNumberDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    apollo.expectNone(LinkCasesDocument);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });
});
