import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-way text messages: a message's text id (a retried webhook adds nothing; our texts' provider ids), how
 * a reply was texted or why not, each number's consent (STOP / START), and the index that finds a number's
 * latest conversation on a channel.
 */
export class TextMessages1764490000000 implements MigrationInterface {
  name = 'TextMessages1764490000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_message ADD COLUMN sms_message_sid text,
                          ADD COLUMN texted_at timestamptz, ADD COLUMN sms_skipped text`);
    await runner.query(
      'CREATE UNIQUE INDEX uq_case_message_sms_message_sid ON case_message (sms_message_sid) WHERE sms_message_sid IS NOT NULL',
    );
    // A number's latest conversation on a channel (a text joins it; so does a vendor's message by phone).
    await runner.query(
      `CREATE INDEX ix_support_case_conversation_phone ON support_case (channel, (contact->>'phone'), created_at DESC)
        WHERE contact->>'phone' IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE sms_consent (
        phone text PRIMARY KEY,
        opted_out boolean NOT NULL,
        keyword text NOT NULL,
        provider_message_id text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE sms_consent');
    await runner.query('DROP INDEX ix_support_case_conversation_phone');
    await runner.query('DROP INDEX uq_case_message_sms_message_sid');
    await runner.query(
      'ALTER TABLE case_message DROP COLUMN sms_skipped, DROP COLUMN texted_at, DROP COLUMN sms_message_sid',
    );
  }
}
