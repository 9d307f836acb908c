import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting rollups behind `caseMetrics` (ADR 26): the district's contacts, resolved and reopened
 * cases per district day and month (by school, by topic, by channel per day), and histograms of its
 * first-response and resolution times, kept by triggers and a fold (case-figures-rollup.ts).
 *
 * `was_resolved` / `was_reopened` say whether a case was ever resolved / reopened, which the figures count
 * and which a case row alone did not tell (the timeline did): a trigger on the timeline keeps them, so the
 * figures follow every path that records a status change, the demo history's included.
 *
 * The rollups start empty with no time zone: the cases service builds them from the cases at start-up,
 * for the district's time zone (its configuration, which a migration does not know).
 */
export class CaseFigures1764430000000 implements MigrationInterface {
  name = 'CaseFigures1764430000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE support_case
        ADD COLUMN was_resolved boolean NOT NULL DEFAULT false,
        ADD COLUMN was_reopened boolean NOT NULL DEFAULT false`);
    await runner.query(`
      UPDATE support_case c SET was_resolved = s.resolved, was_reopened = s.reopened
        FROM (SELECT case_id,
                     bool_or(details->>'to' = 'RESOLVED') AS resolved,
                     bool_or(details->>'from' = 'RESOLVED' AND details->>'to' = 'OPEN') AS reopened
                FROM case_timeline WHERE kind = 'STATUS_CHANGED' GROUP BY case_id) s
       WHERE s.case_id = c.id AND (s.resolved OR s.reopened)`);
    await runner.query(`
      CREATE FUNCTION case_timeline_marks_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.details->>'to' = 'RESOLVED' THEN
          UPDATE support_case SET was_resolved = true WHERE id = NEW.case_id AND NOT was_resolved;
        ELSIF NEW.details->>'from' = 'RESOLVED' AND NEW.details->>'to' = 'OPEN' THEN
          UPDATE support_case SET was_reopened = true WHERE id = NEW.case_id AND NOT was_reopened;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_case_timeline_marks_case AFTER INSERT ON case_timeline
        FOR EACH ROW WHEN (NEW.kind = 'STATUS_CHANGED') EXECUTE FUNCTION case_timeline_marks_case()`);

    await runner.query(`
      CREATE TABLE case_figure_change (
        id bigint GENERATED ALWAYS AS IDENTITY,
        sign smallint NOT NULL,
        created_at timestamptz NOT NULL,
        school_id uuid,
        topic_id uuid,
        channel text NOT NULL,
        confidential boolean NOT NULL,
        first_response_minutes float8,
        resolution_minutes float8,
        resolved boolean NOT NULL,
        reopened boolean NOT NULL,
        CONSTRAINT pk_case_figure_change PRIMARY KEY (id)
      )`);
    // Readers add the changes not folded yet for their range.
    await runner.query('CREATE INDEX ix_case_figure_change_created ON case_figure_change (created_at)');
    await runner.query(`
      CREATE FUNCTION support_case_figure_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO case_figure_change (sign, created_at, school_id, topic_id, channel, confidential,
                                          first_response_minutes, resolution_minutes, resolved, reopened)
          VALUES (-1, OLD.created_at, OLD.school_id, OLD.topic_id, OLD.channel, OLD.confidential,
                  extract(epoch FROM OLD.first_responded_at - OLD.created_at) / 60,
                  extract(epoch FROM OLD.resolved_at - OLD.created_at) / 60, OLD.was_resolved, OLD.was_reopened);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO case_figure_change (sign, created_at, school_id, topic_id, channel, confidential,
                                          first_response_minutes, resolution_minutes, resolved, reopened)
          VALUES (1, NEW.created_at, NEW.school_id, NEW.topic_id, NEW.channel, NEW.confidential,
                  extract(epoch FROM NEW.first_responded_at - NEW.created_at) / 60,
                  extract(epoch FROM NEW.resolved_at - NEW.created_at) / 60, NEW.was_resolved, NEW.was_reopened);
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_support_case_figures AFTER INSERT OR DELETE ON support_case
        FOR EACH ROW EXECUTE FUNCTION support_case_figure_change()`);
    // Only the columns the figures read; an assignment or a tag writes no change.
    await runner.query(`
      CREATE TRIGGER tr_support_case_figures_update
        AFTER UPDATE OF created_at, school_id, topic_id, channel, confidential, first_responded_at, resolved_at,
                        was_resolved, was_reopened ON support_case
        FOR EACH ROW WHEN (
          OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.school_id IS DISTINCT FROM NEW.school_id
          OR OLD.topic_id IS DISTINCT FROM NEW.topic_id OR OLD.channel IS DISTINCT FROM NEW.channel
          OR OLD.confidential IS DISTINCT FROM NEW.confidential
          OR OLD.first_responded_at IS DISTINCT FROM NEW.first_responded_at
          OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
          OR OLD.was_resolved IS DISTINCT FROM NEW.was_resolved OR OLD.was_reopened IS DISTINCT FROM NEW.was_reopened)
        EXECUTE FUNCTION support_case_figure_change()`);

    await runner.query(`
      CREATE TABLE case_figures (
        grain text NOT NULL,
        period date NOT NULL,
        school text NOT NULL,
        topic text NOT NULL,
        channel text NOT NULL,
        confidential boolean NOT NULL,
        opened integer NOT NULL,
        resolved integer NOT NULL,
        reopened integer NOT NULL,
        CONSTRAINT pk_case_figures PRIMARY KEY (school, grain, period, topic, channel, confidential),
        CONSTRAINT ck_case_figures_grain CHECK (grain IN ('d', 'm'))
      )`);
    // The comparison of schools: every school's row (of all topics) over a range.
    await runner.query('CREATE INDEX ix_case_figures_by_topic ON case_figures (topic, grain, period)');
    // The backlog (cases in hand now) counted from the open cases alone, by school and topic.
    await runner.query(
      `CREATE INDEX ix_support_case_backlog ON support_case (school_id, topic_id) INCLUDE (confidential)
        WHERE status NOT IN ('RESOLVED', 'CLOSED')`,
    );
    // A topic's figures come from the cases (the rollups hold the district's), through this index.
    await runner.query('CREATE INDEX ix_support_case_topic ON support_case (topic_id, created_at)');
    await runner.query(`
      CREATE TABLE case_duration_figures (
        grain text NOT NULL,
        period date NOT NULL,
        school text NOT NULL,
        topic text NOT NULL,
        confidential boolean NOT NULL,
        kind text NOT NULL,
        bucket integer NOT NULL,
        count integer NOT NULL,
        total_minutes float8 NOT NULL,
        CONSTRAINT pk_case_duration_figures PRIMARY KEY (school, topic, grain, period, confidential, kind, bucket),
        CONSTRAINT ck_case_duration_figures_kind CHECK (kind IN ('f', 'r'))
      )`);
    await runner.query(`
      CREATE TABLE case_figures_basis (
        singleton boolean NOT NULL DEFAULT true,
        time_zone text,
        built_at timestamptz,
        CONSTRAINT pk_case_figures_basis PRIMARY KEY (singleton),
        CONSTRAINT ck_case_figures_basis_singleton CHECK (singleton)
      )`);
    await runner.query('INSERT INTO case_figures_basis DEFAULT VALUES');
    // Emptying the cases (tests, a district starting over) empties what was counted from them.
    await runner.query(`
      CREATE FUNCTION support_case_figures_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE case_figure_change, case_figures, case_duration_figures;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_support_case_figures_truncate AFTER TRUNCATE ON support_case
        FOR EACH STATEMENT EXECUTE FUNCTION support_case_figures_truncated()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER tr_support_case_figures_truncate ON support_case');
    await runner.query('DROP FUNCTION support_case_figures_truncated()');
    await runner.query('DROP TABLE case_figures_basis, case_duration_figures, case_figures');
    await runner.query('DROP INDEX ix_support_case_topic');
    await runner.query('DROP INDEX ix_support_case_backlog');
    await runner.query('DROP TRIGGER tr_support_case_figures_update ON support_case');
    await runner.query('DROP TRIGGER tr_support_case_figures ON support_case');
    await runner.query('DROP FUNCTION support_case_figure_change()');
    await runner.query('DROP TABLE case_figure_change');
    await runner.query('DROP TRIGGER tr_case_timeline_marks_case ON case_timeline');
    await runner.query('DROP FUNCTION case_timeline_marks_case()');
    await runner.query('ALTER TABLE support_case DROP COLUMN was_resolved, DROP COLUMN was_reopened');
  }
}
