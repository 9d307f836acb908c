import { InvalidInputException } from '@homeroom/shared/errors';
import { validateCalendar, type Closure, type OpeningInterval } from './business-calendar';
import {
  addBusinessMinutes,
  addCalendarMinutes,
  businessMinutesBetween,
  calendarMinutesBetween,
  isOpen,
  nextOpening,
  openIntervalsBetween,
} from './business-time';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

/** Monday to Friday, 08:00–12:00 and 13:00–17:00 (lunch in between): a business day is 480 minutes. */
const SCHOOL_WEEK: OpeningInterval[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday: weekday as OpeningInterval['weekday'], opens: '08:00', closes: '12:00' },
  { weekday: weekday as OpeningInterval['weekday'], opens: '13:00', closes: '17:00' },
]);
const ALWAYS: OpeningInterval[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday: weekday as OpeningInterval['weekday'],
  opens: '00:00',
  closes: '24:00',
}));
const HOLIDAYS: Closure[] = [
  { date: '2026-01-19', reason: 'Martin Luther King Jr. Day', kind: 'HOLIDAY' },
  { date: '2026-12-21', through: '2027-01-01', reason: 'Winter break', kind: 'BREAK' },
];
const BUSINESS_DAY = 480;

const district = validateCalendar({
  timeZone: 'America/Chicago',
  openingHours: SCHOOL_WEEK,
  closures: HOLIDAYS,
});
const snowDay = validateCalendar({
  timeZone: 'America/Chicago',
  openingHours: SCHOOL_WEEK,
  closures: [...HOLIDAYS, { date: '2026-02-03', from: '11:00', reason: 'Snow day', kind: 'EMERGENCY' }],
});
const hotline = validateCalendar({ timeZone: 'America/Chicago', openingHours: ALWAYS });
const nightDesk = validateCalendar({
  timeZone: 'America/Chicago',
  openingHours: [{ weekday: 0, opens: '01:00', closes: '03:00' }],
});
const sydneySchool = validateCalendar({
  timeZone: 'Australia/Sydney',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({
    weekday: weekday as OpeningInterval['weekday'],
    opens: '08:30',
    closes: '16:30',
  })),
});
const sydneyHotline = validateCalendar({ timeZone: 'Australia/Sydney', openingHours: ALWAYS });

