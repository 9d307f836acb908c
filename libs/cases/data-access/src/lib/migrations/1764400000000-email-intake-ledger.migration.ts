import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail taken and not lost: a message delivered twice (a sending server retrying after a lost answer) is
 * recognised by its key, the Message-ID with the sender's address, stored on the case message it became in
 * the same transaction (unique); and mail the intake does not turn into a case (machine mail, mail with no
 * sender, mail it cannot read) is kept whole in quarantined_email, for staff to read, release or discard.
 */
export class EmailIntakeLedger1764400000000 implements MigrationInterface {
  name = 'EmailIntakeLedger1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE case_message ADD COLUMN email_dedupe_key text');
    await runner.query(
      'CREATE UNIQUE INDEX uq_case_message_email_dedupe_key ON case_message (email_dedupe_key) WHERE email_dedupe_key IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE quarantined_email (
        id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL,
        detail text NOT NULL,
        dedupe_key text,
        envelope_sender text,
        recipients text[] NOT NULL DEFAULT '{}',
        from_address text,
        subject text NOT NULL DEFAULT '',
        raw bytea NOT NULL,
        size_bytes integer NOT NULL,
        released_at timestamptz,
        released_by uuid,
        released_case_number text,
        discarded_at timestamptz,
        discarded_by uuid,
        CONSTRAINT pk_quarantined_email PRIMARY KEY (id),
        CONSTRAINT ck_quarantined_email_reason CHECK (reason IN
          ('AUTO_REPLY', 'DELIVERY_REPORT', 'READ_RECEIPT', 'ABUSE_REPORT', 'MAILING_LIST', 'BULK',
           'NO_SENDER', 'EMPTY', 'UNREADABLE')),
        CONSTRAINT ck_quarantined_email_settled CHECK (released_at IS NULL OR discarded_at IS NULL)
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX uq_quarantined_email_dedupe_key ON quarantined_email (dedupe_key) WHERE dedupe_key IS NOT NULL',
    );
    // The list staff read: what waits for a decision, newest first.
    await runner.query(
      'CREATE INDEX ix_quarantined_email_open ON quarantined_email (received_at DESC, id) WHERE released_at IS NULL AND discarded_at IS NULL',
    );
    await runner.query('ALTER TABLE quarantined_email ALTER COLUMN raw SET STORAGE EXTERNAL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE quarantined_email');
    await runner.query('DROP INDEX uq_case_message_email_dedupe_key');
    await runner.query('ALTER TABLE case_message DROP COLUMN email_dedupe_key');
  }
}
