import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCases1764180000000 implements MigrationInterface {
  name = 'CreateCases1764180000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE topic (
        id uuid NOT NULL,
        parent_id uuid,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        CONSTRAINT pk_topic PRIMARY KEY (id),
        CONSTRAINT fk_topic_parent FOREIGN KEY (parent_id) REFERENCES topic (id)
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX uq_topic_name ON topic (parent_id, lower(name)) NULLS NOT DISTINCT',
    );
    await runner.query(`
      CREATE TABLE known_school (
        id uuid NOT NULL,
        name text NOT NULL,
        time_zone text NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_known_school PRIMARY KEY (id)
      )`);
    // One row per year: the case's transaction takes the next number under the row's lock, so numbers
    // are never duplicated and a rolled-back case leaves no gap.
    await runner.query(`
      CREATE TABLE case_number_sequence (
        year integer NOT NULL,
        last_value integer NOT NULL,
        CONSTRAINT pk_case_number_sequence PRIMARY KEY (year)
      )`);
    await runner.query(`
      CREATE TABLE support_case (
        id uuid NOT NULL,
        number text NOT NULL,
        subject text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        priority text NOT NULL,
        type text,
        topic_id uuid,
        school_id uuid,
        department_id uuid,
        requester_id uuid,
        contact jsonb NOT NULL,
        anonymous boolean NOT NULL DEFAULT false,
        confidential boolean NOT NULL DEFAULT false,
        language text NOT NULL,
        assignee_id uuid,
        team_id uuid,
        tracking_token_hash text NOT NULL,
        follow_up_of_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        first_responded_at timestamptz,
        resolved_at timestamptz,
        version integer NOT NULL,
        CONSTRAINT pk_support_case PRIMARY KEY (id),
        CONSTRAINT uq_support_case_number UNIQUE (number),
        CONSTRAINT uq_support_case_tracking UNIQUE (tracking_token_hash),
        CONSTRAINT fk_support_case_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
        CONSTRAINT fk_support_case_follow_up FOREIGN KEY (follow_up_of_id) REFERENCES support_case (id),
        CONSTRAINT ck_support_case_status CHECK (status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED')),
        CONSTRAINT ck_support_case_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT'))
      )`);
    await runner.query('CREATE INDEX ix_support_case_created ON support_case (created_at DESC, id DESC)');
    await runner.query('CREATE INDEX ix_support_case_school ON support_case (school_id, created_at DESC)');
    await runner.query('CREATE INDEX ix_support_case_assignee ON support_case (assignee_id, status)');
    await runner.query('CREATE INDEX ix_support_case_team ON support_case (team_id, status)');
    await runner.query(
      'CREATE INDEX ix_support_case_requester ON support_case (requester_id, created_at DESC)',
    );
    await runner.query('CREATE INDEX ix_support_case_status ON support_case (status, created_at DESC)');
    await runner.query(`
      CREATE TABLE case_message (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        direction text NOT NULL,
        author_kind text NOT NULL,
        author_id text,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_message PRIMARY KEY (id),
        CONSTRAINT fk_case_message_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE,
        CONSTRAINT ck_case_message_direction CHECK (direction IN ('INBOUND', 'OUTBOUND', 'INTERNAL_NOTE'))
      )`);
    await runner.query('CREATE INDEX ix_case_message_case ON case_message (case_id, created_at, id)');
    await runner.query(`
      CREATE TABLE case_timeline (
        id bigserial NOT NULL,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        actor text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_timeline PRIMARY KEY (id),
        CONSTRAINT fk_case_timeline_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_case_timeline_case ON case_timeline (case_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'case_timeline',
      'case_message',
      'support_case',
      'case_number_sequence',
      'known_school',
      'topic',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
