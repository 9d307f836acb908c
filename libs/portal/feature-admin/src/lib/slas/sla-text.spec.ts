import {
  calendarForm,
  calendarInput,
  closureFromForm,
  describeClosure,
  describeDuration,
  describePolicyConditions,
  describeTarget,
  describeWeek,
  newCalendarForm,
  newPolicyForm,
  parseDayHours,
  policyForm,
  policyInput,
  splitMinutes,
  toMinutes,
  todayIn,
  typicalBusinessDay,
  type PolicyForm,
} from './sla-text';

const weekdays = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

describe('weekly hours', () => {
  it('reads a day of hours, lunch break included, and says what is wrong otherwise', () => {
    expect(parseDayHours(1, '13:00-16:30, 7:30 – 12:00')).toEqual({
      intervals: [
        { weekday: 1, opens: '07:30', closes: '12:00' },
        { weekday: 1, opens: '13:00', closes: '16:30' },
      ],
    });
    expect(parseDayHours(0, '  ')).toEqual({ intervals: [] });
    expect(parseDayHours(2, '9-5')).toEqual({
      problem: 'Tuesday: write hours like 07:30-16:30 ("9-5" is not).',
    });
    expect(parseDayHours(3, '16:00-08:00')).toEqual({
      problem: 'Wednesday: 16:00-08:00 closes before it opens.',
    });
    expect(parseDayHours(4, '08:00-12:00, 11:00-15:00')).toEqual({ problem: 'Thursday: the hours overlap.' });
    expect(parseDayHours(5, '00:00-24:00')).toEqual({
      intervals: [{ weekday: 5, opens: '00:00', closes: '24:00' }],
    });
  });

  it('groups consecutive days with the same hours, Monday first', () => {
    expect(
      describeWeek([...weekdays('07:30', '16:30'), { weekday: 6, opens: '09:00', closes: '12:00' }]),
    ).toBe('Mon–Fri 07:30–16:30; Sat 09:00–12:00');
    expect(
      describeWeek([
        { weekday: 1, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '13:00', closes: '17:00' },
        { weekday: 3, opens: '08:00', closes: '12:00' },
        { weekday: 3, opens: '13:00', closes: '17:00' },
      ]),
    ).toBe('Mon 08:00–12:00, 13:00–17:00; Wed 08:00–12:00, 13:00–17:00');
    expect(describeWeek([])).toBe('Never open');
  });

  it('takes the usual open day as the business day', () => {
    expect(
      typicalBusinessDay([...weekdays('07:30', '16:30'), { weekday: 6, opens: '09:00', closes: '12:00' }]),
    ).toBe(540);
    expect(typicalBusinessDay([])).toBe(480);
  });
});

describe('targets in words and back', () => {
  it('turns minutes into business days on the business clock, wall time otherwise', () => {
    expect(describeDuration(960, 'BUSINESS', 480)).toBe('2 business days');
    expect(describeDuration(720, 'BUSINESS', 480)).toBe('1 business day 4 hours');
    expect(describeDuration(480, 'BUSINESS', 540)).toBe('8 business hours');
    expect(describeDuration(45, 'BUSINESS', 480)).toBe('45 business minutes');
    expect(describeDuration(1_440, 'CALENDAR', 480)).toBe('1 day');
    expect(describeDuration(90, 'CALENDAR', 480)).toBe('1 hour 30 minutes');
    expect(describeDuration(null, 'CALENDAR', 480)).toBe('none');
  });

  it('converts what is typed into minutes, a day being the business day on that clock', () => {
    expect(toMinutes(2, 'DAYS', 'BUSINESS', 540)).toBe(1_080);
    expect(toMinutes(2, 'DAYS', 'CALENDAR', 540)).toBe(2_880);
    expect(toMinutes(1.5, 'HOURS', 'BUSINESS', 540)).toBe(90);
    expect(toMinutes(null, 'HOURS', 'BUSINESS', 540)).toBeNull();
    expect(splitMinutes(1_080, 'BUSINESS', 540)).toEqual({ amount: 2, unit: 'DAYS' });
    expect(splitMinutes(120, 'BUSINESS', 540)).toEqual({ amount: 2, unit: 'HOURS' });
    expect(splitMinutes(45, 'CALENDAR', 540)).toEqual({ amount: 45, unit: 'MINUTES' });
  });

  it('says what an amount typed comes to, and that none sets no target', () => {
    expect(describeTarget(2, 'DAYS', 'BUSINESS', 480)).toBe(
      '2 business days, 960 minutes on the business clock.',
    );
    expect(describeTarget(90, 'MINUTES', 'CALENDAR', 480)).toBe(
      '1 hour 30 minutes, 90 minutes on the wall clock.',
    );
    expect(describeTarget(null, 'HOURS', 'BUSINESS', 480)).toBe('No target: no timer of this kind.');
  });
});

