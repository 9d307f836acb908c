import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveyAudiences1764700000000 implements MigrationInterface {
  name = 'SurveyAudiences1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    // The directory's people as audiences need them: ids and routing facts, no names or addresses.
    await runner.query(`
      CREATE TABLE survey_person (
        id uuid NOT NULL,
        kind text NOT NULL,
        school_ids uuid[] NOT NULL DEFAULT '{}',
        language text NOT NULL,
        preferred_channel text,
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_survey_person PRIMARY KEY (id)
      )`);
    await runner.query('CREATE INDEX ix_survey_person_kind ON survey_person (kind) WHERE active');
    await runner.query(
      'CREATE INDEX ix_survey_person_schools ON survey_person USING gin (school_ids) WHERE active',
    );
    // Who a district survey was last sent to.
    await runner.query('ALTER TABLE survey ADD COLUMN audience jsonb');
    // One personal invitation per person and district survey, however often it is sent again.
    await runner.query(
      `CREATE UNIQUE INDEX uq_survey_invitation_person ON survey_invitation (survey_id, person_id)
        WHERE person_id IS NOT NULL AND case_id IS NULL`,
    );
    // An anonymous link anyone may open: each answer is a response of its own.
    await runner.query(`
      CREATE TABLE survey_open_link (
        token_hash text NOT NULL,
        survey_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_survey_open_link PRIMARY KEY (token_hash),
        CONSTRAINT fk_survey_open_link_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE survey_open_link');
    await runner.query('DROP INDEX uq_survey_invitation_person');
    await runner.query('ALTER TABLE survey DROP COLUMN audience');
    await runner.query('DROP TABLE survey_person');
  }
}
