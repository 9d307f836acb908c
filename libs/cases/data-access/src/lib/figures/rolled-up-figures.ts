import type { EntityManager } from 'typeorm';
import type { Channel } from '@homeroom/cases/domain';
import { SqlParams, type WholeDays, wholeDaysCondition } from '@homeroom/platform/database';
import { COUNT_COLUMNS, countCubeSql, DURATION_COLUMNS, durationCubeSql } from './figure-cubes.sql';
import type { FigureParts } from './figure-parts';

const label = (key: string): string | null => (key === '-' ? null : key);

/**
 * A rollup table with the changes created in [from, to) and not folded yet added, as the subquery `f`:
 * read together in one statement, every committed change is counted once (ADR 26).
 */
export function withPendingChanges(
  p: SqlParams,
  kind: 'counts' | 'durations',
  created: { from: Date; to: Date },
  timeZone: string,
): string {
  const pending = `SELECT * FROM case_figure_change
                    WHERE created_at >= ${p.add(created.from)} AND created_at < ${p.add(created.to)}`;
  const tz = p.add(timeZone);
  return kind === 'counts'
    ? `(SELECT ${COUNT_COLUMNS} FROM case_figures UNION ALL SELECT ${COUNT_COLUMNS} FROM (${countCubeSql(pending, tz)}) pending) f`
    : `(SELECT ${DURATION_COLUMNS} FROM case_duration_figures UNION ALL SELECT ${DURATION_COLUMNS} FROM (${durationCubeSql(pending, tz)}) pending) f`;
}

/**
 * The district's figures of whole days from the rollups, with the changes not folded yet added (ADR 26):
 * each statement reads both, so it sees every committed change once. A long range is read by month in its
 * middle and by day at its ends; the daily chart by day throughout.
 */
export async function rolledUpFigures(
  db: EntityManager,
  days: WholeDays,
  withConfidential: boolean,
  timeZone: string,
): Promise<FigureParts> {
  const statement = (
    kind: 'counts' | 'durations',
    build: (p: SqlParams, figures: string, where: (conditions: string[]) => string) => string,
  ): Promise<Record<string, unknown>[]> => {
    const p = new SqlParams();
    const figures = withPendingChanges(p, kind, days, timeZone);
    const where = (conditions: string[]) =>
      [...conditions, ...(withConfidential ? [] : ['NOT f.confidential'])].join(' AND ');
    return db.query(build(p, figures, where), p.values) as Promise<Record<string, unknown>[]>;
  };
  const inRange = (p: SqlParams) => wholeDaysCondition(days, (day) => p.add(day, '::date'));

  const [daily, topics, schools, durations] = await Promise.all([
    statement(
      'counts',
      (p, figures, where) =>
        `SELECT to_char(f.period, 'YYYY-MM-DD') AS day, f.channel, sum(f.opened)::int AS count FROM ${figures}
          WHERE ${where([
            `f.school = '*'`,
            `f.topic = '*'`,
            `f.channel <> '*'`,
            `f.grain = 'd'`,
            `f.period >= ${p.add(days.firstDay, '::date')} AND f.period < ${p.add(days.endDay, '::date')}`,
          ])}
          GROUP BY f.period, f.channel HAVING sum(f.opened) <> 0`,
    ) as Promise<{ day: string; channel: Channel; count: number }[]>,
    statement(
      'counts',
      (p, figures, where) =>
        `SELECT f.topic, sum(f.opened)::int AS opened, sum(f.resolved)::int AS resolved, sum(f.reopened)::int AS reopened
           FROM ${figures}
          WHERE ${where([`f.school = '*'`, `f.topic <> '*'`, `f.channel = '*'`, inRange(p)])}
          GROUP BY f.topic HAVING sum(f.opened) <> 0 OR sum(f.resolved) <> 0 OR sum(f.reopened) <> 0`,
    ) as Promise<{ topic: string; opened: number; resolved: number; reopened: number }[]>,
    statement(
      'counts',
      (p, figures, where) =>
        `SELECT f.school, sum(f.opened)::int AS count FROM ${figures}
          WHERE ${where([`f.school <> '*'`, `f.topic = '*'`, `f.channel = '*'`, inRange(p)])}
          GROUP BY f.school HAVING sum(f.opened) <> 0`,
    ) as Promise<{ school: string; count: number }[]>,
    statement(
      'durations',
      (p, figures, where) =>
        `SELECT f.kind, f.bucket, sum(f.count)::int AS count, sum(f.total_minutes)::float8 AS total FROM ${figures}
          WHERE ${where([`f.school = '*'`, `f.topic = '*'`, inRange(p)])}
          GROUP BY f.kind, f.bucket HAVING sum(f.count) <> 0`,
    ) as Promise<{ kind: 'f' | 'r'; bucket: number; count: number; total: number }[]>,
  ]);

  return {
    daily,
    topics: topics.map((r) => ({
      topicId: label(r.topic),
      opened: r.opened,
      resolved: r.resolved,
      reopened: r.reopened,
    })),
    schools: schools.map((r) => ({ schoolId: label(r.school), count: r.count })),
    firstResponse: durations.filter((r) => r.kind === 'f'),
    resolution: durations.filter((r) => r.kind === 'r'),
  };
}
