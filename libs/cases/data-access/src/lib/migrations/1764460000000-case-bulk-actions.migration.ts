import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk actions in the inbox: who made each and when (for its undo), and what each case was before it. */
export class CaseBulkActions1764460000000 implements MigrationInterface {
  name = 'CaseBulkActions1764460000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_bulk_action (
        id uuid NOT NULL,
        actor_kind text NOT NULL,
        actor_id text NOT NULL,
        change jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        undone_at timestamptz,
        CONSTRAINT pk_case_bulk_action PRIMARY KEY (id)
      )`);
    await runner.query('CREATE INDEX ix_case_bulk_action_created ON case_bulk_action (created_at)');
    // Only the cases the action changed; their version after it tells the undo whether anyone changed them since.
    await runner.query(`
      CREATE TABLE case_bulk_item (
        bulk_id uuid NOT NULL,
        case_id uuid NOT NULL,
        before jsonb NOT NULL,
        version_after integer NOT NULL,
        CONSTRAINT pk_case_bulk_item PRIMARY KEY (bulk_id, case_id),
        CONSTRAINT fk_case_bulk_item_action FOREIGN KEY (bulk_id) REFERENCES case_bulk_action (id) ON DELETE CASCADE
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_bulk_item, case_bulk_action');
  }
}
