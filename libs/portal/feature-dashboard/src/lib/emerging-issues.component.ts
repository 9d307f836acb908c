import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  DISTRICT_OFFICE,
  formatDay,
  sparkline,
  sparklineLabel,
  windowDaysOf,
  type EmergingIssue,
} from './dashboard-figures';

/**
 * Topics rising above their own four-week baseline, most surprising first (the API's order): what came in
 * against what was expected, since when, from which schools, and the days behind it as a sparkline.
 */
@Component({
  selector: 'hr-emerging-issues',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe],
  template: `
    <section class="emerging" aria-labelledby="emerging-issues">
      <h2 id="emerging-issues">Emerging issues</h2>
      <p class="hint">
        Topics with more contacts in {{ windowText() }} than the four weeks before them predict, across every
        school you can see. The date and school filters above do not apply here.
      </p>
      @for (issue of view(); track issue.topicId) {
        <article class="issue" [attr.aria-labelledby]="'issue-' + issue.topicId">
          <h3 [id]="'issue-' + issue.topicId">{{ issue.name }}</h3>
          <svg
            class="sparkline"
            role="img"
            [attr.aria-label]="issue.label"
            [attr.viewBox]="'0 0 ' + issue.spark.width + ' ' + issue.spark.height"
            [attr.width]="issue.spark.width"
            [attr.height]="issue.spark.height"
          >
            <rect
              class="window"
              [attr.x]="issue.spark.windowX"
              y="0"
              [attr.width]="issue.spark.width - issue.spark.windowX"
              [attr.height]="issue.spark.height"
            />
            <polyline [attr.points]="issue.spark.points" />
            <circle [attr.cx]="issue.spark.last.x" [attr.cy]="issue.spark.last.y" r="2.5" />
          </svg>
          <dl>
            <div>
              <dt>Contacts</dt>
              <dd>{{ issue.observed }} against {{ issue.expected | number: '1.0-1' }} expected</dd>
            </div>
            <div>
              <dt>Ratio</dt>
              <dd>{{ issue.ratio | number: '1.1-1' }} times the usual</dd>
            </div>
            <div>
              <dt>Since</dt>
              <dd>{{ issue.since }}</dd>
            </div>
            <div>
              <dt>Top schools</dt>
              <dd>{{ issue.schools || 'None recorded' }}</dd>
            </div>
          </dl>
        </article>
      } @empty {
        <p>No topic is rising above its usual level.</p>
      }
    </section>
  `,
})
export class EmergingIssuesComponent {
  readonly issues = input.required<readonly EmergingIssue[]>();
  /** School names by id, for the top schools. */
  readonly schoolNames = input.required<ReadonlyMap<string, string>>();

  protected readonly windowText = computed(() => {
    const first = this.issues()[0];
    const days = first ? windowDaysOf(first) : null;
    return days === null ? 'the last few days' : days === 1 ? 'the last day' : `the last ${days} days`;
  });
  protected readonly view = computed(() =>
    this.issues().map((issue) => {
      const name = issue.topic?.name ?? 'A topic no longer offered';
      return {
        topicId: issue.topicId,
        name,
        observed: issue.observed,
        expected: issue.expected,
        ratio: issue.ratio,
        since: formatDay(issue.since),
        schools: issue.topSchools
          .map(
            ({ schoolId, count }) =>
              `${schoolId ? (this.schoolNames().get(schoolId) ?? 'Another school') : DISTRICT_OFFICE} (${count})`,
          )
          .join(', '),
        spark: sparkline(issue.daily, windowDaysOf(issue)),
        label: sparklineLabel(name, issue),
      };
    }),
  );
}
