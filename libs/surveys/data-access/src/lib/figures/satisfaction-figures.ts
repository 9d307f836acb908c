import type { EntityManager } from 'typeorm';
import {
  rangeEnds,
  type RollupKeeper,
  SqlParams,
  type WholeDays,
  wholeDaysCondition,
  wholeDaysOf,
} from '@homeroom/platform/database';
import { FIGURE_COLUMNS, SCORE_COLUMNS, satisfactionCubeSql } from './satisfaction-rollup';

/** How a satisfaction figure is grouped: not at all, or by one of the breakdowns' dimensions. */
export type SatisfactionGrouping = 'NONE' | 'SCHOOL' | 'TOPIC' | 'ASSIGNEE' | 'CHANNEL' | 'MONTH' | 'WEEK';

export interface SatisfactionScope {
  from: Date;
  to: Date;
  schoolId?: string | null;
  /** Of these schools' cases only (a school-scoped reader's); null or absent: every case. */
  schoolIds?: readonly string[] | null;
  topicId?: string | null;
}

/** One group's invitations, responses and how many gave each score (index 0 is score 1). */
export interface SatisfactionCounts {
  /** A school, topic or staff member's id, a channel, a month (2026-11) or an ISO week (2026-W48); 'NONE' for unset. */
  key: string;
  /** With `monthly`: the district month (2026-11) the invitations were sent in; '' otherwise. */
  month: string;
  invitations: number;
  responses: number;
  distribution: number[];
}

const CSAT_SURVEY = `(SELECT id FROM survey WHERE kind = 'CSAT')`;
const COUNTS = `sum(f.invitations)::int AS invitations, sum(f.responses)::int AS responses,
                ${SCORE_COLUMNS.map((column) => `sum(f.${column})::int AS ${column}`).join(', ')}`;

type Row = { key: string; month: string; invitations: number; responses: number } & Record<string, number>;

/**
 * The satisfaction survey's invitations, responses and scores over a range, grouped (ADR 26): the
 * district's whole days from the rollups with the changes not folded yet, the hours at the range's ends
 * (and a school's or a topic's figures) from the invitations. Exact, as counting the invitations would be.
 */
export async function satisfactionCounts(
  db: EntityManager,
  rollup: RollupKeeper,
  scope: SatisfactionScope,
  grouping: SatisfactionGrouping,
  timeZone: string,
  /** Each group's figures per district month as well (a school's trend); not with MONTH or WEEK. */
  monthly = false,
): Promise<SatisfactionCounts[]> {
  // The rollups hold the district's figures; a school's (or schools') or a topic's are read from the
  // invitations through their indexes.
  const districtWide = !scope.schoolId && !scope.schoolIds && !scope.topicId;
  const days = districtWide && (await rollup.isCurrent()) ? await wholeDaysOf(db, scope, timeZone) : null;
  const [rolled, counted] = await Promise.all([
    days ? rolledUp(db, days, grouping, timeZone, monthly) : [],
    countedFromInvitations(db, rangeEnds(scope, days), scope, grouping, timeZone, monthly),
  ]);
  const byKey = new Map<string, SatisfactionCounts>();
  for (const row of [...rolled, ...counted]) {
    const key = row.key === '-' ? 'NONE' : row.key;
    const id = `${key} ${row.month}`;
    const entry = byKey.get(id) ?? {
      key,
      month: row.month,
      invitations: 0,
      responses: 0,
      distribution: Array(10).fill(0),
    };
    entry.invitations += row.invitations;
    entry.responses += row.responses;
    SCORE_COLUMNS.forEach((column, i) => (entry.distribution[i]! += row[column] ?? 0));
    byKey.set(id, entry);
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byKey.values()]
    .filter((group) => group.invitations !== 0 || group.responses !== 0)
    .sort((a, b) => order(a.key, b.key) || order(a.month, b.month));
}

