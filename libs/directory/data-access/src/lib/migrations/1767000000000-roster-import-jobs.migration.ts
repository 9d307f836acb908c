import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OneRoster imports as background jobs: a set is uploaded in parts (`roster_import_file`), checked by a dry
 * run whose report an administrator confirms, then applied by whichever replica claims it, with its
 * progress on the job. SIS REST syncs are jobs too; `roster_sync_state` remembers where the last one read
 * up to, for the next delta.
 */
export class RosterImportJobs1767000000000 implements MigrationInterface {
  name = 'RosterImportJobs1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE roster_import_job (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        source text NOT NULL,
        status text NOT NULL,
        step text NOT NULL,
        allow_mass_deactivation boolean NOT NULL DEFAULT false,
        sync_since timestamptz,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        phase text,
        done integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        dry_run_report jsonb,
        report jsonb,
        error jsonb,
        claimed_until timestamptz,
        CONSTRAINT pk_roster_import_job PRIMARY KEY (id),
        CONSTRAINT ck_roster_import_job_source CHECK (source IN ('UPLOAD', 'SIS_API')),
        CONSTRAINT ck_roster_import_job_step CHECK (step IN ('DRY_RUN', 'APPLY')),
        CONSTRAINT ck_roster_import_job_status CHECK (status IN ('UPLOADING', 'QUEUED', 'RUNNING', 'AWAITING_CONFIRMATION', 'SUCCEEDED', 'FAILED', 'CANCELLED'))
      )`);
    await runner.query(
      `CREATE INDEX ix_roster_import_job_queue ON roster_import_job (created_at) WHERE status IN ('QUEUED', 'RUNNING')`,
    );
    await runner.query('CREATE INDEX ix_roster_import_job_recent ON roster_import_job (created_at DESC)');
    await runner.query(`
      CREATE TABLE roster_import_file (
        job_id uuid NOT NULL,
        name text NOT NULL,
        part integer NOT NULL,
        bytes bytea NOT NULL,
        CONSTRAINT pk_roster_import_file PRIMARY KEY (job_id, name, part),
        CONSTRAINT fk_roster_import_file_job FOREIGN KEY (job_id) REFERENCES roster_import_job (id) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE roster_sync_state (
        id boolean NOT NULL DEFAULT true,
        read_until timestamptz,
        last_full_at timestamptz,
        CONSTRAINT pk_roster_sync_state PRIMARY KEY (id),
        CONSTRAINT ck_roster_sync_state_single CHECK (id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE roster_sync_state');
    await runner.query('DROP TABLE roster_import_file');
    await runner.query('DROP TABLE roster_import_job');
  }
}
