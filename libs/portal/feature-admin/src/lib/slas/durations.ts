import type { SlaClock } from '../operations.generated';

export type DurationUnit = 'MINUTES' | 'HOURS' | 'DAYS';

/** The units a target is typed in, as the editor offers them. */
export const DURATION_UNITS: readonly { value: DurationUnit; name: string }[] = [
  { value: 'MINUTES', name: 'minutes' },
  { value: 'HOURS', name: 'hours' },
  { value: 'DAYS', name: 'days' },
];

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
