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

/**
 * The SQL condition on a rollup's `grain` ('d' or 'm') and `period` that covers the whole days exactly once:
 * whole months by month, the days left at either end by day. ISO dates compare as strings.
 */
export function wholeDaysCondition(days: WholeDays, param: (value: string) => string, alias = 'f'): string {
  const monthOf = (day: string) => `${day.slice(0, 8)}01`;
  const nextMonth = (day: string) => {
    const date = new Date(`${monthOf(day)}T00:00:00Z`);
    date.setUTCMonth(date.getUTCMonth() + 1);
    return date.toISOString().slice(0, 10);
  };
  let firstMonth = days.firstDay.endsWith('-01') ? days.firstDay : nextMonth(days.firstDay);
  let endMonth = monthOf(days.endDay);
  // Without a whole month, every day is read by day: the month span collapses onto the first day.
  if (firstMonth >= endMonth) firstMonth = endMonth = days.firstDay;
  const [d1, m1, m2, d2] = [days.firstDay, firstMonth, endMonth, days.endDay].map(param);
  return `((${alias}.grain = 'm' AND ${alias}.period >= ${m1} AND ${alias}.period < ${m2})
           OR (${alias}.grain = 'd' AND ((${alias}.period >= ${d1} AND ${alias}.period < ${m1})
                                      OR (${alias}.period >= ${m2} AND ${alias}.period < ${d2}))))`;
}