function rolledUp(
  db: EntityManager,
  days: WholeDays,
  grouping: SatisfactionGrouping,
  timeZone: string,
  monthly: boolean,
): Promise<Row[]> {
  const p = new SqlParams();
  const pending = `SELECT * FROM satisfaction_figure_change
                    WHERE sent_at >= ${p.add(days.from)} AND sent_at < ${p.add(days.to)}`;
  const tz = p.add(timeZone);
  const figures = `(SELECT ${FIGURE_COLUMNS} FROM satisfaction_figures
                    UNION ALL SELECT ${FIGURE_COLUMNS} FROM (${satisfactionCubeSql(pending, tz)}) pending) f`;
  const conditions = [
    `f.survey_id = ${CSAT_SURVEY}`,
    grouping === 'SCHOOL' ? `f.school <> '*'` : `f.school = '*'`,
    grouping === 'TOPIC' ? `f.topic <> '*'` : `f.topic = '*'`,
    `f.dimension = '${grouping === 'ASSIGNEE' || grouping === 'CHANNEL' ? grouping : '-'}'`,
    grouping === 'WEEK'
      ? `f.grain = 'd' AND f.period >= ${p.add(days.firstDay, '::date')} AND f.period < ${p.add(days.endDay, '::date')}`
      : wholeDaysCondition(days, (day) => p.add(day, '::date')),
  ];
  const key: Record<SatisfactionGrouping, string> = {
    NONE: `'-'`,
    SCHOOL: 'f.school',
    TOPIC: 'f.topic',
    ASSIGNEE: 'f.key',
    CHANNEL: 'f.key',
    MONTH: `to_char(f.period, 'YYYY-MM')`,
    WEEK: `to_char(f.period, 'IYYY-"W"IW')`,
  };
  return db.query(
    // Day and month rows alike carry their district day or month in `period`.
    `SELECT ${key[grouping]} AS key, ${monthly ? `to_char(f.period, 'YYYY-MM')` : `''`} AS month, ${COUNTS}
       FROM ${figures} WHERE ${conditions.join(' AND ')} GROUP BY 1, 2`,
    p.values,
  ) as Promise<Row[]>;
}

function countedFromInvitations(
  db: EntityManager,
  windows: readonly { from: Date; to: Date }[],
  scope: SatisfactionScope,
  grouping: SatisfactionGrouping,
  timeZone: string,
  monthly: boolean,
): Promise<Row[]> {
  const spans = windows.filter((w) => w.from < w.to);
  if (spans.length === 0) return Promise.resolve([]);
  const p = new SqlParams();
  const conditions = [
    `i.survey_id = ${CSAT_SURVEY}`,
    `(${spans.map((w) => `(i.sent_at >= ${p.add(w.from)} AND i.sent_at < ${p.add(w.to)})`).join(' OR ')})`,
  ];
  if (scope.schoolId) conditions.push(`i.school_id = ${p.add(scope.schoolId)}`);
  if (scope.schoolIds) conditions.push(`i.school_id = ANY(${p.add([...scope.schoolIds], '::uuid[]')})`);
  if (scope.topicId) conditions.push(`i.topic_id = ${p.add(scope.topicId)}`);
  const local = () => `i.sent_at AT TIME ZONE ${p.add(timeZone)}`;
  const key: Record<SatisfactionGrouping, () => string> = {
    NONE: () => `'-'`,
    SCHOOL: () => `coalesce(i.school_id::text, '-')`,
    TOPIC: () => `coalesce(i.topic_id::text, '-')`,
    ASSIGNEE: () => `coalesce(i.assignee_id::text, '-')`,
    CHANNEL: () => `coalesce(i.case_channel, '-')`,
    MONTH: () => `to_char(${local()}, 'YYYY-MM')`,
    WEEK: () => `to_char(${local()}, 'IYYY-"W"IW')`,
  };
  return db.query(
    `SELECT ${key[grouping]()} AS key, ${monthly ? key.MONTH() : `''`} AS month, count(*)::int AS invitations, count(i.responded_at)::int AS responses,
            ${SCORE_COLUMNS.map((column, i) => `count(*) FILTER (WHERE i.score = ${i + 1})::int AS ${column}`).join(', ')}
       FROM survey_invitation i WHERE ${conditions.join(' AND ')} GROUP BY 1, 2`,
    p.values,
  ) as Promise<Row[]>;
}
