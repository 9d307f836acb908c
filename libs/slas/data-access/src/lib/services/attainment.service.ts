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
    assertDateRange(query, MAX_RANGE_DAYS);
    const filter = `c.opened_at >= $1 AND c.opened_at < $2 AND NOT c.merged
      AND ($3::uuid IS NULL OR c.school_id = $3) AND ($4::uuid IS NULL OR c.topic_id = $4)`;
    const params = [
      query.from.toISOString(),
      query.to.toISOString(),
      query.schoolId ?? null,
      query.topicId ?? null,
    ];
    const manager = this.dataSource.manager;
    const [counted] = (await manager.query(
      `SELECT count(*)::int AS cases FROM sla_case c WHERE ${filter}`,
      params,
    )) as {
      cases: number;
    }[];
    const counts = (await manager.query(
      `SELECT t.kind, count(*)::int AS total,
              count(*) FILTER (WHERE t.status = 'MET')::int AS met,
              count(*) FILTER (WHERE t.status = 'BREACHED')::int AS breached,
              count(*) FILTER (WHERE t.status IN ('RUNNING', 'PAUSED'))::int AS open
         FROM sla_timer t JOIN sla_case c ON c.case_id = t.case_id
        WHERE ${filter}
        GROUP BY t.kind`,
      params,
    )) as { kind: SlaTimerKind; total: number; met: number; breached: number; open: number }[];
    const byKind = SLA_TIMER_KINDS.map((kind) => {
      const row = counts.find((count) => count.kind === kind) ?? { total: 0, met: 0, breached: 0, open: 0 };
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
    const responses = (await manager.query(
      `SELECT t.calendar_id, c.opened_at, t.met_at
         FROM sla_timer t JOIN sla_case c ON c.case_id = t.case_id
        WHERE ${filter} AND t.kind = 'FIRST_RESPONSE' AND t.met_at IS NOT NULL`,
      params,
    )) as { calendar_id: string | null; opened_at: Date; met_at: Date }[];
    const minutes: number[] = [];
    for (const response of responses) {
      const calendar = await this.calendars.byId(manager, response.calendar_id);
      minutes.push(businessMinutesBetween(calendar, response.opened_at, response.met_at));
    }
    return {
      cases: counted!.cases,
      byKind,
      breaches: byKind.reduce((sum, kind) => sum + kind.breached, 0),
      medianFirstResponseBusinessMinutes: median(minutes),
    };
  }
}
