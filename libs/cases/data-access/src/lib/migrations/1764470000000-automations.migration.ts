import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time-based automations: the rules, which rule acted on which case for which quiet spell (so a rule
 * acts once per spell, whichever replica sweeps), and the sweep's lease.
 */
export class Automations1764470000000 implements MigrationInterface {
  name = 'Automations1764470000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE automation_rule (
        id uuid NOT NULL,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        conditions jsonb NOT NULL,
        actions jsonb NOT NULL,
        applied_count integer NOT NULL DEFAULT 0,
        last_applied_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_automation_rule PRIMARY KEY (id)
      )`);
    // The case's last change before the rule acted names the quiet spell: one application per spell.
    await runner.query(`
      CREATE TABLE automation_application (
        rule_id uuid NOT NULL,
        case_id uuid NOT NULL,
        quiet_since timestamptz NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_automation_application PRIMARY KEY (rule_id, case_id, quiet_since),
        CONSTRAINT fk_automation_application_rule FOREIGN KEY (rule_id) REFERENCES automation_rule (id) ON DELETE CASCADE
      )`);
    // The cases by status and last change: what every rule's sweep and dry run read (the statuses come as
    // a parameter, so a partial index on the open statuses would not be provably usable).
    await runner.query('CREATE INDEX ix_support_case_quiet ON support_case (status, updated_at)');
    await runner.query(`
      CREATE TABLE automation_lease (
        name text NOT NULL,
        holder text NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_automation_lease PRIMARY KEY (name)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE automation_lease, automation_application, automation_rule');
    await runner.query('DROP INDEX ix_support_case_quiet');
  }
}
