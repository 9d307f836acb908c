import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case search (`cases(filter: { search })`) matches the subject as a substring, case ignored: a trigram
 * GIN index serves those ILIKE patterns, so a search reads the index instead of every subject.
 */
export class CaseSubjectSearch1764370000000 implements MigrationInterface {
  name = 'CaseSubjectSearch1764370000000';

  async up(runner: QueryRunner): Promise<void> {
    // pg_trgm ships with PostgreSQL; creating it needs a role allowed to (the database owner on managed services).
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await runner.query(
      'CREATE INDEX ix_support_case_subject_trgm ON support_case USING gin (subject gin_trgm_ops)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    // The extension stays: other schemas of a shared database may use it, and it costs nothing unused.
    await runner.query('DROP INDEX ix_support_case_subject_trgm');
  }
}
