import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { businessMinutesBetween, SLA_TIMER_KINDS, type SlaTimerKind } from '@homeroom/slas/domain';
import { CalendarService } from './calendar.service';
import { assertDateRange } from '@homeroom/platform/graphql';

export interface AttainmentQuery {
  /** Cases opened from `from` (inclusive) to `to` (exclusive). */
  from: Date;
  to: Date;
  schoolId?: string | null;
  topicId?: string | null;
}

export interface KindAttainment {
  kind: SlaTimerKind;
  /** Timers of that kind on the cases counted. */
  total: number;
  met: number;
  breached: number;
  /** Still running or paused. */
  open: number;
  /** met / (met + breached); null before any ended. */
  metShare: number | null;
}

/** One school's figures (null: cases that belong to no school, the district office's). */
export interface SchoolAttainmentReport {
  schoolId: string | null;
  report: SlaAttainmentReport;
}

export interface SlaAttainmentReport {
  cases: number;
  byKind: KindAttainment[];
  breaches: number;
  /** Median business minutes from opening to the first response, on each case's calendar; null when none. */
  medianFirstResponseBusinessMinutes: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const MAX_RANGE_DAYS = 400;

/** How well the promises were kept, over the cases opened in a range (merged duplicates left out). */
@Injectable()
export class AttainmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async attainment(query: AttainmentQuery): Promise<SlaAttainmentReport> {
    const [report] = await this.reports(query, false);
    return report?.report ?? emptyReport();
  }

  /**
   * The same figures for every school with cases opened in the range (null: the district office's), in
   * three statements whatever the number of schools: what a dashboard compares 700 schools by.
   */
  async attainmentBySchool(query: AttainmentQuery): Promise<SchoolAttainmentReport[]> {
    return this.reports(query, true);
  }

  private async reports(query: AttainmentQuery, bySchool: boolean): Promise<SchoolAttainmentReport[]> {
    assertDateRange(query, MAX_RANGE_DAYS);
    const filter = `c.opened_at >= $1 AND c.opened_at < $2 AND NOT c.merged
      AND ($3::uuid IS NULL OR c.school_id = $3) AND ($4::uuid IS NULL OR c.topic_id = $4)`;
    const params = [
      query.from.toISOString(),
      query.to.toISOString(),
      query.schoolId ?? null,
      query.topicId ?? null,
    ];
    // One group for the whole range, or one a school.
    const group = bySchool ? 'c.school_id' : 'NULL::uuid';
    const manager = this.dataSource.manager;
    const counted = (await manager.query(
      `SELECT ${group} AS school_id, count(*)::int AS cases FROM sla_case c WHERE ${filter} GROUP BY 1`,
      params,
    )) as { school_id: string | null; cases: number }[];
    const counts = (await manager.query(
      `SELECT ${group} AS school_id, t.kind, count(*)::int AS total,
              count(*) FILTER (WHERE t.status = 'MET')::int AS met,
              count(*) FILTER (WHERE t.status = 'BREACHED')::int AS breached,
              count(*) FILTER (WHERE t.status IN ('RUNNING', 'PAUSED'))::int AS open
         FROM sla_timer t JOIN sla_case c ON c.case_id = t.case_id
        WHERE ${filter}
        GROUP BY 1, 2`,
      params,
    )) as KindCountRow[];
    const responses = (await manager.query(
      `SELECT ${group} AS school_id, t.calendar_id, c.opened_at, t.met_at
         FROM sla_timer t JOIN sla_case c ON c.case_id = t.case_id
        WHERE ${filter} AND t.kind = 'FIRST_RESPONSE' AND t.met_at IS NOT NULL`,
      params,
    )) as { school_id: string | null; calendar_id: string | null; opened_at: Date; met_at: Date }[];
    const minutes = new Map<string | null, number[]>();
    for (const response of responses) {
      const calendar = await this.calendars.byId(manager, response.calendar_id);
      const school = minutes.get(response.school_id) ?? [];
      school.push(businessMinutesBetween(calendar, response.opened_at, response.met_at));
      minutes.set(response.school_id, school);
    }
    if (!bySchool && counted.length === 0) return [{ schoolId: null, report: emptyReport() }];
    return counted.map(({ school_id: schoolId, cases }) => {
      const byKind = kindAttainment(counts.filter((row) => row.school_id === schoolId));
      return {
        schoolId,
        report: {
          cases,
          byKind,
          breaches: byKind.reduce((sum, kind) => sum + kind.breached, 0),
          medianFirstResponseBusinessMinutes: median(minutes.get(schoolId) ?? []),
        },
      };
    });
  }
}

interface KindCountRow {
  school_id: string | null;
  kind: SlaTimerKind;
  total: number;
  met: number;
  breached: number;
  open: number;
}

/** Every kind of timer, those without rows at zero. */
function kindAttainment(rows: readonly KindCountRow[]): KindAttainment[] {
  return SLA_TIMER_KINDS.map((kind) => {
    const row = rows.find((count) => count.kind === kind) ?? { total: 0, met: 0, breached: 0, open: 0 };
    const ended = row.met + row.breached;
    return {
      kind,
      total: row.total,
      met: row.met,
      breached: row.breached,
      open: row.open,
      metShare: ended ? row.met / ended : null,
    };
  });
}

function emptyReport(): SlaAttainmentReport {
  return { cases: 0, byKind: kindAttainment([]), breaches: 0, medianFirstResponseBusinessMinutes: null };
}
