import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertDateRange } from '@homeroom/platform/graphql';
import type { Channel } from '@homeroom/cases/domain';
import type { CaseVisibility } from './case-actor';
import { INTAKE_SETTINGS, type IntakeSettings } from './case-intake.service';

export interface MetricsScope {
  from: Date;
  to: Date;
  schoolId?: string | null;
  topicId?: string | null;
}

export interface DurationStats {
  count: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface CaseMetrics {
  total: number;
  perDay: { day: string; total: number; byChannel: { channel: Channel; count: number }[] }[];
  byTopic: { topicId: string | null; count: number }[];
  bySchool: { schoolId: string | null; count: number }[];
  firstResponse: DurationStats;
  resolution: DurationStats;
  backlog: number;
  resolved: number;
  reopened: number;
  reopenRate: number | null;
}

const MAX_RANGE_DAYS = 731;

/**
 * What the dashboard shows about contacts: volume per day (in the district's time zone) by channel, topic
 * and school; first-response and resolution times (calendar minutes; business time is the SLA service's);
 * the backlog now; how often resolved cases come back.
 */
@Injectable()
export class CaseMetricsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  async metrics(scope: MetricsScope, visibility: CaseVisibility): Promise<CaseMetrics> {
    assertDateRange(scope, MAX_RANGE_DAYS);
    const params: unknown[] = [scope.from, scope.to];
    const filters: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      filters.push(sql.replace('?', `$${params.length}`));
    };
    if (scope.schoolId) add('c.school_id = ?', scope.schoolId);
    if (scope.topicId) add('c.topic_id = ?', scope.topicId);
    if (visibility.scope === 'schools') add('c.school_id = ANY(?::uuid[])', visibility.schoolIds);
    if (visibility.scope === 'all' && !visibility.confidential) filters.push('NOT c.confidential');
    const where = ['c.created_at >= $1', 'c.created_at < $2', ...filters].join(' AND ');
    const scoped = filters.length ? `AND ${filters.join(' AND ')}` : '';
    params.push(this.settings.timeZone);
    const tz = `$${params.length}`;

    const [perDayRows, topicRows, schoolRows, durationRows, backlogRows, reopenRows] = await Promise.all([
      // Grouped by the truncated timestamp and formatted per group, not per row.
      this.dataSource.query(
        `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.channel, d.count
           FROM (SELECT date_trunc('day', c.created_at AT TIME ZONE ${tz}) AS day, c.channel, count(*)::int AS count
                   FROM support_case c WHERE ${where} GROUP BY 1, 2) d
          ORDER BY 1, 2`,
        params,
      ),
      this.dataSource.query(
        `SELECT c.topic_id, count(*)::int AS count FROM support_case c WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
        params.slice(0, -1),
      ),
      this.dataSource.query(
        `SELECT c.school_id, count(*)::int AS count FROM support_case c WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
        params.slice(0, -1),
      ),
      // Durations as a histogram by whole minute (a hash aggregate, no sort of a million values); the mean
      // stays exact from the sums, the median and p90 are exact over minute-rounded durations.
      this.dataSource.query(
        `SELECT d.kind, round(d.minutes)::int AS minute, count(*)::int AS count, sum(d.minutes)::float8 AS total
           FROM (SELECT 'first_response' AS kind, extract(epoch FROM c.first_responded_at - c.created_at) / 60 AS minutes
                   FROM support_case c WHERE ${where} AND c.first_responded_at IS NOT NULL
                 UNION ALL
                 SELECT 'resolution', extract(epoch FROM c.resolved_at - c.created_at) / 60
                   FROM support_case c WHERE ${where} AND c.resolved_at IS NOT NULL) d
          GROUP BY 1, 2`,
        params.slice(0, -1),
      ),
      // The backlog is now, not in the range: every case still in someone's hands.
      this.dataSource.query(
        `SELECT count(*)::int AS count FROM support_case c WHERE c.status NOT IN ('RESOLVED', 'CLOSED') ${scoped.replace(/\$(\d+)/g, (_, n) => `$${Number(n) - 2}`)}`,
        params.slice(2, -1),
      ),
      this.dataSource.query(
        `SELECT count(DISTINCT c.id) FILTER (WHERE t.details->>'from' = 'RESOLVED' AND t.details->>'to' = 'OPEN')::int AS reopened,
                count(DISTINCT c.id) FILTER (WHERE t.details->>'to' = 'RESOLVED')::int AS resolved
           FROM support_case c JOIN case_timeline t ON t.case_id = c.id AND t.kind = 'STATUS_CHANGED'
          WHERE ${where}`,
        params.slice(0, -1),
      ),
    ]);

    const perDay = new Map<
      string,
      { day: string; total: number; byChannel: { channel: Channel; count: number }[] }
    >();
    for (const row of perDayRows as { day: string; channel: Channel; count: number }[]) {
      const entry = perDay.get(row.day) ?? { day: row.day, total: 0, byChannel: [] };
      entry.total += row.count;
      entry.byChannel.push({ channel: row.channel, count: row.count });
      perDay.set(row.day, entry);
    }
    const histogram = durationRows as { kind: string; minute: number; count: number; total: number }[];
    const stats = (kind: string): DurationStats =>
      durationStats(histogram.filter((row) => row.kind === kind));
    const reopen = (reopenRows as { reopened: number; resolved: number }[])[0] ?? {
      reopened: 0,
      resolved: 0,
    };
    return {
      total: [...perDay.values()].reduce((sum, d) => sum + d.total, 0),
      perDay: [...perDay.values()],
      byTopic: (topicRows as { topic_id: string | null; count: number }[]).map((r) => ({
        topicId: r.topic_id,
        count: r.count,
      })),
      bySchool: (schoolRows as { school_id: string | null; count: number }[]).map((r) => ({
        schoolId: r.school_id,
        count: r.count,
      })),
      firstResponse: stats('first_response'),
      resolution: stats('resolution'),
      backlog: (backlogRows as { count: number }[])[0]?.count ?? 0,
      resolved: reopen.resolved,
      reopened: reopen.reopened,
      reopenRate: reopen.resolved ? Math.round((reopen.reopened / reopen.resolved) * 1000) / 1000 : null,
    };
  }
}

/**
 * Mean, median and p90 from a histogram of durations by whole minute: the percentiles interpolate between
 * neighbouring values as PostgreSQL's percentile_cont does over the individual (minute-rounded) values.
 */
export function durationStats(
  buckets: readonly { minute: number; count: number; total: number }[],
): DurationStats {
  const sorted = [...buckets].sort((a, b) => a.minute - b.minute);
  const count = sorted.reduce((sum, b) => sum + b.count, 0);
  if (count === 0) return { count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null };
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const bucket of sorted) {
      seen += bucket.count;
      if (index < seen) return bucket.minute;
    }
    return sorted[sorted.length - 1]!.minute;
  };
  const percentile = (p: number): number => {
    const position = p * (count - 1);
    const lower = Math.floor(position);
    const fraction = position - lower;
    const low = valueAt(lower);
    return fraction === 0 ? low : low + (valueAt(lower + 1) - low) * fraction;
  };
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count,
    meanMinutes: round(sorted.reduce((sum, b) => sum + b.total, 0) / count),
    medianMinutes: round(percentile(0.5)),
    p90Minutes: round(percentile(0.9)),
  };
}
