/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { PORTAL_CONFIG, SessionService, StaffPresenceService } from '@homeroom/portal/data-access';
import { alertTexts, axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { MyCoachingPageComponent } from './my-coaching-page.component';
import { MyCoachingReviewsDocument, MyCoachingSatisfactionDocument } from './operations.generated';

/** Apollo's cache keeps records by __typename and id, which the operation types leave out. */
const review = (id: string, caseNumber: string, average: number, comment: string | null, tone: number) => ({
  __typename: 'CaseReview',
  id,
  caseNumber,
  average,
  comment,
  createdAt: '2026-12-01T15:00:00.000Z',
  criteria: [
    { __typename: 'RubricCriterion', key: 'greeting', name: 'Greeting' },
    { __typename: 'RubricCriterion', key: 'tone', name: 'Tone' },
  ],
  scores: [
    { __typename: 'CriterionScore', criterionId: 'greeting', score: 3 },
    { __typename: 'CriterionScore', criterionId: 'tone', score: tone },
  ],
});

const csatMonth = (month: string, responses: number, suppressed: boolean, csatMean: number | null) => ({
  __typename: 'SatisfactionAgentTrend',
  month,
  responses,
  suppressed,
  csatMean,
});

describe('my coaching reviews', () => {
  let fixture: ComponentFixture<MyCoachingPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    apollo = configureApolloTesting([
      provideRouter([]),
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
      // The staff bar's chat presence has its own specs (staff-presence.service, staff-bar.component).
      { provide: StaffPresenceService, useValue: { view: () => null, choose: () => Promise.resolve() } },
      {
        provide: SessionService,
        useValue: { personId: () => 'agent-1', roles: () => ['AGENT'], leave: () => undefined },
      },
    ]);
    fixture = TestBed.createComponent(MyCoachingPageComponent);
    fixture.detectChanges();
  });

  /** Answers the page's CSAT query, asked for the signed-in person over the last six months. */
  function flushCsat(months: ReturnType<typeof csatMonth>[]): void {
    const asked = apollo.expectOne(MyCoachingSatisfactionDocument);
    expect(asked.operation.variables['agentId']).toBe('agent-1');
    const { from, to } = asked.operation.variables['range'] as { from: string; to: string };
    expect(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)).toBe(183);
    asked.flushData({ satisfactionAgentTrends: months });
  }

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('shows each of my reviews with its standards, scores in words, the comment and a link to the case', async () => {
    apollo.expectOne(MyCoachingReviewsDocument).flushData({
      myCoachingReviews: [
        review('r2', 'HR-2026-000042', 3.5, 'Warm, and the answer was complete.', 4),
        review('r1', 'HR-2026-000007', 2, null, 1),
      ],
    });
    flushCsat([]);
    await settle(fixture);
    expect(text(page().querySelector('h1')!)).toBe('My coaching reviews');
    expect(text(page().querySelector('[data-testid="my-reviews-summary"]')!)).toBe(
      '2 reviews, 2.75 of 4 on average.',
    );
    const [first, second] = [...page().querySelectorAll('article')];
    expect(text(first!.querySelector('h2')!)).toBe('HR-2026-000042 · 3.5 of 4');
    expect(first!.querySelector('a')!.getAttribute('href')).toBe('/cases/HR-2026-000042');
    expect([...first!.querySelectorAll('dt, dd')].map(text)).toEqual([
      'Greeting',
      '3 of 4, Meets the standard',
      'Tone',
      '4 of 4, Exemplary',
    ]);
    expect(text(first!.querySelector('p:last-child')!)).toBe('Comment: Warm, and the answer was complete.');
    expect([...second!.querySelectorAll('dd')].map(text)).toEqual([
      '3 of 4, Meets the standard',
      '1 of 4, Not yet',
    ]);
    expect(second!.textContent).not.toContain('Comment:');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says when there are none yet', async () => {
    apollo.expectOne(MyCoachingReviewsDocument).flushData({ myCoachingReviews: [] });
    flushCsat([]);
    await settle(fixture);
    expect(page().querySelector('main')!.textContent).toContain('No reviews yet.');
    expect(page().querySelector('[data-testid="my-reviews-summary"]')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('shows a refusal in words, not an empty list', async () => {
    apollo
      .expectOne(MyCoachingReviewsDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    flushCsat([]);
    await settle(fixture);
    expect(alertTexts(page())).toHaveLength(1);
    expect(page().querySelector('main')!.textContent).not.toContain('No reviews yet.');
  });

  it('shows my CSAT by month, withheld months as withheld, with the note', async () => {
    apollo.expectOne(MyCoachingReviewsDocument).flushData({ myCoachingReviews: [] });
    flushCsat([csatMonth('2026-11', 1, true, null), csatMonth('2026-12', 6, false, 8.25)]);
    await settle(fixture);
    const rows = [...page().querySelectorAll('[data-testid="my-csat"]')].map((row) =>
      [...row.querySelectorAll('td')].map(text),
    );
    expect(rows).toEqual([
      ['2026-11', '—* (withheld: see the note below the table)', '1'],
      ['2026-12', '8.3', '6'],
    ]);
    expect(page().textContent).toContain('* Withheld to protect the people who answered');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says when no survey followed my cases, without the withheld note', async () => {
    apollo.expectOne(MyCoachingReviewsDocument).flushData({ myCoachingReviews: [] });
    flushCsat([]);
    await settle(fixture);
    expect(page().querySelectorAll('[data-testid="my-csat"]')).toHaveLength(0);
    expect(page().textContent).toContain('No survey was sent after your cases in the last six months.');
    expect(page().textContent).not.toContain('Withheld to protect');
  });
});
