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
import { AdminSurveysCreateDocument, AdminSurveysUpdateDocument } from '../operations.generated';
import { type CreatedSurvey, SurveyBuilderComponent } from './survey-builder.component';
import type { SurveyToEdit } from './survey-input';

const spring: SurveyToEdit = {
  id: 'v1',
  name: 'Spring family survey',
  status: 'DRAFT',
  defaultLanguage: 'en',
  languages: ['en', 'es'],
  audiences: ['FAMILIES'],
  closesAt: null,
  questions: [
    { kind: 'NPS', required: true, max: null, minSelections: null, maxSelections: null, maxLength: null },
  ],
  translations: [
    {
      language: 'en',
      title: 'How are we doing?',
      questions: [
        { questionId: 'q1', text: 'Would you recommend us?', lowLabel: null, highLabel: null, choices: null },
      ],
    },
    {
      language: 'es',
      title: '¿Cómo lo estamos haciendo?',
      questions: [
        { questionId: 'q1', text: '¿Nos recomendaría?', lowLabel: null, highLabel: null, choices: null },
      ],
    },
  ],
};

/** The surveys page's use of the builder. */
@Component({
  imports: [SurveyBuilderComponent],
  template: `
    <hr-survey-builder
      [districtLanguages]="['en', 'es']"
      [editing]="editing()"
      (created)="created.push($event)"
      (edited)="edited.push($event)"
      (cancelled)="cancelled = cancelled + 1"
    />
  `,
})
class SurveysPageComponent {
  readonly editing = signal<SurveyToEdit | null>(null);
  readonly created: CreatedSurvey[] = [];
  readonly edited: string[] = [];
  cancelled = 0;
}

