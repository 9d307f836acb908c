import type { EntityManager } from 'typeorm';
import {
  durationBucketSql,
  type DurationBucket,
  rangeEnds,
  type RollupKeeper,
  SqlParams,
  type WholeDays,
  wholeDaysCondition,
  wholeDaysOf,
} from '@homeroom/platform/database';
import { SLA_TIMER_KINDS, type SlaTimerKind } from '@homeroom/slas/domain';
import { slaCountsCubeSql, slaResponsesCubeSql } from './sla-figures-rollup';

export interface SlaFigureScope {
  /** Cases opened from `from` (inclusive) to `to` (exclusive). */
  from: Date;
  to: Date;
  schoolId?: string | null;
  topicId?: string | null;
}

export interface TimerCounts {
  total: number;
  met: number;
  breached: number;
  open: number;
}

/** One group's figures: its cases, its timers by kind, its first responses' business minutes as a histogram. */
export interface SlaFigureGroup {
  /** A school's id, null for the district office's cases; null too when not grouped by school. */
  schoolId: string | null;
  cases: number;
  byKind: Map<SlaTimerKind, TimerCounts>;
  responses: DurationBucket[];
}

interface CountRow {
  school: string;
  kind: 'CASE' | SlaTimerKind;
  total: number;
  met: number;
  breached: number;
  open: number;
}
interface ResponseRow {
  school: string;
  bucket: number;
  count: number;
  total: number;
}

/**
 * The SLA figures of the cases opened in a range (ADR 26), in all or by school: the district's whole days
 * from the rollups with the changes not folded yet, the hours at the range's ends (and a school's or a
 * topic's figures) from the cases and timers. Exact, as counting the facts would be.
 */
export async function slaFigures(
  db: EntityManager,
  rollup: RollupKeeper,
  scope: SlaFigureScope,
  bySchool: boolean,
  timeZone: string,
): Promise<SlaFigureGroup[]> {
  const districtWide = !scope.schoolId && !scope.topicId;
  const days = districtWide && (await rollup.isCurrent()) ? await wholeDaysOf(db, scope, timeZone) : null;
  const windows = rangeEnds(scope, days).filter((w) => w.from < w.to);
  const [rolledCounts, rolledResponses, countedCounts, countedResponses] = await Promise.all([
    days ? rolledUpCounts(db, days, bySchool, timeZone) : [],
    days ? rolledUpResponses(db, days, bySchool, timeZone) : [],
    countedFromFacts(db, windows, scope, bySchool, 'counts') as Promise<CountRow[]>,
    countedFromFacts(db, windows, scope, bySchool, 'responses') as Promise<ResponseRow[]>,
  ]);
  const groups = new Map<string, SlaFigureGroup>();
  const group = (school: string) => {
    const key = bySchool ? school : '*';
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        schoolId: key === '-' || key === '*' ? null : key,
        cases: 0,
        byKind: new Map(SLA_TIMER_KINDS.map((kind) => [kind, { total: 0, met: 0, breached: 0, open: 0 }])),
        responses: [],
      };
      groups.set(key, entry);
    }
    return entry;
  };
  for (const row of [...rolledCounts, ...countedCounts]) {
    const entry = group(row.school);
    if (row.kind === 'CASE') entry.cases += row.total;
    else {
      const counts = entry.byKind.get(row.kind)!;
      counts.total += row.total;
      counts.met += row.met;
      counts.breached += row.breached;
      counts.open += row.open;
    }
  }
  for (const row of [...rolledResponses, ...countedResponses])
    group(row.school).responses.push({ bucket: row.bucket, count: row.count, total: Number(row.total) });
  return [...groups.values()].filter((entry) => entry.cases !== 0);
}

