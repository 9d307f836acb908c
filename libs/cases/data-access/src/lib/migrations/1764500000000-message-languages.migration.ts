import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language each inbound message is written in, detected offline among the district's languages. */
export class MessageLanguages1764500000000 implements MigrationInterface {
  name = 'MessageLanguages1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE case_message ADD COLUMN language text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE case_message DROP COLUMN language');
  }
}
