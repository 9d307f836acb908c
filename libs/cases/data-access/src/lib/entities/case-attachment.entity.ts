import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file that came with a case message; the bytes are in the attachment storage under `storageKey`. */
@Entity({ name: 'case_attachment' })
export class CaseAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'uuid' })
  messageId!: string;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
