import type { MigrationInterface, QueryRunner } from 'typeorm';
import { businessMinutesBetween } from '@homeroom/slas/domain';
import { CalendarService } from '../services/calendar.service';

const BACKFILL_BATCH = 5_000;

/**
 * The reporting rollups behind `slaAttainment` (ADR 26): per district day and month, in all and by school,
 * the cases opened, and for each kind of timer how many there are, met, breached and still open; and the
 * business minutes to the first response as a histogram, for the median. Kept by triggers on `sla_case`
 * and `sla_timer` and a fold (sla-figures-rollup.ts); built from the facts at the service's start-up, for
 * the district's time zone. The minutes to a first response are kept on its timer from now on (they were
 * computed at each read, on each case's calendar); existing first responses get theirs here.
 */
export class SlaFigures1765000000000 implements MigrationInterface {
  name = 'SlaFigures1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE sla_timer ADD COLUMN response_business_minutes double precision');
    await backfillResponseMinutes(runner);
    await runner.query(`
      CREATE TABLE sla_figure_change (
        id bigint GENERATED ALWAYS AS IDENTITY,
        sign smallint NOT NULL,
        opened_at timestamptz NOT NULL,
        school_id uuid,
        kind text NOT NULL,
        status text,
        response_minutes double precision,
        CONSTRAINT pk_sla_figure_change PRIMARY KEY (id),
        CONSTRAINT ck_sla_figure_change_kind CHECK (kind IN ('CASE', 'FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'))
      )`);
    await runner.query('CREATE INDEX ix_sla_figure_change_opened ON sla_figure_change (opened_at)');
    // A timer counts under its case's opening day and school, and not at all once the case is merged away.
    await runner.query(`
      CREATE FUNCTION sla_timer_figure_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c sla_case%ROWTYPE;
      BEGIN
        SELECT * INTO c FROM sla_case WHERE case_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
        IF NOT FOUND OR c.merged THEN
          RETURN NULL;
        END IF;
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO sla_figure_change (sign, opened_at, school_id, kind, status, response_minutes)
          VALUES (-1, c.opened_at, c.school_id, OLD.kind, OLD.status, OLD.response_business_minutes);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO sla_figure_change (sign, opened_at, school_id, kind, status, response_minutes)
          VALUES (1, c.opened_at, c.school_id, NEW.kind, NEW.status, NEW.response_business_minutes);
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_sla_timer_figures AFTER INSERT OR DELETE ON sla_timer
        FOR EACH ROW EXECUTE FUNCTION sla_timer_figure_change()`);
    // A deadline recomputed or a minute consumed writes no change; a timer met, breached or reopened does.
    await runner.query(`
      CREATE TRIGGER tr_sla_timer_figures_update
        AFTER UPDATE OF kind, status, response_business_minutes ON sla_timer
        FOR EACH ROW WHEN (
          OLD.kind IS DISTINCT FROM NEW.kind OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.response_business_minutes IS DISTINCT FROM NEW.response_business_minutes)
        EXECUTE FUNCTION sla_timer_figure_change()`);
    // The case itself counts once; a case moved to another school or merged away moves its timers too.
    await runner.query(`
      CREATE FUNCTION sla_case_figure_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND NOT OLD.merged THEN
          INSERT INTO sla_figure_change (sign, opened_at, school_id, kind, status, response_minutes)
          SELECT -1, OLD.opened_at, OLD.school_id, 'CASE', NULL, NULL
          UNION ALL
          SELECT -1, OLD.opened_at, OLD.school_id, t.kind, t.status, t.response_business_minutes
            FROM sla_timer t WHERE t.case_id = OLD.case_id;
        END IF;
        IF TG_OP <> 'DELETE' AND NOT NEW.merged THEN
          INSERT INTO sla_figure_change (sign, opened_at, school_id, kind, status, response_minutes)
          SELECT 1, NEW.opened_at, NEW.school_id, 'CASE', NULL, NULL
          UNION ALL
          SELECT 1, NEW.opened_at, NEW.school_id, t.kind, t.status, t.response_business_minutes
            FROM sla_timer t WHERE t.case_id = NEW.case_id;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_sla_case_figures AFTER INSERT OR DELETE ON sla_case
        FOR EACH ROW EXECUTE FUNCTION sla_case_figure_change()`);
    await runner.query(`
      CREATE TRIGGER tr_sla_case_figures_update AFTER UPDATE OF opened_at, school_id, merged ON sla_case
        FOR EACH ROW WHEN (
          OLD.opened_at IS DISTINCT FROM NEW.opened_at OR OLD.school_id IS DISTINCT FROM NEW.school_id
          OR OLD.merged IS DISTINCT FROM NEW.merged)
        EXECUTE FUNCTION sla_case_figure_change()`);

    await runner.query(`
      CREATE TABLE sla_figures (
        kind text NOT NULL,
        school text NOT NULL,
        grain text NOT NULL,
        period date NOT NULL,
        total integer NOT NULL,
        met integer NOT NULL,
        breached integer NOT NULL,
        open integer NOT NULL,
        CONSTRAINT pk_sla_figures PRIMARY KEY (kind, school, grain, period),
        CONSTRAINT ck_sla_figures_grain CHECK (grain IN ('d', 'm'))
      )`);
    await runner.query(`
      CREATE TABLE sla_response_figures (
        school text NOT NULL,
        grain text NOT NULL,
        period date NOT NULL,
        bucket integer NOT NULL,
        count integer NOT NULL,
        total double precision NOT NULL,
        CONSTRAINT pk_sla_response_figures PRIMARY KEY (school, grain, period, bucket),
        CONSTRAINT ck_sla_response_figures_grain CHECK (grain IN ('d', 'm'))
      )`);
    await runner.query(`
      CREATE TABLE sla_figures_basis (
        singleton boolean NOT NULL DEFAULT true,
        time_zone text,
        built_at timestamptz,
        CONSTRAINT pk_sla_figures_basis PRIMARY KEY (singleton),
        CONSTRAINT ck_sla_figures_basis_singleton CHECK (singleton)
      )`);
    await runner.query('INSERT INTO sla_figures_basis DEFAULT VALUES');
    // Emptying the timers leaves the cases: their own contributions are queued again for the fold.
    await runner.query(`
      CREATE FUNCTION sla_facts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE sla_figure_change, sla_figures, sla_response_figures;
        INSERT INTO sla_figure_change (sign, opened_at, school_id, kind, status, response_minutes)
        SELECT 1, opened_at, school_id, 'CASE', NULL, NULL FROM sla_case WHERE NOT merged;
        RETURN NULL;
      END $$`);
    for (const table of ['sla_case', 'sla_timer'])
      await runner.query(`
        CREATE TRIGGER tr_${table}_figures_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION sla_facts_truncated()`);
    // A school's or a topic's figures are read from the facts, by these.
    await runner.query('CREATE INDEX ix_sla_case_school_opened ON sla_case (school_id, opened_at)');
    await runner.query('CREATE INDEX ix_sla_case_topic_opened ON sla_case (topic_id, opened_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_sla_case_topic_opened, ix_sla_case_school_opened');
    await runner.query('DROP TRIGGER tr_sla_timer_figures_truncate ON sla_timer');
    await runner.query('DROP TRIGGER tr_sla_case_figures_truncate ON sla_case');
    await runner.query('DROP FUNCTION sla_facts_truncated()');
    await runner.query('DROP TABLE sla_figures_basis, sla_response_figures, sla_figures');
    await runner.query('DROP TRIGGER tr_sla_case_figures_update ON sla_case');
    await runner.query('DROP TRIGGER tr_sla_case_figures ON sla_case');
    await runner.query('DROP FUNCTION sla_case_figure_change()');
    await runner.query('DROP TRIGGER tr_sla_timer_figures_update ON sla_timer');
    await runner.query('DROP TRIGGER tr_sla_timer_figures ON sla_timer');
    await runner.query('DROP FUNCTION sla_timer_figure_change()');
    await runner.query('DROP TABLE sla_figure_change');
    await runner.query('ALTER TABLE sla_timer DROP COLUMN response_business_minutes');
  }
}

