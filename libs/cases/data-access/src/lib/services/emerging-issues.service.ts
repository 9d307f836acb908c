import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParams } from '@homeroom/platform/database';
import { DEFAULT_DETECTION, detectEmerging, type EmergingSignal } from '@homeroom/cases/domain';
import { CaseFiguresRollup } from '../figures/case-figures-rollup';
import { withPendingChanges } from '../figures/rolled-up-figures';
import type { CaseVisibility } from './case-actor';
import { INTAKE_SETTINGS, type IntakeSettings } from './case-intake.service';

const BASELINE_DAYS = 28;
const TOTAL_DAYS = BASELINE_DAYS + DEFAULT_DETECTION.windowDays;
const TOP_SCHOOLS = 5;

export interface EmergingIssue extends EmergingSignal {
  topicId: string;
  /** The first day of the window, YYYY-MM-DD in the district's time zone. */
  since: string;
  /** Contacts per day, baseline then window, oldest first: the evidence behind the signal. */
  daily: number[];
  topSchools: { schoolId: string | null; count: number }[];
}

/** Contacts of one topic on one district day, counted back from today (0). */
interface TopicDay {
  topic_id: string;
  days_ago: number;
  count: number;
}

/**
 * Topics whose last days depart from their own four-week baseline (see detectEmerging).
 *
 * The district's series come from the reporting rollups (ADR 26: a topic's contacts per district day,
 * with the changes not folded yet), so the dashboard reads about thirty rows a topic instead of a month of
 * cases; a school-level reader's from their schools' cases. The schools behind a signal are counted from
 * the cases of the signalled topics' last days only.
 */
@Injectable()
export class EmergingIssuesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly rollup: CaseFiguresRollup,
  ) {}

  async detect(visibility: CaseVisibility, now: Date = new Date()): Promise<EmergingIssue[]> {
    const days =
      visibility.scope === 'all' && (await this.rollup.isCurrent())
        ? await this.rolledUpDays(visibility.confidential, now)
        : await this.countedDays(visibility, now);

    const series = new Map<string, number[]>();
    for (const row of days) {
      if (row.days_ago >= TOTAL_DAYS || row.days_ago < 0) continue;
      const counts = series.get(row.topic_id) ?? Array.from({ length: TOTAL_DAYS }, () => 0);
      counts[TOTAL_DAYS - 1 - row.days_ago]! += row.count;
      series.set(row.topic_id, counts);
    }
    const signals = detectEmerging([...series].map(([key, counts]) => ({ key, counts })));
    if (signals.length === 0) return [];
    const schools = await this.windowSchools(
      signals.map((s) => s.key),
      visibility,
      now,
    );
    const since = new Date(now.getTime() - (DEFAULT_DETECTION.windowDays - 1) * 86_400_000);
    const sinceDay = new Intl.DateTimeFormat('en-CA', { timeZone: this.settings.timeZone }).format(since);
    return signals.map((signal) => ({
      ...signal,
      topicId: signal.key,
      since: sinceDay,
      daily: series.get(signal.key)!,
      topSchools: (schools.get(signal.key) ?? []).slice(0, TOP_SCHOOLS),
    }));
  }

  /** The district's contacts per topic and day from the rollups. */
  private async rolledUpDays(withConfidential: boolean, now: Date): Promise<TopicDay[]> {
    const p = new SqlParams();
    // A day's margin either side: the period condition below picks the district days exactly.
    const created = {
      from: new Date(now.getTime() - (TOTAL_DAYS + 1) * 86_400_000),
      to: new Date(now.getTime() + 86_400_000),
    };
    const figures = withPendingChanges(p, 'counts', created, this.settings.timeZone);
    const today = `date_trunc('day', ${p.add(now)}::timestamptz AT TIME ZONE ${p.add(this.settings.timeZone)})::date`;
    const conditions = [
      `f.school = '*'`,
      `f.channel = '*'`,
      `f.grain = 'd'`,
      `f.topic NOT IN ('*', '-')`,
      `f.period > ${today} - ${p.add(TOTAL_DAYS)}::int AND f.period <= ${today}`,
      ...(withConfidential ? [] : ['NOT f.confidential']),
    ];
    return (await this.dataSource.query(
      `SELECT f.topic AS topic_id, (${today} - f.period) AS days_ago, sum(f.opened)::int AS count
         FROM ${figures}
        WHERE ${conditions.join(' AND ')}
        GROUP BY f.topic, f.period HAVING sum(f.opened) <> 0`,
      p.values,
    )) as TopicDay[];
  }

  /** Contacts per topic and day counted from the cases the reader may see. */
  private async countedDays(visibility: CaseVisibility, now: Date): Promise<TopicDay[]> {
    const p = new SqlParams();
    const tz = p.add(this.settings.timeZone);
    const conditions = [
      `c.topic_id IS NOT NULL`,
      `c.created_at >= ${p.add(now)}::timestamptz - make_interval(days => ${p.add(TOTAL_DAYS)}::int)`,
      ...this.visibleTo(visibility, p),
    ];
    return (await this.dataSource.query(
      `SELECT c.topic_id,
              (date_trunc('day', ${p.add(now)}::timestamptz AT TIME ZONE ${tz})::date - date_trunc('day', c.created_at AT TIME ZONE ${tz})::date) AS days_ago,
              count(*)::int AS count
         FROM support_case c
        WHERE ${conditions.join(' AND ')}
        GROUP BY 1, 2`,
      p.values,
    )) as TopicDay[];
  }

  /** Per signalled topic, the schools its window's contacts came from, most first. */
  private async windowSchools(
    topicIds: string[],
    visibility: CaseVisibility,
    now: Date,
  ): Promise<Map<string, { schoolId: string | null; count: number }[]>> {
    const p = new SqlParams();
    const tz = p.add(this.settings.timeZone);
    const windowStart = `(date_trunc('day', ${p.add(now)}::timestamptz AT TIME ZONE ${tz})::date - ${p.add(
      DEFAULT_DETECTION.windowDays - 1,
    )}::int)::timestamp AT TIME ZONE ${tz}`;
    const rows = (await this.dataSource.query(
      `SELECT c.topic_id, c.school_id, count(*)::int AS count
         FROM support_case c
        WHERE ${[`c.topic_id = ANY(${p.add(topicIds)}::uuid[])`, `c.created_at >= ${windowStart}`, ...this.visibleTo(visibility, p)].join(' AND ')}
        GROUP BY 1, 2
        ORDER BY count DESC, c.school_id`,
      p.values,
    )) as { topic_id: string; school_id: string | null; count: number }[];
    const byTopic = new Map<string, { schoolId: string | null; count: number }[]>();
    for (const row of rows) {
      const schools = byTopic.get(row.topic_id) ?? [];
      schools.push({ schoolId: row.school_id, count: row.count });
      byTopic.set(row.topic_id, schools);
    }
    return byTopic;
  }

  private visibleTo(visibility: CaseVisibility, p: SqlParams): string[] {
    if (visibility.scope === 'schools') return [`c.school_id = ANY(${p.add(visibility.schoolIds)}::uuid[])`];
    return visibility.confidential ? [] : ['NOT c.confidential'];
  }
}
