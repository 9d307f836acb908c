import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSignIn1764170000000 implements MigrationInterface {
  name = 'CreateSignIn1764170000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE staff_credential (
        person_id uuid NOT NULL,
        password_hash text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        password_set_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_staff_credential PRIMARY KEY (person_id),
        CONSTRAINT fk_staff_credential_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE api_client (
        client_id text NOT NULL,
        name text NOT NULL,
        scopes text[] NOT NULL,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        secret_rotated_at timestamptz,
        revoked_at timestamptz,
        created_by text NOT NULL,
        CONSTRAINT pk_api_client PRIMARY KEY (client_id)
      )`);
    await runner.query(`
      CREATE TABLE signing_key (
        kid text NOT NULL,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        CONSTRAINT pk_signing_key PRIMARY KEY (kid)
      )`);
    await runner.query(`
      CREATE TABLE oidc_payload (
        id text NOT NULL,
        model text NOT NULL,
        payload jsonb NOT NULL,
        grant_id text,
        user_code text,
        uid text,
        expires_at timestamptz,
        consumed_at timestamptz,
        CONSTRAINT pk_oidc_payload PRIMARY KEY (id, model)
      )`);
    await runner.query(
      'CREATE INDEX ix_oidc_payload_grant ON oidc_payload (grant_id) WHERE grant_id IS NOT NULL',
    );
    await runner.query('CREATE INDEX ix_oidc_payload_uid ON oidc_payload (uid) WHERE uid IS NOT NULL');
    await runner.query(
      'CREATE INDEX ix_oidc_payload_user_code ON oidc_payload (user_code) WHERE user_code IS NOT NULL',
    );
    await runner.query('CREATE INDEX ix_oidc_payload_expires ON oidc_payload (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE oidc_payload');
    await runner.query('DROP TABLE signing_key');
    await runner.query('DROP TABLE api_client');
    await runner.query('DROP TABLE staff_credential');
  }
}
