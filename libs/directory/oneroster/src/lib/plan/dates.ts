import { calendarDay } from '@homeroom/shared/calendar';

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  return calendarDay(value) !== undefined;
}

/**
 * OneRoster's dateLastModified: an ISO 8601 date-time (`2026-08-01T12:00:00.000Z`); many exports write only
 * the date, which is as good for ordering.
 */
export function isIsoDateTime(value: string): boolean {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!match || !isIsoDate(match[1]!)) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
  return hours! < 24 && minutes! < 60 && seconds! < 61;
}
