import { clockMinutes } from '@homeroom/shared/calendar';

/** The weekdays by the API's numbers, 0 = Sunday. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
/** The weekdays as a list or a date shows them: "Mon–Fri", "Tue 2026-02-03". */
export const SHORT_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Minutes after midnight of a time as typed ('7:30' or '07:30'), by the SLA service's own rule. */
export function typedClockMinutes(value: string): number | undefined {
  return clockMinutes(padTime(value));
}

/** A time as typed, as the API takes it: '7:30' → '07:30'. */
export function padTime(time: string): string {
  return time.trim().padStart(5, '0');
}
