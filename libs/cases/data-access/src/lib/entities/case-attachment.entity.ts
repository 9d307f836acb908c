import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { StoredFileColumns } from './stored-file-columns';

/** A file that came with a case message; the bytes are in the attachment storage under `storageKey`. */
@Entity({ name: 'case_attachment' })
export class CaseAttachmentEntity extends StoredFileColumns {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'uuid' })
  messageId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
