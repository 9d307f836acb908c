/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AdminCoachingAgentsDocument,
  type AdminCoachingAgentsQuery,
  AdminCoachingDocument,
  type AdminCoachingQuery,
  CoachingCaseDocument,
} from '../operations.generated';
import { CoachingPageComponent } from './coaching-page.component';

const answer = {
  coachingRubric: [
    { __typename: 'RubricCriterion', id: 'tone', name: 'Tone', description: 'Warm and plain.' },
  ],
  caseReviewSample: [{ __typename: 'ReviewSampleCase', id: 'c1', number: 'HR-2026-000001' }],
  caseReviews: [
    {
      __typename: 'CaseReview',
      id: 'r1',
      caseNumber: 'HR-2026-000009',
      average: 3.5,
      comment: 'Good',
      createdAt: '2026-12-01T15:00:00Z',
    },
  ],
  coachingTrends: [
    { __typename: 'CoachingTrend', key: 's1', month: '2026-11', reviews: 4, average: 3 },
    { __typename: 'CoachingTrend', key: 's1', month: '2026-12', reviews: 2, average: 3.25 },
    { __typename: 'CoachingTrend', key: 's2', month: '2026-12', reviews: 1, average: 2 },
    { __typename: 'CoachingTrend', key: null, month: '2026-12', reviews: 1, average: 4 },
  ],
  // s1 in November had no survey answered; another school's December has no reviews to sit beside.
  satisfactionTrends: [
    {
      __typename: 'SatisfactionTrend',
      schoolId: 's1',
      month: '2026-12',
      responses: 12,
      suppressed: false,
      csatMean: 8.25,
    },
    {
      __typename: 'SatisfactionTrend',
      schoolId: 's2',
      month: '2026-12',
      responses: 1,
      suppressed: true,
      csatMean: null,
    },
    {
      __typename: 'SatisfactionTrend',
      schoolId: 's3',
      month: '2026-12',
      responses: 9,
      suppressed: false,
      csatMean: 5,
    },
  ],
  schools: {
    __typename: 'SchoolConnection',
    edges: [
      { __typename: 'SchoolEdge', node: { __typename: 'School', id: 's1', name: 'Lincoln Elementary' } },
      { __typename: 'SchoolEdge', node: { __typename: 'School', id: 's2', name: 'Roosevelt Middle' } },
    ],
  },
} as unknown as AdminCoachingQuery;

// By agent: a1's November had no survey answered, a2's December is withheld; a3 is not in the staff list.
const byAgent = {
  coachingTrends: [
    { __typename: 'CoachingTrend', key: 'a1', month: '2026-11', reviews: 3, average: 3.5 },
    { __typename: 'CoachingTrend', key: 'a1', month: '2026-12', reviews: 2, average: 3 },
    { __typename: 'CoachingTrend', key: 'a2', month: '2026-12', reviews: 1, average: 2.5 },
    { __typename: 'CoachingTrend', key: 'a3', month: '2026-12', reviews: 1, average: 4 },
  ],
  satisfactionAgentTrends: [
    {
      __typename: 'SatisfactionAgentTrend',
      agentId: 'a1',
      month: '2026-12',
      responses: 7,
      suppressed: false,
      csatMean: 9.14,
    },
    {
      __typename: 'SatisfactionAgentTrend',
      agentId: 'a2',
      month: '2026-12',
      responses: 3,
      suppressed: true,
      csatMean: null,
    },
  ],
  people: {
    __typename: 'PersonConnection',
    edges: [
      { __typename: 'PersonEdge', node: { __typename: 'Person', id: 'a1', displayName: 'Maya Chen' } },
      { __typename: 'PersonEdge', node: { __typename: 'Person', id: 'a2', displayName: 'Luis Ortega' } },
    ],
  },
} as unknown as AdminCoachingAgentsQuery;

