import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  SessionService,
  StaffPresenceService,
  watchQuery,
  watchQueryWhen,
} from '@homeroom/portal/data-access';
import { StaffBarComponent } from '@homeroom/portal/ui';
import {
  MyCoachingReviewsDocument,
  type MyCoachingReviewsQuery,
  MyCoachingSatisfactionDocument,
} from './operations.generated';

/** The satisfaction months cover the last six, as the supervisors' coaching trends do. */
const CSAT_DAYS = 183;

/** The rubric's 1-to-4 scale in the words supervisors chose them by (the review form's). */
const SCORE_WORDS: Readonly<Record<number, string>> = {
  1: 'Not yet',
  2: 'Partly',
  3: 'Meets the standard',
  4: 'Exemplary',
};

type Review = MyCoachingReviewsQuery['myCoachingReviews'][number];

/** Each standard of a review beside its score, by the names the review was scored against. */
function scoredStandards(review: Review): { key: string; name: string; score: string }[] {
  const scores = new Map(review.scores.map((s) => [s.criterionId, s.score]));
  return review.criteria.map(({ key, name }) => {
    const score = scores.get(key);
    return { key, name, score: score ? `${score} of 4, ${SCORE_WORDS[score] ?? ''}` : 'not scored' };
  });
}

/**
 * "My coaching reviews": what supervisors said of the cases the signed-in staff member handled, newest
 * first, each standard with its score and the supervisor's comment, and the satisfaction (CSAT) of the
 * cases assigned to them by month. Only their own (myCoachingReviews; satisfactionAgentTrends by their id).
 */
@Component({
  selector: 'hr-my-coaching-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, RouterLink, StaffBarComponent],
  styles: `
    main {
      padding: 1rem;
      max-width: 60rem;
    }
    article {
      border-top: 1px solid #767676;
      padding: 0.75rem 0;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
    }
  `,
  template: `
    <hr-staff-bar
      [roles]="session.roles()"
      [presence]="presence.view()"
      (presenceChange)="presence.choose($event)"
      (signOut)="session.leave()"
    />
    <main>
      <h1>My coaching reviews</h1>
      <p class="hint">
        What supervisors said of cases you handled, against the district's service standards.
      </p>
      @if (query.error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      @if (summary(); as summary) {
        <p data-testid="my-reviews-summary">{{ summary }}</p>
      }
      @for (review of reviews(); track review.id) {
        <article [attr.aria-labelledby]="'my-review-' + review.id">
          <h2 [id]="'my-review-' + review.id">
            <a [routerLink]="['/cases', review.caseNumber]">{{ review.caseNumber }}</a>
            · {{ review.average }} of 4
          </h2>
          <p class="meta">Reviewed {{ review.createdAt | date: 'mediumDate' }}</p>
          <dl>
            @for (standard of review.standards; track standard.key) {
              <dt>{{ standard.name }}</dt>
              <dd>{{ standard.score }}</dd>
            }
          </dl>
          @if (review.comment) {
            <p><strong>Comment:</strong> {{ review.comment }}</p>
          }
        </article>
      } @empty {
        @if (!query.loading() && !query.error()) {
          <p>No reviews yet. Supervisors review some of the cases you resolve.</p>
        }
      }
      <h2>Satisfaction by month</h2>
      @if (csat.error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      <table>
        <caption class="visually-hidden">
          Satisfaction with the cases assigned to you, by month
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">CSAT (of 10)</th>
            <th scope="col">CSAT responses</th>
          </tr>
        </thead>
        <tbody>
          @for (month of csatMonths(); track month.month) {
            <tr data-testid="my-csat">
              <td>{{ month.month }}</td>
              <td>
                @if (month.suppressed) {
                  —<sup aria-hidden="true">*</sup
                  ><span class="visually-hidden"> (withheld: see the note below the table)</span>
                } @else {
                  {{ month.csatMean == null ? '—' : (month.csatMean | number: '1.1-1') }}
                }
              </td>
              <td>{{ month.responses }}</td>
            </tr>
          } @empty {
            @if (!csat.loading() && !csat.error()) {
              <tr>
                <td colspan="3">No survey was sent after your cases in the last six months.</td>
              </tr>
            }
          }
        </tbody>
      </table>
      <p class="hint">
        CSAT is the satisfaction survey families answer after the cases assigned to you, by the month it was
        sent; — means no survey was answered.
        @if (anyWithheld()) {
          * Withheld to protect the people who answered: fewer responses than the district's minimum, or
          withheld alongside such a small group so it cannot be worked out by subtraction.
        }
      </p>
    </main>
  `,
})
export class MyCoachingPageComponent {
  protected readonly session = inject(SessionService);
  protected readonly presence = inject(StaffPresenceService);
  protected readonly query = watchQuery(MyCoachingReviewsDocument);
  private readonly range = {
    from: new Date(Date.now() - CSAT_DAYS * 86_400_000).toISOString(),
    to: new Date().toISOString(),
  };
  /** The signed-in staff member's own months (asked by their id, which anyone signed in may). */
  protected readonly csat = watchQueryWhen(MyCoachingSatisfactionDocument, () => {
    const agentId = this.session.personId();
    return agentId ? { range: this.range, agentId } : null;
  });
  protected readonly csatMonths = computed(() => this.csat.data()?.satisfactionAgentTrends ?? []);
  protected readonly anyWithheld = computed(() => this.csatMonths().some((month) => month.suppressed));
  protected readonly reviews = computed(() =>
    (this.query.data()?.myCoachingReviews ?? []).map((review) => ({
      ...review,
      standards: scoredStandards(review),
    })),
  );
  protected readonly summary = computed(() => {
    const reviews = this.reviews();
    if (!reviews.length) return null;
    const mean = reviews.reduce((sum, r) => sum + r.average, 0) / reviews.length;
    return `${reviews.length} ${reviews.length === 1 ? 'review' : 'reviews'}, ${mean.toFixed(2)} of 4 on average.`;
  });
}
