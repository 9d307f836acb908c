import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDirectory1764160000000 implements MigrationInterface {
  name = 'CreateDirectory1764160000000';

  async up(runner: QueryRunner): Promise<void> {
    // Trigram indexes make substring search over names, emails and phones fast at 500,000 people.
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await runner.query(`
      CREATE TABLE district (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        time_zone text NOT NULL,
        languages text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_district PRIMARY KEY (id)
      )`);
    await runner.query(`
      CREATE TABLE school (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        code text NOT NULL,
        nces_id text,
        type text NOT NULL,
        lowest_grade text,
        highest_grade text,
        address jsonb,
        phone text,
        time_zone text NOT NULL,
        principal_id uuid,
        sourced_id text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        CONSTRAINT pk_school PRIMARY KEY (id),
        CONSTRAINT uq_school_code UNIQUE (code),
        CONSTRAINT uq_school_sourced_id UNIQUE (sourced_id)
      )`);
    await runner.query('CREATE INDEX ix_school_name ON school (name, id)');
    await runner.query(`
      CREATE TABLE department (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        school_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_department PRIMARY KEY (id),
        CONSTRAINT fk_department_school FOREIGN KEY (school_id) REFERENCES school (id)
      )`);
    await runner.query(`
      CREATE TABLE household (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        address jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_household PRIMARY KEY (id)
      )`);
    await runner.query(`
      CREATE TABLE person (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        given_name text NOT NULL,
        middle_name text,
        family_name text NOT NULL,
        preferred_name text,
        emails jsonb NOT NULL DEFAULT '[]'::jsonb,
        phones jsonb NOT NULL DEFAULT '[]'::jsonb,
        preferred_language text NOT NULL,
        preferred_channel text,
        sourced_id text,
        household_id uuid,
        active boolean NOT NULL DEFAULT true,
        merged_into_id uuid,
        search_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        CONSTRAINT pk_person PRIMARY KEY (id),
        CONSTRAINT uq_person_sourced_id UNIQUE (sourced_id),
        CONSTRAINT ck_person_kind CHECK (kind IN ('STUDENT', 'GUARDIAN', 'STAFF', 'COMMUNITY')),
        CONSTRAINT fk_person_household FOREIGN KEY (household_id) REFERENCES household (id),
        CONSTRAINT fk_person_merged_into FOREIGN KEY (merged_into_id) REFERENCES person (id)
      )`);
    await runner.query('CREATE INDEX ix_person_search_text ON person USING gin (search_text gin_trgm_ops)');
    await runner.query('CREATE INDEX ix_person_name ON person (family_name, given_name, id)');
    await runner.query('CREATE INDEX ix_person_kind_name ON person (kind, family_name, given_name, id)');
    await runner.query('CREATE INDEX ix_person_household ON person (household_id)');
    // Finding a person by any of their addresses: sign-in, and matching inbound email to a requester.
    await runner.query(`CREATE INDEX ix_person_emails ON person USING gin (emails jsonb_path_ops)`);
    await runner.query(`
      CREATE TABLE school_membership (
        person_id uuid NOT NULL,
        school_id uuid NOT NULL,
        role text NOT NULL,
        grade text,
        CONSTRAINT pk_school_membership PRIMARY KEY (person_id, school_id, role),
        CONSTRAINT fk_school_membership_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
        CONSTRAINT fk_school_membership_school FOREIGN KEY (school_id) REFERENCES school (id)
      )`);
    await runner.query(
      'CREATE INDEX ix_school_membership_school ON school_membership (school_id, person_id)',
    );
    await runner.query(`
      CREATE TABLE relationship (
        guardian_id uuid NOT NULL,
        student_id uuid NOT NULL,
        type text NOT NULL,
        lives_with boolean NOT NULL DEFAULT true,
        may_receive_information boolean NOT NULL DEFAULT true,
        emergency_contact boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_relationship PRIMARY KEY (guardian_id, student_id),
        CONSTRAINT fk_relationship_guardian FOREIGN KEY (guardian_id) REFERENCES person (id) ON DELETE CASCADE,
        CONSTRAINT fk_relationship_student FOREIGN KEY (student_id) REFERENCES person (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_relationship_student ON relationship (student_id)');
    await runner.query(`
      CREATE TABLE staff_role (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        role text NOT NULL,
        school_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_staff_role PRIMARY KEY (id),
        CONSTRAINT fk_staff_role_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
        CONSTRAINT fk_staff_role_school FOREIGN KEY (school_id) REFERENCES school (id)
      )`);
    // NULLS NOT DISTINCT: one district-wide grant of a role per person, not one per insert.
    await runner.query(
      'CREATE UNIQUE INDEX uq_staff_role ON staff_role (person_id, role, school_id) NULLS NOT DISTINCT',
    );
    await runner.query(`
      CREATE TABLE team (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        school_id uuid,
        department_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_team PRIMARY KEY (id),
        CONSTRAINT fk_team_school FOREIGN KEY (school_id) REFERENCES school (id),
        CONSTRAINT fk_team_department FOREIGN KEY (department_id) REFERENCES department (id)
      )`);
    await runner.query(`
      CREATE TABLE team_member (
        team_id uuid NOT NULL,
        person_id uuid NOT NULL,
        available boolean NOT NULL DEFAULT true,
        out_of_office_until timestamptz,
        CONSTRAINT pk_team_member PRIMARY KEY (team_id, person_id),
        CONSTRAINT fk_team_member_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
        CONSTRAINT fk_team_member_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE audit_entry (
        id bigserial NOT NULL,
        actor_kind text NOT NULL,
        actor_id text NOT NULL,
        person_id uuid NOT NULL,
        operation text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_audit_entry PRIMARY KEY (id)
      )`);
    await runner.query('CREATE INDEX ix_audit_entry_person ON audit_entry (person_id, at DESC)');
    await runner.query('CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_id, at DESC)');
    await runner.query(`
      CREATE TABLE person_merge (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        survivor_id uuid NOT NULL,
        merged_id uuid NOT NULL,
        merged_snapshot jsonb NOT NULL,
        merged_by text NOT NULL,
        merged_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_person_merge PRIMARY KEY (id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'person_merge',
      'audit_entry',
      'team_member',
      'team',
      'staff_role',
      'relationship',
      'school_membership',
      'person',
      'household',
      'department',
      'school',
      'district',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
