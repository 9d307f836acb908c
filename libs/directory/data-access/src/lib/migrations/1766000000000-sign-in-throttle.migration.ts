import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progressive sign-in delays per client address, account and API client (`sign_in_throttle`, shared by
 * every replica) and their audit (`sign_in_audit`), in place of the per-account lockout that anyone could
 * set off for someone else with five wrong passwords.
 */
export class SignInThrottle1766000000000 implements MigrationInterface {
  name = 'SignInThrottle1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sign_in_throttle (
        key text NOT NULL,
        failures integer NOT NULL,
        delayed_until timestamptz NOT NULL,
        forget_at timestamptz NOT NULL,
        CONSTRAINT pk_sign_in_throttle PRIMARY KEY (key)
      )`);
    await runner.query('CREATE INDEX ix_sign_in_throttle_forget ON sign_in_throttle (forget_at)');
    await runner.query(`
      CREATE TABLE sign_in_audit (
        id bigserial NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        channel text NOT NULL,
        event text NOT NULL,
        scope text NOT NULL,
        subject text,
        person_id uuid,
        client_id text,
        actor_id text,
        delayed_until timestamptz,
        CONSTRAINT pk_sign_in_audit PRIMARY KEY (id)
      )`);
    await runner.query('CREATE INDEX ix_sign_in_audit_at ON sign_in_audit (at DESC)');
    await runner.query(
      'CREATE INDEX ix_sign_in_audit_person ON sign_in_audit (person_id, at DESC) WHERE person_id IS NOT NULL',
    );
    await runner.query('ALTER TABLE staff_credential DROP COLUMN failed_attempts, DROP COLUMN locked_until');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE staff_credential ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz',
    );
    await runner.query('DROP TABLE sign_in_audit');
    await runner.query('DROP TABLE sign_in_throttle');
  }
}
