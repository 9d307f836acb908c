import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine translations of messages: a requester's message into the staff's language, or the original of a
 * staff reply that was sent translated (the message's body is what the requester received).
 */
export class MessageTranslations1764510000000 implements MigrationInterface {
  name = 'MessageTranslations1764510000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE message_translation (
        id uuid PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES case_message (id) ON DELETE CASCADE,
        case_id uuid NOT NULL,
        language text NOT NULL,
        text text NOT NULL,
        source_language text,
        provider text NOT NULL,
        reviewed_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_message_translation UNIQUE (message_id, language)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE message_translation');
  }
}
