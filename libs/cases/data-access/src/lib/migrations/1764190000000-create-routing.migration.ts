import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRouting1764190000000 implements MigrationInterface {
  name = 'CreateRouting1764190000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing_rule (
        id uuid NOT NULL,
        position integer NOT NULL,
        name text NOT NULL,
        conditions jsonb NOT NULL,
        actions jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        CONSTRAINT pk_routing_rule PRIMARY KEY (id)
      )`);
    await runner.query('CREATE INDEX ix_routing_rule_position ON routing_rule (position)');
    await runner.query(`
      CREATE TABLE known_team_member (
        team_id uuid NOT NULL,
        person_id uuid NOT NULL,
        available boolean NOT NULL,
        CONSTRAINT pk_known_team_member PRIMARY KEY (team_id, person_id)
      )`);
    // Round-robin: who in each team took the last case.
    await runner.query(`
      CREATE TABLE team_rotation (
        team_id uuid NOT NULL,
        last_person_id uuid NOT NULL,
        CONSTRAINT pk_team_rotation PRIMARY KEY (team_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE team_rotation');
    await runner.query('DROP TABLE known_team_member');
    await runner.query('DROP TABLE routing_rule');
  }
}
