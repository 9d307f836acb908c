import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { reaches, type SchoolReach } from '@homeroom/platform/auth';
import { toCsv } from '@homeroom/shared/csv';
import {
  csatOfDistribution,
  responseRate,
  suppressSmallCells,
  suppressSmallGroups,
} from '@homeroom/surveys/domain';
import {
  satisfactionCounts,
  type SatisfactionCounts,
  type SatisfactionGrouping,
  type SatisfactionScope,
} from '../figures/satisfaction-figures';
import { SatisfactionRollup } from '../figures/satisfaction-rollup';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';

export interface SatisfactionFilter {
  from: Date;
  to: Date;
  schoolId?: string | null;
  topicId?: string | null;
}

export interface SatisfactionReport {
  /** Satisfaction invitations sent in the range. */
  invitations: number;
  /** Of those, how many were answered. */
  responses: number;
  responseRate: number | null;
  /** The figures below are withheld (null) when fewer than the minimum group size answered. */
  suppressed: boolean;
  csatMean: number | null;
  /** Responses giving each score, 1 to 10. */
  distribution: number[] | null;
  /** Responses at or below the low-satisfaction threshold (each opened a follow-up case). */
  lowScores: number | null;
}

export const SATISFACTION_DIMENSIONS = ['SCHOOL', 'TOPIC', 'ASSIGNEE', 'CHANNEL', 'MONTH', 'WEEK'] as const;
export type SatisfactionDimension = (typeof SATISFACTION_DIMENSIONS)[number];

/** One group of a breakdown; its figures are null when withheld (`suppressed`, with the reason). */
export interface SatisfactionGroup {
  /** A school, topic or staff member's id, a channel, a month (2026-11) or an ISO week (2026-W48); 'NONE' for unset. */
  key: string;
  invitations: number;
  responses: number;
  responseRate: number | null;
  suppressed: boolean;
  suppression: 'SMALL_GROUP' | 'COMPLEMENTARY' | null;
  csatMean: number | null;
  lowScores: number | null;
}

/** One district month's satisfaction figures, null where withheld: what the school and agent trends share. */
export interface MonthlySatisfactionFigures {
  /** YYYY-MM in the district's time zone, the month the invitations were sent in. */
  month: string;
  invitations: number;
  responses: number;
  responseRate: number | null;
  suppressed: boolean;
  suppression: 'SMALL_GROUP' | 'COMPLEMENTARY' | null;
  csatMean: number | null;
  lowScores: number | null;
}

/** A school's satisfaction in one district month. */
export interface SatisfactionTrendPoint extends MonthlySatisfactionFigures {
  /** Null: cases of no school (the district office's). */
  schoolId: string | null;
}

/** A staff member's satisfaction in one district month (the cases assigned to them). */
export interface SatisfactionAgentTrendPoint extends MonthlySatisfactionFigures {
  /** The staff member the cases were assigned to. */
  agentId: string;
}

/** Which cases the agents' figures count (the caller's authorization decides it) and whose are kept. */
export interface AgentTrendScope {
  /** Null: every case; else these schools' cases only. */
  schoolIds: readonly string[] | null;
  /** Only this staff member's months; null: everyone's. */
  agentId: string | null;
}

export interface SatisfactionComment {
  responseId: string;
  caseId: string | null;
  score: number | null;
  comment: string;
  /** NEGATIVE, NEUTRAL or POSITIVE (shared/sentiment); null for comments from before it was scored. */
  sentiment: string | null;
  sentimentScore: number | null;
  submittedAt: Date;
}

export interface CaseSatisfaction {
  /** INVITED (waiting), ANSWERED, EXPIRED, or NOT_INVITED with the reason. */
  status: 'INVITED' | 'ANSWERED' | 'EXPIRED' | 'NOT_INVITED';
  skippedReason: string | null;
  invitedAt: Date | null;
  expiresAt: Date | null;
  respondedAt: Date | null;
  score: number | null;
  comment: string | null;
  commentSentiment: string | null;
}

/** Invitations of the satisfaction survey sent in the range ($1–$2), for a school ($3) and topic ($4) when given. */
const SCOPE = `i.sent_at >= $1 AND i.sent_at < $2
  AND ($3::uuid IS NULL OR i.school_id = $3) AND ($4::uuid IS NULL OR i.topic_id = $4)
  AND i.survey_id = (SELECT id FROM survey WHERE kind = 'CSAT')`;

