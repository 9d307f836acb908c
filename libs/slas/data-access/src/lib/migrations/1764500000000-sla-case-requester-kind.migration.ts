import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Policies may name requester kinds: the case's, from `CaseOpened`, is kept with its other facts. */
export class SlaCaseRequesterKind1764500000000 implements MigrationInterface {
  name = 'SlaCaseRequesterKind1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE sla_case ADD COLUMN requester_kind text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE sla_case DROP COLUMN requester_kind');
  }
}
