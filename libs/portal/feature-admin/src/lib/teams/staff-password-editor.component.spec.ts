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
import { type AdminStaffQuery, SetStaffPasswordDocument } from '../operations.generated';
import { StaffPasswordEditorComponent } from './staff-password-editor.component';

type Staff = AdminStaffQuery['people']['edges'][number]['node'];

const ana: Staff = {
  id: 'p1',
  displayName: 'Ana Ruiz',
  active: true,
  emails: [
    { address: 'old@example.org', primary: false },
    { address: 'ana.ruiz@district.example', primary: true },
  ],
  staffRoles: [],
  translatorLanguages: [],
};

describe('the staff password editor', () => {
  let fixture: ComponentFixture<StaffPasswordEditorComponent>;
  let apollo: ApolloTestingController;
  let saved: string[];
  const page = () => fixture.nativeElement as HTMLElement;
  const field = (id: string) => page().querySelector<HTMLInputElement>(`#${id}`)!;
  const button = (text: string) => buttonNamed(page(), text)!;
  const alerts = () => alertTexts(page());

  async function open(person = ana): Promise<void> {
    fixture.componentInstance.edit(person);
    await settle(fixture);
  }

  async function type(password: string, repeated = password): Promise<void> {
    setField(page(), 'staff-password', password);
    setField(page(), 'staff-password-repeat', repeated);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(StaffPasswordEditorComponent);
    saved = [];
    fixture.componentInstance.saved.subscribe((message) => saved.push(message));
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('shows nothing until it is opened for someone, then takes the focus', async () => {
    expect(page().textContent!.trim()).toBe('');
    await open();
    const section = page().querySelector('section')!;
    expect(section.querySelector('h3')!.textContent).toBe('Set a password for Ana Ruiz');
    expect(document.activeElement).toBe(section);
    expect([field('staff-password').type, field('staff-password').autocomplete]).toEqual([
      'password',
      'new-password',
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says what the sign-in would refuse, and sends nothing', async () => {
    await open();
    await type('ana.ruiz-2026', 'ana.ruiz-2025');
    button('Set the password of Ana Ruiz').click();
    await settle(fixture);
    expect(alerts()).toHaveLength(1);
    expect([...page().querySelectorAll('[role="alert"] li')].map((li) => li.textContent)).toEqual([
      'The password contains the staff member’s email name.',
      'The two passwords differ.',
    ]);
    apollo.expectNone(SetStaffPasswordDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('sets the password, waits while it does, then closes and says so', async () => {
    await open();
    await type('correct horse battery');
    button('Set the password of Ana Ruiz').click();
    await settle(fixture);
    const set = apollo.expectOne(SetStaffPasswordDocument);
    expect(set.operation.variables).toEqual({ personId: 'p1', password: 'correct horse battery' });
    expect(fixture.componentInstance.busy()).toBe(true);
    expect(button('Set the password of Ana Ruiz').disabled).toBe(true);
    set.flushData({ setStaffPassword: true });
    await settle(fixture);
    expect(fixture.componentInstance.busy()).toBe(false);
    expect(page().querySelector('section')).toBeNull();
    expect(saved).toEqual(["Ana Ruiz's password was set, and any lockout lifted."]);
  });

  it("shows the API's refusal and stays open; opening again starts afresh", async () => {
    await open();
    await type('correct horse battery');
    button('Set the password of Ana Ruiz').click();
    apollo
      .expectOne(SetStaffPasswordDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(saved).toEqual([]);
    await open();
    expect(alerts()).toEqual([]);
    expect([field('staff-password').value, field('staff-password-repeat').value]).toEqual(['', '']);
  });

  it('closes on Cancel without sending anything', async () => {
    await open();
    await type('correct horse battery');
    button('Cancel').click();
    await settle(fixture);
    expect(page().querySelector('section')).toBeNull();
    apollo.expectNone(SetStaffPasswordDocument);
  });
});
