import { InvalidInputException } from '@homeroom/shared/errors';
import { calendarDay, clockMinutes } from './clock-and-day';
import { overlappingHours, sortOpeningHours } from './opening-hours';
import { canonicalTimeZone } from './zoned-time';

/**
 * A business calendar: the hours a district (or a school) answers, in its own time zone. Weekly opening
 * hours (several intervals a weekday, e.g. a lunch break), minus dated closures (holidays, breaks,
 * emergencies, whole days or part days, one day or many). Everything is wall-clock time in `timeZone`.
 */

export const CLOSURE_KINDS = ['HOLIDAY', 'BREAK', 'EMERGENCY'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Open on `weekday` from `opens` up to (not including) `closes`, 'HH:MM' 24-hour; `closes` may be '24:00'. */
export interface OpeningInterval {
  weekday: Weekday;
  opens: string;
  closes: string;
}

/**
 * Closed from `date` at `from` (default 00:00) until `through` (default `date`) at `to` (default 24:00):
 * one continuous wall-clock span. `{ date }` is a whole day; `{ date, from: '11:00' }` the rest of a day
 * (a snow day declared at 11:00); `{ date, through }` a break of whole days.
 */
export interface Closure {
  date: string;
  through?: string;
  from?: string;
  to?: string;
  reason: string;
  kind: ClosureKind;
}

export interface BusinessCalendarInput {
  timeZone: string;
  openingHours: readonly OpeningInterval[];
  closures?: readonly Closure[];
}

/** A validated calendar: canonical zone, hours sorted by weekday and time, closures sorted; frozen. */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly openingHours: readonly Readonly<OpeningInterval>[];
  readonly closures: readonly Readonly<Closure>[];
}

export const CALENDAR_REFUSALS = {
  UNKNOWN_TIME_ZONE: 'UNKNOWN_TIME_ZONE',
  INVERTED_HOURS: 'INVERTED_HOURS',
  OVERLAPPING_HOURS: 'OVERLAPPING_HOURS',
  INVALID_TIME: 'INVALID_TIME',
  INVALID_DATE: 'INVALID_DATE',
  NO_OPENING_HOURS: 'NO_OPENING_HOURS',
  INVALID_WEEKDAY: 'INVALID_WEEKDAY',
  INVALID_CLOSURE: 'INVALID_CLOSURE',
} as const;
export type CalendarRefusalReason = (typeof CALENDAR_REFUSALS)[keyof typeof CALENDAR_REFUSALS];

/** Minutes after midnight of 'HH:MM' (00:00–24:00) in input of any shape, or undefined. */
export function parseClock(value: unknown, allowEndOfDay = true): number | undefined {
  return typeof value === 'string' ? clockMinutes(value, { endOfDay: allowEndOfDay }) : undefined;
}

/** Days since 1970-01-01 of 'YYYY-MM-DD' in input of any shape, or undefined when it is not a real date. */
export function parseDay(value: unknown): number | undefined {
  return typeof value === 'string' ? calendarDay(value) : undefined;
}

const validated = new WeakSet<object>();

/** Whether `calendar` is a value `validateCalendar` returned (so it need not be checked again). */
export function isValidatedCalendar(calendar: BusinessCalendar): boolean {
  return validated.has(calendar);
}

interface Problem {
  path: string;
  message: string;
  reason: CalendarRefusalReason;
}

/**
 * Checks and normalizes a calendar. Refuses with `InvalidInputException` listing every problem; the
 * exception's reason is the first problem's (see `CALENDAR_REFUSALS`).
 */
