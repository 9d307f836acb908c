import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox's "breaching soon" view (`slaAtRisk`, in SLA_DUE order) and its count, which every inbox load
 * asks for: the cases with a warned deadline, nearest first. `sla_due_at IS NOT NULL` cannot be looked up
 * in ix_support_case_sla_due (every case, those without a deadline last), so the view read every open
 * case to find the few at risk; this index holds only those (hot-query-plans.integration-spec.ts).
 */
export class SlaAtRiskIndex1764420000000 implements MigrationInterface {
  name = 'SlaAtRiskIndex1764420000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX ix_support_case_sla_at_risk ON support_case ((COALESCE(sla_due_at, 'infinity'::timestamptz)), id)
         WHERE sla_due_at IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_support_case_sla_at_risk');
  }
}