describe('the survey builder', () => {
  let fixture: ComponentFixture<SurveysPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page(), 'p, li');
  const set = (id: string, value: string) => setField(page(), id, value);

  /** A new survey for families, written in English, with one scale question. */
  async function write(): Promise<void> {
    set('survey-name', ' Spring family survey ');
    field<HTMLInputElement>('survey-audience-FAMILIES').click();
    set('survey-title-en', 'How are we doing?');
    button('Add question').click();
    await settle(fixture);
    set('q-q1-text-en', 'How satisfied are you?');
    await settle(fixture);
  }

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SurveysPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("starts a survey in the district's languages, with no questions", async () => {
    expect(page().querySelector('#builder-hint')!.textContent).toContain(
      'Every text is required in English (en)',
    );
    expect(page().textContent).toContain('Spanish (es): translation');
    expect(button('Remove the Spanish (es) translation').textContent!.trim()).toBe('Remove');
    expect(
      [...page().querySelectorAll<HTMLInputElement>('[id^="survey-audience-"]')].map((box) =>
        box.labels![0]!.textContent!.trim(),
      ),
    ).toEqual(['Families', 'Students', 'Staff', 'Community members']);
    expect(page().textContent).toContain('No questions yet.');
    expect(submit().textContent!.trim()).toBe('Save as draft');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('adds a translation by its tag, refusing what is not one or is already there', async () => {
    set('survey-new-language', 'spanish');
    button('Add translation').click();
    await settle(fixture);
    expect(alerts()).toEqual(['Type a language tag such as es (Spanish) or vi (Vietnamese).']);
    set('survey-new-language', 'es');
    button('Add translation').click();
    await settle(fixture);
    expect(alerts()).toEqual(['Spanish (es) is already there.']);
    set('survey-new-language', 'vi');
    button('Add translation').click();
    await settle(fixture);
    expect(alerts()).toEqual([]);
    expect(field('survey-title-vi')).not.toBeNull();
    button('Remove the Spanish (es) translation').click();
    await settle(fixture);
    expect(field('survey-title-es')).toBeNull();
  });

  it('says everything missing before sending anything', async () => {
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual([
      'The survey was not saved: Give the survey a name (staff see it, respondents do not). Choose who the survey is for. The title needs its text in English (en). Add at least one question.',
    ]);
    apollo.expectNone(AdminSurveysCreateDocument);
  });

  it('saves a new survey as a draft, says what PPRA areas it touches in words, and starts afresh', async () => {
    await write();
    field<HTMLInputElement>('survey-audience-STUDENTS').click();
    await settle(fixture);
    expect(page().textContent).toContain('Surveys of students are checked for the areas');
    submit().click();
    await settle(fixture);
    const create = apollo.expectOne(AdminSurveysCreateDocument);
    expect(create.operation.variables).toEqual({
      input: {
        name: 'Spring family survey',
        defaultLanguage: 'en',
        audiences: ['FAMILIES', 'STUDENTS'],
        closesAt: null,
        title: [{ language: 'en', text: 'How are we doing?' }],
        questions: [
          {
            id: 'q1',
            kind: 'SCALE',
            required: true,
            text: [{ language: 'en', text: 'How satisfied are you?' }],
            max: 5,
          },
        ],
      },
    });
    expect(submit().disabled).toBe(true);
    const createSurvey = {
      survey: { __typename: 'Survey', id: 'v9', name: 'Spring family survey' },
      ppraWarnings: [{ questionId: 'q1', area: 'MENTAL_OR_PSYCHOLOGICAL_PROBLEMS', evidence: 'anxious' }],
    };
    create.flushData({ createSurvey } as never);
    await settle(fixture);
    const status = page().querySelector('[role="status"]')!;
    expect(status.querySelector('p')!.textContent).toBe(
      'Spring family survey is saved as a draft. Open it when it is ready to take answers.',
    );
    expect([...status.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'q1: mental or psychological problems (“anxious”)',
    ]);
    expect(host().created).toEqual([createSurvey]);
    expect(field<HTMLInputElement>('survey-name').value).toBe('');
    expect(page().textContent).toContain('No questions yet.');
    expect(submit().disabled).toBe(false);
  });

  it("shows the API's refusal in words and keeps the survey", async () => {
    await write();
    submit().click();
    apollo
      .expectOne(AdminSurveysCreateDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(field<HTMLInputElement>('survey-name').value).toBe(' Spring family survey ');
    expect(host().created).toEqual([]);
  });

  it('edits a draft in its own languages and saves it over the original', async () => {
    host().editing.set(spring);
    await settle(fixture);
    expect(field<HTMLInputElement>('survey-name').value).toBe('Spring family survey');
    expect(field<HTMLInputElement>('survey-title-es').value).toBe('¿Cómo lo estamos haciendo?');
    expect(field<HTMLInputElement>('q-q1-text-es').value).toBe('¿Nos recomendaría?');
    expect(submit().textContent!.trim()).toBe('Save the draft');
    submit().click();
    await settle(fixture);
    const update = apollo.expectOne(AdminSurveysUpdateDocument);
    expect(update.operation.variables).toEqual({
      id: 'v1',
      input: {
        name: 'Spring family survey',
        defaultLanguage: 'en',
        audiences: ['FAMILIES'],
        closesAt: null,
        title: [
          { language: 'en', text: 'How are we doing?' },
          { language: 'es', text: '¿Cómo lo estamos haciendo?' },
        ],
        questions: [
          {
            id: 'q1',
            kind: 'NPS',
            required: true,
            text: [
              { language: 'en', text: 'Would you recommend us?' },
              { language: 'es', text: '¿Nos recomendaría?' },
            ],
          },
        ],
      },
    });
    update.flushData({
      updateSurvey: {
        versionAction: 'NEW_VERSION',
        survey: { __typename: 'Survey', ...spring },
        ppraWarnings: [],
      },
    } as never);
    await settle(fixture);
    expect(host().edited).toEqual(['v1']);
    expect(page().querySelector('[role="status"] p')!.textContent).toBe(
      'Spring family survey is saved as a new version; answers already given keep the version they answered.',
    );
  });

  it('forgets a refusal when another draft comes in, and stops editing when asked', async () => {
    host().editing.set(spring);
    await settle(fixture);
    submit().click();
    apollo
      .expectOne(AdminSurveysUpdateDocument)
      .graphqlErrors([new GraphQLError('Conflict', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(alerts()).toHaveLength(1);
    host().editing.set({ ...spring, id: 'v2', name: 'Staff pulse' });
    await settle(fixture);
    expect(alerts()).toEqual([]);
    button('Stop editing Staff pulse without saving').click();
    expect(host().cancelled).toBe(1);
  });
});
