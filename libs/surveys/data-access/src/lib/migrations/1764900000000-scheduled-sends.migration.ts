import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A district survey's sends planned for later (a Monday-morning send, a second wave). */
export class ScheduledSends1764900000000 implements MigrationInterface {
  name = 'ScheduledSends1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE survey_send (
        id uuid NOT NULL,
        survey_id uuid NOT NULL,
        audience jsonb NOT NULL,
        send_at timestamptz NOT NULL,
        -- A replica working on it holds it until then; one that dies lets another take it after.
        claimed_until timestamptz,
        sent_at timestamptz,
        invited integer,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_survey_send PRIMARY KEY (id),
        CONSTRAINT fk_survey_send_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_survey_send_due ON survey_send (send_at) WHERE sent_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE survey_send');
  }
}
