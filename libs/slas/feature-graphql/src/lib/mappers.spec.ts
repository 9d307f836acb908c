import { meetTimer, startTimer, validateCalendar, type Weekday } from '@homeroom/slas/domain';
import { toTimer } from './mappers';

describe('toTimer', () => {
  const calendar = validateCalendar({
    timeZone: 'America/Chicago',
    openingHours: ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({
      weekday,
      opens: '08:00',
      closes: '16:00',
    })),
  });
  // Monday 2 February 2026, 09:00 Central.
  const start = new Date('2026-02-02T15:00:00.000Z');
  const timer = startTimer({ kind: 'FIRST_RESPONSE', targetMinutes: 480 }, start, calendar);
  const stored = { caseId: 'c', policyId: 'p', calendarId: null, timer, responseBusinessMinutes: null };

  it('shows the business minutes left now, negative once overdue', () => {
    const twoHoursIn = new Date('2026-02-02T17:00:00.000Z');
    expect(toTimer(stored, calendar, twoHoursIn)).toMatchObject({
      kind: 'FIRST_RESPONSE',
      target: 480,
      status: 'RUNNING',
      remainingBusinessMinutes: 360,
      dueAt: new Date('2026-02-03T15:00:00.000Z'),
    });
    // Overnight counts nothing; Tuesday 10:00 Central is an hour past the deadline.
    expect(toTimer(stored, calendar, new Date('2026-02-03T16:00:00.000Z')).remainingBusinessMinutes).toBe(
      -60,
    );
  });

  it('shows no minutes left once the timer was answered', () => {
    const met = meetTimer(timer, new Date('2026-02-02T16:00:00.000Z'), calendar);
    expect(toTimer({ ...stored, timer: met }, calendar, new Date())).toMatchObject({
      status: 'MET',
      remainingBusinessMinutes: null,
      metAt: new Date('2026-02-02T16:00:00.000Z'),
    });
  });
});
