import { calendarDay, clockMinutes } from '@homeroom/shared/calendar';
import { channelName, personKindName, priorityName } from '../case-choices';
import type {
  AdminSlasQuery,
  BusinessCalendarInput,
  CalendarScope,
  ClosureInput,
  ClosureKind,
  OpeningIntervalInput,
  SlaClock,
  SlaPolicyInput,
} from '../operations.generated';

type Calendar = AdminSlasQuery['businessCalendars'][number];
type Policy = AdminSlasQuery['slaPolicies'][number];
type Closure = Calendar['closures'][number];
type Interval = Pick<OpeningIntervalInput, 'weekday' | 'opens' | 'closes'>;

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
const SHORT_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export const CLOSURE_KIND_NAMES: Record<ClosureKind, string> = {
  HOLIDAY: 'Holiday',
  BREAK: 'Break',
  EMERGENCY: 'Emergency closure',
};
/** The kinds of closure as the pickers offer them, the one declared at short notice first. */
export const CLOSURE_KINDS: readonly ClosureKind[] = ['EMERGENCY', 'HOLIDAY', 'BREAK'];

/** When no district calendar says otherwise: an eight-hour day. */
export const DEFAULT_BUSINESS_DAY_MINUTES = 480;
/** The longest target the API accepts: a year of minutes. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;

/** Minutes after midnight of a time as typed ('7:30' or '07:30'), by the SLA service's own rule. */
export function typedClockMinutes(value: string): number | undefined {
  return clockMinutes(pad(value));
}

function pad(time: string): string {
  return time.trim().padStart(5, '0');
}

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
    intervals.push({ weekday, opens: pad(match[1]!), closes: pad(match[2]!) });
  }
  intervals.sort((a, b) => typedClockMinutes(a.opens)! - typedClockMinutes(b.opens)!);
  for (let i = 1; i < intervals.length; i += 1) {
    if (typedClockMinutes(intervals[i]!.opens)! < typedClockMinutes(intervals[i - 1]!.closes)!) {
      return { problem: `${day}: the hours overlap.` };
    }
  }
  return { intervals };
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

export type DurationUnit = 'MINUTES' | 'HOURS' | 'DAYS';

function unitMinutes(unit: DurationUnit, clock: SlaClock, businessDay: number): number {
  if (unit === 'MINUTES') return 1;
  if (unit === 'HOURS') return 60;
  return clock === 'BUSINESS' ? businessDay : 1440;
}

/** An amount typed in minutes, hours or (business) days, as the API's minutes; null when left empty. */
export function toMinutes(
  amount: number | null,
  unit: DurationUnit,
  clock: SlaClock,
  businessDay: number,
): number | null {
  if (amount === null || Number.isNaN(amount)) return null;
  return Math.round(amount * unitMinutes(unit, clock, businessDay));
}

/** Minutes as the largest unit that holds them exactly, for the editor: 1080 business minutes → 2 days. */
export function splitMinutes(
  minutes: number | null | undefined,
  clock: SlaClock,
  businessDay: number,
): { amount: number | null; unit: DurationUnit } {
  if (minutes === null || minutes === undefined) return { amount: null, unit: 'HOURS' };
  for (const unit of ['DAYS', 'HOURS'] as const) {
    const size = unitMinutes(unit, clock, businessDay);
    if (minutes % size === 0) return { amount: minutes / size, unit };
  }
  return { amount: minutes, unit: 'MINUTES' };
}

/**
 * What an amount typed for a target comes to: "2 business days, 960 minutes on the business clock.";
 * or that an empty one sets no target.
 */
export function describeTarget(
  amount: number | null,
  unit: DurationUnit,
  clock: SlaClock,
  businessDay: number,
): string {
  const minutes = toMinutes(amount, unit, clock, businessDay);
  if (minutes === null) return 'No target: no timer of this kind.';
  return `${describeDuration(minutes, clock, businessDay)}, ${minutes} minutes on the ${
    clock === 'BUSINESS' ? 'business' : 'wall'
  } clock.`;
}

function count(amount: number, word: string): string {
  return `${amount} ${word}${amount === 1 ? '' : 's'}`;
}

/**
 * A target in words: "2 business days", "1 business day 4 hours", "8 business hours" on the business
 * clock (a day being `businessDay` minutes), "1 day 2 hours" or "45 minutes" around the clock.
 */
