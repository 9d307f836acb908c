import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The slas service's business calendars, from each BusinessCalendarChanged snapshot: what texts' quiet
 * hours follow (ADR 35). A deleted calendar stays as a row with no definition and its last version, so a
 * snapshot of it that arrives late cannot bring it back.
 */
export class KnownCalendars1764610000000 implements MigrationInterface {
  name = 'KnownCalendars1764610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE known_calendar (
        id uuid NOT NULL,
        scope text NOT NULL,
        school_id uuid,
        definition jsonb,
        version integer NOT NULL,
        changed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_known_calendar PRIMARY KEY (id)
      )`);
    // The lookup by a case's school, and the district's: live calendars only.
    await runner.query(
      `CREATE INDEX ix_known_calendar_live ON known_calendar (scope, school_id) WHERE definition IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE known_calendar');
  }
}
