import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA rollups are kept by ISO week too: the dashboard's comparison of 700 schools over 35 days read 35
 * day rows a school; by week it reads about eleven (docs/benchmarks/district-scale.md). The weekly rows are
 * written by the rebuild the service starts with, which clearing the basis asks for; until it has run, the
 * figures are counted from the cases and timers (ADR 26), so no answer is wrong in between.
 */
export class SlaFiguresByWeek1765200000000 implements MigrationInterface {
  name = 'SlaFiguresByWeek1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['sla_figures', 'sla_response_figures']) {
      await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ck_${table}_grain`);
      await runner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ck_${table}_grain CHECK (grain IN ('d', 'w', 'm'))`,
      );
    }
    await runner.query('UPDATE sla_figures_basis SET time_zone = NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['sla_figures', 'sla_response_figures']) {
      await runner.query(`DELETE FROM ${table} WHERE grain = 'w'`);
      await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ck_${table}_grain`);
      await runner.query(`ALTER TABLE ${table} ADD CONSTRAINT ck_${table}_grain CHECK (grain IN ('d', 'm'))`);
    }
  }
}
