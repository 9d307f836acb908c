import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When each API client last got a token: the administration shows it, to find clients no longer used. */
export class ApiClientLastUsed1765000000000 implements MigrationInterface {
  name = 'ApiClientLastUsed1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE api_client ADD COLUMN last_used_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE api_client DROP COLUMN last_used_at');
  }
}
