import {
  addBusinessMinutes,
  addCalendarMinutes,
  businessMinutesBetween,
  calendarMinutesBetween,
  type BusinessCalendar,
} from '@homeroom/shared/calendar';

/** How a policy's targets count: open hours of the case's calendar, or the wall clock (24 × 7). */
export type SlaClock = 'BUSINESS' | 'CALENDAR';

/** `addBusinessMinutes` or `addCalendarMinutes`, by clock. */
export function addClockMinutes(
  clock: SlaClock,
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
): Date {
  return clock === 'CALENDAR'
    ? addCalendarMinutes(start, minutes)
    : addBusinessMinutes(calendar, start, minutes);
}

/** `businessMinutesBetween` or `calendarMinutesBetween`, by clock. */
export function clockMinutesBetween(
  clock: SlaClock,
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
): number {
  return clock === 'CALENDAR' ? calendarMinutesBetween(from, to) : businessMinutesBetween(calendar, from, to);
}
