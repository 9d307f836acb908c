import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Replies held through the district's quiet hours, and the index the sweep finds the due ones by. */
export class DeferredTexts1764530000000 implements MigrationInterface {
  name = 'DeferredTexts1764530000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE case_message ADD COLUMN sms_deferred_until timestamptz');
    await runner.query(
      `CREATE INDEX ix_case_message_sms_deferred ON case_message (sms_deferred_until)
        WHERE sms_deferred_until IS NOT NULL AND texted_at IS NULL AND sms_skipped IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_case_message_sms_deferred');
    await runner.query('ALTER TABLE case_message DROP COLUMN sms_deferred_until');
  }
}
