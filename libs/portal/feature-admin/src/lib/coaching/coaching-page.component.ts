import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, watchQuery, watchQueryWhen } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { formatWhen } from '../formats';
import {
  AdminCoachingAgentsDocument,
  AdminCoachingDocument,
  CoachingCaseDocument,
} from '../operations.generated';
import { CaseReviewFormComponent } from './case-review-form.component';

/** The trends cover the last six months. */
const TREND_DAYS = 183;

/**
 * Coaching for supervisors: the district's service standards, a random sample of resolved cases to
 * review (or any case by its number), the review form, the latest reviews, and each school's (or each
 * agent's) monthly means beside its CSAT for the same month (the surveys sent that month).
 */
@Component({
  selector: 'hr-coaching-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CaseReviewFormComponent, DecimalPipe, FormFeedbackComponent, FormsModule, RouterLink],
  template: `
    <h1>Coaching</h1>
    @if (query.error(); as error) {
      <p role="alert">{{ error }}</p>
    }
    <h2>The district's standards</h2>
    <dl>
      @for (criterion of rubric(); track criterion.id) {
        <dt>{{ criterion.name }}</dt>
        <dd>{{ criterion.description }}</dd>
      }
    </dl>
    <h2>Review a case</h2>
    <p class="hint">Resolved cases of the last 30 days at your schools, drawn at random:</p>
    <ul class="plain" data-testid="review-sample">
      @for (item of sample(); track item.id) {
        <li>
          <a [routerLink]="['/cases', item.number]">{{ item.number }}</a>
          <button
            type="button"
            class="secondary"
            [attr.aria-label]="'Review ' + item.number"
            (click)="chosen.set(item)"
          >
            Review
          </button>
        </li>
      } @empty {
        <li>No resolved case is waiting for a review.</li>
      }
    </ul>
    <form class="filters" (ngSubmit)="find()">
      <label for="review-number">Or a case by its number</label>
      <input id="review-number" name="number" [(ngModel)]="number" />
      <button type="submit">Find</button>
    </form>
    <hr-form-feedback [error]="findError()" [done]="saved()" />
    @if (chosen(); as chosen) {
      <hr-case-review-form
        [rubric]="rubric()"
        [caseId]="chosen.id"
        [caseNumber]="chosen.number"
        (reviewed)="onReviewed($event)"
      />
    }
    <h2>Latest reviews</h2>
    <table>
      <caption class="visually-hidden">
        Latest reviews
      </caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Mean (of 4)</th>
          <th scope="col">Comment</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        @for (review of reviews(); track review.id) {
          <tr data-testid="case-review">
            <td>{{ review.caseNumber }}</td>
            <td>{{ review.average }}</td>
            <td>{{ review.comment ?? '' }}</td>
            <td>{{ review.when }}</td>
          </tr>
        }
      </tbody>
    </table>
    <h2>{{ byAgent() ? 'By agent and month' : 'By school and month' }}</h2>
    <label for="trend-grouping">Group the months by</label>
    <select id="trend-grouping" name="grouping" [ngModel]="grouping()" (ngModelChange)="grouping.set($event)">
      <option value="SCHOOL">School</option>
      <option value="AGENT">Agent</option>
    </select>
    @if (agentQuery.error(); as error) {
      <p role="alert">{{ error }}</p>
    }
    <table>
      <caption class="visually-hidden">
        {{
          byAgent() ? 'Reviews by agent and month' : 'Reviews by school and month'
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ byAgent() ? 'Agent' : 'School' }}</th>
          <th scope="col">Month</th>
          <th scope="col">Reviews</th>
          <th scope="col">Mean (of 4)</th>
          <th scope="col">CSAT (of 10)</th>
          <th scope="col">CSAT responses</th>
        </tr>
      </thead>
      <tbody>
        @for (trend of shownTrends(); track trend.key + trend.month) {
          <tr data-testid="coaching-trend">
            <td>{{ trend.who }}</td>
            <td>{{ trend.month }}</td>
            <td>{{ trend.reviews }}</td>
            <td>{{ trend.average }}</td>
            <td>
              @if (trend.csat?.suppressed) {
                —<sup aria-hidden="true">*</sup
                ><span class="visually-hidden"> (withheld: see the note below the table)</span>
              } @else {
                {{ trend.csat?.csatMean == null ? '—' : (trend.csat!.csatMean | number: '1.1-1') }}
              }
            </td>
            <td>{{ trend.csat?.responses ?? 0 }}</td>
          </tr>
        }
      </tbody>
    </table>
    <p class="hint">
      CSAT is the satisfaction survey after resolved cases, by the month it was sent (an agent's: after the
      cases assigned to them, at the schools whose figures you read); — means no survey was answered.
      @if (anyWithheld()) {
        * Withheld to protect the people who answered: fewer responses than the district's minimum, or
        withheld alongside such a small group so it cannot be worked out by subtraction.
      }
    </p>
  `,
})
export class CoachingPageComponent {
  private readonly apollo = inject(Apollo);
  private readonly range = {
    from: new Date(Date.now() - TREND_DAYS * 86_400_000).toISOString(),
    to: new Date().toISOString(),
  };
  protected readonly query = watchQuery(AdminCoachingDocument, { range: this.range });
  protected readonly rubric = computed(() => this.query.data()?.coachingRubric ?? []);
  protected readonly sample = computed(() => this.query.data()?.caseReviewSample ?? []);
  protected readonly reviews = computed(() =>
    (this.query.data()?.caseReviews ?? [])
      .slice(0, 20)
      .map((review) => ({ ...review, when: formatWhen(review.createdAt) })),
  );
  /** Whose months the table shows: each school's (the page opens on them) or each agent's. */
  protected readonly grouping = signal<'SCHOOL' | 'AGENT'>('SCHOOL');
  protected readonly byAgent = computed(() => this.grouping() === 'AGENT');
  /** Asked the first time the months are grouped by agent. */
  protected readonly agentQuery = watchQueryWhen(AdminCoachingAgentsDocument, () =>
    this.byAgent() ? { range: this.range } : null,
  );
  protected readonly trends = computed(() => {
    const schools = new Map((this.query.data()?.schools.edges ?? []).map(({ node }) => [node.id, node.name]));
    // The school's CSAT for the same month, joined by (school, month); null: no survey sent to it then.
    const csat = new Map(
      (this.query.data()?.satisfactionTrends ?? []).map((row) => [`${row.schoolId} ${row.month}`, row]),
    );
    return (this.query.data()?.coachingTrends ?? []).map((trend) => ({
      ...trend,
      who: trend.key ? (schools.get(trend.key) ?? 'A school') : 'District office',
      csat: csat.get(`${trend.key} ${trend.month}`) ?? null,
    }));
  });
  protected readonly agentTrends = computed(() => {
    const data = this.agentQuery.data();
    const names = new Map((data?.people.edges ?? []).map(({ node }) => [node.id, node.displayName]));
    // The agent's CSAT for the same month (the cases assigned to them), joined by (agent, month).
    const csat = new Map(
      (data?.satisfactionAgentTrends ?? []).map((row) => [`${row.agentId} ${row.month}`, row]),
    );
    return (data?.coachingTrends ?? []).map((trend) => ({
      ...trend,
      who: (trend.key && names.get(trend.key)) ?? 'A staff member',
      csat: csat.get(`${trend.key} ${trend.month}`) ?? null,
    }));
  });
  protected readonly shownTrends = computed(() => (this.byAgent() ? this.agentTrends() : this.trends()));
  protected readonly anyWithheld = computed(() => this.shownTrends().some((trend) => trend.csat?.suppressed));
  protected readonly chosen = signal<{ id: string; number: string } | null>(null);
  protected readonly findError = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected number = '';

  /** The case with this number, to review. */
  protected async find(): Promise<void> {
    this.findError.set(null);
    this.saved.set(null);
    try {
      const { data } = await firstValueFrom(
        this.apollo.query({
          query: CoachingCaseDocument,
          variables: { number: this.number.trim() },
          fetchPolicy: 'network-only',
        }),
      );
      const found = data?.case;
      if (!found) this.findError.set(`No case ${this.number.trim()} at your schools.`);
      else if (found.status !== 'RESOLVED' && found.status !== 'CLOSED')
        this.findError.set(`${found.number} is not resolved yet: reviews are of resolved cases.`);
      else this.chosen.set({ id: found.id, number: found.number });
    } catch (error) {
      this.findError.set(errorMessage(error, 'en'));
    }
  }

  protected onReviewed(message: string): void {
    this.chosen.set(null);
    this.saved.set(message);
  }
}
