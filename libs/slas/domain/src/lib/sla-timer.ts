import { InvalidInputException } from '@homeroom/shared/errors';
import type { BusinessCalendar } from '@homeroom/shared/calendar';
import { addClockMinutes, clockMinutesBetween, type SlaClock } from './sla-clock';
import { DEFAULT_WARN_AT_PERCENT, MAX_TARGET_MINUTES, type SlaTimerKind } from './sla-policy';

/**
 * One SLA timer as a pure state machine: the service stores the value, schedules `warnAt` and `dueAt`, and
 * feeds events back in. Every function returns a new timer, or the same one, unchanged, when the event does
 * not apply: meeting a timer twice, pausing a met one, or any event older than the last one applied.
 *
 * Time used is `consumedMinutes` (on the timer's clock, before the current run) plus the time since
 * `runningSince` while RUNNING; `dueAt` and `warnAt` are where the remaining time runs out from there.
 */

export const SLA_TIMER_STATUSES = ['RUNNING', 'PAUSED', 'MET', 'BREACHED'] as const;
export type SlaTimerStatus = (typeof SLA_TIMER_STATUSES)[number];

export interface SlaTimer {
  readonly kind: SlaTimerKind;
  readonly targetMinutes: number;
  readonly clock: SlaClock;
  readonly warnAtPercent: number;
  readonly status: SlaTimerStatus;
  readonly startedAt: Date;
  /** Minutes on the timer's clock used before the current run (all of them once paused, met or breached). */
  readonly consumedMinutes: number;
  /** When the current run began; null unless RUNNING (or BREACHED while still unanswered). */
  readonly runningSince: Date | null;
  /** When the target runs out if nothing changes; null while PAUSED. */
  readonly dueAt: Date | null;
  /** When `warnAtPercent` of the target is used; null while PAUSED. */
  readonly warnAt: Date | null;
  readonly warnedAt: Date | null;
  readonly metAt: Date | null;
  readonly breachedAt: Date | null;
  /** The time of the last event applied; older events are ignored. */
  readonly lastEventAt: Date;
}

export interface SlaTimerSpec {
  kind: SlaTimerKind;
  targetMinutes: number;
  clock?: SlaClock;
  warnAtPercent?: number;
}

function checkTarget(targetMinutes: number): void {
  if (!Number.isInteger(targetMinutes) || targetMinutes <= 0 || targetMinutes > MAX_TARGET_MINUTES) {
    throw new InvalidInputException(
      `${String(targetMinutes)} is not a target`,
      [{ path: 'targetMinutes', message: `a whole number of minutes, 1 to ${MAX_TARGET_MINUTES}` }],
      'INVALID_TARGET',
    );
  }
}

/**
 * The scheduler marks a breach from the case events it has seen by then. A case event dated before the
 * deadline that arrives afterwards (the consumer lagged: a backlog after an outage, a replay, imported
 * history) shows the mark was premature: the timer is taken back to running, as it was before the mark,
 * and the event applies to that. The scheduler's marks never move `lastEventAt`, so such an event is in order.
 */
function withoutPrematureBreach(timer: SlaTimer, at: Date): SlaTimer {
  if (timer.status !== 'BREACHED' || timer.metAt || !timer.dueAt || !timer.runningSince) return timer;
  if (!(at.getTime() < timer.dueAt.getTime())) return timer;
  return Object.freeze({ ...timer, status: 'RUNNING', breachedAt: null });
}

/** Whether an event at `at` may apply: a valid instant, not older than the last event applied. */
function inOrder(timer: SlaTimer, at: Date): boolean {
  return at instanceof Date && Number.isFinite(at.getTime()) && at.getTime() >= timer.lastEventAt.getTime();
}

/** The deadlines of a run that began at `runningSince` with `consumed` minutes already used. */
function deadlines(
  timer: Pick<SlaTimer, 'clock' | 'targetMinutes' | 'warnAtPercent'>,
  runningSince: Date,
  consumed: number,
  calendar: BusinessCalendar,
): { dueAt: Date; warnAt: Date } {
  const warnMinutes = (timer.targetMinutes * timer.warnAtPercent) / 100;
  return {
    dueAt: addClockMinutes(timer.clock, calendar, runningSince, Math.max(0, timer.targetMinutes - consumed)),
    warnAt: addClockMinutes(timer.clock, calendar, runningSince, Math.max(0, warnMinutes - consumed)),
  };
}

/** Starts a RUNNING timer at `at`. */
export function startTimer(spec: SlaTimerSpec, at: Date, calendar: BusinessCalendar): SlaTimer {
  checkTarget(spec.targetMinutes);
  const warnAtPercent = spec.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT;
  const base = {
    kind: spec.kind,
    targetMinutes: spec.targetMinutes,
    clock: spec.clock ?? 'BUSINESS',
    warnAtPercent,
  };
  return Object.freeze({
    ...base,
    status: 'RUNNING',
    startedAt: at,
    consumedMinutes: 0,
    runningSince: at,
    ...deadlines(base, at, 0, calendar),
    warnedAt: null,
    metAt: null,
    breachedAt: null,
    lastEventAt: at,
  });
}

