/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AdminDepartmentsDocument,
  type AdminDepartmentsQuery,
  CreateDepartmentDocument,
} from '../operations.generated';
import { SchoolDepartmentsComponent } from './school-departments.component';

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const answer = (...list: [string, string, string | null][]) =>
  ({
    departments: list.map(([id, name, schoolId]) => ({ __typename: 'Department', id, name, schoolId })),
  }) as unknown as AdminDepartmentsQuery;

const districtOnly = () => answer(['d1', 'Transportation', null], ['d2', 'Enrollment', null]);

/** The schools page's use of the section: its schools, and one change at a time across the page. */
@Component({
  imports: [SchoolDepartmentsComponent],
  template: `<hr-school-departments [schools]="schools" [(busy)]="busy" />`,
})
class SchoolsPageComponent {
  readonly schools = [
    { id: 's1', name: 'Lincoln Elementary', active: true },
    { id: 's2', name: 'Old Mill School', active: false },
  ];
  readonly busy = signal(false);
}

describe('the school departments section', () => {
  let fixture: ComponentFixture<SchoolsPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const rows = () =>
    [...page().querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const alerts = () => alertTexts(page());

  async function listed(schoolId: string | null, data: AdminDepartmentsQuery): Promise<void> {
    const operation = apollo.expectOne(AdminDepartmentsDocument);
    expect(operation.operation.variables).toEqual({ schoolId });
    operation.flushData(data);
    await settle(fixture);
  }

  const set = (id: string, value: string) => setField(page(), id, value);

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SchoolsPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("says it is loading, then lists the district's departments", async () => {
    await settle(fixture);
    expect(page().querySelector('[role="status"]')!.textContent).toBe('Loading departments…');
    await listed(null, districtOnly());
    expect(page().querySelector('[role="status"]')).toBeNull();
    expect(rows()).toEqual([
      ['Transportation', 'The district'],
      ['Enrollment', 'The district'],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says when there are none, and why when they could not be loaded', async () => {
    await listed(null, answer());
    expect(rows()).toEqual([['No departments yet.']]);
    set('departments-of', 's1');
    apollo
      .expectOne(AdminDepartmentsDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it("shows a school's departments with the district's, each named by whom it belongs to", async () => {
    await listed(null, districtOnly());
    const picker = field<HTMLSelectElement>('departments-of');
    expect([...picker.options].map((option) => option.textContent!.trim())).toEqual([
      'The district only',
      'The district and Lincoln Elementary',
      'The district and Old Mill School',
    ]);
    set('departments-of', 's2');
    await listed('s2', answer(['d1', 'Transportation', null], ['d3', 'Office', 's2'], ['d4', 'Annex', 's9']));
    expect(rows()).toEqual([
      ['Transportation', 'The district'],
      ['Office', 'Old Mill School'],
      ['Annex', 'A school'],
    ]);
  });

  it('offers Add department once a name is typed, and only active schools to add it to', async () => {
    await listed(null, districtOnly());
    expect(submit().disabled).toBe(true);
    set('department-name', '  ');
    await settle(fixture);
    expect(submit().disabled).toBe(true);
    set('department-name', 'Nurse');
    await settle(fixture);
    expect(submit().disabled).toBe(false);
    expect(
      [...field<HTMLSelectElement>('department-owner').options].map((option) => option.textContent!.trim()),
    ).toEqual(['The district', 'Lincoln Elementary']);
  });

  it('adds a district department, trimmed, and waits while it does', async () => {
    await listed(null, districtOnly());
    set('department-name', ' Nurse ');
    await settle(fixture);
    submit().click();
    await settle(fixture);
    const create = apollo.expectOne(CreateDepartmentDocument);
    expect(create.operation.variables).toEqual({ name: 'Nurse', schoolId: null });
    expect(host().busy()).toBe(true);
    expect(submit().disabled).toBe(true);
    create.flushData({
      createDepartment: { __typename: 'Department', id: 'd5', name: 'Nurse', schoolId: null },
    } as never);
    await settle(fixture);
    await listed(null, answer(['d1', 'Transportation', null], ['d5', 'Nurse', null]));
    expect(host().busy()).toBe(false);
    expect(field<HTMLInputElement>('department-name').value).toBe('');
    expect(rows().map(([name]) => name)).toEqual(['Transportation', 'Nurse']);
  });

  it("adds a school's department, then shows that school's list", async () => {
    await listed(null, districtOnly());
    set('department-name', 'Office');
    set('department-owner', 's1');
    await settle(fixture);
    submit().click();
    const create = apollo.expectOne(CreateDepartmentDocument);
    expect(create.operation.variables).toEqual({ name: 'Office', schoolId: 's1' });
    create.flushData({
      createDepartment: { __typename: 'Department', id: 'd6', name: 'Office', schoolId: 's1' },
    } as never);
    await settle(fixture);
    await listed(null, districtOnly());
    await listed('s1', answer(['d1', 'Transportation', null], ['d6', 'Office', 's1']));
    expect(field<HTMLSelectElement>('departments-of').value).toBe('s1');
    expect(rows()).toContainEqual(['Office', 'Lincoln Elementary']);
  });

  it("shows the API's refusal and keeps the name typed", async () => {
    await listed(null, districtOnly());
    set('department-name', 'Transportation');
    await settle(fixture);
    submit().click();
    apollo
      .expectOne(CreateDepartmentDocument)
      .graphqlErrors([new GraphQLError('Name taken', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(alerts()).toEqual([
      'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    ]);
    expect(field<HTMLInputElement>('department-name').value).toBe('Transportation');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('waits while another change on the page runs', async () => {
    await listed(null, districtOnly());
    set('department-name', 'Nurse');
    host().busy.set(true);
    await settle(fixture);
    expect(submit().disabled).toBe(true);
  });
});
