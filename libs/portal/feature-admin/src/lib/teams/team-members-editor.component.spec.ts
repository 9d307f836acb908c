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
import { type AdminStaffQuery, type AdminTeamsQuery, SetTeamMembersDocument } from '../operations.generated';
import { TeamMembersEditorComponent } from './team-members-editor.component';

type Team = AdminTeamsQuery['teams'][number];
type Staff = AdminStaffQuery['people']['edges'][number]['node'];

/** The day Ana is back, far enough ahead never to have passed, at local midnight as the form sends it. */
const BACK_ON = new Date(2099, 2, 10);

const team: Team = {
  id: 't1',
  name: 'Transportation',
  schoolId: null,
  departmentId: 'd1',
  active: true,
  members: [
    { available: true, outOfOfficeUntil: null, person: { id: 'p1', displayName: 'Ana Ruiz' } },
    { available: false, outOfOfficeUntil: null, person: { id: 'p2', displayName: 'Li Wei' } },
  ],
};

const staff = (id: string, displayName: string, active = true): Staff => ({
  id,
  displayName,
  active,
  emails: [{ address: `${id}@district.example`, primary: true }],
  staffRoles: [],
  translatorLanguages: [],
});

/** The teams page's use of the editor: the staff it found, the search typed, what was saved. */
@Component({
  imports: [TeamMembersEditorComponent],
  template: `
    <hr-team-members-editor
      [team]="team"
      [found]="found()"
      [(search)]="search"
      [(busy)]="busy"
      (find)="finds = finds + 1"
      (saved)="saved.push($event)"
      (cancelled)="cancelled = cancelled + 1"
    />
  `,
})
class TeamsPageComponent {
  readonly team = team;
  // Ana is a member already; Sam has left.
  readonly found = signal([staff('p1', 'Ana Ruiz'), staff('p3', 'Jo Park'), staff('p4', 'Sam Lee', false)]);
  readonly search = signal('');
  readonly busy = signal(false);
  finds = 0;
  cancelled = 0;
  readonly saved: string[] = [];
}

describe('the team members editor', () => {
  let fixture: ComponentFixture<TeamsPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const members = () =>
    [...page().querySelectorAll('tbody tr')].map((row) => row.querySelector('td')!.textContent);
  const candidates = () =>
    [...page().querySelectorAll('ul.plain li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
  const field = (id: string) => page().querySelector<HTMLInputElement>(`#${id}`)!;
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());

  async function backOn(personId: string, date: string): Promise<void> {
    setField(page(), `back-${personId}`, date);
    await settle(fixture);
  }

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

  it('shows the members as they will be saved, and the active staff found who are not members', async () => {
    expect(page().querySelector('caption')!.textContent!.trim()).toBe(
      'Members of Transportation, as they will be saved',
    );
    expect(members()).toEqual(['Ana Ruiz', 'Li Wei']);
    expect([field('available-p1').checked, field('available-p2').checked]).toEqual([true, false]);
    expect(candidates()).toEqual(['Jo Park · p3@district.example Add']);
    expect(button('Add Jo Park to Transportation').textContent!.trim()).toBe('Add');
    expect(document.activeElement).toBe(page().querySelector('[role="group"]'));
    expect(await axeViolations(page())).toEqual([]);
  });

  it('asks the page to find staff, by button and by Enter, with the search typed', async () => {
    field('member-search').value = 'park';
    field('member-search').dispatchEvent(new Event('input'));
    field('member-search').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    button('Find').click();
    expect([host().search(), host().finds]).toEqual(['park', 2]);
  });

  it('adds and removes members without sending anything until they are saved', async () => {
    button('Add Jo Park to Transportation').click();
    await settle(fixture);
    button('Remove Li Wei from Transportation').click();
    await settle(fixture);
    expect(members()).toEqual(['Ana Ruiz', 'Jo Park']);
    expect(field('available-p3').checked).toBe(true);
    expect(candidates()).toEqual(['No one else found.']);
    apollo.expectNone(SetTeamMembersDocument);
  });

  it('saves the members with their availability and return day, then says so', async () => {
    button('Add Jo Park to Transportation').click();
    await settle(fixture);
    await backOn('p1', '2099-03-10');
    field('available-p2').click();
    await settle(fixture);
    button('Save the members of Transportation').click();
    await settle(fixture);
    expect(host().busy()).toBe(true);
    expect(button('Save the members of Transportation').disabled).toBe(true);
    const save = apollo.expectOne(SetTeamMembersDocument);
    expect(save.operation.variables).toEqual({
      teamId: 't1',
      members: [
        { personId: 'p1', available: true, outOfOfficeUntil: BACK_ON.toISOString() },
        { personId: 'p2', available: true, outOfOfficeUntil: null },
        { personId: 'p3', available: true, outOfOfficeUntil: null },
      ],
    });
    save.flushData({ setTeamMembers: { __typename: 'Team', id: 't1', members: [] } } as never);
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(host().saved).toEqual(['The members of Transportation were saved.']);
  });

  it('says when a return day has passed, and sends nothing', async () => {
    await backOn('p2', '2020-01-06');
    button('Save the members of Transportation').click();
    await settle(fixture);
    expect(alerts()).toEqual(['The date Li Wei is back has passed: clear it or choose a later one.']);
    apollo.expectNone(SetTeamMembersDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it("shows the API's refusal and keeps the members as edited", async () => {
    button('Remove Ana Ruiz from Transportation').click();
    button('Save the members of Transportation').click();
    apollo
      .expectOne(SetTeamMembersDocument)
      .graphqlErrors([new GraphQLError('No such person', { extensions: { code: 'NOT_FOUND' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['We could not find that.']);
    expect(members()).toEqual(['Li Wei']);
    expect(host().saved).toEqual([]);
  });

  it('tells the page when it is cancelled, and waits while another change runs', async () => {
    button('Cancel').click();
    expect(host().cancelled).toBe(1);
    host().busy.set(true);
    await settle(fixture);
    expect(button('Save the members of Transportation').disabled).toBe(true);
    expect(button('Cancel').disabled).toBe(false);
  });
});
