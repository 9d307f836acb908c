import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tracking links made for a delivery (ADR 36): an email or a text that fills `{{case.trackingLink}}` gets a
 * link of its own, kept as its token's hash like the case's first one. The message it went with is kept
 * for the audit; a message erased with its case takes its links with it.
 */
export class TrackingLinks1764620000000 implements MigrationInterface {
  name = 'TrackingLinks1764620000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_tracking_link (
        token_hash text NOT NULL,
        case_id uuid NOT NULL,
        message_id uuid,
        channel text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_tracking_link PRIMARY KEY (token_hash),
        CONSTRAINT fk_case_tracking_link_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_case_tracking_link_case ON case_tracking_link (case_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_tracking_link');
  }
}
