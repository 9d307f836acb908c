import { InvalidInputException } from '@homeroom/shared/errors';
import {
  closureSpan,
  isValidatedCalendar,
  parseClock,
  validateCalendar,
  type BusinessCalendar,
} from './business-calendar';
import { localDayNumber, localRangesToInstants, MINUTE_MS, weekdayOfDay } from './zoned-time';

/**
 * Business-time arithmetic on a calendar. An instant is open when its wall-clock time in the calendar's
 * zone falls in an opening interval of its weekday and in no closure; business time is the measure of open
 * instants, exact to the millisecond. So across DST changes an interval counts the real time it lasts: on
 * the spring-forward night 01:00–03:00 is one hour, on the fall-back night 01:00–02:00 is open twice.
 *
 * The work goes a local day at a time: a day's open intervals minus its closures, mapped once to instants
 * (cached per calendar), then consumed interval by interval; never minute by minute.
 */

/** How far past the last opening to look for the next one before giving up. */
export const OPENING_HORIZON_DAYS = 3 * 366;

export const BUSINESS_TIME_REFUSALS = {
  NO_OPENING_WITHIN_HORIZON: 'NO_OPENING_WITHIN_HORIZON',
  INVALID_MINUTES: 'INVALID_MINUTES',
  INVALID_INSTANT: 'INVALID_INSTANT',
} as const;

interface CompiledCalendar {
  timeZone: string;
  /** Per weekday, flat [opens, closes, …] minutes of the day, sorted. */
  weekly: number[][];
  /** Merged closure spans, flat [start, end, …] in local minute keys, sorted. */
  closures: number[];
  /** Per local day number: open instants, flat [start, end, …] ms, sorted. */
  days: Map<number, readonly number[]>;
}

const compiled = new WeakMap<object, CompiledCalendar>();
const MAX_CACHED_DAYS = 20_000;

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const valid = isValidatedCalendar(calendar) ? calendar : validateCalendar(calendar);
  const weekly: number[][] = [[], [], [], [], [], [], []];
  for (const interval of valid.openingHours) {
    weekly[interval.weekday]!.push(parseClock(interval.opens)!, parseClock(interval.closes)!);
  }
  for (const day of weekly) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < day.length; i += 2) pairs.push([day[i]!, day[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    day.length = 0;
    for (const [opens, closes] of pairs) {
      if (day.length && opens <= day[day.length - 1]!)
        day[day.length - 1] = Math.max(day[day.length - 1]!, closes);
      else day.push(opens, closes);
    }
  }
  const spans = valid.closures.map(closureSpan).sort((a, b) => a[0] - b[0]);
  const closures: number[] = [];
  for (const [start, end] of spans) {
    if (closures.length && start <= closures[closures.length - 1]!) {
      closures[closures.length - 1] = Math.max(closures[closures.length - 1]!, end);
    } else closures.push(start, end);
  }
  const result: CompiledCalendar = { timeZone: valid.timeZone, weekly, closures, days: new Map() };
  compiled.set(calendar, result);
  if (valid !== calendar) compiled.set(valid, result);
  return result;
}

/** The local minute ranges of `day` that are open: the weekday's hours minus the day's closures. */
function localOpenRanges(calendar: CompiledCalendar, day: number): number[] {
  const hours = calendar.weekly[weekdayOfDay(day)]!;
  if (hours.length === 0) return [];
  const dayStart = day * 1440;
  const closures = calendar.closures;
  // First closure span ending after the day starts (spans are merged, so also sorted by end).
  let lo = 0;
  let hi = closures.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (closures[mid * 2 + 1]! <= dayStart) lo = mid + 1;
    else hi = mid;
  }
  let ranges = hours;
  for (let i = lo * 2; i < closures.length && closures[i]! < dayStart + 1440; i += 2) {
    const cutFrom = closures[i]! - dayStart;
    const cutTo = closures[i + 1]! - dayStart;
    const next: number[] = [];
    for (let j = 0; j < ranges.length; j += 2) {
      const [opens, closes] = [ranges[j]!, ranges[j + 1]!];
      if (cutTo <= opens || cutFrom >= closes) next.push(opens, closes);
      else {
        if (cutFrom > opens) next.push(opens, cutFrom);
        if (cutTo < closes) next.push(cutTo, closes);
      }
    }
    ranges = next;
  }
  return ranges;
}

const NO_RANGES: readonly number[] = Object.freeze([]);

/** The open instants of local day `day`, flat [start, end, …] ms. Cached per calendar. */
function openInstants(calendar: CompiledCalendar, day: number): readonly number[] {
  const cached = calendar.days.get(day);
  if (cached) return cached;
  const local = localOpenRanges(calendar, day);
  const instants = local.length ? localRangesToInstants(calendar.timeZone, day, local) : NO_RANGES;
  if (calendar.days.size >= MAX_CACHED_DAYS) calendar.days.clear();
  calendar.days.set(day, instants);
  return instants;
}

function instantOf(value: Date, name: string): number {
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(time)) {
    throw new InvalidInputException(
      `${name} is not a valid instant`,
      [{ path: name, message: 'not a valid date' }],
      'INVALID_INSTANT',
    );
  }
  return time;
}

