import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { watchQuery } from '@homeroom/portal/data-access';
import { AdminSlasDocument } from '../operations.generated';
import { SlaCalendarsComponent } from './sla-calendars.component';
import { districtCalendarOf, sortCalendars } from './sla-lists';
import { SlaPoliciesComponent } from './sla-policies.component';
import { typicalBusinessDay } from './calendar-form';

/**
 * SLA calendars and policies. Calendars say when the business clock runs (the district's, and a school's
 * own where it keeps other hours): weekly hours in their time zone minus holidays, breaks and closures,
 * including a snow day declared at short notice. Policies say which promise a case is held to (the first
 * active one whose conditions it meets): targets for first response, next response and resolution on
 * the business clock or around the clock, when to warn, and in which statuses the clock stops. District
 * administrators create, edit and delete both.
 */
@Component({
  selector: 'hr-slas-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SlaCalendarsComponent, SlaPoliciesComponent],
  template: `
    <h1>SLA calendars and policies</h1>
    <p class="hint">
      Policies set how fast the district answers and resolves a case; calendars say when the business clock
      runs.
    </p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading calendars and policies…</p>
    }

    <hr-sla-calendars
      [calendars]="calendars()"
      [schools]="schools()"
      [districtTimeZone]="districtTimeZone()"
      [loading]="loading()"
      [(busy)]="busy"
    />
    <hr-sla-policies
      [policies]="policies()"
      [schools]="schools()"
      [topics]="topics()"
      [businessDay]="businessDay()"
      [loading]="loading()"
      [(busy)]="busy"
    />
  `,
})
export class SlasPageComponent {
  private readonly query = watchQuery(AdminSlasDocument);
  private readonly data = this.query.data;
  protected readonly loadError = this.query.error;
  protected readonly loading = this.query.loading;
  /** True while a change runs anywhere on the page: every change button waits for it. */
  protected readonly busy = signal(false);

  /** The saved calendars, the district's first; null until they are known. */
  protected readonly calendars = computed(() => {
    const data = this.data();
    return data ? sortCalendars(data.businessCalendars) : null;
  });
  protected readonly policies = computed(() => this.data()?.slaPolicies ?? []);
  protected readonly schools = computed(() => this.data()?.schools.edges.map((edge) => edge.node) ?? []);
  protected readonly topics = computed(() =>
    [...(this.data()?.topics ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly districtTimeZone = computed(() => this.data()?.district?.timeZone ?? null);
  /** Business minutes in a "business day": the district calendar's usual open day. */
  protected readonly businessDay = computed(() =>
    typicalBusinessDay(districtCalendarOf(this.calendars() ?? [])?.openingHours ?? []),
  );
}
