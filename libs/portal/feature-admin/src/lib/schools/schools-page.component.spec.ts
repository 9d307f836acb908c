/**
 * @jest-environment jsdom
 */
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
  AdminDepartmentsDocument,
  type AdminDepartmentsQuery,
  AdminSchoolsDocument,
  type AdminSchoolsQuery,
  CreateSchoolDocument,
  DeactivateSchoolDocument,
  ReactivateSchoolDocument,
} from '../operations.generated';
import { SchoolsPageComponent } from './schools-page.component';

type School = AdminSchoolsQuery['schools']['edges'][number]['node'];

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const school = (id: string, name: string, overrides: Partial<School> = {}) => ({
  __typename: 'School',
  id,
  name,
  code: id.toUpperCase(),
  type: 'ELEMENTARY',
  lowestGrade: 'KG',
  highestGrade: '05',
  timeZone: 'America/Denver',
  active: true,
  ...overrides,
});

function answer(
  schools: ReturnType<typeof school>[],
  { totalCount = schools.length, endCursor = null as string | null } = {},
): AdminSchoolsQuery {
  return {
    schools: {
      __typename: 'SchoolConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      edges: schools.map((node) => ({ __typename: 'SchoolEdge', node })),
    },
    district: { __typename: 'District', timeZone: 'America/Denver' },
  } as unknown as AdminSchoolsQuery;
}

const district = () =>
  answer([
    school('s1', 'Lincoln Elementary'),
    school('s2', 'Old Mill School', { type: 'K8', lowestGrade: null, highestGrade: null, active: false }),
  ]);

const noDepartments = { departments: [] } as unknown as AdminDepartmentsQuery;

