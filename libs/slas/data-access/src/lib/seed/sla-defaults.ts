import type { BusinessCalendarInput, Closure, Weekday } from '@homeroom/slas/domain';
import type { CalendarService } from '../services/calendar.service';
import type { PolicyService, SavePolicyInput } from '../services/policy.service';

const holiday = (date: string, reason: string): Closure => ({ date, reason, kind: 'HOLIDAY' });
const schoolBreak = (date: string, through: string, reason: string): Closure => ({
  date,
  through,
  reason,
  kind: 'BREAK',
});

/** The district office: Monday to Friday 7:30–16:30 Central, closed on the 2026-27 school year's holidays and breaks. */
export const DISTRICT_CALENDAR_2026_27: BusinessCalendarInput = {
  timeZone: 'America/Chicago',
  openingHours: ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({
    weekday,
    opens: '07:30',
    closes: '16:30',
  })),
  closures: [
    holiday('2026-09-07', 'Labor Day'),
    holiday('2026-10-12', "Indigenous Peoples' Day"),
    holiday('2026-11-11', 'Veterans Day'),
    schoolBreak('2026-11-25', '2026-11-27', 'Thanksgiving break'),
    schoolBreak('2026-12-21', '2027-01-01', 'Winter break'),
    holiday('2027-01-18', 'Martin Luther King Jr. Day'),
    holiday('2027-02-15', "Presidents' Day"),
    schoolBreak('2027-03-15', '2027-03-19', 'Spring break'),
    holiday('2027-03-26', 'Good Friday'),
    holiday('2027-05-31', 'Memorial Day'),
    holiday('2027-06-18', 'Juneteenth (observed)'),
    holiday('2027-07-05', 'Independence Day (observed)'),
  ],
};

export const DEFAULT_SLA_POLICIES: readonly Omit<SavePolicyInput, 'id'>[] = [
  {
    name: 'Urgent safety concern',
    position: 0,
    definition: {
      conditions: { priorities: ['URGENT'] },
      clock: 'CALENDAR',
      targets: { firstResponse: 60, resolution: 1_440 },
    },
  },
  {
    // The catch-all: no conditions, last in order. 480 business minutes = one business day.
    name: 'Standard',
    position: 1,
    definition: {
      clock: 'BUSINESS',
      targets: { firstResponse: 480, nextResponse: 480, resolution: 2_400 },
    },
  },
];

/** The district calendar and the default policies, each once (an existing one is left alone). */
export async function seedSlaDefaults(
  calendars: CalendarService,
  policies: PolicyService,
): Promise<{ calendar: boolean; policies: number }> {
  const haveCalendar = (await calendars.list()).some((calendar) => calendar.scope === 'DISTRICT');
  if (!haveCalendar) {
    await calendars.save({
      name: 'District office',
      scope: 'DISTRICT',
      definition: DISTRICT_CALENDAR_2026_27,
    });
  }
  let created = 0;
  if ((await policies.list()).length === 0) {
    for (const policy of DEFAULT_SLA_POLICIES) {
      await policies.save(policy);
      created += 1;
    }
  }
  return { calendar: !haveCalendar, policies: created };
}
