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
import { type AdminStaffQuery, SetStaffRolesDocument } from '../operations.generated';
import { StaffRolesEditorComponent } from './staff-roles-editor.component';

type Staff = AdminStaffQuery['people']['edges'][number]['node'];

/** An agent at Lincoln, and a viewer at a school since retired (not among the schools offered). */
const ana: Staff = {
  id: 'p1',
  displayName: 'Ana Ruiz',
  active: true,
  emails: [{ address: 'ana.ruiz@district.example', primary: true }],
  staffRoles: [
    { role: 'AGENT', school: { id: 's1', name: 'Lincoln Elementary' } },
    { role: 'VIEWER', school: { id: 's9', name: 'Old Mill School' } },
  ],
  translatorLanguages: [],
};

describe('the staff roles editor', () => {
  let fixture: ComponentFixture<StaffRolesEditorComponent>;
  let apollo: ApolloTestingController;
  let saved: string[];
  const page = () => fixture.nativeElement as HTMLElement;
  const held = () =>
    [...page().querySelectorAll('ul.plain li')].map((li) => li.firstChild!.textContent!.trim());
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());

  async function open(person = ana): Promise<void> {
    fixture.componentInstance.edit(person);
    await settle(fixture);
  }

  async function add(role: string, schoolId = ''): Promise<void> {
    setField(page(), 'grant-role', role);
    setField(page(), 'grant-school', schoolId);
    button('Add role').click();
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(StaffRolesEditorComponent);
    fixture.componentRef.setInput('schools', [
      { id: 's1', name: 'Lincoln Elementary' },
      { id: 's2', name: 'Roosevelt Middle' },
    ]);
    fixture.componentRef.setInput(
      'schoolNames',
      new Map([
        ['s1', 'Lincoln Elementary'],
        ['s2', 'Roosevelt Middle'],
        ['s9', 'Old Mill School'],
      ]),
    );
    saved = [];
    fixture.componentInstance.saved.subscribe((message) => saved.push(message));
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('shows the roles held, each with a Remove button naming it, and takes the focus', async () => {
    expect(page().textContent!.trim()).toBe('');
    await open();
    expect(page().querySelector('h3')!.textContent).toBe('Roles of Ana Ruiz');
    expect(held()).toEqual(['Agent at Lincoln Elementary', 'Viewer at Old Mill School']);
    expect(
      [...page().querySelectorAll('ul.plain button')].map((b) => [
        b.textContent!.trim(),
        b.getAttribute('aria-label'),
      ]),
    ).toEqual([
      ['Remove', 'Remove Agent at Lincoln Elementary from Ana Ruiz'],
      ['Remove', 'Remove Viewer at Old Mill School from Ana Ruiz'],
    ]);
    expect(document.activeElement).toBe(page().querySelector('section'));
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says why a role cannot be added where it was asked for, and adds none', async () => {
    await open();
    await add('');
    expect(alerts()).toEqual(['Choose a role.']);
    await add('DISTRICT_ADMIN', 's2');
    expect(alerts()).toEqual([
      'A district administrator is one for the whole district: choose “The whole district”.',
    ]);
    await add('SCHOOL_ADMIN');
    expect(alerts()).toEqual(['A school administrator needs a school.']);
    expect(held()).toEqual(['Agent at Lincoln Elementary', 'Viewer at Old Mill School']);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('adds and removes roles without sending anything until they are saved', async () => {
    await open();
    await add('SCHOOL_ADMIN', 's2');
    await add('AGENT', 's1'); // held already: not listed twice
    button('Remove Viewer at Old Mill School from Ana Ruiz').click();
    await settle(fixture);
    expect(alerts()).toEqual([]);
    expect(held()).toEqual(['Agent at Lincoln Elementary', 'School administrator at Roosevelt Middle']);
    apollo.expectNone(SetStaffRolesDocument);
  });

  it('saves all the roles at once, the school left out for the whole district, then closes and says so', async () => {
    await open();
    await add('DISTRICT_ADMIN');
    button('Save the roles of Ana Ruiz').click();
    await settle(fixture);
    expect(fixture.componentInstance.busy()).toBe(true);
    expect(button('Save the roles of Ana Ruiz').disabled).toBe(true);
    const save = apollo.expectOne(SetStaffRolesDocument);
    expect(save.operation.variables).toEqual({
      personId: 'p1',
      roles: [
        { role: 'AGENT', schoolId: 's1' },
        { role: 'VIEWER', schoolId: 's9' },
        { role: 'DISTRICT_ADMIN' },
      ],
    });
    save.flushData({ setStaffRoles: [] });
    await settle(fixture);
    expect(fixture.componentInstance.busy()).toBe(false);
    expect(page().querySelector('section')).toBeNull();
    expect(saved).toEqual([
      "Ana Ruiz's roles were saved; they apply from their next sign-in or token renewal.",
    ]);
  });

  it('says what holding no roles means, and saves none', async () => {
    await open({ ...ana, staffRoles: [] });
    expect(held()).toEqual(['No roles: with none, Ana Ruiz cannot use the staff portal.']);
    button('Save the roles of Ana Ruiz').click();
    const save = apollo.expectOne(SetStaffRolesDocument);
    expect(save.operation.variables).toEqual({ personId: 'p1', roles: [] });
    save.flushData({ setStaffRoles: [] });
    await settle(fixture);
  });

  it("shows the API's refusal and stays open; opening again shows the roles as they are", async () => {
    await open();
    button('Remove Agent at Lincoln Elementary from Ana Ruiz').click();
    button('Save the roles of Ana Ruiz').click();
    apollo
      .expectOne(SetStaffRolesDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(page().querySelector('section')).not.toBeNull();
    expect(saved).toEqual([]);
    await open();
    expect(alerts()).toEqual([]);
    expect(held()).toEqual(['Agent at Lincoln Elementary', 'Viewer at Old Mill School']);
  });

  it('closes on Cancel without saving', async () => {
    await open();
    button('Cancel').click();
    await settle(fixture);
    expect(page().querySelector('section')).toBeNull();
    apollo.expectNone(SetStaffRolesDocument);
  });
});
