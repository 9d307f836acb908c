import { Column } from 'typeorm';

/**
 * The columns of every stored file (a message's attachment, an article's file): what it is, and where its
 * bytes are in the attachment storage (ADR 20).
 */
export abstract class StoredFileColumns {
  /** Sanitised: no path, no control characters; safe in a Content-Disposition header. */
  @Column({ type: 'text' })
  fileName!: string;

  /** The type the attachment policy decided from the name and the content, never the sender's claim. */
  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  /** Hex SHA-256 of the content as received: integrity checks and audits can compare the blob with it. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  storageKey!: string;
}
