/**
 * @jest-environment jsdom
 */
import { Component, signal, ViewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  type AdminPersonFragment,
  UpdatePersonDocument,
  type UpdatePersonMutation,
} from '../operations.generated';
import { PersonEditorComponent } from './person-editor.component';

const maria = (fields: Partial<AdminPersonFragment> = {}): AdminPersonFragment => ({
  id: 'p1',
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
  preferredChannel: 'SMS',
  emails: [
    { address: 'old@example.org', primary: false },
    { address: 'maria@example.org', primary: true },
  ],
  phones: [{ number: '+15125550142', type: 'HOME', primary: true }],
  schools: [{ role: 'GUARDIAN', grade: null, school: { id: 's1', name: 'Lincoln Elementary' } }],
  ...fields,
});

/** The directory page: it opens the editor from a row, and shares one `busy` across its changes. */
@Component({
  imports: [PersonEditorComponent],
  template: `
    <button type="button" id="edit-maria" (click)="editor.edit(person)">Edit Maria Lopez</button>
    <hr-person-editor [(busy)]="busy" (saved)="saved.push($event)" />
  `,
})
class PeoplePageComponent {
  readonly person = maria();
  readonly busy = signal(false);
  readonly saved: string[] = [];
  // A decorator query: this file is not given the JIT metadata that signal queries need.
  @ViewChild(PersonEditorComponent) editor!: PersonEditorComponent;
}

describe('the person editor', () => {
  let fixture: ComponentFixture<PeoplePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const editor = () => page().querySelector<HTMLElement>('hr-person-editor section');
  const field = <T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id: string) =>
    page().querySelector<T>(`#person-${id}`)!;
  const button = (name: string) => buttonNamed(page().querySelector('hr-person-editor')!, name)!;
  /** Each alert's text; a list of problems as its lead and items, told apart. */
  const alerts = () =>
    [...page().querySelectorAll('[role="alert"]')].map((alert) =>
      alert.children.length
        ? [...alert.querySelectorAll('p, li')].map((part) => part.textContent).join(' | ')
        : alert.textContent,
    );

  async function open(): Promise<void> {
    page().querySelector<HTMLButtonElement>('#edit-maria')!.click();
    await settle(fixture);
  }

  async function type(id: string, value: string): Promise<void> {
    setField(page(), `person-${id}`, value);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(PeoplePageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('stays closed until a person is opened', async () => {
    await settle(fixture);
    expect(editor()).toBeNull();
  });

  it("opens filled with the person's details as they are, primary first, and takes the focus", async () => {
    await open();
    expect(editor()!.querySelector('h2')!.textContent).toBe('Edit Maria Lopez');
    expect(editor()!.querySelector('.hint')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Guardian · maria@example.org · Lincoln Elementary. Schools and the student-system id come from ' +
        'the student information system and are not changed here.',
    );
    expect(
      ['given', 'middle', 'family', 'preferred', 'language', 'channel', 'emails', 'phones'].map(
        (id) => field(id).value,
      ),
    ).toEqual(['Maria', '', 'Lopez', '', 'es', 'SMS', 'maria@example.org\nold@example.org', '+15125550142']);
    expect(document.activeElement).toBe(editor());
    expect(alerts()).toEqual([]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says everything wrong with the form, and sends nothing', async () => {
    await open();
    await type('given', '  ');
    await type('language', 'Spanish');
    await type('emails', 'maria@example.org\nmaria at example');
    button('Save Maria Lopez').click();
    await settle(fixture);
    apollo.expectNone(UpdatePersonDocument);
    expect(alerts()).toEqual([
      'Nothing was saved: | Enter a given name. | Enter the preferred language as a language tag, such as ' +
        'en, es or zh-Hant. | These are not email addresses: maria at example.',
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says when nothing has changed, and sends nothing', async () => {
    await open();
    button('Save Maria Lopez').click();
    await settle(fixture);
    apollo.expectNone(UpdatePersonDocument);
    expect(alerts()).toEqual(['Nothing was saved: | Nothing has changed.']);
  });

  it('sends only what changed, waits with the rest of the page, then closes and says what was saved', async () => {
    await open();
    await type('preferred', 'Mari');
    await type('phones', '+1 512 555 0142\n512-555-0199');
    button('Save Maria Lopez').click();
    await settle(fixture);
    const update = apollo.expectOne(UpdatePersonDocument);
    expect(update.operation.variables).toEqual({
      id: 'p1',
      input: {
        preferredName: 'Mari',
        phones: [
          { number: '+1 512 555 0142', primary: true, type: 'HOME' },
          { number: '512-555-0199', primary: false, type: 'MOBILE' },
        ],
      },
    });
    expect(fixture.componentInstance.busy()).toBe(true);
    expect(button('Save Maria Lopez').disabled).toBe(true);
    update.flushData({
      updatePerson: { __typename: 'Person', ...maria({ displayName: 'Mari Lopez', preferredName: 'Mari' }) },
    } as unknown as UpdatePersonMutation);
    await settle(fixture);
    expect(fixture.componentInstance.busy()).toBe(false);
    expect(editor()).toBeNull();
    expect(fixture.componentInstance.saved).toEqual(['Mari Lopez was saved.']);
  });

  it('stays open with what was typed and says why when the API refuses', async () => {
    await open();
    await type('family', 'López');
    button('Save Maria Lopez').click();
    apollo
      .expectOne(UpdatePersonDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(field('family').value).toBe('López');
    expect(fixture.componentInstance.busy()).toBe(false);
    expect(fixture.componentInstance.saved).toEqual([]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('waits while another change on the page runs, though it can still be cancelled', async () => {
    await open();
    fixture.componentInstance.busy.set(true);
    await settle(fixture);
    expect(button('Save Maria Lopez').disabled).toBe(true);
    expect(button('Cancel').disabled).toBe(false);
    button('Cancel').click();
    await settle(fixture);
    expect(editor()).toBeNull();
  });

  it('opens afresh: what was typed and the last refusal are gone', async () => {
    await open();
    await type('family', 'López');
    button('Save Maria Lopez').click();
    apollo
      .expectOne(UpdatePersonDocument)
      .graphqlErrors([new GraphQLError('Conflict', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    button('Cancel').click();
    await open();
    expect(field('family').value).toBe('Lopez');
    expect(alerts()).toEqual([]);
  });
});
