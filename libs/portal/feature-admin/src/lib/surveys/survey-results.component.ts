import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { UntrustedTextComponent } from '@homeroom/portal/ui';
import type { AdminSurveysDetailQuery, AssessmentArea } from '../operations.generated';
import {
  describeNps,
  distributionRows,
  distributionSummary,
  lowestValue,
  percentText,
  responseRateText,
} from './survey-results-text';
import { formatWhen } from '../formats';

type Detail = NonNullable<AdminSurveysDetailQuery['survey']>;
export type SurveyResults = Detail['results'];
export type SatisfactionComments = NonNullable<AdminSurveysDetailQuery['satisfaction']>['comments'];

/** The self-assessment's areas of service, in words. */
const AREA_NAMES: Readonly<Record<string, string>> = {
  ACCESS: 'Access',
  RESPONSIVENESS: 'Responsiveness',
  OWNERSHIP: 'Ownership',
  COMMUNICATION: 'Communication',
  FEEDBACK: 'Feedback',
  CULTURE: 'Culture',
} satisfies Record<AssessmentArea, string>;

const STAGE_NAMES: Record<string, string> = {
  REACTIVE: 'Reactive',
  RESPONSIVE: 'Responsive',
  PROACTIVE: 'Proactive',
  CUSTOMER_CENTRIC: 'Customer-centric',
};

/**
 * One survey's results, question by question: how many answered, the distribution of a scale or NPS
 * question as a bar chart whose numbers are also in words, the net promoter score, the count of each
 * choice, and (for the satisfaction survey) the latest comments. Results are withheld below the
 * district's minimum of responses, to protect respondents.
 */
@Component({
  selector: 'hr-survey-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UntrustedTextComponent],
  styles: `
    .chart {
      display: grid;
      gap: 0.2rem;
      max-width: 32rem;
      margin: 0.4rem 0;
    }
    .bar-row {
      display: grid;
      grid-template-columns: 2rem minmax(0, 1fr) 4.5rem;
      gap: 0.5rem;
      align-items: center;
      font-size: 0.9rem;
    }
    .track {
      background: #eef1f4;
      height: 0.9rem;
      border-radius: 2px;
    }
    .bar {
      display: block;
      height: 100%;
      background: var(--brand);
      border-radius: 2px;
    }
    .questions {
      display: grid;
      gap: 1rem;
    }
  `,
  template: `
    <p>{{ rate() }}</p>
    @if (results().responses === 0) {
      <p>No answers yet.</p>
    } @else if (results().suppressed) {
      <p>
        Fewer people have answered than the district's minimum for showing results, so the answers are
        withheld to protect respondents' privacy.
      </p>
    } @else {
      @if (results().assessment; as assessment) {
        <section class="panel" aria-labelledby="results-assessment">
          <h3 id="results-assessment">Where respondents place the district</h3>
          <p>
            Overall {{ assessment.score.toFixed(1) }} of 4: {{ stageName(assessment.stage) }}. Start with:
            {{ areaNames(assessment.weakestAreas) }}.
          </p>
          <table>
            <caption class="visually-hidden">
              Self-assessment by area
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Score (1–4)</th>
                <th scope="col">Stage</th>
              </tr>
            </thead>
            <tbody>
              @for (area of assessment.areas; track area.area) {
                <tr>
                  <td>{{ areaName(area.area) }}</td>
                  <td>{{ area.score.toFixed(1) }}</td>
                  <td>{{ stageName(area.stage) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }
      <div class="questions">
        @for (question of questions(); track question.questionId; let index = $index) {
          <section
            class="panel"
            [attr.aria-labelledby]="'result-' + question.questionId"
            data-testid="survey-result"
          >
            <h3 [id]="'result-' + question.questionId">{{ index + 1 }}. {{ question.text }}</h3>
            <p>
              {{ question.answered }} answered{{ question.mean !== null ? '; mean ' + question.mean : '' }}.
            </p>
            @if (question.nps; as nps) {
              <p>{{ npsText(nps) }}</p>
            }
            @if (question.bars; as bars) {
              <div class="chart" role="img" [attr.aria-label]="question.summary">
                @for (row of bars; track row.value) {
                  <div class="bar-row">
                    <span>{{ row.value }}</span>
                    <span class="track"><span class="bar" [style.width.%]="row.percent"></span></span>
                    <span>{{ row.count }} ({{ row.percent }}%)</span>
                  </div>
                }
              </div>
            }
            @if (question.choices; as choices) {
              <table>
                <caption class="visually-hidden">
                  Answers to question
                  {{
                    index + 1
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Choice</th>
                    <th scope="col">Chosen by</th>
                    <th scope="col">Share of those who answered</th>
                  </tr>
                </thead>
                <tbody>
                  @for (choice of choices; track choice.choiceId) {
                    <tr>
                      <td>{{ choice.text }}</td>
                      <td>{{ choice.count }}</td>
                      <td>{{ share(choice.count, question.answered) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
              @if (question.kind === 'MULTI_CHOICE') {
                <p class="hint">People could pick several, so the shares add up to more than 100%.</p>
              }
            }
            @if (question.kind === 'TEXT') {
              <p class="hint">Written answers are counted here; the portal cannot show their words yet.</p>
            }
          </section>
        }
      </div>
    }
    @if (comments(); as comments) {
      <h3>Latest comments</h3>
      <ul class="plain">
        @for (comment of comments; track comment.responseId) {
          <li>
            “<hr-untrusted-text [text]="comment.comment" />”
            <span class="hint">
              — score {{ comment.score ?? 'none'
              }}{{ comment.sentiment ? ', ' + comment.sentiment.toLowerCase() : '' }},
              {{ when(comment.submittedAt) }}
            </span>
          </li>
        } @empty {
          <li>No comments in the last 90 days.</li>
        }
      </ul>
    }
  `,
})
export class SurveyResultsComponent {
  readonly results = input.required<SurveyResults>();
  /** The satisfaction survey's latest comments; null for other surveys. */
  readonly comments = input<SatisfactionComments | null>(null);

  protected readonly rate = computed(() => responseRateText(this.results()));
  protected readonly questions = computed(() =>
    (this.results().questions ?? []).map((question) => {
      const lowest = lowestValue(question.kind);
      return {
        ...question,
        bars: question.distribution ? distributionRows(question.distribution, lowest) : null,
        summary: question.distribution ? distributionSummary(question.distribution, lowest) : '',
      };
    }),
  );

  protected npsText = describeNps;
  protected share = percentText;
  protected when(iso: string): string {
    return formatWhen(iso);
  }
  protected stageName(stage: string): string {
    return STAGE_NAMES[stage] ?? stage;
  }
  protected areaName(area: string): string {
    return AREA_NAMES[area] ?? area;
  }
  /** "access, feedback": the areas to start with, within a sentence. */
  protected areaNames(areas: readonly string[]): string {
    return areas.map((area) => this.areaName(area).toLowerCase()).join(', ');
  }
}
