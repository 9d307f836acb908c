import { InvalidInputException } from '@homeroom/shared/errors';
import { validateCalendar, type BusinessCalendarInput } from './business-calendar';

const WEEKDAY_HOURS = [
  { weekday: 1, opens: '08:00', closes: '16:00' },
] as BusinessCalendarInput['openingHours'];

function refusal(input: unknown): { reason?: string; details: readonly { path: string }[] } {
  try {
    validateCalendar(input as BusinessCalendarInput);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputException);
    const { reason, details } = error as InvalidInputException;
    return { reason, details: details ?? [] };
  }
  throw new Error('expected a refusal');
}

describe('validateCalendar', () => {
  it('normalizes: canonical zone, hours sorted, default-valued closure fields dropped, frozen', () => {
    const calendar = validateCalendar({
      timeZone: 'US/Central',
      openingHours: [
        { weekday: 2, opens: '13:00', closes: '17:00' },
        { weekday: 2, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '08:00', closes: '24:00' },
      ],
      closures: [
        { date: '2026-12-21', through: '2027-01-01', reason: ' Winter break ', kind: 'BREAK' },
        { date: '2026-02-03', from: '11:00', to: '24:00', reason: 'Snow day', kind: 'EMERGENCY' },
      ],
    });
    expect(calendar.timeZone).toBe('America/Chicago');
    expect(calendar.openingHours.map(({ weekday, opens }) => `${weekday} ${opens}`)).toEqual([
      '1 08:00',
      '2 08:00',
      '2 13:00',
    ]);
    expect(calendar.closures).toEqual([
      { date: '2026-02-03', from: '11:00', reason: 'Snow day', kind: 'EMERGENCY' },
      { date: '2026-12-21', through: '2027-01-01', reason: 'Winter break', kind: 'BREAK' },
    ]);
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.openingHours)).toBe(true);
  });

  it('allows touching intervals (08:00–12:00, 12:00–16:00)', () => {
    expect(() =>
      validateCalendar({
        timeZone: 'UTC',
        openingHours: [
          { weekday: 1, opens: '08:00', closes: '12:00' },
          { weekday: 1, opens: '12:00', closes: '16:00' },
        ],
      }),
    ).not.toThrow();
  });

  it.each([
    ['an unknown zone', { timeZone: 'America/Springfield', openingHours: WEEKDAY_HOURS }, 'UNKNOWN_TIME_ZONE', 'timeZone'],
    ['no zone', { openingHours: WEEKDAY_HOURS }, 'UNKNOWN_TIME_ZONE', 'timeZone'],
    ['no hours', { timeZone: 'UTC', openingHours: [] }, 'NO_OPENING_HOURS', 'openingHours'],
    ['closing before opening', { timeZone: 'UTC', openingHours: [{ weekday: 1, opens: '16:00', closes: '08:00' }] }, 'INVERTED_HOURS', 'openingHours.0'],
    ['an empty interval', { timeZone: 'UTC', openingHours: [{ weekday: 1, opens: '08:00', closes: '08:00' }] }, 'INVERTED_HOURS', 'openingHours.0'],
    ['overlapping intervals', { timeZone: 'UTC', openingHours: [{ weekday: 3, opens: '08:00', closes: '12:30' }, { weekday: 3, opens: '12:00', closes: '16:00' }] }, 'OVERLAPPING_HOURS', 'openingHours'],
    ['25:00', { timeZone: 'UTC', openingHours: [{ weekday: 1, opens: '08:00', closes: '25:00' }] }, 'INVALID_TIME', 'openingHours.0.closes'],
    ['8:00 without a leading zero', { timeZone: 'UTC', openingHours: [{ weekday: 1, opens: '8:00', closes: '12:00' }] }, 'INVALID_TIME', 'openingHours.0.opens'],
    ['opening at 24:00', { timeZone: 'UTC', openingHours: [{ weekday: 1, opens: '24:00', closes: '24:00' }] }, 'INVALID_TIME', 'openingHours.0.opens'],
    ['weekday 7', { timeZone: 'UTC', openingHours: [{ weekday: 7, opens: '08:00', closes: '12:00' }] }, 'INVALID_WEEKDAY', 'openingHours.0.weekday'],
    ['31 February', { timeZone: 'UTC', openingHours: WEEKDAY_HOURS, closures: [{ date: '2026-02-31', reason: 'x', kind: 'HOLIDAY' }] }, 'INVALID_DATE', 'closures.0.date'],
    ['a US-style date', { timeZone: 'UTC', openingHours: WEEKDAY_HOURS, closures: [{ date: '01/19/2026', reason: 'x', kind: 'HOLIDAY' }] }, 'INVALID_DATE', 'closures.0.date'],
    ['a bad through', { timeZone: 'UTC', openingHours: WEEKDAY_HOURS, closures: [{ date: '2026-01-19', through: '2026-13-01', reason: 'x', kind: 'BREAK' }] }, 'INVALID_DATE', 'closures.0.through'],
    ['a break ending before it starts', { timeZone: 'UTC', openingHours: WEEKDAY_HOURS, closures: [{ date: '2026-01-19', through: '2026-01-12', reason: 'x', kind: 'BREAK' }] }, 'INVERTED_HOURS', 'closures.0'],
    ['a part-day closure ending before it starts', { timeZone: 'UTC', openingHours: WEEKDAY_HOURS, closures: [{ date: '2026-01-19', from: '14:00', to: '11:00', reason: 'x', kind: 'EMERGENCY' }] }, 'INVERTED_HOURS', 'closures.0'],
    ['a closure at 9:5', { timeZone: 'UTC', openingHours: WEEKDAY_HOURS, closures: [{ date: '2026-01-19', from: '9:5', reason: 'x', kind: 'EMERGENCY' }] }, 'INVALID_TIME', 'closures.0.from'],
    ['a closure of no kind', { timeZone: 'UTC', openingHours: WEEKDAY_HOURS, closures: [{ date: '2026-01-19', reason: 'x', kind: 'PARTY' }] }, 'INVALID_CLOSURE', 'closures.0'],
  ])('refuses %s: %s', (_what, input, reason, path) => {
    const problem = refusal(input);
    expect(problem.reason).toBe(reason);
    expect(problem.details.map((detail) => detail.path)).toContain(path);
  }); // prettier-ignore

  it('lists every problem at once', () => {
    const problem = refusal({
      timeZone: 'Nowhere/Land',
      openingHours: [{ weekday: 1, opens: '17:00', closes: '09:00' }],
      closures: [{ date: '2026-02-30', reason: 'x', kind: 'HOLIDAY' }],
    });
    expect(problem.reason).toBe('UNKNOWN_TIME_ZONE');
    expect(problem.details.map((detail) => detail.path)).toEqual([
      'timeZone',
      'openingHours.0',
      'closures.0.date',
    ]);
  });
});
