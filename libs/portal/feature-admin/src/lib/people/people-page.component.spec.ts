/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
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
  AdminPeopleSchoolsDocument,
  type AdminPeopleSchoolsQuery,
  type AdminPersonFragment,
  DeactivatePersonDocument,
  type DeactivatePersonMutation,
} from '../operations.generated';
import { PeoplePageComponent } from './people-page.component';

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const person = (fields: Partial<AdminPersonFragment> & { id: string }) => ({
  __typename: 'Person',
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
  schools: [{ role: 'GUARDIAN', grade: null, school: { id: 's1', name: 'Lincoln Elementary' } }],
  ...fields,
});

const MARIA = person({ id: 'p1' });
const SAM = person({
  id: 'p2',
  displayName: 'Sam Lee',
  givenName: 'Sam',
  familyName: 'Lee',
  kind: 'STAFF',
  active: false,
  emails: [{ address: 'slee@district.org', primary: true }],
  schools: [],
});
const MERGED = person({ id: 'p3', active: false, mergedIntoId: 'p1', emails: [], schools: [] });

function answer(people: ReturnType<typeof person>[], next: string | null = null, totalCount = people.length) {
  return {
    people: {
      __typename: 'PersonConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
      edges: people.map((node) => ({ __typename: 'PersonEdge', node })),
    },
  } as unknown as AdminPeopleQuery;
}

const SCHOOLS = {
  schools: {
    __typename: 'SchoolConnection',
    edges: [
      { __typename: 'SchoolEdge', node: { __typename: 'School', id: 's1', name: 'Lincoln Elementary' } },
    ],
  },
} as unknown as AdminPeopleSchoolsQuery;

const STAFF_FIRST = { filter: { kind: 'STAFF', includeInactive: false }, first: 25 };
const MARIA_LABEL = 'Maria Lopez (Guardian · maria@example.org · Lincoln Elementary)';