describe('addBusinessMinutes: deadlines a district would recognise', () => {
  it.each([
    // [what, calendar, start (UTC), minutes, due (UTC)]
    ['4:59 pm Friday before MLK Monday, 1 business day → 4:59 pm Tuesday', district, '2026-01-16T22:59:00Z', BUSINESS_DAY, '2026-01-20T22:59:00Z'],
    ['Saturday 10:00, 1 hour → Monday 09:00', district, '2026-01-10T16:00:00Z', 60, '2026-01-12T15:00:00Z'],
    ['Sunday night 23:30, 30 minutes → Monday 08:30', district, '2026-01-12T05:30:00Z', 30, '2026-01-12T14:30:00Z'],
    ['11:30, 1 hour, over lunch → 13:30', district, '2026-01-14T17:30:00Z', 60, '2026-01-14T19:30:00Z'],
    ['11:00, 1 hour → 12:00 exactly (a deadline at closing is the closing)', district, '2026-01-14T17:00:00Z', 60, '2026-01-14T18:00:00Z'],
    ['12:15 at lunch, 15 minutes → 13:15', district, '2026-01-14T18:15:00Z', 15, '2026-01-14T19:15:00Z'],
    ['Friday 16:00 before winter break, 1 business day → Monday 4 January 16:00', district, '2026-12-18T22:00:00Z', BUSINESS_DAY, '2027-01-04T22:00:00Z'],
    ['Monday 5 January 08:00, 15 business days (3 weeks, MLK Day inside) → Monday 26 January 17:00', district, '2026-01-05T14:00:00Z', 15 * BUSINESS_DAY, '2026-01-26T23:00:00Z'],
    ['Friday 16:00 CST before clocks spring forward, 2 hours → Monday 09:00 CDT', district, '2026-03-06T22:00:00Z', 120, '2026-03-09T14:00:00Z'],
    ['Friday 16:00 CDT before clocks fall back, 2 hours → Monday 09:00 CST', district, '2026-10-30T21:00:00Z', 120, '2026-11-02T15:00:00Z'],
    ['24 × 7 desk, midnight of the spring-forward night, 3 hours → 04:00 CDT (3 real hours)', hotline, '2026-03-08T06:00:00Z', 180, '2026-03-08T09:00:00Z'],
    ['24 × 7 desk, midnight of the fall-back night, 3 hours → 02:00 CST (3 real hours)', hotline, '2026-11-01T05:00:00Z', 180, '2026-11-01T08:00:00Z'],
    ['Sunday 01:00–03:00 desk on the spring-forward night: 60 of 61 minutes run out the next Sunday', nightDesk, '2026-03-08T07:00:00Z', 61, '2026-03-15T06:01:00Z'],
    ['Sunday 01:00–03:00 desk on the fall-back night: open 3 real hours', nightDesk, '2026-11-01T06:00:00Z', 180, '2026-11-01T09:00:00Z'],
    ['Sydney, Friday 16:00 AEDT before clocks fall back, 1 hour → Monday 09:00 AEST', sydneySchool, '2026-04-03T05:00:00Z', 60, '2026-04-05T23:00:00Z'],
    ['Sydney, Friday 16:00 AEST before clocks spring forward, 1 hour → Monday 09:00 AEDT', sydneySchool, '2026-10-02T06:00:00Z', 60, '2026-10-04T22:00:00Z'],
    ['zero minutes is the start itself, even when closed', district, '2026-01-10T16:00:00Z', 0, '2026-01-10T16:00:00Z'],
  ])('%s', (_what, calendar, start, minutes, due) => {
    expect(iso(addBusinessMinutes(calendar, at(start), minutes))).toBe(iso(at(due)));
    if (minutes > 0) expect(businessMinutesBetween(calendar, at(start), at(due))).toBe(minutes);
  }); // prettier-ignore

  it('a snow day declared at 11:00 closes the rest of the day and pushes deadlines out', () => {
    const tuesday9am = at('2026-02-03T15:00:00Z');
    expect(iso(addBusinessMinutes(district, tuesday9am, BUSINESS_DAY))).toBe('2026-02-04T15:00:00.000Z'); // Wed 09:00
    expect(iso(addBusinessMinutes(snowDay, tuesday9am, BUSINESS_DAY))).toBe('2026-02-04T21:00:00.000Z'); // Wed 15:00
    expect(isOpen(snowDay, at('2026-02-03T16:59:00Z'))).toBe(true); // 10:59
    expect(isOpen(snowDay, at('2026-02-03T17:00:00Z'))).toBe(false); // 11:00
    expect(businessMinutesBetween(snowDay, tuesday9am, at('2026-02-04T06:00:00Z'))).toBe(120);
  });

  it('counts the real length of the days the clocks change', () => {
    // Saturday 00:00 → Monday 00:00 around each change, on a desk that never closes.
    expect(businessMinutesBetween(hotline, at('2026-03-07T06:00:00Z'), at('2026-03-09T05:00:00Z'))).toBe(
      47 * 60,
    );
    expect(businessMinutesBetween(hotline, at('2026-10-31T05:00:00Z'), at('2026-11-02T06:00:00Z'))).toBe(
      49 * 60,
    );
    expect(
      businessMinutesBetween(sydneyHotline, at('2026-04-03T13:00:00Z'), at('2026-04-05T14:00:00Z')),
    ).toBe(49 * 60);
    expect(
      businessMinutesBetween(sydneyHotline, at('2026-10-02T14:00:00Z'), at('2026-10-04T13:00:00Z')),
    ).toBe(47 * 60);
    // 01:00–03:00 on the night itself: one real hour in March, three in November (01:00–02:00 happens twice).
    expect(businessMinutesBetween(nightDesk, at('2026-03-08T06:00:00Z'), at('2026-03-09T06:00:00Z'))).toBe(
      60,
    );
    expect(businessMinutesBetween(nightDesk, at('2026-11-01T05:00:00Z'), at('2026-11-02T06:00:00Z'))).toBe(
      180,
    );
    expect(isOpen(nightDesk, at('2026-11-01T06:30:00Z'))).toBe(true); // 01:30 CDT
    expect(isOpen(nightDesk, at('2026-11-01T07:30:00Z'))).toBe(true); // 01:30 CST, the second time
  });

  it('sees across a long summer break', () => {
    const summer = validateCalendar({
      timeZone: 'America/Chicago',
      openingHours: SCHOOL_WEEK,
      closures: [{ date: '2026-06-01', through: '2026-08-14', reason: 'Summer break', kind: 'BREAK' }],
    });
    // Friday 29 May 16:00 CDT, 2 hours → Monday 17 August 09:00 CDT.
    expect(iso(addBusinessMinutes(summer, at('2026-05-29T21:00:00Z'), 120))).toBe('2026-08-17T14:00:00.000Z');
  });

  it('gives up with a clear error when a calendar has no opening within three years', () => {
    const closedForever = validateCalendar({
      timeZone: 'America/Chicago',
      openingHours: SCHOOL_WEEK,
      closures: [{ date: '2026-01-01', through: '2031-12-31', reason: 'Building closed', kind: 'EMERGENCY' }],
    });
    const attempt = () => addBusinessMinutes(closedForever, at('2026-01-05T15:00:00Z'), 60);
    expect(attempt).toThrow(InvalidInputException);
    expect(attempt).toThrow(/no business hours within 1098 days/);
    expect(() => nextOpening(closedForever, at('2026-01-05T15:00:00Z'))).toThrow(InvalidInputException);
  });

  it('refuses negative or non-finite minutes and invalid instants', () => {
    expect(() => addBusinessMinutes(district, at('2026-01-05T15:00:00Z'), -1)).toThrow(InvalidInputException);
    expect(() => addBusinessMinutes(district, at('2026-01-05T15:00:00Z'), Number.NaN)).toThrow(
      InvalidInputException,
    );
    expect(() => addBusinessMinutes(district, new Date(Number.NaN), 5)).toThrow(InvalidInputException);
  });

  it('accepts a calendar that was not validated yet, validating it', () => {
    const raw = { timeZone: 'America/Chicago', openingHours: SCHOOL_WEEK, closures: HOLIDAYS };
    expect(iso(addBusinessMinutes(raw, at('2026-01-16T22:59:00Z'), BUSINESS_DAY))).toBe(
      '2026-01-20T22:59:00.000Z',
    );
    expect(() => addBusinessMinutes({ timeZone: 'Mars/Olympus', openingHours: SCHOOL_WEEK, closures: [] }, at('2026-01-16T22:59:00Z'), 1)).toThrow(InvalidInputException); // prettier-ignore
  });
});

