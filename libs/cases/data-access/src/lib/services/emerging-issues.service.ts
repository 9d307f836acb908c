import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_DETECTION, detectEmerging, type EmergingSignal } from '@homeroom/cases/domain';
import type { CaseVisibility } from './case-actor';
import { INTAKE_SETTINGS, type IntakeSettings } from './case-intake.service';

const BASELINE_DAYS = 28;

export interface EmergingIssue extends EmergingSignal {
  topicId: string;
  /** The first day of the window, YYYY-MM-DD in the district's time zone. */
  since: string;
  /** Contacts per day, baseline then window, oldest first: the evidence behind the signal. */
  daily: number[];
  topSchools: { schoolId: string | null; count: number }[];
}

/** Topics whose last days depart from their own four-week baseline (see detectEmerging). */
@Injectable()
export class EmergingIssuesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  async detect(visibility: CaseVisibility, now: Date = new Date()): Promise<EmergingIssue[]> {
    const totalDays = BASELINE_DAYS + DEFAULT_DETECTION.windowDays;
    const params: unknown[] = [this.settings.timeZone, now, totalDays];
    const filters = [`c.topic_id IS NOT NULL`];
    if (visibility.scope === 'schools') {
      params.push(visibility.schoolIds);
      filters.push(`c.school_id = ANY($${params.length}::uuid[])`);
    }
    if (visibility.scope === 'all' && !visibility.confidential) filters.push('NOT c.confidential');
    // Day numbers count back from today (0) in the district's time zone.
    const rows = (await this.dataSource.query(
      `SELECT c.topic_id, c.school_id,
              (date_trunc('day', $2::timestamptz AT TIME ZONE $1)::date - date_trunc('day', c.created_at AT TIME ZONE $1)::date) AS days_ago,
              count(*)::int AS count
         FROM support_case c
        WHERE c.created_at >= $2::timestamptz - make_interval(days => $3::int)
          AND ${filters.join(' AND ')}
        GROUP BY 1, 2, 3`,
      params,
    )) as { topic_id: string; school_id: string | null; days_ago: number; count: number }[];

    const series = new Map<string, number[]>();
    for (const row of rows) {
      if (row.days_ago >= totalDays || row.days_ago < 0) continue;
      const counts = series.get(row.topic_id) ?? Array.from({ length: totalDays }, () => 0);
      counts[totalDays - 1 - row.days_ago]! += row.count;
      series.set(row.topic_id, counts);
    }
    const signals = detectEmerging([...series].map(([key, counts]) => ({ key, counts })));
    const since = new Date(now.getTime() - (DEFAULT_DETECTION.windowDays - 1) * 86_400_000);
    const sinceDay = new Intl.DateTimeFormat('en-CA', { timeZone: this.settings.timeZone }).format(since);
    return signals.map((signal) => {
      const schools = new Map<string | null, number>();
      for (const row of rows) {
        if (row.topic_id === signal.key && row.days_ago < DEFAULT_DETECTION.windowDays)
          schools.set(row.school_id, (schools.get(row.school_id) ?? 0) + row.count);
      }
      return {
        ...signal,
        topicId: signal.key,
        since: sinceDay,
        daily: series.get(signal.key)!,
        topSchools: [...schools]
          .map(([schoolId, count]) => ({ schoolId, count }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 5),
      };
    });
  }
}