function durationOf(minutes: number): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new InvalidInputException(
      `${String(minutes)} is not a number of minutes`,
      [{ path: 'minutes', message: 'a finite number, 0 or more' }],
      'INVALID_MINUTES',
    );
  }
  return Math.round(minutes * MINUTE_MS);
}

function noOpening(calendar: CompiledCalendar, since: number): never {
  throw new InvalidInputException(
    `The calendar (${calendar.timeZone}) has no business hours within ${OPENING_HORIZON_DAYS} days after ${new Date(since).toISOString()}`,
    [{ path: 'calendar', message: 'no opening hours within the search horizon' }],
    'NO_OPENING_WITHIN_HORIZON',
  );
}

/**
 * Walks the open intervals from `start` on, in order, clipped to start at `start` or later; `visit` returns
 * true to stop. Throws NO_OPENING_WITHIN_HORIZON after OPENING_HORIZON_DAYS days without an opening.
 */
function walkOpenIntervals(
  calendar: CompiledCalendar,
  start: number,
  visit: (from: number, to: number) => boolean,
): void {
  // A day before the start's local day too: a fall-back night can hand an instant back to yesterday's date.
  let day = localDayNumber(calendar.timeZone, start) - 1;
  let lastOpenDay = day + 1;
  let cursor = start;
  for (;;) {
    const ranges = openInstants(calendar, day);
    for (let i = 0; i < ranges.length; i += 2) {
      const to = ranges[i + 1]!;
      if (to <= cursor) continue;
      const from = Math.max(ranges[i]!, cursor);
      lastOpenDay = day;
      if (visit(from, to)) return;
      cursor = to;
    }
    day += 1;
    if (day - lastOpenDay > OPENING_HORIZON_DAYS) noOpening(calendar, start);
  }
}

/**
 * The instant at which `minutes` business minutes after `start` have elapsed: the earliest t ≥ start with
 * businessMinutesBetween(start, t) = minutes. A start outside hours begins counting at the next opening; a
 * deadline that lands exactly on a closing time is that closing time. Zero minutes is `start` itself.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  const from = instantOf(start, 'start');
  let remaining = durationOf(minutes);
  if (remaining === 0) return new Date(from);
  let result = from;
  walkOpenIntervals(compile(calendar), from, (open, close) => {
    if (remaining <= close - open) {
      result = open + remaining;
      return true;
    }
    remaining -= close - open;
    return false;
  });
  return new Date(result);
}

/** Business minutes in [from, to) (fractional when the instants are not whole minutes); negative when to < from. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  if (end < start) return -businessMinutesBetween(calendar, to, from);
  if (end === start) return 0;
  const compiledCalendar = compile(calendar);
  const firstDay = localDayNumber(compiledCalendar.timeZone, start) - 1;
  const lastDay = localDayNumber(compiledCalendar.timeZone, end) + 1;
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    const ranges = openInstants(compiledCalendar, day);
    for (let i = 0; i < ranges.length; i += 2) {
      const overlap = Math.min(ranges[i + 1]!, end) - Math.max(ranges[i]!, start);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}

/** Whether the calendar is open at the instant `at`. */
export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  const time = instantOf(at, 'at');
  const compiledCalendar = compile(calendar);
  const day = localDayNumber(compiledCalendar.timeZone, time);
  for (let d = day - 1; d <= day + 1; d += 1) {
    const ranges = openInstants(compiledCalendar, d);
    for (let i = 0; i < ranges.length; i += 2) if (ranges[i]! <= time && time < ranges[i + 1]!) return true;
  }
  return false;
}

/** `at` itself when open, otherwise the next instant the calendar opens. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const time = instantOf(at, 'at');
  let result = time;
  walkOpenIntervals(compile(calendar), time, (open) => {
    result = open;
    return true;
  });
  return new Date(result);
}

/** The open intervals overlapping [from, to), clipped to it: what a timeline or a report can draw. */
export function openIntervalsBetween(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
): { from: Date; to: Date }[] {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  const intervals: { from: Date; to: Date }[] = [];
  if (end <= start) return intervals;
  const compiledCalendar = compile(calendar);
  const lastDay = localDayNumber(compiledCalendar.timeZone, end) + 1;
  for (let day = localDayNumber(compiledCalendar.timeZone, start) - 1; day <= lastDay; day += 1) {
    const ranges = openInstants(compiledCalendar, day);
    for (let i = 0; i < ranges.length; i += 2) {
      const [open, close] = [Math.max(ranges[i]!, start), Math.min(ranges[i + 1]!, end)];
      if (close > open) intervals.push({ from: new Date(open), to: new Date(close) });
    }
  }
  return intervals;
}

/** Wall-clock (24 × 7) arithmetic: closures and hours do not apply (an SLA policy on the clock uses it). */
export function addCalendarMinutes(start: Date, minutes: number): Date {
  return new Date(instantOf(start, 'start') + durationOf(minutes));
}

/** Minutes elapsed on the clock in [from, to); negative when to < from. */
export function calendarMinutesBetween(from: Date, to: Date): number {
  return (instantOf(to, 'to') - instantOf(from, 'from')) / MINUTE_MS;
}
