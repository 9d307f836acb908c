import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound email: each case's secret reply token (its reply address is talk+<token>@…), and on each
 * message the email that carried it (Message-ID, in or out), when our reply was delivered, or why it was
 * not and never will be emailed.
 */
export class OutboundEmail1764300000000 implements MigrationInterface {
  name = 'OutboundEmail1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // The default (evaluated per row, so existing cases are backfilled) is 122 random bits from PostgreSQL's
    // strong random source; the service sets its own base32 token on new cases. Rows written by SQL alone
    // (tests, benchmarks) get one too.
    await runner.query(
      `ALTER TABLE support_case ADD COLUMN reply_token text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '')`,
    );
    await runner.query(
      'ALTER TABLE support_case ADD CONSTRAINT uq_support_case_reply_token UNIQUE (reply_token)',
    );
    await runner.query(`
      ALTER TABLE case_message
        ADD COLUMN email_message_id text,
        ADD COLUMN delivered_at timestamptz,
        ADD COLUMN email_skipped text`);
    // Replies written before outbound email existed were never meant to be mailed; the consumer reads the
    // cases topic from its beginning the first time, and must not send them now.
    await runner.query(
      `UPDATE case_message SET email_skipped = 'PREDATES_EMAIL' WHERE direction = 'OUTBOUND'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE case_message
        DROP COLUMN email_skipped,
        DROP COLUMN delivered_at,
        DROP COLUMN email_message_id`);
    await runner.query('ALTER TABLE support_case DROP COLUMN reply_token');
  }
}
