import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseAttachments1764310000000 implements MigrationInterface {
  name = 'CaseAttachments1764310000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_attachment (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        message_id uuid NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_attachment PRIMARY KEY (id),
        CONSTRAINT uq_case_attachment_storage_key UNIQUE (storage_key),
        CONSTRAINT fk_case_attachment_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE,
        CONSTRAINT fk_case_attachment_message FOREIGN KEY (message_id) REFERENCES case_message (id) ON DELETE CASCADE,
        CONSTRAINT ck_case_attachment_size CHECK (size_bytes >= 0),
        CONSTRAINT ck_case_attachment_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_case_attachment_file_name CHECK (length(file_name) BETWEEN 1 AND 255)
      )`);
    // A page of messages reads its attachments by message id in one query.
    await runner.query(
      'CREATE INDEX ix_case_attachment_message ON case_attachment (message_id, created_at, id)',
    );
    await runner.query('CREATE INDEX ix_case_attachment_case ON case_attachment (case_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_attachment');
  }
}