function scopeParams(filter: SatisfactionFilter): unknown[] {
  return [filter.from, filter.to, filter.schoolId ?? null, filter.topicId ?? null];
}

/** The satisfaction results: the CSAT survey's invitations and responses over a range. */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    private readonly rollup: SatisfactionRollup,
  ) {}

  async summary(filter: SatisfactionFilter): Promise<SatisfactionReport> {
    const [all] = await this.counts(filter, 'NONE');
    const invitations = all?.invitations ?? 0;
    const responses = all?.responses ?? 0;
    const csat = csatOfDistribution(all?.distribution ?? Array(10).fill(0));
    const suppressed = responses < this.settings.minimumGroupSize;
    return {
      invitations,
      responses,
      responseRate: responseRate(responses, invitations),
      suppressed,
      csatMean: suppressed ? null : csat.mean,
      distribution: suppressed ? null : csat.distribution,
      lowScores: suppressed ? null : this.lowScores(csat.distribution),
    };
  }

  /**
   * The same figures per school, topic, staff member (the case's assignee), channel, month or week, with
   * groups below the minimum (and, when one alone is, the next smallest) withheld: see `suppressSmallGroups`.
   */
  async breakdown(filter: SatisfactionFilter, by: SatisfactionDimension): Promise<SatisfactionGroup[]> {
    const rows = await this.counts(filter, by);
    const reported = suppressSmallGroups(
      rows.map((row) => ({ ...row, count: row.responses })),
      this.settings.minimumGroupSize,
    );
    return reported.map((group, index) => {
      const row = rows[index]!;
      const base = {
        key: row.key,
        invitations: row.invitations,
        responses: row.responses,
        responseRate: responseRate(row.responses, row.invitations),
      };
      return group.suppressed
        ? { ...base, suppressed: true, suppression: group.reason, csatMean: null, lowScores: null }
        : {
            ...base,
            suppressed: false,
            suppression: null,
            csatMean: csatOfDistribution(row.distribution).mean,
            lowScores: this.lowScores(row.distribution),
          };
    });
  }

  /**
   * Each school's figures per district month of the range, for the coaching trends. Withheld cells are
   * chosen over the whole district's table, whoever asks, so that a school's month is withheld alike
   * for everyone and nothing withheld here is recovered from the school's range or the district's month
   * (`suppressSmallCells`); then only the caller's schools are kept.
   */
  async trend(range: { from: Date; to: Date }, reach: SchoolReach): Promise<SatisfactionTrendPoint[]> {
    const rows = await this.counts(range, 'SCHOOL', true);
    return this.monthCells(rows)
      .map(({ key, ...figures }) => ({ schoolId: key === 'NONE' ? null : key, ...figures }))
      .filter((point) => reaches(reach, point.schoolId));
  }

  /**
   * Each staff member's figures (the cases assigned to them) per district month of the range, counted over
   * every case or over `schoolIds`' cases only (a school-scoped reader's: the rollups keep no school ×
   * staff member, so these are counted from the invitations). Withheld cells are chosen over that whole
   * table, as `trend` chooses them, whichever agent is asked for; then only `agentId`'s are kept when
   * given. Unassigned cases count towards the withholding but are nobody's row.
   */
  async agentTrend(
    range: { from: Date; to: Date },
    scope: AgentTrendScope,
  ): Promise<SatisfactionAgentTrendPoint[]> {
    const rows = await this.counts({ ...range, schoolIds: scope.schoolIds }, 'ASSIGNEE', true);
    return this.monthCells(rows)
      .filter((cell) => cell.key !== 'NONE' && (!scope.agentId || cell.key === scope.agentId))
      .map(({ key, ...figures }) => ({ agentId: key, ...figures }));
  }

  /** A monthly table (group × month) with its small cells and their complements withheld. */
  private monthCells(rows: readonly SatisfactionCounts[]) {
    const cells = suppressSmallCells(
      rows.map((row) => ({ ...row, row: row.key, column: row.month, count: row.responses })),
      this.settings.minimumGroupSize,
    );
    return cells.map((cell) => ({
      key: cell.key,
      month: cell.month,
      invitations: cell.invitations,
      responses: cell.responses,
      responseRate: responseRate(cell.responses, cell.invitations),
      suppressed: cell.suppressed,
      suppression: cell.reason,
      csatMean: cell.suppressed ? null : csatOfDistribution(cell.distribution).mean,
      lowScores: cell.suppressed ? null : this.lowScores(cell.distribution),
    }));
  }

  /** The invitations, responses and scores of the range, grouped, from the rollups (ADR 26). */
  private counts(filter: SatisfactionScope, grouping: SatisfactionGrouping, monthly = false) {
    return satisfactionCounts(
      this.dataSource.manager,
      this.rollup,
      filter,
      grouping,
      this.settings.timeZone,
      monthly,
    );
  }

  /** Responses at or below the low-satisfaction threshold (each opened a follow-up case). */
  private lowScores(distribution: readonly number[]): number {
    return distribution
      .slice(0, this.settings.lowSatisfactionThreshold)
      .reduce((sum, count) => sum + count, 0);
  }

  /** A breakdown as CSV (RFC 4180), withheld figures left empty, for spreadsheets and board reports. */
  async breakdownCsv(filter: SatisfactionFilter, by: SatisfactionDimension): Promise<string> {
    const groups = await this.breakdown(filter, by);
    return toCsv(
      ['group', 'invitations', 'responses', 'response_rate', 'csat_mean', 'low_scores', 'withheld'],
      groups.map((g) => [
        g.key,
        g.invitations,
        g.responses,
        g.responseRate === null ? null : Number(g.responseRate.toFixed(3)),
        g.csatMean,
        g.lowScores,
        g.suppression,
      ]),
    );
  }

  /**
   * The comments behind the figures, newest first, each with its score and how it came across; only
   * `sentiment` ones when asked (NEGATIVE: where to look first).
   */
  async comments(
    filter: SatisfactionFilter,
    options: { first: number; sentiment?: string | null },
  ): Promise<SatisfactionComment[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.case_id, r.score, r.comment, r.comment_sentiment, r.comment_sentiment_score, r.submitted_at
         FROM survey_invitation i JOIN survey_response r ON r.invitation_id = i.id
        WHERE ${SCOPE} AND r.comment IS NOT NULL AND ($5::text IS NULL OR r.comment_sentiment = $5)
        ORDER BY r.submitted_at DESC, r.id DESC
        LIMIT $6`,
      [...scopeParams(filter), options.sentiment ?? null, options.first],
    )) as {
      id: string;
      case_id: string | null;
      score: number | null;
      comment: string;
      comment_sentiment: string | null;
      comment_sentiment_score: number | null;
      submitted_at: Date;
    }[];
    return rows.map((row) => ({
      responseId: row.id,
      caseId: row.case_id,
      score: row.score,
      comment: row.comment,
      sentiment: row.comment_sentiment,
      sentimentScore: row.comment_sentiment_score,
      submittedAt: row.submitted_at,
    }));
  }

  /** The satisfaction survey of one case: whether it was sent (or why not), and the answer. */
  async ofCase(caseId: string, now: Date = new Date()): Promise<CaseSatisfaction | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.skip_reason, i.sent_at, i.expires_at, i.responded_at, r.score, r.comment, r.comment_sentiment
         FROM csat_case c
         LEFT JOIN survey_invitation i ON i.id = c.invitation_id
         LEFT JOIN survey_response r ON r.invitation_id = i.id
        WHERE c.case_id = $1 AND c.decided_at IS NOT NULL`,
      [caseId],
    )) as {
      skip_reason: string | null;
      sent_at: Date | null;
      expires_at: Date | null;
      responded_at: Date | null;
      score: number | null;
      comment: string | null;
      comment_sentiment: string | null;
    }[];
    if (!row) return null;
    const status = !row.sent_at
      ? 'NOT_INVITED'
      : row.responded_at
        ? 'ANSWERED'
        : row.expires_at! <= now
          ? 'EXPIRED'
          : 'INVITED';
    return {
      status,
      skippedReason: row.skip_reason,
      invitedAt: row.sent_at,
      expiresAt: row.expires_at,
      respondedAt: row.responded_at,
      score: row.score,
      comment: row.comment,
      commentSentiment: row.comment_sentiment,
    };
  }
}