export function validateCalendar(input: BusinessCalendarInput): BusinessCalendar {
  const problems: Problem[] = [];
  const timeZone = canonicalTimeZone(input?.timeZone);
  if (!timeZone) {
    problems.push({
      path: 'timeZone',
      message: `${String(input?.timeZone)} is not a known IANA time zone`,
      reason: 'UNKNOWN_TIME_ZONE',
    });
  }

  const openingHours = Array.isArray(input?.openingHours) ? input.openingHours : [];
  if (openingHours.length === 0) {
    problems.push({
      path: 'openingHours',
      message: 'A calendar needs opening hours',
      reason: 'NO_OPENING_HOURS',
    });
  }
  const hours: OpeningInterval[] = [];
  openingHours.forEach((interval, index) => {
    const path = `openingHours.${index}`;
    const opens = parseClock(interval?.opens, false);
    const closes = parseClock(interval?.closes);
    let ok = true;
    if (!Number.isInteger(interval?.weekday) || interval.weekday < 0 || interval.weekday > 6) {
      problems.push({
        path: `${path}.weekday`,
        message: 'weekday is 0 (Sunday) to 6',
        reason: 'INVALID_WEEKDAY',
      });
      ok = false;
    }
    if (opens === undefined) {
      problems.push({
        path: `${path}.opens`,
        message: 'opens is HH:MM, 00:00–23:59',
        reason: 'INVALID_TIME',
      });
      ok = false;
    }
    if (closes === undefined) {
      problems.push({
        path: `${path}.closes`,
        message: 'closes is HH:MM, 00:01–24:00',
        reason: 'INVALID_TIME',
      });
      ok = false;
    }
    if (ok && closes! <= opens!) {
      problems.push({
        path,
        message: `closes (${interval.closes}) before it opens (${interval.opens})`,
        reason: 'INVERTED_HOURS',
      });
      ok = false;
    }
    if (ok) hours.push({ weekday: interval.weekday, opens: interval.opens, closes: interval.closes });
  });
  for (const [previous, current] of overlappingHours(hours)) {
    problems.push({
      path: 'openingHours',
      message: `${previous.opens}–${previous.closes} and ${current.opens}–${current.closes} overlap on weekday ${current.weekday}`,
      reason: 'OVERLAPPING_HOURS',
    });
  }

  const closures: Closure[] = [];
  (Array.isArray(input?.closures) ? input.closures : []).forEach((closure, index) => {
    const path = `closures.${index}`;
    const first = parseDay(closure?.date);
    const last = closure?.through === undefined ? first : parseDay(closure.through);
    const from = closure?.from === undefined ? 0 : parseClock(closure.from, false);
    const to = closure?.to === undefined ? 1440 : parseClock(closure.to);
    let ok = true;
    if (first === undefined) {
      problems.push({ path: `${path}.date`, message: 'date is YYYY-MM-DD', reason: 'INVALID_DATE' });
      ok = false;
    }
    if (closure?.through !== undefined && last === undefined) {
      problems.push({ path: `${path}.through`, message: 'through is YYYY-MM-DD', reason: 'INVALID_DATE' });
      ok = false;
    }
    if (from === undefined) {
      problems.push({ path: `${path}.from`, message: 'from is HH:MM, 00:00–23:59', reason: 'INVALID_TIME' });
      ok = false;
    }
    if (to === undefined) {
      problems.push({ path: `${path}.to`, message: 'to is HH:MM, 00:01–24:00', reason: 'INVALID_TIME' });
      ok = false;
    }
    if (
      !CLOSURE_KINDS.includes(closure?.kind) ||
      typeof closure?.reason !== 'string' ||
      !closure.reason.trim()
    ) {
      problems.push({
        path,
        message: 'a closure needs a reason and a kind (HOLIDAY, BREAK, EMERGENCY)',
        reason: 'INVALID_CLOSURE',
      });
      ok = false;
    }
    if (ok && last! * 1440 + to! <= first! * 1440 + from!) {
      problems.push({ path, message: 'the closure ends before it starts', reason: 'INVERTED_HOURS' });
      ok = false;
    }
    if (ok) {
      closures.push({
        date: closure.date,
        ...(closure.through !== undefined && closure.through !== closure.date
          ? { through: closure.through }
          : {}),
        ...(closure.from !== undefined && from !== 0 ? { from: closure.from } : {}),
        ...(closure.to !== undefined && to !== 1440 ? { to: closure.to } : {}),
        reason: closure.reason.trim(),
        kind: closure.kind,
      });
    }
  });

  if (problems.length > 0) {
    throw new InvalidInputException(
      `The business calendar is invalid: ${problems[0]!.message}`,
      problems.map(({ path, message }) => ({ path, message })),
      problems[0]!.reason,
    );
  }
  closures.sort((a, b) => closureSpan(a)[0] - closureSpan(b)[0]);
  const calendar: BusinessCalendar = Object.freeze({
    timeZone: timeZone!,
    openingHours: Object.freeze(sortOpeningHours(hours).map((interval) => Object.freeze(interval))),
    closures: Object.freeze(closures.map((closure) => Object.freeze(closure))),
  });
  validated.add(calendar);
  return calendar;
}

/** A closure as [start, end) in local minute keys (day number × 1440 + minute of day). */
export function closureSpan(closure: Closure): [number, number] {
  const first = parseDay(closure.date)!;
  const last = closure.through === undefined ? first : parseDay(closure.through)!;
  const from = closure.from === undefined ? 0 : parseClock(closure.from)!;
  const to = closure.to === undefined ? 1440 : parseClock(closure.to)!;
  return [first * 1440 + from, last * 1440 + to];
}
