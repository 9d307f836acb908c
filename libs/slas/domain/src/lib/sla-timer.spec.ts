import { validateCalendar, type OpeningInterval } from '@homeroom/shared/calendar';
import {
  elapsedMinutes,
  markBreached,
  markWarned,
  meetTimer,
  pauseTimer,
  recompute,
  remainingMinutes,
  resumeTimer,
  retarget,
  startTimer,
  type SlaTimer,
} from './sla-timer';

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

/** America/Chicago, Monday to Friday 08:00–12:00 and 13:00–17:00: UTC is local + 6 h in winter. */
const hours: OpeningInterval[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday: weekday as OpeningInterval['weekday'], opens: '08:00', closes: '12:00' },
  { weekday: weekday as OpeningInterval['weekday'], opens: '13:00', closes: '17:00' },
]);
const district = validateCalendar({ timeZone: 'America/Chicago', openingHours: hours });
const snowDay = validateCalendar({
  timeZone: 'America/Chicago',
  openingHours: hours,
  closures: [{ date: '2026-02-03', from: '11:00', reason: 'Snow day', kind: 'EMERGENCY' }],
});

const MONDAY_9AM = at('2026-01-12T15:00:00Z');
const start = (): SlaTimer =>
  startTimer({ kind: 'FIRST_RESPONSE', targetMinutes: 480 }, MONDAY_9AM, district);

describe('startTimer', () => {
  it('runs from the start: due after 480 business minutes, warned at 75 %', () => {
    const timer = start();
    expect(timer).toMatchObject({
      status: 'RUNNING',
      consumedMinutes: 0,
      clock: 'BUSINESS',
      warnAtPercent: 75,
    });
    expect(iso(timer.runningSince)).toBe('2026-01-12T15:00:00.000Z');
    expect(iso(timer.warnAt)).toBe('2026-01-12T22:00:00.000Z'); // Monday 16:00 (360 minutes in)
    expect(iso(timer.dueAt)).toBe('2026-01-13T15:00:00.000Z'); // Tuesday 09:00
    expect(Object.isFrozen(timer)).toBe(true);
  });

  it('on the clock for CALENDAR policies', () => {
    const timer = startTimer({ kind: 'RESOLUTION', targetMinutes: 1440, clock: 'CALENDAR', warnAtPercent: 50 }, at('2026-01-16T22:59:00Z'), district); // prettier-ignore
    expect(iso(timer.dueAt)).toBe('2026-01-17T22:59:00.000Z');
    expect(iso(timer.warnAt)).toBe('2026-01-17T10:59:00.000Z');
  });
});

describe('pause and resume', () => {
  it('carry the remaining business time over', () => {
    const paused = pauseTimer(start(), at('2026-01-12T16:00:00Z'), district); // Monday 10:00
    expect(paused).toMatchObject({
      status: 'PAUSED',
      consumedMinutes: 60,
      runningSince: null,
      dueAt: null,
      warnAt: null,
    });
    expect(elapsedMinutes(paused, at('2026-01-14T15:00:00Z'), district)).toBe(60);

    const resumed = resumeTimer(paused, at('2026-01-14T15:00:00Z'), district); // Wednesday 09:00
    expect(resumed.status).toBe('RUNNING');
    expect(iso(resumed.dueAt)).toBe('2026-01-14T23:00:00.000Z'); // 420 left → Wednesday 17:00
    expect(iso(resumed.warnAt)).toBe('2026-01-14T21:00:00.000Z'); // 300 left to 75 % → Wednesday 15:00
    expect(remainingMinutes(resumed, at('2026-01-14T18:00:00Z'), district)).toBe(240); // Wednesday 12:00
  });

  it('a pause entirely outside hours uses no time', () => {
    const paused = pauseTimer(start(), at('2026-01-13T00:00:00Z'), district); // Monday 18:00
    expect(paused.consumedMinutes).toBe(420);
    const resumed = resumeTimer(paused, at('2026-01-13T13:00:00Z'), district); // Tuesday 07:00
    expect(iso(resumed.dueAt)).toBe(iso(start().dueAt));
  });
});

