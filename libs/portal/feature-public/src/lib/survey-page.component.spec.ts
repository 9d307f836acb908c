/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { type Language, LanguageService } from '@homeroom/portal/data-access';
import { alertTexts, axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import {
  SubmitSurveyResponseDocument,
  SurveyByTokenDocument,
  type SurveyByTokenQuery,
} from './operations.generated';
import { SurveyPageComponent } from './survey-page.component';
import { answerCorrections } from './public-text.testing';

type Survey = NonNullable<SurveyByTokenQuery['surveyByToken']>;
type Question = Survey['questions'][number];

const question = (id: string, kind: Question['kind'], text: string, overrides: Partial<Question> = {}) =>
  ({
    id,
    kind,
    text,
    required: false,
    min: null,
    max: null,
    lowLabel: null,
    highLabel: null,
    maxLength: null,
    choices: null,
    ...overrides,
  }) satisfies Question;

/** A Spanish survey after a case: every kind of question the public page answers. */
const survey = (overrides: Partial<Survey> = {}): SurveyByTokenQuery => ({
  surveyByToken: {
    state: 'OPEN',
    caseNumber: 'HR-2026-000042',
    language: 'es',
    title: '¿Cómo lo hicimos?',
    questions: [
      question('q-score', 'SCALE', '¿Qué tan satisfecho está?', {
        min: 1,
        max: 5,
        lowLabel: 'Nada',
        highLabel: 'Mucho',
      }),
      question('q-nps', 'NPS', '¿Nos recomendaría?', {
        min: 0,
        max: 10,
        lowLabel: 'Nada probable',
        highLabel: 'Muy probable',
      }),
      question('q-channel', 'SINGLE_CHOICE', '¿Cómo nos contactó?', {
        choices: [
          { id: 'c-phone', text: 'Por teléfono' },
          { id: 'c-web', text: 'Por la web' },
        ],
      }),
      question('q-topics', 'MULTI_CHOICE', '¿Sobre qué temas?', {
        choices: [
          { id: 'm-bus', text: 'Transporte' },
          { id: 'm-lunch', text: 'Comedor' },
          { id: 'm-grades', text: 'Calificaciones' },
        ],
      }),
      question('q-comment', 'TEXT', '¿Algo más?', { maxLength: 500 }),
    ],
    ...overrides,
  },
});

describe('the survey page', () => {
  let fixture: ComponentFixture<SurveyPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null) => element?.textContent!.replace(/\s+/g, ' ').trim() ?? null;
  const alerts = () => alertTexts(page());
  const fieldsets = () => [...page().querySelectorAll('fieldset')];
  /** A question's box or radio button, by the question's words and its own. */
  const input = (legend: string, label: string) => {
    const fieldset = fieldsets().find((candidate) => text(candidate.querySelector('legend')) === legend)!;
    const option = [...fieldset.querySelectorAll('label')].find((candidate) => text(candidate) === label)!;
    return option.querySelector('input')!;
  };
  const submitButton = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;

  /** The page opened by its link in the family's language; the survey asked for in it. */
  function open(language: Language = 'es'): ReturnType<ApolloTestingController['expectOne']> {
    apollo = configureApolloTesting();
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(SurveyPageComponent);
    fixture.componentRef.setInput('token', 'survey-token');
    fixture.detectChanges();
    answerCorrections(apollo, language);
    const operation = apollo.expectOne(SurveyByTokenDocument);
    expect(operation.operation.variables).toEqual({ token: 'survey-token', language });
    return operation;
  }

  async function send(): Promise<ReturnType<ApolloTestingController['expectOne']>> {
    submitButton().click();
    await settle(fixture, 3);
    return apollo.expectOne(SubmitSurveyResponseDocument);
  }

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading until the survey comes', async () => {
    const operation = open();
    await settle(fixture, 3);
    expect(page().querySelector('[aria-live="polite"]')!.textContent).toBe('Cargando…');
    expect(page().querySelector('form')).toBeNull();
    expect(alerts()).toEqual([]);
    operation.flushData(survey());
    await settle(fixture, 3);
    expect(page().querySelector('[aria-live="polite"]')).toBeNull();
  });

  it('asks each question in its own way, in the language of the survey', async () => {
    open().flushData(survey());
    await settle(fixture, 3);
    expect(page().querySelector('main')!.lang).toBe('es');
    expect(page().querySelector('h1')!.textContent).toBe('¿Cómo lo hicimos?');
    expect(fieldsets().map((fieldset) => text(fieldset.querySelector('legend')))).toEqual([
      '¿Qué tan satisfecho está?',
      '¿Nos recomendaría?',
      '¿Cómo nos contactó?',
      '¿Sobre qué temas?',
    ]);
    const [score, nps, channel, topics] = fieldsets();
    const choices = (fieldset: Element) =>
      [...fieldset.querySelectorAll('input')].map((box) => [box.type, text(box.closest('label'))]);
    expect(choices(score!)).toEqual(['1', '2', '3', '4', '5'].map((n) => ['radio', n]));
    expect(text(score!.querySelector('.hint'))).toBe('Nada … Mucho');
    expect(choices(nps!).map(([, label]) => label)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(choices(channel!)).toEqual([
      ['radio', 'Por teléfono'],
      ['radio', 'Por la web'],
    ]);
    expect(choices(topics!)).toEqual([
      ['checkbox', 'Transporte'],
      ['checkbox', 'Comedor'],
      ['checkbox', 'Calificaciones'],
    ]);
    // One named group a question: the browser gives it one tab stop, and the arrow keys move within it.
    expect(
      fieldsets().map((fieldset) => [
        ...new Set([...fieldset.querySelectorAll('input')].map((box) => box.name)),
      ]),
    ).toEqual([['q-score'], ['q-nps'], ['q-channel'], ['q-topics']]);
    const comment = page().querySelector('textarea')!;
    expect([page().querySelector(`label[for="${comment.id}"]`)!.textContent, comment.maxLength]).toEqual([
      '¿Algo más?',
      500,
    ]);
    expect(submitButton().textContent).toBe('Enviar');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('sends each answer given by the link, in the language of the survey, and thanks the family', async () => {
    open().flushData(survey());
    await settle(fixture, 3);
    input('¿Qué tan satisfecho está?', '4').click();
    input('¿Nos recomendaría?', '9').click();
    input('¿Cómo nos contactó?', 'Por la web').click();
    input('¿Sobre qué temas?', 'Comedor').click();
    input('¿Sobre qué temas?', 'Transporte').click();
    const comment = page().querySelector('textarea')!;
    comment.value = 'Gracias por la ayuda.';
    comment.dispatchEvent(new Event('input'));
    await settle(fixture, 3);
    const sending = await send();
    expect(sending.operation.variables).toEqual({
      token: 'survey-token',
      language: 'es',
      answers: [
        { questionId: 'q-score', number: 4 },
        { questionId: 'q-nps', number: 9 },
        { questionId: 'q-channel', choice: 'c-web' },
        { questionId: 'q-topics', choices: ['m-lunch', 'm-bus'] },
        { questionId: 'q-comment', text: 'Gracias por la ayuda.' },
      ],
    });
    expect(submitButton().disabled).toBe(true);
    sending.flushData({ submitSurveyResponse: { id: 'r1' } });
    await settle(fixture, 3);
    expect(page().querySelector('form')).toBeNull();
    expect(page().querySelector('h1')!.textContent).toBe('Gracias por sus respuestas.');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('leaves out the questions left unanswered, a blank comment and a choice taken back', async () => {
    open().flushData(survey());
    await settle(fixture, 3);
    input('¿Nos recomendaría?', '0').click();
    input('¿Sobre qué temas?', 'Calificaciones').click();
    input('¿Sobre qué temas?', 'Calificaciones').click();
    const comment = page().querySelector('textarea')!;
    comment.value = '   ';
    comment.dispatchEvent(new Event('input'));
    await settle(fixture, 3);
    const sending = await send();
    expect(sending.operation.variables).toEqual({
      token: 'survey-token',
      language: 'es',
      answers: [{ questionId: 'q-nps', number: 0 }],
    });
    sending.flushData({ submitSurveyResponse: { id: 'r2' } });
    await settle(fixture, 3);
  });

  it('says why the answers were refused, and lets the family send them again', async () => {
    open().flushData(survey());
    await settle(fixture, 3);
    input('¿Qué tan satisfecho está?', '5').click();
    (await send()).graphqlErrors([
      new GraphQLError('Invalid answers', { extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
    await settle(fixture, 3);
    expect(alerts()).toEqual(['Revise lo que escribió, por favor.']);
    expect(page().querySelector('form')).not.toBeNull();
    expect(submitButton().disabled).toBe(false);
    expect(await axeViolations(page())).toEqual([]);
    const again = await send();
    expect(again.operation.variables).toEqual({
      token: 'survey-token',
      language: 'es',
      answers: [{ questionId: 'q-score', number: 5 }],
    });
    again.flushData({ submitSurveyResponse: { id: 'r3' } });
    await settle(fixture, 3);
    expect(alerts()).toEqual([]);
  });

  it('says a survey already answered, closed or expired cannot be answered, without a form', async () => {
    open('en').flushData(survey({ state: 'ANSWERED', language: 'en', title: 'How did we do?' }));
    await settle(fixture, 3);
    expect(page().querySelector('h1')!.textContent).toBe('How did we do?');
    expect(alerts()).toEqual(['This survey link has already been used, has expired, or is not valid.']);
    expect(page().querySelector('form')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says so when the link opens no survey', async () => {
    open('en').flushData({ surveyByToken: null });
    await settle(fixture, 3);
    expect(page().querySelector('main')!.lang).toBe('en');
    expect(alerts()).toEqual(['This survey link has already been used, has expired, or is not valid.']);
    expect(page().querySelector('h1')).toBeNull();
  });

  it('says in plain words why the survey could not be loaded', async () => {
    open('en').graphqlErrors([new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } })]);
    await settle(fixture, 3);
    expect(alerts()).toEqual(['We could not find that.']);
    expect(page().querySelector('[aria-live="polite"]')).toBeNull();
  });
});