/** Minutes used by `at` on the timer's clock. */
export function elapsedMinutes(timer: SlaTimer, at: Date, calendar: BusinessCalendar): number {
  if (!timer.runningSince || at.getTime() <= timer.runningSince.getTime()) return timer.consumedMinutes;
  return timer.consumedMinutes + clockMinutesBetween(timer.clock, calendar, timer.runningSince, at);
}

/** Minutes left at `at` (negative once overdue). */
export function remainingMinutes(timer: SlaTimer, at: Date, calendar: BusinessCalendar): number {
  return timer.targetMinutes - elapsedMinutes(timer, at, calendar);
}

/** RUNNING → PAUSED: the time used so far is banked; there is no deadline while paused. */
export function pauseTimer(given: SlaTimer, at: Date, calendar: BusinessCalendar): SlaTimer {
  const timer = withoutPrematureBreach(given, at);
  if (timer.status !== 'RUNNING' || !inOrder(timer, at)) return given;
  return Object.freeze({
    ...timer,
    status: 'PAUSED',
    consumedMinutes: elapsedMinutes(timer, at, calendar),
    runningSince: null,
    dueAt: null,
    warnAt: null,
    lastEventAt: at,
  });
}

/** PAUSED → RUNNING: the remaining time carries over from `at`. */
export function resumeTimer(timer: SlaTimer, at: Date, calendar: BusinessCalendar): SlaTimer {
  if (timer.status !== 'PAUSED' || !inOrder(timer, at)) return timer;
  return Object.freeze({
    ...timer,
    status: 'RUNNING',
    runningSince: at,
    ...deadlines(timer, at, timer.consumedMinutes, calendar),
    lastEventAt: at,
  });
}

/**
 * RUNNING or PAUSED → MET at `at`. Met after its `dueAt` (the breach not yet recorded), the timer is
 * BREACHED at `dueAt` with `metAt` set. A BREACHED timer that is finally met keeps its status and records
 * `metAt` (reports want the response time). A MET timer is left as it is.
 */
export function meetTimer(given: SlaTimer, at: Date, calendar: BusinessCalendar): SlaTimer {
  const timer = withoutPrematureBreach(given, at);
  if (!inOrder(timer, at) || timer.status === 'MET' || timer.metAt) return given;
  const consumedMinutes = elapsedMinutes(timer, at, calendar);
  const late = timer.status === 'RUNNING' && timer.dueAt !== null && at.getTime() > timer.dueAt.getTime();
  const breached = timer.status === 'BREACHED' || late;
  return Object.freeze({
    ...timer,
    status: breached ? 'BREACHED' : 'MET',
    consumedMinutes,
    runningSince: null,
    metAt: at,
    breachedAt: timer.breachedAt ?? (late ? timer.dueAt : null),
    lastEventAt: at,
  });
}

/**
 * RUNNING → BREACHED, once `at` has reached `dueAt` (an early call changes nothing). The scheduler's
 * observation, not a case event: `lastEventAt` stays, so a late case event can still correct it.
 */
export function markBreached(timer: SlaTimer, at: Date): SlaTimer {
  if (timer.status !== 'RUNNING' || !inOrder(timer, at) || !timer.dueAt) return timer;
  if (at.getTime() < timer.dueAt.getTime()) return timer;
  return Object.freeze({ ...timer, status: 'BREACHED', breachedAt: at });
}

/** Records that the warning went out; once only, and only for a RUNNING timer past its `warnAt`. */
export function markWarned(timer: SlaTimer, at: Date): SlaTimer {
  if (timer.status !== 'RUNNING' || timer.warnedAt || !inOrder(timer, at) || !timer.warnAt) return timer;
  if (at.getTime() < timer.warnAt.getTime()) return timer;
  return Object.freeze({ ...timer, warnedAt: at });
}

/**
 * A new target (the case's priority or policy changed) at `at`: the time used is kept, the new target
 * applies to it. Raised so the warning point is again ahead, the warning may go out again.
 */
export function retarget(
  given: SlaTimer,
  newTargetMinutes: number,
  at: Date,
  calendar: BusinessCalendar,
): SlaTimer {
  checkTarget(newTargetMinutes);
  const timer = withoutPrematureBreach(given, at);
  if ((timer.status !== 'RUNNING' && timer.status !== 'PAUSED') || !inOrder(timer, at)) return given;
  const next = { ...timer, targetMinutes: newTargetMinutes, lastEventAt: at };
  const warnMinutes = (newTargetMinutes * timer.warnAtPercent) / 100;
  const warnAgain = timer.warnedAt !== null && elapsedMinutes(timer, at, calendar) < warnMinutes;
  if (warnAgain) next.warnedAt = null;
  return timer.status === 'RUNNING' ? recompute(Object.freeze(next), calendar) : Object.freeze(next);
}

/**
 * The deadlines again, after the calendar changed (a closure declared, hours edited): from the time used
 * before this run plus the run so far, both measured on the calendar as it is now. Only RUNNING timers
 * have deadlines; others are returned as they are.
 */
export function recompute(timer: SlaTimer, calendar: BusinessCalendar): SlaTimer {
  if (timer.status !== 'RUNNING' || !timer.runningSince) return timer;
  return Object.freeze({
    ...timer,
    ...deadlines(timer, timer.runningSince, timer.consumedMinutes, calendar),
  });
}
