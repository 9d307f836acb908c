import { calendarDay, clockMinutes } from './clock-and-day';

describe('clockMinutes', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['23:59', 1_439],
    ['24:00', 1_440],
  ])('%s is %i minutes after midnight', (value, minutes) => expect(clockMinutes(value)).toBe(minutes));

  it.each(['7:30', '24:01', '12:60', '0730', ' 07:30', ''])('%j is not a time', (value) =>
    expect(clockMinutes(value)).toBeUndefined(),
  );

  it('refuses the end of a day where a time must open something', () =>
    expect(clockMinutes('24:00', { endOfDay: false })).toBeUndefined());
});

describe('calendarDay', () => {
  it('counts days from 1970-01-01, leap days included', () => {
    expect(calendarDay('1970-01-02')).toBe(1);
    expect(calendarDay('2024-02-29')).toBe(19_782);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-8-1', '08/01/2026', ''])('%j is not a day', (value) =>
    expect(calendarDay(value)).toBeUndefined(),
  );
});
