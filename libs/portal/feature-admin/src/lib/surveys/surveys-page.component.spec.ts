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
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AdminSurveysDetailDocument,
  type AdminSurveysDetailQuery,
  AdminSurveysDocument,
  AdminSurveysEditDocument,
  type AdminSurveysEditQuery,
  AdminSurveysOpenLinkDocument,
  type AdminSurveysQuery,
  AdminSurveysSetStatusDocument,
} from '../operations.generated';
import { SurveysPageComponent } from './surveys-page.component';

type Survey = AdminSurveysQuery['surveys']['edges'][number]['node'];

/** A survey as the cache keeps it, __typename and all. */
const survey = (id: string, name: string, overrides: Partial<Survey> = {}) => ({
  __typename: 'Survey',
  id,
  name,
  kind: 'DISTRICT',
  status: 'DRAFT',
  version: 1,
  defaultLanguage: 'en',
  languages: ['en', 'es'],
  closesAt: null,
  createdAt: '2026-03-01T15:00:00.000Z',
  title: `${name}?`,
  ppraWarnings: [],
  ...overrides,
});

function answer(surveys: ReturnType<typeof survey>[]): AdminSurveysQuery {
  return {
    surveys: {
      __typename: 'SurveyConnection',
      totalCount: surveys.length,
      edges: surveys.map((node) => ({ __typename: 'SurveyEdge', node })),
    },
    schools: { __typename: 'SchoolConnection', edges: [] },
    district: { __typename: 'District', languages: ['en', 'es'] },
  } as unknown as AdminSurveysQuery;
}

const spring = survey('v1', 'Spring family survey', {
  ppraWarnings: [{ questionId: 'q2', area: 'INCOME', evidence: 'income' }],
} as Partial<Survey>);
const satisfaction = survey('v0', 'Satisfaction', {
  kind: 'CSAT',
  status: 'OPEN',
  languages: ['en'],
} as Partial<Survey>);

const detail = (id: string) =>
  ({
    survey: {
      __typename: 'Survey',
      id,
      audiences: ['FAMILIES'],
      results: {
        __typename: 'SurveyResults',
        invitations: 0,
        responses: 0,
        responseRate: null,
        suppressed: false,
        questions: [],
        assessment: null,
      },
      scheduledSends: [],
    },
  }) as unknown as AdminSurveysDetailQuery;

