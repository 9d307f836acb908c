import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundException } from '@homeroom/shared/errors';
import {
  assessmentStage,
  combineAssessments,
  isSelfAssessment,
  localize,
  npsOfCounts,
  npsSummary,
  responseRate,
  suppressSmallGroups,
  type AssessmentResult,
  type NpsSummary,
  type SuppressionReason,
} from '@homeroom/surveys/domain';
import { SurveyEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { SurveyService } from './survey.service';

export interface QuestionResult {
  questionId: string;
  kind: string;
  text: string;
  answered: number;
  /** SCALE and NPS: the mean answer. */
  mean: number | null;
  /** SCALE and NPS: how many gave each value, from the lowest to the highest. */
  distribution: number[] | null;
  nps: NpsSummary | null;
  /** SINGLE_CHOICE and MULTI_CHOICE: how many chose each choice. */
  choices: { choiceId: string; text: string; count: number }[] | null;
}

export interface SurveyResults {
  invitations: number;
  responses: number;
  responseRate: number | null;
  /** Fewer responses than the district minimum: the figures below are withheld. */
  suppressed: boolean;
  questions: QuestionResult[] | null;
  /** The customer-service self-assessment: where its respondents place the district. */
  assessment: AssessmentResult | null;
}

/** The district's Net Promoter Score over a range; see `SurveyResultsService.districtNps`. */
export interface DistrictNps extends NpsSummary {
  /** Why the score is withheld (promoters, passives and detractors then 0); null when it is shown. */
  suppression: SuppressionReason | null;
}

/**
 * Every answer to an NPS question of a district survey from responses submitted in [$1, $2), counted by
 * score (the question's kind in the version each response answered, so a reworded survey counts right),
 * with the grand total (`GROUPING`) and how many responses gave them. The surveys with an NPS question
 * are named to the index up front (`survey_id = ANY (ARRAY(…))`), so `ix_survey_response_submitted
 * (survey_id, submitted_at)` reads only their responses in the range, never the satisfaction survey's.
 */
const DISTRICT_NPS = `
  WITH nps_question AS (
    SELECT v.survey_id, q->>'id' AS question_id, array_agg(v.version) AS versions
      FROM survey s
      JOIN survey_version v ON v.survey_id = s.id
     CROSS JOIN LATERAL jsonb_array_elements(v.definition->'questions') q
     WHERE s.kind = 'DISTRICT' AND q->>'kind' = 'NPS'
     GROUP BY 1, 2
  ), answer AS (
    SELECT r.id AS response_id, (r.answers->>n.question_id)::int AS score
      FROM nps_question n
      JOIN survey_response r ON r.survey_id = n.survey_id AND r.version = ANY(n.versions)
     WHERE r.survey_id = ANY (ARRAY(SELECT survey_id FROM nps_question))
       AND r.submitted_at >= $1 AND r.submitted_at < $2
       AND jsonb_typeof(r.answers->n.question_id) = 'number'
  )
  SELECT score, GROUPING(score) = 1 AS total, count(*)::int AS answers,
         count(DISTINCT response_id)::int AS respondents
    FROM answer
   GROUP BY GROUPING SETS ((score), ())`;

/**
 * A survey's results, question by question, in the language asked for (the current version's wording;
 * answers to every version count, by question id). Withheld below the minimum number of responses.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveyService,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
  ) {}

  async results(surveyId: string, language?: string | null): Promise<SurveyResults> {
    const found = await this.surveys.withDefinition(surveyId);
    if (!found) throw new NotFoundException('Survey');
    const { survey, definition } = found;
    const [counts] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM survey_invitation WHERE survey_id = $1)::int AS invitations,
              (SELECT count(*) FROM survey_response WHERE survey_id = $1)::int AS responses`,
      [surveyId],
    )) as { invitations: number; responses: number }[];
    const { invitations, responses } = counts!;
    const base = {
      invitations,
      responses,
      // Open links bring answers without invitations: the rate is over personal invitations only.
      responseRate: invitations
        ? Math.min(1, responseRate(Math.min(responses, invitations), invitations)!)
        : null,
    };
    if (responses < this.settings.minimumGroupSize)
      return { ...base, suppressed: true, questions: null, assessment: null };

    const localized = localize(definition, language ?? definition.defaultLanguage);
    const questions: QuestionResult[] = [];
    for (const question of localized.questions) {
      const result: QuestionResult = {
        questionId: question.id,
        kind: question.kind,
        text: question.text,
        answered: 0,
        mean: null,
        distribution: null,
        nps: null,
        choices: null,
      };
      if (question.kind === 'SCALE' || question.kind === 'NPS') {
        const rows = await this.counts(
          survey,
          question.id,
          `(answers->>$2)::int`,
          `jsonb_typeof(answers->$2) = 'number'`,
        );
        const values = rows.flatMap(({ value, n }) => Array.from({ length: n }, () => Number(value)));
        result.answered = values.length;
        result.mean = values.length
          ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100
          : null;
        result.distribution = Array.from(
          { length: question.max - question.min + 1 },
          (_, index) => values.filter((value) => value === question.min + index).length,
        );
        if (question.kind === 'NPS') result.nps = npsSummary(values);
      } else if (question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE') {
        const rows =
          question.kind === 'SINGLE_CHOICE'
            ? await this.counts(survey, question.id, `answers->>$2`, `answers ? $2`)
            : await this.counts(
                survey,
                question.id,
                `jsonb_array_elements_text(answers->$2)`,
                `jsonb_typeof(answers->$2) = 'array'`,
              );
        const [{ n: answered }] = (await this.dataSource.query(
          'SELECT count(*)::int AS n FROM survey_response WHERE survey_id = $1 AND answers ? $2',
          [survey.id, question.id],
        )) as [{ n: number }];
        result.answered = answered;
        result.choices = question.choices.map((choice) => ({
          choiceId: choice.id,
          text: choice.text,
          count: rows.find((row) => row.value === choice.id)?.n ?? 0,
        }));
      } else {
        const [{ n }] = (await this.dataSource.query(
          `SELECT count(*)::int AS n FROM survey_response WHERE survey_id = $1 AND answers ? $2`,
          [survey.id, question.id],
        )) as [{ n: number }];
        result.answered = n;
      }
      questions.push(result);
    }
    return { ...base, suppressed: false, questions, assessment: await this.assessment(survey, definition) };
  }

  /**
   * The district's Net Promoter Score over a range: every answer to an NPS question of a district survey
   * (not the satisfaction survey after cases) from responses submitted in it, whichever survey, audience or
   * link they came through; aggregated in the database. District-wide only: a district survey's responses
   * carry no school (invitations go to people, open links are anonymous). Withheld like every survey
   * figure when fewer people than the district minimum answered (`suppressSmallGroups`, SMALL_GROUP);
   * a respondent answering two NPS questions is one person, however many answers.
   */
  async districtNps(range: { from: Date; to: Date }): Promise<DistrictNps> {
    const rows = (await this.dataSource.query(DISTRICT_NPS, [range.from, range.to])) as {
      score: number | null;
      total: boolean;
      answers: number;
      respondents: number;
    }[];
    const respondents = rows.find((row) => row.total)?.respondents ?? 0;
    const summary = npsOfCounts(
      rows.filter((row) => !row.total).map((row) => ({ score: row.score!, count: row.answers })),
    );
    const [reported] = suppressSmallGroups(
      [{ key: 'district', count: respondents }],
      this.settings.minimumGroupSize,
    );
    return reported!.suppressed
      ? {
          count: summary.count,
          promoters: 0,
          passives: 0,
          detractors: 0,
          nps: null,
          suppression: reported!.reason,
        }
      : { ...summary, suppression: null };
  }

  private counts(survey: SurveyEntity, questionId: string, value: string, answered: string) {
    return this.dataSource.query(
      `SELECT ${value} AS value, count(*)::int AS n FROM survey_response
        WHERE survey_id = $1 AND ${answered} GROUP BY 1`,
      [survey.id, questionId],
    ) as Promise<{ value: string | number; n: number }[]>;
  }

  private async assessment(
    survey: SurveyEntity,
    definition: Parameters<typeof isSelfAssessment>[0],
  ): Promise<AssessmentResult | null> {
    if (!isSelfAssessment(definition)) return null;
    const rows = (await this.dataSource.query('SELECT answers FROM survey_response WHERE survey_id = $1', [
      survey.id,
    ])) as { answers: Record<string, unknown> }[];
    return combineAssessments(rows.map((row) => assessmentStage(row.answers)));
  }
}
