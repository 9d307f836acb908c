/**
 * @jest-environment jsdom
 */
import { TestBed } from '@angular/core/testing';
import {
  SurveyResultsComponent,
  type SatisfactionComments,
  type SurveyResults,
} from './survey-results.component';

const RLO = '\u202e';

describe("a survey's results", () => {
  it("shows a family's comment with its direction controls marked, never applied", () => {
    const fixture = TestBed.createComponent(SurveyResultsComponent);
    fixture.componentRef.setInput('results', {
      invitations: 0,
      responses: 0,
      responseRate: null,
      suppressed: false,
      questions: [],
      assessment: null,
    } satisfies SurveyResults);
    fixture.componentRef.setInput('comments', [
      {
        responseId: 'r1',
        comment: `Call me ${RLO}7654 555`,
        score: 2,
        sentiment: 'NEGATIVE',
        submittedAt: '2026-12-01T14:00:00.000Z',
      },
    ] satisfies SatisfactionComments);
    fixture.detectChanges();
    const comment = (fixture.nativeElement as HTMLElement).querySelector('li hr-untrusted-text')!;
    expect(comment.textContent).toBe('Call me ⟨U+202E⟩7654 555');
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain(RLO);
  });
});
