import { calendarDay } from '@homeroom/shared/calendar';
import type { AdminSlasQuery, ClosureInput, ClosureKind } from '../operations.generated';
import { padTime, SHORT_WEEKDAYS, typedClockMinutes } from './days-and-times';

type Closure = AdminSlasQuery['businessCalendars'][number]['closures'][number];

export const CLOSURE_KIND_NAMES: Record<ClosureKind, string> = {
  HOLIDAY: 'Holiday',
  BREAK: 'Break',
  EMERGENCY: 'Emergency closure',
};
/** The kinds of closure as the pickers offer them, the one declared at short notice first. */
export const CLOSURE_KINDS: readonly ClosureKind[] = ['EMERGENCY', 'HOLIDAY', 'BREAK'];

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
      ...(form.from ? { from: padTime(form.from) } : {}),
      ...(form.to ? { to: padTime(form.to) } : {}),
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