describe('the surveys page', () => {
  let fixture: ComponentFixture<SurveysPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="survey"]')];
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());
  const headings = () => [...page().querySelectorAll('h2')].map((h) => h.textContent!.trim());

  /** The list answered, then the results of the survey shown asked for and answered. */
  async function loaded(surveys = [spring, satisfaction]): Promise<void> {
    apollo.expectOne(AdminSurveysDocument).flushData(answer(surveys));
    await settle(fixture);
    const results = apollo.expectOne(AdminSurveysDetailDocument);
    expect(results.operation.variables).toMatchObject({ id: surveys[0]!.id, language: null });
    results.flushData(detail(surveys[0]!.id));
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SurveysPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading, then what to do when there are no surveys', async () => {
    await settle(fixture);
    expect(page().textContent).toContain('Loading surveys…');
    expect(page().textContent).not.toContain('No surveys yet');
    apollo.expectOne(AdminSurveysDocument).flushData(answer([]));
    await settle(fixture);
    expect(page().textContent).not.toContain('Loading surveys…');
    expect(page().textContent).toContain('No surveys yet: write the first one below.');
    expect(headings()).toContain('Write a survey');
  });

  it('says in plain words why the surveys could not be loaded', async () => {
    apollo
      .expectOne(AdminSurveysDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it('lists the surveys in words, each with its buttons, and shows the newest one’s results', async () => {
    await loaded();
    expect(
      rows().map((row) => [...row.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent!.trim())),
    ).toEqual([
      ['District survey', 'Draft', 'English (en), Spanish (es)'],
      ['Satisfaction after cases', 'Open', 'English (en)'],
    ]);
    expect(rows()[0]!.querySelector('.tag')!.textContent).toBe('PPRA: 1 question needs consent rules');
    const group = rows()[0]!.querySelector('hr-row-actions')!;
    expect(group.getAttribute('aria-label')).toBe('Actions for Spring family survey');
    expect(
      [...group.querySelectorAll('button')].map((b) => [
        b.textContent!.trim(),
        b.getAttribute('aria-label'),
        b.getAttribute('aria-pressed'),
      ]),
    ).toEqual([
      ['Results', 'Show the results of Spring family survey', 'true'],
      ['Open', 'Open survey Spring family survey', null],
      ['Edit', 'Edit the draft Spring family survey', 'false'],
      ['Anonymous link', 'Make an anonymous link to Spring family survey', null],
    ]);
    expect([...rows()[1]!.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual([
      'Results',
      'Close',
    ]);
    expect(headings()).toEqual(
      expect.arrayContaining([
        'Results: Spring family survey',
        'Send Spring family survey',
        'Write a survey',
      ]),
    );
    expect(await axeViolations(page())).toEqual([]);
  });

  it('shows the results of the survey chosen', async () => {
    await loaded();
    button('Show the results of Satisfaction').click();
    await settle(fixture);
    const results = apollo.expectOne(AdminSurveysDetailDocument);
    expect(results.operation.variables).toMatchObject({ id: 'v0', withComments: true });
    results.flushData({
      ...detail('v0'),
      satisfaction: { __typename: 'Satisfaction', comments: [] },
    } as never);
    await settle(fixture);
    expect(button('Show the results of Satisfaction').getAttribute('aria-pressed')).toBe('true');
    expect(headings()).toContain('Results: Satisfaction');
    expect(headings()).not.toContain('Send Satisfaction');
  });

  it('opens a draft, waiting while it does, and lists it again', async () => {
    await loaded();
    button('Open survey Spring family survey').click();
    await settle(fixture);
    const open = apollo.expectOne(AdminSurveysSetStatusDocument);
    expect(open.operation.variables).toEqual({ id: 'v1', status: 'OPEN' });
    expect(button('Close survey Satisfaction').disabled).toBe(true);
    // Showing results waits for nothing.
    expect(button('Show the results of Satisfaction').disabled).toBe(false);
    open.flushData({ setSurveyStatus: { __typename: 'Survey', id: 'v1', status: 'OPEN' } } as never);
    await settle(fixture);
    apollo.expectOne(AdminSurveysDocument).flushData(answer([{ ...spring, status: 'OPEN' }, satisfaction]));
    await settle(fixture);
    expect(button('Close survey Spring family survey').disabled).toBe(false);
  });

  it('makes an anonymous link and shows it once, asking for nothing else', async () => {
    await loaded();
    button('Make an anonymous link to Spring family survey').click();
    const link = apollo.expectOne(AdminSurveysOpenLinkDocument);
    expect(link.operation.variables).toEqual({ id: 'v1' });
    link.flushData({ openSurveyLink: 'https://homeroom.example/s/abc123' });
    await settle(fixture);
    const input = page().querySelector<HTMLInputElement>('#survey-link')!;
    expect(input.value).toBe('https://homeroom.example/s/abc123');
    expect(input.labels![0]!.textContent!.trim()).toBe(
      'Anonymous link to Spring family survey: copy it now, it is shown only this once',
    );
    button('Done').click();
    await settle(fixture);
    expect(page().querySelector('#survey-link')).toBeNull();
  });

  it("shows the API's refusal in words", async () => {
    await loaded();
    button('Open survey Spring family survey').click();
    apollo
      .expectOne(AdminSurveysSetStatusDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it('puts a draft in the builder once it has loaded', async () => {
    await loaded();
    button('Edit the draft Spring family survey').click();
    await settle(fixture);
    expect(page().textContent).toContain('Loading the draft…');
    expect(button('Edit the draft Spring family survey').getAttribute('aria-pressed')).toBe('true');
    const draft = apollo.expectOne(AdminSurveysEditDocument);
    expect(draft.operation.variables).toEqual({ id: 'v1' });
    draft.flushData({
      survey: {
        __typename: 'Survey',
        id: 'v1',
        name: 'Spring family survey',
        status: 'DRAFT',
        defaultLanguage: 'en',
        languages: ['en'],
        audiences: ['FAMILIES'],
        closesAt: null,
        questions: [],
        translations: [
          { __typename: 'SurveyTranslation', language: 'en', title: 'How are we doing?', questions: [] },
        ],
      },
    } as unknown as AdminSurveysEditQuery);
    await settle(fixture);
    expect(headings()).toContain('Edit the draft Spring family survey');
    expect(page().querySelector<HTMLInputElement>('#survey-name')!.value).toBe('Spring family survey');
  });
});