describe('retarget', () => {
  it('keeps the time used and applies the new target', () => {
    const timer = start();
    const eleven = at('2026-01-12T17:00:00Z'); // Monday 11:00, 120 minutes used
    const tighter = retarget(timer, 240, eleven, district);
    expect(tighter).toMatchObject({ status: 'RUNNING', targetMinutes: 240, consumedMinutes: 0 });
    expect(iso(tighter.dueAt)).toBe('2026-01-12T20:00:00.000Z'); // Monday 14:00
    expect(iso(tighter.warnAt)).toBe('2026-01-12T18:00:00.000Z'); // 180 minutes in: Monday 12:00
    expect(remainingMinutes(tighter, eleven, district)).toBe(120);

    const looser = retarget(timer, 960, eleven, district);
    expect(iso(looser.dueAt)).toBe('2026-01-14T15:00:00.000Z'); // two business days: Wednesday 09:00
  });

  it('of a paused timer changes only the target; the resume applies it', () => {
    const paused = pauseTimer(start(), at('2026-01-12T16:00:00Z'), district); // 60 used
    const retargeted = retarget(paused, 120, at('2026-01-12T17:00:00Z'), district);
    expect(retargeted).toMatchObject({
      status: 'PAUSED',
      targetMinutes: 120,
      consumedMinutes: 60,
      dueAt: null,
    });
    const resumed = resumeTimer(retargeted, at('2026-01-13T14:00:00Z'), district); // Tuesday 08:00
    expect(iso(resumed.dueAt)).toBe('2026-01-13T15:00:00.000Z'); // 60 left → 09:00
  });

  it('below the time already used: due at once', () => {
    const late = retarget(start(), 60, at('2026-01-12T17:00:00Z'), district); // 120 used
    expect(iso(late.dueAt)).toBe('2026-01-12T16:00:00.000Z');
    expect(markBreached(late, at('2026-01-12T17:00:01Z')).status).toBe('BREACHED');
  });

  it('re-arms the warning when the new target puts it ahead again', () => {
    const warned = markWarned(start(), at('2026-01-12T22:00:00Z'));
    expect(iso(warned.warnedAt)).toBe('2026-01-12T22:00:00.000Z');
    expect(retarget(warned, 960, at('2026-01-12T22:30:00Z'), district).warnedAt).toBeNull();
    expect(iso(retarget(warned, 400, at('2026-01-12T22:30:00Z'), district).warnedAt)).toBe(
      '2026-01-12T22:00:00.000Z',
    );
  });
});

describe('meet and breach', () => {
  it('meets a running timer before its deadline', () => {
    const met = meetTimer(start(), at('2026-01-12T19:30:00Z'), district); // Monday 13:30
    expect(met).toMatchObject({ status: 'MET', consumedMinutes: 210, runningSince: null, breachedAt: null });
    expect(iso(met.metAt)).toBe('2026-01-12T19:30:00.000Z');
  });

  it('breaches only once the deadline has come', () => {
    const timer = start();
    expect(markBreached(timer, at('2026-01-13T14:59:59Z'))).toBe(timer);
    const breached = markBreached(timer, at('2026-01-13T15:00:05Z'));
    expect(breached).toMatchObject({ status: 'BREACHED' });
    expect(iso(breached.breachedAt)).toBe('2026-01-13T15:00:05.000Z');
    const answered = meetTimer(breached, at('2026-01-13T16:00:00Z'), district);
    expect(answered).toMatchObject({ status: 'BREACHED', consumedMinutes: 540 });
    expect(iso(answered.metAt)).toBe('2026-01-13T16:00:00.000Z');
  });

  it('a response after the deadline, before the scheduler noticed, is a breach at the deadline', () => {
    const late = meetTimer(start(), at('2026-01-13T15:30:00Z'), district);
    expect(late.status).toBe('BREACHED');
    expect(iso(late.breachedAt)).toBe('2026-01-13T15:00:00.000Z');
    expect(iso(late.metAt)).toBe('2026-01-13T15:30:00.000Z');
  });

  it('a breach marked before a late-arriving reply dated in time is taken back', () => {
    const timer = start(); // due Tuesday 09:00
    const marked = markBreached(timer, at('2026-01-13T15:00:02Z'));
    expect(marked.lastEventAt).toEqual(timer.lastEventAt);
    const answered = meetTimer(marked, at('2026-01-13T14:30:00Z'), district); // the reply came at 08:30
    expect(answered).toMatchObject({ status: 'MET', breachedAt: null, consumedMinutes: 450 });
    expect(iso(answered.metAt)).toBe('2026-01-13T14:30:00.000Z');
    // A pause dated in time does the same; one dated after the deadline leaves the breach.
    expect(pauseTimer(marked, at('2026-01-13T14:00:00Z'), district)).toMatchObject({ status: 'PAUSED' });
    expect(pauseTimer(marked, at('2026-01-13T15:10:00Z'), district)).toBe(marked);
    expect(meetTimer(marked, at('2026-01-13T15:10:00Z'), district)).toMatchObject({
      status: 'BREACHED',
      breachedAt: marked.breachedAt,
    });
  });

  it('a paused timer can be met (resolved while waiting on the family)', () => {
    const paused = pauseTimer(start(), at('2026-01-12T16:00:00Z'), district);
    expect(meetTimer(paused, at('2026-01-20T16:00:00Z'), district)).toMatchObject({
      status: 'MET',
      consumedMinutes: 60,
    });
  });
});

