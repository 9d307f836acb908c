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
  SetStaffRolesDocument,
  type StaffRole,
} from '../operations.generated';
import { StaffSectionComponent } from './staff-section.component';

/** Schools by id, as the API names them in a staff member's roles. */
const SCHOOL_NAMES: Record<string, string> = { s1: 'Lincoln Elementary', s9: 'Old Mill School' };

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const person = (
  id: string,
  displayName: string,
  {
    active = true,
    roles = [] as [StaffRole, string | null][],
    email = `${id}@district.example`,
    translates = [] as string[],
  } = {},
) => ({
  __typename: 'Person',
  id,
  displayName,
  active,
  emails: [{ __typename: 'Email', address: email, primary: true }],
  staffRoles: roles.map(([role, school]) => ({
    __typename: 'StaffRoleGrant',
    role,
    school: school ? { __typename: 'School', id: school, name: SCHOOL_NAMES[school] } : null,
  })),
  translatorLanguages: translates,
});

function answer(people: ReturnType<typeof person>[], totalCount = people.length) {
  return {
    people: {
      __typename: 'PersonConnection',
      totalCount,
      edges: people.map((node) => ({ __typename: 'PersonEdge', node })),
    },
  } as unknown as AdminStaffQuery;
}

const staff = () =>
  answer([
    person('p1', 'Ana Ruiz', {
      roles: [['AGENT', 's1']],
      email: 'ana.ruiz@district.example',
      translates: ['es', 'vi'],
    }),
    person('p2', 'Li Wei', { active: false }),
    // Viewer at a school since retired, which the page's school list leaves out.
    person('p3', 'Sam Lee', {
      roles: [
        ['VIEWER', 's9'],
        ['DISTRICT_ADMIN', null],
      ],
    }),
  ]);

describe('the staff section', () => {
  let fixture: ComponentFixture<StaffSectionComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="staff-row"]')];
  const cells = (row: Element) =>
    [...row.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
  const button = (name: string) => buttonNamed(page(), name)!;

  async function list(data: AdminStaffQuery, search: string | null = null): Promise<void> {
    const operation = apollo.expectOne(AdminStaffDocument);
    expect(operation.operation.variables).toEqual({ search, first: 25 });
    operation.flushData(data);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting([provideRouter([])]);
    fixture = TestBed.createComponent(StaffSectionComponent);
    fixture.componentRef.setInput('schools', [
      { id: 's1', name: 'Lincoln Elementary', active: true },
      { id: 's2', name: 'Old Mill School', active: false },
    ]);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading staff until they come', async () => {
    await settle(fixture);
    expect(page().querySelector('[role="status"]')!.textContent).toBe('Loading staff…');
    await list(staff());
    expect(page().textContent).not.toContain('Loading staff…');
  });

  it('says so when no staff are found', async () => {
    await list(answer([]));
    expect(page().textContent).toContain('No staff found.');
    expect(page().querySelector('table')).toBeNull();
  });

  it('says in plain words why staff could not be loaded', async () => {
    apollo
      .expectOne(AdminStaffDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')!.textContent).toBe('You do not have access to this.');
  });

  it('lists each staff member with their roles in words, a Password button only for active ones', async () => {
    await list(staff());
    expect(rows().map(cells)).toEqual([
      [
        'Ana Ruiz',
        'ana.ruiz@district.example',
        'Agent at Lincoln Elementary',
        'es, vi',
        'Roles Translator Password',
      ],
      [
        'Li Wei (inactive)',
        'p2@district.example',
        'No roles (cannot use the staff portal)',
        '—',
        'Roles Translator',
      ],
      [
        'Sam Lee',
        'p3@district.example',
        'Viewer at Old Mill School; District administrator',
        '—',
        'Roles Translator Password',
      ],
    ]);
    expect(rows()[0]!.querySelector('a')!.getAttribute('href')).toBe('/people/p1');
    expect([...page().querySelectorAll('tbody button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Change the roles of Ana Ruiz',
      'Change the translator languages of Ana Ruiz',
      'Set a password for Ana Ruiz',
      'Change the roles of Li Wei',
      'Change the translator languages of Li Wei',
      'Change the roles of Sam Lee',
      'Change the translator languages of Sam Lee',
      'Set a password for Sam Lee',
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('asks for the staff matching the search, and says when only some are shown', async () => {
    await list(staff());
    const search = page().querySelector<HTMLInputElement>('#staff-search')!;
    search.value = '  ruiz ';
    search.dispatchEvent(new Event('input'));
    button('Find staff').click();
    await settle(fixture);
    await list(answer([person('p1', 'Ana Ruiz')], 30), 'ruiz');
    expect(rows()).toHaveLength(1);
    expect(page().textContent).toContain('Showing 1 of 30 staff: search to find others.');
  });

  it('opens one editor at a time: the roles, then the password instead', async () => {
    await list(staff());
    button('Change the roles of Ana Ruiz').click();
    await settle(fixture);
    expect(page().querySelector('h3')!.textContent).toBe('Roles of Ana Ruiz');
    button('Set a password for Ana Ruiz').click();
    await settle(fixture);
    expect([...page().querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Set a password for Ana Ruiz',
    ]);
    button('Change the roles of Li Wei').click();
    await settle(fixture);
    expect([...page().querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Roles of Li Wei']);
    button('Change the translator languages of Ana Ruiz').click();
    await settle(fixture);
    expect([...page().querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Ana Ruiz as a qualified translator',
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('shares busy with its editors, and says what was saved once the list is current', async () => {
    await list(staff());
    button('Change the roles of Ana Ruiz').click();
    await settle(fixture);
    button('Save the roles of Ana Ruiz').click();
    await settle(fixture);
    expect(fixture.componentInstance.busy()).toBe(true);
    const save = apollo.expectOne(SetStaffRolesDocument);
    expect(save.operation.variables).toEqual({ personId: 'p1', roles: [{ role: 'AGENT', schoolId: 's1' }] });
    save.flushData({ setStaffRoles: [] });
    await settle(fixture);
    await list(staff());
    expect(fixture.componentInstance.busy()).toBe(false);
    expect(page().querySelector('h3')).toBeNull();
    expect(page().querySelector('p[role="status"]')!.textContent).toBe(
      "Ana Ruiz's roles were saved; they apply from their next sign-in or token renewal.",
    );
    button('Set a password for Ana Ruiz').click();
    await settle(fixture);
    expect(page().querySelector('p[role="status"]')).toBeNull();
  });
});
