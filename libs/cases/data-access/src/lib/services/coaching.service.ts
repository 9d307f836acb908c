import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  checkRubric,
  checkScores,
  type CriterionScore,
  reviewAverage,
  type RubricCriterion,
  STARTER_RUBRIC,
} from '@homeroom/cases/domain';
import { SqlParams } from '@homeroom/platform/database';
import { ConflictException, NotFoundException } from '@homeroom/shared/errors';
import { INTAKE_SETTINGS, type IntakeSettings } from './case-intake.service';

/** Whose cases a supervisor reviews: every school's ('all') or theirs. */
export type CoachingReach = { schools: 'all' } | { schools: readonly string[] };

export interface CaseReview {
  id: string;
  caseId: string;
  caseNumber: string;
  agentId: string;
  schoolId: string | null;
  reviewerId: string;
  criteria: RubricCriterion[];
  scores: CriterionScore[];
  average: number;
  comment: string | null;
  createdAt: Date;
}

export interface ReviewFilter {
  agentId?: string | null;
  schoolId?: string | null;
}

/** One agent's or school's reviews in one month: how many, and their mean per criterion and overall. */
export interface CoachingTrend {
  key: string | null;
  month: string;
  reviews: number;
  average: number;
  byCriterion: { criterionId: string; average: number }[];
}

/** The resolved cases a sample is drawn from: the last 30 days'. */
const SAMPLE_DAYS = 30;
export const MAX_SAMPLE = 20;

/**
 * Coaching (issue 21): the district's rubric, a sample of resolved cases to review, supervisors' reviews
 * (one per case, keeping the rubric it was scored against), and trends per agent or school by month.
 */
