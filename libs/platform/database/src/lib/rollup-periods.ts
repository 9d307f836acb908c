import type { EntityManager } from 'typeorm';

/**
 * How a reporting range is read from rollups kept by district day and month (ADR 26): its whole months by
 * month, the whole days at either end by day, and the hours before its first whole day and after its last
 * from the facts.
 */

/** The whole district days of a range: `firstDay` up to, not including, `endDay` (YYYY-MM-DD). */
export interface WholeDays {
  firstDay: string;
  endDay: string;
  /** Where those days start and end, as instants. */
  from: Date;
  to: Date;
}

/** The whole district days inside [from, to), or null when the range holds none. */
export async function wholeDaysOf(
  db: EntityManager,
  range: { from: Date; to: Date },
  timeZone: string,
): Promise<WholeDays | null> {
  const [row] = (await db.query(
    `SELECT to_char(first_day, 'YYYY-MM-DD') AS first_day, to_char(end_day, 'YYYY-MM-DD') AS end_day,
            first_day::timestamp AT TIME ZONE $3 AS first_instant, end_day::timestamp AT TIME ZONE $3 AS end_instant
       FROM (SELECT CASE WHEN f = date_trunc('day', f) THEN f ELSE date_trunc('day', f) + interval '1 day' END::date AS first_day,
                    date_trunc('day', t)::date AS end_day
               FROM (SELECT $1::timestamptz AT TIME ZONE $3 AS f, $2::timestamptz AT TIME ZONE $3 AS t) local) days`,
    [range.from, range.to, timeZone],
  )) as { first_day: string; end_day: string; first_instant: Date; end_instant: Date }[];
  if (!row || row.first_day >= row.end_day) return null;
  return { firstDay: row.first_day, endDay: row.end_day, from: row.first_instant, to: row.end_instant };
}

/** The parts of a range the facts are read for: before its first whole day and after its last. */
export function rangeEnds(
  range: { from: Date; to: Date },
  days: WholeDays | null,
): { from: Date; to: Date }[] {
  return days
    ? [
        { from: range.from, to: days.from },
        { from: days.to, to: range.to },
      ]
    : [range];
}

/** A run of rollup rows of one grain: periods from `from` (inclusive) to `to` (exclusive), ISO dates. */
export interface RollupSpan {
  grain: 'd' | 'w' | 'm';
  from: string;
  to: string;
}

const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
/** Days since the Monday on or before `day` (ISO weeks, as PostgreSQL's date_trunc('week') counts them). */
const daysSinceMonday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * The rollup rows that cover the whole days exactly once: whole months by month; the days left at either end
 * by week where a rollup keeps weeks (ISO, Monday first; a week may straddle two months), else by day.
 * Fewer rows per school is what the school comparison of a 35-day range needs (about 11 instead of 35).
 */
export function wholeDaySpans(days: WholeDays, { weeks = false } = {}): RollupSpan[] {
  const monthOf = (day: string) => `${day.slice(0, 8)}01`;
  const nextMonth = (day: string) => {
    const date = new Date(`${monthOf(day)}T00:00:00Z`);
    date.setUTCMonth(date.getUTCMonth() + 1);
    return date.toISOString().slice(0, 10);
  };
  let firstMonth = days.firstDay.endsWith('-01') ? days.firstDay : nextMonth(days.firstDay);
  let endMonth = monthOf(days.endDay);
  // Without a whole month, every day is read by day (or week): the month span collapses onto the first day.
  if (firstMonth >= endMonth) firstMonth = endMonth = days.firstDay;
  const byDayOrWeek = (from: string, to: string): RollupSpan[] => {
    if (from >= to) return [];
    if (!weeks) return [{ grain: 'd', from, to }];
    const firstWeek = daysSinceMonday(from) === 0 ? from : addDays(from, 7 - daysSinceMonday(from));
    const endWeek = addDays(to, -daysSinceMonday(to));
    if (firstWeek >= endWeek) return [{ grain: 'd', from, to }];
    return [
      { grain: 'd' as const, from, to: firstWeek },
      { grain: 'w' as const, from: firstWeek, to: endWeek },
      { grain: 'd' as const, from: endWeek, to },
    ].filter((span) => span.from < span.to);
  };
  return [
    ...byDayOrWeek(days.firstDay, firstMonth),
    ...(firstMonth < endMonth ? [{ grain: 'm' as const, from: firstMonth, to: endMonth }] : []),
    ...byDayOrWeek(endMonth, days.endDay),
  ];
}

/**
 * The SQL condition on a rollup's `grain` ('d', 'w' or 'm') and `period` that covers the whole days exactly
 * once (wholeDaySpans). ISO dates compare as strings.
 */
export function wholeDaysCondition(
  days: WholeDays,
  param: (value: string) => string,
  { alias = 'f', weeks = false } = {},
): string {
  const spans = wholeDaySpans(days, { weeks });
  return `(${spans
    .map(
      (span) =>
        `(${alias}.grain = '${span.grain}' AND ${alias}.period >= ${param(span.from)} AND ${alias}.period < ${param(span.to)})`,
    )
    .join('\n        OR ')})`;
}
