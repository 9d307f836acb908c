import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every confirmation link mailed for a case is kept (as its hash) until one is used, instead of the case's
 * one outstanding hash. The link is committed before the mail goes out, on its own connection: a family may
 * follow it while the consumer's batch is still open, and a batch undone after the mail server took the
 * mail sends a second mail whose link must not make the first one dead (as ADR 36 does for tracking links).
 */
export class RequesterConfirmationLinks1764640000000 implements MigrationInterface {
  name = 'RequesterConfirmationLinks1764640000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_requester_confirmation_link (
        token_hash text NOT NULL,
        case_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_requester_confirmation_link PRIMARY KEY (token_hash),
        CONSTRAINT fk_case_requester_confirmation_link_case
          FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
      )`);
    await runner.query(
      'CREATE INDEX ix_case_requester_confirmation_link_case ON case_requester_confirmation_link (case_id)',
    );
    // The outstanding links mailed so far keep working, aged from when they were sent.
    await runner.query(`
      INSERT INTO case_requester_confirmation_link (token_hash, case_id, created_at)
      SELECT requester_confirmation_hash, id, coalesce(requester_confirmation_sent_at, now())
        FROM support_case
       WHERE requester_confirmation_hash IS NOT NULL`);
    await runner.query('DROP INDEX support_case_requester_confirmation_hash_idx');
    await runner.query('ALTER TABLE support_case DROP COLUMN requester_confirmation_hash');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE support_case ADD COLUMN requester_confirmation_hash text');
    await runner.query(`
      UPDATE support_case c SET requester_confirmation_hash = (
        SELECT token_hash FROM case_requester_confirmation_link l
         WHERE l.case_id = c.id ORDER BY created_at DESC LIMIT 1)`);
    await runner.query(`
      CREATE UNIQUE INDEX support_case_requester_confirmation_hash_idx
        ON support_case (requester_confirmation_hash) WHERE requester_confirmation_hash IS NOT NULL`);
    await runner.query('DROP TABLE case_requester_confirmation_link');
  }
}