describe('the coaching page', () => {
  let fixture: ComponentFixture<CoachingPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  let schoolRange: unknown;
  const trendRows = () =>
    [...page().querySelectorAll('[data-testid="coaching-trend"]')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );

  beforeEach(async () => {
    apollo = configureApolloTesting([provideRouter([])]);
    fixture = TestBed.createComponent(CoachingPageComponent);
    fixture.detectChanges();
    const asked = apollo.expectOne(AdminCoachingDocument);
    schoolRange = asked.operation.variables['range'];
    asked.flushData(answer);
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('shows the standards, a sample to review, the latest reviews and each school by month', async () => {
    expect(page().querySelector('dt')!.textContent).toBe('Tone');
    expect(page().querySelector('[data-testid="review-sample"] a')!.textContent).toBe('HR-2026-000001');
    expect(page().querySelector('[data-testid="case-review"]')!.textContent).toContain('HR-2026-000009');
    expect(page().textContent).toContain('Lincoln Elementary');
    expect(await axeViolations(page())).toEqual([]);
    page().querySelector<HTMLButtonElement>('button[aria-label="Review HR-2026-000001"]')!.click();
    await settle(fixture);
    expect(page().querySelector('hr-case-review-form h3')!.textContent).toBe('Review HR-2026-000001');
  });

  it("shows each school's CSAT for the month beside its review means, withheld as the API withholds it", () => {
    expect(trendRows()).toEqual([
      ['Lincoln Elementary', '2026-11', '4', '3', '—', '0'],
      ['Lincoln Elementary', '2026-12', '2', '3.25', '8.3', '12'],
      ['Roosevelt Middle', '2026-12', '1', '2', '—* (withheld: see the note below the table)', '1'],
      ['District office', '2026-12', '1', '4', '—', '0'],
    ]);
    expect(page().textContent).toContain('* Withheld to protect the people who answered');
  });

  it("grouped by agent, shows each agent's CSAT for the month beside their review means", async () => {
    setField(page(), 'trend-grouping', 'AGENT');
    await settle(fixture);
    // The agents' months over the same range as the schools'.
    const asked = apollo.expectOne(AdminCoachingAgentsDocument);
    expect(asked.operation.variables['range']).toEqual(schoolRange);
    asked.flushData(byAgent);
    await settle(fixture);
    expect(page().textContent).toContain('By agent and month');
    expect([...page().querySelectorAll('caption')].map((c) => c.textContent!.trim())).toContain(
      'Reviews by agent and month',
    );
    expect(trendRows()).toEqual([
      ['Maya Chen', '2026-11', '3', '3.5', '—', '0'],
      ['Maya Chen', '2026-12', '2', '3', '9.1', '7'],
      ['Luis Ortega', '2026-12', '1', '2.5', '—* (withheld: see the note below the table)', '3'],
      ['A staff member', '2026-12', '1', '4', '—', '0'],
    ]);
    expect(page().textContent).toContain('* Withheld to protect the people who answered');
    expect(await axeViolations(page())).toEqual([]);

    // Back to the schools: their months again, without asking anything more.
    setField(page(), 'trend-grouping', 'SCHOOL');
    await settle(fixture);
    expect(trendRows()[0]).toEqual(['Lincoln Elementary', '2026-11', '4', '3', '—', '0']);
  });

  it('finds a case by its number, and says when it cannot be reviewed yet', async () => {
    setField(page(), 'review-number', 'HR-2026-000002');
    await settle(fixture);
    page().querySelector<HTMLButtonElement>('form.filters button[type="submit"]')!.click();
    await settle(fixture);
    apollo.expectOne(CoachingCaseDocument).flushData({
      case: { __typename: 'Case', id: 'c2', number: 'HR-2026-000002', subject: 'Bus', status: 'OPEN' },
    } as never);
    await settle(fixture);
    expect(alertTexts(page())).toEqual([
      'HR-2026-000002 is not resolved yet: reviews are of resolved cases.',
    ]);
    expect(page().querySelector('hr-case-review-form')).toBeNull();
  });
});
