const DAY_MS = 86_400_000;

/**
 * Minutes after midnight of `HH:MM` (00:00–23:59, and 24:00 for the end of a day unless `endOfDay` is
 * false), or undefined when it is not such a time.
 */
export function clockMinutes(
  value: string,
  { endOfDay = true }: { endOfDay?: boolean } = {},
): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours === 24 && minutes === 0) return endOfDay ? 1_440 : undefined;
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** Days since 1970-01-01 of `YYYY-MM-DD`, or undefined when it is not a real calendar day (2026-02-30). */
export function calendarDay(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return Math.round(date.getTime() / DAY_MS);
}