function rolledUpCounts(db: EntityManager, days: WholeDays, bySchool: boolean, timeZone: string) {
  const p = new SqlParams();
  const pending = pendingChanges(p, days);
  const figures = `(SELECT kind, school, grain, period, total, met, breached, open FROM sla_figures
                    UNION ALL SELECT * FROM (${slaCountsCubeSql(pending, p.add(timeZone))}) pending) f`;
  return db.query(
    `SELECT f.school, f.kind, sum(f.total)::int AS total, sum(f.met)::int AS met,
            sum(f.breached)::int AS breached, sum(f.open)::int AS open
       FROM ${figures}
      WHERE f.school ${bySchool ? `<> '*'` : `= '*'`} AND ${wholeDaysCondition(days, (day) => p.add(day, '::date'), { weeks: true })}
      GROUP BY 1, 2`,
    p.values,
  ) as Promise<CountRow[]>;
}

function rolledUpResponses(db: EntityManager, days: WholeDays, bySchool: boolean, timeZone: string) {
  const p = new SqlParams();
  const pending = pendingChanges(p, days);
  const figures = `(SELECT school, grain, period, bucket, count, total FROM sla_response_figures
                    UNION ALL SELECT * FROM (${slaResponsesCubeSql(pending, p.add(timeZone))}) pending) f`;
  return db.query(
    `SELECT f.school, f.bucket, sum(f.count)::int AS count, sum(f.total) AS total
       FROM ${figures}
      WHERE f.school ${bySchool ? `<> '*'` : `= '*'`} AND ${wholeDaysCondition(days, (day) => p.add(day, '::date'), { weeks: true })}
      GROUP BY 1, 2`,
    p.values,
  ) as Promise<ResponseRow[]>;
}

/** The changes the fold has not reached, of cases opened on the whole days read. */
function pendingChanges(p: SqlParams, days: WholeDays): string {
  return `SELECT sign, opened_at, school_id, kind, status, response_minutes FROM sla_figure_change
           WHERE opened_at >= ${p.add(days.from)} AND opened_at < ${p.add(days.to)}`;
}

/** The same figures counted from the cases and their timers, over the windows the rollups do not cover. */
function countedFromFacts(
  db: EntityManager,
  windows: readonly { from: Date; to: Date }[],
  scope: SlaFigureScope,
  bySchool: boolean,
  what: 'counts' | 'responses',
): Promise<unknown[]> {
  if (windows.length === 0) return Promise.resolve([]);
  const p = new SqlParams();
  const conditions = [
    'NOT c.merged',
    `(${windows.map((w) => `(c.opened_at >= ${p.add(w.from)} AND c.opened_at < ${p.add(w.to)})`).join(' OR ')})`,
  ];
  if (scope.schoolId) conditions.push(`c.school_id = ${p.add(scope.schoolId)}`);
  if (scope.topicId) conditions.push(`c.topic_id = ${p.add(scope.topicId)}`);
  const school = bySchool ? `coalesce(c.school_id::text, '-')` : `'*'`;
  const where = conditions.join(' AND ');
  const sql =
    what === 'counts'
      ? `SELECT ${school} AS school, 'CASE' AS kind, count(*)::int AS total, 0 AS met, 0 AS breached, 0 AS open
           FROM sla_case c WHERE ${where} GROUP BY 1
         UNION ALL
         SELECT ${school}, t.kind, count(*)::int, count(*) FILTER (WHERE t.status = 'MET')::int,
                count(*) FILTER (WHERE t.status = 'BREACHED')::int,
                count(*) FILTER (WHERE t.status IN ('RUNNING', 'PAUSED'))::int
           FROM sla_case c JOIN sla_timer t ON t.case_id = c.case_id WHERE ${where} GROUP BY 1, 2`
      : `SELECT ${school} AS school, ${durationBucketSql('t.response_business_minutes')} AS bucket,
                count(*)::int AS count, sum(t.response_business_minutes) AS total
           FROM sla_case c JOIN sla_timer t ON t.case_id = c.case_id AND t.kind = 'FIRST_RESPONSE'
          WHERE ${where} AND t.response_business_minutes IS NOT NULL GROUP BY 1, 2`;
  return db.query(sql, p.values);
}