export function describeDuration(
  minutes: number | null | undefined,
  clock: SlaClock,
  businessDay: number,
): string {
  if (minutes === null || minutes === undefined) return 'none';
  const business = clock === 'BUSINESS';
  const day = business ? businessDay : 1440;
  const days = Math.floor(minutes / day);
  const hours = Math.floor((minutes % day) / 60);
  const rest = minutes % 60;
  const prefix = business ? 'business ' : '';
  const parts: string[] = [];
  if (days) parts.push(count(days, `${prefix}day`));
  if (hours) parts.push(count(hours, days ? 'hour' : `${prefix}hour`));
  if (rest || !parts.length) parts.push(count(rest, days || hours ? 'minute' : `${prefix}minute`));
  return parts.join(' ');
}

/** The closure form as typed; empty strings are fields left empty. */
export interface ClosureForm {
  date: string;
  through: string;
  from: string;
  to: string;
  kind: ClosureKind;
  reason: string;
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), by the SLA service's own rule. */
const isDay = (value: string) => calendarDay(value) !== undefined;

/** The closure to send, without the fields left empty; or what is wrong with it, in words. */
export function closureFromForm(form: ClosureForm): { closure: ClosureInput } | { problem: string } {
  const reason = form.reason.trim();
  if (!isDay(form.date)) return { problem: 'Choose the day the closure starts.' };
  if (form.through && !isDay(form.through)) return { problem: 'The last day is not a date.' };
  if (form.through && form.through < form.date) return { problem: 'The last day is before the first.' };
  const from = form.from ? typedClockMinutes(form.from) : 0;
  const to = form.to ? typedClockMinutes(form.to) : 1440;
  if (from === undefined || from === 1440) return { problem: 'The start time is not a time of day.' };
  if (to === undefined) return { problem: 'The end time is not a time of day.' };
  if ((!form.through || form.through === form.date) && to <= from)
    return { problem: 'The closure ends before it starts.' };
  if (!reason) return { problem: 'Say why the district is closed (families may see it).' };
  return {
    closure: {
      date: form.date,
      ...(form.through && form.through !== form.date ? { through: form.through } : {}),
      ...(form.from ? { from: pad(form.from) } : {}),
      ...(form.to ? { to: pad(form.to) } : {}),
      kind: form.kind,
      reason,
    },
  };
}

