import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundException } from '@homeroom/shared/errors';
import {
  assessmentStage,
  combineAssessments,
  isSelfAssessment,
  localize,
  npsSummary,
  responseRate,
  type AssessmentResult,
  type NpsSummary,
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
