import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A requester matched through a channel where anyone can type any address is a candidate until the
 * address's owner confirms (ADR 19): who, the confirmation link's hash, when it was sent and when it was
 * confirmed.
 */
export class RequesterConfirmation1764380000000 implements MigrationInterface {
  name = 'RequesterConfirmation1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE support_case
        ADD COLUMN requester_candidate_id uuid,
        ADD COLUMN requester_confirmation_hash text,
        ADD COLUMN requester_confirmation_sent_at timestamptz,
        ADD COLUMN requester_confirmed_at timestamptz
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX support_case_requester_confirmation_hash_idx
        ON support_case (requester_confirmation_hash) WHERE requester_confirmation_hash IS NOT NULL
    `);
    await queryRunner.query(`
      CREATE INDEX support_case_requester_candidate_idx
        ON support_case (requester_candidate_id) WHERE requester_candidate_id IS NOT NULL
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX support_case_requester_candidate_idx');
    await queryRunner.query('DROP INDEX support_case_requester_confirmation_hash_idx');
    await queryRunner.query(`
      ALTER TABLE support_case
        DROP COLUMN requester_confirmed_at,
        DROP COLUMN requester_confirmation_sent_at,
        DROP COLUMN requester_confirmation_hash,
        DROP COLUMN requester_candidate_id
    `);
  }
}
