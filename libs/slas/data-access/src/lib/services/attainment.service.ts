import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { durationStats } from '@homeroom/platform/database';
import { assertDateRange } from '@homeroom/platform/graphql';
import { SLA_TIMER_KINDS, type SlaTimerKind } from '@homeroom/slas/domain';
import { slaFigures, type TimerCounts } from '../figures/sla-figures';
import {
  SLA_FIGURES_SETTINGS,
  SlaFiguresRollup,
  type SlaFiguresSettings,
} from '../figures/sla-figures-rollup';

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
  /**
   * Median business minutes from opening to the first response, on each case's calendar (exact below an
   * hour, within 2 % above: read from the rollups' histogram, ADR 26); null when none.
   */
  medianFirstResponseBusinessMinutes: number | null;
}

const MAX_RANGE_DAYS = 400;

/** How well the promises were kept, over the cases opened in a range (merged duplicates left out). */
@Injectable()
export class AttainmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rollup: SlaFiguresRollup,
    @Inject(SLA_FIGURES_SETTINGS) private readonly settings: SlaFiguresSettings,
  ) {}

  async attainment(query: AttainmentQuery): Promise<SlaAttainmentReport> {
    const [report] = await this.reports(query, false);
    return report?.report ?? emptyReport();
  }

  /**
   * The same figures for every school with cases opened in the range (null: the district office's), in
   * four statements whatever the number of schools, from the rollups (ADR 26): what a dashboard compares
   * 700 schools by.
   */
  async attainmentBySchool(query: AttainmentQuery): Promise<SchoolAttainmentReport[]> {
    return this.reports(query, true);
  }

  private async reports(query: AttainmentQuery, bySchool: boolean): Promise<SchoolAttainmentReport[]> {
    assertDateRange(query, MAX_RANGE_DAYS);
    const groups = await slaFigures(
      this.dataSource.manager,
      this.rollup,
      query,
      bySchool,
      this.settings.timeZone,
    );
    if (!bySchool && groups.length === 0) return [{ schoolId: null, report: emptyReport() }];
    return groups.map((group) => {
      const byKind = kindAttainment(group.byKind);
      return {
        schoolId: group.schoolId,
        report: {
          cases: group.cases,
          byKind,
          breaches: byKind.reduce((sum, kind) => sum + kind.breached, 0),
          medianFirstResponseBusinessMinutes: durationStats(group.responses).medianMinutes,
        },
      };
    });
  }
}

/** Every kind of timer, those without timers at zero. */
function kindAttainment(counts: ReadonlyMap<SlaTimerKind, TimerCounts> = new Map()): KindAttainment[] {
  return SLA_TIMER_KINDS.map((kind) => {
    const row = counts.get(kind) ?? { total: 0, met: 0, breached: 0, open: 0 };
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
  return { cases: 0, byKind: kindAttainment(), breaches: 0, medianFirstResponseBusinessMinutes: null };
}