describe('the schools page', () => {
  let fixture: ComponentFixture<SchoolsPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="school-row"]')];
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const button = (name: string, within: Element = page()) => buttonNamed(within, name)!;
  const alerts = () => alertTexts(page());

  async function schools(data: AdminSchoolsQuery, variables: object = { first: 100 }): Promise<void> {
    const operation = apollo.expectOne(AdminSchoolsDocument);
    expect(operation.operation.variables).toEqual(variables);
    operation.flushData(data);
    await settle(fixture);
  }

  const set = (id: string, value: string) => setField(page(), id, value);

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SchoolsPageComponent);
    fixture.detectChanges();
    // The departments section below asks for the district's departments.
    apollo.expectOne(AdminDepartmentsDocument).flushData(noDepartments);
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading schools until they come, and what to do when there are none', async () => {
    expect(page().textContent).toContain('Loading schools…');
    await schools(answer([]));
    expect(page().textContent).not.toContain('Loading schools…');
    expect(page().textContent).toContain(
      'No schools yet: add the first below, or import them from the student information system.',
    );
  });

  it('says in plain words why the schools could not be loaded', async () => {
    apollo
      .expectOne(AdminSchoolsDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it('lists each school in words, with its one action named for it', async () => {
    await schools(district());
    expect(rows().map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()))).toEqual([
      ['Lincoln Elementary', 'S1', 'Elementary', 'K–5', 'America/Denver', 'Active', 'Deactivate'],
      ['Old Mill School', 'S2', 'K–8', 'Not set', 'America/Denver', 'Deactivated', 'Reactivate'],
    ]);
    expect(rows().map((row) => row.querySelector('hr-row-actions')!.getAttribute('aria-label'))).toEqual([
      'Actions for Lincoln Elementary',
      'Actions for Old Mill School',
    ]);
    expect(button('Deactivate Lincoln Elementary').textContent!.trim()).toBe('Deactivate');
    expect(button('Reactivate Old Mill School').textContent!.trim()).toBe('Reactivate');
    expect(page().textContent).toContain('Showing 2 of 2 schools.');
    expect(button('Show more schools')).toBeUndefined();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('shows more schools after the last one shown', async () => {
    await schools(answer([school('s1', 'Lincoln Elementary')], { totalCount: 2, endCursor: 'c1' }));
    expect(page().textContent).toContain('Showing 1 of 2 schools.');
    button('Show more schools').click();
    await settle(fixture);
    await schools(answer([school('s3', 'Roosevelt Middle')], { totalCount: 2 }), { first: 100, after: 'c1' });
    expect(rows().map((row) => row.querySelector('td')!.textContent)).toEqual([
      'Lincoln Elementary',
      'Roosevelt Middle',
    ]);
    expect(button('Show more schools')).toBeUndefined();
  });

  it("says what is missing before sending anything, the district's time zone filled in", async () => {
    await schools(district());
    expect(field<HTMLInputElement>('school-time-zone').value).toBe('America/Denver');
    set('school-lowest', '05');
    set('school-highest', 'KG');
    button('Add school').click();
    await settle(fixture);
    const alert = page().querySelector('form [role="alert"]')!;
    expect(alert.querySelector('p')!.textContent).toBe('The school was not added:');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Enter the school’s name.',
      'Enter the district’s short code for the school.',
      'Choose the type of school.',
      'The lowest grade comes after the highest grade.',
    ]);
    apollo.expectNone(CreateSchoolDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('adds a school, waits while it does, then says so and empties the form', async () => {
    await schools(district());
    set('school-name', ' Roosevelt Middle ');
    set('school-code', 'RMS');
    set('school-type', 'MIDDLE');
    set('school-lowest', '06');
    set('school-highest', '08');
    set('school-time-zone', 'america/chicago');
    set('school-phone', '');
    set('school-nces', ' 170993000123 ');
    button('Add school').click();
    await settle(fixture);
    const create = apollo.expectOne(CreateSchoolDocument);
    expect(create.operation.variables).toEqual({
      input: {
        name: 'Roosevelt Middle',
        code: 'RMS',
        type: 'MIDDLE',
        timeZone: 'America/Chicago',
        lowestGrade: '06',
        highestGrade: '08',
        ncesId: '170993000123',
      },
    });
    expect(button('Add school').disabled).toBe(true);
    expect(button('Deactivate Lincoln Elementary').disabled).toBe(true);
    create.flushData({ createSchool: { __typename: 'School', id: 's3', name: 'Roosevelt Middle' } } as never);
    await settle(fixture);
    await schools(district());
    expect(page().querySelector('form p[role="status"]')!.textContent).toBe('Roosevelt Middle was added.');
    expect(
      ['school-name', 'school-code', 'school-type', 'school-nces'].map(
        (id) => field<HTMLInputElement>(id).value,
      ),
    ).toEqual(['', '', '', '']);
    expect(field<HTMLInputElement>('school-time-zone').value).toBe('America/Denver');
    expect(button('Add school').disabled).toBe(false);
  });

  it('deactivates a school once asked, and puts the question away', async () => {
    await schools(district());
    button('Deactivate Lincoln Elementary').click();
    await settle(fixture);
    const question = page().querySelector('hr-confirm-panel')!;
    expect(question.textContent).toContain('Deactivate Lincoln Elementary (S1)?');
    apollo.expectNone(DeactivateSchoolDocument);
    button('Deactivate Lincoln Elementary', question).click();
    const deactivate = apollo.expectOne(DeactivateSchoolDocument);
    expect(deactivate.operation.variables).toEqual({ id: 's1' });
    deactivate.flushData({ deactivateSchool: { __typename: 'School', id: 's1', active: false } } as never);
    await settle(fixture);
    await schools(district());
    expect(page().querySelector('hr-confirm-panel')).toBeNull();
  });

  it("keeps the API's refusal in view once the question is cancelled", async () => {
    await schools(district());
    button('Reactivate Old Mill School').click();
    await settle(fixture);
    button('Reactivate Old Mill School', page().querySelector('hr-confirm-panel')!).click();
    const reactivate = apollo.expectOne(ReactivateSchoolDocument);
    expect(reactivate.operation.variables).toEqual({ id: 's2' });
    reactivate.graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    button('Cancel').click();
    await settle(fixture);
    expect(page().querySelector('hr-confirm-panel')).toBeNull();
    expect(alerts()).toEqual(['You do not have access to this.']);
    button('Deactivate Lincoln Elementary').click();
    await settle(fixture);
    expect(alerts()).toEqual([]);
  });
});
