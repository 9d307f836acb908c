import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { csatSummary, responseRate } from '@homeroom/surveys/domain';
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

export interface CaseSatisfaction {
  /** INVITED (waiting), ANSWERED, EXPIRED, or NOT_INVITED with the reason. */
  status: 'INVITED' | 'ANSWERED' | 'EXPIRED' | 'NOT_INVITED';
  skippedReason: string | null;
  invitedAt: Date | null;
  expiresAt: Date | null;
  respondedAt: Date | null;
  score: number | null;
  comment: string | null;
}

/** The satisfaction results: the CSAT survey's invitations and responses over a range. */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
  ) {}

  async summary(filter: SatisfactionFilter): Promise<SatisfactionReport> {
    const params = [filter.from, filter.to, filter.schoolId ?? null, filter.topicId ?? null];
    const scope = `i.sent_at >= $1 AND i.sent_at < $2
      AND ($3::uuid IS NULL OR i.school_id = $3) AND ($4::uuid IS NULL OR i.topic_id = $4)
      AND i.survey_id = (SELECT id FROM survey WHERE kind = 'CSAT')`;
    const [counts] = (await this.dataSource.query(
      `SELECT count(*)::int AS invitations, count(i.responded_at)::int AS responses FROM survey_invitation i
        WHERE ${scope}`,
      params,
    )) as { invitations: number; responses: number }[];
    const byScore = (await this.dataSource.query(
      `SELECT r.score, count(*)::int AS n FROM survey_invitation i
         JOIN survey_response r ON r.invitation_id = i.id
        WHERE ${scope} AND r.score IS NOT NULL
        GROUP BY r.score`,
      params,
    )) as { score: number; n: number }[];
    const scores = byScore.flatMap(({ score, n }) => Array.from({ length: n }, () => score));
    const suppressed = counts!.responses < this.settings.minimumGroupSize;
    const csat = csatSummary(scores);
    const threshold = this.settings.lowSatisfactionThreshold;
    return {
      invitations: counts!.invitations,
      responses: counts!.responses,
      responseRate: responseRate(counts!.responses, counts!.invitations),
      suppressed,
      csatMean: suppressed ? null : csat.mean,
      distribution: suppressed ? null : csat.distribution,
      lowScores: suppressed ? null : scores.filter((score) => score <= threshold).length,
    };
  }

  /** The satisfaction survey of one case: whether it was sent (or why not), and the answer. */
  async ofCase(caseId: string, now: Date = new Date()): Promise<CaseSatisfaction | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.skip_reason, i.sent_at, i.expires_at, i.responded_at, r.score, r.comment
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
    };
  }
}
