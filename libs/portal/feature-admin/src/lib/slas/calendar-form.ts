import { overlappingHours, sortOpeningHours } from '@homeroom/shared/calendar';
import type {
  AdminSlasQuery,
  BusinessCalendarInput,
  CalendarScope,
  ClosureInput,
  OpeningIntervalInput,
} from '../operations.generated';
import { closureInput } from './closure-form';
import { padTime, SHORT_WEEKDAYS, typedClockMinutes, WEEKDAY_NAMES } from './days-and-times';

type Calendar = AdminSlasQuery['businessCalendars'][number];
type Interval = Pick<OpeningIntervalInput, 'weekday' | 'opens' | 'closes'>;

/** When no district calendar says otherwise: an eight-hour day. */
export const DEFAULT_BUSINESS_DAY_MINUTES = 480;

/**
 * One weekday's hours as typed, "07:30-12:00, 13:00-16:30" (empty: closed), as the API's intervals; or
 * what is wrong with them, in words.
 */
export function parseDayHours(
  weekday: number,
  text: string,
): { intervals: Interval[] } | { problem: string } {
  const day = WEEKDAY_NAMES[weekday] ?? `Day ${weekday}`;
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const intervals: Interval[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}:\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}:\d{2})$/i.exec(part);
    const opens = match ? typedClockMinutes(match[1]!) : undefined;
    const closes = match ? typedClockMinutes(match[2]!) : undefined;
    if (!match || opens === undefined || closes === undefined || opens === 1440) {
      return { problem: `${day}: write hours like 07:30-16:30 ("${part}" is not).` };
    }
    if (closes <= opens) return { problem: `${day}: ${part} closes before it opens.` };
    intervals.push({ weekday, opens: padTime(match[1]!), closes: padTime(match[2]!) });
  }
  // The SLA service refuses a calendar by this rule: say so before it is sent.
  if (overlappingHours(intervals).length) return { problem: `${day}: the hours overlap.` };
  return { intervals: sortOpeningHours(intervals) };
}

/** A weekday's intervals as the editor shows them: "07:30-12:00, 13:00-16:30"; empty when closed. */
export function formatDayHours(intervals: readonly Interval[], weekday: number): string {
  return intervals
    .filter((interval) => interval.weekday === weekday)
    .sort((a, b) => typedClockMinutes(a.opens)! - typedClockMinutes(b.opens)!)
    .map((interval) => `${interval.opens}-${interval.closes}`)
    .join(', ');
}

/** "Mon–Fri 07:30–16:30; Sat 09:00–12:00": consecutive days with the same hours together. */
export function describeWeek(intervals: readonly Interval[]): string {
  const days = WEEKDAY_NAMES.map((_, weekday) => formatDayHours(intervals, weekday).replaceAll('-', '–'));
  // Monday first, as a school week reads.
  const order = [1, 2, 3, 4, 5, 6, 0];
  const groups: { first: number; last: number; hours: string }[] = [];
  for (const weekday of order) {
    const hours = days[weekday]!;
    const previous = groups[groups.length - 1];
    if (previous && previous.hours === hours && order.indexOf(previous.last) === order.indexOf(weekday) - 1) {
      previous.last = weekday;
    } else {
      groups.push({ first: weekday, last: weekday, hours });
    }
  }
  const open = groups.filter((group) => group.hours);
  if (!open.length) return 'Never open';
  return open
    .map((group) => {
      const name =
        group.first === group.last
          ? SHORT_WEEKDAYS[group.first]
          : `${SHORT_WEEKDAYS[group.first]}–${SHORT_WEEKDAYS[group.last]}`;
      return `${name} ${group.hours}`;
    })
    .join('; ');
}

/**
 * The minutes of the calendar's usual open day: the length most open weekdays share (the longer on a tie).
 * A policy's "business day" is that many business minutes.
 */
export function typicalBusinessDay(intervals: readonly Interval[]): number {
  const perDay = new Map<number, number>();
  for (const interval of intervals) {
    const minutes = typedClockMinutes(interval.closes)! - typedClockMinutes(interval.opens)!;
    perDay.set(interval.weekday, (perDay.get(interval.weekday) ?? 0) + minutes);
  }
  const counts = new Map<number, number>();
  for (const minutes of perDay.values()) counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  let best: [number, number] | null = null;
  for (const [minutes, count] of counts) {
    if (!best || count > best[1] || (count === best[1] && minutes > best[0])) best = [minutes, count];
  }
  return best?.[0] ?? DEFAULT_BUSINESS_DAY_MINUTES;
}

