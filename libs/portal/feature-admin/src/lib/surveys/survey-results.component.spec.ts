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

  it('names the self-assessment areas and stages in words', () => {
    const fixture = TestBed.createComponent(SurveyResultsComponent);
    fixture.componentRef.setInput('results', {
      invitations: 10,
      responses: 8,
      responseRate: 0.8,
      suppressed: false,
      questions: [],
      assessment: {
        score: 2.4,
        stage: 'RESPONSIVE',
        weakestAreas: ['FEEDBACK', 'CULTURE'],
        areas: [
          { area: 'ACCESS', score: 3.1, stage: 'PROACTIVE' },
          { area: 'FEEDBACK', score: 1.8, stage: 'REACTIVE' },
        ],
      },
    } as unknown as SurveyResults);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('#results-assessment + p')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Overall 2.4 of 4: Responsive. Start with: feedback, culture.',
    );
    expect(
      [...element.querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim()),
      ),
    ).toEqual([
      ['Access', '3.1', 'Proactive'],
      ['Feedback', '1.8', 'Reactive'],
    ]);
  });
});
