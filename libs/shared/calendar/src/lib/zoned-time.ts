/**
 * Wall-clock time in an IANA zone with nothing but the built-in `Intl.DateTimeFormat`: the zone's UTC offset
 * at an instant (cached), the local date of an instant, and the stretches of a local day over which the
 * offset is constant (so a day's wall-clock hours map to instants exactly, across DST changes).
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, per UTC day: the day's constant-offset stretches. */
const dayOffsets = new Map<string, Map<number, readonly OffsetSegment[]>>();
const MAX_CACHED_DAYS_PER_ZONE = 50_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's canonical IANA name, or undefined when the runtime does not know the zone. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The offset straight from Intl, uncached. */
function intlOffsetMs(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const era = parts.find((part) => part.type === 'era')?.value;
  const yearOfEra = field('year');
  const year = era === 'BC' || era === 'B' ? 1 - yearOfEra : yearOfEra;
  const local = new Date(0);
  local.setUTCFullYear(year, field('month') - 1, field('day'));
  local.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  return local.getTime() - Math.floor(instant / 1000) * 1000;
}

/**
 * Milliseconds to add to an instant to get the zone's wall clock at that instant (local = UTC + offset),
 * e.g. -18,000,000 for America/Chicago in July. Cached per zone and UTC day: two Intl calls a day, a
 * bisection to the minute on the days the offset changes.
 */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  let zone = dayOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    dayOffsets.set(timeZone, zone);
  }
  const utcDay = Math.floor(instant / DAY_MS);
  let segments = zone.get(utcDay);
  if (!segments) {
    segments = scanSegments(intlOffsetMs, timeZone, utcDay * DAY_MS, (utcDay + 1) * DAY_MS);
    if (zone.size >= MAX_CACHED_DAYS_PER_ZONE) zone.clear();
    zone.set(utcDay, segments);
  }
  for (let i = segments.length - 1; i > 0; i -= 1)
    if (instant >= segments[i]!.start) return segments[i]!.offset;
  return segments[0]!.offset;
}

/** The zone's offset in minutes (local = UTC + offset). */
export function zoneOffsetMinutes(timeZone: string, at: Date | number): number {
  return zoneOffsetMs(timeZone, typeof at === 'number' ? at : at.getTime()) / MINUTE_MS;
}

/** Days since 1970-01-01 of the local date of an instant. */
export function localDayNumber(timeZone: string, instant: number): number {
  return Math.floor((instant + zoneOffsetMs(timeZone, instant)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, of a day number. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local date, minute of the day and weekday of an instant in a zone. */
export function localDateTime(
  timeZone: string,
  at: Date,
): { date: string; minuteOfDay: number; weekday: number } {
  const local = at.getTime() + zoneOffsetMs(timeZone, at.getTime());
  const day = Math.floor(local / DAY_MS);
  return {
    date: formatDay(day),
    minuteOfDay: Math.floor((local - day * DAY_MS) / MINUTE_MS),
    weekday: weekdayOfDay(day),
  };
}

/** A stretch of instants [start, end) over which the zone's offset is `offset` ms. */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

const SPAN_WITHOUT_DOUBLE_CHANGE = 26 * 3_600_000;

/**
 * The constant-offset stretches covering [from, to), both minute-aligned. Offsets are sampled at the ends
 * (and halves of anything longer than 26 h); a change is located by bisection to the minute. Assumes, as
 * holds for every zone's rules, that a zone never changes offset and changes it back within 26 hours.
 */
export function offsetSegments(timeZone: string, from: number, to: number): OffsetSegment[] {
  return scanSegments(zoneOffsetMs, timeZone, from, to);
}

function scanSegments(
  offsetAt: (timeZone: string, instant: number) => number,
  timeZone: string,
  from: number,
  to: number,
): OffsetSegment[] {
  const changes: number[] = [];
  const scan = (lo: number, hi: number, offLo: number, offHi: number): void => {
    if (offLo === offHi && hi - lo <= SPAN_WITHOUT_DOUBLE_CHANGE) return;
    if (hi - lo <= MINUTE_MS) {
      if (offLo !== offHi && hi < to) changes.push(hi);
      return;
    }
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    const offMid = offsetAt(timeZone, mid);
    scan(lo, mid, offLo, offMid);
    scan(mid, hi, offMid, offHi);
  };
  const first = offsetAt(timeZone, from);
  scan(from, to, first, offsetAt(timeZone, to));
  const segments: OffsetSegment[] = [];
  let start = from;
  let offset = first;
  for (const change of changes) {
    segments.push({ start, end: change, offset });
    start = change;
    offset = offsetAt(timeZone, change);
  }
  segments.push({ start, end: to, offset });
  return segments;
}

/** Every offset in use lies within -15 h … +15 h, so a local day's instants lie within these bounds. */
const WINDOW_BEFORE = 15 * 3_600_000;
const WINDOW_AFTER = DAY_MS + 15 * 3_600_000;

/**
 * The instants whose wall clock reads local day `day`, minutes [fromMinute, toMinute) — possibly none (a
 * DST gap), possibly two stretches (the repeated hour when clocks fall back). Flat [start, end, …], sorted.
 */
export function localRangesToInstants(
  timeZone: string,
  day: number,
  localRanges: readonly number[],
  segments: readonly OffsetSegment[] = offsetSegments(
    timeZone,
    day * DAY_MS - WINDOW_BEFORE,
    day * DAY_MS + WINDOW_AFTER,
  ),
): number[] {
  const dayStart = day * DAY_MS;
  const pieces: number[][] = [];
  for (let i = 0; i < localRanges.length; i += 2) {
    for (const segment of segments) {
      const start = Math.max(segment.start, dayStart + localRanges[i]! * MINUTE_MS - segment.offset);
      const end = Math.min(segment.end, dayStart + localRanges[i + 1]! * MINUTE_MS - segment.offset);
      if (end > start) pieces.push([start, end]);
    }
  }
  pieces.sort((a, b) => a[0]! - b[0]!);
  const merged: number[] = [];
  for (const [start, end] of pieces) {
    if (merged.length && start! <= merged[merged.length - 1]!) {
      merged[merged.length - 1] = Math.max(merged[merged.length - 1]!, end!);
    } else merged.push(start!, end!);
  }
  return merged;
}