/** Business minutes from opening to the first response, on each timer's calendar, as reads computed them. */
async function backfillResponseMinutes(runner: QueryRunner): Promise<void> {
  const calendars = new CalendarService(runner.connection);
  for (;;) {
    const rows = (await runner.query(
      `SELECT t.case_id, t.calendar_id, c.opened_at, t.met_at
         FROM sla_timer t JOIN sla_case c ON c.case_id = t.case_id
        WHERE t.kind = 'FIRST_RESPONSE' AND t.met_at IS NOT NULL AND t.response_business_minutes IS NULL
        LIMIT ${BACKFILL_BATCH}`,
    )) as { case_id: string; calendar_id: string | null; opened_at: Date; met_at: Date }[];
    if (rows.length === 0) return;
    const minutes: number[] = [];
    for (const row of rows) {
      const calendar = await calendars.byId(runner.manager, row.calendar_id);
      minutes.push(businessMinutesBetween(calendar, row.opened_at, row.met_at));
    }
    await runner.query(
      `UPDATE sla_timer t SET response_business_minutes = u.minutes
         FROM unnest($1::uuid[], $2::float8[]) AS u(case_id, minutes)
        WHERE t.case_id = u.case_id AND t.kind = 'FIRST_RESPONSE'`,
      [rows.map((row) => row.case_id), minutes],
    );
  }
}
