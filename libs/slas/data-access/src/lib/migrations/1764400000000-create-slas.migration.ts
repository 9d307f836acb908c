import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSlas1764400000000 implements MigrationInterface {
  name = 'CreateSlas1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE business_calendar (
        id uuid NOT NULL,
        name text NOT NULL,
        scope text NOT NULL,
        school_id uuid,
        definition jsonb NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_business_calendar PRIMARY KEY (id),
        CONSTRAINT ck_business_calendar_scope CHECK (scope IN ('DISTRICT', 'SCHOOL', 'DEPARTMENT')),
        CONSTRAINT ck_business_calendar_school CHECK ((scope = 'SCHOOL') = (school_id IS NOT NULL))
      )`);
    // One district default, one calendar a school.
    await runner.query(
      `CREATE UNIQUE INDEX uq_business_calendar_district ON business_calendar (scope) WHERE scope = 'DISTRICT'`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX uq_business_calendar_school ON business_calendar (school_id) WHERE scope = 'SCHOOL'`,
    );
    await runner.query(`
      CREATE TABLE sla_policy (
        id uuid NOT NULL,
        position integer NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        CONSTRAINT pk_sla_policy PRIMARY KEY (id)
      )`);
    await runner.query('CREATE INDEX ix_sla_policy_position ON sla_policy (position, id) WHERE active');
    await runner.query(`
      CREATE TABLE sla_case (
        case_id uuid NOT NULL,
        priority text NOT NULL,
        topic_id uuid,
        school_id uuid,
        channel text NOT NULL,
        status text NOT NULL,
        requester_id uuid,
        policy_id uuid,
        opened_at timestamptz NOT NULL,
        last_inbound_at timestamptz,
        awaiting_reply boolean NOT NULL,
        merged boolean NOT NULL DEFAULT false,
        last_event_at timestamptz NOT NULL,
        CONSTRAINT pk_sla_case PRIMARY KEY (case_id)
      )`);
    await runner.query('CREATE INDEX ix_sla_case_opened ON sla_case (opened_at)');
    await runner.query(`
      CREATE TABLE sla_timer (
        case_id uuid NOT NULL,
        kind text NOT NULL,
        target_minutes integer NOT NULL,
        clock text NOT NULL,
        warn_at_percent integer NOT NULL,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        consumed_minutes double precision NOT NULL,
        running_since timestamptz,
        due_at timestamptz,
        warn_at timestamptz,
        warned_at timestamptz,
        met_at timestamptz,
        breached_at timestamptz,
        last_event_at timestamptz NOT NULL,
        policy_id uuid NOT NULL,
        calendar_id uuid,
        version integer NOT NULL,
        CONSTRAINT pk_sla_timer PRIMARY KEY (case_id, kind),
        CONSTRAINT fk_sla_timer_case FOREIGN KEY (case_id) REFERENCES sla_case (case_id),
        CONSTRAINT ck_sla_timer_kind CHECK (kind IN ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION')),
        CONSTRAINT ck_sla_timer_status CHECK (status IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED')),
        CONSTRAINT ck_sla_timer_clock CHECK (clock IN ('BUSINESS', 'CALENDAR'))
      )`);
    // The scheduler's two questions, over running timers only.
    await runner.query(
      `CREATE INDEX ix_sla_timer_warn ON sla_timer (warn_at) WHERE status = 'RUNNING' AND warned_at IS NULL`,
    );
    await runner.query(`CREATE INDEX ix_sla_timer_due ON sla_timer (due_at) WHERE status = 'RUNNING'`);
    // Recomputing after a calendar edit.
    await runner.query(
      `CREATE INDEX ix_sla_timer_calendar ON sla_timer (calendar_id, case_id, kind) WHERE status = 'RUNNING'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE sla_timer');
    await runner.query('DROP TABLE sla_case');
    await runner.query('DROP TABLE sla_policy');
    await runner.query('DROP TABLE business_calendar');
  }
}
