import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reply templates (macros): district-wide or a team's, their translations and the changes they make. */
export class ReplyTemplates1764440000000 implements MigrationInterface {
  name = 'ReplyTemplates1764440000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reply_template (
        id uuid NOT NULL,
        name text NOT NULL,
        shortcut text,
        team_id uuid,
        translations jsonb NOT NULL,
        set_status text,
        set_priority text,
        set_topic_id uuid,
        add_tags text[] NOT NULL DEFAULT '{}',
        usage_count integer NOT NULL DEFAULT 0,
        last_used_at timestamptz,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_reply_template PRIMARY KEY (id),
        CONSTRAINT fk_reply_template_topic FOREIGN KEY (set_topic_id) REFERENCES topic (id)
      )`);
    // A shortcut names one template in use; an archived one gives its shortcut up.
    await runner.query(
      `CREATE UNIQUE INDEX ux_reply_template_shortcut ON reply_template (lower(shortcut))
         WHERE shortcut IS NOT NULL AND archived_at IS NULL`,
    );
    await runner.query('CREATE INDEX ix_reply_template_team ON reply_template (team_id, name)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reply_template');
  }
}
