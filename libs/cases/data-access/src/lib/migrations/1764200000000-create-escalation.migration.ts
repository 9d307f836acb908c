import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEscalation1764200000000 implements MigrationInterface {
  name = 'CreateEscalation1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE escalation_policy (
        trigger text NOT NULL,
        raise_priority boolean NOT NULL,
        reassign_team_id uuid,
        notify_person_ids uuid[] NOT NULL DEFAULT '{}',
        CONSTRAINT pk_escalation_policy PRIMARY KEY (trigger),
        CONSTRAINT ck_escalation_policy_trigger CHECK (trigger IN ('SLA_WARNING', 'SLA_BREACHED'))
      )`);
    // The default a new district starts with: a breach raises the priority; a warning is only recorded.
    await runner.query(
      `INSERT INTO escalation_policy (trigger, raise_priority) VALUES ('SLA_WARNING', false), ('SLA_BREACHED', true)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE escalation_policy');
  }
}
