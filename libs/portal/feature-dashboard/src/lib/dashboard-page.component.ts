import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { errorMessage, SessionService, StaffPresenceService } from '@homeroom/portal/data-access';
import { StaffBarComponent } from '@homeroom/portal/ui';
import { toCsv } from '@homeroom/shared/csv';
import {
  channelTotals,
  formatDay,
  formatMinutes,
  formatShare,
  npsTile,
  schoolRows,
  type SchoolAttainment,
} from './dashboard-figures';
import { EmergingIssuesComponent } from './emerging-issues.component';
import { HelpCenterDeflectionComponent } from './help-center-deflection.component';
import { DashboardDocument, type DashboardQuery } from './operations.generated';
import { saveCsv } from './save-file';
import { SchoolComparisonComponent } from './school-comparison.component';

const DAY = 86_400_000;

/**
 * The district's numbers at a glance: contacts, response and resolution times, SLA attainment, backlog,
 * satisfaction, the district surveys' NPS, the help center's deflection per topic, emerging issues and the
 * schools side by side.
 */
@Component({
  selector: 'hr-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    PercentPipe,
    FormsModule,
    StaffBarComponent,
    EmergingIssuesComponent,
    HelpCenterDeflectionComponent,
    SchoolComparisonComponent,
  ],
  template: `
    <hr-staff-bar
      [roles]="session.roles()"
      [presence]="presence.view()"
      (presenceChange)="presence.choose($event)"
      (signOut)="session.leave()"
    />
    <main class="dashboard">
      <h1>District dashboard</h1>
      <form class="filters" (ngSubmit)="load()">
        <label for="from">From</label>
        <input id="from" name="from" type="date" [(ngModel)]="from" />
        <label for="to">To</label>
        <input id="to" name="to" type="date" [(ngModel)]="to" />
        <label for="school">School</label>
        <select id="school" name="school" [(ngModel)]="schoolId">
          <option value="">All schools</option>
          @for (school of schools(); track school.id) {
            <option [value]="school.id">{{ school.name }}</option>
          }
        </select>
        <button type="submit">Show</button>
        <button type="button" (click)="downloadCsv()" [disabled]="!figures()">Download CSV</button>
      </form>
      @if (error(); as error) {
        <p role="alert">{{ error }}</p>
      }
      @if (figures(); as data) {
        <section class="tiles" aria-label="Key figures">
          <div class="tile">
            <span class="label">Contacts</span
            ><span class="value" data-testid="kpi-contacts">{{ data.caseMetrics.total }}</span>
          </div>
          <div class="tile">
            <span class="label">Open backlog</span><span class="value">{{ data.caseMetrics.backlog }}</span>
          </div>
          <div class="tile">
            <span class="label">Median first response</span>
            <span class="value">{{ minutes(data.caseMetrics.firstResponse.medianMinutes) }}</span>
          </div>
          <div class="tile">
            <span class="label">First responses on time</span>
            <span class="value" data-testid="kpi-sla">{{ share(metShare('FIRST_RESPONSE')) }}</span>
          </div>
          <div class="tile">
            <span class="label">Median resolution</span>
            <span class="value">{{ minutes(data.caseMetrics.resolution.medianMinutes) }}</span>
          </div>
          <div class="tile">
            <span class="label">Resolutions on time</span>
            <span class="value">{{ share(metShare('RESOLUTION')) }}</span>
          </div>
          <div class="tile">
            <span class="label">Satisfaction (1–10)</span>
            <span class="value">{{
              data.satisfaction.csatMean === null ? '—' : (data.satisfaction.csatMean | number: '1.1-1')
            }}</span>
          </div>
          <div class="tile">
            <span class="label">Survey response rate</span>
            <span class="value">{{
              data.satisfaction.responseRate === null ? '—' : (data.satisfaction.responseRate | percent)
            }}</span>
          </div>
          <div class="tile">
            <span class="label">Net Promoter Score (district surveys)</span>
            <span class="value" data-testid="kpi-nps">{{ nps().value }}</span>
            <span class="hint">{{ nps().detail }}</span>
          </div>
        </section>
        <section aria-labelledby="per-day">
          <h2 id="per-day">Contacts per day</h2>
          <svg
            class="chart"
            [attr.viewBox]="'0 0 ' + chart().width + ' 120'"
            role="img"
            [attr.aria-label]="chartLabel()"
          >
            @for (bar of chart().bars; track bar.day) {
              <rect
                [attr.x]="bar.x"
                [attr.y]="120 - bar.height"
                [attr.width]="bar.width"
                [attr.height]="bar.height"
              >
                <title>{{ bar.day }}: {{ bar.total }}</title>
              </rect>
            }
          </svg>
        </section>
        <div class="columns">
          @for (group of breakdowns(); track group.id) {
            <section [attr.aria-labelledby]="group.id">
              <h2 [id]="group.id">{{ group.title }}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{{ group.label }}</th>
                    <th scope="col">Contacts</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of group.rows; track row.name) {
                    <tr>
                      <td>{{ row.name }}</td>
                      <td>{{ row.count }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </section>
          }
        </div>
        <hr-school-comparison
          [rows]="comparison()"
          [period]="period()"
          [fileName]="'schools-' + shown().from + '-to-' + shown().to + '.csv'"
        />
        <hr-help-center-deflection [rows]="data.helpCenterDeflection" [period]="period()" />
        <hr-emerging-issues [issues]="data.emergingIssues" [schoolNames]="schoolNames()" />
      } @else if (!error()) {
        <p aria-live="polite">Loading figures…</p>
      }
    </main>
  `,
})
export class DashboardPageComponent {
  private readonly apollo = inject(Apollo);
  protected readonly session = inject(SessionService);
  protected readonly presence = inject(StaffPresenceService);
  protected readonly figures = signal<DashboardQuery | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly schools = computed(() => this.figures()?.schools.edges.map((edge) => edge.node) ?? []);
  protected readonly schoolNames = computed(
    () => new Map(this.schools().map((school) => [school.id, school.name])),
  );
  protected from = isoDay(Date.now() - 29 * DAY);
  protected to = isoDay(Date.now());
  protected schoolId = '';
  /** The filters the figures on the page were fetched with (the form may have changed since). */
  protected readonly shown = signal({ from: this.from, to: this.to, schoolId: '' });
  protected readonly period = computed(
    () => `${formatDay(this.shown().from)} to ${formatDay(this.shown().to)}`,
  );

