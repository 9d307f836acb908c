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
import { CreateTeamDocument } from '../operations.generated';
import { CreateTeamFormComponent } from './create-team-form.component';

/** The teams page's use of the form: it lists the chosen school's departments and shows what was created. */
@Component({
  imports: [CreateTeamFormComponent],
  template: `
    <hr-create-team-form
      [schools]="schools"
      [departments]="departments()"
      [(busy)]="busy"
      (schoolChosen)="chosen.push($event)"
      (created)="created.push($event)"
    />
  `,
})
class TeamsPageComponent {
  readonly schools = [
    { id: 's1', name: 'Lincoln Elementary' },
    { id: 's2', name: 'Roosevelt Middle' },
  ];
  readonly departments = signal([{ id: 'd1', label: 'Transportation' }]);
  readonly busy = signal(false);
  readonly chosen: string[] = [];
  readonly created: string[] = [];
}

describe('the create team form', () => {
  let fixture: ComponentFixture<TeamsPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const alerts = () => alertTexts(page());
  const set = (id: string, value: string) => setField(page(), id, value);

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(TeamsPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('offers the schools and departments it is given, none by default', async () => {
    const options = (id: string) =>
      [...field<HTMLSelectElement>(id).options].map((option) => [option.value, option.textContent!.trim()]);
    expect(options('team-school')).toEqual([
      ['', 'None (a district team)'],
      ['s1', 'Lincoln Elementary'],
      ['s2', 'Roosevelt Middle'],
    ]);
    expect(options('team-department')).toEqual([
      ['', 'None'],
      ['d1', 'Transportation'],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('tells the page which school was chosen, and lets go of the department chosen before', async () => {
    set('team-department', 'd1');
    await settle(fixture);
    set('team-school', 's2');
    await settle(fixture);
    expect(host().chosen).toEqual(['s2']);
    expect(field<HTMLSelectElement>('team-department').value).toBe('');
  });

  it('asks for a name before sending anything', async () => {
    set('team-name', '   ');
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual(['Enter the team’s name.']);
    apollo.expectNone(CreateTeamDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('creates the team with no members, waits while it does, then says what to do next', async () => {
    set('team-name', ' Bus office ');
    set('team-school', 's1');
    await settle(fixture);
    set('team-department', 'd1');
    submit().click();
    await settle(fixture);
    const create = apollo.expectOne(CreateTeamDocument);
    expect(create.operation.variables).toEqual({
      input: { name: 'Bus office', schoolId: 's1', departmentId: 'd1', members: [] },
    });
    expect(host().busy()).toBe(true);
    expect(submit().disabled).toBe(true);
    create.flushData({ createTeam: { __typename: 'Team', id: 't9', name: 'Bus office' } } as never);
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(host().created).toEqual(['Bus office was created: add its members with “Change members”.']);
    expect(field<HTMLInputElement>('team-name').value).toBe('');
    expect(alerts()).toEqual([]);
  });

  it('sends a district team with neither school nor department', async () => {
    set('team-name', 'Enrollment desk');
    submit().click();
    const create = apollo.expectOne(CreateTeamDocument);
    expect(create.operation.variables).toEqual({
      input: { name: 'Enrollment desk', schoolId: null, departmentId: null, members: [] },
    });
    create.flushData({ createTeam: { __typename: 'Team', id: 't8', name: 'Enrollment desk' } } as never);
    await settle(fixture);
  });

  it("shows the API's refusal and keeps the name typed", async () => {
    set('team-name', 'Bus office');
    submit().click();
    apollo
      .expectOne(CreateTeamDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(field<HTMLInputElement>('team-name').value).toBe('Bus office');
    expect(host().created).toEqual([]);
  });

  it('waits while another change on the page runs', async () => {
    host().busy.set(true);
    await settle(fixture);
    expect(submit().disabled).toBe(true);
  });
});
