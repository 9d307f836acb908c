import { createHash } from 'node:crypto';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AttachmentBlobMissingError, type AttachmentStorage } from './attachment-storage';

export interface AttachmentCopyReport {
  /** Attachment rows looked at. */
  examined: number;
  copied: number;
  /** Already in the target (copied by an earlier run, or written there in the first place). */
  alreadyThere: number;
  /** Attachment ids whose file is in neither storage: they were already unreadable. */
  missing: string[];
  /** Attachment ids whose file in the source does not match the row's size and SHA-256: not copied. */
  corrupt: string[];
  /** Attachment ids that could not be copied for another reason (the error is logged). */
  failed: string[];
}

/**
 * Copies the file of every `case_attachment` and `kb_article_file` row that the target lacks from `source` into `target`,
 * checking each against the row's size and SHA-256 on the way (a mismatch aborts that one write, so the
 * target never holds a file the row does not describe). Idempotent and safe beside running replicas: new
 * attachments go to the target already, and nothing in the source is changed or removed. Rows are walked
 * in id order in pages, so memory stays flat however many there are; one file is in flight at a time.
 */
export async function copyAttachments(
  dataSource: DataSource,
  source: AttachmentStorage,
  target: AttachmentStorage,
  options: { pageSize?: number; onError?: (attachmentId: string, error: unknown) => void } = {},
): Promise<AttachmentCopyReport> {
  const report: AttachmentCopyReport = {
    examined: 0,
    copied: 0,
    alreadyThere: 0,
    missing: [],
    corrupt: [],
    failed: [],
  };
  const pageSize = options.pageSize ?? 500;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await dataSource.query(
      // Case files and knowledge-base articles' files share the storage.
      `SELECT id, storage_key, size_bytes, sha256
         FROM (SELECT id, storage_key, size_bytes, sha256 FROM case_attachment
               UNION ALL SELECT id, storage_key, size_bytes, sha256 FROM kb_article_file) files
        WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, pageSize],
    )) as { id: string; storage_key: string; size_bytes: number; sha256: string }[];
    if (!rows.length) return report;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      report.examined++;
      try {
        if (await target.has(row.storage_key)) {
          report.alreadyThere++;
          continue;
        }
        const content = await source.get(row.storage_key);
        const check = new ContentCheck(row.size_bytes, row.sha256);
        // pipeline, not pipe: a read error in the source must fail the write, not leave it waiting.
        await target.put(
          row.storage_key,
          pipeline(content, check, () => undefined),
        );
        report.copied++;
      } catch (error) {
        if (error instanceof AttachmentBlobMissingError) report.missing.push(row.id);
        else if (error instanceof ContentMismatchError) report.corrupt.push(row.id);
        else {
          report.failed.push(row.id);
          options.onError?.(row.id, error);
        }
      }
    }
  }
}

class ContentMismatchError extends Error {
  constructor() {
    super('The file does not match its attachment row');
    this.name = 'ContentMismatchError';
  }
}

/** Passes the bytes through and fails at the end unless they have the expected length and SHA-256. */
class ContentCheck extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(
    private readonly sizeBytes: number,
    private readonly sha256: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const ok = this.bytes === this.sizeBytes && this.hash.digest('hex') === this.sha256;
    done(ok ? null : new ContentMismatchError());
  }
}