/** Today's date where the calendar is (a snow day is declared in the district's own day). */
export function todayIn(timeZone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Whether the browser knows the IANA time zone (the API checks again). */
export function isTimeZone(value: string): boolean {
  if (!value.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value.trim() });
    return true;
  } catch {
    return false;
  }
}

/** The calendar editor as typed: one hours field a weekday (Sunday first). */
export interface CalendarForm {
  id: string | null;
  name: string;
  scope: CalendarScope;
  schoolId: string;
  timeZone: string;
  dayHours: readonly string[];
  closures: readonly ClosureInput[];
}

/** Opening hours for a calendar when the district has none to copy: 07:30–16:30, Monday to Friday. */
const DEFAULT_DAY_HOURS = WEEKDAY_NAMES.map((_, weekday) =>
  weekday >= 1 && weekday <= 5 ? '07:30-16:30' : '',
);
const DEFAULT_TIME_ZONE = 'America/Chicago';

/**
 * The editor for a new calendar. Once the district has a calendar, a new one is most likely a school's,
 * and starts from the district's hours and time zone: a school usually differs a little. Before that it
 * is the district's, in the district's time zone.
 */
export function newCalendarForm(
  district: Pick<Calendar, 'timeZone' | 'openingHours'> | undefined,
  districtTimeZone: string | null,
): CalendarForm {
  return {
    id: null,
    name: '',
    scope: district ? 'SCHOOL' : 'DISTRICT',
    schoolId: '',
    timeZone: district?.timeZone ?? districtTimeZone ?? DEFAULT_TIME_ZONE,
    dayHours: district
      ? WEEKDAY_NAMES.map((_, weekday) => formatDayHours(district.openingHours, weekday))
      : DEFAULT_DAY_HOURS,
    closures: [],
  };
}

/** The editor filled from a saved calendar. */
export function calendarForm(calendar: Calendar): CalendarForm {
  return {
    id: calendar.id,
    name: calendar.name,
    scope: calendar.scope,
    schoolId: calendar.schoolId ?? '',
    timeZone: calendar.timeZone,
    dayHours: WEEKDAY_NAMES.map((_, weekday) => formatDayHours(calendar.openingHours, weekday)),
    closures: calendar.closures.map(closureInput),
  };
}

/**
 * The calendar to save, or every problem with the editor in words; `others` are the saved calendars, since
 * the district has one calendar and each school at most one.
 */
export function calendarInput(
  form: CalendarForm,
  others: readonly Pick<Calendar, 'id' | 'name' | 'scope' | 'schoolId'>[] = [],
): { input: BusinessCalendarInput } | { problems: string[] } {
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('Give the calendar a name.');
  const clash = others.find(
    (other) =>
      other.id !== form.id &&
      other.scope === form.scope &&
      (form.scope === 'DISTRICT' ||
        (form.scope === 'SCHOOL' && !!form.schoolId && other.schoolId === form.schoolId)),
  );
  if (clash)
    problems.push(
      form.scope === 'DISTRICT'
        ? `The district already has a calendar (${clash.name}): edit that one.`
        : `This school already has a calendar (${clash.name}): edit that one.`,
    );
  if (!isTimeZone(form.timeZone))
    problems.push(`"${form.timeZone}" is not a time zone such as America/Chicago.`);
  if (form.scope === 'SCHOOL' && !form.schoolId) problems.push('Choose the school this calendar is for.');
  const openingHours: Interval[] = [];
  form.dayHours.forEach((text, weekday) => {
    const parsed = parseDayHours(weekday, text ?? '');
    if ('problem' in parsed) problems.push(parsed.problem);
    else openingHours.push(...parsed.intervals);
  });
  if (!problems.length && !openingHours.length) problems.push('Give at least one day opening hours.');
  if (problems.length) return { problems };
  return {
    input: {
      ...(form.id ? { id: form.id } : {}),
      name: form.name.trim(),
      scope: form.scope,
      schoolId: form.scope === 'SCHOOL' ? form.schoolId : null,
      timeZone: form.timeZone.trim(),
      openingHours,
      closures: [...form.closures],
    },
  };
}
