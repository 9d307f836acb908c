import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every school's figures over a range (the dashboard's comparison of 700 schools) select the rollups by
 * period with `school <> '*'`, which the primary keys (school before period) cannot seek: PostgreSQL read
 * every row of three years. An index by period reads the range's rows only (830 → 250 ms for 700 schools ×
 * 35 days on the district data set; see docs/benchmarks/district-scale.md).
 */
export class SlaFiguresByPeriod1765100000000 implements MigrationInterface {
  name = 'SlaFiguresByPeriod1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ix_sla_figures_period ON sla_figures (grain, period)');
    await runner.query('CREATE INDEX ix_sla_response_figures_period ON sla_response_figures (grain, period)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_sla_response_figures_period');
    await runner.query('DROP INDEX ix_sla_figures_period');
  }
}
