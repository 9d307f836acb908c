import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException } from '@homeroom/shared/errors';
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
    if (!(scope.from < scope.to))
      throw new InvalidInputException(
        'The range must end after it starts',
        [{ path: 'range', message: 'from must be before to' }],
        'INVALID_RANGE',
      );
    if (scope.to.getTime() - scope.from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw new InvalidInputException(
        `The range may span at most ${MAX_RANGE_DAYS} days`,
        [{ path: 'range', message: 'too long' }],
        'INVALID_RANGE',
      );
    }
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

    // Two scans of the range instead of five: counts by day and channel, by topic and by school in one
    // GROUPING SETS pass, and both duration distributions in another.
    const [countRows, durationRows, backlogRows, reopenRows] = await Promise.all([
      this.dataSource.query(
        `SELECT r.day, r.channel, r.topic_id, r.school_id, GROUPING(r.topic_id) = 0 AS by_topic,
                GROUPING(r.school_id) = 0 AS by_school, count(*)::int AS count
           FROM (SELECT to_char(date_trunc('day', c.created_at AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS day, c.channel,
                        c.topic_id, c.school_id
                   FROM support_case c WHERE ${where}) r
          GROUP BY GROUPING SETS ((r.day, r.channel), (r.topic_id), (r.school_id))
          ORDER BY 1, 2`,
        params,
      ),
      this.dataSource.query(
        `SELECT count(d.first_response)::int AS first_count, avg(d.first_response) AS first_mean,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY d.first_response) AS first_median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY d.first_response) AS first_p90,
                count(d.resolution)::int AS resolution_count, avg(d.resolution) AS resolution_mean,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY d.resolution) AS resolution_median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY d.resolution) AS resolution_p90
           FROM (SELECT extract(epoch FROM c.first_responded_at - c.created_at) / 60 AS first_response,
                        extract(epoch FROM c.resolved_at - c.created_at) / 60 AS resolution
                   FROM support_case c WHERE ${where}) d`,
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
    type CountRow = {
      day: string | null;
      channel: Channel | null;
      topic_id: string | null;
      school_id: string | null;
      by_topic: boolean;
      by_school: boolean;
      count: number;
    };
    const counts = countRows as CountRow[];
    for (const row of counts.filter((r) => !r.by_topic && !r.by_school) as (CountRow & {
      day: string;
      channel: Channel;
    })[]) {
      const entry = perDay.get(row.day) ?? { day: row.day, total: 0, byChannel: [] };
      entry.total += row.count;
      entry.byChannel.push({ channel: row.channel, count: row.count });
      perDay.set(row.day, entry);
    }
    const durations = (durationRows as Record<string, number | string | null>[])[0] ?? {};
    const round = (value: number | string | null | undefined) =>
      value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
    const stats = (prefix: 'first' | 'resolution'): DurationStats => ({
      count: Number(durations[`${prefix}_count`] ?? 0),
      meanMinutes: round(durations[`${prefix}_mean`]),
      medianMinutes: round(durations[`${prefix}_median`]),
      p90Minutes: round(durations[`${prefix}_p90`]),
    });
    const reopen = (reopenRows as { reopened: number; resolved: number }[])[0] ?? {
      reopened: 0,
      resolved: 0,
    };
    return {
      total: [...perDay.values()].reduce((sum, d) => sum + d.total, 0),
      perDay: [...perDay.values()],
      byTopic: counts
        .filter((r) => r.by_topic)
        .sort((a, b) => b.count - a.count)
        .map((r) => ({ topicId: r.topic_id, count: r.count })),
      bySchool: counts
        .filter((r) => r.by_school)
        .sort((a, b) => b.count - a.count)
        .map((r) => ({ schoolId: r.school_id, count: r.count })),
      firstResponse: stats('first'),
      resolution: stats('resolution'),
      backlog: (backlogRows as { count: number }[])[0]?.count ?? 0,
      resolved: reopen.resolved,
      reopened: reopen.reopened,
      reopenRate: reopen.resolved ? Math.round((reopen.reopened / reopen.resolved) * 1000) / 1000 : null,
    };
  }
}
