import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory's deactivated teams: routing passes over rules that would send cases to one. */
export class RetiredTeams1764360000000 implements MigrationInterface {
  name = 'RetiredTeams1764360000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE retired_team (
        team_id uuid NOT NULL,
        retired_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_retired_team PRIMARY KEY (team_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE retired_team');
  }
}
