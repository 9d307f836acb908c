import {
  calendarForm,
  calendarInput,
  describeWeek,
  newCalendarForm,
  parseDayHours,
  todayIn,
  typicalBusinessDay,
} from './calendar-form';

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

  it('lets one interval open as the one before closes, as the SLA service does', () => {
    expect(parseDayHours(1, '12:00-13:00, 08:00-12:00, 11:59-12:00')).toEqual({
      problem: 'Monday: the hours overlap.',
    });
    expect(parseDayHours(1, '12:00-13:00, 08:00-12:00')).toEqual({
      intervals: [
        { weekday: 1, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '12:00', closes: '13:00' },
      ],
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

describe("the calendar's own day", () => {
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
