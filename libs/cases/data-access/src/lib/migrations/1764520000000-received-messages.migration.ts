import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages vendors hand over from other channels (a phone system's voicemail transcript): the client's own id
 * of each, so a second submission adds nothing, and the index that finds an address's latest conversation.
 */
export class ReceivedMessages1764520000000 implements MigrationInterface {
  name = 'ReceivedMessages1764520000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE case_message ADD COLUMN external_key text');
    await runner.query(
      'CREATE UNIQUE INDEX uq_case_message_external_key ON case_message (external_key) WHERE external_key IS NOT NULL',
    );
    await runner.query(
      `CREATE INDEX ix_support_case_conversation_email ON support_case (channel, (contact->>'email'), created_at DESC)
        WHERE contact->>'email' IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_support_case_conversation_email');
    await runner.query('DROP INDEX uq_case_message_external_key');
    await runner.query('ALTER TABLE case_message DROP COLUMN external_key');
  }
}
