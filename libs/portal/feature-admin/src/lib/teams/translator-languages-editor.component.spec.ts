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
import { type AdminStaffQuery, SetTranslatorLanguagesDocument } from '../operations.generated';
import { TranslatorLanguagesEditorComponent } from './translator-languages-editor.component';

type Staff = AdminStaffQuery['people']['edges'][number]['node'];

const lan: Staff = {
  id: 'p1',
  displayName: 'Lan Tran',
  active: true,
  emails: [{ address: 'lan.tran@district.example', primary: true }],
  staffRoles: [],
  translatorLanguages: ['vi'],
};

describe('the translator languages editor', () => {
  let fixture: ComponentFixture<TranslatorLanguagesEditorComponent>;
  let apollo: ApolloTestingController;
  let saved: string[];
  const page = () => fixture.nativeElement as HTMLElement;
  const field = () => page().querySelector<HTMLInputElement>('#translator-languages')!;
  const save = () => buttonNamed(page(), "Save Lan Tran's languages")!;

  async function open(): Promise<void> {
    fixture.componentInstance.edit(lan);
    await settle(fixture);
  }

  async function type(languages: string): Promise<void> {
    setField(page(), 'translator-languages', languages);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(TranslatorLanguagesEditorComponent);
    saved = [];
    fixture.componentInstance.saved.subscribe((message) => saved.push(message));
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('opens on the languages they translate now, and takes the focus', async () => {
    expect(page().textContent!.trim()).toBe('');
    await open();
    const section = page().querySelector('section')!;
    expect(section.querySelector('h3')!.textContent).toBe('Lan Tran as a qualified translator');
    expect(document.activeElement).toBe(section);
    expect(field().value).toBe('vi');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('saves the languages typed, waits while it does, then closes and says so in words', async () => {
    await open();
    await type(' vi, es ,');
    save().click();
    await settle(fixture);
    const set = apollo.expectOne(SetTranslatorLanguagesDocument);
    expect(set.operation.variables).toEqual({ personId: 'p1', languages: ['vi', 'es'] });
    expect(fixture.componentInstance.busy()).toBe(true);
    set.flushData({ setTranslatorLanguages: ['es', 'vi'] });
    await settle(fixture);
    expect(page().querySelector('section')).toBeNull();
    expect(saved).toEqual(['Lan Tran reviews vital messages in Spanish (es), Vietnamese (vi).']);
  });

  it('refuses what is not a language tag without asking the API, and says when someone stops translating', async () => {
    await open();
    await type('vi, vietnamese!');
    save().click();
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['Not a language tag: vietnamese! (use tags such as es, vi, so).']);
    apollo.expectNone(SetTranslatorLanguagesDocument);
    await type('');
    save().click();
    await settle(fixture);
    apollo.expectOne(SetTranslatorLanguagesDocument).flushData({ setTranslatorLanguages: [] });
    await settle(fixture);
    expect(saved).toEqual(['Lan Tran is no longer a qualified translator.']);
  });

  it("shows the API's refusal and stays open", async () => {
    await open();
    save().click();
    apollo
      .expectOne(SetTranslatorLanguagesDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['You do not have access to this.']);
    expect(page().querySelector('section')).not.toBeNull();
  });
});