describe('closures', () => {
  const form = {
    date: '2026-02-03',
    through: '',
    from: '',
    to: '',
    kind: 'EMERGENCY' as const,
    reason: ' Snow ',
  };

  it('sends only what was filled in', () => {
    expect(closureFromForm({ ...form, from: '11:00' })).toEqual({
      closure: { date: '2026-02-03', from: '11:00', kind: 'EMERGENCY', reason: 'Snow' },
    });
    expect(closureFromForm({ ...form, through: '2026-02-05', kind: 'BREAK' })).toEqual({
      closure: { date: '2026-02-03', through: '2026-02-05', kind: 'BREAK', reason: 'Snow' },
    });
  });

  it('refuses a closure that ends before it starts or has no reason', () => {
    expect(closureFromForm({ ...form, from: '11:00', to: '10:00' })).toEqual({
      problem: 'The closure ends before it starts.',
    });
    expect(closureFromForm({ ...form, through: '2026-02-01' })).toEqual({
      problem: 'The last day is before the first.',
    });
    expect(closureFromForm({ ...form, reason: ' ' })).toEqual({
      problem: 'Say why the district is closed (families may see it).',
    });
    expect(closureFromForm({ ...form, date: '' })).toEqual({ problem: 'Choose the day the closure starts.' });
  });

  it('refuses a day that does not exist, as the SLA service does', () => {
    expect(closureFromForm({ ...form, date: '2026-02-30' })).toEqual({
      problem: 'Choose the day the closure starts.',
    });
    expect(closureFromForm({ ...form, through: '2026-02-31' })).toEqual({
      problem: 'The last day is not a date.',
    });
  });

  it('says when a closure runs', () => {
    expect(describeClosure({ date: '2026-09-07', through: null, from: null, to: null })).toBe(
      'Mon 2026-09-07, all day',
    );
    expect(describeClosure({ date: '2026-02-03', through: null, from: '11:00', to: null })).toBe(
      'Tue 2026-02-03 from 11:00',
    );
    expect(describeClosure({ date: '2026-12-21', through: '2027-01-01', from: null, to: null })).toBe(
      'Mon 2026-12-21 to Fri 2027-01-01',
    );
  });

  it("declares today in the calendar's own time zone", () => {
    // 03:00 UTC on the 4th is still the evening of the 3rd in Chicago.
    expect(todayIn('America/Chicago', new Date('2026-02-04T03:00:00Z'))).toBe('2026-02-03');
  });
});

