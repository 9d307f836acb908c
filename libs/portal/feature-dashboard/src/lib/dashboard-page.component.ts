import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo, gql } from 'apollo-angular';
import { errorMessage } from '@homeroom/portal/data-access';
import { toCsv } from '@homeroom/shared/csv';

/** One gateway request feeds the whole page: cases, SLAs and surveys joined at the gateway. */
const DASHBOARD = gql`
  query Dashboard($range: DateRangeInput!, $schoolId: ID) {
    caseMetrics(range: $range, schoolId: $schoolId) {
      total
      backlog
      resolved
      reopenRate
      firstResponse {
        medianMinutes
        p90Minutes
      }
      resolution {
        medianMinutes
      }
      perDay {
        day
        total
        byChannel {
          channel
          count
        }
      }
      bySchool {
        schoolId
        count
      }
      byTopic {
        topicId
        count
      }
    }
    slaAttainment(range: $range, schoolId: $schoolId) {
      cases
      breaches
      byKind {
        kind
        met
        total
        metShare
      }
    }
    satisfaction(range: $range, schoolId: $schoolId) {
      invitations
      responses
      responseRate
      csatMean
      suppressed
    }
    schools(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    topics {
      id
      name
    }
  }
`;

interface Dashboard {
  caseMetrics: {
    total: number;
    backlog: number;
    resolved: number;
    reopenRate: number | null;
    firstResponse: { medianMinutes: number | null; p90Minutes: number | null };
    resolution: { medianMinutes: number | null };
    perDay: { day: string; total: number; byChannel: { channel: string; count: number }[] }[];
    bySchool: { schoolId: string | null; count: number }[];
    byTopic: { topicId: string | null; count: number }[];
  };
  slaAttainment: {
    cases: number;
    breaches: number;
    byKind: { kind: string; met: number; total: number; metShare: number | null }[];
  };
  satisfaction: {
    invitations: number;
    responses: number;
    responseRate: number | null;
    csatMean: number | null;
    suppressed: boolean;
  };
  schools: { edges: { node: { id: string; name: string } }[] };
  topics: { id: string; name: string }[];
}

const DAY = 86_400_000;

/** The district's numbers at a glance: contacts, response times, SLA attainment, satisfaction. */
@Component({
  selector: 'hr-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, PercentPipe, FormsModule, RouterLink],
  template: `
    <header class="bar">
      <strong>Homeroom</strong>
      <nav aria-label="Workspace">
        <a routerLink="/inbox">Inbox</a> <a routerLink="/dashboard" aria-current="page">Dashboard</a>
      </nav>
    </header>
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
            <span class="value" data-testid="kpi-sla">{{ share(firstResponseShare()) }}</span>
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
      } @else if (!error()) {
        <p aria-live="polite">Loading figures…</p>
      }
    </main>
  `,
})
export class DashboardPageComponent {
  private readonly apollo = inject(Apollo);
  protected readonly figures = signal<Dashboard | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly schools = computed(() => this.figures()?.schools.edges.map((edge) => edge.node) ?? []);
  protected from = isoDay(Date.now() - 29 * DAY);
  protected to = isoDay(Date.now());
  protected schoolId = '';

  protected readonly firstResponseShare = computed(
    () =>
      this.figures()?.slaAttainment.byKind.find((kind) => kind.kind === 'FIRST_RESPONSE')?.metShare ?? null,
  );
  /** Contacts by school and by topic, with names instead of ids. */
  protected readonly breakdowns = computed(() => {
    const data = this.figures();
    const schools = new Map(this.schools().map((school) => [school.id, school.name]));
    const topics = new Map((data?.topics ?? []).map((topic) => [topic.id, topic.name]));
    return [
      {
        id: 'by-school',
        title: 'By school',
        label: 'School',
        rows: named(data?.caseMetrics.bySchool ?? [], (row) => row.schoolId, schools, 'District office'),
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
    this.apollo
      .query<Dashboard>({
        query: DASHBOARD,
        variables: {
          range: {
            from: new Date(`${this.from}T00:00:00`).toISOString(),
            to: new Date(Date.parse(`${this.to}T00:00:00`) + DAY).toISOString(),
          },
          schoolId: this.schoolId || null,
        },
        fetchPolicy: 'network-only',
      })
      .subscribe({
        next: ({ data }) => {
          this.figures.set((data as Dashboard | undefined) ?? null);
          this.error.set(null);
        },
        error: (error: unknown) => this.error.set(errorMessage(error, 'en')),
      });
  }

  protected minutes(value: number | null): string {
    if (value === null) return '—';
    return value < 60 ? `${Math.round(value)} min` : `${(value / 60).toFixed(1)} h`;
  }

  protected share(value: number | null): string {
    return value === null ? '—' : `${Math.round(value * 100)}%`;
  }

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
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `contacts-${this.from}-to-${this.to}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
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