@Injectable()
export class CoachingService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /** The district's rubric; the starter one until the district writes its own. */
  async rubric(): Promise<RubricCriterion[]> {
    const [row] = (await this.dataSource.query('SELECT criteria FROM coaching_rubric')) as {
      criteria: RubricCriterion[];
    }[];
    return row?.criteria ?? [...STARTER_RUBRIC];
  }

  async updateRubric(criteria: readonly RubricCriterion[]): Promise<RubricCriterion[]> {
    const checked = checkRubric(criteria);
    await this.dataSource.query(
      `INSERT INTO coaching_rubric (singleton, criteria) VALUES (true, $1)
       ON CONFLICT (singleton) DO UPDATE SET criteria = excluded.criteria, updated_at = now()`,
      [JSON.stringify(checked)],
    );
    return checked;
  }

  /** The school of a case (null: the district office's), or undefined when there is no such case. */
  async schoolOf(caseId: string): Promise<string | null | undefined> {
    const [row] = (await this.dataSource.query('SELECT school_id FROM support_case WHERE id = $1', [
      caseId,
    ])) as {
      school_id: string | null;
    }[];
    return row ? row.school_id : undefined;
  }

  /** Resolved cases of the last 30 days with an agent and no review yet, drawn at random. */
  async sample(
    reach: CoachingReach,
    size: number,
    schoolId: string | null,
  ): Promise<{ id: string; number: string }[]> {
    const p = new SqlParams();
    const conditions = [
      `c.status IN ('RESOLVED', 'CLOSED')`,
      `c.resolved_at >= now() - make_interval(days => ${p.add(SAMPLE_DAYS)})`,
      'c.assignee_id IS NOT NULL',
      'NOT EXISTS (SELECT 1 FROM case_review r WHERE r.case_id = c.id)',
      ...(reach.schools === 'all' ? [] : [`c.school_id = ANY(${p.add([...reach.schools])}::uuid[])`]),
      ...(schoolId ? [`c.school_id = ${p.add(schoolId)}::uuid`] : []),
    ];
    return (await this.dataSource.query(
      `SELECT c.id, c.number FROM support_case c WHERE ${conditions.join(' AND ')}
        ORDER BY random() LIMIT ${p.add(Math.max(1, Math.min(size, MAX_SAMPLE)))}`,
      p.values,
    )) as { id: string; number: string }[];
  }

  /**
   * A supervisor's review of a resolved case against the rubric as it is now: the case's agent is the one
   * reviewed. One review a case (ALREADY_REVIEWED); a case still open (CASE_NOT_RESOLVED) or that nobody
   * handled (NO_AGENT) cannot be reviewed.
   */
  async review(
    caseId: string,
    scores: readonly CriterionScore[],
    comment: string | null,
    reviewerId: string,
  ): Promise<CaseReview> {
    const rubric = await this.rubric();
    const checked = checkScores(rubric, scores);
    const [supportCase] = (await this.dataSource.query(
      'SELECT id, status, assignee_id, school_id FROM support_case WHERE id = $1',
      [caseId],
    )) as { id: string; status: string; assignee_id: string | null; school_id: string | null }[];
    if (!supportCase) throw new NotFoundException('Case');
    if (!['RESOLVED', 'CLOSED'].includes(supportCase.status))
      throw new ConflictException('Only resolved cases are reviewed', 'CASE_NOT_RESOLVED');
    if (!supportCase.assignee_id)
      throw new ConflictException('Nobody handled this case, so there is no one to coach', 'NO_AGENT');
    const id = randomUUID();
    const [inserted] = (await this.dataSource.query(
      `INSERT INTO case_review (id, case_id, agent_id, school_id, reviewer_id, criteria, scores, average, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (case_id) DO NOTHING RETURNING id`,
      [
        id,
        caseId,
        supportCase.assignee_id,
        supportCase.school_id,
        reviewerId,
        JSON.stringify(rubric),
        JSON.stringify(checked),
        reviewAverage(checked),
        comment?.trim() || null,
      ],
    )) as { id: string }[];
    if (!inserted) throw new ConflictException('This case was already reviewed', 'ALREADY_REVIEWED');
    return (await this.reviews({}, { schools: 'all' }, { id }))[0]!;
  }

  /** Reviews, newest first: of the reach's schools, narrowed by agent or school. */
  async reviews(
    filter: ReviewFilter,
    reach: CoachingReach,
    only: { id?: string } = {},
  ): Promise<CaseReview[]> {
    const p = new SqlParams();
    const conditions = [
      ...(only.id ? [`r.id = ${p.add(only.id)}::uuid`] : []),
      ...(filter.agentId ? [`r.agent_id = ${p.add(filter.agentId)}::uuid`] : []),
      ...(filter.schoolId ? [`r.school_id = ${p.add(filter.schoolId)}::uuid`] : []),
      ...(reach.schools === 'all' ? [] : [`r.school_id = ANY(${p.add([...reach.schools])}::uuid[])`]),
    ];
    const rows = (await this.dataSource.query(
      `SELECT r.*, c.number AS case_number FROM case_review r JOIN support_case c ON c.id = r.case_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY r.created_at DESC, r.id LIMIT 200`,
      p.values,
    )) as ReviewRow[];
    return rows.map(toReview);
  }

  /**
   * Per agent or school and month (the district's), in [from, to): the reviews' count and means, overall
   * and per criterion.
   */
  async trends(
    range: { from: Date; to: Date },
    by: 'AGENT' | 'SCHOOL',
    reach: CoachingReach,
  ): Promise<CoachingTrend[]> {
    const timeZone = this.settings.timeZone;
    const p = new SqlParams();
    const conditions = [
      `created_at >= ${p.add(range.from)}`,
      `created_at < ${p.add(range.to)}`,
      ...(reach.schools === 'all' ? [] : [`school_id = ANY(${p.add([...reach.schools])}::uuid[])`]),
    ];
    const reviews = `SELECT ${by === 'AGENT' ? 'agent_id' : 'school_id'}::text AS key,
                            to_char(date_trunc('month', created_at AT TIME ZONE ${p.add(timeZone)}), 'YYYY-MM') AS month,
                            average, scores
                       FROM case_review WHERE ${conditions.join(' AND ')}`;
    const [overall, criteria] = await Promise.all([
      this.dataSource.query(
        `SELECT key, month, count(*)::int AS reviews, round(avg(average), 2)::float8 AS average
           FROM (${reviews}) r GROUP BY 1, 2 ORDER BY 2, 1`,
        p.values,
      ) as Promise<{ key: string | null; month: string; reviews: number; average: number }[]>,
      this.dataSource.query(
        `SELECT key, month, x->>'criterionId' AS criterion_id, round(avg((x->>'score')::numeric), 2)::float8 AS average
           FROM (${reviews}) r CROSS JOIN jsonb_array_elements(r.scores) AS x GROUP BY 1, 2, 3 ORDER BY 3`,
        p.values,
      ) as Promise<{ key: string | null; month: string; criterion_id: string; average: number }[]>,
    ]);
    return overall.map((row) => ({
      ...row,
      byCriterion: criteria
        .filter((c) => c.key === row.key && c.month === row.month)
        .map((c) => ({ criterionId: c.criterion_id, average: c.average })),
    }));
  }
}

interface ReviewRow {
  id: string;
  case_id: string;
  case_number: string;
  agent_id: string;
  school_id: string | null;
  reviewer_id: string;
  criteria: RubricCriterion[];
  scores: CriterionScore[];
  average: string;
  comment: string | null;
  created_at: Date;
}

function toReview(row: ReviewRow): CaseReview {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    agentId: row.agent_id,
    schoolId: row.school_id,
    reviewerId: row.reviewer_id,
    criteria: row.criteria,
    scores: row.scores,
    average: Number(row.average),
    comment: row.comment,
    createdAt: row.created_at,
  };
}