describe('the people directory', () => {
  let fixture: ComponentFixture<PeoplePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="person-row"]')];
  const button = (name: string) => buttonNamed(page(), name)!;
  const status = () => page().querySelector('p[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
  const alerts = () => alertTexts(page());
  const panel = () => page().querySelector('hr-confirm-panel');

  /** The first list, staff only, as asked for and answered. */
  async function list(data: AdminPeopleQuery): Promise<void> {
    const operation = apollo.expectOne(AdminPeopleDocument);
    expect(operation.operation.variables).toEqual(STAFF_FIRST);
    operation.flushData(data);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting([provideRouter([])]);
    fixture = TestBed.createComponent(PeoplePageComponent);
    fixture.detectChanges();
    apollo.expectOne(AdminPeopleSchoolsDocument).flushData(SCHOOLS);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is searching until the first list comes, of staff only', async () => {
    await settle(fixture);
    expect(status()).toBe('Searching…');
    expect(page().querySelector('table')).toBeNull();
    await list(answer([MARIA, SAM, MERGED]));
    expect(status()).toBe('3 people found.');
    expect(rows()).toHaveLength(3);
  });

  it('says so when no one matches', async () => {
    await list(answer([]));
    expect(status()).toBe('0 people found.');
    expect(page().textContent).toContain(
      'No one matches. Try fewer words, another kind or school, or include inactive records.',
    );
    expect(page().querySelector('table')).toBeNull();
  });

  it('says in plain words why the list could not be loaded', async () => {
    apollo
      .expectOne(AdminPeopleDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it('lists each person with their details and status, and buttons named for their row', async () => {
    await list(answer([MARIA, SAM, MERGED]));
    const cells = rows().map((row) =>
      [...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent),
    );
    expect(cells).toEqual([
      ['Maria Lopez', 'Guardian · maria@example.org · Lincoln Elementary', 'Active'],
      ['Sam Lee', 'Staff · slee@district.org · inactive', 'Inactive'],
      ['Maria Lopez', 'Guardian · no email or phone · merged', 'Merged'],
    ]);
    expect(rows()[0]!.querySelector('a')!.getAttribute('href')).toBe('/people/p1');
    const group = rows()[0]!.querySelector('hr-row-actions')!;
    expect([group.getAttribute('role'), group.getAttribute('aria-label')]).toEqual([
      'group',
      `Actions for ${MARIA_LABEL}`,
    ]);
    const actions = rows().map((row) =>
      [...row.querySelectorAll('button')].map((b) => [
        b.textContent!.trim(),
        b.getAttribute('aria-label'),
        b.getAttribute('aria-pressed'),
      ]),
    );
    expect(actions[0]).toEqual([
      ['Edit', `Edit ${MARIA_LABEL}`, null],
      ['Deactivate', `Deactivate ${MARIA_LABEL}`, null],
      ['Duplicate', `Choose ${MARIA_LABEL} as the duplicate`, 'false'],
      ['Keep', `Choose ${MARIA_LABEL} as the record to keep`, 'false'],
    ]);
    // Inactive: nothing to deactivate. Merged away: nothing to merge.
    expect(actions[1]!.map(([label]) => label)).toEqual(['Edit', 'Duplicate', 'Keep']);
    expect(actions[2]!.map(([label]) => label)).toEqual(['Edit']);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('runs the search the form gives, in place of the list shown', async () => {
    await list(answer([SAM]));
    const box = page().querySelector<HTMLInputElement>('#people-search')!;
    box.value = ' lopez ';
    box.dispatchEvent(new Event('input'));
    button('Search').click();
    await settle(fixture);
    expect(status()).toBe('Searching…');
    const search = apollo.expectOne(AdminPeopleDocument);
    expect(search.operation.variables).toEqual({
      filter: { search: 'lopez', kind: 'STAFF', schoolId: null, includeInactive: false },
      first: 25,
    });
    search.flushData(answer([]));
    await settle(fixture);
    expect(status()).toBe('0 people found.');
  });

  it('asks before deactivating, and while it runs only the buttons that change something wait', async () => {
    await list(answer([MARIA, SAM]));
    button(`Deactivate ${MARIA_LABEL}`).click();
    await settle(fixture);
    apollo.expectNone(DeactivatePersonDocument);
    expect(panel()!.textContent!.replace(/\s+/g, ' ')).toContain(
      'Deactivate Maria Lopez (Guardian · maria@example.org · Lincoln Elementary)? The record stays,',
    );
    button('Deactivate Maria Lopez').click();
    await settle(fixture);
    const deactivate = apollo.expectOne(DeactivatePersonDocument);
    expect(deactivate.operation.variables).toEqual({ id: 'p1' });
    const waiting = [...rows()[0]!.querySelectorAll('button')].map((b) => [
      b.textContent!.trim(),
      b.disabled,
    ]);
    expect(waiting).toEqual([
      ['Edit', false],
      ['Deactivate', true],
      ['Duplicate', false],
      ['Keep', false],
    ]);
    deactivate.flushData({
      deactivatePerson: { __typename: 'Person', id: 'p1', active: false },
    } as unknown as DeactivatePersonMutation);
    await settle(fixture);
    expect(panel()).toBeNull();
    expect([...page().querySelectorAll('[role="status"]')].map((s) => s.textContent)).toContain(
      'Maria Lopez was deactivated.',
    );
    // The answer updates the record in place: no button left to deactivate it again.
    expect(rows()[0]!.querySelectorAll('td')[2]!.textContent).toBe('Inactive');
    expect(button(`Deactivate ${MARIA_LABEL}`)).toBeUndefined();
  });

  it('shows a refused deactivation in its question, and forgets it when asked again', async () => {
    await list(answer([MARIA]));
    button(`Deactivate ${MARIA_LABEL}`).click();
    await settle(fixture);
    button('Deactivate Maria Lopez').click();
    apollo
      .expectOne(DeactivatePersonDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect([...panel()!.querySelectorAll('[role="alert"]')].map((a) => a.textContent)).toEqual([
      'You do not have access to this.',
    ]);
    expect(await axeViolations(page())).toEqual([]);
    button('Cancel').click();
    await settle(fixture);
    button(`Deactivate ${MARIA_LABEL}`).click();
    await settle(fixture);
    expect(panel()!.querySelector('[role="alert"]')).toBeNull();
  });

  it('marks the records chosen for a merge in their rows and their pressed buttons', async () => {
    await list(answer([MARIA, person({ id: 'p4', displayName: 'María López' })]));
    button(`Choose ${MARIA_LABEL} as the duplicate`).click();
    await settle(fixture);
    const keep =
      'Choose María López (Guardian · maria@example.org · Lincoln Elementary) as the record to keep';
    button(keep).click();
    await settle(fixture);
    expect(rows().map((row) => row.querySelectorAll('td')[3]!.textContent!.trim())).toEqual([
      'Duplicate',
      'Survives',
    ]);
    expect(button(`Choose ${MARIA_LABEL} as the duplicate`).getAttribute('aria-pressed')).toBe('true');
    expect(button(`Choose ${MARIA_LABEL} as the record to keep`).getAttribute('aria-pressed')).toBe('false');
    expect(button(keep).getAttribute('aria-pressed')).toBe('true');
    expect(button('Merge Maria Lopez into María López')).toBeDefined();
  });

  it('opens the editor on the row, putting away a question about deactivating', async () => {
    await list(answer([MARIA, SAM]));
    button(`Deactivate ${MARIA_LABEL}`).click();
    await settle(fixture);
    button('Edit Sam Lee (Staff · slee@district.org · inactive)').click();
    await settle(fixture);
    expect(panel()).toBeNull();
    expect(page().querySelector('#edit-heading')!.textContent).toBe('Edit Sam Lee');
    expect(document.activeElement).toBe(page().querySelector('hr-person-editor section'));
  });

  it('shows the next page under the rows shown, and says when it could not be loaded', async () => {
    await list(answer([MARIA], 'cursor-1', 3));
    expect(status()).toBe('3 people found; showing 1.');
    button('Show more').click();
    const more = apollo.expectOne(AdminPeopleDocument);
    expect(more.operation.variables).toEqual({ ...STAFF_FIRST, after: 'cursor-1' });
    more.flushData(answer([SAM], 'cursor-2', 3));
    await settle(fixture);
    expect(rows().map((row) => row.querySelector('a')!.textContent)).toEqual(['Maria Lopez', 'Sam Lee']);
    button('Show more').click();
    apollo
      .expectOne(AdminPeopleDocument)
      .graphqlErrors([new GraphQLError('Bad cursor', { extensions: { code: 'INVALID_CURSOR' } })]);
    await settle(fixture);
    expect(alerts()).toContain('More people could not be loaded. Please try again.');
  });
});
