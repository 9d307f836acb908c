import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review of vital messages by a qualified translator (issue 22, ADR 32): a template's vital category; on a
 * reply, the category it was sent under and its review (held, approved or returned, by whom, when, why);
 * the directory's qualified translators and their languages, as its events tell them; and the index the
 * review queue reads the held messages by.
 */
export class VitalReview1764570000000 implements MigrationInterface {
  name = 'VitalReview1764570000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE reply_template ADD COLUMN vital_category text');
    await runner.query(`
      ALTER TABLE case_message
        ADD COLUMN vital_category text,
        ADD COLUMN template_id uuid,
        ADD COLUMN review_status text,
        ADD COLUMN reviewed_by text,
        ADD COLUMN reviewed_at timestamptz,
        ADD COLUMN review_note text,
        ADD CONSTRAINT ck_case_message_review_status
          CHECK (review_status IS NULL OR review_status IN ('PENDING', 'APPROVED', 'RETURNED'))`);
    await runner.query(
      `CREATE INDEX ix_case_message_review_pending ON case_message (created_at, id) WHERE review_status = 'PENDING'`,
    );
    await runner.query(`
      CREATE TABLE known_translator (
        person_id uuid PRIMARY KEY,
        languages text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE known_translator');
    await runner.query('DROP INDEX ix_case_message_review_pending');
    await runner.query(`
      ALTER TABLE case_message
        DROP CONSTRAINT ck_case_message_review_status,
        DROP COLUMN review_note,
        DROP COLUMN reviewed_at,
        DROP COLUMN reviewed_by,
        DROP COLUMN review_status,
        DROP COLUMN template_id,
        DROP COLUMN vital_category`);
    await runner.query('ALTER TABLE reply_template DROP COLUMN vital_category');
  }
}
