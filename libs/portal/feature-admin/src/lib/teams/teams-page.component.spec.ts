/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { axeViolations, buttonNamed, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import {
  AdminStaffDocument,
  type AdminStaffQuery,
  AdminTeamDepartmentsDocument,
  type AdminTeamDepartmentsQuery,
  AdminTeamsDocument,
  type AdminTeamsQuery,
  DeactivateTeamDocument,
  ReactivateTeamDocument,
  SetTeamMembersDocument,
} from '../operations.generated';
import { TeamsPageComponent } from './teams-page.component';

/** Noon on the day Jo is back, far enough ahead never to have passed; the form keeps the day. */
const BACK = new Date(2099, 2, 10, 12).toISOString();

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const member = (
  id: string,
  displayName: string,
  available = true,
  outOfOfficeUntil: string | null = null,
) => ({
  __typename: 'TeamMember',
  available,
  outOfOfficeUntil,
  person: { __typename: 'Person', id, displayName },
});

const team = (
  id: string,
  name: string,
  {
    schoolId = null as string | null,
    departmentId = null as string | null,
    active = true,
    members = [] as ReturnType<typeof member>[],
  } = {},
) => ({ __typename: 'Team', id, name, schoolId, departmentId, active, members });

function answer(teams: ReturnType<typeof team>[]): AdminTeamsQuery {
  const school = (id: string, name: string, active = true) => ({
    __typename: 'SchoolEdge',
    node: { __typename: 'School', id, name, active },
  });
  return {
    teams,
    schools: {
      __typename: 'SchoolConnection',
      edges: [school('s1', 'Lincoln Elementary'), school('s2', 'Old Mill School', false)],
    },
  } as unknown as AdminTeamsQuery;
}

/** A school team, out of office and away members; a deactivated district team with no members. */
const district = () =>
  answer([
    team('t1', 'Front office', {
      schoolId: 's1',
      departmentId: 'd2',
      members: [member('p1', 'Ana Ruiz'), member('p2', 'Li Wei', false), member('p3', 'Jo Park', true, BACK)],
    }),
    team('t2', 'Bus desk', { departmentId: 'd1', active: false }),
  ]);

const departments = {
  departments: [
    { __typename: 'Department', id: 'd1', name: 'Transportation', schoolId: null },
    { __typename: 'Department', id: 'd2', name: 'Office', schoolId: 's1' },
  ],
} as unknown as AdminTeamDepartmentsQuery;

const noStaff = {
  people: { __typename: 'PersonConnection', totalCount: 0, edges: [] },
} as unknown as AdminStaffQuery;

describe('the teams page', () => {
  let fixture: ComponentFixture<TeamsPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const panels = () => [...page().querySelectorAll<HTMLElement>('[data-testid="team"]')];
  const panel = (name: string) => panels().find((p) => p.querySelector('h3')!.textContent === name)!;
  const button = (name: string, within: HTMLElement = page()) => buttonNamed(within, name)!;
  const status = () => page().querySelector('p[role="status"]')?.textContent ?? null;

  async function teams(data: AdminTeamsQuery): Promise<void> {
    apollo.expectOne(AdminTeamsDocument).flushData(data);
    await settle(fixture);
  }

  /** The departments and staff the page and its staff section ask for when it opens. */
  async function pickers(): Promise<void> {
    const asked = apollo.expectOne(AdminTeamDepartmentsDocument);
    expect(asked.operation.variables).toEqual({ schoolId: null });
    asked.flushData(departments);
    for (const staff of apollo.match(AdminStaffDocument)) staff.flushData(noStaff);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting([provideRouter([])]);
    fixture = TestBed.createComponent(TeamsPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading teams until they come, and when there are none', async () => {
    await pickers();
    expect(page().textContent).toContain('Loading teams…');
    await teams(answer([]));
    expect(page().textContent).not.toContain('Loading teams…');
    expect(page().textContent).toContain(
      'No teams yet: create one below, then send cases to it with a routing rule.',
    );
  });

  it('says in plain words why the teams could not be loaded', async () => {
    await pickers();
    apollo
      .expectOne(AdminTeamsDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')!.textContent).toBe('You do not have access to this.');
  });

  it('shows each team where it works, its members’ availability, and its actions named for it', async () => {
    await pickers();
    await teams(district());
    const front = panel('Front office');
    expect(front.querySelector('.hint')!.textContent).toBe('Lincoln Elementary · Office');
    expect(
      [...front.querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()),
      ),
    ).toEqual([
      ['Ana Ruiz', 'Available'],
      ['Li Wei', 'Not taking cases'],
      ['Jo Park', 'Out of office until Mar 10, 2099'],
    ]);
    expect(front.querySelector('a')!.getAttribute('href')).toBe('/people/p1');
    const bus = panel('Bus desk');
    expect(bus.querySelector('.hint')!.textContent).toBe('District team · Transportation');
    expect(bus.textContent).toContain('Deactivated: routing assigns its cases to no one');
    expect(bus.textContent).toContain('No members yet.');
    const actions = (within: HTMLElement) => {
      const group = within.querySelector('hr-row-actions')!;
      return [
        group.getAttribute('aria-label'),
        ...[...group.querySelectorAll('button')].map(
          (b) => `${b.textContent!.trim()}: ${b.getAttribute('aria-label')}`,
        ),
      ];
    };
    expect(actions(front)).toEqual([
      'Actions for Front office',
      'Change members: Change members of Front office',
      'Rename or move: Rename or move Front office',
      'Deactivate: Deactivate Front office',
    ]);
    expect(actions(bus)).toEqual([
      'Actions for Bus desk',
      'Change members: Change members of Bus desk',
      'Rename or move: Rename or move Bus desk',
      'Reactivate: Reactivate Bus desk',
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('opens one team editor at a time, in the team’s own panel', async () => {
    await pickers();
    await teams(district());
    button('Change members of Front office').click();
    await settle(fixture);
    expect(panel('Front office').querySelector('hr-team-members-editor')).not.toBeNull();
    expect(panel('Front office').querySelector('hr-row-actions')).toBeNull();
    button('Rename or move Bus desk').click();
    await settle(fixture);
    // The place editor asks for the departments of the team's school (the district's are cached).
    for (const asked of apollo.match(AdminTeamDepartmentsDocument)) asked.flushData(departments);
    await settle(fixture);
    expect(page().querySelector('hr-team-members-editor')).toBeNull();
    expect(panel('Bus desk').querySelector('form')!.getAttribute('aria-label')).toBe(
      'Rename or move Bus desk',
    );
    expect(panel('Front office').querySelector('hr-row-actions')).not.toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('deactivates a team once asked, waiting while it runs, then says what that means', async () => {
    await pickers();
    await teams(district());
    button('Deactivate Front office').click();
    await settle(fixture);
    const question = panel('Front office').querySelector('hr-confirm-panel')!;
    expect(question.textContent).toContain('Deactivate Front office? Routing passes over the rules');
    apollo.expectNone(DeactivateTeamDocument);
    button('Deactivate Front office', question as HTMLElement).click();
    await settle(fixture);
    const deactivate = apollo.expectOne(DeactivateTeamDocument);
    expect(deactivate.operation.variables).toEqual({ id: 't1' });
    expect(
      [...page().querySelectorAll('hr-row-actions button')].every((b) => (b as HTMLButtonElement).disabled),
    ).toBe(true);
    deactivate.flushData({ deactivateTeam: { __typename: 'Team', id: 't1', active: false } } as never);
    await settle(fixture);
    await teams(district());
    expect(page().querySelector('hr-confirm-panel')).toBeNull();
    expect(status()).toBe(
      'Front office was deactivated: routing assigns its cases to no one until it is reactivated.',
    );
    expect(
      [...page().querySelectorAll('hr-row-actions button')].some((b) => (b as HTMLButtonElement).disabled),
    ).toBe(false);
  });

  it('reactivates a deactivated team', async () => {
    await pickers();
    await teams(district());
    button('Reactivate Bus desk').click();
    await settle(fixture);
    button('Reactivate Bus desk', panel('Bus desk').querySelector('hr-confirm-panel')!).click();
    const reactivate = apollo.expectOne(ReactivateTeamDocument);
    expect(reactivate.operation.variables).toEqual({ id: 't2' });
    reactivate.flushData({ reactivateTeam: { __typename: 'Team', id: 't2', active: true } } as never);
    await settle(fixture);
    await teams(district());
    expect(status()).toBe(
      'Bus desk was reactivated: routing assigns its cases to its available members again.',
    );
  });

  it("shows the API's refusal in the question, and forgets it when another action starts", async () => {
    await pickers();
    await teams(district());
    button('Deactivate Front office').click();
    await settle(fixture);
    const question = panel('Front office').querySelector<HTMLElement>('hr-confirm-panel')!;
    button('Deactivate Front office', question).click();
    apollo
      .expectOne(DeactivateTeamDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect([...question.querySelectorAll('[role="alert"]')].map((a) => a.textContent)).toEqual([
      'You do not have access to this.',
    ]);
    expect(await axeViolations(page())).toEqual([]);
    button('Reactivate Bus desk').click();
    await settle(fixture);
    expect(page().querySelectorAll('[role="alert"]')).toHaveLength(0);
  });

  it('closes the members editor and says so once the members are saved', async () => {
    await pickers();
    await teams(district());
    button('Change members of Front office').click();
    await settle(fixture);
    button('Remove Li Wei from Front office').click();
    button('Save the members of Front office').click();
    const save = apollo.expectOne(SetTeamMembersDocument);
    expect(save.operation.variables).toEqual({
      teamId: 't1',
      members: [
        { personId: 'p1', available: true, outOfOfficeUntil: null },
        { personId: 'p3', available: true, outOfOfficeUntil: new Date(2099, 2, 10).toISOString() },
      ],
    });
    save.flushData({ setTeamMembers: { __typename: 'Team', id: 't1', members: [] } } as never);
    await settle(fixture);
    await teams(district());
    expect(page().querySelector('hr-team-members-editor')).toBeNull();
    expect(status()).toBe('The members of Front office were saved.');
  });

  it('lists the departments of the school chosen for a new team', async () => {
    await pickers();
    await teams(district());
    const school = page().querySelector<HTMLSelectElement>('#team-school')!;
    expect([...school.options].map((option) => option.textContent!.trim())).toEqual([
      'None (a district team)',
      'Lincoln Elementary',
    ]);
    school.value = 's1';
    school.dispatchEvent(new Event('change'));
    const asked = apollo.expectOne(AdminTeamDepartmentsDocument);
    expect(asked.operation.variables).toEqual({ schoolId: 's1' });
    asked.flushData(departments);
    await settle(fixture);
    expect(
      [...page().querySelectorAll<HTMLOptionElement>('#team-department option')].map((o) =>
        o.textContent!.trim(),
      ),
    ).toEqual(['None', 'Transportation', 'Office (school office)']);
  });
});