describe('calendar editor', () => {
  const saved = {
    id: 'cal1',
    name: 'District office',
    scope: 'DISTRICT' as const,
    schoolId: null,
    timeZone: 'America/Chicago',
    version: 3,
    openingHours: weekdays('07:30', '16:30'),
    closures: [
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

  it("starts a new calendar from the district's, or as the district's own", () => {
    const district = { timeZone: 'America/Denver', openingHours: weekdays('08:00', '15:00') };
    expect(newCalendarForm(district, 'America/Chicago')).toMatchObject({
      id: null,
      scope: 'SCHOOL',
      timeZone: 'America/Denver',
      dayHours: ['', '08:00-15:00', '08:00-15:00', '08:00-15:00', '08:00-15:00', '08:00-15:00', ''],
    });
    expect(newCalendarForm(undefined, null)).toMatchObject({
      scope: 'DISTRICT',
      timeZone: 'America/Chicago',
      dayHours: ['', '07:30-16:30', '07:30-16:30', '07:30-16:30', '07:30-16:30', '07:30-16:30', ''],
    });
  });

  it('round-trips a saved calendar, closures kept', () => {
    const result = calendarInput(calendarForm(saved));
    expect(result).toEqual({
      input: {
        id: 'cal1',
        name: 'District office',
        scope: 'DISTRICT',
        schoolId: null,
        timeZone: 'America/Chicago',
        openingHours: saved.openingHours,
        closures: [{ date: '2026-09-07', kind: 'HOLIDAY', reason: 'Labor Day' }],
      },
    });
  });

  it('lists every problem', () => {
    const form = { ...calendarForm(saved), name: ' ', timeZone: 'Mars/Base', scope: 'SCHOOL' as const };
    expect(calendarInput(form)).toEqual({
      problems: [
        'Give the calendar a name.',
        '"Mars/Base" is not a time zone such as America/Chicago.',
        'Choose the school this calendar is for.',
      ],
    });
    const lincoln = { id: 'cal2', name: 'Lincoln', scope: 'SCHOOL' as const, schoolId: 's1' };
    expect(calendarInput({ ...calendarForm(saved), id: null }, [saved, lincoln])).toEqual({
      problems: ['The district already has a calendar (District office): edit that one.'],
    });
    expect(
      calendarInput({ ...calendarForm(saved), id: null, scope: 'SCHOOL', schoolId: 's1' }, [saved, lincoln]),
    ).toEqual({
      problems: ['This school already has a calendar (Lincoln): edit that one.'],
    });
    expect('input' in calendarInput(calendarForm(saved), [saved, lincoln])).toBe(true);
    expect(calendarInput({ ...calendarForm(saved), dayHours: ['', '', '', '', '', '', ''] })).toEqual({
      problems: ['Give at least one day opening hours.'],
    });
  });
});

describe('policies', () => {
  const names = { schools: new Map([['s1', 'Lincoln Elementary']]), topics: new Map([['t1', 'Bus delay']]) };
  const conditions = { priorities: [], channels: [], requesterKinds: [], schoolIds: [], topicIds: [] };
  const saved = {
    id: 'p1',
    name: 'Standard',
    position: 1,
    active: true,
    clock: 'BUSINESS' as const,
    warnAtPercent: 75,
    pausedStatuses: ['PENDING', 'ON_HOLD'],
    conditions,
    targets: { firstResponse: 540, nextResponse: null, resolution: 2_700 },
  };

  it('starts a new policy active, on the business clock, paused while waiting, with no targets', () => {
    expect(newPolicyForm()).toMatchObject({
      id: null,
      active: true,
      clock: 'BUSINESS',
      warnAtPercent: 75,
      pausedStatuses: ['PENDING', 'ON_HOLD'],
      priorities: [],
      targets: { firstResponse: { amount: null, unit: 'HOURS' } },
    });
  });

  it("describes conditions by name, in people's words", () => {
    expect(
      describePolicyConditions(
        { ...conditions, priorities: ['URGENT'], schoolIds: ['s1', 'gone'], topicIds: ['t1'] },
        names,
      ),
    ).toBe('priority Urgent; school Lincoln Elementary or unknown; topic Bus delay');
    expect(
      describePolicyConditions(
        { ...conditions, channels: ['WEB_FORM', 'PHONE'], requesterKinds: ['GUARDIAN'] },
        names,
      ),
    ).toBe('channel Web form or Phone; requester Guardian');
    expect(describePolicyConditions(conditions, names)).toBe('Every case');
  });

  it('edits a saved policy in business days and saves it in minutes', () => {
    const form = policyForm(saved, 540);
    expect(form.targets).toEqual({
      firstResponse: { amount: 1, unit: 'DAYS' },
      nextResponse: { amount: null, unit: 'HOURS' },
      resolution: { amount: 5, unit: 'DAYS' },
    });
    expect(policyInput(form, 540)).toEqual({
      input: {
        id: 'p1',
        name: 'Standard',
        position: 1,
        active: true,
        clock: 'BUSINESS',
        warnAtPercent: 75,
        pausedStatuses: ['PENDING', 'ON_HOLD'],
        conditions,
        targets: { firstResponse: 540, resolution: 2_700 },
      },
    });
  });

  it('refuses a policy without targets, with a bad threshold or an out-of-range target', () => {
    const empty: PolicyForm = {
      ...policyForm(saved, 540),
      targets: {
        firstResponse: { amount: null, unit: 'HOURS' },
        nextResponse: { amount: null, unit: 'HOURS' },
        resolution: { amount: null, unit: 'HOURS' },
      },
    };
    expect(policyInput(empty, 540)).toEqual({
      problems: ['Set at least one target: first response, next response or resolution.'],
    });
    expect(
      policyInput(
        {
          ...policyForm(saved, 540),
          warnAtPercent: 100,
          targets: { ...empty.targets, resolution: { amount: 0, unit: 'DAYS' } },
        },
        540,
      ),
    ).toEqual({
      problems: [
        'Resolution: a target is between 1 minute and a year.',
        'The warning comes at a whole percentage of the target, 1 to 99.',
      ],
    });
  });
});
