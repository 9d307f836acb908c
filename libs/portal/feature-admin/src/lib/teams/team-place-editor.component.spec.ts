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
  buttonNamed,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AdminTeamDepartmentsDocument,
  type AdminTeamDepartmentsQuery,
  type AdminTeamsQuery,
  UpdateTeamDocument,
} from '../operations.generated';
import { TeamPlaceEditorComponent } from './team-place-editor.component';

type Team = AdminTeamsQuery['teams'][number];

/** Lincoln's office team, in a department of Lincoln's. */
const team: Team = {
  id: 't1',
  name: 'Front office',
  schoolId: 's1',
  departmentId: 'd2',
  active: true,
  members: [],
};

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const departments = (...list: [string, string, string | null][]) =>
  ({
    departments: list.map(([id, name, schoolId]) => ({ __typename: 'Department', id, name, schoolId })),
  }) as unknown as AdminTeamDepartmentsQuery;

/** The teams page's use of the editor. */
@Component({
  imports: [TeamPlaceEditorComponent],
  template: `
    <hr-team-place-editor
      [team]="team()"
      [schools]="schools"
      [(busy)]="busy"
      (saved)="saved.push($event)"
      (cancelled)="cancelled = cancelled + 1"
    />
  `,
})
class TeamsPageComponent {
  readonly team = signal(team);
  readonly schools = [
    { id: 's1', name: 'Lincoln Elementary' },
    { id: 's2', name: 'Roosevelt Middle' },
  ];
  readonly busy = signal(false);
  cancelled = 0;
  readonly saved: string[] = [];
}

describe('the team place editor', () => {
  let fixture: ComponentFixture<TeamsPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const options = (id: string) =>
    [...field<HTMLSelectElement>(id).options].map((option) => [option.value, option.textContent!.trim()]);
  const button = (text: string) => buttonNamed(page(), text)!;
  const alerts = () => alertTexts(page());
  const set = (id: string, value: string) => setField(page(), id, value);

  /** The departments of the school asked for, answered. */
  async function offered(schoolId: string | null, data: AdminTeamDepartmentsQuery): Promise<void> {
    const operation = apollo.expectOne(AdminTeamDepartmentsDocument);
    expect(operation.operation.variables).toEqual({ schoolId });
    operation.flushData(data);
    await settle(fixture);
  }

  /**
   * Opens the editor on the team. It asks for the district's departments before it knows the team, then
   * for those of the team's school (on the teams page the first comes from the cache); the first answer,
   * superseded, is not shown.
   */
  async function open(opened = team): Promise<void> {
    host().team.set(opened);
    fixture.detectChanges();
    const [district, own] = apollo.match(AdminTeamDepartmentsDocument);
    expect([district!.operation.variables, own!.operation.variables]).toEqual([
      { schoolId: null },
      { schoolId: opened.schoolId },
    ]);
    own!.flushData(departments(['d1', 'Transportation', null], ['d2', 'Office', 's1']));
    district!.flushData(departments(['d1', 'Transportation', null]));
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(TeamsPageComponent);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('opens on the team as it is, with its school and the departments it may belong to', async () => {
    await open();
    const form = page().querySelector('form')!;
    expect(form.getAttribute('aria-label')).toBe('Rename or move Front office');
    expect(document.activeElement).toBe(form);
    expect(field<HTMLInputElement>('name-t1').value).toBe('Front office');
    expect(field<HTMLSelectElement>('school-t1').value).toBe('s1');
    expect(options('school-t1')).toEqual([
      ['', 'None (a district team)'],
      ['s1', 'Lincoln Elementary'],
      ['s2', 'Roosevelt Middle'],
    ]);
    expect(field<HTMLSelectElement>('department-t1').value).toBe('d2');
    expect(options('department-t1')).toEqual([
      ['', 'None'],
      ['d1', 'Transportation'],
      ['d2', 'Office (school office)'],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('keeps the team’s own department offered while it is chosen, though no longer listed', async () => {
    await open({ ...team, departmentId: 'd7' });
    expect(field<HTMLSelectElement>('department-t1').value).toBe('d7');
    expect(options('department-t1').at(-1)).toEqual(['d7', 'Its current department']);
  });

  it('asks for the departments of another school chosen, and lets go of the department chosen', async () => {
    await open();
    set('school-t1', 's2');
    await offered('s2', departments(['d1', 'Transportation', null], ['d3', 'Main office', 's2']));
    expect(field<HTMLSelectElement>('department-t1').value).toBe('');
    expect(options('department-t1')).toEqual([
      ['', 'None'],
      ['d1', 'Transportation'],
      ['d3', 'Main office (school office)'],
    ]);
  });

  it('says what is wrong before sending anything', async () => {
    await open();
    button('Save Front office').click();
    await settle(fixture);
    expect(alerts()).toEqual(['Nothing to save: the name, school and department are as they were.']);
    set('name-t1', '  ');
    button('Save Front office').click();
    await settle(fixture);
    expect(alerts()).toEqual(['Enter the team’s name.']);
    apollo.expectNone(UpdateTeamDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('sends only what changed, waits while it saves, then says so by the new name', async () => {
    await open();
    set('name-t1', ' Main office ');
    set('department-t1', 'd1');
    button('Save Front office').click();
    await settle(fixture);
    const update = apollo.expectOne(UpdateTeamDocument);
    expect(update.operation.variables).toEqual({
      id: 't1',
      input: { name: 'Main office', departmentId: 'd1' },
    });
    expect(host().busy()).toBe(true);
    expect(button('Save Front office').disabled).toBe(true);
    update.flushData({
      updateTeam: { __typename: 'Team', id: 't1', name: 'Main office', schoolId: 's1', departmentId: 'd1' },
    } as never);
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(host().saved).toEqual(['Main office was saved.']);
  });

  it('makes it a district team when no school is chosen', async () => {
    await open();
    set('school-t1', '');
    await offered(null, departments(['d1', 'Transportation', null]));
    button('Save Front office').click();
    const update = apollo.expectOne(UpdateTeamDocument);
    expect(update.operation.variables).toEqual({ id: 't1', input: { schoolId: null, departmentId: null } });
    update.flushData({
      updateTeam: { __typename: 'Team', id: 't1', name: 'Front office', schoolId: null, departmentId: null },
    } as never);
    await settle(fixture);
  });

  it("shows the API's refusal and stays open", async () => {
    await open();
    set('name-t1', 'Transportation');
    button('Save Front office').click();
    apollo
      .expectOne(UpdateTeamDocument)
      .graphqlErrors([new GraphQLError('Name taken', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(alerts()).toEqual([
      'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    ]);
    expect(host().saved).toEqual([]);
    expect(field<HTMLInputElement>('name-t1').value).toBe('Transportation');
  });

  it('tells the page when it is cancelled, and waits while another change runs', async () => {
    await open();
    button('Cancel').click();
    expect(host().cancelled).toBe(1);
    host().busy.set(true);
    await settle(fixture);
    expect(button('Save Front office').disabled).toBe(true);
    expect(button('Cancel').disabled).toBe(false);
  });
});
