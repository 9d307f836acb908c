import { validateCalendar, type OpeningInterval } from '@homeroom/shared/calendar';
import { addClockMinutes, clockMinutesBetween } from './sla-clock';

const at = (iso: string) => new Date(iso);

/** Monday to Friday 08:00–12:00 and 13:00–17:00, with winter break: a business day is 480 minutes. */
const district = validateCalendar({
  timeZone: 'America/Chicago',
  openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday: weekday as OpeningInterval['weekday'], opens: '08:00', closes: '12:00' },
    { weekday: weekday as OpeningInterval['weekday'], opens: '13:00', closes: '17:00' },
  ]),
  closures: [{ date: '2026-12-21', through: '2027-01-01', reason: 'Winter break', kind: 'BREAK' }],
});

describe('a policy on the clock or on business hours', () => {
  it('adds wall-clock minutes on CALENDAR, open minutes on BUSINESS (winter break skipped)', () => {
    expect(addClockMinutes('CALENDAR', district, at('2026-12-18T22:00:00Z'), 480).toISOString()).toBe(
      '2026-12-19T06:00:00.000Z',
    );
    expect(addClockMinutes('BUSINESS', district, at('2026-12-18T22:00:00Z'), 480).toISOString()).toBe(
      '2027-01-04T22:00:00.000Z',
    );
  });

  it('measures a Friday 4:59 pm to Tuesday span both ways', () => {
    const friday = at('2026-01-16T22:59:00Z');
    expect(clockMinutesBetween('CALENDAR', district, friday, at('2026-01-20T22:59:00Z'))).toBe(4 * 24 * 60);
    // Without MLK Day among this calendar's closures: Friday's last minute, Monday and Tuesday to 4:59 pm.
    expect(clockMinutesBetween('BUSINESS', district, friday, at('2026-01-20T22:59:00Z'))).toBe(1 + 480 + 479);
  });
});