/** "Tue 2026-02-03": the date with its weekday, read as a calendar day (no time zone involved). */
export function dayWithWeekday(date: string): string {
  if (!isDay(date)) return date;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${SHORT_WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]} ${date}`;
}

/** When a closure runs; a field left out or null is not set (a saved closure has nulls, one typed omits). */
export interface ClosureTimes {
  date: string;
  through?: string | null;
  from?: string | null;
  to?: string | null;
}

/** When a closure runs, in words: "Mon 2026-09-07, all day", "Tue 2026-02-03 from 11:00", a range of days. */
export function describeClosure(closure: ClosureTimes): string {
  const start = dayWithWeekday(closure.date);
  if (closure.through && closure.through !== closure.date) {
    const from = closure.from ? ` ${closure.from}` : '';
    const to = closure.to ? ` ${closure.to}` : '';
    return `${start}${from} to ${dayWithWeekday(closure.through)}${to}`;
  }
  if (closure.from && closure.to) return `${start}, ${closure.from}–${closure.to}`;
  if (closure.from) return `${start} from ${closure.from}`;
  if (closure.to) return `${start} until ${closure.to}`;
  return `${start}, all day`;
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

/** A saved closure as it is sent back, without the empty fields. */
export function closureInput(closure: Closure): ClosureInput {
  return {
    date: closure.date,
    ...(closure.through ? { through: closure.through } : {}),
    ...(closure.from ? { from: closure.from } : {}),
    ...(closure.to ? { to: closure.to } : {}),
    kind: closure.kind,
    reason: closure.reason,
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

/** Names for the ids a policy holds; an id no longer known (a retired school) reads as "unknown". */
export interface PolicyNames {
  schools: ReadonlyMap<string, string>;
  topics: ReadonlyMap<string, string>;
}

/** "priority Urgent; school Lincoln or Oak": every condition a case must meet, in words. */
export function describePolicyConditions(conditions: Policy['conditions'], names: PolicyNames): string {
  const either = (label: string, values: readonly string[], name: (value: string) => string) =>
    values.length ? `${label} ${values.map(name).join(' or ')}` : null;
  const known = (lookup: ReadonlyMap<string, string>) => (id: string) => lookup.get(id) ?? 'unknown';
  const parts = [
    either('priority', conditions.priorities, priorityName),
    either('channel', conditions.channels, channelName),
    either('requester', conditions.requesterKinds, personKindName),
    either('school', conditions.schoolIds, known(names.schools)),
    either('topic', conditions.topicIds, known(names.topics)),
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join('; ') : 'Every case';
}

export const TARGET_KINDS = [
  { key: 'firstResponse', name: 'First response' },
  { key: 'nextResponse', name: 'Next response' },
  { key: 'resolution', name: 'Resolution' },
] as const;
export type TargetKey = (typeof TARGET_KINDS)[number]['key'];

/** The policy editor as typed. */
export interface PolicyForm {
  id: string | null;
  name: string;
  position: number | null;
  active: boolean;
  clock: SlaClock;
  warnAtPercent: number | null;
  pausedStatuses: readonly string[];
  priorities: readonly string[];
  channels: readonly string[];
  requesterKinds: readonly string[];
  schoolIds: readonly string[];
  topicIds: readonly string[];
  targets: Record<TargetKey, { amount: number | null; unit: DurationUnit }>;
}

/** The statuses a policy may pause in; resolved and closed cases have no running timers to pause. */
export const PAUSABLE_STATUSES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'] as const;

/**
 * The editor for a new policy: active, on the business clock, warning at 75% of a target, the clock
 * stopped while the case waits on the requester or is on hold, and no conditions (every case).
 */
export function newPolicyForm(): PolicyForm {
  const none = { amount: null, unit: 'HOURS' } as const;
  return {
    id: null,
    name: '',
    position: null,
    active: true,
    clock: 'BUSINESS',
    warnAtPercent: 75,
    pausedStatuses: ['PENDING', 'ON_HOLD'],
    priorities: [],
    channels: [],
    requesterKinds: [],
    schoolIds: [],
    topicIds: [],
    targets: { firstResponse: none, nextResponse: none, resolution: none },
  };
}

/** The editor filled from a saved policy, targets in the largest unit that holds them exactly. */
export function policyForm(policy: Policy, businessDay: number): PolicyForm {
  const target = (key: TargetKey) => splitMinutes(policy.targets[key], policy.clock, businessDay);
  return {
    id: policy.id,
    name: policy.name,
    position: policy.position,
    active: policy.active,
    clock: policy.clock,
    warnAtPercent: policy.warnAtPercent,
    pausedStatuses: policy.pausedStatuses,
    ...policy.conditions,
    targets: {
      firstResponse: target('firstResponse'),
      nextResponse: target('nextResponse'),
      resolution: target('resolution'),
    },
  };
}

/** The policy to save, targets in minutes on its clock; or every problem in words. */
export function policyInput(
  form: PolicyForm,
  businessDay: number,
): { input: SlaPolicyInput } | { problems: string[] } {
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('Give the policy a name.');
  const targets: Partial<Record<TargetKey, number>> = {};
  for (const { key, name } of TARGET_KINDS) {
    const { amount, unit } = form.targets[key];
    const minutes = toMinutes(amount, unit, form.clock, businessDay);
    if (minutes === null) continue;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_TARGET_MINUTES) {
      problems.push(`${name}: a target is between 1 minute and a year.`);
    } else targets[key] = minutes;
  }
  if (!problems.length && !Object.keys(targets).length)
    problems.push('Set at least one target: first response, next response or resolution.');
  const warn = form.warnAtPercent;
  if (warn !== null && (!Number.isInteger(warn) || warn < 1 || warn > 99))
    problems.push('The warning comes at a whole percentage of the target, 1 to 99.');
  if (form.position !== null && !Number.isInteger(form.position))
    problems.push('The order is a whole number.');
  if (problems.length) return { problems };
  return {
    input: {
      ...(form.id ? { id: form.id } : {}),
      name: form.name.trim(),
      position: form.position,
      active: form.active,
      clock: form.clock,
      warnAtPercent: warn,
      pausedStatuses: [...form.pausedStatuses],
      conditions: {
        priorities: [...form.priorities],
        channels: [...form.channels],
        requesterKinds: [...form.requesterKinds],
        schoolIds: [...form.schoolIds],
        topicIds: [...form.topicIds],
      },
      targets,
    },
  };
}
