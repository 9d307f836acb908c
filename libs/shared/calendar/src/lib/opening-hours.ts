import { clockMinutes } from './clock-and-day';

/** Open on `weekday` (0 = Sunday) from `opens` until `closes`, both `HH:MM`. */
export interface WeekdayHours {
  weekday: number;
  opens: string;
  closes: string;
}

/** Hours by weekday, then by opening time: how a calendar keeps and shows them. */
export function sortOpeningHours<Hours extends WeekdayHours>(hours: readonly Hours[]): Hours[] {
  return [...hours].sort(
    (a, b) => a.weekday - b.weekday || (clockMinutes(a.opens) ?? 0) - (clockMinutes(b.opens) ?? 0),
  );
}

/**
 * The pairs of intervals on the same weekday that overlap (the later one opens before the earlier one
 * closes), each pair once, in weekday and time order. The rule the SLA service refuses a calendar by, and
 * the calendar editor checks as the administrator types. Intervals whose times are not `HH:MM` are left out.
 */
export function overlappingHours<Hours extends WeekdayHours>(hours: readonly Hours[]): [Hours, Hours][] {
  const sorted = sortOpeningHours(
    hours.filter(
      (interval) => clockMinutes(interval.opens) !== undefined && clockMinutes(interval.closes) !== undefined,
    ),
  );
  const pairs: [Hours, Hours][] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const [previous, current] = [sorted[i - 1]!, sorted[i]!];
    if (previous.weekday === current.weekday && clockMinutes(current.opens)! < clockMinutes(previous.closes)!)
      pairs.push([previous, current]);
  }
  return pairs;
}
