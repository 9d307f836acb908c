import type { EntityManager } from 'typeorm';
import type { Channel } from '@homeroom/cases/domain';
import { durationBucketSql } from '@homeroom/platform/database';
import { CASE_CONTRIBUTIONS } from './figure-cubes.sql';
import { SqlParams } from '@homeroom/platform/database';
import { type FigureFilter, type FigureParts, NO_PARTS } from './figure-parts';

export interface Window {
  from: Date;
  to: Date;
}

/**
 * Figures counted from the cases themselves, for the parts of a range the rollups do not hold whole: the
 * hours before the range's first full district day and after its last (or all of a range shorter than a
 * day, or everything while the rollups are being built).
 */
export async function countedFigures(
  db: EntityManager,
  windows: readonly Window[],
  filter: FigureFilter,
  timeZone: string,
): Promise<FigureParts> {
  const spans = windows.filter((w) => w.from < w.to);
  if (spans.length === 0) return NO_PARTS;
  const where = (params: SqlParams): string => {
    const inWindows = spans
      .map((w) => `(c.created_at >= ${params.add(w.from)} AND c.created_at < ${params.add(w.to)})`)
      .join(' OR ');
    const conditions = [`(${inWindows})`];
    if (filter.schoolIds) conditions.push(`c.school_id = ANY(${params.add(filter.schoolIds, '::uuid[]')})`);
    if (filter.topicId) conditions.push(`c.topic_id = ${params.add(filter.topicId)}`);
    if (!filter.withConfidential) conditions.push('NOT c.confidential');
    return conditions.join(' AND ');
  };
  const countParams = new SqlParams();
  const tz = countParams.add(timeZone);
  const countWhere = where(countParams);
  const durationParams = new SqlParams();
  const durationWhere = where(durationParams);

  const [counts, durations] = await Promise.all([
    db.query(
      `SELECT to_char(date_trunc('day', c.created_at AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS day, c.channel,
              c.topic_id, c.school_id, count(*)::int AS opened,
              count(*) FILTER (WHERE c.resolved)::int AS resolved,
              count(*) FILTER (WHERE c.reopened)::int AS reopened
         FROM (${CASE_CONTRIBUTIONS}) c WHERE ${countWhere} GROUP BY 1, 2, 3, 4`,
      countParams.values,
    ) as Promise<CountRow[]>,
    db.query(
      `SELECT d.kind, ${durationBucketSql('d.minutes')} AS bucket, count(*)::int AS count, sum(d.minutes)::float8 AS total
         FROM (${CASE_CONTRIBUTIONS}) c
        CROSS JOIN LATERAL (VALUES ('f', c.first_response_minutes), ('r', c.resolution_minutes)) d(kind, minutes)
        WHERE ${durationWhere} AND d.minutes IS NOT NULL
        GROUP BY 1, 2`,
      durationParams.values,
    ) as Promise<{ kind: 'f' | 'r'; bucket: number; count: number; total: number }[]>,
  ]);

  return {
    daily: counts.map((r) => ({ day: r.day, channel: r.channel, count: r.opened })),
    topics: counts.map((r) => ({
      topicId: r.topic_id,
      opened: r.opened,
      resolved: r.resolved,
      reopened: r.reopened,
    })),
    schools: counts.map((r) => ({ schoolId: r.school_id, count: r.opened })),
    firstResponse: durations.filter((r) => r.kind === 'f'),
    resolution: durations.filter((r) => r.kind === 'r'),
  };
}

interface CountRow {
  day: string;
  channel: Channel;
  topic_id: string | null;
  school_id: string | null;
  opened: number;
  resolved: number;
  reopened: number;
}
