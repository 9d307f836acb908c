import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA timers the slas service warned about or saw breach, until a reply or a resolution meets them,
 * and each case's nearest such deadline: the inbox's "breaching soon" view and its SLA_DUE order.
 */
export class SlaAlerts1764350000000 implements MigrationInterface {
  name = 'SlaAlerts1764350000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_sla_alert (
        case_id uuid NOT NULL,
        timer_kind text NOT NULL,
        due_at timestamptz NOT NULL,
        breached_at timestamptz,
        CONSTRAINT pk_case_sla_alert PRIMARY KEY (case_id, timer_kind),
        CONSTRAINT fk_case_sla_alert_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE,
        CONSTRAINT ck_case_sla_alert_kind CHECK (timer_kind IN ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'))
      )`);
    await runner.query('ALTER TABLE support_case ADD COLUMN sla_due_at timestamptz');
    // The SLA_DUE order: nearest deadline first, cases with none last (keyset on the same expression).
    await runner.query(
      `CREATE INDEX ix_support_case_sla_due ON support_case ((COALESCE(sla_due_at, 'infinity'::timestamptz)), id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_support_case_sla_due');
    await runner.query('ALTER TABLE support_case DROP COLUMN sla_due_at');
    await runner.query('DROP TABLE case_sla_alert');
  }
}