  /** District surveys' NPS over the range; not asked for (district-wide only) when filtered to a school. */
  protected readonly nps = computed(() => npsTile(this.figures()?.nps));

  /** The share of one kind of SLA timer met, of those that ended in the range. */
  protected metShare(kind: 'FIRST_RESPONSE' | 'RESOLUTION'): number | null {
    return this.figures()?.slaAttainment.byKind.find((row) => row.kind === kind)?.metShare ?? null;
  }

  /**
   * The schools side by side, every school's SLA figures from the one `bySchool` breakdown (with its name,
   * for the schools beyond the hundred `schools` names); filtered to one, its SLA figures are the root
   * fields' (filtered to it).
   */
  protected readonly comparison = computed(() => {
    const data = this.figures();
    if (!data) return [];
    const { schoolId } = this.shown();
    const attainment = new Map<string | null, SchoolAttainment>(
      schoolId
        ? [[schoolId, data.slaAttainment]]
        : (data.slaAttainment.bySchool ?? []).map((row) => [row.schoolId, row]),
    );
    return schoolRows({
      schools: this.schools(),
      contacts: data.caseMetrics.bySchool,
      satisfaction: data.satisfaction.breakdown,
      attainment,
      schoolId: schoolId || null,
    });
  });
  /** Contacts by channel and by topic, with names instead of ids (schools: the comparison table). */
  protected readonly breakdowns = computed(() => {
    const data = this.figures();
    const topics = new Map((data?.topics ?? []).map((topic) => [topic.id, topic.name]));
    return [
      {
        id: 'by-channel',
        title: 'By channel',
        label: 'Channel',
        rows: channelTotals(data?.caseMetrics.perDay ?? []),
      },
      {
        id: 'by-topic',
        title: 'By topic',
        label: 'Topic',
        rows: named(data?.caseMetrics.byTopic ?? [], (row) => row.topicId, topics, 'No topic'),
      },
    ];
  });
  protected readonly chart = computed(() => {
    const days = this.figures()?.caseMetrics.perDay ?? [];
    const peak = Math.max(1, ...days.map((day) => day.total));
    const width = Math.max(days.length * 12, 120);
    return {
      width,
      bars: days.map((day, index) => ({
        day: day.day,
        total: day.total,
        x: index * 12 + 1,
        width: 10,
        height: Math.round((day.total / peak) * 116),
      })),
    };
  });
  protected readonly chartLabel = computed(() => {
    const days = this.figures()?.caseMetrics.perDay ?? [];
    const total = days.reduce((sum, day) => sum + day.total, 0);
    const busiest = days.reduce((best, day) => (day.total > (best?.total ?? -1) ? day : best), days[0]);
    return `Contacts per day over ${days.length} days: ${total} in all${busiest ? `, busiest ${busiest.day} with ${busiest.total}` : ''}.`;
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    const filters = { from: this.from, to: this.to, schoolId: this.schoolId };
    this.apollo
      .query({
        query: DashboardDocument,
        variables: {
          range: {
            from: new Date(`${filters.from}T00:00:00`).toISOString(),
            to: new Date(Date.parse(`${filters.to}T00:00:00`) + DAY).toISOString(),
          },
          schoolId: filters.schoolId || null,
          // Filtered to one school, the root fields are its figures: no need to ask for every school's.
          compareSchools: !filters.schoolId,
          // District survey answers carry no school: their NPS is the district's, asked for unfiltered only.
          districtWide: !filters.schoolId,
        },
        fetchPolicy: 'network-only',
      })
      .subscribe({
        next: ({ data }) => {
          this.shown.set(filters);
          this.figures.set(data ?? null);
          this.error.set(null);
        },
        error: (error: unknown) => this.error.set(errorMessage(error, 'en')),
      });
  }

  protected readonly minutes = formatMinutes;
  protected readonly share = formatShare;

  protected downloadCsv(): void {
    const days = this.figures()?.caseMetrics.perDay ?? [];
    const channels = [...new Set(days.flatMap((day) => day.byChannel.map((count) => count.channel)))].sort();
    const csv = toCsv(
      ['day', 'total', ...channels],
      days.map((day) => [
        day.day,
        day.total,
        ...channels.map((channel) => day.byChannel.find((count) => count.channel === channel)?.count ?? 0),
      ]),
    );
    saveCsv(csv, `contacts-${this.shown().from}-to-${this.shown().to}.csv`);
  }
}

function named<Row extends { count: number }>(
  rows: readonly Row[],
  idOf: (row: Row) => string | null,
  names: ReadonlyMap<string, string>,
  none: string,
): { name: string; count: number }[] {
  return rows.map((row) => {
    const id = idOf(row);
    return { name: id ? (names.get(id) ?? id) : none, count: row.count };
  });
}

function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
