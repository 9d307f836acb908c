import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type RollupDefinition, RollupKeeper } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';

/** How many gave each score, 1 to 10: `s1` … `s10`. */
export const SCORE_COLUMNS = Array.from({ length: 10 }, (_, i) => `s${i + 1}`);

export const FIGURE_COLUMNS = `survey_id, grain, period, school, topic, dimension, key, invitations, responses, ${SCORE_COLUMNS.join(', ')}`;

/** Every invitation as a contribution: the shape of `satisfaction_figure_change`, with sign 1. */
const INVITATION_CONTRIBUTIONS = `
  SELECT 1 AS sign, i.survey_id, i.sent_at, i.school_id, i.topic_id, i.assignee_id, i.case_channel,
         i.responded_at IS NOT NULL AS responded, i.score
    FROM survey_invitation i`;

const KEYED = (column: string) => `CASE WHEN GROUPING(${column}) = 1 THEN '*' ELSE ${column} END`;

/**
 * The district's invitations, responses and scores per survey × district day and month: in all, and by
 * school, by topic (dimension `-`, the other key `*`), by staff member (`ASSIGNEE`) and by case channel
 * (`CHANNEL`). Keys are ids as text, `-` for none. A school's or a topic's own figures are read from the
 * invitations through their indexes, not from here. One statement for the fold, the rebuild and the read
 * of changes not folded yet.
 */
export function satisfactionCubeSql(source: string, timeZone: string): string {
  const grained = (grain: 'd' | 'm') => `
    SELECT survey_id, '${grain}'::text AS grain, period, ${KEYED('school')} AS school, ${KEYED('topic')} AS topic,
           CASE WHEN GROUPING(assignee) = 0 THEN 'ASSIGNEE' WHEN GROUPING(channel) = 0 THEN 'CHANNEL' ELSE '-' END AS dimension,
           CASE WHEN GROUPING(assignee) = 0 THEN assignee WHEN GROUPING(channel) = 0 THEN channel ELSE '-' END AS key,
           sum(sign)::int AS invitations, sum(CASE WHEN responded THEN sign ELSE 0 END)::int AS responses,
           ${SCORE_COLUMNS.map((column, i) => `sum(CASE WHEN score = ${i + 1} THEN sign ELSE 0 END)::int AS ${column}`).join(', ')}
      FROM (SELECT s.sign, s.survey_id, s.responded, s.score,
                   coalesce(s.school_id::text, '-') AS school, coalesce(s.topic_id::text, '-') AS topic,
                   coalesce(s.assignee_id::text, '-') AS assignee, coalesce(s.case_channel, '-') AS channel,
                   date_trunc('${grain === 'd' ? 'day' : 'month'}', s.sent_at AT TIME ZONE ${timeZone})::date AS period
              FROM (${source}) s) x
     GROUP BY survey_id, period, GROUPING SETS ((school), (topic), (assignee), (channel), ())`;
  return `${grained('d')} UNION ALL ${grained('m')}`;
}

export const SATISFACTION_FIGURES: RollupDefinition = {
  name: 'satisfaction_figures',
  factTable: 'survey_invitation',
  changeTable: 'satisfaction_figure_change',
  rollupTables: ['satisfaction_figures'],
  basisTable: 'satisfaction_figures_basis',
  contributions: INVITATION_CONTRIBUTIONS,
  async add(manager, source, timeZone) {
    await manager.query(
      `INSERT INTO satisfaction_figures (${FIGURE_COLUMNS}) ${satisfactionCubeSql(source, '$1')}
       ON CONFLICT (survey_id, dimension, school, topic, grain, period, key) DO UPDATE
          SET invitations = satisfaction_figures.invitations + excluded.invitations,
              responses = satisfaction_figures.responses + excluded.responses,
              ${SCORE_COLUMNS.map((column) => `${column} = satisfaction_figures.${column} + excluded.${column}`).join(', ')}`,
      [timeZone],
    );
  },
};

/** Keeps the satisfaction figures in the district's time zone; rebuilt at start-up when that changed. */
@Injectable()
export class SatisfactionRollup extends RollupKeeper {
  constructor(
    dataSource: DataSource,
    @Inject(SURVEY_SETTINGS) settings: SurveySettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(dataSource, SATISFACTION_FIGURES, settings.timeZone, logger);
  }
}