describe('events that do not apply change nothing', () => {
  const timer = start();
  const met = meetTimer(timer, at('2026-01-12T19:30:00Z'), district);
  const paused = pauseTimer(timer, at('2026-01-12T16:00:00Z'), district);

  it.each([
    ['meeting twice', () => meetTimer(met, at('2026-01-12T20:00:00Z'), district), met],
    ['pausing a met timer', () => pauseTimer(met, at('2026-01-12T20:00:00Z'), district), met],
    ['resuming a met timer', () => resumeTimer(met, at('2026-01-12T20:00:00Z'), district), met],
    ['retargeting a met timer', () => retarget(met, 60, at('2026-01-12T20:00:00Z'), district), met],
    ['breaching a met timer', () => markBreached(met, at('2026-02-01T00:00:00Z')), met],
    ['resuming a running timer', () => resumeTimer(timer, at('2026-01-12T16:00:00Z'), district), timer],
    ['pausing twice', () => pauseTimer(paused, at('2026-01-12T17:00:00Z'), district), paused],
    ['breaching a paused timer', () => markBreached(paused, at('2026-02-01T00:00:00Z')), paused],
    ['warning a paused timer', () => markWarned(paused, at('2026-02-01T00:00:00Z')), paused],
    [
      'a pause older than the last event',
      () => pauseTimer(timer, at('2026-01-12T14:59:00Z'), district),
      timer,
    ],
    [
      'a resume older than the pause',
      () => resumeTimer(paused, at('2026-01-12T15:30:00Z'), district),
      paused,
    ],
    ['a meet older than the pause', () => meetTimer(paused, at('2026-01-12T15:30:00Z'), district), paused],
    [
      'a retarget older than the pause',
      () => retarget(paused, 60, at('2026-01-12T15:30:00Z'), district),
      paused,
    ],
    ['an event at an invalid time', () => pauseTimer(timer, new Date(Number.NaN), district), timer],
    ['a warning before its time', () => markWarned(timer, at('2026-01-12T21:59:00Z')), timer],
    ['recomputing a met timer', () => recompute(met, snowDay), met],
  ])('%s', (_what, apply, unchanged) => {
    const snapshot = JSON.stringify(unchanged);
    expect(apply()).toBe(unchanged);
    expect(JSON.stringify(unchanged)).toBe(snapshot);
  });

  it('warning twice', () => {
    const warned = markWarned(timer, at('2026-01-12T22:00:00Z'));
    expect(markWarned(warned, at('2026-01-12T22:01:00Z'))).toBe(warned);
  });

  it('a pause/resume pair replayed after later events', () => {
    const resumed = resumeTimer(paused, at('2026-01-14T15:00:00Z'), district);
    expect(pauseTimer(resumed, at('2026-01-12T16:00:00Z'), district)).toBe(resumed);
    expect(resumeTimer(resumed, at('2026-01-14T15:00:00Z'), district)).toBe(resumed);
  });
});

describe('recompute after a calendar edit', () => {
  it('a snow day declared at 11:00 moves the deadline', () => {
    const timer = startTimer(
      { kind: 'RESOLUTION', targetMinutes: 480 },
      at('2026-02-03T15:00:00Z'),
      district,
    ); // Tue 09:00
    expect(iso(timer.dueAt)).toBe('2026-02-04T15:00:00.000Z'); // Wednesday 09:00
    const moved = recompute(timer, snowDay);
    expect(iso(moved.dueAt)).toBe('2026-02-04T21:00:00.000Z'); // Wednesday 15:00
    expect(iso(moved.warnAt)).toBe('2026-02-04T18:00:00.000Z'); // 120 Tue + 240 Wed: Wednesday 12:00
    expect(moved).toMatchObject({ status: 'RUNNING', consumedMinutes: 0, targetMinutes: 480 });
  });

  it('keeps time banked before a pause as it was', () => {
    const paused = pauseTimer(
      startTimer({ kind: 'RESOLUTION', targetMinutes: 480 }, at('2026-02-02T15:00:00Z'), district), // Mon 09:00
      at('2026-02-02T17:00:00Z'), // Mon 11:00: 120 used
      district,
    );
    expect(recompute(paused, snowDay)).toBe(paused);
    const resumed = resumeTimer(paused, at('2026-02-03T14:00:00Z'), snowDay); // Tue 08:00
    expect(iso(resumed.dueAt)).toBe('2026-02-04T17:00:00.000Z'); // 360 left: 180 Tue (08–11), 180 Wed → 11:00
  });
});
