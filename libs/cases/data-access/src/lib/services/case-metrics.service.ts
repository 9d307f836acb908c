import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rangeEnds, wholeDaysOf } from '@homeroom/platform/database';
import { assertDateRange } from '@homeroom/platform/graphql';
import type { Channel } from '@homeroom/cases/domain';
import { CaseFiguresRollup } from '../figures/case-figures-rollup';
import { countedFigures } from '../figures/counted-figures';
import { durationStats, type DurationStats } from '@homeroom/platform/database';
import { addParts, type FigureFilter, NO_PARTS } from '../figures/figure-parts';
import { rolledUpFigures } from '../figures/rolled-up-figures';
import type { CaseVisibility } from './case-actor';
import { INTAKE_SETTINGS, type IntakeSettings } from './case-intake.service';

export interface MetricsScope {
  from: Date;
  to: Date;
  schoolId?: string | null;
  topicId?: string | null;
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
 *
 * The district's figures come from the reporting rollups for the range's whole district days and from
 * the cases for its ragged ends; a school's or a topic's from the cases (ADR 26). Counts are exact; the
 * median and p90 are exact below an hour and within 2 % above.
 */
@Injectable()
export class CaseMetricsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly rollup: CaseFiguresRollup,
  ) {}

  async metrics(scope: MetricsScope, visibility: CaseVisibility): Promise<CaseMetrics> {
    assertDateRange(scope, MAX_RANGE_DAYS);
    const db = this.dataSource.manager;
    const timeZone = this.settings.timeZone;
    const filter = figureFilter(scope, visibility);
    // The rollups hold the district's figures; a school's or a topic's are read from the cases through
    // their indexes (ADR 26).
    const districtWide = filter.schoolIds === null && filter.topicId === null;
    const days =
      districtWide && (await this.rollup.isCurrent()) ? await wholeDaysOf(db, scope, timeZone) : null;
    const [rolled, counted, backlog] = await Promise.all([
      days ? rolledUpFigures(db, days, filter.withConfidential, timeZone) : NO_PARTS,
      countedFigures(db, rangeEnds(scope, days), filter, timeZone),
      this.backlog(filter),
    ]);
    const parts = addParts([rolled, counted]);

    const perDay = new Map<string, CaseMetrics['perDay'][number]>();
    for (const row of [...parts.daily].sort(
      (a, b) => a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel),
    )) {
      const entry = perDay.get(row.day) ?? { day: row.day, total: 0, byChannel: [] };
      entry.total += row.count;
      entry.byChannel.push({ channel: row.channel, count: row.count });
      perDay.set(row.day, entry);
    }
    const resolved = parts.topics.reduce((sum, t) => sum + t.resolved, 0);
    const reopened = parts.topics.reduce((sum, t) => sum + t.reopened, 0);
    // Most first; ties by id, so the same figures always come in the same order.
    const byCount = <T extends { count: number }>(rows: T[], id: (row: T) => string | null) =>
      rows.sort((a, b) => b.count - a.count || String(id(a)).localeCompare(String(id(b))));
    return {
      total: parts.topics.reduce((sum, t) => sum + t.opened, 0),
      perDay: [...perDay.values()],
      byTopic: byCount(
        parts.topics.filter((t) => t.opened > 0).map((t) => ({ topicId: t.topicId, count: t.opened })),
        (t) => t.topicId,
      ),
      bySchool: byCount(
        parts.schools.filter((s) => s.count > 0),
        (s) => s.schoolId,
      ),
      firstResponse: durationStats(parts.firstResponse),
      resolution: durationStats(parts.resolution),
      backlog,
      resolved,
      reopened,
      reopenRate: resolved ? Math.round((reopened / resolved) * 1000) / 1000 : null,
    };
  }

  /** The backlog is now, not in the range: every case still in someone's hands. */
  private async backlog(filter: FigureFilter): Promise<number> {
    const params: unknown[] = [];
    const conditions = [`c.status NOT IN ('RESOLVED', 'CLOSED')`];
    if (filter.schoolIds) conditions.push(`c.school_id = ANY($${params.push(filter.schoolIds)}::uuid[])`);
    if (filter.topicId) conditions.push(`c.topic_id = $${params.push(filter.topicId)}`);
    if (!filter.withConfidential) conditions.push('NOT c.confidential');
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM support_case c WHERE ${conditions.join(' AND ')}`,
      params,
    )) as { count: number }[];
    return row?.count ?? 0;
  }
}

/** The cases a caller's figures count: the school asked for (if they see it), else all they see. */
export function figureFilter(scope: MetricsScope, visibility: CaseVisibility): FigureFilter {
  const visible = visibility.scope === 'schools' ? visibility.schoolIds : null;
  let schoolIds: readonly string[] | null = visible;
  if (scope.schoolId) schoolIds = !visible || visible.includes(scope.schoolId) ? [scope.schoolId] : [];
  return {
    schoolIds,
    topicId: scope.topicId ?? null,
    withConfidential: visibility.scope !== 'all' || visibility.confidential,
  };
}
