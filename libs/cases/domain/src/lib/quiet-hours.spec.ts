import { validateCalendar, type OpeningInterval } from '@homeroom/shared/calendar';
import { parseQuietHours, parseQuietHoursRule, quietUntil, textHeldUntil } from './quiet-hours';

const CHICAGO = 'America/Chicago';

describe('quiet hours', () => {
  it('reads a window, across midnight or not, and none', () => {
    expect(parseQuietHours('21:00-08:00')).toEqual({ start: 21 * 60, end: 8 * 60 });
    expect(parseQuietHours(' 12:30 - 13:15 ')).toEqual({ start: 12 * 60 + 30, end: 13 * 60 + 15 });
    expect(parseQuietHours('')).toBeNull();
  });

  it.each(['21:00', '9pm-8am', '21:00-08:00-09:00', '24:00-08:00', '08:00-08:00', '8:00-9:00'])(
    'refuses %j',
    (value) => {
      expect(() => parseQuietHours(value)).toThrow(
        expect.objectContaining({ reason: 'INVALID_QUIET_HOURS' }),
      );
    },
  );

  const night = parseQuietHours('21:00-08:00')!;

  it('holds a text at night until the window ends, in the district time', () => {
    // 22:30 in Chicago (CST, UTC-6) on a December night: held until 08:00, 9.5 hours later.
    expect(quietUntil(new Date('2026-12-08T04:30:00Z'), night, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    // 06:15 the next morning: until 08:00.
    expect(quietUntil(new Date('2026-12-08T12:15:42Z'), night, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    // Exactly at the start, it is quiet; exactly at the end, it is not.
    expect(quietUntil(new Date('2026-12-08T03:00:00Z'), night, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    expect(quietUntil(new Date('2026-12-08T14:00:00Z'), night, CHICAGO)).toBeNull();
  });

  it('lets a text go in the day', () => {
    expect(quietUntil(new Date('2026-12-08T18:00:00Z'), night, CHICAGO)).toBeNull();
    // 20:59 Chicago.
    expect(quietUntil(new Date('2026-12-08T02:59:00Z'), night, CHICAGO)).toBeNull();
  });

  it('reads the window in the district time zone, not the server one', () => {
    // 04:30 UTC is 22:30 in Chicago (quiet) but 05:30 in Paris (quiet too, until 08:00 there).
    expect(quietUntil(new Date('2026-12-08T04:30:00Z'), night, 'Europe/Paris')).toEqual(
      new Date('2026-12-08T07:00:00Z'),
    );
    // 16:00 UTC: 10:00 in Chicago, 17:00 in Paris, 01:00 in Tokyo.
    expect(quietUntil(new Date('2026-12-08T16:00:00Z'), night, CHICAGO)).toBeNull();
    expect(quietUntil(new Date('2026-12-08T16:00:00Z'), night, 'Asia/Tokyo')).toEqual(
      new Date('2026-12-08T23:00:00Z'),
    );
  });

  it('keeps a window within one day', () => {
    const lunch = parseQuietHours('12:00-13:00')!;
    expect(quietUntil(new Date('2026-12-08T18:30:00Z'), lunch, CHICAGO)).toEqual(
      new Date('2026-12-08T19:00:00Z'),
    );
    expect(quietUntil(new Date('2026-12-08T19:00:00Z'), lunch, CHICAGO)).toBeNull();
  });
});

/** A district open Monday to Friday, 07:30–16:30 Chicago time, closed for Martin Luther King Jr. Day. */
const district = validateCalendar({
  timeZone: CHICAGO,
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({
    weekday: weekday as OpeningInterval['weekday'],
    opens: '07:30',
    closes: '16:30',
  })),
  closures: [{ date: '2026-01-19', reason: 'Martin Luther King Jr. Day', kind: 'HOLIDAY' }],
});

describe('quiet hours by the business calendar', () => {
  const byCalendar = parseQuietHoursRule('calendar')!;

  it('reads "calendar", a window, or nothing', () => {
    expect(parseQuietHoursRule(' Calendar ')).toEqual({ kind: 'CALENDAR' });
    expect(parseQuietHoursRule('21:00-08:00')).toEqual({ kind: 'WINDOW', window: { start: 1260, end: 480 } });
    expect(parseQuietHoursRule('')).toBeNull();
    expect(() => parseQuietHoursRule('calendars')).toThrow(
      expect.objectContaining({ reason: 'INVALID_QUIET_HOURS' }),
    );
  });

  it.each([
    ['Friday 4:29 pm, open: at once', '2026-01-16T22:29:00Z', null],
    [
      'Friday 4:59 pm, past closing: after the weekend and the holiday Monday',
      '2026-01-16T22:59:00Z',
      '2026-01-20T13:30:00.000Z',
    ],
    ['Saturday noon: Monday at opening', '2026-01-24T18:00:00Z', '2026-01-26T13:30:00.000Z'],
    ['Wednesday 6 am: that morning at opening', '2026-01-21T12:00:00Z', '2026-01-21T13:30:00.000Z'],
    [
      'Saturday evening before the clocks go forward: Monday 7:30 CDT',
      '2026-03-08T02:00:00Z',
      '2026-03-09T12:30:00.000Z',
    ],
  ])('%s', (_, now, until) => {
    expect(textHeldUntil(new Date(now), byCalendar, district, CHICAGO)?.toISOString() ?? null).toBe(until);
  });

  it('without a calendar, still keeps the night: 21:00-08:00 in the district time', () => {
    // 22:30 Chicago: until 08:00; a Saturday at 10:00: at once (no calendar says the weekend is closed).
    expect(textHeldUntil(new Date('2026-12-08T04:30:00Z'), byCalendar, null, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    expect(textHeldUntil(new Date('2026-12-12T16:00:00Z'), byCalendar, null, CHICAGO)).toBeNull();
  });

  it("reads a calendar in its own zone, not the district's", () => {
    const honolulu = validateCalendar({ ...district, timeZone: 'Pacific/Honolulu', closures: [] });
    // Wednesday 2026-01-21 18:00Z: 12:00 in Chicago, 08:00 in Honolulu: both open.
    expect(textHeldUntil(new Date('2026-01-21T18:00:00Z'), byCalendar, honolulu, CHICAGO)).toBeNull();
    // 17:00Z: 07:00 in Honolulu, closed until 07:30 there (17:30Z), though Chicago is open.
    expect(textHeldUntil(new Date('2026-01-21T17:00:00Z'), byCalendar, honolulu, CHICAGO)).toEqual(
      new Date('2026-01-21T17:30:00Z'),
    );
  });

  it('falls back to the night when the calendar does not open again within its horizon', () => {
    const closedForYears = validateCalendar({
      ...district,
      closures: [{ date: '2026-01-01', through: '2031-12-31', reason: 'Closed', kind: 'BREAK' }],
    });
    expect(textHeldUntil(new Date('2026-12-08T04:30:00Z'), byCalendar, closedForYears, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    expect(textHeldUntil(new Date('2026-12-08T18:00:00Z'), byCalendar, closedForYears, CHICAGO)).toBeNull();
  });

  it('a window ignores the calendar', () => {
    const night = parseQuietHoursRule('21:00-08:00')!;
    // Saturday noon: the calendar is closed, the window is not.
    expect(textHeldUntil(new Date('2026-01-24T18:00:00Z'), night, district, CHICAGO)).toBeNull();
  });
});
