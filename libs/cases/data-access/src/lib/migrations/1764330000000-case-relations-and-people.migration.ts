import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tags, watchers, links and merges on cases; the directory's people as the cases service needs them
 * (to match a requester by email or phone without calling the directory); and the critical-alert
 * keyword categories administrators manage.
 */
export class CaseRelationsAndPeople1764330000000 implements MigrationInterface {
  name = 'CaseRelationsAndPeople1764330000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE support_case ADD COLUMN tags text[] NOT NULL DEFAULT '{}'`);
    await runner.query(
      'ALTER TABLE support_case ADD COLUMN merged_into_id uuid CONSTRAINT fk_support_case_merged_into REFERENCES support_case (id)',
    );
    await runner.query('CREATE INDEX ix_support_case_tags ON support_case USING gin (tags)');
    await runner.query(`
      CREATE TABLE case_watcher (
        case_id uuid NOT NULL,
        user_id uuid NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_watcher PRIMARY KEY (case_id, user_id),
        CONSTRAINT fk_case_watcher_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_case_watcher_user ON case_watcher (user_id)');
    await runner.query(`
      CREATE TABLE case_link (
        case_id uuid NOT NULL,
        linked_case_id uuid NOT NULL,
        kind text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_link PRIMARY KEY (case_id, linked_case_id, kind),
        CONSTRAINT fk_case_link_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE,
        CONSTRAINT fk_case_link_linked FOREIGN KEY (linked_case_id) REFERENCES support_case (id) ON DELETE CASCADE,
        CONSTRAINT ck_case_link_kind CHECK (kind IN ('FOLLOW_UP', 'DUPLICATE_OF', 'RELATED')),
        CONSTRAINT ck_case_link_not_self CHECK (case_id <> linked_case_id)
      )`);
    await runner.query('CREATE INDEX ix_case_link_linked ON case_link (linked_case_id)');
    // Follow-ups made before links existed become links, so every relation is read one way.
    await runner.query(`
      INSERT INTO case_link (case_id, linked_case_id, kind, created_by)
      SELECT id, follow_up_of_id, 'FOLLOW_UP', 'system' FROM support_case WHERE follow_up_of_id IS NOT NULL
      ON CONFLICT DO NOTHING`);
    await runner.query(`
      CREATE TABLE known_person (
        id uuid NOT NULL,
        kind text NOT NULL,
        school_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL,
        contact_keys text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_known_person PRIMARY KEY (id)
      )`);
    await runner.query('CREATE INDEX ix_known_person_contact_keys ON known_person USING gin (contact_keys)');
    await runner.query(`
      CREATE TABLE alert_category (
        id uuid NOT NULL,
        name text NOT NULL,
        keywords text[] NOT NULL,
        team_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_alert_category PRIMARY KEY (id)
      )`);
    await runner.query('CREATE UNIQUE INDEX uq_alert_category_name ON alert_category (lower(name))');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE alert_category');
    await runner.query('DROP TABLE known_person');
    await runner.query('DROP TABLE case_link');
    await runner.query('DROP TABLE case_watcher');
    await runner.query('ALTER TABLE support_case DROP COLUMN merged_into_id');
    await runner.query('ALTER TABLE support_case DROP COLUMN tags');
  }
}