describe('isOpen, nextOpening, openIntervalsBetween', () => {
  it.each([
    ['Monday 08:00', '2026-01-12T14:00:00Z', true],
    ['Monday 07:59', '2026-01-12T13:59:00Z', false],
    ['Monday 12:00 (lunch)', '2026-01-12T18:00:00Z', false],
    ['Monday 16:59', '2026-01-12T22:59:00Z', true],
    ['Monday 17:00', '2026-01-12T23:00:00Z', false],
    ['Saturday noon', '2026-01-10T18:00:00Z', false],
    ['MLK Day 10:00', '2026-01-19T16:00:00Z', false],
    ['New Year’s Eve, in the break', '2026-12-31T16:00:00Z', false],
  ])('%s (%s) → open: %s', (_what, instant, open) => {
    expect(isOpen(district, at(instant))).toBe(open);
  });

  it.each([
    ['open: the instant itself', '2026-01-12T15:30:00Z', '2026-01-12T15:30:00Z'],
    ['lunch → 13:00', '2026-01-12T18:30:00Z', '2026-01-12T19:00:00Z'],
    ['Friday evening before MLK Day → Tuesday 08:00', '2026-01-16T23:30:00Z', '2026-01-20T14:00:00Z'],
    ['in the winter break → Monday 4 January 08:00', '2026-12-24T16:00:00Z', '2027-01-04T14:00:00Z'],
  ])('nextOpening, %s', (_what, instant, expected) => {
    expect(iso(nextOpening(district, at(instant)))).toBe(iso(at(expected)));
  });

  it('lists the open intervals of a span', () => {
    const intervals = openIntervalsBetween(district, at('2026-01-16T17:30:00Z'), at('2026-01-20T15:00:00Z'));
    expect(intervals.map(({ from, to }) => [iso(from), iso(to)])).toEqual([
      ['2026-01-16T17:30:00.000Z', '2026-01-16T18:00:00.000Z'],
      ['2026-01-16T19:00:00.000Z', '2026-01-16T23:00:00.000Z'],
      ['2026-01-20T14:00:00.000Z', '2026-01-20T15:00:00.000Z'],
    ]);
  });
});

describe('calendar minutes run on the clock', () => {
  it('ignores hours, weekends and closures', () => {
    const friday = at('2026-01-16T22:59:00Z');
    expect(iso(addCalendarMinutes(friday, 24 * 60))).toBe('2026-01-17T22:59:00.000Z');
    expect(calendarMinutesBetween(friday, at('2026-01-20T22:59:00Z'))).toBe(4 * 24 * 60);
  });

  it('adds real minutes: a day after midnight of the spring-forward night is 01:00', () => {
    expect(iso(addCalendarMinutes(at('2026-03-08T06:00:00Z'), 24 * 60))).toBe('2026-03-09T06:00:00.000Z'); // 01:00 CDT
  });
});

describe('businessMinutesBetween', () => {
  it('is 0 for an empty span, negative for a reversed one, fractional for part minutes', () => {
    const monday = at('2026-01-12T15:00:00Z');
    expect(businessMinutesBetween(district, monday, monday)).toBe(0);
    expect(businessMinutesBetween(district, monday, at('2026-01-12T14:00:00Z'))).toBe(-60);
    expect(businessMinutesBetween(district, monday, at('2026-01-12T15:00:30Z'))).toBe(0.5);
  });

  it('counts a school year of business days', () => {
    // 2026: 261 weekdays, minus MLK Day, minus the 9 weekdays of winter break that fall in 2026.
    const minutes = businessMinutesBetween(district, at('2026-01-01T06:00:00Z'), at('2027-01-01T06:00:00Z'));
    expect(minutes).toBe((261 - 1 - 9) * BUSINESS_DAY);
  });
});
