/**
 * @jest-environment jsdom
 */
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import { ReviewCaseDocument } from '../operations.generated';
import { CaseReviewFormComponent } from './case-review-form.component';

const RUBRIC = [
  { id: 'greeting', name: 'Greeting', description: 'Greets the family by name.' },
  { id: 'tone', name: 'Tone', description: '' },
];

@Component({
  imports: [CaseReviewFormComponent],
  template: `<hr-case-review-form
    [rubric]="rubric"
    caseId="c1"
    caseNumber="HR-2026-000001"
    (reviewed)="said.push($event)"
  />`,
})
class CoachingComponent {
  readonly rubric = RUBRIC;
  readonly said: string[] = [];
}

describe('the case review form', () => {
  let fixture: ComponentFixture<CoachingComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const save = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const pick = async (criterion: string, score: number) => {
    page().querySelector<HTMLInputElement>(`input[name="score-${criterion}"][value="${score}"]`)!.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CoachingComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('asks a score for every standard, then saves the review with its comment', async () => {
    expect([...page().querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Greeting', 'Tone']);
    expect([...page().querySelectorAll('fieldset')][0]!.textContent).toContain('4 · Exemplary');
    expect(await axeViolations(page())).toEqual([]);
    await pick('greeting', 3);
    expect(save().disabled).toBe(true);
    await pick('tone', 4);
    setField(page(), 'review-comment', ' Warm; answer sooner. ');
    await settle(fixture);
    save().click();
    await settle(fixture);
    const review = apollo.expectOne(ReviewCaseDocument);
    expect(review.operation.variables).toEqual({
      caseId: 'c1',
      scores: [
        { criterionId: 'greeting', score: 3 },
        { criterionId: 'tone', score: 4 },
      ],
      comment: 'Warm; answer sooner.',
    });
    review.flushData({
      reviewCase: { __typename: 'CaseReview', id: 'r1', caseNumber: 'HR-2026-000001', average: 3.5 },
    } as never);
    await settle(fixture);
    expect(fixture.componentInstance.said).toEqual(['Review of HR-2026-000001 saved: 3.5 of 4.']);
  });

  it('says in words why a review was refused', async () => {
    await pick('greeting', 1);
    await pick('tone', 2);
    save().click();
    await settle(fixture);
    apollo
      .expectOne(ReviewCaseDocument)
      .graphqlErrors([
        new GraphQLError('reviewed', { extensions: { code: 'CONFLICT', reason: 'ALREADY_REVIEWED' } }),
      ]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['This case was already reviewed.']);
  });
});
