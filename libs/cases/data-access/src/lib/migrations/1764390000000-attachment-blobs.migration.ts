import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachment bytes in the database (ADR 20), so that every replica reads what another wrote: a file is
 * cut into chunks, one row each, keyed by the `case_attachment.storage_key` that points at it (no foreign
 * key: the bytes are written before the message's row, and a file may come from before this table).
 * `STORAGE EXTERNAL` keeps the chunks out of line uncompressed: most attachments (PDF, images, Office
 * files) are compressed already, and compressing them again costs CPU for nothing.
 */
export class AttachmentBlobs1764390000000 implements MigrationInterface {
  name = 'AttachmentBlobs1764390000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_attachment_blob (
        storage_key text NOT NULL,
        chunk_index integer NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_attachment_blob PRIMARY KEY (storage_key, chunk_index),
        CONSTRAINT ck_case_attachment_blob_chunk_index CHECK (chunk_index >= 0)
      )`);
    await runner.query('ALTER TABLE case_attachment_blob ALTER COLUMN content SET STORAGE EXTERNAL');
  }

  /** Drops the bytes kept here too: before reverting, switch to filesystem storage and copy them out. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_attachment_blob');
  }
}
