/**
 * @jest-environment jsdom
 */
import { Component, signal, ViewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AdminPeopleDocument,
  type AdminPeopleQuery,
  type AdminPersonFragment,
  MergePeopleDocument,
  type MergePeopleMutation,
} from '../operations.generated';
import { PeopleMergeComponent } from './people-merge.component';

const person = (fields: Partial<AdminPersonFragment> & { id: string }): AdminPersonFragment => ({
  displayName: 'Maria Lopez',
  givenName: 'Maria',
  middleName: null,
  familyName: 'Lopez',
  preferredName: null,
  kind: 'GUARDIAN',
  active: true,
  mergedIntoId: null,
  sourcedId: null,
  preferredLanguage: 'es',
  preferredChannel: null,
  emails: [{ address: 'maria@example.org', primary: true }],
  phones: [],
  schools: [],
  ...fields,
});

const DUPLICATE = person({ id: 'p1' });
const SURVIVOR = person({
  id: 'p2',
  displayName: 'María López',
  emails: [{ address: 'mlopez@example.org', primary: true }],
  sourcedId: 'G-1001',
});
const STAFF = person({ id: 'p3', displayName: 'Maria Lopez', kind: 'STAFF', emails: [] });

/** An empty directory page, as the API answers it. */
const noOne = {
  people: {
    __typename: 'PersonConnection',
    totalCount: 0,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: [],
  },
} as unknown as AdminPeopleQuery;

/** The directory page: its rows choose the records, and it shares one `busy` across its changes. */
@Component({
  imports: [PeopleMergeComponent],
  template: `<hr-people-merge [(busy)]="busy" />`,
})
class PeoplePageComponent {
  readonly busy = signal(false);
  // A decorator query: this file is not given the JIT metadata that signal queries need.
  @ViewChild(PeopleMergeComponent) merge!: PeopleMergeComponent;
}

describe('merging duplicate records', () => {
  let fixture: ComponentFixture<PeoplePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const chosen = () => [...page().querySelectorAll('dd')].map((dd) => dd.textContent!.trim());
  const buttons = () => [...page().querySelectorAll('button')].map((b) => b.textContent!.trim());
  const button = (name: string) => buttonNamed(page(), name)!;
  const confirm = () => page().querySelector<HTMLInputElement>('#merge-confirm');
  const alerts = () => alertTexts(page());
  const statuses = () => [...page().querySelectorAll('[role="status"]')].map((status) => status.textContent);

  async function choose(duplicate: AdminPersonFragment | null, survivor: AdminPersonFragment | null) {
    if (duplicate) fixture.componentInstance.merge.chooseDuplicate(duplicate);
    if (survivor) fixture.componentInstance.merge.chooseSurvivor(survivor);
    await settle(fixture);
  }

  async function tick(): Promise<void> {
    confirm()!.click();
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(PeoplePageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says how to choose the two records, with nothing chosen yet', async () => {
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Merge duplicate records');
    expect(chosen()).toEqual(['Not chosen yet', 'Not chosen yet']);
    expect(buttons()).toEqual([]);
    expect(page().querySelector('form')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says what the merge will do, and merges only once the administrator has checked', async () => {
    await choose(DUPLICATE, null);
    expect(chosen()).toEqual(['Maria Lopez · Guardian · maria@example.org', 'Not chosen yet']);
    expect(button('Swap: keep the other record').disabled).toBe(true);
    await choose(null, SURVIVOR);
    expect(page().querySelector('form p')!.textContent).toBe(
      'María López (Guardian · mlopez@example.org · SIS id G-1001) survives and keeps its name and ' +
        'details. Maria Lopez (Guardian · maria@example.org) is merged into it: its emails, phones, ' +
        'student-system id, schools, family links, staff roles and team places move to the surviving ' +
        'record, and it is deactivated. A merge cannot be undone here.',
    );
    expect(button('Merge Maria Lopez into María López').disabled).toBe(true);
    await tick();
    expect(button('Merge Maria Lopez into María López').disabled).toBe(false);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('merges, waiting with the page until the directory is brought up to date, then says so', async () => {
    // The page lists people, so Apollo has the list to refetch by name.
    const directory = TestBed.inject(Apollo)
      .watchQuery({ query: AdminPeopleDocument, variables: { filter: { kind: 'STAFF' }, first: 25 } })
      .valueChanges.subscribe();
    apollo.expectOne(AdminPeopleDocument).flushData(noOne);
    await choose(DUPLICATE, SURVIVOR);
    await tick();
    button('Merge Maria Lopez into María López').click();
    await settle(fixture);
    const merge = apollo.expectOne(MergePeopleDocument);
    expect(merge.operation.variables).toEqual({ survivorId: 'p2', mergedId: 'p1' });
    expect(fixture.componentInstance.busy()).toBe(true);
    expect(button('Merge Maria Lopez into María López').disabled).toBe(true);
    merge.flushData({
      mergePeople: { __typename: 'Person', id: 'p2', displayName: 'María López' },
    } as unknown as MergePeopleMutation);
    await settle(fixture);
    expect(fixture.componentInstance.busy()).toBe(true);
    apollo.expectOne(AdminPeopleDocument).flushData(noOne);
    await settle(fixture);
    expect(fixture.componentInstance.busy()).toBe(false);
    expect(statuses()).toEqual(['Maria Lopez was merged into María López.']);
    expect(chosen()).toEqual(['Not chosen yet', 'Not chosen yet']);
    expect(page().querySelector('form')).toBeNull();
    directory.unsubscribe();
  });

  it('keeps the choice and says why when the API refuses the merge, until the choice changes', async () => {
    await choose(DUPLICATE, SURVIVOR);
    await tick();
    button('Merge Maria Lopez into María López').click();
    apollo
      .expectOne(MergePeopleDocument)
      .graphqlErrors([new GraphQLError('Already merged', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(alerts()).toEqual([
      'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    ]);
    expect(statuses()).toEqual([]);
    expect(chosen()[0]).toContain('Maria Lopez');
    expect(fixture.componentInstance.busy()).toBe(false);
    expect(await axeViolations(page())).toEqual([]);
    await choose(null, SURVIVOR);
    expect(alerts()).toEqual([]);
  });

  it('says why two records cannot be merged, offering no merge', async () => {
    await choose(STAFF, SURVIVOR);
    expect(alerts()).toEqual([
      'Only records of the same kind can be merged: Maria Lopez is a staff, María López a guardian.',
    ]);
    expect(page().querySelector('form')).toBeNull();
  });

  it('makes a record the keeper or the duplicate, never both, and asks again after each change', async () => {
    await choose(DUPLICATE, SURVIVOR);
    await tick();
    expect(confirm()!.checked).toBe(true);
    button('Swap: keep the other record').click();
    await settle(fixture);
    expect(chosen()).toEqual([
      'María López · Guardian · mlopez@example.org · SIS id G-1001',
      'Maria Lopez · Guardian · maria@example.org',
    ]);
    expect(confirm()!.checked).toBe(false);
    expect(button('Merge María López into Maria Lopez').disabled).toBe(true);
    await choose(DUPLICATE, null);
    expect(chosen()).toEqual(['Maria Lopez · Guardian · maria@example.org', 'Not chosen yet']);
    button('Clear the choice').click();
    await settle(fixture);
    expect(chosen()).toEqual(['Not chosen yet', 'Not chosen yet']);
  });

  it('waits while another change on the page runs', async () => {
    await choose(DUPLICATE, SURVIVOR);
    await tick();
    fixture.componentInstance.busy.set(true);
    await settle(fixture);
    expect(button('Merge Maria Lopez into María López').disabled).toBe(true);
  });
});
