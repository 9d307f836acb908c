import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { type AdminCoachingQuery, ReviewCaseDocument } from '../operations.generated';

type Criterion = AdminCoachingQuery['coachingRubric'][number];

/** What each score means, as the reviewer picks it. */
export const SCORE_WORDS = ['Not yet', 'Partly', 'Meets the standard', 'Exemplary'] as const;

/**
 * A supervisor's review of one resolved case: a score from 1 to 4 for every standard of the rubric, each a
 * radio group with the standard's description, and a comment for the agent.
 */
@Component({
  selector: 'hr-case-review-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <form class="admin-form" (ngSubmit)="submit()" data-testid="case-review-form">
      <h3>Review {{ caseNumber() }}</h3>
      @for (criterion of rubric(); track criterion.id) {
        <fieldset>
          <legend>{{ criterion.name }}</legend>
          @if (criterion.description) {
            <p class="hint">{{ criterion.description }}</p>
          }
          @for (word of words; track $index; let score = $index) {
            <label class="check">
              <input
                type="radio"
                [name]="'score-' + criterion.id"
                [value]="score + 1"
                [checked]="scores()[criterion.id] === score + 1"
                (change)="choose(criterion.id, score + 1)"
              />
              {{ score + 1 }} · {{ word }}
            </label>
          }
        </fieldset>
      }
      <label for="review-comment">Comment for the agent</label>
      <textarea id="review-comment" name="comment" rows="3" [(ngModel)]="comment"></textarea>
      <button type="submit" [disabled]="actions.busy() || !complete()">Save review</button>
      <hr-form-feedback [error]="actions.error()" />
    </form>
  `,
})
export class CaseReviewFormComponent {
  readonly rubric = input.required<readonly Criterion[]>();
  readonly caseId = input.required<string>();
  readonly caseNumber = input.required<string>();
  /** The review was saved: its words for the page. */
  readonly reviewed = output<string>();
  protected readonly actions = injectActions({ refetch: ['AdminCoaching'] });
  protected readonly words = SCORE_WORDS;
  protected readonly scores = signal<Record<string, number>>({});
  protected readonly comment = signal('');
  protected readonly complete = computed(() => this.rubric().every((c) => this.scores()[c.id] !== undefined));

  protected choose(criterionId: string, score: number): void {
    this.scores.update((scores) => ({ ...scores, [criterionId]: score }));
  }

  protected async submit(): Promise<void> {
    const result = await this.actions.run(
      ReviewCaseDocument,
      {
        caseId: this.caseId(),
        scores: this.rubric().map((c) => ({ criterionId: c.id, score: this.scores()[c.id]! })),
        comment: this.comment().trim() || null,
      },
      {
        reasons: {
          ALREADY_REVIEWED: 'This case was already reviewed.',
          CASE_NOT_RESOLVED: 'Only resolved cases are reviewed.',
          NO_AGENT: 'Nobody handled this case, so there is no one to coach.',
        },
      },
    );
    if (result)
      this.reviewed.emit(
        `Review of ${result.reviewCase.caseNumber} saved: ${result.reviewCase.average} of 4.`,
      );
  }
}
