import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting rollups behind `satisfaction` and its breakdowns (ADR 26): the district's invitations,
 * responses and how many gave each score 1–10, per survey × district day and month, in all and by school,
 * topic, staff member (the case's assignee) and case channel. Kept by
 * triggers on `survey_invitation` and a fold (satisfaction-rollup.ts); built from the invitations at the
 * service's start-up, for the district's time zone.
 */
export class SatisfactionFigures1764950000000 implements MigrationInterface {
  name = 'SatisfactionFigures1764950000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE satisfaction_figure_change (
        id bigint GENERATED ALWAYS AS IDENTITY,
        sign smallint NOT NULL,
        survey_id uuid NOT NULL,
        sent_at timestamptz NOT NULL,
        school_id uuid,
        topic_id uuid,
        assignee_id uuid,
        case_channel text,
        responded boolean NOT NULL,
        score integer,
        CONSTRAINT pk_satisfaction_figure_change PRIMARY KEY (id)
      )`);
    await runner.query(
      'CREATE INDEX ix_satisfaction_figure_change_sent ON satisfaction_figure_change (sent_at)',
    );
    await runner.query(`
      CREATE FUNCTION survey_invitation_figure_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO satisfaction_figure_change (sign, survey_id, sent_at, school_id, topic_id, assignee_id,
                                                  case_channel, responded, score)
          VALUES (-1, OLD.survey_id, OLD.sent_at, OLD.school_id, OLD.topic_id, OLD.assignee_id, OLD.case_channel,
                  OLD.responded_at IS NOT NULL, OLD.score);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO satisfaction_figure_change (sign, survey_id, sent_at, school_id, topic_id, assignee_id,
                                                  case_channel, responded, score)
          VALUES (1, NEW.survey_id, NEW.sent_at, NEW.school_id, NEW.topic_id, NEW.assignee_id, NEW.case_channel,
                  NEW.responded_at IS NOT NULL, NEW.score);
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_survey_invitation_figures AFTER INSERT OR DELETE ON survey_invitation
        FOR EACH ROW EXECUTE FUNCTION survey_invitation_figure_change()`);
    // A reminder sent or a link expiring writes no change; an answer does.
    await runner.query(`
      CREATE TRIGGER tr_survey_invitation_figures_update
        AFTER UPDATE OF survey_id, sent_at, school_id, topic_id, assignee_id, case_channel, responded_at, score
        ON survey_invitation
        FOR EACH ROW WHEN (
          OLD.survey_id IS DISTINCT FROM NEW.survey_id OR OLD.sent_at IS DISTINCT FROM NEW.sent_at
          OR OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.topic_id IS DISTINCT FROM NEW.topic_id
          OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.case_channel IS DISTINCT FROM NEW.case_channel
          OR (OLD.responded_at IS NULL) <> (NEW.responded_at IS NULL) OR OLD.score IS DISTINCT FROM NEW.score)
        EXECUTE FUNCTION survey_invitation_figure_change()`);

    const scores = Array.from({ length: 10 }, (_, i) => `s${i + 1} integer NOT NULL`).join(', ');
    await runner.query(`
      CREATE TABLE satisfaction_figures (
        survey_id uuid NOT NULL,
        grain text NOT NULL,
        period date NOT NULL,
        school text NOT NULL,
        topic text NOT NULL,
        dimension text NOT NULL,
        key text NOT NULL,
        invitations integer NOT NULL,
        responses integer NOT NULL,
        ${scores},
        CONSTRAINT pk_satisfaction_figures PRIMARY KEY (survey_id, dimension, school, topic, grain, period, key),
        CONSTRAINT ck_satisfaction_figures_grain CHECK (grain IN ('d', 'm')),
        CONSTRAINT ck_satisfaction_figures_dimension CHECK (dimension IN ('-', 'ASSIGNEE', 'CHANNEL'))
      )`);
    // The breakdown by school reads every school's rows of one range.
    await runner.query(
      'CREATE INDEX ix_satisfaction_figures_by_topic ON satisfaction_figures (survey_id, dimension, topic, grain, period)',
    );
    // A topic's figures come from the invitations (the rollups hold the district's), through this index.
    await runner.query(
      `CREATE INDEX ix_survey_invitation_topic_results ON survey_invitation (survey_id, topic_id, sent_at)
        INCLUDE (school_id, assignee_id, case_channel, responded_at, score)`,
    );
    await runner.query(`
      CREATE TABLE satisfaction_figures_basis (
        singleton boolean NOT NULL DEFAULT true,
        time_zone text,
        built_at timestamptz,
        CONSTRAINT pk_satisfaction_figures_basis PRIMARY KEY (singleton),
        CONSTRAINT ck_satisfaction_figures_basis_singleton CHECK (singleton)
      )`);
    await runner.query('INSERT INTO satisfaction_figures_basis DEFAULT VALUES');
    await runner.query(`
      CREATE FUNCTION survey_invitation_figures_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE satisfaction_figure_change, satisfaction_figures;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_survey_invitation_figures_truncate AFTER TRUNCATE ON survey_invitation
        FOR EACH STATEMENT EXECUTE FUNCTION survey_invitation_figures_truncated()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER tr_survey_invitation_figures_truncate ON survey_invitation');
    await runner.query('DROP FUNCTION survey_invitation_figures_truncated()');
    await runner.query('DROP TABLE satisfaction_figures_basis, satisfaction_figures');
    await runner.query('DROP INDEX ix_survey_invitation_topic_results');
    await runner.query('DROP TRIGGER tr_survey_invitation_figures_update ON survey_invitation');
    await runner.query('DROP TRIGGER tr_survey_invitation_figures ON survey_invitation');
    await runner.query('DROP FUNCTION survey_invitation_figure_change()');
    await runner.query('DROP TABLE satisfaction_figure_change');
  }
}
