import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Coaching: the district's rubric (one row) and supervisors' reviews of resolved cases. */
export class Coaching1764480000000 implements MigrationInterface {
  name = 'Coaching1764480000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE coaching_rubric (
        singleton boolean NOT NULL DEFAULT true,
        criteria jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_coaching_rubric PRIMARY KEY (singleton),
        CONSTRAINT ck_coaching_rubric_singleton CHECK (singleton)
      )`);
    // A review keeps the rubric it was scored against: the district may change the rubric later.
    await runner.query(`
      CREATE TABLE case_review (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agent_id uuid NOT NULL,
        school_id uuid,
        reviewer_id text NOT NULL,
        criteria jsonb NOT NULL,
        scores jsonb NOT NULL,
        average numeric(3, 2) NOT NULL,
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_review PRIMARY KEY (id),
        CONSTRAINT ux_case_review_case UNIQUE (case_id),
        CONSTRAINT fk_case_review_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_case_review_agent ON case_review (agent_id, created_at)');
    await runner.query('CREATE INDEX ix_case_review_school ON case_review (school_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_review, coaching_rubric');
  }
}
