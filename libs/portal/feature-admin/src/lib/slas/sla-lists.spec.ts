import { calendarRow, calendarScopeText, districtCalendarOf, policyRow, sortCalendars } from './sla-lists';

const schoolNames = new Map([['s1', 'Lincoln Elementary']]);
const calendar = {
  id: 'c1',
  name: 'Lincoln',
  scope: 'SCHOOL' as const,
  schoolId: 's1',
  version: 1,
  timeZone: 'America/Chicago',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '16:00' })),
  closures: [
    {
      date: '2026-12-21',
      through: '2027-01-01',
      from: null,
      to: null,
      kind: 'BREAK' as const,
      reason: 'Winter',
    },
    {
      date: '2026-09-07',
      through: null,
      from: null,
      to: null,
      kind: 'HOLIDAY' as const,
      reason: 'Labor Day',
    },
  ],
};

describe('the calendar list', () => {
  it("puts the district's calendar first, then the others by name", () => {
    const calendars = [
      { name: 'Oak', scope: 'SCHOOL' as const },
      { name: 'District', scope: 'DISTRICT' as const },
      { name: 'Lincoln', scope: 'SCHOOL' as const },
    ];
    expect(sortCalendars(calendars).map((each) => each.name)).toEqual(['District', 'Lincoln', 'Oak']);
    expect(districtCalendarOf(calendars)?.name).toBe('District');
    expect(districtCalendarOf(calendars.filter((each) => each.scope === 'SCHOOL'))).toBeUndefined();
  });

  it('says whose calendar it is', () => {
    expect(calendarScopeText({ scope: 'SCHOOL', schoolId: 's1' }, schoolNames)).toBe(
      'School calendar: Lincoln Elementary',
    );
    expect(calendarScopeText({ scope: 'SCHOOL', schoolId: 'gone' }, schoolNames)).toBe(
      'School calendar: a school no longer listed',
    );
    expect(calendarScopeText({ scope: 'DEPARTMENT', schoolId: null }, schoolNames)).toBe(
      'Department calendar',
    );
  });

  it('shows the week and the closures in date order, in words', () => {
    const row = calendarRow(calendar, schoolNames);
    expect(row.week).toBe('Mon–Fri 08:00–16:00');
    expect(row.closures.map((closure) => [closure.when, closure.kindName])).toEqual([
      ['Mon 2026-09-07, all day', 'Holiday'],
      ['Mon 2026-12-21 to Fri 2027-01-01', 'Break'],
    ]);
  });
});

describe('the policy list', () => {
  it('shows targets on the policy’s clock and the statuses it pauses in', () => {
    const conditions = {
      priorities: ['URGENT'],
      channels: [],
      requesterKinds: [],
      schoolIds: [],
      topicIds: [],
    };
    const policy = {
      id: 'p1',
      name: 'Urgent',
      position: 1,
      active: true,
      clock: 'BUSINESS' as const,
      warnAtPercent: 75,
      pausedStatuses: [],
      conditions,
      targets: { firstResponse: 60, nextResponse: null, resolution: 960 },
    };
    const names = { schools: schoolNames, topics: new Map<string, string>() };
    const row = policyRow(policy, names, 480);
    expect(row.when).toBe('priority Urgent');
    expect(row.targetTexts).toEqual([
      { name: 'First response', text: '1 business hour' },
      { name: 'Next response', text: 'none' },
      { name: 'Resolution', text: '2 business days' },
    ]);
    expect(row.pausedText).toBe('never');
    expect(policyRow({ ...policy, pausedStatuses: ['PENDING', 'ON_HOLD'] }, names, 480).pausedText).toBe(
      'Pending, On hold',
    );
  });
});
