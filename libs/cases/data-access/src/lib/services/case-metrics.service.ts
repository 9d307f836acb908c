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

    const [perDayRows, topicRows, schoolRows, durationRows, backlogRows, reopenRows] = await Promise.all([
      this.dataSource.query(
        `SELECT to_char(date_trunc('day', c.created_at AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS day, c.channel, count(*)::int AS count
           FROM support_case c WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
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
      this.dataSource.query(
        `SELECT kind, count(minutes)::int AS count, avg(minutes) AS mean,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS p90
           FROM (SELECT 'first_response' AS kind, extract(epoch FROM c.first_responded_at - c.created_at) / 60 AS minutes
                   FROM support_case c WHERE ${where} AND c.first_responded_at IS NOT NULL
                 UNION ALL
                 SELECT 'resolution', extract(epoch FROM c.resolved_at - c.created_at) / 60
                   FROM support_case c WHERE ${where} AND c.resolved_at IS NOT NULL) d
          GROUP BY kind`,
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
    const stats = (kind: string): DurationStats => {
      const row = (
        durationRows as {
          kind: string;
          count: number;
          mean: number | null;
          median: number | null;
          p90: number | null;
        }[]
      ).find((r) => r.kind === kind);
      const round = (value: number | null | undefined) =>
        value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
      return {
        count: row?.count ?? 0,
        meanMinutes: round(row?.mean),
        medianMinutes: round(row?.median),
        p90Minutes: round(row?.p90),
      };
    };
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
