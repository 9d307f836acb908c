import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's teams themselves (name, school, active), from each TeamChanged snapshot, beside their
 * members: what the cases service needs to name a team, such as the demo's routing rules finding the
 * department teams. Teams the service learned before this migration are filled in by their next snapshot.
 */
export class KnownTeams1764410000000 implements MigrationInterface {
  name = 'KnownTeams1764410000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE known_team (
        id uuid NOT NULL,
        name text NOT NULL,
        school_id uuid,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_known_team PRIMARY KEY (id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE known_team');
  }
}
